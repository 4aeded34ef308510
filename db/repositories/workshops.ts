/**
 * Workshops (issue 14): several people of a client's team answer one assessment, the facilitator
 * sees where they disagree, and the group settles each question.
 *
 * Who may see what:
 * - Facilitators' reads and changes take a `WorkspaceScope` and find nothing for a non-member or
 *   for another workspace's assessment (every query joins the caller's membership).
 * - A participant reaches only their own respondent row, through their private link (see
 *   `findRespondentByTokenHash`), and `findParticipantState` says whether they may still save.
 *
 * Settled answers are written to the owner respondent's answers in the same transaction as the
 * settlement, so the report, PDFs and exports read the group's answer with no change of their own.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, WorkshopJoinedVia } from "../schema";
import { isUniqueViolation } from "../dialect";
import { inTransaction } from "../transaction";
import { recordAuditEvent } from "./audit";
import { callerMayWrite, membershipOf, type WorkspaceScope, type WriteScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

/** A facilitator's scope for changes: the caller, their workspace, and the roles that may. */
export type WorkshopWriteScope = WriteScope;

export type Workshop = {
  assessmentId: string;
  workspaceId: string;
  organisationId: string;
  clientName: string;
  /** The section ids participants answer, in the order given. */
  participantSections: string[];
  namesShown: boolean;
  /** Whether the workshop link (join by giving a name) is on. */
  joinLinkOn: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

export type WorkshopParticipant = {
  respondentId: string;
  name: string;
  roleLabel: string | null;
  joinedVia: WorkshopJoinedVia;
  joinedAt: string;
  lastSeenAt: string;
  /** When they said they had finished; null until then. */
  submittedAt: string | null;
  /** How many questions they have answered so far (0 = not started). */
  answerCount: number;
  /** The latest time any of their answers changed; null before their first answer. */
  lastAnsweredAt: string | null;
  removedAt: string | null;
};

export type Settlement = {
  questionId: string;
  value: unknown;
  reason: string | null;
  settledByUserId: string | null;
  /** The settler's display name, or null if their account has gone. */
  settledByName: string | null;
  settledAt: string;
  revision: number;
};

/** What a participant's private link may do now. */
export type ParticipantState = {
  assessmentId: string;
  /** The client's name and the facilitator's workspace, as the participant's pages name them. */
  clientName: string;
  workspaceName: string;
  name: string;
  roleLabel: string | null;
  participantSections: string[];
  closedAt: string | null;
  removedAt: string | null;
};

/** "  Aroha   NGATA " and "aroha ngata" are the same person's name for uniqueness. */
export function participantNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function parseSections(json: string): string[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
}

/** The workspace assessment with the given id, if the caller is a member of its workspace. */
async function workspaceAssessment(db: Db, scope: WorkspaceScope, assessmentId: string) {
  return db
    .selectFrom("assessments as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["a.id as assessmentId", "o.id as organisationId", "o.client_name as clientName"])
    .where("a.id", "=", assessmentId)
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
}

/** The workshop of a workspace assessment, for a member of that workspace; undefined otherwise. */
export async function findWorkshop(db: Db, scope: WorkspaceScope, assessmentId: string): Promise<Workshop | undefined> {
  const row = await db
    .selectFrom("workshops as w")
    .innerJoin("assessments as a", "a.id", "w.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select([
      "w.assessment_id as assessmentId",
      "w.workspace_id as workspaceId",
      "o.id as organisationId",
      "o.client_name as clientName",
      "w.participant_sections_json as sectionsJson",
      "w.names_shown as namesShown",
      "w.join_token_hash as joinTokenHash",
      "w.created_at as createdAt",
      "w.updated_at as updatedAt",
      "w.closed_at as closedAt",
    ])
    .where("w.assessment_id", "=", assessmentId)
    .where("w.workspace_id", "=", scope.workspaceId)
    .where("o.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    assessmentId: row.assessmentId,
    workspaceId: row.workspaceId,
    organisationId: row.organisationId,
    clientName: row.clientName ?? "",
    participantSections: parseSections(row.sectionsJson),
    namesShown: Number(row.namesShown) === 1,
    joinLinkOn: row.joinTokenHash !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  };
}

export type WorkshopSettingsInput = {
  participantSections: readonly string[];
  namesShown: boolean;
  now?: Date;
};

export type StartWorkshopResult = { ok: true } | { ok: false; reason: "not-found" | "already-a-workshop" };

/**
 * Turns a workspace assessment into a workshop, with an audit event, in one transaction. The
 * caller validates the section ids against the questionnaire.
 */
export async function startWorkshop(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  assessmentId: string,
  input: WorkshopSettingsInput,
): Promise<StartWorkshopResult> {
  const now = (input.now ?? new Date()).toISOString();
  try {
    return await inTransaction(db, async (trx): Promise<StartWorkshopResult> => {
      if (!(await callerMayWrite(trx, scope))) return { ok: false, reason: "not-found" };
      const assessment = await workspaceAssessment(trx, scope, assessmentId);
      if (!assessment) return { ok: false, reason: "not-found" };
      const existing = await trx
        .selectFrom("workshops")
        .select("assessment_id")
        .where("assessment_id", "=", assessmentId)
        .executeTakeFirst();
      if (existing) return { ok: false, reason: "already-a-workshop" };
      await trx
        .insertInto("workshops")
        .values({
          assessment_id: assessmentId,
          workspace_id: scope.workspaceId,
          created_by_user_id: scope.userId,
          participant_sections_json: JSON.stringify([...input.participantSections]),
          names_shown: input.namesShown ? 1 : 0,
          join_token_hash: null,
          created_at: now,
          updated_at: now,
          closed_at: null,
        })
        .execute();
      await recordAuditEvent(trx, {
        workspaceId: scope.workspaceId,
        actorUserId: scope.userId,
        action: "workshop-started",
        subject: assessmentId,
        detail: { clientName: assessment.clientName ?? "", sections: [...input.participantSections] },
        now,
      });
      return { ok: true };
    });
  } catch (error) {
    // Two facilitators turned it into a workshop at the same moment: the first one won.
    if (isUniqueViolation(error)) return { ok: false, reason: "already-a-workshop" };
    throw error;
  }
}

/** Changes which sections participants answer and whether names are shown. False if not the caller's. */
export async function updateWorkshopSettings(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  assessmentId: string,
  input: WorkshopSettingsInput,
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    if (!(await findWorkshop(trx, scope, assessmentId))) return false;
    await trx
      .updateTable("workshops")
      .set({
        participant_sections_json: JSON.stringify([...input.participantSections]),
        names_shown: input.namesShown ? 1 : 0,
        updated_at: now,
      })
      .where("assessment_id", "=", assessmentId)
      .execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "workshop-changed",
      subject: assessmentId,
      detail: { sections: [...input.participantSections], namesShown: input.namesShown },
      now,
    });
    return true;
  });
}

