import { Link } from "@remix-run/react";
import { SERVICE_PAGES } from "../service/service-paths";

/**
 * On every page: the service's accessibility statement, privacy notice and contact page. (The
 * privacy notice now says who can see the answers, in full: people with the private link, and
 * people with a link to read the report.)
 */
export function AppFooter() {
  return (
    <footer className="app-footer app-no-print">
      <div className="govuk-width-container">
        <h2 className="govuk-visually-hidden">Support links</h2>
        <ul className="app-footer__links">
          <li>
            <Link className="govuk-link app-footer__link" to={SERVICE_PAGES.accessibility}>
              Accessibility statement
            </Link>
          </li>
          <li>
            <Link className="govuk-link app-footer__link" to={SERVICE_PAGES.privacy}>
              Privacy notice
            </Link>
          </li>
          <li>
            <Link className="govuk-link app-footer__link" to={SERVICE_PAGES.contact}>
              Contact and feedback
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
