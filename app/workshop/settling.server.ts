import type { StoredAnswers } from "../../db/repositories/answers";
import type { RespondentContext } from "../../db/repositories/assessments";
import {
  currentParticipantAnswers,
  listSettlements,
  participantAnswersOfAssessment,
  settlementsOfAssessment,
  workshopOfAssessment,
  type Settlement,
  type Workshop,
} from "../../db/repositories/workshops";
import type { WorkspaceScope } from "../../db/repositories/workspaces";
import { db } from "../db.server";
import { loadAnswers } from "../questionnaire/answers.server";
import { settleQuestions, unsettledQuestions, type SettleQuestion } from "./settle-questions";

/** A current participant and their answers, with how they are named on facilitator pages. */
export type NamedParticipant = { respondentId: string; label: string; answers: Record<string, unknown> };

/**
 * "Participant 1, 2, ..." in the order they joined, unless the workshop shows names. The order is
 * stable: joining order never changes, and removed participants are not counted.
 */
export function nameParticipants(
  participants: readonly { respondentId: string; name: string; answers: Record<string, unknown> }[],
  namesShown: boolean,
): NamedParticipant[] {
  return participants.map((participant, index) => ({
    respondentId: participant.respondentId,
    label: namesShown ? participant.name : `Participant ${index + 1}`,
    answers: participant.answers,
  }));
}

export type SettlingState = {
  groupAnswers: StoredAnswers;
  participants: NamedParticipant[];
  settlements: Map<string, Settlement>;
  questions: SettleQuestion[];
};

/** Everything the settling pages read, for a facilitator (scoped to their workspace). */
export async function loadSettlingState(
  scope: WorkspaceScope,
  owner: RespondentContext,
  workshop: Workshop,
): Promise<SettlingState> {
  const [{ answers }, participants, settlements] = await Promise.all([
    loadAnswers(owner),
    currentParticipantAnswers(db, scope, owner.assessmentId),
    listSettlements(db, scope, owner.assessmentId),
  ]);
  return {
    groupAnswers: answers,
    participants: nameParticipants(participants, workshop.namesShown),
    settlements: new Map(settlements.map((settlement) => [settlement.questionId, settlement])),
    questions: settleQuestions(workshop.participantSections, answers),
  };
}

/**
 * For the owner's finishing step (their private link, or a member's key): the questions that
 * stop a workshop assessment being finished. Empty when it is not a workshop, or all is settled.
 */
export async function questionsBlockingFinish(owner: RespondentContext): Promise<SettleQuestion[]> {
  if (owner.role !== "owner") return [];
  const workshop = await workshopOfAssessment(db, owner.assessmentId);
  if (!workshop) return [];
  const [{ answers }, participants, settlements] = await Promise.all([
    loadAnswers(owner),
    participantAnswersOfAssessment(db, owner.assessmentId),
    settlementsOfAssessment(db, owner.assessmentId),
  ]);
  return unsettledQuestions({
    participantSections: workshop.participantSections,
    groupAnswers: answers,
    participantAnswers: participants,
    settlements,
  });
}
