// Kept apart from app/paths.ts, which every wizard page loads, so those pages carry none of this.
/** The workspace's logo on its client's report page, through the assessment's private link. */
export function assessmentLogoPath(token: string): string {
  return `/a/${token}/logo.png`;
}

/** The workspace's logo on its client's report page, through a read-only link. */
export function readOnlyLogoPath(reportToken: string): string {
  return `/r/${reportToken}/logo.png`;
}

/** The workspace's branding page (owners only). */
export function brandingPath(workspaceId: string): string {
  return `/w/${workspaceId}/branding`;
}

/** The workspace's logo, for its members. */
export function workspaceLogoPath(workspaceId: string): string {
  return `/w/${workspaceId}/branding/logo.png`;
}
