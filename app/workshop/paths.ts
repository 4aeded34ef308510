/** A workshop's facilitator pages: `/w/<ws>/assessments/<id>/workshop`, then `rest` if given. */
export function workshopPath(workspaceId: string, assessmentId: string, rest?: string): string {
  const base = `/w/${workspaceId}/assessments/${assessmentId}/workshop`;
  return rest ? `${base}/${rest}` : base;
}

/** Every question of the participants' sections, settled or not. */
export function settleListPath(workspaceId: string, assessmentId: string): string {
  return workshopPath(workspaceId, assessmentId, "settle");
}

/** The form to record the group's answer to one question (its answer key, such as "why@residents"). */
export function settleQuestionPath(workspaceId: string, assessmentId: string, questionKey: string): string {
  return workshopPath(workspaceId, assessmentId, `settle/${encodeURIComponent(questionKey)}`);
}
