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
            <svg className="app-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <path
                d="M4 6h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8l-5 4v-4H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.2"
                strokeLinejoin="round"
              />
              <path
                d="M24 12h4a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-1v4l-5-4h-7a2 2 0 0 1-2-2v-1"
                fill="none"
                stroke="#f2b134"
                strokeWidth="2.2"
                strokeLinejoin="round"
              />
            </svg>
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
