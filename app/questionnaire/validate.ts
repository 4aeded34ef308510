import type { z } from "zod";
import type { FormInput, Question } from "./question-types";
import { pageQuestions, pageSchema, type PageDef } from "./section-types";

/** The first error for each field, by field name. */
export type FieldErrors = Record<string, string>;

/** Collapses zod's issues to one message per field, in the order the fields appear. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[], questions: readonly Question[]): FieldErrors {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const errors: FieldErrors = {};
  for (const question of questions) {
    const message = byField.get(question.id);
    if (message) errors[question.id] = message;
  }
  return errors;
}

export type PageValidation = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/** Validates one page's input with the same schema the browser uses. */
export function validatePage(page: PageDef, input: FormInput): PageValidation {
  const result = pageSchema(page).safeParse(input);
  if (result.success) return { ok: true, values: result.data as Record<string, unknown> };
  return { ok: false, errors: fieldErrorsFrom(result.error.issues, pageQuestions(page)) };
}

/** The error summary's entries: each message linked to the field it is about. */
export function errorLinks(errors: FieldErrors, questions: readonly Question[]): { href: string; text: string }[] {
  return questions.flatMap((question) => {
    const message = errors[question.id];
    return message ? [{ href: `#${question.id}`, text: message }] : [];
  });
}
