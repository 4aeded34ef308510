import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRespondent } from "../assessment-access.server";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { reportPath } from "../report.server";
import { assessmentPath, privateLinkPath, summaryPath } from "../paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Assessment complete" };

export async function loader({ params }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(params.token);
  const token = params.token as string;
  if (!respondent.submittedAt) throw redirect(summaryPath(token));
  return {
    organisationName: respondent.organisationName,
    taskListHref: assessmentPath(token),
    privateLinkHref: privateLinkPath(token),
    reportHref: reportPath(token),
  };
}

export default function CompletePage() {
  const { organisationName, taskListHref, privateLinkHref, reportHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">Assessment complete</h1>
              {organisationName ? <div className="govuk-panel__body app-wrap">{organisationName}</div> : null}
            </div>
            <h2 className="govuk-heading-m">Your report is ready</h2>
            <p className="govuk-body">
              It gives your verdict, a score for each area of readiness, the main risks, what to do first, and a starter
              strategy with a 90-day plan. You can download it as a PDF to share.
            </p>
            <Link to={reportHref} className="govuk-button" role="button" draggable="false" data-module="govuk-button">
              Read your report
            </Link>
            <h2 className="govuk-heading-m">What happens next</h2>
            <p className="govuk-body">
              Your answers are saved. You can change them at any time with your{" "}
              <Link className="govuk-link" to={privateLinkHref}>
                private link
              </Link>
              .
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to={taskListHref}>
                Return to your assessment
              </Link>
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
