/**
 * The loaders of the four PDF downloads: the board summary (`summary.pdf`) and the full report
 * (`report.pdf`), through the private link and through a read-only link. The routes differ only
 * in the document they ask for, so they share this code.
 *
 * The PDF never carries the private link: through it, the PDF names the owner's newest read-only
 * link as its accessible version, or none; through a read-only link, that link. An unknown or
 * revoked link leads to "Page not found" (through the report page's address); an unfinished
 * assessment goes to the report page, which lists what is still to do; a render that fails is
 * logged with the assessment id (by `reportPdfResponse`) and the reader is sent back to the
 * report page, which says so and still has the whole report on screen. Every download goes
 * through the PDF store (`pdf-store.server.ts`): a kept file is one database row.
 */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordReportLinkUse } from "../../db/repositories/links";
import { requireNotParticipant } from "../workshop/participant-access.server";
import { db } from "../db.server";
import { newestReportLink, reportLinkUrl, requireReportLink } from "../links/report-links.server";
import { readOnlyReportPath, sectionCheckPath } from "../paths";
import { loadReport, reportPath } from "../report.server";
import { storedPdfRenderer } from "./pdf-files.server";
import { pageSizeFromUrl, reportPdfResponse } from "./pdf-response.server";
import type { PdfDocumentKind } from "./render-report.server";

/** The owner's download, through the private link. */
export async function ownerPdfLoader({ params, request }: LoaderFunctionArgs, document: PdfDocumentKind) {
  const token = params.token ?? "";
  const respondent = await requireNotParticipant(token).catch((error: unknown) => {
    // A download address has no page of its own to explain a bad link: the report page's
    // address shows the app's "Page not found" page, with a 404.
    if (error instanceof Response && error.status === 404) {
      throw redirect(`/a/${encodeURIComponent(token)}/report`, 303);
    }
    throw error;
  });
  const newest = respondent.role === "owner" ? await newestReportLink(respondent, token, request) : null;
  const loaded = await loadReport(respondent, {
    accessibleVersionUrl: newest?.url ?? null,
    sectionHref: (sectionId) => sectionCheckPath(token, sectionId),
  });
  if (loaded.kind === "incomplete") return redirect(reportPath(token), 303);
  const response = await reportPdfResponse(loaded.view, {
    pageSize: pageSizeFromUrl(request.url),
    document,
    assessmentId: respondent.assessmentId,
    reportHref: reportPath(token),
    pool: storedPdfRenderer(respondent.assessmentId),
  });
  // A full PDF queue answers 503 with Retry-After, which the server turns into its page saying
  // when to try again (server/remix-handler.ts). 503, not 429: the server as a whole is busy,
  // not this link over its own limit (that is the per-link PDF limit's 429).
  if (response.status === 503) return response;
  // A render that failed: the report page says so and still has the whole report on screen.
  if (response.status >= 500) return redirect(`${reportPath(token)}?pdf-failed=1`, 303);
  return response;
}

/** A download through a read-only link, which the PDF names as its accessible version. */
export async function readOnlyPdfLoader({ params, request }: LoaderFunctionArgs, document: PdfDocumentKind) {
  const token = params.token ?? "";
  const reportHref = readOnlyReportPath(encodeURIComponent(token));
  const { linkId, owner } = await requireReportLink(token).catch((error: unknown) => {
    if (error instanceof Response && error.status === 404) throw redirect(reportHref, 303);
    throw error;
  });
  await recordReportLinkUse(db, { assessmentId: owner.assessmentId, linkId });
  const loaded = await loadReport(owner, { accessibleVersionUrl: reportLinkUrl(request, token), sectionHref: null });
  if (loaded.kind === "incomplete") return redirect(reportHref, 303);
  const response = await reportPdfResponse(loaded.view, {
    pageSize: pageSizeFromUrl(request.url),
    document,
    assessmentId: owner.assessmentId,
    reportHref,
    pool: storedPdfRenderer(owner.assessmentId),
  });
  // As above: a full queue's 503 stands; a failed render goes back to the report page.
  if (response.status === 503) return response;
  if (response.status >= 500) return redirect(`${reportHref}?pdf-failed=1`, 303);
  return response;
}
