/**
 * A workspace's clients (organisations with a `workspace_id`) and their assessments. Every
 * function takes the caller's scope (their user id and the workspace's id) and checks
 * membership in the query itself, so a non-member, or an id from another workspace, gets
 * nothing, exactly as for something that does not exist. Writes also take the roles allowed to
 * make them (from app/accounts/roles.ts) and check the caller's role in the same transaction.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { containsIgnoringCase, countFrom, isUniqueViolation } from "../dialect";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { createAssessment, selectRespondentContext, toRespondentContext, type RespondentContext } from "./assessments";
import { recordAuditEvent } from "./audit";
import { replaceEditLink } from "./links";
import { callerMayWrite, membershipOf, type WorkspaceScope, type WriteScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

export const CLIENT_NAME_MAX = 120;
export const CLIENTS_PER_PAGE = 50;
/** How long a member key opens an assessment in the wizard. */
export const MEMBER_KEY_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** The caller's scope with the roles allowed to make a change. */
export type { WriteScope } from "./workspaces";

/** Where one assessment has got to. `sectionsDone` counts sections its respondent marked complete. */
export type AssessmentProgress =
  { kind: "not-started" } | { kind: "in-progress"; sectionsDone: number } | { kind: "finished"; finishedAt: string };

/** Who ran an assessment, as its list shows it. */
export type RunBy =
  | { kind: "member"; displayName: string }
  /** A member took over an assessment the client's executive started without an account. */
  | { kind: "taken-over"; displayName: string | null }
  /** The member's account is gone. */
  | { kind: "former-member" };

export type ClientAssessment = {
  id: string;
  organisationId: string;
  questionnaireVersion: string;
  createdAt: string;
  /** The latest answer saved, or the creation time when nothing has been. */
  lastActivityAt: string;
  progress: AssessmentProgress;
  runBy: RunBy;
  previousAssessmentId: string | null;
};

export type ClientSummary = {
  id: string;
  clientName: string;
  /** The organisation-name answer of its latest assessment, when it differs from nothing. */
  organisationName: string | null;
  createdAt: string;
  lastActivityAt: string;
  assessmentCount: number;
  latest: ClientAssessment | null;
};

export type ClientPage = {
  clients: ClientSummary[];
  /** Clients matching the search, over every page. */
  total: number;
  page: number;
  pageCount: number;
};

/** Trims a client's name; an error message for one that is empty or too long. */
export function checkClientName(raw: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name === "") return { ok: false, message: "Enter the client's name" };
  if (name.length > CLIENT_NAME_MAX) {
    return { ok: false, message: `The client's name must be ${CLIENT_NAME_MAX} characters or fewer` };
  }
  return { ok: true, name };
}

export type CreateClientResult =
  | { ok: true; clientId: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; message: string };

async function nameTaken(db: Db, workspaceId: string, name: string, exceptClientId?: string): Promise<boolean> {
  let query = db
    .selectFrom("organisations")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where(sql<boolean>`lower(client_name) = ${name.toLowerCase()}`);
  if (exceptClientId) query = query.where("id", "!=", exceptClientId);
  return (await query.executeTakeFirst()) !== undefined;
}

function nameTakenMessage(name: string): string {
  return `You already have a client called "${name}". Choose a different name, or open that client from your list`;
}

