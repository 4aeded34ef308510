// NOTE: zod/mini, not classic zod: the same validation, but it lets the browser bundle keep only
// what we use (about 9 KB gzipped instead of 31 KB), which keeps wizard pages inside their budget.
import * as z from "zod/mini";

/**
 * One definition per question: its id, wording, options and validation. The same object drives
 * the question page, server validation, client validation, the check-answers page and the
 * answers appendix of the report.
 */

/** One item of a repeating group, as its form fields hold it. */
export type ItemInput = Record<string, string | string[] | undefined>;
/** What a form field holds: a single value, a list (checkboxes), items (a repeating group), or nothing. */
export type FieldInput = string | string[] | ItemInput[] | undefined;
export type FormInput = Record<string, FieldInput>;

export type Option<V extends string = string> = {
  value: V;
  label: string;
  hint?: string;
  /** "None of these": shown after an "or" divider and cannot be combined with other options. */
  exclusive?: boolean;
  /** A follow-up question shown when this option is chosen (a conditional reveal). */
  reveals?: RevealableQuestion;
  /**
   * On a question whose options are an ordered scale: this option is not a point on the scale,
   * such as "Not decided yet". ("I don't know" options are never on the scale either.)
   */
  offScale?: true;
};

type Common = {
  id: string;
  /** The question as asked. On a page with one question this is also the page heading. */
  label: string;
  hint?: string;
  /** Marked "(optional)" on the page; blank means "no answer". */
  optional?: boolean;
  /** Shorter wording for the check-answers page and the answers appendix. */
  summaryLabel: string;
  /** The message when a required answer is missing; also used when a revealed follow-up is. */
  errors: { required: string };
};

export type TextQuestion = Common & {
  kind: "text";
  maxLength: number;
  width?: "full" | "two-thirds" | "one-half" | "20" | "10" | "5";
  autocomplete?: string;
  /** False for short answers with a set form, such as a time, where a character count is noise. */
  countCharacters?: false;
  schema: z.ZodMiniType<string | undefined>;
};

export type TextareaQuestion = Common & {
  kind: "textarea";
  maxLength: number;
  rows: number;
  schema: z.ZodMiniType<string | undefined>;
};

export type NumberQuestion = Common & {
  kind: "number";
  min: number;
  max: number;
  /** Unit shown after the box, such as "hours". */
  suffix?: string;
  /** Shown before the box, such as a currency symbol. */
  prefix?: string;
  decimals: boolean;
  /** An amount of money: a currency sign typed before it (£45, A$45) is dropped. */
  money?: boolean;
  /**
   * Offers "I don't know" as a checkbox after the box; the answer is then the string "unknown".
   * The box is labelled `inputLabel` (the question itself is the group's legend).
   */
  dontKnow?: { inputLabel: string; both: string };
  schema: z.ZodMiniType<number | "unknown" | undefined>;
};

/** The form field of a number question's "I don't know" checkbox: "teamPeopleUnknown". */
export function dontKnowField(questionId: string): string {
  return `${questionId}Unknown`;
}

/** The value the "I don't know" checkbox posts, and the answer it stands for. */
export const DONT_KNOW = "unknown" as const;

export type RadiosQuestion = Common & {
  kind: "radios";
  options: readonly Option[];
  inline?: boolean;
  /**
   * The options are an ordered scale (a level, a frequency, a size), so answers two options apart
   * disagree more than neighbours. Workshops measure disagreement by it.
   */
  ordered?: true;
  schema: z.ZodMiniType<string | undefined>;
};

export type CheckboxesQuestion = Common & {
  kind: "checkboxes";
  options: readonly Option[];
  schema: z.ZodMiniType<string[] | undefined>;
};

/** A question that can sit inside an item of a repeating group. */
export type ItemFieldQuestion = TextQuestion | TextareaQuestion | RadiosQuestion | CheckboxesQuestion;

/**
 * A list people build up with "Add another" and "Remove": stakeholder groups, key projects,
 * objectives. Each item has a stable id and the same fields.
 */
