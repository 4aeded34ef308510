// Runs before each test file: route modules open the database named by DATABASE_URL when first
// imported, so every test file gets its own fresh database, removed when the file's tests end: a
// SQLite file, or in the PostgreSQL run (`npm run test:postgres`) a new PostgreSQL database.
import { afterAll } from "vitest";
import { createEmptyDatabase } from "./support/test-database";

const database = await createEmptyDatabase();
process.env.DATABASE_URL = database.url;
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
  await database.drop();
});
