/**
 * Managing a workspace's members: inviting, joining, changing roles and removing. Every function
 * takes the caller's scope and acts only when the caller is an owner of that workspace (checked
 * in the query, so a route cannot forget); otherwise it answers "not-found", as for a workspace
 * that does not exist. Each change and its audit event are written in one transaction.
 *
 * Invitation tokens are keys: only their SHA-256 (hex) is stored, and no token reaches an audit
 * event. An invitation is single use, lasts `INVITATION_TTL_MS`, and can be withdrawn.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { countFrom } from "../dialect";
import { inTransaction } from "../transaction";
import type { Database, WorkspaceRole } from "../schema";
import { recordAuditEvent } from "./audit";
import { insertSession, type NewSession } from "./sessions";
import { normaliseEmail } from "./users";
import { ownershipOf, type WorkspaceScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

/** An invitation lasts seven days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

async function isOwner(db: Db, scope: WorkspaceScope): Promise<boolean> {
  return (await ownershipOf(db, scope).executeTakeFirst()) !== undefined;
}

/**
 * Takes the workspace's row lock (PostgreSQL) so that two owners changing members at once are
 * taken one after the other, and "the last owner" cannot be removed by two changes that each
 * saw another owner. SQLite runs one write transaction at a time anyway.
 */
async function lockWorkspace(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  await trx
    .updateTable("workspaces")
    .set({ name: sql<string>`name` })
    .where("id", "=", workspaceId)
    .execute();
}

async function countOwners(trx: Transaction<Database>, workspaceId: string): Promise<number> {
  const row = await trx
    .selectFrom("workspace_members")
    .select((eb) => eb.fn.countAll().as("owners"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return countFrom(row.owners);
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: WorkspaceRole;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
};

/** The workspace's invitations still waiting (not used, withdrawn or expired), newest first; owners only. */
export async function listPendingInvitations(db: Db, scope: WorkspaceScope, now: Date): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom("invitations as i")
    .leftJoin("users as u", "u.id", "i.invited_by_user_id")
    .select(["i.id", "i.email", "i.role", "u.display_name", "i.created_at", "i.expires_at"])
    .where("i.workspace_id", "=", scope.workspaceId)
    .where("i.accepted_at", "is", null)
    .where("i.withdrawn_at", "is", null)
    .where("i.expires_at", ">", now.toISOString())
    .where((eb) => eb.exists(ownershipOf(db, scope)))
    .orderBy("i.created_at", "desc")
    .orderBy("i.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    invitedByName: row.display_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

export type InviteResult =
  { ok: true; invitationId: string; expiresAt: string } | "not-found" | "already-member" | "already-invited";

/**
 * Invites `email` to the workspace as `role`. Refused when that address is already a member's,
 * or already has an invitation waiting (withdraw it to send a new one).
 */
export async function createInvitation(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { email: string; role: WorkspaceRole; tokenHash: string; now: Date },
): Promise<InviteResult> {
  const email = normaliseEmail(input.email);
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    await lockWorkspace(trx, scope.workspaceId);
    if (!(await isOwner(trx, scope))) return "not-found";
    const member = await trx
      .selectFrom("workspace_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id")
      .where("m.workspace_id", "=", scope.workspaceId)
      .where("u.email", "=", email)
      .executeTakeFirst();
    if (member) return "already-member";
    const waiting = await trx
      .selectFrom("invitations")
      .select("id")
      .where("workspace_id", "=", scope.workspaceId)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("withdrawn_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (waiting) return "already-invited";
    const invitationId = randomUUID();
    const expiresAt = new Date(input.now.getTime() + INVITATION_TTL_MS).toISOString();
    await trx
      .insertInto("invitations")
      .values({
        id: invitationId,
        workspace_id: scope.workspaceId,
        email,
        role: input.role,
        token_hash: input.tokenHash,
        invited_by_user_id: scope.userId,
        created_at: at,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by_user_id: null,
        withdrawn_at: null,
      })
      .execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "member-invited",
      subject: invitationId,
      detail: { email, role: input.role },
      now: at,
    });
    return { ok: true, invitationId, expiresAt };
  });
}

