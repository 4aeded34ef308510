import type { StoredAnswers } from "../../db/repositories/answers";
import type { Settlement } from "../../db/repositories/workshops";
import type { Question, RevealableQuestion } from "../questionnaire/question-types";
import { findSection, pageContext } from "../questionnaire/questionnaire";
import { answerKeyOf, type PageDef, type SectionId } from "../questionnaire/section-types";

/**
 * The questions a workshop settles, and the one rule for finishing: which of them are still
 * unsettled. Pure: callers load the answers.
 *
 * The questions are those of the participants' sections as the wizard would ask them of the
 * group's own answers (the owner respondent's, where settled answers are written). So the
 * questions about each stakeholder group appear once the group's list of groups is settled, just
 * as they appear in the wizard once the groups are chosen.
 */

/** A follow-up question asked when an option is chosen ("Something else: what?"). */
export type SettleFollowUp = { key: string; question: RevealableQuestion; option: string };

export type SettleQuestion = {
  /** Where the answer is stored, and the question's address: "teamHours", "why@residents". */
  key: string;
  sectionId: SectionId;
  sectionTitle: string;
  /** The page that asks it: its own definition drives the settle form and its validation. */
  page: PageDef;
  question: Question;
  /** Follow-ups its options reveal: settled with it, on the same form. */
  followUps: readonly SettleFollowUp[];
  /** The question as listed: its short wording, and the stakeholder group's name where it has one. */
  title: string;
};

function followUpsOf(page: PageDef, question: Question): SettleFollowUp[] {
  if (question.kind !== "radios" && question.kind !== "checkboxes") return [];
  return question.options.flatMap((option) =>
    option.reveals
      ? [{ key: answerKeyOf(page, option.reveals.id), question: option.reveals, option: option.value }]
      : [],
  );
}

/**
 * Every question of the given sections, in the wizard's order, as asked of the group's answers.
 * Unknown section ids are skipped.
 */
export function settleQuestions(sectionIds: readonly string[], groupAnswers: StoredAnswers): SettleQuestion[] {
  const ctx = pageContext(groupAnswers);
  const result: SettleQuestion[] = [];
  for (const sectionId of sectionIds) {
    const section = findSection(sectionId);
    if (!section) continue;
    for (const page of section.pages(ctx)) {
      for (const question of page.questions) {
        const title = page.cardTitle ? `${question.summaryLabel}: ${page.cardTitle}` : question.summaryLabel;
        result.push({
          key: answerKeyOf(page, question.id),
          sectionId: section.id,
          sectionTitle: section.title,
          page,
          question,
          followUps: followUpsOf(page, question),
          title,
        });
      }
    }
  }
  return result;
}

/** The question at an address, if the group's answers ask it. */
export function findSettleQuestion(
  sectionIds: readonly string[],
  groupAnswers: StoredAnswers,
  key: string,
): SettleQuestion | undefined {
  return settleQuestions(sectionIds, groupAnswers).find((question) => question.key === key);
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether a participant gave any answer to the question (its follow-ups included). */
export function participantAnswered(question: SettleQuestion, answers: Readonly<Record<string, unknown>>): boolean {
  return hasValue(answers[question.key]) || question.followUps.some((followUp) => hasValue(answers[followUp.key]));
}

export type FinishCheckInput = {
  participantSections: readonly string[];
  /** The group's answers: the owner respondent's, where settling writes. */
  groupAnswers: StoredAnswers;
  /** Current participants only: removed ones leave every count. */
  participantAnswers: readonly { answers: Readonly<Record<string, unknown>> }[];
  settlements: readonly Pick<Settlement, "questionId">[];
};

/**
 * THE rule for finishing a workshop assessment: the questions of the participants' sections that
 * at least one current participant answered and the group has not settled. The assessment may be
 * finished only when this is empty. In the wizard's order.
 */
export function unsettledQuestions(input: FinishCheckInput): SettleQuestion[] {
  const settled = new Set(input.settlements.map((settlement) => settlement.questionId));
  return settleQuestions(input.participantSections, input.groupAnswers).filter(
    (question) =>
      !settled.has(question.key) &&
      input.participantAnswers.some((participant) => participantAnswered(question, participant.answers)),
  );
}

/** A question's follow-ups that the chosen answer asks: "Something else" chosen asks "what?". */
export function askedFollowUps(question: SettleQuestion, value: unknown): SettleFollowUp[] {
  return question.followUps.filter((followUp) =>
    Array.isArray(value) ? value.includes(followUp.option) : value === followUp.option,
  );
}

const ALL_SECTIONS = ["organisation", "stakeholders", "engagement-model", "capacity", "commitment"];

/**
 * A question's short wording from its address alone, for sentences written long after (the audit
 * trail): "Why you engage them: Residents". Undefined for an address no longer asked.
 */
export function questionTitleForKey(key: string): string | undefined {
  const suffix = key.includes("@") ? key.slice(key.indexOf("@") + 1) : undefined;
  const tries: StoredAnswers[] = [{}];
  if (suffix) {
    tries.push({ suggestedGroups: [suffix] }, { customGroups: [{ id: suffix, name: "a group of their own" }] });
    tries.push({ purposes: [suffix] });
  }
  for (const answers of tries) {
    const found = settleQuestions(ALL_SECTIONS, answers).find((question) => question.key === key);
    if (found) return found.title;
  }
  return undefined;
}

/** For the audit trail: the wording of the question a settling event names, as `questionTitle`. */
export function workshopQuestionTitle(detail: Readonly<Record<string, unknown>>): { questionTitle?: string } {
  if (typeof detail.questionId !== "string") return {};
  const title = questionTitleForKey(detail.questionId);
  return title ? { questionTitle: title } : {};
}
