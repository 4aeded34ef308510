import type { StoredAnswers } from "../../db/repositories/answers";
import { QUESTIONNAIRE_VERSION } from "./questionnaire";

/**
 * Reading an assessment started on an earlier questionnaire. Answers are stored as they were
 * given and never rewritten; each time they are read, the questions added since are filled in
 * with a stated assumption, so the task list, the check-answers pages and the report can read
 * them. Once someone answers such a question, their answer is stored and used instead.
 */

export type ReadAnswers = {
  answers: StoredAnswers;
  /** Keys filled in because the question was added after the assessment was answered. */
  notAsked: string[];
};

type Upgrade = {
  from: string;
  to: string;
  /** The answers to add, given the answers so far; only keys with no answer are used. */
  fill: (answers: StoredAnswers) => StoredAnswers;
};

function answered(answers: StoredAnswers, keys: readonly string[]): boolean {
  return keys.some((key) => answers[key] !== undefined);
}

/*
 * NOTE: a question added to a section is filled in only when the person had already gone past
 * the place it now sits, which their later answers in that section show. Someone who had not got
 * there yet is simply asked it, rather than finding "I don't know" already chosen for them.
 */
const CAPACITY_AFTER_VOLUME = [
  "targetResponse",
  "actualResponse",
  "approvalNeed",
  "approvalTime",
  "keyMessages",
  "expertAccess",
  "houseRules",
  "moderationModel",
  "escalationPath",
  "offlineGuidance",
  "staffSupport",
  "training",
  "recordsCapture",
  "twoFactor",
  "tools",
];
const CAPACITY_FROM_STAFF_SUPPORT = ["staffSupport", "training", "recordsCapture", "twoFactor", "tools"];
const COMMITMENT_AFTER_OBJECTIVES = ["sponsor", "sponsorRole", "budget", "reviewCadence", "duration"];
const COMMITMENT_FROM_BUDGET = ["budget", "reviewCadence", "duration"];

/** 2026-11 to 2026-12: new questions on demand, peaks, abuse, objectives and money. */
function from202611(answers: StoredAnswers): StoredAnswers {
  const fill: StoredAnswers = {};
  if (answered(answers, CAPACITY_AFTER_VOLUME)) {
    fill.questionShare = "unknown";
    fill.peaks = ["unknown"];
  }
  if (answered(answers, CAPACITY_FROM_STAFF_SUPPORT)) fill.abuseFrequency = "unknown";
  // 2026-11 described extended cover as "office hours, plus some evenings and weekends".
  if (answers.coverHours === "extended-hours") fill.coverDays = "weekdays-some-weekends";
  const objectives = answers.objectives;
  if (Array.isArray(objectives) && objectives.length > 0) fill.objectivesSet = "yes";
  else if (answered(answers, COMMITMENT_AFTER_OBJECTIVES)) fill.objectivesSet = "not-yet";
  if (answered(answers, COMMITMENT_FROM_BUDGET)) fill.currency = "other";
  return fill;
}

const UPGRADES: readonly Upgrade[] = [{ from: "2026-11", to: "2026-12", fill: from202611 }];

/**
 * An assessment's stored answers as the current questionnaire reads them, and which answers were
 * filled in because the question was added later. Answers from the current version, and from a
 * version this code does not know (a newer one, say), are read as they are.
 */
export function readStoredAnswers(version: string, stored: StoredAnswers): ReadAnswers {
  let answers = stored;
  const notAsked: string[] = [];
  let current = version;
  const seen = new Set<string>();
  while (current !== QUESTIONNAIRE_VERSION && !seen.has(current)) {
    seen.add(current);
    const upgrade = UPGRADES.find((candidate) => candidate.from === current);
    if (!upgrade) break;
    const fill = upgrade.fill(answers);
    const added = Object.keys(fill).filter((key) => answers[key] === undefined);
    if (added.length > 0) {
      answers = { ...answers, ...Object.fromEntries(added.map((key) => [key, fill[key]])) };
      notAsked.push(...added);
    }
    current = upgrade.to;
  }
  return { answers, notAsked };
}