/** Writes a client row; call inside a transaction after checking the caller's role. */
async function insertClient(trx: Transaction<Database>, scope: WorkspaceScope, name: string, now: string) {
  const clientId = randomUUID();
  await trx
    .insertInto("organisations")
    .values({
      id: clientId,
      name: null,
      workspace_id: scope.workspaceId,
      client_name: name,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAuditEvent(trx, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: "client-created",
    subject: clientId,
    detail: { clientName: name },
    now,
  });
  return clientId;
}

/**
 * Creates a client of the workspace, with an audit event, in one transaction. Names are trimmed,
 * 1 to 120 characters, and unique in the workspace ignoring case.
 */
export async function createClient(
  db: Kysely<Database>,
  scope: WriteScope,
  input: { name: string; now?: Date },
): Promise<CreateClientResult> {
  const checked = checkClientName(input.name);
  if (!checked.ok) return { ok: false, reason: "invalid", message: checked.message };
  const now = (input.now ?? new Date()).toISOString();
  try {
    return await inTransaction(db, async (trx): Promise<CreateClientResult> => {
      if (!(await callerMayWrite(trx, scope))) return { ok: false, reason: "not-found" };
      if (await nameTaken(trx, scope.workspaceId, checked.name)) {
        return { ok: false, reason: "invalid", message: nameTakenMessage(checked.name) };
      }
      return { ok: true, clientId: await insertClient(trx, scope, checked.name, now) };
    });
  } catch (error) {
    // Someone else created the same name a moment ago: the unique index caught it.
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", message: nameTakenMessage(checked.name) };
    throw error;
  }
}

/** One assessment row per owner respondent, with what its list needs. Narrow it with a `where`. */
function selectAssessmentSummaries(db: Db) {
  return db
    .selectFrom("assessments as a")
    .innerJoin("respondents as r", (join) => join.onRef("r.assessment_id", "=", "a.id").on("r.role", "=", "owner"))
    .leftJoin("users as u", "u.id", "a.run_by_user_id")
    .select((eb) => [
      "a.id as id",
      "a.organisation_id as organisationId",
      "a.questionnaire_version as questionnaireVersion",
      "a.created_at as createdAt",
      "a.updated_at as updatedAt",
      "a.run_by_user_id as runByUserId",
      "a.taken_over_at as takenOverAt",
      "a.previous_assessment_id as previousAssessmentId",
      "u.display_name as runByName",
      "r.submitted_at as submittedAt",
      // Whether anything has been answered: the first answer row settles it (the index finds it).
      sql<number>`case when exists (select 1 from answers as ans where ans.assessment_id = a.id) then 1 else 0 end`.as(
        "hasAnswers",
      ),
      eb
        .selectFrom("section_progress as sp")
        .select((inner) => inner.fn.countAll<number | string>().as("done"))
        .whereRef("sp.respondent_id", "=", "r.id")
        .where("sp.completed_at", "is not", null)
        .as("sectionsDone"),
    ]);
}

type SummaryRow = {
  id: string;
  organisationId: string;
  questionnaireVersion: string;
  createdAt: string;
  updatedAt: string;
  runByUserId: string | null;
  takenOverAt: string | null;
  previousAssessmentId: string | null;
  runByName: string | null;
  submittedAt: string | null;
  hasAnswers: number | string | boolean;
  sectionsDone: number | string | null;
};

function toClientAssessment(row: SummaryRow): ClientAssessment {
  const progress: AssessmentProgress = row.submittedAt
    ? { kind: "finished", finishedAt: row.submittedAt }
    : Number(row.hasAnswers) === 1 || row.hasAnswers === true
      ? { kind: "in-progress", sectionsDone: countFrom(row.sectionsDone) }
      : { kind: "not-started" };
  const runBy: RunBy = row.takenOverAt
    ? { kind: "taken-over", displayName: row.runByName }
    : row.runByName
      ? { kind: "member", displayName: row.runByName }
      : { kind: "former-member" };
  return {
    id: row.id,
    organisationId: row.organisationId,
    questionnaireVersion: row.questionnaireVersion,
    createdAt: row.createdAt,
    // Saving answers moves `updated_at` (db/repositories/answers.ts); until then it is the creation time.
    lastActivityAt: row.updatedAt,
    progress,
    runBy,
    previousAssessmentId: row.previousAssessmentId,
  };
}

/**
 * One page of the workspace's clients, most recent activity first, optionally only those whose
 * name (or organisation-name answer) contains `search`, ignoring case. Each with its latest
 * assessment. Empty for a non-member.
 */
export async function listClients(
  db: Db,
  scope: WorkspaceScope,
  input: { search?: string; page?: number } = {},
): Promise<ClientPage> {
  const search = input.search?.trim() ?? "";
  let base = db
    .selectFrom("organisations as o")
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)));
  if (search !== "") {
    base = base.where((eb) =>
      eb.or([containsIgnoringCase(eb.ref("o.client_name"), search), containsIgnoringCase(eb.ref("o.name"), search)]),
    );
  }
  const countRow = await base.select((eb) => eb.fn.countAll<number | string>().as("count")).executeTakeFirstOrThrow();
  const total = countFrom(countRow.count);
  const pageCount = Math.max(1, Math.ceil(total / CLIENTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pageCount);
  if (total === 0) return { clients: [], total, page, pageCount };

  // Last activity: the newest change to any of the client's assessments (assessments.updated_at
  // moves with every saved answer), or when the client was created.
  const rows = await base
    .select((eb) => [
      "o.id as id",
      "o.client_name as clientName",
      "o.name as organisationName",
      "o.created_at as createdAt",
      eb.fn
        .coalesce(
          eb
            .selectFrom("assessments as la")
            .select((inner) => inner.fn.max("la.updated_at").as("latest"))
            .whereRef("la.organisation_id", "=", "o.id"),
          eb.ref("o.created_at"),
        )
        .as("lastActivityAt"),
    ])
    .orderBy("lastActivityAt", "desc")
    .orderBy("o.id")
    .limit(CLIENTS_PER_PAGE)
    .offset((page - 1) * CLIENTS_PER_PAGE)
    .execute();

  const ids = rows.map((row) => row.id);
  const summaries = await selectAssessmentSummaries(db)
    .where("a.organisation_id", "in", ids)
    .orderBy("a.created_at", "desc")
    .orderBy("a.id")
    .execute();
  const latestByClient = new Map<string, ClientAssessment>();
  const countByClient = new Map<string, number>();
  for (const row of summaries) {
    if (!latestByClient.has(row.organisationId)) latestByClient.set(row.organisationId, toClientAssessment(row));
    countByClient.set(row.organisationId, (countByClient.get(row.organisationId) ?? 0) + 1);
  }
  return {
    clients: rows.map((row) => ({
      id: row.id,
      clientName: row.clientName ?? "",
      organisationName: row.organisationName,
      createdAt: row.createdAt,
      lastActivityAt: row.lastActivityAt,
      assessmentCount: countByClient.get(row.id) ?? 0,
      latest: latestByClient.get(row.id) ?? null,
    })),
    total,
    page,
    pageCount,
  };
}