/**
 * Turns the workshop link on with a new token (replacing any earlier one, which stops working) or,
 * with `null`, off. The caller makes the token and shows it; only its hash is stored.
 */
export async function setWorkshopJoinLink(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  assessmentId: string,
  joinTokenHash: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    if (!(await findWorkshop(trx, scope, assessmentId))) return false;
    await trx
      .updateTable("workshops")
      .set({ join_token_hash: joinTokenHash, updated_at: now.toISOString() })
      .where("assessment_id", "=", assessmentId)
      .execute();
    return true;
  });
}

/** Closes the workshop (participants' links then save nothing) or, with `closed: false`, reopens it. */
export async function setWorkshopClosed(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  assessmentId: string,
  closed: boolean,
  now: Date = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    if (!(await findWorkshop(trx, scope, assessmentId))) return false;
    await trx
      .updateTable("workshops")
      .set({ closed_at: closed ? at : null, updated_at: at })
      .where("assessment_id", "=", assessmentId)
      .execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: closed ? "workshop-closed" : "workshop-reopened",
      subject: assessmentId,
      now: at,
    });
    return true;
  });
}

/** The workshop a workshop link opens, for the join page: nothing about its participants. */
export type WorkshopJoinTarget = {
  assessmentId: string;
  clientName: string;
  workspaceName: string;
  closedAt: string | null;
  /** What a person joining will answer, and whether the facilitator sees who gave which answer. */
  participantSections: string[];
  namesShown: boolean;
};

