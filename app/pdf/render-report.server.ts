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
import { ReportDocument, type PdfLayout } from "./report-document";
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

export type { PdfLayout } from "./report-document";

/** A finished PDF and what its layout was. */
export type RenderedPdf = {
  pdf: Buffer;
  layout: PdfLayout;
  /**
   * Layout rounds react-pdf ran in the render that made the file: 1 when the page count was
   * known in advance and still matched, 2 otherwise ("Page N of M" needs the count).
   */
  rounds: number;
  /** Renders run: 2 when a layout hint matched the page count but a section moved. */
  renders: number;
};

function samePages(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Renders the board summary or the full report as a tagged PDF: A4 or US Letter, Public Sans
 * embedded, with an outline.
 */
export async function renderReportPdf(view: ReportView, options: RenderPdfOptions): Promise<Buffer> {
  return (await renderReportPdfFile(view, options)).pdf;
}

/**
 * Renders the report as a tagged PDF and says how it was laid out. With `hint`, the layout of the
 * previous render of the same document, react-pdf lays the document out once instead of twice
 * when the page count is still the same (about a quarter of the time; README, "Performance").
 * The result is the same file either way: if the count differs react-pdf runs its second round
 * as usual, and if a section starts on another page than the hint said (the contents page would
 * be wrong), the report is rendered again without the hint.
 */
export async function renderReportPdfFile(
  view: ReportView,
  options: RenderPdfOptions,
  hint: PdfLayout | null = null,
): Promise<RenderedPdf> {
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
  const safe = pdfSafeData(shown, fonts.covers);
  // The logo's bytes and the colour code are not text: they pass as they are.
  const safeView: ReportView = {
    ...safe,
    reportUrl: view.reportUrl,
    ...(view.branding && safe.branding
      ? { branding: { ...safe.branding, accentColour: view.branding.accentColour, logo: view.branding.logo } }
      : {}),
  };
  const Shape = options.document === "summary" ? SummaryDocument : ReportDocument;
  let layoutHint = hint;
  for (let renders = 1; ; renders += 1) {
    let seen: (PdfLayout & { rounds: number }) | null = null;
    const pdf = await renderToBuffer(
      Shape({
        view: safeView,
        pageSize: options.pageSize,
        fontFamily: fonts.fontFamily,
        layoutHint,
        onLayout: (layout) => {
          seen = layout;
        },
      }),
    );
    // NOTE: the structure tree comes from our patch to react-pdf (patches/), applied by
    // `npm ci`. An install that skipped it (--ignore-scripts) would quietly serve PDFs that screen
    // readers cannot follow, so fail loudly instead.
    if (!pdf.includes("/StructTreeRoot")) {
      throw new Error("The PDF has no structure tree: react-pdf is not patched. Run `npm ci` (see patches/README.md).");
    }
    const laid = seen as (PdfLayout & { rounds: number }) | null;
    if (!laid) {
      throw new Error("react-pdf did not report its layout: it is not patched. Run `npm ci` (see patches/README.md).");
    }
    const { rounds, ...layout } = laid;
    // One round with a hint means the contents page printed the hint's section pages: they must
    // be where the sections really landed, or the file is made again the usual way.
    if (layoutHint && rounds === 1 && !samePages(layoutHint.sectionPages, layout.sectionPages)) {
      layoutHint = null;
      continue;
    }
    return { pdf, layout, rounds, renders };
  }
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
