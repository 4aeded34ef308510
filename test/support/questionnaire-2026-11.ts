import type { StoredAnswers } from "../../db/repositories/answers";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import type { AssessmentAnswers } from "../../scoring/answers";

/** Questions the 2026-12 questionnaire added; an assessment answered on 2026-11 has none of them. */
export const ADDED_IN_2026_12 = [
  "coverDays",
  "coverFrom",
  "coverTo",
  "questionShare",
  "peaks",
  "peakSize",
  "abuseFrequency",
  "objectivesSet",
  "currency",
  "staffHourlyCost",
] as const;

/**
 * An assessment as the 2026-11 questionnaire stored it: the added questions removed, and the
 * options added since replaced by what 2026-11 offered (two degrees of influence and interest,
 * no "mixed" feelings, numbers only, no "same working day", a measure for every objective).
 */
export function storedOn202611(answers: AssessmentAnswers): StoredAnswers {
  const stored = storedAnswersFrom(answers);
  for (const key of ADDED_IN_2026_12) delete stored[key];
  for (const [key, value] of Object.entries(stored)) {
    if ((key.startsWith("influence@") || key.startsWith("interest@")) && value === "medium") stored[key] = "high";
    if (key.startsWith("sentiment@") && value === "mixed") stored[key] = "sceptical";
  }
  if (Array.isArray(stored.channels) && stored.channels.includes("unknown")) stored.channels = ["none"];
  if (stored.teamPeople === "unknown") stored.teamPeople = 2;
  if (stored.teamHoursPerWeek === "unknown") stored.teamHoursPerWeek = 10;
  if (stored.targetResponse === "same-day") stored.targetResponse = "1-working-day";
  if (stored.actualResponse === "same-day") stored.actualResponse = "1-working-day";
  if (stored.approvalNeed === "not-defined") stored.approvalNeed = "none";
  if (stored.approvalNeed === "none") delete stored.approvalTime;
  stored.objectives = answers.commitment.objectives.length
    ? answers.commitment.objectives.map((objective) => ({ ...objective, measure: objective.measure ?? "Not measured" }))
    : [{ id: "objective-1", objective: "Answer questions faster", measure: "Replies within a day" }];
  return stored;
}
