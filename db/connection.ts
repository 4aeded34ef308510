import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export const DEFAULT_DATABASE_URL = "file:./data/engagement-readiness.sqlite";

export type DatabaseLocation = { kind: "sqlite"; filename: string } | { kind: "postgres"; url: string };

/**
 * Reads a DATABASE_URL. `postgres://` or `postgresql://` selects PostgreSQL; anything else is a
 * SQLite file: `file:relative/or/absolute/path`, `sqlite:path`, a bare path, or `:memory:`.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  const value = (url ?? "").trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      const parsed = new URL(value);
      if (!parsed.hostname && !parsed.searchParams.get("host")) throw new Error("no host");
    } catch {
      throw new Error(
        "DATABASE_URL starts with postgres:// but is not a valid address, such as postgres://user:password@host:5432/database.",
      );
    }
    return { kind: "postgres", url: value };
  }
  if (value === ":memory:") return { kind: "sqlite", filename: value };
  const withoutScheme = value.replace(/^(file|sqlite):(\/\/)?/i, "");
  if (!withoutScheme) throw new Error(`DATABASE_URL "${value}" does not name a file.`);
  return { kind: "sqlite", filename: path.resolve(withoutScheme) };
}

/**
 * The SQLite file at DATABASE_URL, for the commands that copy the file itself (backup and
 * restore). A PostgreSQL database is backed up with PostgreSQL's own tools (`pg_dump`).
 */
export function sqliteFileOf(url: string | undefined, action: string): string {
  const location = parseDatabaseUrl(url);
  if (location.kind === "postgres") {
    throw new Error(
      `DATABASE_URL is a PostgreSQL database: ${action} it with PostgreSQL's own tools (pg_dump and pg_restore). This command copies a SQLite file.`,
    );
  }
  return location.filename;
}

/** Where the database is, for logs and messages: never the password. */
export function describeDatabase(location: DatabaseLocation): string {
  if (location.kind === "sqlite") return location.filename;
  const parsed = new URL(location.url);
  const database = parsed.pathname.replace(/^\//, "") || "postgres";
  return `PostgreSQL ${parsed.hostname || parsed.searchParams.get("host")}:${parsed.port || 5432}/${database}`;
}

/** PostgreSQL: connections in each process's pool unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;
/** PostgreSQL: how long a statement may run, and a transaction sit idle, before it is ended. */
const STATEMENT_TIMEOUT_MS = 10_000;

export type OpenOptions = {
  /** PostgreSQL only: the most connections this process opens (DATABASE_POOL_SIZE). */
  poolSize?: number;
};

/**
 * Opens the database and sets its pragmas.
 * - WAL: readers do not block the writer, and commits are cheap.
 * - synchronous=NORMAL: with WAL this never corrupts the file; a power cut can lose only the
 *   last few commits, an acceptable trade for a form-filling app (FULL doubles fsyncs per save).
 * - foreign_keys=ON: SQLite leaves them off by default.
 * - busy_timeout: wait up to 5 s for another process (a migration, a backup) instead of failing.
 */
export function openDatabase(url: string | undefined, options: OpenOptions = {}): Kysely<Database> {
  const location = parseDatabaseUrl(url);
  if (location.kind === "postgres") return openPostgres(location.url, options.poolSize ?? DEFAULT_POOL_SIZE);
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

/**
 * PostgreSQL through Kysely's own dialect and a `pg` pool.
 * - Every statement is cancelled after 10 s, and a transaction left idle for as long is ended, so a stuck query or client never holds locks for ever.
 * - `application_name` names the app in `pg_stat_activity`.
 * - A connection that drops is replaced; the error events of the pool and of every connection
 *   are handled so that a drop never takes the process down (pg emits it on a connection in
 *   use as well as on the query, and an unhandled one would end the process). The query in
 *   progress fails, and `inTransaction` (db/transaction.ts) runs its transaction again.
 */
function openPostgres(url: string, poolSize: number): Kysely<Database> {
  const pool = openPgPool(url, {
    max: poolSize,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    applicationName: "engagement-readiness",
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A `pg` pool as the app uses one (the database's, and the rate limits' own): the statement
 * timeout also ends a transaction left idle that long, and a dropped connection, idle or in use,
 * never takes the process down: pg removes it, and the query in progress fails with the error.
 */
export function openPgPool(
  url: string,
  options: {
    max: number;
    statementTimeoutMs: number;
    applicationName: string;
    /**
     * False: a commit returns before its record is flushed to disk, so it costs no disk flush.
     * Only for data that may lose its last fraction of a second when the server crashes (rate
     * counters), never for answers. Default true.
     */
    synchronousCommit?: boolean;
  },
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs,
    application_name: options.applicationName,
    ...(options.synchronousCommit === false ? { options: "-c synchronous_commit=off" } : {}),
  });
  pool.on("error", () => {
    // An idle connection failed (the server restarted, the network dropped): pg removes it from
    // the pool and the next query opens a new one.
  });
  pool.on("connect", (client) => {
    client.on("error", () => {
      // A connection in use dropped: its query fails with the same error, and the pool drops it.
    });
  });
  return pool;
}
