import { findWorkshop, listParticipants } from "../../db/repositories/workshops";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { requireWorkspaceAssessment } from "../reassessment/reassessment.server";

/**
 * The signed-in member who may run workshops, their workspace, one of its assessments (its owner's
 * context) and that assessment's workshop: "Page not found" for anything else, exactly as for an
 * id that does not exist. Every facilitator page and action starts here.
 */
export async function requireWorkshop(request: Request, params: { workspaceId?: string; assessmentId?: string }) {
  const access = await requireWorkspaceAssessment(request, params, "run-workshops");
  const workshop = await findWorkshop(db, access.scope, access.assessment.assessmentId);
  if (!workshop) throw notFound();
  return { ...access, workshop };
}

/** As `requireWorkshop`, for the page that turns an assessment into a workshop (none exists yet). */
export async function requireWorkshopRunner(request: Request, params: { workspaceId?: string; assessmentId?: string }) {
  const access = await requireWorkspaceAssessment(request, params, "run-workshops");
  const workshop = await findWorkshop(db, access.scope, access.assessment.assessmentId);
  return { ...access, workshop };
}

/** Re-exported so workshop routes need one import for the workspace check alone. */
export { requireWorkspacePermission };

/**
 * The workshop and one current participant of it, for the pages about one participant (remove,
 * a new link); "Page not found" for anyone or anything else.
 */
export async function requireParticipant(
  request: Request,
  params: { workspaceId?: string; assessmentId?: string; respondentId?: string },
) {
  const access = await requireWorkshop(request, params);
  const participant = (await listParticipants(db, access.scope, access.workshop.assessmentId)).find(
    (candidate) => candidate.respondentId === params.respondentId && candidate.removedAt === null,
  );
  if (!participant) throw notFound();
  return { ...access, participant };
}