export type RepeatingQuestion = Common & {
  kind: "repeating";
  /** What one item is called, for "Add another project" and "Project 2". */
  itemName: string;
  /** New items get ids made of this and a random part, such as "custom-3f9a1c2e". */
  idPrefix: string;
  fields: readonly ItemFieldQuestion[];
  minItems: number;
  maxItems: number;
  /** One line describing an item on the check-answers page. */
  summarise: (item: Record<string, unknown>) => string;
  schema: z.ZodMiniType<Record<string, unknown>[] | undefined>;
};

export type Question =
  TextQuestion | TextareaQuestion | NumberQuestion | RadiosQuestion | CheckboxesQuestion | RepeatingQuestion;
export type ChoiceQuestion = RadiosQuestion | CheckboxesQuestion;
/** Follow-up questions revealed by an option. */
export type RevealableQuestion = TextQuestion | TextareaQuestion | NumberQuestion | RadiosQuestion;

// Characters people cannot see or type: C0 and C1 controls except tab and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Blank, missing or null (react-hook-form's empty radio) all mean "no answer". */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** Browsers post textarea line breaks as CRLF; count and store them as one character. */
export function normaliseText(value: unknown): unknown {
  const blank = blankToUndefined(value);
  return typeof blank === "string" ? blank.replace(/\r\n?/g, "\n").trim() : blank;
}

type TextSpec = Omit<TextQuestion, "kind" | "schema"> & {
  errors: { required: string; name: string };
};

type TextRules = { maxLength: number; errors: { required: string; name: string } };

function textRule(spec: TextRules) {
  return z.string({ error: spec.errors.required }).check(
    z.maxLength(
      spec.maxLength,
      `${spec.errors.name} must be ${spec.maxLength.toLocaleString("en-GB")} characters or fewer`,
    ),
    z.refine((text: string) => !CONTROL_CHARACTERS.test(text), {
      message: `${spec.errors.name} contains hidden control characters: remove them`,
    }),
  );
}

/** Cleans a value before validating it (zod's "preprocess"). */
export function before<T extends z.core.$ZodType>(clean: (value: unknown) => unknown, schema: T) {
  return z.pipe(z.transform(clean), schema);
}

function requiredText(spec: TextRules) {
  return before(normaliseText, textRule(spec));
}

function optionalText(spec: TextRules) {
  return before(normaliseText, z.optional(textRule(spec)));
}

/** The schema's static type follows the `optional` flag, so optional answers are optional keys. */
type TextSchemaFor<S> = S extends { optional: true }
  ? ReturnType<typeof optionalText>
  : ReturnType<typeof requiredText>;

function textSchema<S extends TextRules & { optional?: boolean }>(spec: S): TextSchemaFor<S> {
  return (spec.optional ? optionalText(spec) : requiredText(spec)) as TextSchemaFor<S>;
}

export function textQuestion<const S extends TextSpec>(spec: S) {
  const { errors, ...rest } = spec;
  return { ...rest, kind: "text", schema: textSchema(spec), errors } as const;
}

type TextareaSpec = Omit<TextareaQuestion, "kind" | "schema" | "rows"> & {
  rows?: number;
  errors: { required: string; name: string };
};

export function textareaQuestion<const S extends TextareaSpec>(spec: S) {
  const { errors, ...rest } = spec;
  return {
    ...rest,
    kind: "textarea",
    rows: spec.rows ?? 4,
    schema: textSchema(spec),
    errors,
  } as const;
}

export type NumberSpec = Omit<NumberQuestion, "kind" | "schema" | "decimals"> & {
  decimals?: boolean;
  errors: {
    required: string;
    /** The thing counted, for messages such as "Enter the number of staff as a whole number". */
    name: string;
    example: string;
  };
};

function formatLimit(value: number): string {
  return value.toLocaleString("en-GB");
}

