/**
 * On every page: the service's accessibility statement, privacy notice and contact page.
 * NOTE: plain links, not Remix's <Link>: these pages are public and cached, a full load costs
 * little, and every byte in the root layout is paid by every page's JavaScript budget.
 */
export function AppFooter() {
  return (
    <footer className="app-footer app-no-print">
      <div className="govuk-width-container">
        <h2 className="govuk-visually-hidden">Support links</h2>
        <ul className="app-footer__links">
          <li>
            <a className="govuk-link app-footer__link" href="/accessibility">
              Accessibility statement
            </a>
          </li>
          <li>
            <a className="govuk-link app-footer__link" href="/privacy">
              Privacy notice
            </a>
          </li>
          <li>
            <a className="govuk-link app-footer__link" href="/contact">
              Contact and feedback
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
