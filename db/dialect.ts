/**
 * Every difference between SQLite and PostgreSQL that the app's SQL meets, in one place. The
 * repositories and migrations call these instead of testing the dialect themselves, so the
 * same queries and the same migration list run on both.
 *
 * - Upserts need nothing here: `INSERT ... ON CONFLICT (...) DO UPDATE/NOTHING`, with a `WHERE` on
 *   the update and `RETURNING`, is the same SQL on both (SQLite 3.35 and later).
 * - Timestamps are ISO-8601 text in UTC (`new Date().toISOString()`), so they sort and compare as
 *   text identically on both, and read back as the same string.
 * - JSON is text written with `JSON.stringify` and read with `JSON.parse`; no query looks inside it.
 * - Binary columns are `blob` in SQLite and `bytea` in PostgreSQL; both give a Buffer back.
 * - Counts: `pg` returns a 64-bit count as a string, better-sqlite3 as a number.
 * - Case-insensitive search: SQLite's `like` ignores case (ASCII only), PostgreSQL's does not.
 * - A unique index refusing a row: SQLite says "UNIQUE constraint failed", PostgreSQL gives code 23505.
 */
import {
  PostgresAdapter,
  sql,
  type Expression,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  type Transaction,
} from "kysely";

export type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used by migrations, which work on any schema
type AnyDb = Kysely<any> | Transaction<any>;

/** Which database a connection talks to. */
export function dialectOf(db: AnyDb): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** The column type for a file's bytes. */
export function binaryColumnType(db: AnyDb): "blob" | "bytea" {
  return dialectOf(db) === "postgres" ? "bytea" : "blob";
}

/** A count or sum as a number, whichever driver read it. */
export function countFrom(value: number | bigint | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const count = Number(value);
  if (!Number.isFinite(count)) throw new Error(`not a count: ${String(value)}`);
  return count;
}

/** `like`'s wildcards in what someone typed, escaped so they match themselves (with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * True where `column` contains `text`, ignoring case: for searching names. Both sides are
 * lower-cased, so the result is the same on both databases for every letter SQLite's `lower`
 * knows (A to Z); PostgreSQL also folds other alphabets' capitals.
 */
export function containsIgnoringCase(column: Expression<string | null>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** Whether a write failed because a unique index refused it, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : "";
  return /UNIQUE constraint failed|23505|duplicate key/i.test(text);
}
