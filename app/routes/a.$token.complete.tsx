import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { reportPath } from "../report.server";
import { assessmentPath, privateLinkPath, summaryPath } from "../paths";
import { requireAnswerer } from "../workshop/participant-access.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { workshop?: unknown } | undefined)?.workshop ? "Thank you for your answers" : "Assessment complete",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const token = params.token as string;
  if (!respondent.submittedAt) throw redirect(summaryPath(token));
  return {
    organisationName: participant ? participant.clientName : respondent.organisationName,
    taskListHref: assessmentPath(token),
    // A workshop participant has no report or private-link page: the group's report is the facilitator's.
    workshop: participant ? { clientName: participant.clientName, name: participant.name } : null,
    privateLinkHref: participant ? null : privateLinkPath(token),
    reportHref: participant ? null : reportPath(token),
  };
}

export default function CompletePage() {
  const { organisationName, taskListHref, workshop, privateLinkHref, reportHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {workshop ? (
              <>
                <div className="govuk-panel govuk-panel--confirmation">
                  <h1 className="govuk-panel__title">Thank you, {workshop.name}</h1>
                  <div className="govuk-panel__body app-wrap">Your answers for the {workshop.clientName} workshop</div>
                </div>
                <h2 className="govuk-heading-m">What happens next</h2>
                <p className="govuk-body">
                  The facilitator can see that you have finished. In the workshop, they will show the group where people
                  gave different answers, and the group will agree on one answer for each question.
                </p>
                <p className="govuk-body">
                  You can change your answers until the facilitator closes the workshop. Use your own link to come back.
                </p>
                <p className="govuk-body">
                  <Link className="govuk-link" to={taskListHref}>
                    Look at or change your answers
                  </Link>
                </p>
              </>
            ) : (
              <>
                <div className="govuk-panel govuk-panel--confirmation">
                  <h1 className="govuk-panel__title">Assessment complete</h1>
                  {organisationName ? <div className="govuk-panel__body app-wrap">{organisationName}</div> : null}
                </div>
                <h2 className="govuk-heading-m">Your report is ready</h2>
                <p className="govuk-body">
                  It gives your verdict, a score for each area of readiness, the main risks, what to do first, and a
                  starter strategy with a 90-day plan. You can download it as a PDF to share.
                </p>
                {reportHref ? (
                  <Link
                    to={reportHref}
                    className="govuk-button"
                    role="button"
                    draggable="false"
                    data-module="govuk-button"
                  >
                    Read your report
                  </Link>
                ) : null}
                <h2 className="govuk-heading-m">What happens next</h2>
                <p className="govuk-body">
                  Your answers are saved. You can change them at any time with your{" "}
                  {privateLinkHref ? (
                    <Link className="govuk-link" to={privateLinkHref}>
                      private link
                    </Link>
                  ) : (
                    "private link"
                  )}
                  .
                </p>
                <p className="govuk-body">
                  <Link className="govuk-link" to={taskListHref}>
                    Return to your assessment
                  </Link>
                </p>
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
