import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";

export type TestDatabase = {
  db: Kysely<Database>;
  /** The DATABASE_URL that opens this database again (another connection, another process). */
  url: string;
  kind: "sqlite" | "postgres";
  destroy: () => Promise<void>;
};

/** The PostgreSQL server the tests may use (`.ci/postgres-cluster.sh` starts one), if any. */
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** The database tests' default: PostgreSQL in `npm run test:postgres`'s run, SQLite otherwise. */
export const TEST_DATABASE_KIND: "sqlite" | "postgres" =
  process.env.TEST_DATABASE_KIND === "postgres" ? "postgres" : "sqlite";
const DEFAULT_KIND = TEST_DATABASE_KIND;

export type EmptyDatabase = {
  /** The DATABASE_URL to give the app or a server process. */
  url: string;
  kind: "sqlite" | "postgres";
  /** The SQLite file, for tests that look at the file itself. */
  file?: string;
  /** Removes the database (after everything using it has closed it). */
  drop: () => Promise<void>;
};

/**
 * A new database with nothing in it, not even tables, for the app or a server process to open
 * and migrate: a SQLite file in a temporary folder, or a new database on the PostgreSQL server.
 */
export async function createEmptyDatabase(kind: "sqlite" | "postgres" = DEFAULT_KIND): Promise<EmptyDatabase> {
  if (kind === "postgres") {
    const name = await createPostgresDatabase();
    return { url: postgresUrl(name), kind, drop: () => dropPostgresDatabase(name) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "readiness-test-"));
  const file = path.join(dir, "test.sqlite");
  return {
    url: `file:${file}`,
    kind,
    file,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh, migrated database: real SQL, real constraints, no sharing. A SQLite file in a
 * temporary folder by default; in the PostgreSQL run (`TEST_DATABASE_KIND=postgres`, set by
 * `npm run test:postgres`), a new database on the server at `TEST_DATABASE_URL`, dropped again by
 * `destroy`.
 */
export async function createTestDatabase(kind: "sqlite" | "postgres" = DEFAULT_KIND): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(kind);
  const db = openDatabase(empty.url);
  await migrateToLatest(db);
  return {
    db,
    url: empty.url,
    kind,
    destroy: async () => {
      await db.destroy();
      await empty.drop();
    },
  };
}

async function createPostgresDatabase(): Promise<string> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL names no PostgreSQL server");
  const name = `readiness_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  return name;
}

function postgresUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database even while something still holds a connection to it. */
async function dropPostgresDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Runs one statement on the test server's own database (creating and dropping databases). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
