import { z } from "zod";
import type { StoredAnswers } from "../../db/repositories/answers";
import { choiceIncludes, toFieldInput, withRevealed, type FormInput, type Question } from "./question-types";

export type SectionId = "organisation" | "stakeholders" | "engagement-model" | "capacity" | "commitment";

/** One page of a section: one question, or a small group of related ones. */
export type PageDef = {
  /** The page's address within its section, such as "name". */
  id: string;
  /** The page heading when it asks more than one question; single-question pages use the label. */
  title?: string;
  /** Short paragraphs under the heading. */
  intro?: readonly string[];
  questions: readonly Question[];
};

export type SectionDef = {
  id: SectionId;
  /** In the user's words, as on the task list. */
  title: string;
  /** One line under the title on the task list. */
  hint: string;
  pages: readonly PageDef[];
  /** Sections that must be completed first, because this one builds on their answers. */
  dependsOn: readonly SectionId[];
  /** Validates the whole section's answers, as stored, for marking it complete and for scoring. */
  schema: z.ZodType<unknown>;
};

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * Adds the rules for follow-up questions to an object schema: a revealed follow-up is required
 * when its option is chosen, and dropped when it is not (so a stale "Other" text never survives).
 */
export function withConditionals<T extends AnyObjectSchema>(schema: T, questions: readonly Question[]) {
  const rules = conditionalRules(questions);
  return schema
    .superRefine(
      (value, ctx) => {
        const record = (value ?? {}) as Record<string, unknown>;
        for (const rule of rules) {
          if (!choiceIncludes(record[rule.parentId], rule.option)) continue;
          const child = record[rule.childId];
          if (typeof child === "string" && child.trim() !== "") continue;
          ctx.addIssue({ code: "custom", path: [rule.childId], message: rule.message, input: child });
        }
      },
      // NOTE: `when` makes the rule run even when other fields on the page have errors,
      // so people see every problem at once instead of one round at a time.
      { when: () => true },
    )
    .transform((value): z.output<T> => {
      const copy: Record<string, unknown> = { ...value };
      for (const rule of rules) {
        if (!choiceIncludes(copy[rule.parentId], rule.option)) delete copy[rule.childId];
      }
      return copy as z.output<T>;
    });
}

type ConditionalRule = { parentId: string; option: string; childId: string; message: string };

function conditionalRules(questions: readonly Question[]): ConditionalRule[] {
  return questions.flatMap((question) =>
    question.kind === "radios" || question.kind === "checkboxes"
      ? question.options.flatMap((option) =>
          option.reveals
            ? [
                {
                  parentId: question.id,
                  option: option.value,
                  childId: option.reveals.id,
                  message: option.reveals.errors.required,
                },
              ]
            : [],
        )
      : [],
  );
}

/** Builds the validation for one page from its questions' own schemas. */
export function pageSchema(page: PageDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of withRevealed(page.questions)) shape[question.id] = question.schema;
  return withConditionals(z.object(shape), page.questions);
}

/** Every question on a page, follow-ups included, in the order they appear. */
export function pageQuestions(page: PageDef): Question[] {
  return withRevealed(page.questions);
}

/** Every question in a section, follow-ups included. */
export function sectionQuestions(section: SectionDef): Question[] {
  return section.pages.flatMap(pageQuestions);
}

/** The form's starting values: stored answers turned back into field values. */
export function formInputFor(questions: readonly Question[], answers: StoredAnswers): FormInput {
  const input: FormInput = {};
  for (const question of questions) input[question.id] = toFieldInput(question, answers[question.id]);
  return input;
}

/** Whether the respondent has answered any question in the section. */
export function hasAnyAnswer(section: SectionDef, answers: StoredAnswers): boolean {
  return sectionQuestions(section).some((question) => answers[question.id] !== undefined);
}
