/**
 * Renders the readiness report PDF in the current thread. The server calls it through the worker
 * pool (`pdf-pool.server.ts`) so that rendering never blocks other requests; the pool's workers
 * call it too, and so does the pool itself when no worker script can be found.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { orgName } from "../questionnaire/sections/organisation";
import type { ReportView } from "../report/report-view";
import { pdfFonts } from "./fonts.server";
import { pdfSafeData, withShortenedName } from "./pdf-text";
import { PAGE_SIZES, type PdfPageSize } from "./pdf-theme";
import { ReportDocument } from "./report-document";
import { SummaryDocument } from "./summary-document";
import { WarmUpDocument } from "./warm-up-document";

export type { PdfPageSize } from "./pdf-theme";

/** The longest organisation name the form accepts; see `withShortenedName`. */
const SUMMARY_NAME_LIMIT = orgName.maxLength;

/** The board summary (2 to 4 pages, the default download) or the full report. */
export const PDF_DOCUMENTS = ["summary", "full"] as const;
export type PdfDocumentKind = (typeof PDF_DOCUMENTS)[number];

/**
 * What to render. `document` is part of every cache (and stored-file) key: a summary and a full
 * report of the same assessment are different files.
 */
export type RenderPdfOptions = { pageSize: PdfPageSize; document: PdfDocumentKind };

/**
 * Renders the board summary or the full report as a tagged PDF: A4 or US Letter, Public Sans
 * embedded, with an outline.
 */
export async function renderReportPdf(view: ReportView, options: RenderPdfOptions): Promise<Buffer> {
  if (!PAGE_SIZES.includes(options.pageSize)) {
    throw new TypeError(`Unsupported PDF page size "${String(options.pageSize)}": use ${PAGE_SIZES.join(" or ")}.`);
  }
  if (!PDF_DOCUMENTS.includes(options.document)) {
    throw new TypeError(`Unknown PDF document "${String(options.document)}": use ${PDF_DOCUMENTS.join(" or ")}.`);
  }
  const fonts = await pdfFonts();
  // Every string is made safe to typeset first: control characters, emoji, characters no font
  // has and over-long words must not crash react-pdf or push text off the page.
  const shown =
    options.document === "summary"
      ? withShortenedName(view, view.report.meta.organisationName, SUMMARY_NAME_LIMIT)
      : view;
  const safeView = { ...pdfSafeData(shown, fonts.covers), reportUrl: view.reportUrl };
  const props = { view: safeView, pageSize: options.pageSize, fontFamily: fonts.fontFamily };
  const pdf = await renderToBuffer(options.document === "summary" ? SummaryDocument(props) : ReportDocument(props));
  // NOTE: the structure tree comes from our patch to react-pdf (patches/), applied by
  // `npm ci`. An install that skipped it (--ignore-scripts) would quietly serve PDFs that screen
  // readers cannot follow, so fail loudly instead.
  if (!pdf.includes("/StructTreeRoot")) {
    throw new Error("The PDF has no structure tree: react-pdf is not patched. Run `npm ci` (see patches/README.md).");
  }
  return pdf;
}

/**
 * Renders of the small warm-up document. Measured on a 2-core machine, the first 41-page report
 * after one warm-up render took 2.9 s; after four (1 s in all) 2.0 s; more gained nothing.
 */
const WARM_UP_RENDERS = 4;

/**
 * Loads the fonts and renders a small document a few times, so the first real report in this
 * thread does not also pay for compiling the renderer. Workers call it before they take jobs.
 */
export async function warmUpPdfRenderer(): Promise<void> {
  const fonts = await pdfFonts();
  for (let run = 0; run < WARM_UP_RENDERS; run += 1) {
    await renderToBuffer(WarmUpDocument({ fontFamily: fonts.fontFamily }));
  }
}
