/** Every address in an assessment starts with its private link. */
export function assessmentPath(token: string): string {
  return `/a/${token}`;
}

export function privateLinkPath(token: string): string {
  return `${assessmentPath(token)}/your-link`;
}

export function questionPath(token: string, sectionId: string, pageId: string, returnToCheck = false): string {
  return `${assessmentPath(token)}/${sectionId}/${pageId}${returnToCheck ? "?return=check" : ""}`;
}

export function sectionCheckPath(token: string, sectionId: string): string {
  return `${assessmentPath(token)}/${sectionId}/check`;
}
