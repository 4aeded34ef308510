/**
 * `npm run test:postgres`: the database tests again on PostgreSQL, when TEST_DATABASE_URL names a
 * server (`.ci/run` starts a throwaway one with `.ci/postgres-cluster.sh`). Each test gets a new
 * database on that server, dropped afterwards. Without TEST_DATABASE_URL it says plainly that
 * the PostgreSQL run was skipped, and succeeds.
 */
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL?.trim();
if (!url) {
  console.log("PostgreSQL run skipped: TEST_DATABASE_URL is not set (see README, Testing).");
} else {
  console.log("Running the database tests on PostgreSQL (TEST_DATABASE_URL).");
  const run = spawnSync("npx", ["vitest", "run", "db/", "app/pdf/pdf-store.server.test.ts"], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_KIND: "postgres" },
  });
  process.exitCode = run.status ?? 1;
}
