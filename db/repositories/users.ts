/**
 * People with accounts. Emails are stored trimmed and in lower case (`normaliseEmail`), so
 * "Ana@Example.org" and "ana@example.org" are one account; the unique index on `email` makes
 * that hold even when two sign-ups race.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";
import { insertSession, type NewSession } from "./sessions";

type Db = Kysely<Database> | Transaction<Database>;

/** The form an email is stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type User = {
  id: string;
  email: string;
  displayName: string;
  /** Null for an account without a password (later: single sign-on). */
  passwordHash: string | null;
  createdAt: string;
};

function toUser(row: {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: string;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

const USER_COLUMNS = ["id", "email", "display_name", "password_hash", "created_at"] as const;

/** The account for an email, in whatever case it was typed. */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom("users")
    .select(USER_COLUMNS)
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Db, userId: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", userId).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export type NewAccount = { userId: string; workspaceId: string };

/**
 * Signing up, whole or not at all: the person, their workspace, their membership as its owner,
 * their first session and the record of each. Returns "email-taken", writing nothing, when an
 * account already has that email (checked by the unique index, so two sign-ups racing for one
 * email cannot both succeed).
 */
export async function createAccount(
  db: Kysely<Database>,
  input: {
    email: string;
    displayName: string;
    passwordHash: string | null;
    workspaceName: string;
    session: Omit<NewSession, "userId">;
    now?: Date;
  },
): Promise<NewAccount | "email-taken"> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const ids: NewAccount = { userId: randomUUID(), workspaceId: randomUUID() };
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto("users")
      .values({
        id: ids.userId,
        email: normaliseEmail(input.email),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return "email-taken";
    await trx
      .insertInto("workspaces")
      .values({ id: ids.workspaceId, name: input.workspaceName, created_at: at })
      .execute();
    await trx
      .insertInto("workspace_members")
      .values({ workspace_id: ids.workspaceId, user_id: ids.userId, role: "owner", created_at: at })
      .execute();
    await insertSession(trx, { ...input.session, userId: ids.userId }, now);
    await recordAuditEvent(trx, { actorUserId: ids.userId, action: "account-created", subject: ids.userId, now: at });
    await recordAuditEvent(trx, {
      workspaceId: ids.workspaceId,
      actorUserId: ids.userId,
      action: "workspace-created",
      subject: ids.workspaceId,
      detail: { name: input.workspaceName },
      now: at,
    });
    await recordAuditEvent(trx, {
      actorUserId: ids.userId,
      action: "signed-in",
      detail: { device: input.session.userAgent, signUp: true },
      now: at,
    });
    return ids;
  });
}
