import type { ReactNode } from "react";
import { refusalTitle } from "./refusal-title";

/*
 * The pages for requests the production server refuses before the app sees them. They are
 * only ever rendered on the server (app/routes/request-refused.tsx is sent without scripts).
 * NOTE: the layout repeats error-page.tsx's on purpose: importing it from this route would
 * split it into a chunk of its own, which every page would then load, over the size budget.
 */

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

function RefusalBody({ status, path }: { status: number; path: string | undefined }) {
  switch (status) {
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
    default:
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
  }
}

/** The page for a refused request: a form from another site, a method the app does not take, or a body too large. */
export function RefusalPage({ status, path }: { status: 403 | 405 | 413; path?: string }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{refusalTitle(status)}</h1>
            <RefusalBody status={status} path={path} />
          </div>
        </div>
      </main>
    </div>
  );
}
