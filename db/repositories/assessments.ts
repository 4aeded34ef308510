import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database, RespondentRole } from "../schema";
import { countFrom } from "../dialect";

type Db = Kysely<Database> | Transaction<Database>;

export type NewAssessment = {
  assessmentId: string;
  organisationId: string;
  respondentId: string;
};

/**
 * For an assessment of a workspace's client: the client (an organisation of that workspace, which
 * the caller has already checked in the same transaction) and the member who runs it.
 */
export type ClientAssessmentInput = { organisationId: string; runByUserId: string };

/**
 * Creates an organisation, an assessment on the given questionnaire version and its owner,
 * who reaches it through the private link whose token hashes to `accessTokenHash`. With
 * `client`, the assessment is for that existing organisation (a workspace's client) instead of
 * a new anonymous one; pass a transaction then, so the caller's scope check and this are one.
 */
export async function createAssessment(
  db: Kysely<Database> | Transaction<Database>,
  input: { accessTokenHash: string; questionnaireVersion: string; now?: Date; client?: ClientAssessmentInput },
): Promise<NewAssessment> {
  const now = (input.now ?? new Date()).toISOString();
  const ids: NewAssessment = {
    organisationId: input.client?.organisationId ?? randomUUID(),
    assessmentId: randomUUID(),
    respondentId: randomUUID(),
  };
  const write = async (trx: Transaction<Database>) => {
    if (!input.client) {
      await trx
        .insertInto("organisations")
        .values({ id: ids.organisationId, name: null, created_at: now, updated_at: now })
        .execute();
    }
    await trx
      .insertInto("assessments")
      .values({
        id: ids.assessmentId,
        organisation_id: ids.organisationId,
        questionnaire_version: input.questionnaireVersion,
        created_at: now,
        updated_at: now,
        run_by_user_id: input.client?.runByUserId ?? null,
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
  };
  if (db.isTransaction) await write(db as Transaction<Database>);
  else await inTransaction(db as Kysely<Database>, write);
  return ids;
}

export type RespondentContext = {
  respondentId: string;
  role: RespondentRole;
  assessmentId: string;
  organisationId: string;
  organisationName: string | null;
  /** The workspace the organisation is a client of; null for an anonymous assessment. */
  workspaceId: string | null;
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
  /**
   * True when a workspace member's key opened it rather than the private link: such a key
   * answers the questions and reads the report, but never replaces, shares or deletes.
   */
  viaMemberKey: boolean;
};

/** Who finished an assessment: each part optional. */
export type CompletedBy = { name: string | null; jobTitle: string | null };

/** "Aroha Ngata, Director of Communications"; a line stored before roles were separate, as it was. */
export function describeCompletedBy({ name, jobTitle }: CompletedBy): string | null {
  const parts = [name, jobTitle].filter((part): part is string => typeof part === "string" && part !== "");
  return parts.length > 0 ? parts.join(", ") : null;
}

/** A respondent with their assessment and organisation; narrow it with a `where`, then read the row with `toRespondentContext`. */
export function selectRespondentContext(db: Db) {
  return db
    .selectFrom("respondents as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select([
      "r.id as respondentId",
      "r.role as role",
      "a.id as assessmentId",
      "o.id as organisationId",
      "o.name as organisationName",
      "o.workspace_id as workspaceId",
      "a.questionnaire_version as questionnaireVersion",
      "a.created_at as assessmentCreatedAt",
      "a.updated_at as assessmentUpdatedAt",
      "r.submitted_at as submittedAt",
      "r.name as name",
      "r.job_title as jobTitle",
    ]);
}

type RespondentContextRow = Omit<RespondentContext, "respondentName" | "completedBy" | "viaMemberKey"> & CompletedBy;

/** A row of `selectRespondentContext` as callers read it: who completed it, as shown and as given. */
export function toRespondentContext({ name, jobTitle, ...row }: RespondentContextRow): RespondentContext {
  const completedBy = { name, jobTitle };
  return { ...row, respondentName: describeCompletedBy(completedBy), completedBy, viaMemberKey: false };
}

/**
 * The roles whose member keys open an assessment. NOTE: must be the roles that app/accounts/roles.ts
 * lets "answer-assessments" (db/ cannot import app/); a test checks the two agree.
 */
export const MEMBER_KEY_ROLES = ["owner", "consultant"] as const;

/**
 * Finds who a private link belongs to, with their assessment and organisation. When no private
 * link matches, a workspace member's key may: only while it has not expired, its person is still
 * an owner or consultant of the workspace, and the organisation is still that workspace's client
 * (all in one query). The private link is looked up first, so the wizard's saves stay one query.
 */
export async function findRespondentByTokenHash(
  db: Db,
  accessTokenHash: string,
  now: Date = new Date(),
): Promise<RespondentContext | undefined> {
  const found = await selectRespondentContext(db).where("r.access_token_hash", "=", accessTokenHash).executeTakeFirst();
  if (found) return toRespondentContext(found);
  const viaKey = await selectRespondentContext(db)
    .innerJoin("member_keys as k", "k.respondent_id", "r.id")
    .innerJoin("workspace_members as m", (join) =>
      join.onRef("m.workspace_id", "=", "k.workspace_id").onRef("m.user_id", "=", "k.user_id"),
    )
    .where("k.token_hash", "=", accessTokenHash)
    .where("k.expires_at", ">", now.toISOString())
    .whereRef("o.workspace_id", "=", "k.workspace_id")
    .where("m.role", "in", [...MEMBER_KEY_ROLES])
    .executeTakeFirst();
  return viaKey ? { ...toRespondentContext(viaKey), viaMemberKey: true } : undefined;
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
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return countFrom(row.count);
}

/**
 * Deletes an assessment for good, in one transaction: its answers, progress, links and their
 * record, respondents, the assessment, and its organisation when no other assessment uses it.
 * Returns false when there was no such assessment.
 */
export async function deleteAssessment(db: Kysely<Database>, assessmentId: string): Promise<boolean> {
  return inTransaction(db, async (trx) => (await deleteAssessments(trx, [assessmentId])) === 1);
}

/**
 * Removes assessments created before `createdBefore` that have no answers at all (started and
 * abandoned), each with its organisation, respondent, links and their record. Works in batches,
 * each batch one transaction, so the database is never held for long. Returns how many went.
 * NOTE: "no answers" is checked inside each batch's transaction, so an assessment whose first
 * answer is being saved at that moment is either saved first (and kept) or gone before the save.
 */
export async function deleteEmptyAssessments(
  db: Kysely<Database>,
  input: { createdBefore: Date; batchSize?: number },
): Promise<number> {
  const cutoff = input.createdBefore.toISOString();
  const batchSize = input.batchSize ?? 200;
  let removed = 0;
  for (;;) {
    const count = await inTransaction(db, async (trx) => {
      const rows = await trx
        .selectFrom("assessments as a")
        .select("a.id")
        .innerJoin("organisations as o", "o.id", "a.organisation_id")
        .where("a.created_at", "<", cutoff)
        // A workspace's client and its assessments are the workspace's to keep or delete.
        .where("o.workspace_id", "is", null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom("answers as ans").select("ans.assessment_id").whereRef("ans.assessment_id", "=", "a.id")),
          ),
        )
        .orderBy("a.created_at")
        .limit(batchSize)
        .execute();
      return deleteAssessments(
        trx,
        rows.map((row) => row.id),
      );
    });
    removed += count;
    if (count < batchSize) return removed;
  }
}