export async function findWorkshopByJoinTokenHash(
  db: Db,
  joinTokenHash: string,
): Promise<WorkshopJoinTarget | undefined> {
  const row = await db
    .selectFrom("workshops as w")
    .innerJoin("assessments as a", "a.id", "w.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("workspaces as s", "s.id", "w.workspace_id")
    .select([
      "w.assessment_id as assessmentId",
      "o.client_name as clientName",
      "s.name as workspaceName",
      "w.closed_at as closedAt",
      "w.participant_sections_json as sectionsJson",
      "w.names_shown as namesShown",
    ])
    .where("w.join_token_hash", "=", joinTokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    assessmentId: row.assessmentId,
    clientName: row.clientName ?? "",
    workspaceName: row.workspaceName,
    closedAt: row.closedAt,
    participantSections: parseSections(row.sectionsJson),
    namesShown: Number(row.namesShown) === 1,
  };
}

export type AddParticipantInput = {
  assessmentId: string;
  name: string;
  roleLabel: string | null;
  /** SHA-256 of the participant's own private link's token. */
  accessTokenHash: string;
  joinedVia: WorkshopJoinedVia;
  now?: Date;
};

export type AddParticipantResult =
  { ok: true; respondentId: string } | { ok: false; reason: "name-taken" | "closed" | "not-a-workshop" };

/**
 * Adds a participant: a respondent of the assessment with their own private link, and their
 * workshop row, in one transaction. The caller has checked who may add (a facilitator through
 * `mayAddParticipants`, or anyone holding a valid workshop link) and validated the name.
 */
async function insertParticipant(
  trx: Transaction<Database>,
  input: AddParticipantInput,
): Promise<AddParticipantResult> {
  const now = (input.now ?? new Date()).toISOString();
  const workshop = await trx
    .selectFrom("workshops")
    .select(["closed_at"])
    .where("assessment_id", "=", input.assessmentId)
    .executeTakeFirst();
  if (!workshop) return { ok: false, reason: "not-a-workshop" };
  if (workshop.closed_at !== null) return { ok: false, reason: "closed" };
  const nameKey = participantNameKey(input.name);
  const taken = await trx
    .selectFrom("workshop_participants")
    .select("respondent_id")
    .where("assessment_id", "=", input.assessmentId)
    .where("name_key", "=", nameKey)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (taken) return { ok: false, reason: "name-taken" };
  const respondentId = randomUUID();
  await trx
    .insertInto("respondents")
    .values({
      id: respondentId,
      assessment_id: input.assessmentId,
      role: "participant",
      access_token_hash: input.accessTokenHash,
      created_at: now,
      last_seen_at: now,
      submitted_at: null,
      name: input.name.trim().replace(/\s+/g, " "),
      job_title: input.roleLabel,
    })
    .execute();
  await trx
    .insertInto("workshop_participants")
    .values({
      respondent_id: respondentId,
      assessment_id: input.assessmentId,
      name: input.name.trim().replace(/\s+/g, " "),
      name_key: nameKey,
      role_label: input.roleLabel,
      joined_via: input.joinedVia,
      created_at: now,
      removed_at: null,
    })
    .execute();
  return { ok: true, respondentId };
}

/** A participant joining through the workshop link. */
export async function joinWorkshop(db: Kysely<Database>, input: AddParticipantInput): Promise<AddParticipantResult> {
  try {
    return await inTransaction(db, (trx) => insertParticipant(trx, { ...input, joinedVia: "workshop-link" }));
  } catch (error) {
    // Someone of the same name joined a moment ago: the partial unique index caught it.
    if (isUniqueViolation(error)) return { ok: false, reason: "name-taken" };
    throw error;
  }
}

/** A facilitator inviting a participant by name, with an audit event (never the link). */
export async function inviteParticipant(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  input: Omit<AddParticipantInput, "joinedVia">,
): Promise<AddParticipantResult | { ok: false; reason: "not-found" }> {
  try {
    return await inTransaction(db, async (trx) => {
      if (!(await callerMayWrite(trx, scope))) return { ok: false, reason: "not-found" } as const;
      if (!(await findWorkshop(trx, scope, input.assessmentId))) return { ok: false, reason: "not-found" } as const;
      const result = await insertParticipant(trx, { ...input, joinedVia: "invitation" });
      if (result.ok) {
        await recordAuditEvent(trx, {
          workspaceId: scope.workspaceId,
          actorUserId: scope.userId,
          action: "workshop-participant-invited",
          subject: input.assessmentId,
          detail: { name: input.name.trim() },
          now: (input.now ?? new Date()).toISOString(),
        });
      }
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name-taken" };
    throw error;
  }
}

/**
 * Replaces a participant's private link (they lost it, or it went to the wrong person): the old
 * one stops working. False when the participant is not in the caller's workshop.
 */
export async function replaceParticipantLink(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  input: { assessmentId: string; respondentId: string; accessTokenHash: string },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    if (!(await findWorkshop(trx, scope, input.assessmentId))) return false;
    const result = await trx
      .updateTable("respondents")
      .set({ access_token_hash: input.accessTokenHash })
      .where("id", "=", input.respondentId)
      .where("assessment_id", "=", input.assessmentId)
      .where("role", "=", "participant")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

/**
 * Removes a participant: their link then opens a page saying so and saves nothing, and their
 * answers leave every count. Their answers are kept (never changed) until the assessment is deleted.
 */
export async function removeParticipant(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  input: { assessmentId: string; respondentId: string; now?: Date },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await callerMayWrite(trx, scope))) return false;
    if (!(await findWorkshop(trx, scope, input.assessmentId))) return false;
    const participant = await trx
      .selectFrom("workshop_participants")
      .select(["name"])
      .where("respondent_id", "=", input.respondentId)
      .where("assessment_id", "=", input.assessmentId)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!participant) return false;
    await trx
      .updateTable("workshop_participants")
      .set({ removed_at: now })
      .where("respondent_id", "=", input.respondentId)
      .execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "workshop-participant-removed",
      subject: input.assessmentId,
      detail: { name: participant.name },
      now,
    });
    return true;
  });
}

