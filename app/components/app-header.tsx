import { Form, Link } from "@remix-run/react";
import { PhaseBanner } from "./phase-banner";

/** Who is signed in, as the header shows it; null when no one is. */
export type HeaderAccount = {
  displayName: string;
  workspace: { name: string; href: string } | null;
} | null;

/**
 * The product name on the brand colour, then the phase banner. NOTE: the banner sits inside the
 * header landmark so that every part of the page belongs to a landmark (axe's "region" rule).
 * Signed in, the header names the person's workspace and has a Sign out button (a form, as
 * signing out changes something); signed out, a Sign in link.
 */
export function AppHeader({ account = null }: { account?: HeaderAccount }) {
  return (
    <header className="app-header" data-module="app-header">
      <div className="app-header__bar">
        <div className="govuk-width-container app-header__container">
          <Link to="/" className="app-header__name">
            {/* NOTE: the mark is drawn by the stylesheet (app.scss), so it costs every page no script. */}
            <span className="app-header__mark" aria-hidden="true" />
            Engagement readiness
          </Link>
          <p className="app-header__tagline">For councils and public bodies</p>
          <nav className="app-header__account" aria-label="Your account">
            {account ? (
              <>
                {account.workspace ? (
                  <Link to={account.workspace.href} className="app-header__link app-wrap">
                    {account.workspace.name}
                  </Link>
                ) : null}
                <Form method="post" action="/sign-out">
                  <button type="submit" className="app-header__button">
                    Sign out<span className="govuk-visually-hidden">{` ${account.displayName}`}</span>
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/sign-in" className="app-header__link">
                Sign in
              </Link>
            )}
          </nav>
        </div>
      </div>
      <div className="govuk-width-container">
        <PhaseBanner />
      </div>
    </header>
  );
}