/** Deletes the given assessments and everything that hangs from them. Call inside a transaction. */
async function deleteAssessments(trx: Transaction<Database>, assessmentIds: readonly string[]): Promise<number> {
  if (assessmentIds.length === 0) return 0;
  const ids = [...assessmentIds];
  const organisations = await trx.selectFrom("assessments").select("organisation_id").where("id", "in", ids).execute();
  const respondents = trx.selectFrom("respondents").select("id").where("assessment_id", "in", ids);
  // Children first: the foreign keys cascade too, but saying it keeps PostgreSQL and SQLite alike.
  await trx.deleteFrom("access_events").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("rendered_files").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("render_claims").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("report_links").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("answers").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("member_keys").where("respondent_id", "in", respondents).execute();
  await trx.deleteFrom("workshop_settlements").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("workshop_participants").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("workshops").where("assessment_id", "in", ids).execute();
  await trx.deleteFrom("section_progress").where("respondent_id", "in", respondents).execute();
  await trx.deleteFrom("respondents").where("assessment_id", "in", ids).execute();
  const deleted = await trx.deleteFrom("assessments").where("id", "in", ids).executeTakeFirst();
  const organisationIds = [...new Set(organisations.map((row) => row.organisation_id))];
  if (organisationIds.length > 0) {
    await trx
      .deleteFrom("organisations")
      .where("id", "in", organisationIds)
      // A workspace's client stays when its last assessment goes: the workspace still knows it.
      .where("workspace_id", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("assessments")
              .select("assessments.id")
              .whereRef("assessments.organisation_id", "=", "organisations.id"),
          ),
        ),
      )
      .execute();
  }
  return Number(deleted.numDeletedRows);
}
