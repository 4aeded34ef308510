import type { Option, Question } from "./question-types";

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
      if (typeof value !== "number") return undefined;
      const text = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
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
