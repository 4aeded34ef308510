import * as z from "zod/mini";
import type { StoredAnswers } from "../../db/repositories/answers";
import {
  choiceIncludes,
  DONT_KNOW,
  dontKnowField,
  toFieldInput,
  withRevealed,
  type FormInput,
  type Question,
} from "./question-types";

export type SectionId = "organisation" | "stakeholders" | "engagement-model" | "capacity" | "commitment";

/** A stakeholder group as later pages need it: its stable id, its name, and how to say it mid-sentence. */
export type GroupRef = { id: string; name: string; phrase: string };

/**
 * What later pages need to know about earlier answers to build themselves: the stakeholder
 * groups (one page per group) and the answers that switch pages on or off. Small and plain, so a
 * loader can send it to the browser, which builds the very same pages and schemas.
 */
export type PageContext = {
  groups: readonly GroupRef[];
  /** Other answers that decide which pages appear, by question id. */
  switches: Readonly<Record<string, string | readonly string[] | undefined>>;
};

/** A rule across fields on one page, such as "choose at least one group, or add your own". */
export type PageRule = {
  /** The field the message belongs to. */
  path: string;
  message: string;
  /** True when the page's values (as typed, before validation) pass. */
  passes: (values: Record<string, unknown>) => boolean;
};

/** One page of a section: one question, or a small group of related ones. */
export type PageDef = {
  /** The page's address within its section, such as "name" or "group-residents". */
  id: string;
  /** The page heading when it asks more than one question; single-question pages use the label. */
  title?: string;
  /** Short paragraphs under the heading. */
  intro?: readonly string[];
  /** A "details" box of background, such as what the IAP2 levels mean. */
  details?: { summary: string; paragraphs: readonly string[] };
  questions: readonly Question[];
  /**
   * Questions shown together under one legend, like the GOV.UK address pattern: the start and
   * end of a period, say. Each keeps its own label, answer and errors.
   */
  fieldsets?: readonly PageFieldset[];
  rules?: readonly PageRule[];
  /**
   * Where each answer is stored. Pages about one stakeholder group ask the same questions as
   * other groups' pages, so they store "why@residents", "why@media" and so on.
   */
  answerKey?: (questionId: string) => string;
  /** Shown as its own card on the check-answers page, titled with this. */
  cardTitle?: string;
  /**
   * What else changes when this page saves: answers its new values make meaningless (the volume
   * estimate once the volume is known), or answers about stakeholder groups that were removed.
   */
  onSave?: (values: Record<string, unknown>, stored: StoredAnswers) => SaveEffects;
};

export type PageFieldset = {
  legend: string;
  hint?: string;
  /** Marks the legend "(optional)". */
  optional?: boolean;
  /** Ids of the page's questions in the group, in the order they appear on the page. */
  questionIds: readonly string[];
};

export type SaveEffects = {
  set?: Record<string, unknown>;
  clear?: readonly string[];
  /** Groups being removed, whose answers go with them: people confirm this first. */
  removes?: { names: string[]; answerCount: number };
};

export type SectionDef = {
  id: SectionId;
  /** In the user's words, as on the task list. */
  title: string;
  /** One line under the title on the task list. */
  hint: string;
  /** Sections that must be completed first, because this one builds on their answers. */
  dependsOn: readonly SectionId[];
  /**
   * About how long the section takes, fewest and most minutes, estimated from its questions (a
   * written answer takes longer than a choice, and the stakeholder questions repeat per group,
   * taken as three to six groups). The five add up to 20 to 30 minutes.
   */
  minutes: readonly [number, number];
  /** The section's pages, in order, given what earlier answers say. */
  pages: (ctx: PageContext) => readonly PageDef[];
  /**
   * Gathers the section's stored answers into the shape its schema reads. The schema then
   * produces exactly the answer type the scoring module consumes.
   */
  collect: (answers: StoredAnswers, ctx: PageContext) => unknown;
  schema: (ctx: PageContext) => z.ZodMiniType<unknown>;
};

/**
 * Builds a section's pages (or schema) once for each context and reuses them: pages carry their
 * questions' schemas, which are slow to build, and every page view, check and report asks for
 * them many times. The result depends only on the context's content, and nothing changes pages
 * once built. Keeps the most recent contexts (a few per assessment being worked on).
 */
export function byContext<T>(build: (ctx: PageContext) => T, keep = 200): (ctx: PageContext) => T {
  const built = new Map<string, T>();
  return (ctx) => {
    const key = JSON.stringify(ctx);
    const found = built.get(key);
    if (found !== undefined) return found;
    const value = build(ctx);
    if (built.size >= keep) built.delete(built.keys().next().value as string);
    built.set(key, value);
    return value;
  };
}

export function answerKeyOf(page: PageDef, questionId: string): string {
  return page.answerKey ? page.answerKey(questionId) : questionId;
}

