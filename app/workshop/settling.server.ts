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
import { participantAnswered, settleQuestions, unsettledQuestions, type SettleQuestion } from "./settle-questions";
import { byDisagreement, settleSpread, spreadsFor, type SettleListEntry } from "./settle-view";

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
  workshop: Workshop;
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
    workshop,
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

/** Every question with its spread and settlement, in the wizard's order. */
export function settleEntries(state: SettlingState): SettleListEntry[] {
  const inputs = spreadsFor(state.workshop.participantSections, state.participants);
  return state.questions.map((question) => ({
    question,
    spread: settleSpread(question, inputs, state.workshop.namesShown),
    settlement: state.settlements.get(question.key),
    answered: state.participants.some((participant) => participantAnswered(question, participant.answers)),
  }));
}

/**
 * The next question to settle after `afterKey`: the most divergent of those that stop the
 * assessment being finished (answered by someone, not settled). Undefined when none is left.
 */
export function nextToSettle(entries: readonly SettleListEntry[], afterKey?: string): SettleListEntry | undefined {
  return byDisagreement(
    entries.filter((entry) => entry.answered && !entry.settlement && entry.question.key !== afterKey),
  )[0];
}
