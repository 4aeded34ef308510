// Runs before each test file: route modules open the database named by DATABASE_URL when first
// imported, so every test file gets its own fresh SQLite file, removed when the file's tests end.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "readiness-app-test-"));
process.env.DATABASE_URL = `file:${path.join(dir, "app.sqlite")}`;
globalThis.__engagementDb = undefined;
// The configuration and logger are read once per process; each test file starts afresh.
globalThis.__appConfig = undefined;
globalThis.__appLogger = undefined;
// Tests that break things on purpose (a crashing PDF worker) would fill the output otherwise.
process.env.LOG_LEVEL ??= "warn";

afterAll(async () => {
  const db = await globalThis.__engagementDb;
  await db?.destroy();
  globalThis.__engagementDb = undefined;
  rmSync(dir, { recursive: true, force: true });
});
