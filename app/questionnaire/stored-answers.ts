import type { StoredAnswers } from "../../db/repositories/answers";
import type { AssessmentAnswers } from "../../scoring/answers";
import { levelAnswerKey } from "./sections/engagement-model";
import { groupAnswerKey } from "./sections/stakeholders";

function defined(record: object): StoredAnswers {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * The stored form of a whole assessment: the inverse of collecting each section's answers.
 * Used to seed demonstration assessments and benchmark data from typed examples.
 */
export function storedAnswersFrom(answers: AssessmentAnswers): StoredAnswers {
  const { stakeholders, engagementModel } = answers;
  const stored: StoredAnswers = {
    ...defined(answers.organisation),
    purposes: stakeholders.purposes,
    ...defined({ purposesOther: stakeholders.purposesOther }),
    suggestedGroups: stakeholders.groups.filter((group) => group.kind !== "custom").map((group) => group.id),
    customGroups: stakeholders.groups
      .filter((group) => group.kind === "custom")
      .map((group) => ({ id: group.id, name: group.name })),
    projects: stakeholders.projects,
    ...defined({ ...engagementModel, levels: undefined }),
    ...defined(answers.capacity),
    // "Not yet" objectives: the wizard asks no list, so none is stored.
    ...defined({
      ...answers.commitment,
      objectives: answers.commitment.objectivesSet === "not-yet" ? undefined : answers.commitment.objectives,
    }),
  };
  for (const [purpose, reason] of Object.entries(stakeholders.purposeReasons)) {
    if (reason) stored[`purposeReason@${purpose}`] = reason;
  }
  for (const group of stakeholders.groups) {
    const { id, kind: _kind, name: _name, ...profile } = group;
    for (const [questionId, value] of Object.entries(profile)) {
      if (value !== undefined) stored[groupAnswerKey(questionId, id)] = value;
    }
  }
  for (const level of engagementModel.levels) {
    stored[levelAnswerKey("current", level.groupId)] = level.current;
    stored[levelAnswerKey("desired", level.groupId)] = level.desired;
  }
  return stored;
}
