import { getAnswers, type StoredAnswers } from "../../db/repositories/answers";
import type { RespondentContext } from "../../db/repositories/assessments";
import { db } from "../db.server";
import { lastBuiltCache } from "../last-built.server";
import { sectionStatuses, type SectionStatus } from "./questionnaire";
import type { SectionId } from "./section-types";
import { readStoredAnswers, type ReadAnswers } from "./versions";

/**
 * A respondent's answers, read for the questionnaire version their assessment was started on.
 * Every page that shows or checks answers (question pages, the task list, check-answers and the
 * report) loads them here, so an older assessment reads the same way everywhere.
 */
export async function loadAnswers(respondent: RespondentContext): Promise<ReadAnswers> {
  return readStoredAnswers(respondent.questionnaireVersion, await getAnswers(db, respondent.respondentId));
}

const statuses = lastBuiltCache<Map<SectionId, SectionStatus>>(500);

/**
 * Every section's status (`sectionStatuses`), reused while the respondent's answers and the
 * sections they have marked complete are unchanged: the task list and check-answers pages ask
 * on every visit, and checking every section is most of their time.
 */
export function sectionStatusesFor(
  respondent: RespondentContext,
  answers: StoredAnswers,
  completion: Record<string, string | null>,
): ReadonlyMap<SectionId, SectionStatus> {
  return statuses.get(respondent.respondentId, [respondent.questionnaireVersion, answers, completion], () =>
    sectionStatuses(answers, completion),
  );
}
