/**
 * `npm run test:postgres`: the whole suite again on PostgreSQL (unit, repository and integration
 * tests, the server tests and the end-to-end tests), when TEST_DATABASE_URL names a server
 * (`.ci/run` starts a throwaway one with `.ci/postgres-cluster.sh`). Each test file, server and
 * test database gets a new database on that server, dropped afterwards. Needs the production
 * build (`npm run build`), as the server and end-to-end tests do.
 *
 * Without TEST_DATABASE_URL it says plainly that the PostgreSQL run was skipped, and succeeds.
 */
import { spawnSync } from "node:child_process";

/**
 * Test files that never open a database, left out of the second run: they would only repeat
 * themselves. The scoring module is pure, and these PDF tests render from fixtures in memory.
 * (Every other test file runs on PostgreSQL; a test added to one of these that does open the
 * database still runs on SQLite.)
 */
const NO_DATABASE = [
  "scoring/**",
  "test/integration/pdf-{pool,report,summary,tagged,hostile-input,file-name,text-layout-cache}.test.{ts,tsx}",
  "test/integration/pdf-layout-*.test.ts",
];

const url = process.env.TEST_DATABASE_URL?.trim();
if (!url) {
  console.log(
    "\nPostgreSQL run SKIPPED: TEST_DATABASE_URL is not set, so the suite ran on SQLite only (see README, Testing).\n",
  );
} else {
  const runs: [string, string[]][] = [
    [
      "unit, repository and integration tests",
      ["vitest", "run", ...NO_DATABASE.flatMap((glob) => ["--exclude", glob])],
    ],
    ["server tests", ["vitest", "run", "--config", "test/server/vitest.config.ts"]],
    ["end-to-end tests", ["vitest", "run", "--config", "test/e2e/vitest.config.ts"]],
  ];
  for (const [name, args] of runs) {
    console.log(`\nOn PostgreSQL (TEST_DATABASE_URL): the ${name}.\n`);
    const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, TEST_DATABASE_KIND: "postgres" } });
    if (run.status !== 0) {
      console.error(`\nOn PostgreSQL, the ${name} failed.`);
      process.exitCode = run.status ?? 1;
      break;
    }
  }
}