export function numberRule(spec: NumberSpec) {
  const decimals = spec.decimals ?? false;
  const pattern = decimals ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const kind = decimals ? "a number" : "a whole number";
  // People write 45,000 or 45 000; both mean 45000. Amounts of money may start with a sign.
  const digits = z
    .pipe(
      z.string({ error: spec.errors.required }),
      z.transform((text: string) => {
        const plain = text.replace(/[,\s]/g, "");
        return spec.money ? plain.replace(/^[A-Za-z]{0,3}[$£€]/, "") : plain;
      }),
    )
    .check(
      z.refine((text: string) => pattern.test(text), {
        message: `Enter ${spec.errors.name} as ${kind}, like ${spec.errors.example}`,
      }),
    );
  const inRange = z
    .number()
    .check(
      z.minimum(spec.min, `${capitalise(spec.errors.name)} must be ${formatLimit(spec.min)} or more`),
      z.maximum(spec.max, `${capitalise(spec.errors.name)} must be ${formatLimit(spec.max)} or fewer`),
    );
  return z.pipe(
    z.pipe(
      digits,
      z.transform((text: string) => Number(text)),
    ),
    inRange,
  );
}

function requiredNumber(spec: NumberSpec) {
  return before(numberToText, numberRule(spec));
}

function optionalNumber(spec: NumberSpec) {
  return before(numberToText, z.optional(numberRule(spec)));
}

type NumberSchemaFor<S> = S extends { optional: true }
  ? ReturnType<typeof optionalNumber>
  : ReturnType<typeof requiredNumber>;

function numberSchema<S extends NumberSpec>(spec: S): NumberSchemaFor<S> {
  return (spec.optional ? optionalNumber(spec) : requiredNumber(spec)) as NumberSchemaFor<S>;
}

