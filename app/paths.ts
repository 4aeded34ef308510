/** Every address in an assessment starts with its private link. */
export function assessmentPath(token: string): string {
  return `/a/${token}`;
}

export function privateLinkPath(token: string): string {
  return `${assessmentPath(token)}/your-link`;
}

/** Where a question page goes back to after a change: its section's check page, or the whole summary. */
export type ReturnTo = "check" | "summary";

export function questionPath(token: string, sectionId: string, pageId: string, returnTo?: ReturnTo): string {
  return `${assessmentPath(token)}/${sectionId}/${pageId}${returnTo ? `?return=${returnTo}` : ""}`;
}

export function sectionCheckPath(token: string, sectionId: string): string {
  return `${assessmentPath(token)}/check/${sectionId}`;
}

/** Check your answers for the whole assessment. */
export function summaryPath(token: string): string {
  return `${assessmentPath(token)}/check-answers`;
}

export function completePath(token: string): string {
  return `${assessmentPath(token)}/complete`;
}

export function returnPath(token: string, sectionId: string, returnTo: ReturnTo): string {
  return returnTo === "summary" ? summaryPath(token) : sectionCheckPath(token, sectionId);
}

/** Confirm, then replace, the private link. */
export function replaceLinkPath(token: string): string {
  return `${assessmentPath(token)}/replace-link`;
}

/** Create, list and revoke read-only report links. */
export function shareReportPath(token: string): string {
  return `${assessmentPath(token)}/share`;
}

export function revokeReportLinkPath(token: string, linkId: string): string {
  return `${shareReportPath(token)}/${linkId}/revoke`;
}

export function deleteAssessmentPath(token: string): string {
  return `${assessmentPath(token)}/delete`;
}

/** Where people land after deleting their assessment. */
export const DELETED_PATH = "/deleted";

/** The report, read-only, through a report link: its token is not the private link's. */
export function readOnlyReportPath(reportToken: string): string {
  return `/r/${reportToken}`;
}

/** The full report's PDF (`report.pdf`) or the board summary's (`summary.pdf`), read-only. */
export function readOnlyPdfPath(
  reportToken: string,
  pageSize: "A4" | "LETTER" = "A4",
  document: "summary" | "full" = "full",
): string {
  const file = document === "summary" ? "summary" : "report";
  return `${readOnlyReportPath(reportToken)}/${file}.pdf${pageSize === "LETTER" ? "?size=letter" : ""}`;
}
