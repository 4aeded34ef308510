import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRespondent } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ReportBody } from "../components/report/report-body";
import { ReportDownloads } from "../components/report/report-downloads";
import { DOWNLOAD_FAILED_PARAM } from "../exports/export-route.server";
import { exportPaths } from "../exports/export-paths";
import { formatDate } from "../components/report/report-parts";
import { REPORT_SECTIONS } from "../report/report-sections";
import { privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { getPdfCache } from "../pdf/pdf-cache.server";
import { loadReport, reportPdfPath } from "../report.server";

export const headers = privatePageHeaders;

export const handle: PageHandle = {
  title: (data) =>
    (data as { kind?: string } | undefined)?.kind === "ready"
      ? "Your readiness report"
      : "Your report is not ready yet",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(params.token);
  const token = params.token as string;
  const loaded = await loadReport(respondent, token, request);
  // Start the PDF now, on an idle worker, so "Download the PDF" is instant for most readers.
  if (loaded.kind === "ready") getPdfCache().prefetch(loaded.view, { pageSize: "A4" });
  const links = {
    taskListHref: assessmentPath(token),
    pdfA4Href: reportPdfPath(token, "A4"),
    pdfLetterHref: reportPdfPath(token, "LETTER"),
    pdfFailed: new URL(request.url).searchParams.has("pdf-failed"),
    // The Word document and the data (app/exports).
    exportHrefs: exportPaths(token),
    downloadFailed: new URL(request.url).searchParams.has(DOWNLOAD_FAILED_PARAM),
  };
  return { ...loaded, ...links };
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={data.taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        {data.kind === "incomplete" ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h1 className="govuk-heading-l">Your report is not ready yet</h1>
              <p className="govuk-body">The report needs an answer to every question. Finish these sections first:</p>
              <ul className="govuk-list govuk-list--bullet">
                {data.sections.map((section) => (
                  <li key={section.href}>
                    <Link className="govuk-link" to={section.href}>
                      {section.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : (
          <ReadyReport data={data} />
        )}
      </main>
    </div>
  );
}

type ReadyData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "ready" }>;

function ReadyReport({ data }: { data: ReadyData }) {
  const { view } = data;
  const { report } = view;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full app-report">
        {data.pdfFailed ? (
          <div className="govuk-error-summary" data-error-summary tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">We could not make your PDF</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">
                  Try again in a minute. Your report is all on this page, and you can print it or save it as a PDF from
                  your browser.
                </p>
              </div>
            </div>
          </div>
        ) : null}
        {data.downloadFailed ? (
          <div className="govuk-error-summary" data-error-summary tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">We could not make that file</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">Try again in a minute. Your report is all on this page.</p>
              </div>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-xl app-wrap">{report.meta.organisationName}</span>
        <h1 className="govuk-heading-xl">Your readiness report and starter strategy</h1>
        <p className="govuk-body app-report-meta">
          Assessed on {formatDate(report.meta.assessedOn)}.
          {view.completedBy ? <> Completed by {view.completedBy}.</> : null}
        </p>
        <h2 className="govuk-heading-m app-no-print" id="downloads">
          Download this report
        </h2>
        <div className="govuk-button-group app-no-print">
          <a className="govuk-button" href={data.pdfA4Href} data-module="govuk-button" role="button">
            Download the PDF (A4)
          </a>
          <a className="govuk-link" href={data.pdfLetterHref}>
            Download the PDF on US Letter paper
          </a>
        </div>
        <p className="govuk-body-s app-no-print">
          The PDF is for sharing and printing. This page is the accessible version of the report: it works with screen
          readers and other assistive technology.
        </p>
        <div className="app-no-print">
          <h3 className="govuk-heading-s">To edit or analyse</h3>
          <ReportDownloads hrefs={data.exportHrefs} />
        </div>
        <nav className="app-contents" aria-labelledby="contents-title">
          <h2 className="govuk-heading-s" id="contents-title">
            Contents
          </h2>
          <ol className="govuk-list govuk-list--number">
            {REPORT_SECTIONS.map((section) => (
              <li key={section.id}>
                <a className="govuk-link" href={`#${section.id}`}>
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <ReportBody view={view} />
      </div>
    </div>
  );
}
