import { getAnswers } from "../../db/repositories/answers";
import type { RespondentContext } from "../../db/repositories/assessments";
import { findWorkspaceAssessment } from "../../db/repositories/reassessment";
import { requireWorkspace } from "../accounts/workspace.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { readStoredAnswers } from "../questionnaire/versions";

/**
 * The signed-in member, their workspace and one of its assessments (its owner's context, as the
 * report reads it): "Page not found" for anything else, exactly as for an id that does not exist.
 */
export async function requireWorkspaceAssessment(
  request: Request,
  params: { workspaceId?: string; assessmentId?: string },
) {
  const { user, workspace } = await requireWorkspace(request, params.workspaceId);
  if (!params.assessmentId) throw notFound();
  const scope = { userId: user.userId, workspaceId: workspace.workspaceId };
  const assessment = await findWorkspaceAssessment(db, scope, params.assessmentId);
  if (!assessment) throw notFound();
  return { user, workspace, scope, assessment };
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
