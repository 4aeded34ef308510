/**
 * Sign-in sessions. The browser's cookie holds a random value; this table holds only its SHA-256,
 * so a copy of the database (a backup, a leak) signs nobody in. A session lasts 30 days from its
 * last use; using it moves `last_used_at` and the expiry on, at most once a minute so that
 * reading pages rarely writes. Ending a session deletes its row, so it stops working at once.
 */
import type { DeleteQueryBuilder, DeleteResult, Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";

type Db = Kysely<Database> | Transaction<Database>;

/** How long a session lasts after it was last used. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** `last_used_at` is written at most this often per session. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export type NewSession = {
  /** SHA-256 (hex) of the cookie's value. */
  sessionId: string;
  userId: string;
  /** A short summary ("Chrome on Linux"), never the raw User-Agent header. */
  userAgent: string | null;
};

function expiryFrom(now: Date): string {
  return new Date(now.getTime() + SESSION_TTL_MS).toISOString();
}

/** Writes a session row: part of signing in and of creating an account. */
export async function insertSession(db: Db, session: NewSession, now: Date): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.sessionId,
      user_id: session.userId,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: expiryFrom(now),
      user_agent: session.userAgent,
    })
    .execute();
}

/**
 * Signs a person in on a new session (a fresh id every time), clears their expired sessions and
 * records it.
 */
export async function startSession(db: Kysely<Database>, session: NewSession, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom("sessions")
      .where("user_id", "=", session.userId)
      .where("expires_at", "<=", now.toISOString())
      .execute();
    await insertSession(trx, session, now);
    await recordAuditEvent(trx, {
      actorUserId: session.userId,
      action: "signed-in",
      detail: { device: session.userAgent },
      now: now.toISOString(),
    });
  });
}

export type ActiveSession = {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
};

/**
 * The session whose id (the cookie value's hash) this is, with its person, if it has not expired
 * or been ended. Using it extends it, writing at most once a minute.
 */
export async function findActiveSession(
  db: Db,
  sessionId: string,
  now: Date = new Date(),
): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "u.email", "u.display_name", "s.created_at", "s.last_used_at", "s.expires_at"])
    .where("s.id", "=", sessionId)
    .where("s.expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  const session: ActiveSession = {
    sessionId: row.id,
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
  if (now.getTime() - Date.parse(row.last_used_at) >= SESSION_TOUCH_INTERVAL_MS) {
    session.lastUsedAt = now.toISOString();
    session.expiresAt = expiryFrom(now);
    await db
      .updateTable("sessions")
      .set({ last_used_at: session.lastUsedAt, expires_at: session.expiresAt })
      .where("id", "=", sessionId)
      .execute();
  }
  return session;
}

export type SessionSummary = {
  sessionId: string;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
};

/** A person's sessions that still work, most recently used first. */
export async function listSessions(db: Db, userId: string, now: Date = new Date()): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "user_agent", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now.toISOString())
    .orderBy("last_used_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    sessionId: row.id,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
}

/**
 * Deletes the person's sessions that `narrow` picks and records each with `action`, in one
 * transaction. Returns how many ended.
 */
async function endSessionsWhere(
  db: Kysely<Database>,
  input: { userId: string; action: "signed-out" | "session-revoked"; now?: Date; detail?: Record<string, unknown> },
  narrow: (query: DeleteSessions) => DeleteSessions,
): Promise<number> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const ended = await narrow(trx.deleteFrom("sessions").where("user_id", "=", input.userId))
      .returning("user_agent")
      .execute();
    for (const session of ended) {
      await recordAuditEvent(trx, {
        actorUserId: input.userId,
        action: input.action,
        detail: { device: session.user_agent, ...input.detail },
        now,
      });
    }
    return ended.length;
  });
}

type DeleteSessions = DeleteQueryBuilder<Database, "sessions", DeleteResult>;

/**
 * Ends one of the person's own sessions: "signed-out" for the one in use, "session-revoked" for
 * another. Returns false when the session is not theirs or has already ended.
 */
export async function endSession(
  db: Kysely<Database>,
  input: { userId: string; sessionId: string; action: "signed-out" | "session-revoked"; now?: Date },
): Promise<boolean> {
  return (await endSessionsWhere(db, input, (query) => query.where("id", "=", input.sessionId))) === 1;
}

/** Ends every session of the person except `keepSessionId`; returns how many ended. */
export async function endOtherSessions(
  db: Kysely<Database>,
  input: { userId: string; keepSessionId: string; now?: Date },
): Promise<number> {
  return endSessionsWhere(db, { ...input, action: "session-revoked", detail: { allOthers: true } }, (query) =>
    query.where("id", "!=", input.keepSessionId),
  );
}