/**
 * Everyone who has joined, current participants first in the order they joined, then removed
 * ones; with how far each has got. For a member of the workshop's workspace; [] otherwise.
 */
export async function listParticipants(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<WorkshopParticipant[]> {
  const rows = await db
    .selectFrom("workshop_participants as p")
    .innerJoin("respondents as r", "r.id", "p.respondent_id")
    .innerJoin("workshops as w", "w.assessment_id", "p.assessment_id")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("answers")
          .select((inner) => [
            "respondent_id",
            inner.fn.countAll<number | string>().as("answer_count"),
            inner.fn.max("updated_at").as("last_answered_at"),
          ])
          .where("assessment_id", "=", assessmentId)
          .groupBy("respondent_id")
          .as("n"),
      (join) => join.onRef("n.respondent_id", "=", "p.respondent_id"),
    )
    .select([
      "p.respondent_id as respondentId",
      "p.name as name",
      "p.role_label as roleLabel",
      "p.joined_via as joinedVia",
      "p.created_at as joinedAt",
      "p.removed_at as removedAt",
      "r.last_seen_at as lastSeenAt",
      "r.submitted_at as submittedAt",
      "n.answer_count as answerCount",
      "n.last_answered_at as lastAnsweredAt",
    ])
    .where("p.assessment_id", "=", assessmentId)
    .where("w.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .orderBy(sql`case when p.removed_at is null then 0 else 1 end`)
    .orderBy("p.created_at")
    .orderBy("p.respondent_id")
    .execute();
  return rows.map((row) => ({
    respondentId: row.respondentId,
    name: row.name,
    roleLabel: row.roleLabel,
    joinedVia: row.joinedVia,
    joinedAt: row.joinedAt,
    lastSeenAt: row.lastSeenAt,
    submittedAt: row.submittedAt,
    answerCount: Number(row.answerCount ?? 0),
    lastAnsweredAt: row.lastAnsweredAt ?? null,
    removedAt: row.removedAt,
  }));
}

/** Each current participant's answers, by question id (values parsed), in the order they joined. */
export async function currentParticipantAnswers(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<ParticipantAnswersRow[]> {
  const participants = (await listParticipants(db, scope, assessmentId)).filter((p) => p.removedAt === null);
  return withAnswers(db, assessmentId, participants);
}

/**
 * Everyone who has joined (as `listParticipants`) and the current ones' answers (as
 * `currentParticipantAnswers`), from one read of the participants: the facilitator's view needs both.
 */
export async function listParticipantsWithAnswers(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<{ participants: WorkshopParticipant[]; answers: ParticipantAnswersRow[] }> {
  const participants = await listParticipants(db, scope, assessmentId);
  const current = participants.filter((p) => p.removedAt === null);
  return { participants, answers: await withAnswers(db, assessmentId, current) };
}

export type ParticipantAnswersRow = { respondentId: string; name: string; answers: Record<string, unknown> };

/** The given participants (in that order) with their answers by question id, values parsed. */
async function withAnswers(
  db: Db,
  assessmentId: string,
  participants: readonly { respondentId: string; name: string }[],
): Promise<ParticipantAnswersRow[]> {
  if (participants.length === 0) return [];
  const rows = await db
    .selectFrom("answers")
    .select(["respondent_id", "question_id", "value_json"])
    .where("assessment_id", "=", assessmentId)
    .where(
      "respondent_id",
      "in",
      participants.map((p) => p.respondentId),
    )
    .execute();
  const byRespondent = new Map<string, Record<string, unknown>>(participants.map((p) => [p.respondentId, {}]));
  for (const row of rows) {
    const answers = byRespondent.get(row.respondent_id);
    if (answers) answers[row.question_id] = JSON.parse(row.value_json) as unknown;
  }
  return participants.map((p) => ({
    respondentId: p.respondentId,
    name: p.name,
    answers: byRespondent.get(p.respondentId) ?? {},
  }));
}

/**
 * A cheap fingerprint of everything the facilitator's view shows (who joined, left or finished,
 * the newest answer, the newest settlement): the live view polls it and reloads when it changes.
 * Works across server processes because it reads the database. Undefined for a non-member.
 */
export async function workshopVersion(
  db: Db,
  scope: WorkspaceScope,
  assessmentId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("workshops as w")
    .select((eb) => [
      "w.updated_at as updatedAt",
      eb
        .selectFrom("workshop_participants as p")
        .innerJoin("respondents as r", "r.id", "p.respondent_id")
        .select((inner) =>
          sql<string>`${inner.fn.countAll()} || ':' || coalesce(${inner.fn.max("p.removed_at")}, '') || ':' || coalesce(${inner.fn.max("r.submitted_at")}, '') || ':' || coalesce(${inner.fn.max("r.last_seen_at")}, '')`.as(
            "v",
          ),
        )
        .whereRef("p.assessment_id", "=", "w.assessment_id")
        .as("participants"),
      eb
        .selectFrom("answers as ans")
        .innerJoin("respondents as r2", "r2.id", "ans.respondent_id")
        .select((inner) => inner.fn.max("ans.updated_at").as("m"))
        .whereRef("ans.assessment_id", "=", "w.assessment_id")
        .where("r2.role", "=", "participant")
        .as("answers"),
      eb
        .selectFrom("workshop_settlements as s")
        .select((inner) =>
          sql<string>`${inner.fn.countAll()} || ':' || coalesce(${inner.fn.max("s.settled_at")}, '')`.as("v"),
        )
        .whereRef("s.assessment_id", "=", "w.assessment_id")
        .as("settlements"),
    ])
    .where("w.assessment_id", "=", assessmentId)
    .where("w.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  if (!row) return undefined;
  return [row.updatedAt, row.participants ?? "", row.answers ?? "", row.settlements ?? ""].join("|");
}

/** For a participant's private link: their workshop, and whether it is closed or they were removed. */
export async function findParticipantState(db: Db, respondentId: string): Promise<ParticipantState | undefined> {
  const row = await db
    .selectFrom("workshop_participants as p")
    .innerJoin("workshops as w", "w.assessment_id", "p.assessment_id")
    .innerJoin("assessments as a", "a.id", "p.assessment_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("workspaces as s", "s.id", "w.workspace_id")
    .select([
      "p.assessment_id as assessmentId",
      "o.client_name as clientName",
      "s.name as workspaceName",
      "p.name as name",
      "p.role_label as roleLabel",
      "p.removed_at as removedAt",
      "w.participant_sections_json as sectionsJson",
      "w.closed_at as closedAt",
    ])
    .where("p.respondent_id", "=", respondentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    assessmentId: row.assessmentId,
    clientName: row.clientName ?? "",
    workspaceName: row.workspaceName,
    name: row.name,
    roleLabel: row.roleLabel,
    participantSections: parseSections(row.sectionsJson),
    closedAt: row.closedAt,
    removedAt: row.removedAt,
  };
}

/** Every settled question of the workshop, for a member of its workspace. */
export async function listSettlements(db: Db, scope: WorkspaceScope, assessmentId: string): Promise<Settlement[]> {
  const mayRead = await db
    .selectFrom("workshops as w")
    .select("w.assessment_id")
    .where("w.assessment_id", "=", assessmentId)
    .where("w.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  return mayRead ? settlementsOfAssessment(db, assessmentId) : [];
}

/**
 * Settlements of an assessment without a caller: for code that already holds access to the
 * assessment (its report, PDFs and exports, reached through a private link, a report link or a
 * workspace route that checked membership).
 */
export async function settlementsOfAssessment(db: Db, assessmentId: string): Promise<Settlement[]> {
  const rows = await db
    .selectFrom("workshop_settlements as s")
    .leftJoin("users as u", "u.id", "s.settled_by_user_id")
    .select([
      "s.question_id as questionId",
      "s.value_json as valueJson",
      "s.reason as reason",
      "s.settled_by_user_id as settledByUserId",
      "u.display_name as settledByName",
      "s.settled_at as settledAt",
      "s.revision as revision",
    ])
    .where("s.assessment_id", "=", assessmentId)
    .orderBy("s.question_id")
    .execute();
  return rows.map(({ valueJson, revision, ...row }) => ({
    ...row,
    value: JSON.parse(valueJson) as unknown,
    revision: Number(revision),
  }));
}

export type SettleInput = {
  assessmentId: string;
  questionId: string;
  value: unknown;
  reason: string | null;
  /**
   * The revision the facilitator's form was built from: 0 when it showed the question unsettled.
   * When the stored revision differs, someone settled it since; nothing is written and the
   * current settlement is returned, for the facilitator to confirm or change.
   */
  expectedRevision: number;
  now?: Date;
};

export type SettleResult =
  | { ok: true; revision: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "changed-since"; current: Settlement };

/**
 * Records the group's answer to one question and writes it to the owner respondent's answers, in
 * one transaction with an audit event. Participants' own answers are never touched. Two
 * facilitators settling at once: the conditional write lets exactly one through; the other gets
 * `changed-since` with the decision it missed.
 */
export async function settleQuestion(
  db: Kysely<Database>,
  scope: WorkshopWriteScope,
  input: SettleInput,
): Promise<SettleResult> {
  const now = (input.now ?? new Date()).toISOString();
  const valueJson = JSON.stringify(input.value);
  return inTransaction(db, async (trx): Promise<SettleResult> => {
    if (!(await callerMayWrite(trx, scope))) return { ok: false, reason: "not-found" };
    const workshop = await findWorkshop(trx, scope, input.assessmentId);
    if (!workshop) return { ok: false, reason: "not-found" };
    const owner = await trx
      .selectFrom("respondents")
      .select("id")
      .where("assessment_id", "=", input.assessmentId)
      .where("role", "=", "owner")
      .executeTakeFirst();
    if (!owner) return { ok: false, reason: "not-found" };
    const newRevision = input.expectedRevision + 1;
    let written: boolean;
    if (input.expectedRevision === 0) {
      const inserted = await trx
        .insertInto("workshop_settlements")
        .values({
          assessment_id: input.assessmentId,
          question_id: input.questionId,
          value_json: valueJson,
          reason: input.reason,
          settled_by_user_id: scope.userId,
          settled_at: now,
          revision: 1,
        })
        .onConflict((oc) => oc.columns(["assessment_id", "question_id"]).doNothing())
        .executeTakeFirst();
      written = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    } else {
      const updated = await trx
        .updateTable("workshop_settlements")
        .set({
          value_json: valueJson,
          reason: input.reason,
          settled_by_user_id: scope.userId,
          settled_at: now,
          revision: newRevision,
        })
        .where("assessment_id", "=", input.assessmentId)
        .where("question_id", "=", input.questionId)
        .where("revision", "=", input.expectedRevision)
        .executeTakeFirst();
      written = Number(updated.numUpdatedRows) === 1;
    }
    if (!written) {
      const current = (await settlementsOfAssessment(trx, input.assessmentId)).find(
        (s) => s.questionId === input.questionId,
      );
      // No row and a non-zero expected revision: the form was stale in the other direction.
      if (!current) return { ok: false, reason: "not-found" };
      return { ok: false, reason: "changed-since", current };
    }
    await trx
      .insertInto("answers")
      .values({
        respondent_id: owner.id,
        assessment_id: input.assessmentId,
        question_id: input.questionId,
        value_json: valueJson,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["respondent_id", "question_id"]).doUpdateSet((eb) => ({
          value_json: eb.ref("excluded.value_json"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    await trx.updateTable("assessments").set({ updated_at: now }).where("id", "=", input.assessmentId).execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "workshop-question-settled",
      subject: input.assessmentId,
      detail: { questionId: input.questionId, revision: newRevision },
      now,
    });
    return { ok: true, revision: newRevision };
  });
}

/** Whether an assessment is a workshop (for the wizard's finish step and the report). */
export async function isWorkshop(db: Db, assessmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom("workshops")
    .select("assessment_id")
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the given assessments are workshops, for a member of their workspace (others: none). */
export async function workshopIdsAmong(
  db: Db,
  scope: WorkspaceScope,
  assessmentIds: readonly string[],
): Promise<Set<string>> {
  if (assessmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("workshops as w")
    .select("w.assessment_id as assessmentId")
    .where("w.assessment_id", "in", [...assessmentIds])
    .where("w.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .execute();
  return new Set(rows.map((row) => row.assessmentId));
}

/** What the finishing check and the report need of a workshop, for code that already holds access. */
export type WorkshopOfAssessment = {
  participantSections: string[];
  namesShown: boolean;
  closedAt: string | null;
};

/**
 * The workshop of an assessment without a caller, like `settlementsOfAssessment`: for the owner's
 * own pages (finishing, reached through their private link or a member's key), the report, PDFs
 * and exports. Undefined when the assessment is not a workshop.
 */
export async function workshopOfAssessment(db: Db, assessmentId: string): Promise<WorkshopOfAssessment | undefined> {
  const row = await db
    .selectFrom("workshops")
    .select(["participant_sections_json as sectionsJson", "names_shown as namesShown", "closed_at as closedAt"])
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    participantSections: parseSections(row.sectionsJson),
    namesShown: Number(row.namesShown) === 1,
    closedAt: row.closedAt,
  };
}

/**
 * Each current participant's answers (values parsed), in the order they joined, without a caller:
 * for code that already holds access to the assessment, as `settlementsOfAssessment`. Removed
 * participants are left out, as from every count.
 */
export async function participantAnswersOfAssessment(db: Db, assessmentId: string): Promise<ParticipantAnswersRow[]> {
  const participants = await db
    .selectFrom("workshop_participants")
    .select(["respondent_id as respondentId", "name"])
    .where("assessment_id", "=", assessmentId)
    .where("removed_at", "is", null)
    .orderBy("created_at")
    .orderBy("respondent_id")
    .execute();
  return withAnswers(db, assessmentId, participants);
}
