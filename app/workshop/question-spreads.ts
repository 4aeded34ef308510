import type { SpreadInput, SpreadMeasure, SpreadOption } from "../../scoring/workshop-spread";
import { formatAnswer } from "../questionnaire/format";
import { DONT_KNOW, type Question, type RepeatingQuestion } from "../questionnaire/question-types";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { answerKeyOf, type PageContext, type SectionId } from "../questionnaire/section-types";

/**
 * Turns each participant's stored answers into what scoring/workshop-spread.ts measures: one
 * input per question, in questionnaire order. No server-only imports, so loaders, the PDF and
 * exports can all use it.
 */

/**
 * When participants' names are hidden, the facilitator sees no distribution for a question until
 * at least this many people have answered it, so nobody's answer can be picked out.
 */
export const MIN_ANSWERS_WHEN_NAMES_HIDDEN = 3;

/** A participant's stored answers, by answer key ("orgType", "influence@residents"). */
export type ParticipantAnswers = { participantId: string; answers: Record<string, unknown> };

/**
 * A spread input with where its question sits. NOTE: `question` holds the definition itself,
 * schemas and functions included: use it on the server, and send the browser plain fields.
 */
export type WorkshopSpreadInput = SpreadInput & {
  sectionId: SectionId;
  /** The page the question is on, within its section. */
  pageId: string;
  question: Question;
  /** The stakeholder group a per-group question is about, such as "Residents". */
  cardTitle?: string;
};

/** How a question's answers are compared. */
export function measureFor(question: Question): SpreadMeasure {
  switch (question.kind) {
    case "radios":
      return question.ordered ? "ordered" : "categorical";
    case "checkboxes":
      return "set";
    case "number":
      return "number";
    case "text":
    case "textarea":
    case "repeating":
      return "text";
  }
}

/** The options as the measure needs them: "I don't know", off-scale and exclusive ones marked. */
export function spreadOptionsFor(question: Question): SpreadOption[] | undefined {
  if (question.kind !== "radios" && question.kind !== "checkboxes") return undefined;
  return question.options.map((option) => ({
    value: option.value,
    label: option.label,
    ...(option.value === DONT_KNOW ? { dontKnow: true as const } : {}),
    ...(question.kind === "radios" && question.ordered && option.offScale ? { offScale: true as const } : {}),
    ...(question.kind === "checkboxes" && option.exclusive ? { exclusive: true as const } : {}),
  }));
}

/** Each item of a repeating answer in one line; items that cannot be read are left out. */
function summariseItems(question: RepeatingQuestion, value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const whole = question.schema.safeParse(value);
  if (whole.success) return (whole.data ?? []).map((item) => question.summarise(item));
  // NOTE: summarise trusts its item's shape, so each item is checked on its own first.
  return value.flatMap((item: unknown) => {
    const one = question.schema.safeParse([item]);
    const parsed = one.success ? one.data?.[0] : undefined;
    return parsed ? [question.summarise(parsed)] : [];
  });
}

/**
 * A stored answer as people read it, in one line: an option's label, the options chosen, a
 * number with its unit, or each item of a list ("None" for an empty list). Undefined when there
 * is no answer or it cannot be read. Follow-up answers are not included.
 */
export function labelForAnswer(question: Question, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (question.kind === "repeating") {
    const lines = summariseItems(question, value);
    if (!lines) return undefined;
    return lines.length > 0 ? lines.join("; ") : Array.isArray(value) && value.length === 0 ? "None" : undefined;
  }
  if (question.kind === "radios" || question.kind === "checkboxes") {
    const withoutFollowUps = {
      ...question,
      options: question.options.map((option) => ({ ...option, reveals: undefined })),
    };
    return formatAnswer(withoutFollowUps, (id) => (id === question.id ? value : undefined))?.join(", ");
  }
  const lines = formatAnswer(question, (id) => (id === question.id ? value : undefined));
  return lines?.join(" ");
}

/** One question as a participant was asked it. */
type Asked = {
  key: string;
  sectionId: SectionId;
  pageId: string;
  question: Question;
  cardTitle?: string;
  /** For a follow-up: the answer key of its question and the option that reveals it. */
  revealedBy?: { key: string; option: string };
};

