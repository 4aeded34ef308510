import { dontKnowField, type FormInput, type ItemInput, type Question } from "./questionnaire/question-types";

/**
 * The largest form body we read. Our biggest page posts well under 20 KB even with every text
 * field at its limit; anything near this size is not a person filling in the form.
 */
export const MAX_FORM_BYTES = 256 * 1024;

export type PostedForm = Map<string, string[]>;

export type FormReadResult = { ok: true; fields: PostedForm } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a URL-encoded form body with a size limit, rejecting broken encodings instead of
 * guessing (the standard parser silently replaces them).
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormReadResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return { ok: false, status: 415, message: "The form was sent in a format we cannot read. Try again." };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge();

  const bytes = await readLimited(request, maxBytes);
  if (!bytes) return tooLarge();

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return brokenEncoding();
  }
  const fields: PostedForm = new Map();
  if (text === "") return { ok: true, fields };
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const rawName = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? "" : pair.slice(separator + 1);
    try {
      const name = decodeURIComponent(rawName.replace(/\+/g, " "));
      const value = decodeURIComponent(rawValue.replace(/\+/g, " "));
      fields.set(name, [...(fields.get(name) ?? []), value]);
    } catch {
      return brokenEncoding();
    }
  }
  return { ok: true, fields };
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): FormReadResult {
  return {
    ok: false,
    status: 413,
    message: "The form was too large to save. Shorten your longest answers and try again.",
  };
}

function brokenEncoding(): FormReadResult {
  return {
    ok: false,
    status: 400,
    message: "The form contained characters we could not read. Check your answers and try again.",
  };
}

const NOT_ON_PAGE =
  "The form included an answer to a question that is not on this page. Check your answers and try again.";

/** A field inside an item of a repeating group: "projects.2.name". */
const ITEM_FIELD = /^([A-Za-z][\w-]*)\.(\d{1,3})\.([A-Za-z][\w-]*)$/;

/**
 * Picks a page's answers out of a posted form. Anything else on the form, and any single answer
 * sent twice, is a problem to report rather than silently ignore: our own pages never send them.
 */
export function pageInput(
  fields: PostedForm,
  questions: readonly Question[],
  allowedExtraFields: readonly string[] = [],
): { input: FormInput; problems: string[] } {
  const input: FormInput = {};
  const problems: string[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  // A number question's "I don't know" checkbox posts a field of its own.
  const companions = new Map(
    questions.flatMap((question) =>
      question.kind === "number" && question.dontKnow ? [[dontKnowField(question.id), question] as const] : [],
    ),
  );
  const items = new Map<string, Map<number, ItemInput>>();
  for (const question of questions) {
    if (question.kind === "repeating") items.set(question.id, new Map());
  }

  for (const [name, values] of fields) {
    const itemField = ITEM_FIELD.exec(name);
    if (itemField) {
      const [, questionId = "", index = "0", fieldId = ""] = itemField;
      const question = byId.get(questionId);
      const field =
        question?.kind === "repeating" ? question.fields.find((candidate) => candidate.id === fieldId) : undefined;
      if (question?.kind !== "repeating" || (!field && fieldId !== "id")) {
        problems.push(NOT_ON_PAGE);
        continue;
      }
      const list = items.get(questionId) as Map<number, ItemInput>;
      const item = list.get(Number(index)) ?? {};
      if (field?.kind === "checkboxes") item[fieldId] = values;
      else if (values.length > 1) problems.push(sentTwice(field?.summaryLabel ?? question.itemName));
      else item[fieldId] = values[0];
      list.set(Number(index), item);
      continue;
    }
    const companionOf = companions.get(name);
    if (companionOf) {
      if (values.length > 1) problems.push(sentTwice(companionOf.summaryLabel));
      input[name] = values[0];
      continue;
    }
    const question = byId.get(name);
    if (!question || question.kind === "repeating") {
      if (!allowedExtraFields.includes(name)) problems.push(NOT_ON_PAGE);
      continue;
    }
    if (question.kind === "checkboxes") {
      input[name] = values;
    } else if (values.length > 1) {
      problems.push(sentTwice(question.summaryLabel));
      input[name] = values[0];
    } else {
      input[name] = values[0];
    }
  }
  for (const [questionId, list] of items) {
    input[questionId] = [...list.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  }
  return { input, problems: [...new Set(problems)] };
}

function sentTwice(label: string): string {
  return `The answer to "${label}" was sent more than once. Check it and try again.`;
}
