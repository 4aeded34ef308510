/**
 * Every transaction the app writes with, run so that it is whole or not at all, and retried when
 * the database itself asks for that:
 *
 * - PostgreSQL: a serialization failure (40001) or a deadlock (40P01), where the database rolled
 *   the transaction back and says to run it again; and a connection that dropped or a server
 *   that was restarting (class 08, 57P01 to 57P03, or the driver's own connection errors), where
 *   the transaction never committed.
 * - SQLite: another process held the file for longer than the busy timeout (SQLITE_BUSY).
 *
 * A failed attempt is rolled back before the next, so nothing is ever half written. After the
 * last attempt the error is thrown as a `DatabaseUnavailableError`, saying plainly that nothing
 * was saved. Every other error (a broken constraint, a bug) is thrown at once, unchanged.
 *
 * NOTE: a connection that drops while COMMIT is on its way cannot say whether the commit
 * happened. The app's transactions are safe to run twice: answers and progress are upserts of
 * the same values, and a new assessment or link has new random ids.
 */
import type { Kysely, Transaction } from "kysely";

export type TransactionOptions = {
  /** Attempts in all, the first included; default 3. */
  attempts?: number;
  /** Wait before the second attempt, doubled each time, with jitter; default 20 ms. */
  backoffMs?: number;
};

/** Thrown when a transaction still failed for a transient reason after its last attempt. */
export class DatabaseUnavailableError extends Error {
  constructor(attempts: number, cause: unknown) {
    super(
      `The database could not complete the change after ${attempts} attempts, so nothing was saved: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = "DatabaseUnavailableError";
  }
}

const RETRY_CODES = new Set(["40001", "40P01", "57P01", "57P02", "57P03", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"]);
const CONNECTION_ERRORS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/** Whether an error means "run the whole transaction again": see the module's comment. */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (RETRY_CODES.has(code) || CONNECTION_ERRORS.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated unexpectedly|Client has encountered a connection error|connection timeout/i.test(
    message,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 20;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= attempts) throw new DatabaseUnavailableError(attempts, error);
      await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
