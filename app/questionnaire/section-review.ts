import type { StoredAnswers } from "../../db/repositories/answers";
import { formatAnswer, notAskedLine } from "./format";
import { revealedQuestions } from "./question-types";
import { answerKeyOf, formInputFor, pageSchema, type PageContext, type SectionDef } from "./section-types";

export type ReviewRow = {
  questionId: string;
  pageId: string;
  label: string;
  /** The answer as people read it; undefined when there is none yet. */
  value?: string[];
  /** True when the answer is missing or no longer valid, including a follow-up it needs. */
  needsAnswer: boolean;
  optional: boolean;
  /** The question was added after the assessment was answered; the value says how it is treated. */
  notAsked?: boolean;
};

/** Rows shown together: untitled for the section's own questions, or a card for one group. */
export type ReviewBlock = { title?: string; rows: ReviewRow[] };

/**
 * The check-answers page's content for a section: every question, flagging those still to answer.
 * `notAsked` names answers filled in for questions added after the assessment was answered.
 */
export function reviewSection(
  section: SectionDef,
  answers: StoredAnswers,
  ctx: PageContext,
  notAsked: readonly string[] = [],
): ReviewBlock[] {
  const blocks: ReviewBlock[] = [];
  for (const page of section.pages(ctx)) {
    const result = pageSchema(page).safeParse(formInputFor(page, answers));
    const problems = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0] ?? "")));
    const rows = page.questions.map((question): ReviewRow => {
      const key = answerKeyOf(page, question.id);
      const value = formatAnswer(question, (id) => answers[answerKeyOf(page, id)]);
      const filled = notAsked.includes(key);
      return {
        questionId: question.id,
        pageId: page.id,
        label: question.summaryLabel,
        value: filled ? [notAskedLine(value)] : value,
        needsAnswer: [question.id, ...revealedQuestions(question).map((child) => child.id)].some((id) =>
          problems.has(id),
        ),
        optional: Boolean(question.optional),
        ...(filled ? { notAsked: true } : {}),
      };
    });
    const last = blocks[blocks.length - 1];
    if (page.cardTitle) blocks.push({ title: page.cardTitle, rows });
    else if (last && !last.title) last.rows.push(...rows);
    else blocks.push({ rows });
  }
  return blocks;
}
