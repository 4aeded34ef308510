import { getAnswers } from "../../db/repositories/answers";
import type { RespondentContext } from "../../db/repositories/assessments";
import { findWorkspaceRespondent } from "../../db/repositories/clients";
import type { WorkspacePermission } from "../accounts/roles";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { readStoredAnswers } from "../questionnaire/versions";

/**
 * The signed-in member whose role allows `permission`, their workspace and one of its
 * assessments (its owner's context, as the report reads it): "Page not found" for anything else,
 * exactly as for an id that does not exist.
 */
export async function requireWorkspaceAssessment(
  request: Request,
  params: { workspaceId?: string; assessmentId?: string },
  permission: WorkspacePermission,
) {
  const access = await requireWorkspacePermission(request, params.workspaceId, permission);
  if (!params.assessmentId) throw notFound();
  const assessment = await findWorkspaceRespondent(db, access.scope, params.assessmentId);
  if (!assessment) throw notFound();
  return { ...access, assessment };
}

/**
 * The earlier assessment's answers, read for today's questionnaire, to start the next one with.
 * A question added since it was answered is left unanswered (not given the value the report
 * assumes for it), so the client answers it themselves.
 */
export async function answersToCarryOver(earlier: RespondentContext): Promise<Record<string, unknown>> {
  const { answers, notAsked } = readStoredAnswers(
    earlier.questionnaireVersion,
    await getAnswers(db, earlier.respondentId),
  );
  const added = new Set(notAsked);
  return Object.fromEntries(Object.entries(answers).filter(([questionId]) => !added.has(questionId)));
}
