import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DATABASE_KIND, type TestDatabase } from "../test/support/test-database";
import { DatabaseUnavailableError, inTransaction, isTransient } from "./transaction";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

const transient = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });

async function organisationIds(): Promise<string[]> {
  return (await t.db.selectFrom("organisations").select("id").orderBy("id").execute()).map((row) => row.id);
}

function addOrganisation(id: string) {
  const now = new Date().toISOString();
  return { id, name: "Shire of Retries", created_at: now, updated_at: now };
}

describe("inTransaction", () => {
  it("runs a transaction again after a serialization failure or deadlock, and commits it once", async () => {
    for (const code of ["40001", "40P01"]) {
      let attempts = 0;
      const result = await inTransaction(
        t.db,
        async (trx) => {
          attempts += 1;
          await trx
            .insertInto("organisations")
            .values(addOrganisation(`org-${code}`))
            .execute();
          if (attempts === 1) throw transient(code);
          return "saved";
        },
        { backoffMs: 1 },
      );
      expect(result).toBe("saved");
      expect(attempts).toBe(2);
    }
    expect(await organisationIds()).toEqual(["org-40001", "org-40P01"]);
  });

  it("gives up after the last attempt with a plain message, having written nothing", async () => {
    let attempts = 0;
    const failing = inTransaction(
      t.db,
      async (trx) => {
        attempts += 1;
        await trx
          .insertInto("organisations")
          .values(addOrganisation(`org-${attempts}`))
          .execute();
        throw transient("57P01");
      },
      { attempts: 3, backoffMs: 1 },
    );
    await expect(failing).rejects.toThrow(DatabaseUnavailableError);
    await expect(failing).rejects.toThrow(/could not complete the change after 3 attempts, so nothing was saved/);
    expect(attempts).toBe(3);
    expect(await organisationIds()).toEqual([]);
  });

  it("throws any other error at once, unchanged, having written nothing", async () => {
    let attempts = 0;
    const broken = inTransaction(t.db, async (trx) => {
      attempts += 1;
      await trx.insertInto("organisations").values(addOrganisation("org-a")).execute();
      // A broken constraint: the same primary key twice.
      await trx.insertInto("organisations").values(addOrganisation("org-a")).execute();
    });
    await expect(broken).rejects.not.toThrow(DatabaseUnavailableError);
    await expect(broken).rejects.toThrow();
    expect(attempts).toBe(1);
    expect(await organisationIds()).toEqual([]);
  });

  it("knows which errors mean 'try again'", () => {
    for (const code of ["40001", "40P01", "57P01", "08006", "08003", "SQLITE_BUSY", "ECONNRESET"]) {
      expect(isTransient(transient(code)), code).toBe(true);
    }
    expect(isTransient(new Error("Connection terminated unexpectedly"))).toBe(true);
    for (const code of ["23505", "23503", "42P01", "SQLITE_CONSTRAINT_PRIMARYKEY"]) {
      expect(isTransient(transient(code)), code).toBe(false);
    }
    expect(isTransient(new Error("boom"))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });

  it.runIf(TEST_DATABASE_KIND === "postgres")(
    "on PostgreSQL, runs the transaction again on a new connection when its connection is cut mid-way",
    async () => {
      let attempts = 0;
      await inTransaction(
        t.db,
        async (trx) => {
          attempts += 1;
          await trx.insertInto("organisations").values(addOrganisation("org-cut")).execute();
          // The server ends this very connection, as a failover or a restart would.
          if (attempts === 1) await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx);
        },
        { backoffMs: 1 },
      );
      expect(attempts).toBe(2);
      expect(await organisationIds()).toEqual(["org-cut"]);
    },
  );
});
