import type { ReactNode } from "react";
import { errorPageTitle } from "./error-page-title";

/**
 * The root error boundary's page, in the app's layout: page not found, a post to a page that
 * takes none, or a problem with the service. Every page's scripts carry this file and the capacity pages sit at the 120 KB
 * budget, so it holds only what the browser can need; the pages for refused requests are in
 * refusal-page.tsx, rendered only on the server.
 */
export function ErrorPage({ status }: { status: number }) {
  return (
    <ErrorLayout title={errorPageTitle(status)}>
      {status === 404 ? (
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
      ) : status === 405 ? (
        <p className="govuk-body">
          {/* NOTE: shorter than the server's own refusal page; the title says what happened. */}
          Nothing was saved or changed. You can{" "}
          <a className="govuk-link" href="/">
            go to the start page
          </a>
          .
        </p>
      ) : (
        <>
          <p className="govuk-body">Try again later.</p>
          <p className="govuk-body">
            Your saved answers are safe. Anything you entered on this page may not have been saved, so check it when you
            come back.
          </p>
        </>
      )}
    </ErrorLayout>
  );
}

/** An error page's layout: its heading, then what to do next. */
function ErrorLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{title}</h1>
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