/** Withdraws a waiting invitation; false when there is no such waiting invitation or the caller is not an owner. */
export async function withdrawInvitation(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { invitationId: string; now: Date },
): Promise<boolean> {
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await isOwner(trx, scope))) return false;
    const withdrawn = await trx
      .updateTable("invitations")
      .set({ withdrawn_at: at })
      .where("id", "=", input.invitationId)
      .where("workspace_id", "=", scope.workspaceId)
      .where("accepted_at", "is", null)
      .where("withdrawn_at", "is", null)
      .where("expires_at", ">", at)
      .returning(["email", "role"])
      .executeTakeFirst();
    if (!withdrawn) return false;
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "invitation-withdrawn",
      subject: input.invitationId,
      detail: { email: withdrawn.email, role: withdrawn.role },
      now: at,
    });
    return true;
  });
}

export type InvitationStatus = "pending" | "expired" | "withdrawn" | "used";

export type InvitationForLink = {
  status: InvitationStatus;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: WorkspaceRole;
  invitedByName: string | null;
  expiresAt: string;
};

function statusOf(row: { accepted_at: string | null; withdrawn_at: string | null; expires_at: string }, now: Date) {
  if (row.accepted_at) return "used" as const;
  if (row.withdrawn_at) return "withdrawn" as const;
  if (row.expires_at <= now.toISOString()) return "expired" as const;
  return "pending" as const;
}

/**
 * The invitation a link's token opens, whatever its state, for the invitation page. Holding the
 * link is what entitles someone to see which workspace it is for; undefined for an unknown token.
 */
export async function findInvitationByToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<InvitationForLink | undefined> {
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("workspaces as w", "w.id", "i.workspace_id")
    .leftJoin("users as u", "u.id", "i.invited_by_user_id")
    .select([
      "i.workspace_id",
      "w.name",
      "i.email",
      "i.role",
      "u.display_name",
      "i.expires_at",
      "i.accepted_at",
      "i.withdrawn_at",
    ])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: statusOf(row, now),
    workspaceId: row.workspace_id,
    workspaceName: row.name,
    email: row.email,
    role: row.role,
    invitedByName: row.display_name,
    expiresAt: row.expires_at,
  };
}

export type AcceptResult =
  { ok: true; workspaceId: string; userId: string } | "gone" | "email-mismatch" | "already-member" | "email-taken";

