import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";

export type TestDatabase = { db: Kysely<Database>; file: string; destroy: () => Promise<void> };

/** A fresh, migrated SQLite file in a temporary folder: real SQL, real constraints, no sharing. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "readiness-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(`file:${file}`);
  await migrateToLatest(db);
  return {
    db,
    file,
    destroy: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
