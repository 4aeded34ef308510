import type { RespondentContext } from "../../db/repositories/assessments";
import { collectAssessment } from "../questionnaire/questionnaire";
import { loadAnswers } from "../questionnaire/answers.server";

/** Whether the owner's report can be read yet: every section answered, as the report needs. */
export async function isReportReady(owner: RespondentContext): Promise<boolean> {
  const { answers } = await loadAnswers(owner);
  return collectAssessment(answers).ok;
}