type AnyObjectSchema = z.ZodMiniObject;

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

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Adds the rules for follow-up questions to an object schema: a revealed follow-up is required
 * when its option is chosen, and dropped when it is not (so a stale "Other" text never survives).
 */
export function withConditionals<T extends AnyObjectSchema>(
  schema: T,
  questions: readonly Question[],
  rules: readonly PageRule[] = [],
) {
  const conditionals = conditionalRules(questions);
  const checked = schema.check(
    z.superRefine(
      (value: z.output<T>, ctx) => {
        const record = (value ?? {}) as Record<string, unknown>;
        for (const rule of conditionals) {
          if (choiceIncludes(record[rule.parentId], rule.option) && isBlank(record[rule.childId])) {
            ctx.addIssue({ code: "custom", path: [rule.childId], message: rule.message, input: record[rule.childId] });
          }
        }
        for (const rule of rules) {
          if (!rule.passes(record)) {
            ctx.addIssue({ code: "custom", path: rule.path.split("."), message: rule.message, input: undefined });
          }
        }
      },
      // NOTE: `when` makes the rules run even when other fields on the page have errors,
      // so people see every problem at once instead of one round at a time.
      { when: () => true },
    ),
  );
  return z.pipe(
    checked,
    z.transform((value: z.output<T>): z.output<T> => {
      const copy: Record<string, unknown> = { ...value };
      for (const rule of conditionals) {
        if (!choiceIncludes(copy[rule.parentId], rule.option)) delete copy[rule.childId];
      }
      return copy as z.output<T>;
    }),
  );
}

/**
 * A number question with "I don't know" posts two fields: the box ("teamPeople") and the checkbox
 * ("teamPeopleUnknown"). This folds them into one value for the question's schema: "unknown" for
 * the checkbox alone, the typed text alone, or both (a list) when both were given.
 */
export function mergeDontKnow(questions: readonly Question[]) {
  const ids = questions.flatMap((question) => (question.kind === "number" && question.dontKnow ? [question.id] : []));
  return (value: Record<string, unknown>): Record<string, unknown> => {
    if (ids.length === 0 || typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const merged: Record<string, unknown> = { ...value };
    for (const id of ids) {
      const companion = dontKnowField(id);
      const ticked = merged[companion] === DONT_KNOW;
      delete merged[companion];
      if (!ticked) continue;
      merged[id] = isBlank(merged[id]) ? DONT_KNOW : [merged[id], DONT_KNOW];
    }
    return merged;
  };
}

/** Builds the validation for one page from its questions' own schemas. */
// Built once per page definition: pages are checked on every task-list and check-answers view,
// and zod's schema construction was a visible share of each request's time (bench:load).
const pageSchemas = new WeakMap<PageDef, ReturnType<typeof buildPageSchema>>();

export function pageSchema(page: PageDef) {
  let schema = pageSchemas.get(page);
  if (!schema) {
    schema = buildPageSchema(page);
    pageSchemas.set(page, schema);
  }
  return schema;
}

function buildPageSchema(page: PageDef) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const question of withRevealed(page.questions)) shape[question.id] = question.schema;
  return z.pipe(
    z.transform(mergeDontKnow(page.questions)),
    withConditionals(z.object(shape), page.questions, page.rules),
  );
}

/** Every question on a page, follow-ups included, in the order they appear. */
export function pageQuestions(page: PageDef): Question[] {
  return withRevealed(page.questions);
}

/** The form's starting values: stored answers turned back into field values. */
export function formInputFor(page: PageDef, answers: StoredAnswers): FormInput {
  const input: FormInput = {};
  for (const question of pageQuestions(page)) {
    const value = answers[answerKeyOf(page, question.id)];
    if (question.kind === "number" && question.dontKnow) {
      // "I don't know" ticks the checkbox and leaves the box empty.
      const unknown = value === DONT_KNOW;
      input[question.id] = unknown ? "" : toFieldInput(question, value);
      input[dontKnowField(question.id)] = unknown ? DONT_KNOW : undefined;
      continue;
    }
    input[question.id] = toFieldInput(question, value);
  }
  return input;
}

/** Whether a page's stored answers are complete and valid. */
export function isPageValid(page: PageDef, answers: StoredAnswers): boolean {
  return pageSchema(page).safeParse(formInputFor(page, answers)).success;
}

/** Whether any of a page's questions has a stored answer. */
export function pageHasAnswer(page: PageDef, answers: StoredAnswers): boolean {
  return pageQuestions(page).some((question) => answers[answerKeyOf(page, question.id)] !== undefined);
}

/** For sections whose pages map one-to-one onto the answer type: every page's values, merged. */
export function collectPages(pages: readonly PageDef[], answers: StoredAnswers): FormInput {
  return Object.assign({}, ...pages.map((page) => formInputFor(page, answers))) as FormInput;
}
