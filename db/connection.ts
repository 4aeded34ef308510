import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";

export const DEFAULT_DATABASE_URL = "file:./data/engagement-readiness.sqlite";

export type DatabaseLocation = { kind: "sqlite"; filename: string };

/**
 * Reads a DATABASE_URL. Accepts `file:relative/or/absolute/path`, `sqlite:path`, a bare path,
 * or `:memory:`. PostgreSQL URLs are recognised so that the message is clear until the
 * Postgres dialect is added.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  const value = (url ?? "").trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) {
    throw new Error("DATABASE_URL points to PostgreSQL, which this version does not support. Use a SQLite file path.");
  }
  if (value === ":memory:") return { kind: "sqlite", filename: value };
  const withoutScheme = value.replace(/^(file|sqlite):(\/\/)?/i, "");
  if (!withoutScheme) throw new Error(`DATABASE_URL "${value}" does not name a file.`);
  return { kind: "sqlite", filename: path.resolve(withoutScheme) };
}

/**
 * Opens the database and sets its pragmas.
 * - WAL: readers do not block the writer, and commits are cheap.
 * - synchronous=NORMAL: with WAL this never corrupts the file; a power cut can lose only the
 *   last few commits, an acceptable trade for a form-filling app (FULL doubles fsyncs per save).
 * - foreign_keys=ON: SQLite leaves them off by default.
 * - busy_timeout: wait up to 5 s for another process (a migration, a backup) instead of failing.
 */
export function openDatabase(url: string | undefined): Kysely<Database> {
  const location = parseDatabaseUrl(url);
  if (location.filename !== ":memory:") {
    mkdirSync(path.dirname(location.filename), { recursive: true });
  }
  const sqlite = new SQLite(location.filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Enough for every distinct query the app makes, with room for lists of varying length. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with each SQL text prepared once and reused: Kysely asks
 * for a fresh statement for every query, and preparing them was a visible share of each
 * request's time (bench:load). Safe to share: Kysely runs one query at a time on its one
 * connection, so no statement is used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        // Past the bound (queries built with lists of every length), start again.
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
