import type { StoredAnswers } from "../../db/repositories/answers";
import { formatAnswer } from "./format";
import { revealedQuestions } from "./question-types";
import { formInputFor, sectionQuestions, type PageDef, type SectionDef } from "./section-types";

export type ReviewRow = {
  questionId: string;
  pageId: string;
  label: string;
  /** The answer as people read it; undefined when there is none yet. */
  value?: string[];
  /** True when the answer is missing or no longer valid, including a follow-up it needs. */
  needsAnswer: boolean;
};

/** One row per question for the check-answers page, flagging those still to answer. */
export function reviewSection(section: SectionDef, answers: StoredAnswers): ReviewRow[] {
  const result = section.schema.safeParse(formInputFor(sectionQuestions(section), answers));
  const problems = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0] ?? "")));
  return section.pages.flatMap((page: PageDef) =>
    page.questions.map((question) => {
      const ids = [question.id, ...revealedQuestions(question).map((child) => child.id)];
      return {
        questionId: question.id,
        pageId: page.id,
        label: question.summaryLabel,
        value: formatAnswer(question, answers),
        needsAnswer: ids.some((id) => problems.has(id)),
      };
    }),
  );
}
