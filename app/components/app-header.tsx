import { Form, Link } from "@remix-run/react";
import { PhaseBanner } from "./phase-banner";

/** The signed-in person's workspace, as the header links to it; null when no one is signed in. */
export type HeaderAccount = { workspaceName: string; workspaceHref: string } | null;

/**
 * The product name on the brand colour, then the phase banner. NOTE: the banner sits inside the
 * header landmark so that every part of the page belongs to a landmark (axe's "region" rule).
 * Signed in, the header names the person's workspace and has a Sign out button (a form, as
 * signing out changes something); signed out, a Sign in link.
 */
export function AppHeader({ account }: { account?: HeaderAccount }) {
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <div className="govuk-width-container app-header__container">
          <Link to="/" className="app-header__name">
            {/* NOTE: the mark is drawn by the stylesheet (app.scss), so it costs every page no script. */}
            <span className="app-header__mark" aria-hidden="true" />
            Engagement readiness
          </Link>
          <p className="app-header__tagline">For councils and public bodies</p>
          {/* NOTE: kept as small as it can be: it is on every page, and the longest wizard page is at its
              script budget (npm run size). */}
          <Link to={account?.workspaceHref ?? "/sign-in"} className="app-header__link app-header__account">
            {account?.workspaceName ?? "Sign in"}
          </Link>
          {account ? (
            <Form method="post" action="/sign-out">
              <button className="app-header__link">Sign out</button>
            </Form>
          ) : null}
        </div>
      </div>
      <div className="govuk-width-container">
        <PhaseBanner />
      </div>
    </header>
  );
}
