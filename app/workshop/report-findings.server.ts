import type { StoredAnswers } from "../../db/repositories/answers";
import {
  participantAnswersOfAssessment,
  settlementsOfAssessment,
  workshopOfAssessment,
  type Settlement,
  type WorkshopOfAssessment,
} from "../../db/repositories/workshops";
import { REPORT_DISAGREEMENTS, workshopFindings, type WorkshopFindings } from "../../scoring/workshop-findings";
import { questionSpread } from "../../scoring/workshop-spread";
import { db } from "../db.server";
import type { WorkshopAnswers } from "../exports/answers-export.server";
import { MIN_ANSWERS_WHEN_NAMES_HIDDEN, measureFor, spreadOptionsFor } from "./question-spreads";
import { answerInWords } from "./settle-form";
import { settleQuestions } from "./settle-questions";
import { spreadsFor } from "./settle-view";
import { nameParticipants } from "./settling.server";

/** What a workshop's findings are built from: loaded once, and part of the report's cache key. */
export type WorkshopFindingsSource = {
  workshop: WorkshopOfAssessment;
  participants: { respondentId: string; name: string; answers: Record<string, unknown> }[];
  settlements: Settlement[];
};

/** The workshop behind an assessment, its current participants' answers and its settlements; null if none. */
export async function loadWorkshopFindingsSource(assessmentId: string): Promise<WorkshopFindingsSource | null> {
  const workshop = await workshopOfAssessment(db, assessmentId);
  if (!workshop) return null;
  const [participants, settlements] = await Promise.all([
    participantAnswersOfAssessment(db, assessmentId),
    settlementsOfAssessment(db, assessmentId),
  ]);
  return { workshop, participants, settlements };
}

/**
 * "Where your team disagreed": the questions of the participants' sections, as the group's
 * answers ask them, with their spreads and settlements, through `workshopFindings`. Pure given
 * its source, so the report's cache can reuse it.
 */
export function buildWorkshopFindings(source: WorkshopFindingsSource, groupAnswers: StoredAnswers): WorkshopFindings {
  const { workshop, settlements } = source;
  const participants = nameParticipants(source.participants, workshop.namesShown);
  const inputs = spreadsFor(workshop.participantSections, participants);
  const settled = new Map(settlements.map((settlement) => [settlement.questionId, settlement]));
  const questions = settleQuestions(workshop.participantSections, groupAnswers).map((question) => {
    const options = spreadOptionsFor(question.question);
    const input = inputs.get(question.key) ?? {
      questionId: question.key,
      measure: measureFor(question.question),
      ...(options ? { options } : {}),
      answers: [],
    };
    const settlement = settled.get(question.key);
    const suffix = question.question.kind === "number" ? question.question.suffix : undefined;
    return {
      spread: questionSpread(input),
      label: question.title,
      ...(suffix ? { describe: { suffix } } : {}),
      settled: settlement
        ? {
            answer: answerInWords(question, { ...groupAnswers, [question.key]: settlement.value }),
            reason: settlement.reason,
            settledBy: settlement.settledByName,
            settledAt: settlement.settledAt,
          }
        : null,
    };
  });
  return workshopFindings({
    participants: participants.length,
    namesShown: workshop.namesShown,
    minAnswersWhenHidden: MIN_ANSWERS_WHEN_NAMES_HIDDEN,
    questions,
    limit: REPORT_DISAGREEMENTS,
  });
}

/**
 * The workshop's answers as the answers exports carry them: participants named only when the
 * workshop showed names, and the settlements with who and when. Never a link.
 */
export function workshopAnswersFor(source: WorkshopFindingsSource): WorkshopAnswers {
  const named = nameParticipants(source.participants, source.workshop.namesShown);
  return {
    participantSections: source.workshop.participantSections,
    namesShown: source.workshop.namesShown,
    participants: named.map((participant) => ({ label: participant.label, answers: participant.answers })),
    settlements: source.settlements.map((settlement) => ({
      key: settlement.questionId,
      value: settlement.value,
      reason: settlement.reason,
      settledBy: settlement.settledByName,
      settledAt: settlement.settledAt,
    })),
  };
}
