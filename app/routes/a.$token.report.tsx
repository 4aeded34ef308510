import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireNotParticipant } from "../workshop/participant-access.server";
import { pageBranding, viewForPage } from "../branding/page-branding";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ReadyReport } from "../components/report/report-page";
import { DOWNLOAD_FAILED_PARAM } from "../exports/export-route.server";
import { exportPaths } from "../exports/export-paths";
import { privatePageHeaders } from "../http";
import { newestReportLink } from "../links/report-links.server";
import { assessmentLogoPath } from "../branding/branding-paths";
import { assessmentPath, sectionCheckPath, shareReportPath } from "../paths";
import { prefetchReportPdfs } from "../pdf/pdf-files.server";
import { loadReport, reportPdfPath } from "../report.server";

export const headers = privatePageHeaders;

export const handle: PageHandle = {
  title: (data) =>
    (data as { kind?: string } | undefined)?.kind === "ready"
      ? "Your readiness report"
      : "Your report is not ready yet",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const respondent = await requireNotParticipant(params.token);
  const token = params.token as string;
  // The PDF names the newest read-only link as its accessible version, never this private link.
  const newest = respondent.role === "owner" ? await newestReportLink(respondent, token, request) : null;
  const loaded = await loadReport(respondent, {
    accessibleVersionUrl: newest?.url ?? null,
    sectionHref: (sectionId) => sectionCheckPath(token, sectionId),
  });
  // PDFs are rendered ahead when the assessment is finished or changed; this covers any not kept yet.
  if (loaded.kind === "ready") prefetchReportPdfs(respondent.assessmentId, loaded.view);
  const links = {
    taskListHref: assessmentPath(token),
    shareHref: shareReportPath(token),
    pdfLinkLabel: newest ? (newest.label ?? "") : null,
    downloads: {
      summaryA4Href: reportPdfPath(token, "A4", "summary"),
      summaryLetterHref: reportPdfPath(token, "LETTER", "summary"),
      pdfA4Href: reportPdfPath(token, "A4"),
      pdfLetterHref: reportPdfPath(token, "LETTER"),
      pdfFailed: new URL(request.url).searchParams.has("pdf-failed"),
      exportHrefs: exportPaths(token),
      exportFailed: new URL(request.url).searchParams.has(DOWNLOAD_FAILED_PARAM),
    },
  };
  if (loaded.kind === "incomplete") return { ...loaded, ...links };
  return {
    ...loaded,
    view: viewForPage(loaded.view),
    branding: pageBranding(loaded.view.branding, assessmentLogoPath(token)),
    ...links,
  };
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={data.taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        {data.kind === "incomplete" ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h1 className="govuk-heading-l">Your report is not ready yet</h1>
              <p className="govuk-body">The report needs an answer to every question. Finish these sections first:</p>
              <ul className="govuk-list govuk-list--bullet">
                {data.sections.map((section) => (
                  <li key={section.title}>
                    {section.href ? (
                      <Link className="govuk-link" to={section.href}>
                        {section.title}
                      </Link>
                    ) : (
                      section.title
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : (
          <ReadyReport
            view={data.view}
            branding={data.branding}
            heading="Your readiness report and starter strategy"
            downloads={data.downloads}
            notice={<SharingNote shareHref={data.shareHref} pdfLinkLabel={data.pdfLinkLabel} />}
          />
        )}
      </main>
    </div>
  );
}

/**
 * The owner's page lives at their private link, so they are told not to pass its address on,
 * and how to share instead. Screen only: it is about this page, not part of the report.
 */
function SharingNote({ shareHref, pdfLinkLabel }: { shareHref: string; pdfLinkLabel: string | null }) {
  return (
    <div className="govuk-inset-text app-no-print">
      <p className="govuk-body">
        Do not share the address of this page: it is your private link, and anyone who has it can change your answers.
        To share the report,{" "}
        <Link className="govuk-link" to={shareHref}>
          create a read-only link
        </Link>
        .
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        {pdfLinkLabel === null
          ? "The PDFs do not give a web address for the report, because you have no read-only links. They tell readers to ask you for one."
          : pdfLinkLabel
            ? `The PDFs give your newest read-only link, "${pdfLinkLabel}", as the address of the report's web version.`
            : "The PDFs give your newest read-only link as the address of the report's web version."}
      </p>
    </div>
  );
}
