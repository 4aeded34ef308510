import type { StoredAnswers } from "../../db/repositories/answers";
import type { Option, Question } from "./question-types";

function optionText(option: Option, answers: StoredAnswers): string {
  const followUp = option.reveals ? answers[option.reveals.id] : undefined;
  return typeof followUp === "string" && followUp !== "" ? `${option.label}: ${followUp}` : option.label;
}

/**
 * A stored answer as people read it: one line, or several for multiple choices and
 * multi-paragraph text. Undefined when the question has no answer.
 */
export function formatAnswer(question: Question, answers: StoredAnswers): string[] | undefined {
  const value = answers[question.id];
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
      return option ? [optionText(option, answers)] : undefined;
    }
    case "checkboxes": {
      if (!Array.isArray(value)) return undefined;
      const chosen = question.options.filter((option) => value.includes(option.value));
      return chosen.length > 0 ? chosen.map((option) => optionText(option, answers)) : undefined;
    }
  }
}
