import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

export type NewAssessment = {
  assessmentId: string;
  organisationId: string;
  respondentId: string;
};

/**
 * Creates an organisation, an assessment on the given questionnaire version and its owner,
 * who reaches it through the private link whose token hashes to `accessTokenHash`.
 */
export async function createAssessment(
  db: Kysely<Database>,
  input: { accessTokenHash: string; questionnaireVersion: string; now?: Date },
): Promise<NewAssessment> {
  const now = (input.now ?? new Date()).toISOString();
  const ids: NewAssessment = {
    organisationId: randomUUID(),
    assessmentId: randomUUID(),
    respondentId: randomUUID(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("organisations")
      .values({ id: ids.organisationId, name: null, created_at: now, updated_at: now })
      .execute();
    await trx
      .insertInto("assessments")
      .values({
        id: ids.assessmentId,
        organisation_id: ids.organisationId,
        questionnaire_version: input.questionnaireVersion,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("respondents")
      .values({
        id: ids.respondentId,
        assessment_id: ids.assessmentId,
        role: "owner",
        access_token_hash: input.accessTokenHash,
        created_at: now,
        last_seen_at: now,
        submitted_at: null,
        name: null,
      })
      .execute();
  });
  return ids;
}

export type RespondentContext = {
  respondentId: string;
  assessmentId: string;
  organisationId: string;
  organisationName: string | null;
  questionnaireVersion: string;
  assessmentCreatedAt: string;
  assessmentUpdatedAt: string;
  /** When this respondent finished the assessment, if they have. */
  submittedAt: string | null;
  /** How the respondent describes themselves, if they said. */
  respondentName: string | null;
};

/** Finds who a private link belongs to, with their assessment and organisation. */
export async function findRespondentByTokenHash(
  db: Db,
  accessTokenHash: string,
): Promise<RespondentContext | undefined> {
  const row = await db
    .selectFrom("respondents as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select([
      "r.id as respondentId",
      "a.id as assessmentId",
      "o.id as organisationId",
      "o.name as organisationName",
      "a.questionnaire_version as questionnaireVersion",
      "a.created_at as assessmentCreatedAt",
      "a.updated_at as assessmentUpdatedAt",
      "r.submitted_at as submittedAt",
      "r.name as respondentName",
    ])
    .where("r.access_token_hash", "=", accessTokenHash)
    .executeTakeFirst();
  return row;
}

/** Records that a respondent checked every answer and finished, with how they describe themselves. */
export async function markSubmitted(
  db: Db,
  input: { respondentId: string; name: string | null; now?: Date },
): Promise<void> {
  await db
    .updateTable("respondents")
    .set({ submitted_at: (input.now ?? new Date()).toISOString(), name: input.name })
    .where("id", "=", input.respondentId)
    .execute();
}

/** Counts assessments; used by benchmarks and health checks. */
export async function countAssessments(db: Db): Promise<number> {
  const row = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
