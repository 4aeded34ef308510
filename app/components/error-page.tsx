import type { ReactNode } from "react";
import { errorPageTitle } from "./error-page-title";

/** A same-site path to link back to: one leading slash, so it can never name another site. */
function safePath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const clean = `/${path.split(/[?#]/, 1)[0]?.replace(/^[/\\]+/, "") ?? ""}`;
  return clean === "/" ? undefined : clean;
}

function StartLink() {
  return (
    <a className="govuk-link" href="/">
      go to the start page
    </a>
  );
}

function BackTo({ path, children }: { path: string | undefined; children: ReactNode }) {
  const href = safePath(path);
  if (!href) {
    return (
      <p className="govuk-body">
        You can <StartLink />.
      </p>
    );
  }
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={href}>
        {children}
      </a>
      , or <StartLink />.
    </p>
  );
}

function ErrorBody({ status, path }: { status: number; path: string | undefined }) {
  switch (status) {
    case 404:
      return (
        <>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">
            If you pasted your private link, check you copied all of it. Private links are long, and email programs
            sometimes split them over two lines.
          </p>
          <p className="govuk-body">
            If you have lost your link, we cannot find your assessment for you, because we do not ask for your name or
            email address. You can{" "}
            <a className="govuk-link" href="/">
              start a new assessment
            </a>
            .
          </p>
        </>
      );
    case 403:
      return (
        <>
          <p className="govuk-body">
            We only accept forms sent from this service&apos;s own pages. This one came from another website, so we did
            not act on it. Nothing was saved or changed.
          </p>
          <p className="govuk-body">
            If you were filling in your assessment, open the page again from your private link and try once more.
          </p>
          <BackTo path={path}>Open the page again</BackTo>
        </>
      );
    case 405:
      return (
        <>
          <p className="govuk-body">
            Your browser or program asked for this page in a way the service does not support. Nothing was saved or
            changed.
          </p>
          <BackTo path={path}>Open the page</BackTo>
        </>
      );
    case 413:
      return (
        <>
          <p className="govuk-body">
            What you sent was larger than the service accepts, so nothing was saved. Even the longest answers to every
            question fit well inside the limit.
          </p>
          <p className="govuk-body">Go back to the page, shorten your longest answers and try again.</p>
          <BackTo path={path}>Go back to the page</BackTo>
        </>
      );
    default:
      return (
        <>
          <p className="govuk-body">Try again later.</p>
          <p className="govuk-body">
            Your saved answers are safe. Anything you entered on this page may not have been saved, so check it when you
            come back.
          </p>
        </>
      );
  }
}

/**
 * The page for an error status, in the app's layout: page not found, a form from another site,
 * a method the app does not take, a body too large, or a problem with the service.
 */
export function ErrorPage({ status, path }: { status: number; path?: string }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{errorPageTitle(status)}</h1>
            <ErrorBody status={status} path={path} />
          </div>
        </div>
      </main>
    </div>
  );
}
