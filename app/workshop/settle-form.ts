import * as z from "zod/mini";
import {
  DONT_KNOW,
  dontKnowField,
  textareaQuestion,
  toFieldInput,
  type FormInput,
  type Question,
} from "../questionnaire/question-types";
import { formatAnswer } from "../questionnaire/format";
import { answerKeyOf, pageQuestions, type PageDef } from "../questionnaire/section-types";
import { validatePage, type FieldErrors } from "../questionnaire/validate";
import { SETTLE_FIELDS } from "./settle-fields";
import type { SettleQuestion } from "./settle-questions";

/** "Why the group chose this": optional, up to 1,000 characters, drawn as the wizard draws a textarea. */
export const reasonQuestion = textareaQuestion({
  id: SETTLE_FIELDS.reason,
  label: "Why the group chose this",
  hint: "This goes into the report beside the answer, so readers know how the team reached it.",
  summaryLabel: "Why the group chose this",
  optional: true,
  maxLength: 1000,
  rows: 4,
  errors: { required: "Enter why the group chose this", name: "The reason" },
});

const RevisionSchema = z.pipe(
  z.string().check(z.regex(/^\d{1,9}$/)),
  z.transform((text: string) => Number(text)),
);

/** The revision the form was built from: 0 when it showed the question unsettled. */
export function readRevision(posted: string | undefined): number | undefined {
  const parsed = RevisionSchema.safeParse(posted ?? "");
  return parsed.success ? parsed.data : undefined;
}

/** One page asking just this question (and its follow-ups), stored under its own keys. */
export function settlePage(question: SettleQuestion): PageDef {
  return { id: question.page.id, questions: [question.question], answerKey: question.page.answerKey };
}

/** A group's answers by key, read the way the question's own page stores them. */
export function lookupFor(question: SettleQuestion, values: Readonly<Record<string, unknown>>) {
  return (questionId: string) => values[answerKeyOf(question.page, questionId)];
}

/** A settled or suggested answer as people read it, on one line; "No answer" when there is none. */
export function answerInWords(question: SettleQuestion, values: Readonly<Record<string, unknown>>): string {
  const lines = formatAnswer(question.question, lookupFor(question, values));
  return lines && lines.length > 0 ? lines.join("; ") : "No answer";
}

/** The form's starting values for an answer (and its follow-ups), as the wizard fills its own form. */
export function formValuesFor(question: SettleQuestion, values: Readonly<Record<string, unknown>>): FormInput {
  const input: FormInput = {};
  for (const asked of pageQuestions(settlePage(question))) {
    const value = values[answerKeyOf(question.page, asked.id)];
    if (asked.kind === "number" && asked.dontKnow) {
      const unknown = value === DONT_KNOW;
      input[asked.id] = unknown ? "" : toFieldInput(asked, value);
      input[dontKnowField(asked.id)] = unknown ? DONT_KNOW : undefined;
      continue;
    }
    input[asked.id] = toFieldInput(asked, value);
  }
  return input;
}

export type SettleValidation =
  { ok: true; value: unknown; followUps: { key: string; value: unknown }[] } | { ok: false; errors: FieldErrors };

/**
 * Checks a posted answer with the question's own schema (and its follow-ups' schemas, required
 * when their option is chosen), exactly as the wizard's page does. The follow-ups returned are the
 * ones the answer asks, keyed where they are stored.
 */
export function validateSettleAnswer(question: SettleQuestion, input: FormInput): SettleValidation {
  const result = validatePage(settlePage(question), input);
  if (!result.ok) return result;
  const value = result.values[question.question.id];
  const followUps = question.followUps
    .filter((followUp) => (Array.isArray(value) ? value.includes(followUp.option) : value === followUp.option))
    .map((followUp) => ({ key: followUp.key, value: result.values[followUp.question.id] }))
    .filter((followUp) => followUp.value !== undefined);
  return { ok: true, value, followUps };
}

/** A list answer (stakeholder groups, projects) checked with the question's own schema. */
export function validateList(question: Question, value: unknown): boolean {
  if (question.kind !== "repeating") return false;
  return question.schema.safeParse(toFieldInput(question, value)).success;
}

/** The reason as posted, checked: blank is no reason. */
export function validateReason(
  posted: string | undefined,
): { ok: true; reason: string | null } | { ok: false; error: string } {
  const result = reasonQuestion.schema.safeParse(posted);
  if (!result.success) return { ok: false, error: result.error.issues[0]?.message ?? "Check the reason" };
  return { ok: true, reason: result.data ?? null };
}

/**
 * A question without its schema (and its follow-ups without theirs): what the browser needs to
 * draw the field with the wizard's own components, as plain data a loader can send.
 */
export function drawableQuestion(question: Question): Question {
  const plain: Record<string, unknown> = { ...question };
  delete plain.schema;
  delete plain.summarise;
  if (question.kind === "radios" || question.kind === "checkboxes") {
    plain.options = question.options.map((option) =>
      option.reveals ? { ...option, reveals: drawableQuestion(option.reveals) } : option,
    );
  }
  // NOTE: the fields never read the schema; the server validates every post with the real one.
  return plain as Question;
}
