import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { inject } from "vitest";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { openDatabase } from "../../db/connection";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash, markSubmitted } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import type { Database } from "../../db/schema";
import type { AssessmentAnswers } from "../../scoring/answers";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";

/**
 * Setup for tests about one part of the journey: an assessment written straight into the
 * e2e server's database through the repositories, as the wizard stores it, so a test about the
 * report or a late change does not first drive every page in a browser. The full journeys in
 * full-assessment.e2e.ts still go through every page, with and without JavaScript.
 */
let db: Kysely<Database> | undefined;

function database(): Kysely<Database> {
  db ??= openDatabase(inject("databaseUrl"));
  return db;
}

export async function closeSeedDatabase(): Promise<void> {
  await db?.destroy();
  db = undefined;
}

export const SECTION_IDS = ["organisation", "stakeholders", "engagement-model", "capacity", "commitment"] as const;

export type Seed = {
  /** Defaults to the first example organisation. */
  answers?: AssessmentAnswers;
  /** Sections to mark as completed. Defaults to all five. */
  completed?: readonly (typeof SECTION_IDS)[number][];
  /** Finish the whole assessment too, so its report is ready. */
  finished?: boolean;
};

/** Returns the assessment's private link, as a path (`/a/<token>`). */
export async function seedAssessment(seed: Seed = {}): Promise<string> {
  const answers = seed.answers ?? EXAMPLE_ORGANISATIONS[0]?.answers;
  if (!answers) throw new Error("no example organisations");
  const token = randomBytes(32).toString("base64url");
  const ids = await createAssessment(database(), {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(database(), {
    ...ids,
    set: storedAnswersFrom(answers),
    clear: [],
    organisationName: answers.organisation.orgName,
  });
  for (const sectionId of seed.completed ?? SECTION_IDS) {
    await setSectionCompleted(database(), { respondentId: ids.respondentId, sectionId, completed: true });
  }
  if (seed.finished) await markSubmitted(database(), { respondentId: ids.respondentId, name: null });
  return `/a/${token}`;
}

/**
 * Answers every question of the assessment a wizard address opens (`/a/<token>`: a private link
 * or a workspace member's key) and marks every section complete, as if its person had gone
 * through every page; finishing is left to the test, through the check-answers page.
 */
export async function answerEverything(assessmentPath: string, answers: AssessmentAnswers): Promise<void> {
  const token = assessmentPath.split("/")[2] ?? "";
  const respondent = await findRespondentByTokenHash(database(), createHash("sha256").update(token).digest("hex"));
  if (!respondent) throw new Error("no assessment at that address");
  await saveAnswers(database(), {
    respondentId: respondent.respondentId,
    assessmentId: respondent.assessmentId,
    organisationId: respondent.organisationId,
    set: storedAnswersFrom(answers),
    clear: [],
    organisationName: answers.organisation.orgName,
  });
  for (const sectionId of SECTION_IDS) {
    await setSectionCompleted(database(), { respondentId: respondent.respondentId, sectionId, completed: true });
  }
}