export type Client = { id: string; clientName: string; organisationName: string | null; createdAt: string };

/** One client of the workspace; undefined for a non-member or another workspace's id. */
export async function findClient(db: Db, scope: WorkspaceScope, clientId: string): Promise<Client | undefined> {
  const row = await db
    .selectFrom("organisations as o")
    .select(["o.id", "o.client_name", "o.name", "o.created_at"])
    .where("o.id", "=", clientId)
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  return row
    ? { id: row.id, clientName: row.client_name ?? "", organisationName: row.name, createdAt: row.created_at }
    : undefined;
}

/** A client's assessments, newest first; empty for a non-member or another workspace's client. */
export async function listClientAssessments(
  db: Db,
  scope: WorkspaceScope,
  clientId: string,
): Promise<ClientAssessment[]> {
  const rows = await selectAssessmentSummaries(db)
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .where("o.id", "=", clientId)
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .orderBy("a.created_at", "desc")
    .orderBy("a.id")
    .execute();
  return rows.map(toClientAssessment);
}

export type WorkspaceAssessment = ClientAssessment & { clientId: string; clientName: string };

/** One assessment of one of the workspace's clients; undefined for a non-member or a wrong id. */
export async function findWorkspaceAssessment(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<WorkspaceAssessment | undefined> {
  const row = await selectAssessmentSummaries(db)
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["o.client_name as clientName"])
    .where("a.id", "=", assessmentId)
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  return row
    ? { ...toClientAssessment(row), clientId: row.organisationId, clientName: row.clientName ?? "" }
    : undefined;
}

/**
 * The assessment's owner respondent as the report and export code reads it (`RespondentContext`),
 * for a member of the workspace whose client it is; undefined otherwise.
 */
export async function findWorkspaceRespondent(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<RespondentContext | undefined> {
  const row = await selectRespondentContext(db)
    .where("a.id", "=", assessmentId)
    .where("r.role", "=", "owner")
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  return row ? toRespondentContext(row) : undefined;
}

/**
 * Creates an assessment for a client, with its owner respondent reached through the private link
 * whose token hashes to `accessTokenHash`, run by the caller; with an audit event. Undefined when
 * the client is not the workspace's or the caller's role may not.
 */
export async function createClientAssessment(
  db: Kysely<Database>,
  scope: WriteScope,
  input: { clientId: string; accessTokenHash: string; questionnaireVersion: string; now?: Date },
): Promise<{ assessmentId: string } | undefined> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return undefined;
    const client = await findClient(trx, scope, input.clientId);
    if (!client) return undefined;
    const created = await createAssessment(trx, {
      accessTokenHash: input.accessTokenHash,
      questionnaireVersion: input.questionnaireVersion,
      now,
      client: { organisationId: client.id, runByUserId: scope.userId },
    });
    await trx.updateTable("organisations").set({ updated_at: now.toISOString() }).where("id", "=", client.id).execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "assessment-created",
      subject: created.assessmentId,
      detail: { clientId: client.id },
      now: now.toISOString(),
    });
    return { assessmentId: created.assessmentId };
  });
}

/**
 * Stores a member key (only its hash) that opens the assessment's answers in the wizard for
 * `MEMBER_KEY_LIFETIME_MS`. False when the assessment is not the workspace's or the caller's
 * role may not answer it.
 */
