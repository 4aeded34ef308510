import path from "node:path";
import { sql } from "kysely";
import { COPIED_TABLES } from "./copy";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database";
import { DEFAULT_DATABASE_URL, describeDatabase, openPgPool, parseDatabaseUrl, sqliteFileOf } from "./connection";
import { migrateToLatest } from "./migrator";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, path.resolve("data/engagement-readiness.sqlite")],
    ["", path.resolve("data/engagement-readiness.sqlite")],
    ["file:./data/x.sqlite", path.resolve("data/x.sqlite")],
    ["file:/var/lib/app/db.sqlite", "/var/lib/app/db.sqlite"],
    ["sqlite:relative.db", path.resolve("relative.db")],
    ["plain/path.sqlite", path.resolve("plain/path.sqlite")],
    [":memory:", ":memory:"],
  ])("reads %j as %s", (url, filename) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: "sqlite", filename });
  });

  it.each(["postgres://u:secret@db.example.org:5432/readiness", "postgresql://u@localhost/readiness"])(
    "reads %j as PostgreSQL",
    (url) => {
      expect(parseDatabaseUrl(url)).toEqual({ kind: "postgres", url });
    },
  );

  it("refuses a PostgreSQL URL it cannot read, saying what one looks like", () => {
    expect(() => parseDatabaseUrl("postgres://")).toThrow(/postgres:\/\/user:password@host:5432\/database/);
  });

  it("names a PostgreSQL database without its password", () => {
    const named = describeDatabase(parseDatabaseUrl("postgres://app:s3cret-pass@db.example.org:6432/readiness"));
    expect(named).toBe("PostgreSQL db.example.org:6432/readiness");
    expect(named).not.toContain("s3cret");
  });

  it("sends backups and restores of a PostgreSQL database to pg_dump", () => {
    expect(() => sqliteFileOf("postgres://u@h/db", "back up")).toThrow(/pg_dump/);
    expect(sqliteFileOf("file:./data/x.sqlite", "back up")).toBe(path.resolve("data/x.sqlite"));
  });

  it("defaults to a file under ./data", () => {
    expect(DEFAULT_DATABASE_URL).toMatch(/^file:\.\/data\//);
  });
});

describe("openDatabase and migrations", () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.destroy();
  });

  it("sets WAL, foreign keys, NORMAL sync and a busy timeout on SQLite", async () => {
    t = await createTestDatabase("sqlite");
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`PRAGMA ${name}`).execute(t!.db)).rows[0] as Record<string, unknown>)[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await pragma("synchronous")).toBe(1); // NORMAL
    expect(await pragma("busy_timeout")).toBe(5000);
  });

  it("creates every table and applies nothing the second time", async () => {
    t = await createTestDatabase();
    const tables = await t.db.introspection.getTables();
    // Every table the migrations make is one db:copy copies, and no other.
    expect(tables.map((table) => table.name).sort()).toEqual(COPIED_TABLES.map((entry) => entry.table).sort());
    expect(await migrateToLatest(t.db)).toEqual([]);
  });
});

describe("openPgPool", () => {
  it.runIf(process.env.TEST_DATABASE_KIND === "postgres")(
    "commits without waiting for the disk only when asked to (rate counters), never by default",
    async () => {
      const url = process.env.TEST_DATABASE_URL ?? "";
      const pools = [
        openPgPool(url, { max: 1, statementTimeoutMs: 2000, applicationName: "test-default" }),
        openPgPool(url, { max: 1, statementTimeoutMs: 2000, applicationName: "test-async", synchronousCommit: false }),
      ];
      try {
        // The test cluster itself may run without synchronous commit (.ci/postgres-cluster.sh), so
        // what is checked is who set it: the default pool leaves the server's own setting alone.
        const settings = await Promise.all(
          pools.map(
            async (pool) =>
              (
                await pool.query<{ setting: string; source: string }>(
                  "select setting, source from pg_settings where name = 'synchronous_commit'",
                )
              ).rows[0],
          ),
        );
        expect(settings[0]?.source).not.toBe("client");
        expect(settings[1]).toEqual({ setting: "off", source: "client" });
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    },
  );
});
