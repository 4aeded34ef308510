import type { z } from "zod";
import type { FormInput, Question } from "./question-types";
import { pageQuestions, pageSchema, type PageDef } from "./section-types";

/**
 * The first error for each field, by the field's path: "orgName", or "projects.1.name" for a
 * field inside the second item of a repeating group.
 */
export type FieldErrors = Record<string, string>;

/** The HTML id of a field's input: paths with dots become ids with dashes. */
export function fieldDomId(path: string): string {
  return path.replace(/\./g, "-");
}

/** Orders error keys as the fields appear on the page: question by question, item by item. */
export function orderErrors(errors: Readonly<Record<string, string>>, questions: readonly Question[]): FieldErrors {
  const ordered: FieldErrors = {};
  for (const question of questions) {
    // A list answer (checkboxes) reports problems with single options, such as "channels.1":
    // people see them as one problem with the question.
    const own =
      errors[question.id] ??
      (question.kind === "repeating"
        ? undefined
        : Object.entries(errors).find(([key]) => key.startsWith(`${question.id}.`))?.[1]);
    if (own) ordered[question.id] = own;
    if (question.kind !== "repeating") continue;
    const fieldOrder = ["id", ...question.fields.map((field) => field.id)];
    const itemKeys = Object.keys(errors)
      .filter((key) => key.startsWith(`${question.id}.`))
      .map((key) => {
        const [, index = "0", field = ""] = key.split(".");
        return { key, index: Number(index), field: fieldOrder.indexOf(field) };
      })
      .sort((a, b) => a.index - b.index || a.field - b.field);
    for (const { key } of itemKeys) ordered[key] = errors[key] as string;
  }
  return ordered;
}

/** Collapses zod's issues to one message per field, in the order the fields appear. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[], questions: readonly Question[]): FieldErrors {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (key && !(key in byField)) byField[key] = issue.message;
  }
  return orderErrors(byField, questions);
}

export type PageValidation = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/** Validates one page's input with the same schema the browser uses. */
export function validatePage(page: PageDef, input: FormInput): PageValidation {
  const result = pageSchema(page).safeParse(input);
  if (result.success) return { ok: true, values: result.data as Record<string, unknown> };
  return { ok: false, errors: fieldErrorsFrom(result.error.issues, pageQuestions(page)) };
}

/** The error summary's entries: each message linked to the field it is about. */
export function errorLinks(errors: FieldErrors): { href: string; text: string }[] {
  return Object.entries(errors).map(([key, text]) => ({ href: `#${fieldDomId(key)}`, text }));
}
