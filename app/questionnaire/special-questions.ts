// NOTE: kept out of question-types.ts so only the pages that ask these load them: every page
// shares question-types.ts, and each page's JavaScript has a budget.
import * as z from "zod/mini";
import {
  before,
  DONT_KNOW,
  normaliseText,
  numberQuestion,
  numberRule,
  numberToText,
  type NumberSpec,
  type TextQuestion,
} from "./question-types";

/**
 * A time of day as people type it ("8", "8:00", "08:00", "8am", "8.30 p.m.", "20:00", "noon"),
 * as 24-hour "HH:MM", or undefined when it cannot be read. "24:00" (and "midnight") is allowed
 * only as the end of a period.
 */
export function parseTime(value: unknown, options: { end: boolean }): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/a\.?m\.?$/, "am")
    .replace(/p\.?m\.?$/, "pm");
  if (text === "noon" || text === "midday" || text === "12noon") return "12:00";
  if (text === "midnight" || text === "12midnight") return options.end ? "24:00" : "00:00";
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return undefined;
  const [, hourText = "", minuteText, half] = match;
  // "830" without a separator is too easy to misread; "0830" and "2030" are clock times.
  if (minuteText !== undefined && !/[:.h]/.test(text) && hourText.length !== 2) return undefined;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && (minute !== 0 || !options.end))) {
    return undefined;
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

type TimeSpec = Omit<TextQuestion, "kind" | "schema" | "maxLength" | "optional" | "width" | "countCharacters"> & {
  /** The end of a period, which may be "24:00". */
  end: boolean;
  errors: { required: string; invalid: string };
};

/** An optional time of day, stored as 24-hour "HH:MM" whatever way it was typed. */
export function timeQuestion<const S extends TimeSpec>(spec: S) {
  const { errors, end, ...rest } = spec;
  const time = z.pipe(
    z.string(),
    z.transform((text: string, ctx): string => {
      const parsed = parseTime(text, { end });
      if (parsed) return parsed;
      ctx.issues.push({ code: "custom", message: errors.invalid, input: text });
      return z.NEVER;
    }),
  );
  return {
    ...rest,
    kind: "text",
    optional: true,
    maxLength: 20,
    width: "5",
    countCharacters: false,
    schema: before(normaliseText, z.optional(time)),
    errors,
  } as const;
}

type NumberOrUnknownSpec = Omit<NumberSpec, "optional" | "dontKnow"> & {
  dontKnow: { inputLabel: string; both: string };
};

/**
 * A number question that also offers "I don't know", stored as the string "unknown". The form
 * posts the box and the checkbox as two fields; the page's schema first merges them (see
 * `mergeDontKnow`), so this sees "unknown", the typed text, or both at once (a list of the two),
 * which is a mistake to point out.
 */
export function numberOrUnknownQuestion<const S extends NumberOrUnknownSpec>(spec: S) {
  const number = numberRule(spec);
  const schema = z.transform((value: unknown, ctx): number | typeof DONT_KNOW => {
    if (value === DONT_KNOW) return DONT_KNOW;
    if (Array.isArray(value)) {
      ctx.issues.push({ code: "custom", message: spec.dontKnow.both, input: value });
      return z.NEVER;
    }
    const result = number.safeParse(numberToText(value));
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: value });
    return z.NEVER;
  });
  return { ...numberQuestion(spec), dontKnow: spec.dontKnow, schema } as const;
}
