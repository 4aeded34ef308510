/** Addresses of the re-assessment pages in a workspace. Ids only: never a private link. */

/** Start the next assessment for the client of a finished one. */
export function nextAssessmentPath(workspaceId: string, assessmentId: string): string {
  return `/w/${workspaceId}/assessments/${assessmentId}/next`;
}

/** What changed between an assessment and the client's finished assessment before it. */
export function changesPath(workspaceId: string, assessmentId: string): string {
  return `/w/${workspaceId}/assessments/${assessmentId}/changes`;
}