/** Stored answers are numbers; the form posts text. Both are validated as text. */
export function numberToText(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : blankToUndefined(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function numberQuestion<const S extends Omit<NumberSpec, "dontKnow">>(spec: S) {
  const { errors, ...rest } = spec;
  return {
    ...rest,
    kind: "number",
    decimals: spec.decimals ?? false,
    schema: numberSchema(spec),
    errors,
  } as const;
}

/** Pairs each domain value with its wording; the Record type makes sure none is missed. */
export function optionsFor<const V extends string>(
  values: readonly V[],
  wording: Record<V, Omit<Option<V>, "value">>,
): Option<V>[] {
  return values.map((value) => ({ value, ...wording[value] }));
}

type ChoiceSpec<V extends string> = Omit<Common, "optional"> & {
  options: readonly Option<V>[];
  optional?: boolean;
  errors: { required: string };
};

export function radiosQuestion<
  const V extends string,
  const S extends ChoiceSpec<V> & { inline?: boolean; ordered?: true },
>(spec: S & { options: readonly Option<V>[] }) {
  const { errors, ...rest } = spec;
  const values = spec.options.map((option) => option.value) as [V, ...V[]];
  const choice = z.enum(values, { error: errors.required });
  const required = before(blankToUndefined, choice);
  const optional = before(blankToUndefined, z.optional(choice));
  type Schema = S extends { optional: true } ? typeof optional : typeof required;
  return {
    ...rest,
    kind: "radios",
    schema: (spec.optional ? optional : required) as Schema,
    errors,
  } as const;
}

function toList(value: unknown): unknown {
  if (value === undefined || value === null || value === false || value === "") return [];
  if (typeof value === "string") return [value];
  return value;
}

export function checkboxesQuestion<const V extends string, const S extends ChoiceSpec<V>>(
  spec: S & { options: readonly Option<V>[] } & { errors: { required: string; exclusive?: string } },
) {
  const { errors, ...rest } = spec;
  const values = spec.options.map((option) => option.value) as [V, ...V[]];
  const exclusive = spec.options.filter((option) => option.exclusive).map((option) => option.value as string);
  // NOTE: options can be built from earlier answers (the stakeholder groups) and so can be empty.
  const choice = values.length > 0 ? z.enum(values, { error: errors.required }) : z.never({ error: errors.required });
  const list = z.array(choice, { error: errors.required }).check(
    z.refine((chosen: string[]) => new Set(chosen).size === chosen.length, { message: errors.required }),
    z.refine((chosen: string[]) => chosen.length <= 1 || !chosen.some((value) => exclusive.includes(value)), {
      message: errors.exclusive ?? errors.required,
    }),
    z.refine((chosen: string[]) => spec.optional || chosen.length > 0, { message: errors.required }),
  );
  return {
    ...rest,
    kind: "checkboxes",
    schema: before(toList, list),
    errors,
  } as const;
}

/** The follow-up questions revealed by a choice question's options. */
export function revealedQuestions(question: Question): RevealableQuestion[] {
  if (question.kind !== "radios" && question.kind !== "checkboxes") return [];
  return question.options.flatMap((option) => (option.reveals ? [option.reveals] : []));
}

/** A question and the follow-ups it reveals, in page order. */
export function withRevealed(questions: readonly Question[]): Question[] {
  return questions.flatMap((question) => [question, ...revealedQuestions(question)]);
}

/** Whether a stored or typed choice value includes an option. */
export function choiceIncludes(value: unknown, option: string): boolean {
  return Array.isArray(value) ? value.includes(option) : value === option;
}

/** Turns a stored (typed) answer back into what the form field holds. */
export function toFieldInput(question: Question, value: unknown): FieldInput {
  if (question.kind === "repeating") {
    if (!Array.isArray(value)) return [];
    return value.map((item: unknown) => {
      const record = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
      const input: ItemInput = { id: typeof record.id === "string" ? record.id : "" };
      for (const field of question.fields) {
        input[field.id] = toFieldInput(field, record[field.id]) as string | string[] | undefined;
      }
      return input;
    });
  }
  if (value === undefined || value === null) return question.kind === "checkboxes" ? [] : undefined;
  if (question.kind === "checkboxes") return Array.isArray(value) ? value.map(String) : [String(value)];
  if (question.kind === "number" && typeof value === "number") return String(value);
  return typeof value === "string" ? value : String(value);
}

/** Ids of items in a repeating group: made by the server, so only letters, digits and dashes. */
const ITEM_ID = /^[a-z0-9-]{1,40}$/;

/**
 * An item's id as posted: blank for a new item (the server gives it one when saving), or the
 * id it was given before.
 */
export const itemIdSchema = before(
  (value) => (value === undefined || value === null ? "" : value),
  z.string().check(
    z.refine((id: string) => id === "" || ITEM_ID.test(id), {
      message: "This item could not be read. Remove it and add it again.",
    }),
  ),
);

function toItems(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  return value;
}

type RepeatingSpec<Item extends z.ZodMiniObject> = Omit<
  RepeatingQuestion,
  "kind" | "schema" | "summarise" | "optional"
> & {
  /** The item's schema: an object with `id: itemIdSchema` and one entry per field. */
  item: Item;
  summarise: (item: z.output<Item>) => string;
  errors: { required: string; tooMany: string; duplicate?: { field: string; message: string } };
};

export function repeatingQuestion<const Item extends z.ZodMiniObject>(spec: RepeatingSpec<Item>) {
  const { errors, item, summarise, ...rest } = spec;
  const list = z.array(item, { error: errors.required }).check(
    z.minLength(spec.minItems, errors.required),
    z.maxLength(spec.maxItems, errors.tooMany),
    z.superRefine((items: z.output<Item>[], ctx) => {
      const seen = new Set<string>();
      items.forEach((entry, index) => {
        const id = (entry as { id?: unknown }).id;
        if (typeof id === "string" && id !== "") {
          // Only ids of the form this list's items are given ("custom-3f9a1c2e"): a posted
          // "residents" must not become a second group with a suggested group's id.
          if (seen.has(id) || !id.startsWith(`${spec.idPrefix}-`)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "id"],
              message: "This item could not be read. Remove it and add it again.",
            });
          }
          seen.add(id);
        }
      });
      const duplicate = errors.duplicate;
      if (!duplicate) return;
      const names = new Set<string>();
      items.forEach((entry, index) => {
        const value = (entry as Record<string, unknown>)[duplicate.field];
        if (typeof value !== "string") return;
        const key = value.trim().toLowerCase();
        if (names.has(key))
          ctx.addIssue({ code: "custom", path: [index, duplicate.field], message: duplicate.message });
        names.add(key);
      });
    }),
  );
  return {
    ...rest,
    kind: "repeating",
    optional: spec.minItems === 0,
    schema: before(toItems, list),
    summarise: summarise as (item: Record<string, unknown>) => string,
    errors,
  } as const;
}
