/** Addresses of a workshop's facilitator pages. Ids only: never a private, participant or workshop link. */
export function workshopPath(workspaceId: string, assessmentId: string, rest?: string): string {
  const base = `/w/${workspaceId}/assessments/${assessmentId}/workshop`;
  return rest ? `${base}/${rest.replace(/^\/+/, "")}` : base;
}

/** The settle form of one question (built by the settling pages). */
export function settleQuestionPath(workspaceId: string, assessmentId: string, questionId: string): string {
  return workshopPath(workspaceId, assessmentId, `settle/${encodeURIComponent(questionId)}`);
}

/** Projector mode, on one question (or the most divergent one without `questionId`). */
export function projectorPath(workspaceId: string, assessmentId: string, questionId?: string): string {
  const base = workshopPath(workspaceId, assessmentId, "projector");
  return questionId ? `${base}?question=${encodeURIComponent(questionId)}` : base;
}

/** The facilitator view's live updates (server-sent events). */
export function workshopEventsPath(workspaceId: string, assessmentId: string): string {
  return workshopPath(workspaceId, assessmentId, "events");
}
