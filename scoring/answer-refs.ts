import type { AnswerRef, AssessmentAnswers } from "./answers";

type Narrowing = Pick<AnswerRef, "groupId" | "projectId" | "objectiveId">;

/**
 * Builds an `AnswerRef` pointing at one answer, optionally narrowed to one group, project or
 * objective. Keys are always written in the same order so serialisation is stable.
 */
export function ref(section: keyof AssessmentAnswers, questionId: string, narrowing: Narrowing = {}): AnswerRef {
  const result: AnswerRef = { section, questionId };
  if (narrowing.groupId !== undefined) result.groupId = narrowing.groupId;
  if (narrowing.projectId !== undefined) result.projectId = narrowing.projectId;
  if (narrowing.objectiveId !== undefined) result.objectiveId = narrowing.objectiveId;
  return result;
}

/**
 * Removes duplicate refs, keeping the first occurrence of each, in the order given.
 * Two refs are the same when section, question and every narrowing id match.
 */
export function uniqueRefs(refs: readonly AnswerRef[]): AnswerRef[] {
  const seen = new Set<string>();
  const result: AnswerRef[] = [];
  for (const item of refs) {
    const key = `${item.section}|${item.questionId}|${item.groupId ?? ""}|${item.projectId ?? ""}|${item.objectiveId ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}
