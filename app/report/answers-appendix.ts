import type { StoredAnswers } from "../../db/repositories/answers";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { reviewSection } from "../questionnaire/section-review";

/** Every answer as given, section by section, worded by the question definitions. */
export type AnswersAppendix = {
  sections: {
    id: string;
    title: string;
    blocks: { title?: string; rows: { label: string; value: string[] }[] }[];
  }[];
};

/** `notAsked` names answers filled in because the question was added after the assessment was answered. */
export function buildAnswersAppendix(answers: StoredAnswers, notAsked: readonly string[] = []): AnswersAppendix {
  const ctx = pageContext(answers);
  return {
    sections: SECTIONS.map((section) => ({
      id: section.id,
      title: section.title,
      blocks: reviewSection(section, answers, ctx, notAsked).map((block) => ({
        ...(block.title ? { title: block.title } : {}),
        rows: block.rows.map((row) => ({ label: row.label, value: row.value ?? ["Not answered"] })),
      })),
    })),
  };
}