/**
 * Joins the workspace with an invitation, in one transaction: the membership, the invitation
 * marked used (only if it is still waiting, so a link works once even when two tabs race), the
 * audit events and, for someone new, their account and first session.
 *
 * `person` is either the signed-in account (its email must be the invited one) or a new account.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: {
    tokenHash: string;
    now: Date;
    person:
      | { kind: "existing"; userId: string }
      | { kind: "new"; displayName: string; passwordHash: string; session: Omit<NewSession, "userId"> };
  },
): Promise<AcceptResult> {
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .select(["id", "workspace_id", "email", "role", "accepted_at", "withdrawn_at", "expires_at"])
      .where("token_hash", "=", input.tokenHash)
      .executeTakeFirst();
    if (!invitation || statusOf(invitation, input.now) !== "pending") return "gone";
    await lockWorkspace(trx, invitation.workspace_id);

    let userId: string;
    const { person } = input;
    if (person.kind === "existing") {
      const user = await trx.selectFrom("users").select("email").where("id", "=", person.userId).executeTakeFirst();
      if (!user || user.email !== invitation.email) return "email-mismatch";
      userId = person.userId;
      const member = await trx
        .selectFrom("workspace_members")
        .select("user_id")
        .where("workspace_id", "=", invitation.workspace_id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (member) return "already-member";
    } else {
      userId = randomUUID();
      const inserted = await trx
        .insertInto("users")
        .values({
          id: userId,
          email: invitation.email,
          display_name: person.displayName,
          password_hash: person.passwordHash,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return "email-taken";
    }

    const used = await trx
      .updateTable("invitations")
      .set({ accepted_at: at, accepted_by_user_id: userId })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return "gone";
    await trx
      .insertInto("workspace_members")
      .values({ workspace_id: invitation.workspace_id, user_id: userId, role: invitation.role, created_at: at })
      .execute();
    if (person.kind === "new") {
      await insertSession(trx, { ...person.session, userId }, input.now);
      await recordAuditEvent(trx, { actorUserId: userId, action: "account-created", subject: userId, now: at });
      await recordAuditEvent(trx, {
        actorUserId: userId,
        action: "signed-in",
        detail: { device: person.session.userAgent, signUp: true },
        now: at,
      });
    }
    await recordAuditEvent(trx, {
      workspaceId: invitation.workspace_id,
      actorUserId: userId,
      action: "member-joined",
      subject: userId,
      detail: { role: invitation.role, invitationId: invitation.id },
      now: at,
    });
    return { ok: true, workspaceId: invitation.workspace_id, userId };
  });
}

export type MemberChangeResult = "ok" | "not-found" | "last-owner" | "unchanged";

async function memberOf(trx: Transaction<Database>, workspaceId: string, userId: string) {
  return trx
    .selectFrom("workspace_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.role", "u.display_name", "u.email"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
}

/** Gives a member another role. The last owner cannot be given a lesser one ("last-owner"). */
export async function changeMemberRole(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { memberUserId: string; role: WorkspaceRole; now: Date },
): Promise<MemberChangeResult> {
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    await lockWorkspace(trx, scope.workspaceId);
    if (!(await isOwner(trx, scope))) return "not-found";
    const member = await memberOf(trx, scope.workspaceId, input.memberUserId);
    if (!member) return "not-found";
    if (member.role === input.role) return "unchanged";
    if (member.role === "owner" && (await countOwners(trx, scope.workspaceId)) <= 1) return "last-owner";
    await trx
      .updateTable("workspace_members")
      .set({ role: input.role })
      .where("workspace_id", "=", scope.workspaceId)
      .where("user_id", "=", input.memberUserId)
      .execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "member-role-changed",
      subject: input.memberUserId,
      detail: { name: member.display_name, email: member.email, from: member.role, to: input.role },
      now: at,
    });
    return "ok";
  });
}

/**
 * Removes a member from the workspace and ends every session of theirs (their session rows are
 * deleted, so the next request they make is signed out). The last owner cannot be removed.
 */
export async function removeMember(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { memberUserId: string; now: Date },
): Promise<MemberChangeResult> {
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    await lockWorkspace(trx, scope.workspaceId);
    if (!(await isOwner(trx, scope))) return "not-found";
    const member = await memberOf(trx, scope.workspaceId, input.memberUserId);
    if (!member) return "not-found";
    if (member.role === "owner" && (await countOwners(trx, scope.workspaceId)) <= 1) return "last-owner";
    await trx
      .deleteFrom("workspace_members")
      .where("workspace_id", "=", scope.workspaceId)
      .where("user_id", "=", input.memberUserId)
      .execute();
    const ended = await trx.deleteFrom("sessions").where("user_id", "=", input.memberUserId).executeTakeFirst();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "member-removed",
      subject: input.memberUserId,
      detail: {
        name: member.display_name,
        email: member.email,
        role: member.role,
        sessionsEnded: Number(ended.numDeletedRows),
      },
      now: at,
    });
    return "ok";
  });
}

/** One member of the workspace, for the owner's confirmation pages; undefined for others. */
export async function findMemberForOwner(db: Db, scope: WorkspaceScope, memberUserId: string) {
  const row = await db
    .selectFrom("workspace_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.display_name", "u.email", "m.role", "m.created_at"])
    .where("m.workspace_id", "=", scope.workspaceId)
    .where("m.user_id", "=", memberUserId)
    .where((eb) => eb.exists(ownershipOf(db, scope)))
    .executeTakeFirst();
  return row
    ? { userId: row.id, displayName: row.display_name, email: row.email, role: row.role, joinedAt: row.created_at }
    : undefined;
}
