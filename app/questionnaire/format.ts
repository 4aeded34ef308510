import { DONT_KNOW, type Option, type Question } from "./question-types";

export const DONT_KNOW_LABEL = "I don't know";

/** Looks up a stored answer by question id, on a page that may store it under another key. */
export type AnswerLookup = (questionId: string) => unknown;

function optionText(option: Option, get: AnswerLookup): string {
  if (!option.reveals) return option.label;
  const followUp = formatAnswer(option.reveals, get);
  return followUp ? `${option.label}: ${followUp.join(" ")}` : option.label;
}

/**
 * A stored answer as people read it: one line, or several for multiple choices, lists and
 * multi-paragraph text. Undefined when the question has no answer.
 */
export function formatAnswer(question: Question, get: AnswerLookup): string[] | undefined {
  const value = get(question.id);
  if (value === undefined || value === null) return undefined;
  switch (question.kind) {
    case "text":
      return typeof value === "string" ? [value] : undefined;
    case "textarea":
      return typeof value === "string" ? value.split(/\n+/).filter((line) => line.trim() !== "") : undefined;
    case "number": {
      if (value === DONT_KNOW && question.dontKnow) return [DONT_KNOW_LABEL];
      if (typeof value !== "number") return undefined;
      // Money shows pence and cents in full: 48.20, not 48.2.
      const pence = question.money && !Number.isInteger(value) ? 2 : 0;
      const number = value.toLocaleString("en-GB", { minimumFractionDigits: pence, maximumFractionDigits: 2 });
      const text = `${question.prefix ?? ""}${number}`;
      return [question.suffix ? `${text} ${question.suffix}` : text];
    }
    case "radios": {
      const option = question.options.find((candidate) => candidate.value === value);
      return option ? [optionText(option, get)] : undefined;
    }
    case "checkboxes": {
      if (!Array.isArray(value)) return undefined;
      const chosen = question.options.filter((option) => value.includes(option.value));
      return chosen.length > 0 ? chosen.map((option) => optionText(option, get)) : undefined;
    }
    case "repeating": {
      if (!Array.isArray(value)) return undefined;
      const items = value.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null);
      return items.length > 0 ? items.map((item) => question.summarise(item)) : ["None"];
    }
  }
}

/**
 * An answer the questionnaire filled in because the question was added after the assessment was
 * answered: "Not asked when you answered: treated as I don't know".
 */
export function notAskedLine(lines: readonly string[] | undefined): string {
  const answer = (lines ?? []).join(", ");
  if (answer === "") return "Not asked when you answered";
  const lowered = /^I\b/.test(answer) ? answer : answer.charAt(0).toLowerCase() + answer.slice(1);
  return `Not asked when you answered: treated as ${lowered}`;
}
