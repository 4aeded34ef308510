import { Link } from "@remix-run/react";
import type { PageHandle } from "../components/document-title";

export const handle: PageHandle = { title: "Assessment deleted" };

export default function DeletedPage() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">Assessment deleted</h1>
            </div>
            <p className="govuk-body">
              Its answers, its report and every link to it have been deleted. The links now lead to &quot;Page not
              found&quot;.
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/">
                Start a new assessment
              </Link>
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
