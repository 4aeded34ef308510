import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, markSubmitted } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import type { Database } from "../../db/schema";
import type { ExampleOrganisation } from "../fixtures/example-organisations";

/**
 * Stores a finished assessment for one of the example organisations, as the wizard would, and
 * returns its private link's key.
 */
export async function addFinishedAssessment(db: Kysely<Database>, example: ExampleOrganisation): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const ids = await createAssessment(db, {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, {
    ...ids,
    set: storedAnswersFrom(example.answers),
    clear: [],
    organisationName: example.answers.organisation.orgName,
  });
  for (const sectionId of ["organisation", "stakeholders", "engagement-model", "capacity", "commitment"]) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId, completed: true });
  }
  await markSubmitted(db, { respondentId: ids.respondentId, name: "Test respondent" });
  return token;
}
