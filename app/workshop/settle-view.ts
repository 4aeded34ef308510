import {
  describeSpread,
  disagreementBand,
  questionSpread,
  type DisagreementBand,
  type QuestionSpread,
} from "../../scoring/workshop-spread";
import type { Settlement } from "../../db/repositories/workshops";
import {
  labelForAnswer,
  measureFor,
  MIN_ANSWERS_WHEN_NAMES_HIDDEN,
  spreadInputsFor,
  spreadOptionsFor,
  type WorkshopSpreadInput,
} from "./question-spreads";
import type { SettleQuestion } from "./settle-questions";

/** A participant as the settling pages name them: their name, or "Participant 2" when names are hidden. */
export type LabelledParticipant = { respondentId: string; label: string; answers: Record<string, unknown> };

export type SettleSpread = {
  spread: QuestionSpread;
  /** 0 to 1, or null when it cannot be measured (text, or fewer than two positions). */
  disagreement: number | null;
  band: DisagreementBand | null;
  /**
   * Names hidden and fewer than 3 current participants answered: nothing of the distribution may
   * be shown, so nobody's answer can be picked out.
   */
  hidden: boolean;
  /** The spread in one plain line; null when hidden. */
  words: string | null;
};

/** The spreads of the questions being settled, by answer key, from the participants' answers. */
export function spreadsFor(
  sectionIds: readonly string[],
  participants: readonly LabelledParticipant[],
): Map<string, WorkshopSpreadInput> {
  const inputs = spreadInputsFor(
    sectionIds,
    participants.map((participant) => ({ participantId: participant.respondentId, answers: participant.answers })),
  );
  return new Map(inputs.map((input) => [input.questionId, input]));
}

/**
 * A question's spread as the settling pages show it. A question the group is asked but no
 * participant was (the owner chose a group nobody else did) has an empty spread.
 */
export function settleSpread(
  question: SettleQuestion,
  inputs: ReadonlyMap<string, WorkshopSpreadInput>,
  namesShown: boolean,
): SettleSpread {
  const options = spreadOptionsFor(question.question);
  const input = inputs.get(question.key) ?? {
    questionId: question.key,
    measure: measureFor(question.question),
    ...(options ? { options } : {}),
    answers: [],
  };
  const spread = questionSpread(input);
  const hidden = !namesShown && spread.answered < MIN_ANSWERS_WHEN_NAMES_HIDDEN;
  const suffix = question.question.kind === "number" ? question.question.suffix : undefined;
  // NOTE: hidden means hidden: not even how much people disagree, nor (through it) the order.
  const disagreement = hidden ? null : spread.disagreement;
  return {
    spread,
    disagreement,
    band: disagreement === null ? null : disagreementBand(disagreement),
    hidden,
    words: hidden ? null : describeSpread(spread, suffix ? { suffix } : {}),
  };
}

/**
 * The answer the form starts from when nothing is settled: the most common answer, the median,
 * or the options at least half chose. None while the spread is hidden, which would give it away.
 */
export function suggestedAnswer(spread: SettleSpread): unknown {
  if (spread.hidden) return undefined;
  return spread.spread.suggested ?? undefined;
}

/** Each participant's own answer in words, in joining order, for lists and free text. */
export function answersInWords(
  question: SettleQuestion,
  participants: readonly LabelledParticipant[],
): { respondentId: string; label: string; answer: string }[] {
  return participants.flatMap((participant) => {
    const answer = labelForAnswer(question.question, participant.answers[question.key]);
    return answer === undefined ? [] : [{ respondentId: participant.respondentId, label: participant.label, answer }];
  });
}

export type SettleListEntry = {
  question: SettleQuestion;
  spread: SettleSpread;
  settlement: Settlement | undefined;
  /** At least one current participant answered it. */
  answered: boolean;
};

/**
 * The order to settle in: most disagreement first (unmeasurable last), then the wizard's order.
 * Deterministic, so "next question" never jumps about.
 */
export function byDisagreement<T extends { spread: SettleSpread }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const da = a.entry.spread.disagreement ?? -1;
      const db = b.entry.spread.disagreement ?? -1;
      return db - da || a.index - b.index;
    })
    .map(({ entry }) => entry);
}
