/**
 * Two-step sign-in: a person's authenticator-app key, their recovery codes (stored only as
 * hashes, each used once) and sign-ins waiting for a code. Everything that turns two-step on or
 * off, makes codes or uses one is written in one transaction with its audit event. Which code is
 * right is decided in app/accounts/two-step.server.ts; this module stores what it decided, and
 * makes each code count once even when two requests race (a conditional update, not a read and
 * a write).
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";
import { insertSession, type NewSession } from "./sessions";

type Db = Kysely<Database> | Transaction<Database>;

/** How long a sign-in may wait for its code after the password was right. */
export const TWO_STEP_CHALLENGE_TTL_MS = 5 * 60 * 1000;

export type TwoStep = {
  secret: string;
  createdAt: string;
  /** Null while being set up. */
  confirmedAt: string | null;
  lastUsedStep: number | null;
};

/** The person's two-step record, set up or being set up, or undefined if they have none. */
export async function findTwoStep(db: Db, userId: string): Promise<TwoStep | undefined> {
  const row = await db
    .selectFrom("two_step_settings")
    .select(["secret", "created_at", "confirmed_at", "last_used_step"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    secret: row.secret,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
  };
}

/** Whether the person has two-step on (set up and confirmed). */
export async function hasTwoStep(db: Db, userId: string): Promise<boolean> {
  return (await findTwoStep(db, userId))?.confirmedAt != null;
}

/**
 * Starts setting up with a new key, replacing one still being set up. Returns false, writing
 * nothing, when two-step is already on (turning it off comes first).
 */
export async function beginTwoStepSetUp(
  db: Kysely<Database>,
  input: { userId: string; secret: string; now?: Date },
): Promise<boolean> {
  const at = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const existing = await findTwoStep(trx, input.userId);
    if (existing?.confirmedAt) return false;
    await trx.deleteFrom("two_step_settings").where("user_id", "=", input.userId).execute();
    await trx
      .insertInto("two_step_settings")
      .values({ user_id: input.userId, secret: input.secret, created_at: at, confirmed_at: null, last_used_step: null })
      .execute();
    return true;
  });
}

async function insertRecoveryCodes(trx: Transaction<Database>, userId: string, codeHashes: string[], at: string) {
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("recovery_codes")
    .values(
      codeHashes.map((codeHash) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: codeHash,
        created_at: at,
        used_at: null,
      })),
    )
    .execute();
}

/**
 * Turns two-step on once the app gave a right code for `step` with the key being set up
 * (`secret`, so a set-up restarted in another tab meanwhile is not confirmed by the old one),
 * and stores the recovery codes' hashes. Returns false, writing nothing, if that key is no
 * longer the one being set up.
 */
export async function confirmTwoStep(
  db: Kysely<Database>,
  input: { userId: string; secret: string; step: number; codeHashes: string[]; now?: Date },
): Promise<boolean> {
  const at = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("two_step_settings")
      .set({ confirmed_at: at, last_used_step: input.step })
      .where("user_id", "=", input.userId)
      .where("secret", "=", input.secret)
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await insertRecoveryCodes(trx, input.userId, input.codeHashes, at);
    await recordAuditEvent(trx, {
      actorUserId: input.userId,
      action: "two-step-turned-on",
      subject: input.userId,
      now: at,
    });
    await recordAuditEvent(trx, {
      actorUserId: input.userId,
      action: "recovery-codes-made",
      subject: input.userId,
      detail: { count: input.codeHashes.length },
      now: at,
    });
    return true;
  });
}

/**
 * Records that a code for `step` was accepted, if no code for that step or a later one was
 * accepted before. Returns false for a code used already (a replay).
 */
export async function acceptTimeStep(db: Db, input: { userId: string; step: number }): Promise<boolean> {
  const updated = await db
    .updateTable("two_step_settings")
    .set({ last_used_step: input.step })
    .where("user_id", "=", input.userId)
    .where("confirmed_at", "is not", null)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", input.step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** New recovery codes in place of all the old ones. Returns false if two-step is not on. */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  input: { userId: string; codeHashes: string[]; now?: Date },
): Promise<boolean> {
  const at = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await hasTwoStep(trx, input.userId))) return false;
    await insertRecoveryCodes(trx, input.userId, input.codeHashes, at);
    await recordAuditEvent(trx, {
      actorUserId: input.userId,
      action: "recovery-codes-made",
      subject: input.userId,
      detail: { count: input.codeHashes.length, replaced: true },
      now: at,
    });
    return true;
  });
}

/** How many of the person's recovery codes are still unused. */
export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Marks the recovery code with this hash used, if it is the person's and unused, and records it.
 * Returns how many unused codes remain, or undefined if the code was not one of theirs or was
 * used already.
 */
