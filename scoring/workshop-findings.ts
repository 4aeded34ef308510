/**
 * What a workshop found: where the team disagreed most and what it settled on. Computed once per
 * report from the spreads (`workshop-spread.ts`), the settlements and the questions' wording, and
 * read by the report page, the PDFs, the Word document and the data exports alike. Pure: same
 * input, same findings.
 */
import {
  describeSpread,
  disagreementBand,
  rankByDisagreement,
  type DescribeOptions,
  type QuestionSpread,
} from "./workshop-spread";

/** One question as the findings need it: its spread, its wording and what the group settled. */
export type FindingQuestion = {
  spread: QuestionSpread;
  /** The question's short wording, as the answers appendix gives it: "Hours a week, in total". */
  label: string;
  /** How to word numbers in the spread, such as the unit "hours a week". */
  describe?: DescribeOptions;
  /** The group's answer, worded as the report words answers; null while unsettled. */
  settled: { answer: string; reason: string | null; settledBy: string | null; settledAt: string } | null;
};

export type FindingsInput = {
  /** Current participants (removed ones are not counted). */
  participants: number;
  /**
   * Whether the workshop showed participants' names. When it did not, a question's spread is
   * reported only once at least `minAnswersWhenHidden` people answered it, so no single answer
   * can be picked out.
   */
  namesShown: boolean;
  minAnswersWhenHidden: number;
  questions: readonly FindingQuestion[];
  /** How many questions to report at most. */
  limit: number;
};

/** One of the questions the team disagreed on most. */
export type DivergentQuestion = {
  questionId: string;
  label: string;
  /** The spread in one plain line: "3 said Consult, 2 said Involve". */
  spread: string;
  /** 0 (all agree) to 1 (as split as they could be); see docs/workshop-disagreement.md. */
  disagreement: number;
  band: "some" | "strong";
  answered: number;
  /** What the group settled on; null if it has not (the report is then not yet finished). */
  settled: FindingQuestion["settled"];
};

export type WorkshopFindings = {
  participants: number;
  /** Questions settled by the group. */
  settledCount: number;
  /** Questions whose disagreement could be measured (and could be shown). */
  measuredCount: number;
  /** Most disagreement first; only questions with some or strong disagreement; at most `limit`. */
  divergent: DivergentQuestion[];
  /** The method section's paragraph on the measure, in plain English. */
  method: readonly string[];
};

/** The method, in plain words for executives (docs/workshop-disagreement.md has the formulas). */
export const DISAGREEMENT_METHOD: readonly string[] = [
  "In the workshop, each member of the team answered the questions on their own before the group discussed them. For each question we measured how far apart their answers were: in effect, if you picked two people at random, how different would their answers be? The measure runs from 0, where everyone gave the same answer, to 1, where the answers were as far apart as they could be.",
  "Answers on a scale, such as how far to engage a group, count as further apart the more steps lie between them. Numbers, such as hours a week, are compared by how many times larger one is than the other, so a guess of 10 hours against 20 counts the same as 100 against 200. For questions with several choices, we compared how much two people's choices overlapped. 'I don't know' is a gap in knowledge rather than a view, so it was left out of the measure.",
  "We call a question's result some disagreement from 0.25 and strong disagreement from 0.6. The group then agreed one answer to each question, and the report is built from those agreed answers. Where the team disagreed most, the report gives the spread of answers, the answer agreed and the group's reason.",
];

/**
 * The findings: the questions with "some" or "strong" disagreement, most first (ties: more people
 * answered, then questionnaire order), at most `limit`. A question whose spread may not be shown
 * (names hidden, fewer than `minAnswersWhenHidden` answers) is left out entirely. Every question
 * listed is either settled or has `settled: null`.
 */
export function workshopFindings(input: FindingsInput): WorkshopFindings {
  const visible = input.questions.filter(
    (question) => input.namesShown || question.spread.answered >= input.minAnswersWhenHidden,
  );
  const byId = new Map(visible.map((question) => [question.spread.questionId, question]));
  const ranked = rankByDisagreement(visible.map((question) => question.spread));
  const divergent: DivergentQuestion[] = [];
  for (const spread of ranked) {
    if (divergent.length >= Math.max(0, input.limit)) break;
    const band = disagreementBand(spread.disagreement);
    if (band === "agree") break;
    const question = byId.get(spread.questionId);
    if (!question) continue;
    divergent.push({
      questionId: spread.questionId,
      label: question.label,
      spread: describeSpread(spread, question.describe),
      disagreement: spread.disagreement,
      band,
      answered: spread.answered,
      settled: question.settled,
    });
  }
  return {
    participants: input.participants,
    settledCount: input.questions.filter((question) => question.settled !== null).length,
    measuredCount: ranked.length,
    divergent,
    method: DISAGREEMENT_METHOD,
  };
}

/** How many of the most divergent questions the board summary carries. */
export const BOARD_SUMMARY_DISAGREEMENTS = 3;

/** How many the full report, its page and the Word document carry. */
export const REPORT_DISAGREEMENTS = 8;
