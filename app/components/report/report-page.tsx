import type { ReactNode } from "react";
import type { ExportKind } from "../../exports/download-name";
import { ComparisonView } from "../../reassessment/comparison-view";
import { COMPARISON_TITLE } from "../../reassessment/comparison-wording";
import { REPORT_SECTIONS } from "../../report/report-sections";
import type { ReportView } from "../../report/report-view";
import type { PageBranding } from "../../branding/page-branding";
import { PreparedBy } from "./prepared-by";
import { ReportBody } from "./report-body";
import { ReportDownloads as ExportDownloadList } from "./report-downloads";
import { WorkshopDisagreements } from "./workshop-disagreements";
import { WORKSHOP_SECTION } from "../../report/workshop-wording";
import { formatDate } from "./report-parts";

export type ReportDownloadLinks = {
  /** The board summary (2 to 4 pages), the first download. */
  summaryA4Href: string;
  summaryLetterHref: string;
  /** The full report. */
  pdfA4Href: string;
  pdfLetterHref: string;
  /** The PDF could not be made on the last try: say so, and that the page has everything. */
  pdfFailed: boolean;
  /** The Word document and data files this link may download (app/exports). */
  exportHrefs: Partial<Record<ExportKind, string>>;
  /** One of those files could not be made on the last try. */
  exportFailed: boolean;
};

/**
 * A finished report as a page: the same for its owner and for someone reading it through a
 * read-only link, except for the heading and the `notice` under the downloads. Nothing here
 * links into the questions or shows a private link.
 */
/** The re-assessment's comparison on the page, before section 1 as in the PDF. */
const PROGRESS_ID = "since-last-assessment";

export function ReadyReport({
  view,
  heading,
  downloads,
  notice,
  branding = null,
}: {
  view: ReportView;
  heading: string;
  downloads: ReportDownloadLinks;
  notice?: ReactNode;
  /** A client's report: the workspace that prepared it. */
  branding?: PageBranding | null;
}) {
  const { report } = view;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full app-report">
        {downloads.pdfFailed ? (
          <div className="govuk-error-summary" data-error-summary tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">We could not make the PDF</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">
                  Try again in a minute. The report is all on this page, and you can print it or save it as a PDF from
                  your browser.
                </p>
              </div>
            </div>
          </div>
        ) : null}
        {downloads.exportFailed ? (
          <div className="govuk-error-summary" data-error-summary tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">We could not make that file</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">Try again in a minute. The report is all on this page.</p>
              </div>
            </div>
          </div>
        ) : null}
        {branding ? <PreparedBy branding={branding} /> : null}
        <span className="govuk-caption-xl app-wrap">{report.meta.organisationName}</span>
        <h1 className="govuk-heading-xl">{heading}</h1>
        <p className="govuk-body app-report-meta">
          Assessed on {formatDate(report.meta.assessedOn)}.
          {view.completedBy ? <> Completed by {view.completedBy}.</> : null}
        </p>
        <h2 className="govuk-heading-m app-no-print" id="downloads">
          Download this report
        </h2>
        <div className="govuk-button-group app-no-print">
          <a className="govuk-button" href={downloads.summaryA4Href} data-module="govuk-button" role="button">
            Download the board summary (PDF, 2 to 4 pages)
          </a>
          <a
            className="govuk-button govuk-button--secondary"
            href={downloads.pdfA4Href}
            data-module="govuk-button"
            role="button"
          >
            Download the full report (PDF)
          </a>
        </div>
        <p className="govuk-body app-no-print">
          On US Letter paper:{" "}
          <a className="govuk-link" href={downloads.summaryLetterHref}>
            board summary (PDF)
          </a>
          ,{" "}
          <a className="govuk-link" href={downloads.pdfLetterHref}>
            full report (PDF)
          </a>
          .
        </p>
        <p className="govuk-body-s app-no-print">
          The board summary gives the decision, the verdict, the people and money it takes, the three main risks and the
          first 90 days. The full report has everything on this page. Both PDFs are tagged for screen readers; this page
          is the accessible version of the report and works with any assistive technology.
        </p>
        <div className="app-no-print">
          <h3 className="govuk-heading-s">To edit or analyse</h3>
          <ExportDownloadList hrefs={downloads.exportHrefs} />
        </div>
        {notice}
        <nav className="app-contents" aria-labelledby="contents-title">
          <h2 className="govuk-heading-s" id="contents-title">
            Contents
          </h2>
          {view.progress ? (
            <p className="govuk-body govuk-!-margin-bottom-2">
              <a className="govuk-link" href={`#${PROGRESS_ID}`}>
                {COMPARISON_TITLE}
              </a>
            </p>
          ) : null}
          {view.workshop ? (
            <p className="govuk-body govuk-!-margin-bottom-2">
              <a className="govuk-link" href={`#${WORKSHOP_SECTION.id}`}>
                {WORKSHOP_SECTION.title}
              </a>
            </p>
          ) : null}
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
        {view.progress ? (
          <ComparisonView comparison={view.progress.comparison} trend={view.progress.trend} id={PROGRESS_ID} />
        ) : null}
        {view.workshop ? <WorkshopDisagreements findings={view.workshop} /> : null}
        <ReportBody view={view} />
      </div>
    </div>
  );
}