export async function createMemberKey(
  db: Kysely<Database>,
  scope: WriteScope,
  input: { assessmentId: string; tokenHash: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    const respondent = await findWorkspaceRespondent(trx, scope, input.assessmentId);
    if (!respondent) return false;
    await trx
      .insertInto("member_keys")
      .values({
        token_hash: input.tokenHash,
        respondent_id: respondent.respondentId,
        user_id: scope.userId,
        workspace_id: scope.workspaceId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + MEMBER_KEY_LIFETIME_MS).toISOString(),
      })
      .execute();
    // Expired keys are of no use to anyone: clear the caller's while here.
    await trx
      .deleteFrom("member_keys")
      .where("user_id", "=", scope.userId)
      .where("expires_at", "<=", now.toISOString())
      .execute();
    return true;
  });
}

/**
 * Gives the client's executive a new private link: from now on only `newTokenHash` opens the
 * assessment, and the old link stops working. Read-only report links keep working, but their
 * addresses can no longer be shown again (they were sealed with the old link, which the
 * workspace never knew). Audited. False when the assessment is not the workspace's or the
 * caller's role may not.
 */
export async function replaceClientPrivateLink(
  db: Kysely<Database>,
  scope: WriteScope,
  input: { assessmentId: string; newTokenHash: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  // Read and check first; `replaceEditLink` then swaps the hash only if it is still the one read.
  if (!(await callerMayWrite(db, scope))) return false;
  const respondent = await db
    .selectFrom("respondents as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["r.id", "r.access_token_hash"])
    .where("a.id", "=", input.assessmentId)
    .where("r.role", "=", "owner")
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  if (!respondent) return false;
  return replaceEditLink(db, {
    assessmentId: input.assessmentId,
    respondentId: respondent.id,
    currentTokenHash: respondent.access_token_hash,
    newTokenHash: input.newTokenHash,
    reseal: () => null,
    now,
    also: (trx) =>
      recordAuditEvent(trx, {
        workspaceId: scope.workspaceId,
        actorUserId: scope.userId,
        action: "private-link-replaced",
        subject: input.assessmentId,
        now: now.toISOString(),
      }),
  });
}

export type TakeOverTarget = { kind: "new-client"; name: string } | { kind: "existing-client"; clientId: string };

export type TakeOverResult =
  | { ok: true; assessmentId: string; clientId: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "unknown-link" }
  | { ok: false; reason: "already-in-a-workspace" }
  | { ok: false; reason: "invalid"; message: string };

/** What taking over a private link would bring in: for the form that names the new client. */
export async function previewTakeOver(
  db: Db,
  tokenHash: string,
): Promise<{ status: "unknown-link" | "already-in-a-workspace" } | { status: "ok"; organisationName: string | null }> {
  const row = await db
    .selectFrom("respondents as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["o.name", "o.workspace_id"])
    .where("r.access_token_hash", "=", tokenHash)
    .where("r.role", "=", "owner")
    .executeTakeFirst();
  if (!row) return { status: "unknown-link" };
  if (row.workspace_id !== null) return { status: "already-in-a-workspace" };
  return { status: "ok", organisationName: row.name };
}

/**
 * Takes an anonymously started assessment into the workspace, in one transaction: as a new
 * client (its organisation becomes the client, named `name`) or under an existing client (the
 * assessment moves to that client and its anonymous organisation goes). The executive's
 * private link keeps working. Refused for a link that opens nothing, or an assessment that
 * already belongs to a workspace (any workspace: the answer does not say which).
 */
export async function takeOverAssessment(
  db: Kysely<Database>,
  scope: WriteScope,
  input: { tokenHash: string; target: TakeOverTarget; now?: Date },
): Promise<TakeOverResult> {
  const now = (input.now ?? new Date()).toISOString();
  let checkedName: string | null = null;
  if (input.target.kind === "new-client") {
    const checked = checkClientName(input.target.name);
    if (!checked.ok) return { ok: false, reason: "invalid", message: checked.message };
    checkedName = checked.name;
  }
  const target = input.target;
  try {
    return await inTransaction(db, async (trx): Promise<TakeOverResult> => {
      if (!(await callerMayWrite(trx, scope))) return { ok: false, reason: "not-found" };
      const found = await trx
        .selectFrom("respondents as r")
        .innerJoin("assessments as a", "a.id", "r.assessment_id")
        .innerJoin("organisations as o", "o.id", "a.organisation_id")
        .select(["a.id as assessmentId", "o.id as organisationId", "o.workspace_id as workspaceId"])
        .where("r.access_token_hash", "=", input.tokenHash)
        .where("r.role", "=", "owner")
        .executeTakeFirst();
      if (!found) return { ok: false, reason: "unknown-link" };
      if (found.workspaceId !== null) return { ok: false, reason: "already-in-a-workspace" };

      let clientId: string;
      if (target.kind === "new-client") {
        const name = checkedName as string;
        if (await nameTaken(trx, scope.workspaceId, name)) {
          return { ok: false, reason: "invalid", message: nameTakenMessage(name) };
        }
        // The anonymous organisation becomes the client: it keeps its organisation-name answer.
        const claimed = await trx
          .updateTable("organisations")
          .set({ workspace_id: scope.workspaceId, client_name: name, updated_at: now })
          .where("id", "=", found.organisationId)
          .where("workspace_id", "is", null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: "already-in-a-workspace" };
        clientId = found.organisationId;
        await recordAuditEvent(trx, {
          workspaceId: scope.workspaceId,
          actorUserId: scope.userId,
          action: "client-created",
          subject: clientId,
          detail: { clientName: name },
          now,
        });
      } else {
        const client = await findClient(trx, scope, target.clientId);
        if (!client) return { ok: false, reason: "invalid", message: "Choose one of your clients" };
        clientId = client.id;
        await trx
          .updateTable("assessments")
          .set({ organisation_id: client.id })
          .where("id", "=", found.assessmentId)
          .execute();
        // Its organisation held only this assessment's copy of the organisation-name answer.
        const answerName = await trx
          .selectFrom("organisations")
          .select("name")
          .where("id", "=", found.organisationId)
          .executeTakeFirst();
        await trx
          .updateTable("organisations")
          .set({ updated_at: now, ...(answerName?.name ? { name: answerName.name } : {}) })
          .where("id", "=", client.id)
          .execute();
        await trx
          .deleteFrom("organisations")
          .where("id", "=", found.organisationId)
          .where("workspace_id", "is", null)
          .execute();
      }
      await trx
        .updateTable("assessments")
        .set({ run_by_user_id: scope.userId, taken_over_at: now })
        .where("id", "=", found.assessmentId)
        .execute();
      await recordAuditEvent(trx, {
        workspaceId: scope.workspaceId,
        actorUserId: scope.userId,
        action: "assessment-taken-over",
        subject: found.assessmentId,
        detail: { clientId },
        now,
      });
      return { ok: true, assessmentId: found.assessmentId, clientId };
    });
  } catch (error) {
    if (isUniqueViolation(error) && checkedName) {
      return { ok: false, reason: "invalid", message: nameTakenMessage(checkedName) };
    }
    throw error;
  }
}

/** Records that a member downloaded a report or its data; `detail` names the kind of file only. */
export async function recordReportExport(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { assessmentId: string; kind: string; now?: Date },
): Promise<void> {
  await recordAuditEvent(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: "report-exported",
    subject: input.assessmentId,
    detail: { kind: input.kind },
    now: (input.now ?? new Date()).toISOString(),
  });
}

/** Every client's id and name, by name: for choosing one. Empty for a non-member. */
export async function listClientNames(db: Db, scope: WorkspaceScope): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom("organisations as o")
    .select(["o.id", "o.client_name"])
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .orderBy(sql`lower(o.client_name)`)
    .orderBy("o.id")
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.client_name ?? "" }));
}

