import { Link } from "@remix-run/react";
import { PhaseBanner } from "./phase-banner";

/**
 * The product name on the brand colour, then the phase banner. NOTE: the banner sits inside the
 * header landmark so that every part of the page belongs to a landmark (axe's "region" rule).
 */
export function AppHeader() {
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
        </div>
      </div>
      <div className="govuk-width-container">
        <PhaseBanner />
      </div>
    </header>
  );
}
