/**
 * Password reset links. Only the SHA-256 (hex) of a link's token is stored; a link lasts
 * `PASSWORD_RESET_TTL_MS` and works once. Setting a new password ends every session of the
 * person and starts one fresh, all in one transaction with its audit event.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";
import { insertSession, type NewSession } from "./sessions";
import { normaliseEmail } from "./users";
import { ownershipOf, type WorkspaceScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

/** A reset link lasts one hour. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export type ResetFor = { userId: string; email: string; displayName: string };

async function insertReset(
  trx: Transaction<Database>,
  input: { userId: string; tokenHash: string; createdByUserId: string | null; now: Date },
): Promise<void> {
  await trx
    .insertInto("password_resets")
    .values({
      id: randomUUID(),
      user_id: input.userId,
      token_hash: input.tokenHash,
      created_by_user_id: input.createdByUserId,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + PASSWORD_RESET_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
}

/**
 * A reset link for the account with this email, if there is one (undefined otherwise, writing
 * nothing). The caller answers the same either way.
 */
export async function createPasswordResetForEmail(
  db: Kysely<Database>,
  input: { email: string; tokenHash: string; now: Date },
): Promise<ResetFor | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where("email", "=", normaliseEmail(input.email))
      .executeTakeFirst();
    if (!user) return undefined;
    await insertReset(trx, { userId: user.id, tokenHash: input.tokenHash, createdByUserId: null, now: input.now });
    await recordAuditEvent(trx, {
      actorUserId: user.id,
      action: "password-reset-requested",
      subject: user.id,
      now: input.now.toISOString(),
    });
    return { userId: user.id, email: user.email, displayName: user.display_name };
  });
}

/**
 * A reset link an owner makes for a member of their workspace (for servers without email).
 * Undefined when the caller is not an owner of the workspace or the person is not a member.
 */
export async function createPasswordResetForMember(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  input: { memberUserId: string; tokenHash: string; now: Date },
): Promise<ResetFor | undefined> {
  return inTransaction(db, async (trx) => {
    const member = await trx
      .selectFrom("workspace_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id", "u.email", "u.display_name"])
      .where("m.workspace_id", "=", scope.workspaceId)
      .where("m.user_id", "=", input.memberUserId)
      .where((eb) => eb.exists(ownershipOf(trx, scope)))
      .executeTakeFirst();
    if (!member) return undefined;
    await insertReset(trx, {
      userId: member.id,
      tokenHash: input.tokenHash,
      createdByUserId: scope.userId,
      now: input.now,
    });
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "password-reset-link-made",
      subject: member.id,
      detail: { name: member.display_name, email: member.email },
      now: input.now.toISOString(),
    });
    return { userId: member.id, email: member.email, displayName: member.display_name };
  });
}

export type ResetLinkStatus = "valid" | "expired" | "used";

/** What a reset link's token opens: its state and whose it is; undefined for an unknown token. */
export async function findPasswordReset(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ status: ResetLinkStatus; email: string } | undefined> {
  const row = await db
    .selectFrom("password_resets as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["r.used_at", "r.expires_at", "u.email"])
    .where("r.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const status = row.used_at ? "used" : row.expires_at <= now.toISOString() ? "expired" : "valid";
  return { status, email: row.email };
}

/**
 * Sets a new password with a reset link, whole or not at all: the link (and every other unused
 * link of the person) is used up, every session of theirs ends, a new one starts, and it is
 * recorded. "gone" when the link is unknown, expired or already used.
 */
export async function resetPassword(
  db: Kysely<Database>,
  input: { tokenHash: string; passwordHash: string; session: Omit<NewSession, "userId">; now: Date },
): Promise<{ userId: string; sessionsEnded: number } | "gone"> {
  const at = input.now.toISOString();
  return inTransaction(db, async (trx) => {
    const used = await trx
      .updateTable("password_resets")
      .set({ used_at: at })
      .where("token_hash", "=", input.tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .returning("user_id")
      .executeTakeFirst();
    if (!used) return "gone";
    const userId = used.user_id;
    await trx
      .updateTable("password_resets")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
    await trx
      .updateTable("users")
      .set({ password_hash: input.passwordHash, updated_at: at })
      .where("id", "=", userId)
      .execute();
    const ended = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
    await insertSession(trx, { ...input.session, userId }, input.now);
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: "password-reset",
      subject: userId,
      detail: { sessionsEnded: Number(ended.numDeletedRows), device: input.session.userAgent },
      now: at,
    });
    return { userId, sessionsEnded: Number(ended.numDeletedRows) };
  });
}
