import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, markSubmitted, type NewAssessment } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import type { Database } from "../../db/schema";
import type { AssessmentAnswers } from "../../scoring/answers";
import type { ExampleOrganisation } from "../fixtures/example-organisations";

/**
 * An assessment as if someone had answered every question, completed every section and
 * finished, reached by the private link returned. As the wizard stores it, so every page reads it.
 * NOTE: the token is made and hashed here as the app does (`app/assessment-access.server.ts`)
 * rather than imported from there, which would open the app's own database; the tests that use
 * it open the assessment through the app's routes, so a difference would fail them.
 */
export async function createFinishedAssessment(
  db: Kysely<Database>,
  answers: AssessmentAnswers,
  options: { completedBy?: string } = {},
): Promise<NewAssessment & { token: string }> {
  const token = randomBytes(32).toString("base64url");
  const ids = await createAssessment(db, {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, {
    ...ids,
    set: storedAnswersFrom(answers),
    clear: [],
    organisationName: answers.organisation.orgName,
  });
  for (const section of SECTIONS) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId: section.id, completed: true });
  }
  await markSubmitted(db, { respondentId: ids.respondentId, name: options.completedBy ?? null });
  return { ...ids, token };
}

/** A finished assessment for one of the example organisations; returns its private link's key. */
export async function addFinishedAssessment(db: Kysely<Database>, example: ExampleOrganisation): Promise<string> {
  const { token } = await createFinishedAssessment(db, example.answers, { completedBy: "Test respondent" });
  return token;
}
