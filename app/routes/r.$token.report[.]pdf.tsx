import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordReportLinkUse } from "../../db/repositories/links";
import { db } from "../db.server";
import { reportLinkUrl, requireReportLink } from "../links/report-links.server";
import { readOnlyReportPath } from "../paths";
import { pageSizeFromUrl, reportPdfResponse } from "../pdf/pdf-response.server";
import { loadReport } from "../report.server";

/**
 * The report's PDF through a read-only link (A4, or US Letter with `?size=letter`). It names
 * this link as its accessible version. An unknown or revoked link leads to "Page not found",
 * exactly as an unknown private link does; an unfinished report goes to the report page, which
 * says it is not available; a failed render goes back to the report page, which says so.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
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
    assessmentId: owner.assessmentId,
    reportHref,
  });
  // A full PDF queue answers 503 with Retry-After, which the server turns into its page saying
  // when to try again (server/remix-handler.ts). 503, not 429: the server as a whole is busy,
  // not this link over its own limit (that is the per-link PDF limit's 429).
  if (response.status === 503) return response;
  // A render that failed: the report page says so and still has the whole report on screen.
  if (response.status >= 500) return redirect(`${reportHref}?pdf-failed=1`, 303);
  return response;
}