/**
 * The names of the workspace's clients that audit events refer to, by client id and by
 * assessment id, for the audit trail's sentences. Only this workspace's clients, and nothing for a
 * non-member.
 */
export async function clientNamesForAudit(
  db: Db,
  scope: WorkspaceScope,
  ids: { clientIds: readonly string[]; assessmentIds: readonly string[] },
): Promise<{ byClient: Map<string, string>; byAssessment: Map<string, string> }> {
  const byClient = new Map<string, string>();
  const byAssessment = new Map<string, string>();
  if (ids.clientIds.length > 0) {
    const rows = await db
      .selectFrom("organisations as o")
      .select(["o.id", "o.client_name"])
      .where("o.id", "in", [...ids.clientIds])
      .where("o.workspace_id", "=", scope.workspaceId)
      .where((eb) => eb.exists(membershipOf(db, scope)))
      .execute();
    for (const row of rows) if (row.client_name) byClient.set(row.id, row.client_name);
  }
  if (ids.assessmentIds.length > 0) {
    const rows = await db
      .selectFrom("assessments as a")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .select(["a.id", "o.client_name"])
      .where("a.id", "in", [...ids.assessmentIds])
      .where("o.workspace_id", "=", scope.workspaceId)
      .where((eb) => eb.exists(membershipOf(db, scope)))
      .execute();
    for (const row of rows) if (row.client_name) byAssessment.set(row.id, row.client_name);
  }
  return { byClient, byAssessment };
}