function askedIn(sectionIds: ReadonlySet<string>, ctx: PageContext): Asked[] {
  return SECTIONS.filter((section) => sectionIds.has(section.id)).flatMap((section) =>
    section.pages(ctx).flatMap((page) =>
      page.questions.flatMap((question) => {
        const key = answerKeyOf(page, question.id);
        const at = { sectionId: section.id, pageId: page.id, ...(page.cardTitle ? { cardTitle: page.cardTitle } : {}) };
        const followUps: Asked[] =
          question.kind === "radios" || question.kind === "checkboxes"
            ? question.options.flatMap((option) =>
                option.reveals
                  ? [
                      {
                        ...at,
                        key: answerKeyOf(page, option.reveals.id),
                        question: option.reveals,
                        revealedBy: { key, option: option.value },
                      },
                    ]
                  : [],
              )
            : [];
        return [{ ...at, key, question }, ...followUps];
      }),
    ),
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * The context whose pages hold every stakeholder group any participant chose, in the
 * questionnaire's own order (suggested groups in list order, then people's own groups). Switches
 * that are lists (purposes) are joined; a single-answer switch (the currency) is kept only when
 * everyone gave the same answer, so the question reads as they were all asked it.
 */
function unionContext(participants: readonly ParticipantAnswers[]): PageContext {
  const contexts = participants.map((entry) => pageContext(entry.answers));
  const suggestedGroups = [...new Set(participants.flatMap((entry) => strings(entry.answers.suggestedGroups)))];
  const customGroups = participants.flatMap((entry) =>
    Array.isArray(entry.answers.customGroups) ? (entry.answers.customGroups as unknown[]) : [],
  );
  const switches: Record<string, string | readonly string[]> = {};
  const keys = new Set(contexts.flatMap((ctx) => Object.keys(ctx.switches)));
  for (const key of keys) {
    const values = contexts.map((ctx) => ctx.switches[key]);
    if (values.some((value) => Array.isArray(value))) {
      switches[key] = [...new Set(values.flatMap((value) => (Array.isArray(value) ? value : [])))];
    } else if (typeof values[0] === "string" && values.every((value) => value === values[0])) {
      switches[key] = values[0];
    }
  }
  return { groups: pageContext({ suggestedGroups, customGroups }).groups, switches };
}

/**
 * Adds the questions only some participants were asked (pages that earlier answers switch on) to
 * the list: each goes just before the next question that participant was asked which the list
 * already has, or at the end.
 */
function mergeInto(order: Asked[], asked: readonly Asked[]): void {
  const position = new Map(order.map((entry, index) => [entry.key, index]));
  asked.forEach((entry, index) => {
    if (position.has(entry.key)) return;
    const next = asked.slice(index + 1).find((later) => position.has(later.key));
    const at = next ? (position.get(next.key) ?? order.length) : order.length;
    order.splice(at, 0, entry);
    position.clear();
    order.forEach((item, itemIndex) => position.set(item.key, itemIndex));
  });
}

/** A participant's answer in the form the measure reads, or undefined for no answer. */
function answerValue(question: Question, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (question.kind === "repeating") return labelForAnswer(question, value);
  return value;
}

/**
 * One spread input per question of the given sections, follow-ups included, in questionnaire
 * order. A question appears when any participant was asked it (one participant's groups and
 * switched-on pages are not another's); a participant's answer counts only when their own answers
 * led to the question (a follow-up only when they chose the option that reveals it). Repeating
 * groups become one line per participant, their items summarised.
 */
export function spreadInputsFor(
  sectionIds: readonly string[],
  participantAnswers: readonly ParticipantAnswers[],
): WorkshopSpreadInput[] {
  const wanted = new Set(sectionIds);
  const order = askedIn(wanted, unionContext(participantAnswers));
  const askedOf = participantAnswers.map((entry) => {
    const asked = askedIn(wanted, pageContext(entry.answers));
    mergeInto(order, asked);
    return new Map(asked.map((item) => [item.key, item]));
  });
  return order.map((entry) => {
    const answers = participantAnswers.flatMap(({ participantId, answers: stored }, index) => {
      const asked = askedOf[index]?.get(entry.key);
      if (!asked) return [];
      if (asked.revealedBy) {
        const parent = stored[asked.revealedBy.key];
        const chosen = Array.isArray(parent)
          ? parent.includes(asked.revealedBy.option)
          : parent === asked.revealedBy.option;
        if (!chosen) return [];
      }
      const value = answerValue(asked.question, stored[entry.key]);
      return value === undefined ? [] : [{ participantId, value }];
    });
    const options = spreadOptionsFor(entry.question);
    return {
      questionId: entry.key,
      measure: measureFor(entry.question),
      ...(options ? { options } : {}),
      ...(entry.question.kind === "number" ? { wholeNumbers: !entry.question.decimals } : {}),
      answers,
      sectionId: entry.sectionId,
      pageId: entry.pageId,
      question: entry.question,
      ...(entry.cardTitle ? { cardTitle: entry.cardTitle } : {}),
    };
  });
}
