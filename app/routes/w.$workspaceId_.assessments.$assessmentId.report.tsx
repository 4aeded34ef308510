import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findWorkspaceAssessment } from "../../db/repositories/clients";
import { clientPath, workspaceDownloadPaths } from "../clients/client-paths";
import { requireWorkspaceReport, loadWorkspaceReport } from "../clients/workspace-report.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ReadyReport } from "../components/report/report-page";
import { db } from "../db.server";
import { DOWNLOAD_FAILED_PARAM } from "../exports/export-route.server";
import { notFound, privatePageHeaders } from "../http";
import { prefetchReportPdfs } from "../pdf/pdf-files.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { kind?: string } | undefined)?.kind === "ready" ? "Readiness report" : "The report is not ready yet",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { scope, respondent } = await requireWorkspaceReport(request, params, "read-reports");
  const assessment = await findWorkspaceAssessment(db, scope, respondent.assessmentId);
  if (!assessment) throw notFound();
  const loaded = await loadWorkspaceReport(respondent);
  if (loaded.kind === "ready") prefetchReportPdfs(respondent.assessmentId, loaded.view);
  const url = new URL(request.url);
  return {
    ...loaded,
    clientName: assessment.clientName,
    clientHref: clientPath(scope.workspaceId, assessment.clientId),
    downloads: {
      ...workspaceDownloadPaths(scope.workspaceId, respondent.assessmentId),
      pdfFailed: url.searchParams.has("pdf-failed"),
      exportFailed: url.searchParams.has(DOWNLOAD_FAILED_PARAM),
    },
  };
}

export default function WorkspaceReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={data.clientHref}>{`Back to ${data.clientName}`}</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        {data.kind === "incomplete" ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <span className="govuk-caption-l app-wrap">{data.clientName}</span>
              <h1 className="govuk-heading-l">The report is not ready yet</h1>
              <p className="govuk-body">The report needs an answer to every question. These sections are not done:</p>
              <ul className="govuk-list govuk-list--bullet">
                {data.sections.map((section) => (
                  <li key={section.title}>{section.title}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : (
          <ReadyReport
            view={data.view}
            heading={`Readiness report for ${data.clientName}`}
            downloads={data.downloads}
          />
        )}
      </main>
    </div>
  );
}
