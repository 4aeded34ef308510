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
// Rendering PDFs ahead after finishing or changing an assessment would start the app's worker
// pool in every test file that finishes one, and outlive the file's database: off, unless a
// test installs its own (test/integration/pdf-store.test.ts).
globalThis.__pdfRenderAhead = {
  schedule: () => undefined,
  flush: async () => undefined,
  close: async () => undefined,
  scheduled: 0,
};
// Tests that break things on purpose (a crashing PDF worker) would fill the output otherwise.
process.env.LOG_LEVEL ??= "warn";

afterAll(async () => {
  await globalThis.__pdfRenderAhead?.close();
  const db = await globalThis.__engagementDb;
  await db?.destroy();
  globalThis.__engagementDb = undefined;
  rmSync(dir, { recursive: true, force: true });
});
