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
        job_title: null,
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
  /**
   * Who completed the assessment, as the report's cover shows it: "Name, role", or whichever of
   * the two they gave; null if neither.
   */
  respondentName: string | null;
  /** The two answers as given, to fill the form again. Older rows have one line as the name. */
  completedBy: CompletedBy;
};

/** Who finished an assessment: each part optional. */
export type CompletedBy = { name: string | null; jobTitle: string | null };

/** "Aroha Ngata, Director of Communications"; a line stored before roles were separate, as it was. */
export function describeCompletedBy({ name, jobTitle }: CompletedBy): string | null {
  const parts = [name, jobTitle].filter((part): part is string => typeof part === "string" && part !== "");
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Finds who a private link belongs to, with their assessment and organisation. */
export async function findRespondentByTokenHash(
  db: Db,
  accessTokenHash: string,
): Promise<RespondentContext | undefined> {
  const found = await db
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
      "r.name as name",
      "r.job_title as jobTitle",
    ])
    .where("r.access_token_hash", "=", accessTokenHash)
    .executeTakeFirst();
  if (!found) return undefined;
  const { name, jobTitle, ...row } = found;
  const completedBy = { name, jobTitle };
  return { ...row, respondentName: describeCompletedBy(completedBy), completedBy };
}

/** Records that a respondent checked every answer and finished, with their name and role if given. */
export async function markSubmitted(
  db: Db,
  input: { respondentId: string; name: string | null; jobTitle?: string | null; now?: Date },
): Promise<void> {
  await db
    .updateTable("respondents")
    .set({ submitted_at: (input.now ?? new Date()).toISOString(), name: input.name, job_title: input.jobTitle ?? null })
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
