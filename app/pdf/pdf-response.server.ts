/**
 * The HTTP side of the PDF downloads, for the summary.pdf and report.pdf routes: which page size was asked for,
 * and the response (the PDF, or a clear error page that is logged with the assessment id).
 */
import { getLogger } from "../logger.server";
import type { ReportView } from "../report/report-view";
import { pdfContentDisposition } from "./file-name";
import type { RenderPdfOptions } from "./render-report.server";
import { PdfRenderError } from "./pdf-pool.server";
import type { PdfPageSize } from "./pdf-theme";
import type { PdfDocumentKind } from "./render-report.server";

/**
 * Anything that turns a report view into a PDF: the app's store (`storedPdfRenderer` in
 * pdf-files.server.ts), or in tests and benchmarks their own. Passed in, so this module never
 * opens the app's database.
 */
export type PdfRenderer = { render(view: ReportView, options: RenderPdfOptions): Promise<Buffer> };

/** `?size=letter` asks for US Letter; anything else (or nothing) gives A4. */
export function pageSizeFromUrl(url: URL | string): PdfPageSize {
  const size = new URL(url, "http://localhost").searchParams.get("size");
  return size?.toLowerCase() === "letter" ? "LETTER" : "A4";
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A plain, accessible error page that points to the HTML report, which always works. */
function errorPage(status: number, heading: string, detail: string, reportHref: string): Response {
  // A busy server: ask clients to come back in a minute rather than at once.
  const retry: Record<string, string> = status === 503 ? { "Retry-After": "60" } : {};
  const html = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(detail)}</p>
<p><a href="${escapeHtml(reportHref)}">Read the report on screen instead</a>: it has everything the PDF has.</p>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...retry },
  });
}

/**
 * Answers with the report PDF as a download, from the database when it is kept there (see
 * `pdf-store.server.ts`), else rendered by the worker pool and kept,
 * or with an error page (500, or 503 when the server is busy) that never exposes the report's
 * content. A failure is logged with the assessment id and never throws: the server stays up.
 * The download routes send people back to the report page after a 500, and pass a 503 on: the
 * production server replaces it with the app's page saying when to try again (Retry-After).
 * This plain page stays for the development server, which has no such step.
 */
export async function reportPdfResponse(
  view: ReportView,
  options: {
    pageSize: PdfPageSize;
    /** The board summary (summary.pdf) or the full report (report.pdf). */
    document: PdfDocumentKind;
    assessmentId: string;
    /** The report page the error page sends people to: the one they came from. */
    reportHref: string;
    pool: PdfRenderer;
    disposition?: "attachment" | "inline";
  },
): Promise<Response> {
  const { pool } = options;
  try {
    // The renderer is the assessment's (`storedPdfRenderer`): the pool's queue takes turns
    // between assessments.
    const pdf = await pool.render(view, { pageSize: options.pageSize, document: options.document });
    // A copy into a plain ArrayBuffer, which is what the fetch API's types accept.
    const body = new Uint8Array(pdf.byteLength);
    body.set(pdf);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.byteLength),
        "Content-Disposition": pdfContentDisposition(
          view.report.meta.organisationName,
          view.report.meta.assessedOn,
          options.disposition,
          options.document,
        ),
        // The report is confidential to the organisation: never stored by shared caches.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const code = error instanceof PdfRenderError ? error.code : "render-failed";
    const message = error instanceof Error ? error.message : String(error);
    getLogger().error(
      {
        component: "pdf",
        assessmentId: options.assessmentId,
        pageSize: options.pageSize,
        document: options.document,
        code,
        err: error,
      },
      `PDF failed: ${message}`,
    );
    const busy = code === "queue-full" || code === "timeout";
    return errorPage(
      busy ? 503 : 500,
      "Sorry, we could not make the PDF",
      busy
        ? "The server is busy making other PDFs. Please try again in a minute."
        : "Something went wrong while making the PDF of your report. The problem has been logged.",
      options.reportHref,
    );
  }
}