export async function useRecoveryCode(
  db: Db,
  input: { userId: string; codeHash: string; now?: Date },
): Promise<number | undefined> {
  const at = (input.now ?? new Date()).toISOString();
  const updated = await db
    .updateTable("recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", input.userId)
    .where("code_hash", "=", input.codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return undefined;
  const remaining = await countUnusedRecoveryCodes(db, input.userId);
  await recordAuditEvent(db, {
    actorUserId: input.userId,
    action: "recovery-code-used",
    subject: input.userId,
    detail: { remaining },
    now: at,
  });
  return remaining;
}

/** Turns two-step off: the key, the recovery codes and any sign-in waiting for a code go. */
export async function turnOffTwoStep(db: Kysely<Database>, input: { userId: string; now?: Date }): Promise<boolean> {
  const at = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const on = await hasTwoStep(trx, input.userId);
    await trx.deleteFrom("two_step_settings").where("user_id", "=", input.userId).execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", input.userId).execute();
    await trx.deleteFrom("two_step_challenges").where("user_id", "=", input.userId).execute();
    if (on) {
      await recordAuditEvent(trx, {
        actorUserId: input.userId,
        action: "two-step-turned-off",
        subject: input.userId,
        now: at,
      });
    }
    return on;
  });
}

export type TwoStepChallenge = { challengeId: string; userId: string; nextPath: string | null; expiresAt: string };

/** A sign-in waiting for its code, for five minutes; the person's expired ones are cleared. */
export async function createTwoStepChallenge(
  db: Db,
  input: { challengeId: string; userId: string; nextPath: string | null; now?: Date },
): Promise<TwoStepChallenge> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + TWO_STEP_CHALLENGE_TTL_MS).toISOString();
  await db
    .deleteFrom("two_step_challenges")
    .where("user_id", "=", input.userId)
    .where("expires_at", "<=", now.toISOString())
    .execute();
  await db
    .insertInto("two_step_challenges")
    .values({
      id: input.challengeId,
      user_id: input.userId,
      next_path: input.nextPath,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { challengeId: input.challengeId, userId: input.userId, nextPath: input.nextPath, expiresAt };
}

/** The waiting sign-in with this id (the cookie value's hash), if it has not expired. */
export async function findTwoStepChallenge(
  db: Db,
  challengeId: string,
  now: Date = new Date(),
): Promise<TwoStepChallenge | undefined> {
  const row = await db
    .selectFrom("two_step_challenges")
    .select(["id", "user_id", "next_path", "expires_at"])
    .where("id", "=", challengeId)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row
    ? { challengeId: row.id, userId: row.user_id, nextPath: row.next_path, expiresAt: row.expires_at }
    : undefined;
}

/** Ends a waiting sign-in without signing in (the person went back, or it was used). */
export async function deleteTwoStepChallenge(db: Db, challengeId: string): Promise<void> {
  await db.deleteFrom("two_step_challenges").where("id", "=", challengeId).execute();
}

export type TwoStepProof = { kind: "code"; step: number } | { kind: "recovery-code"; codeHash: string };

export type TwoStepSignIn =
  { ok: true; recoveryCodesLeft?: number } | { ok: false; reason: "expired" | "code-used" | "recovery-code-wrong" };

/**
 * Finishes a sign-in whose code (or recovery code) was right, whole or not at all: the code is
 * marked used, the waiting sign-in ends, the new session starts and it is recorded. A code used
 * before, a recovery code not theirs or used, or a waiting sign-in gone (expired, or finished in
 * another tab) signs nobody in.
 */
export async function completeTwoStepSignIn(
  db: Kysely<Database>,
  input: { challengeId: string; session: NewSession; proof: TwoStepProof; now?: Date },
): Promise<TwoStepSignIn> {
  const now = input.now ?? new Date();
  const userId = input.session.userId;
  return inTransaction(db, async (trx): Promise<TwoStepSignIn> => {
    const ended = await trx
      .deleteFrom("two_step_challenges")
      .where("id", "=", input.challengeId)
      .where("user_id", "=", userId)
      .where("expires_at", ">", now.toISOString())
      .executeTakeFirst();
    if (Number(ended.numDeletedRows) !== 1) return { ok: false, reason: "expired" };
    let recoveryCodesLeft: number | undefined;
    if (input.proof.kind === "code") {
      if (!(await acceptTimeStep(trx, { userId, step: input.proof.step }))) {
        throw new Refused("code-used");
      }
    } else {
      recoveryCodesLeft = await useRecoveryCode(trx, { userId, codeHash: input.proof.codeHash, now });
      if (recoveryCodesLeft === undefined) throw new Refused("recovery-code-wrong");
    }
    await trx
      .deleteFrom("sessions")
      .where("user_id", "=", userId)
      .where("expires_at", "<=", now.toISOString())
      .execute();
    await insertSession(trx, input.session, now);
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: "signed-in",
      detail: { device: input.session.userAgent, twoStep: input.proof.kind },
      now: now.toISOString(),
    });
    return recoveryCodesLeft === undefined ? { ok: true } : { ok: true, recoveryCodesLeft };
  }).catch((error: unknown) => {
    // The waiting sign-in stays (the transaction rolled back): the person may try another code.
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  });
}

/** Thrown inside the transaction to roll it back, and caught outside it. */
class Refused extends Error {
  constructor(readonly reason: "code-used" | "recovery-code-wrong") {
    super(reason);
  }
}
