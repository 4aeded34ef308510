import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRespondent } from "../assessment-access.server";
import { newestReportLink } from "../links/report-links.server";
import { sectionCheckPath } from "../paths";
import { pageSizeFromUrl, reportPdfResponse } from "../pdf/pdf-response.server";
import { loadReport, reportPath } from "../report.server";

/**
 * The report as a PDF download (A4, or US Letter with `?size=letter`), for the assessment's
 * owner. The PDF never carries this private link: it names the owner's newest read-only link as
 * its accessible version, or none. An unknown link leads to the "Page not found" page; an
 * unfinished assessment goes to the report page, which lists the sections still to do. A render
 * that fails is logged with the assessment id (by `reportPdfResponse`) and the user is sent back
 * to the report page, which says so and still has the whole report on screen.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const respondent = await requireRespondent(token).catch((error: unknown) => {
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
    assessmentId: respondent.assessmentId,
    reportHref: reportPath(token),
  });
  // A full PDF queue answers 503 with Retry-After, which the server turns into its page saying
  // when to try again (server/remix-handler.ts). 503, not 429: the server as a whole is busy,
  // not this link over its own limit (that is the per-link PDF limit's 429).
  if (response.status === 503) return response;
  // A render that failed: the report page says so and still has the whole report on screen.
  if (response.status >= 500) return redirect(`${reportPath(token)}?pdf-failed=1`, 303);
  return response;
}
