/**
 * The addresses of a workshop's pages. The facilitator's pages sit under the workspace
 * assessment's address; the workshop link (`/join/<token>`) is public and names no workspace.
 */

/** `/w/<ws>/assessments/<id>/workshop`, or a page under it such as `participants`. */
export function workshopPath(workspaceId: string, assessmentId: string, rest?: string): string {
  const base = `/w/${workspaceId}/assessments/${assessmentId}/workshop`;
  return rest ? `${base}/${rest.replace(/^\/+/, "")}` : base;
}

/** Turn an assessment into a workshop. */
export function startWorkshopPath(workspaceId: string, assessmentId: string): string {
  return workshopPath(workspaceId, assessmentId, "start");
}

/** Invite, remove and manage participants; the workshop link; close and reopen. */
export function participantsPath(workspaceId: string, assessmentId: string): string {
  return workshopPath(workspaceId, assessmentId, "participants");
}

/** The confirmation page before removing one participant. */
export function removeParticipantPath(workspaceId: string, assessmentId: string, respondentId: string): string {
  return workshopPath(workspaceId, assessmentId, `participants/${respondentId}/remove`);
}

/** The confirmation page before making a participant a new link (the old one stops working). */
export function newParticipantLinkPath(workspaceId: string, assessmentId: string, respondentId: string): string {
  return workshopPath(workspaceId, assessmentId, `participants/${respondentId}/new-link`);
}

/** The workshop link: anyone holding it joins by giving a name. */
export function joinPath(joinToken: string): string {
  return `/join/${joinToken}`;
}

/** What a participant's link opens once their workshop has closed or they were removed. */
export function participantClosedPath(token: string): string {
  return `/a/${token}/closed`;
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

/** Every question of the participants' sections, settled or not. */
export function settleListPath(workspaceId: string, assessmentId: string): string {
  return workshopPath(workspaceId, assessmentId, "settle");
}
