import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { recordReportLinkUse } from "../../db/repositories/links";
import { pageBranding, viewForPage } from "../branding/page-branding";
import type { PageHandle } from "../components/document-title";
import { ReadyReport } from "../components/report/report-page";
import { db } from "../db.server";
import { DOWNLOAD_FAILED_PARAM } from "../exports/export-route.server";
import { readOnlyExportPaths } from "../exports/export-paths";
import { privatePageHeaders } from "../http";
import { reportLinkUrl, requireReportLink } from "../links/report-links.server";
import { readOnlyLogoPath } from "../branding/branding-paths";
import { readOnlyPdfPath } from "../paths";
import { prefetchReportPdfs } from "../pdf/pdf-files.server";
import { loadReport } from "../report.server";

export const headers = privatePageHeaders;

export const handle: PageHandle = {
  title: (data) =>
    (data as { kind?: string } | undefined)?.kind === "ready"
      ? "Readiness report"
      : "This report is not available at the moment",
};

/**
 * The report through a read-only link: the report page and its PDF, and nothing else. No link
 * leads into the questions, and nothing on the page holds the private link.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { linkId, owner } = await requireReportLink(params.token);
  const token = params.token as string;
  await recordReportLinkUse(db, { assessmentId: owner.assessmentId, linkId });
  // The PDF read through this link names this link as its accessible version.
  const loaded = await loadReport(owner, { accessibleVersionUrl: reportLinkUrl(request, token), sectionHref: null });
  // Any PDF not kept yet starts now, on idle workers (the board summary first), so downloads are instant.
  if (loaded.kind === "ready") prefetchReportPdfs(owner.assessmentId, loaded.view);
  if (loaded.kind === "incomplete") return { kind: "incomplete" as const };
  return {
    kind: "ready" as const,
    view: viewForPage(loaded.view),
    branding: pageBranding(loaded.view.branding, readOnlyLogoPath(token)),
    downloads: {
      summaryA4Href: readOnlyPdfPath(token, "A4", "summary"),
      summaryLetterHref: readOnlyPdfPath(token, "LETTER", "summary"),
      pdfA4Href: readOnlyPdfPath(token, "A4"),
      pdfLetterHref: readOnlyPdfPath(token, "LETTER"),
      pdfFailed: new URL(request.url).searchParams.has("pdf-failed"),
      exportHrefs: readOnlyExportPaths(token),
      exportFailed: new URL(request.url).searchParams.has(DOWNLOAD_FAILED_PARAM),
    },
  };
}

export default function ReadOnlyReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content">
        {data.kind === "incomplete" ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h1 className="govuk-heading-l">This report is not available at the moment</h1>
              <p className="govuk-body">
                The organisation that shared it is changing some of its answers. Try again later, or ask the person who
                shared the link with you.
              </p>
            </div>
          </div>
        ) : (
          <ReadyReport
            view={data.view}
            branding={data.branding}
            heading="Readiness report and starter strategy"
            downloads={data.downloads}
            notice={
              <p className="govuk-inset-text app-no-print">
                This report was shared with you through a read-only link. You can read it here and download it as a PDF
                or a Word document.
              </p>
            }
          />
        )}
      </main>
    </div>
  );
}
