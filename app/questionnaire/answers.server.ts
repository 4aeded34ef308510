import { getAnswers } from "../../db/repositories/answers";
import type { RespondentContext } from "../../db/repositories/assessments";
import { db } from "../db.server";
import { readStoredAnswers, type ReadAnswers } from "./versions";

/**
 * A respondent's answers, read for the questionnaire version their assessment was started on.
 * Every page that shows or checks answers (question pages, the task list, check-answers and the
 * report) loads them here, so an older assessment reads the same way everywhere.
 */
export async function loadAnswers(respondent: RespondentContext): Promise<ReadAnswers> {
  return readStoredAnswers(respondent.questionnaireVersion, await getAnswers(db, respondent.respondentId));
}
