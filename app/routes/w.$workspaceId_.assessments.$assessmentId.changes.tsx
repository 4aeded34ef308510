import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { ComparisonView } from "../reassessment/comparison-view";
import { requireWorkspaceAssessment } from "../reassessment/reassessment.server";
import { clientPath } from "../clients/client-paths";
import { nextAssessmentPath } from "../reassessment/reassessment-paths";
import { loadReport } from "../report.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => {
    const name = (data as { clientName?: string | null } | undefined)?.clientName;
    return name ? `What has changed for ${name}` : "What has changed";
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, assessment, may } = await requireWorkspaceAssessment(request, params, "read-reports");
  // The comparison is part of the report: the same judgement the report page and PDF show.
  const loaded = await loadReport(assessment, { accessibleVersionUrl: null, sectionHref: null });
  const mayStartNext = may("create-assessments") && assessment.submittedAt !== null;
  return {
    clientName: assessment.organisationName,
    clientHref: clientPath(workspace.workspaceId, assessment.organisationId),
    nextHref: mayStartNext ? nextAssessmentPath(workspace.workspaceId, assessment.assessmentId) : null,
    state:
      loaded.kind === "incomplete"
        ? ("incomplete" as const)
        : loaded.view.progress
          ? ("compared" as const)
          : ("first" as const),
    progress: loaded.kind === "ready" ? loaded.view.progress : null,
  };
}

export default function ChangesPage() {
  const { clientName, clientHref, nextHref, state, progress } = useLoaderData<typeof loader>();
  const name = clientName ?? "this client";
  return (
    <div className="govuk-width-container">
      <BackLink to={clientHref}>{`Back to ${name}`}</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        {progress ? (
          <>
            <span className="govuk-caption-xl">Progress</span>
            <h1 className="govuk-heading-xl app-wrap">{name}</h1>
            <ComparisonView comparison={progress.comparison} trend={progress.trend} id="changes" />
          </>
        ) : (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <span className="govuk-caption-l app-wrap">{name}</span>
              <h1 className="govuk-heading-l">There is nothing to compare yet</h1>
              {state === "incomplete" ? (
                <p className="govuk-body">
                  This assessment has questions still to answer. When it is finished, this page shows what has changed
                  since the client&apos;s last finished assessment.
                </p>
              ) : (
                <p className="govuk-body">
                  This is the first finished assessment of {name}. Start the next one in a few months, when the first
                  steps of the plan should be done: this page then shows what has changed.
                </p>
              )}
            </div>
          </div>
        )}
        {nextHref ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={nextHref}>
              Start the next assessment
            </Link>
          </p>
        ) : null}
      </main>
    </div>
  );
}
