// `npm run bench:save`: how long the server takes to save a step and render the next page, with
// 1,000 complete assessments in the database. Starts the production build on a free port with its
// own SQLite file, posts a valid page over loopback and follows the redirect. Run after a build.
import { spawn } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { saveAnswers } from "../../db/repositories/answers";
import { countAssessments, createAssessment } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";

const ASSESSMENTS = 1000;
const WARM_UP = 40;
const RUNS = 400;
const BUDGET_MS = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const serverBuild = path.resolve("build/server/index.js");
if (!existsSync(serverBuild)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), "readiness-bench-"));
const file = path.join(dir, "bench.sqlite");
const db = openDatabase(`file:${file}`);
await migrateToLatest(db);

const seedStart = performance.now();
const tokens: string[] = [];
for (let index = 0; index < ASSESSMENTS; index += 1) {
  const token = randomBytes(32).toString("base64url");
  const example = EXAMPLE_ORGANISATIONS[index % EXAMPLE_ORGANISATIONS.length];
  if (!example) throw new Error("no examples");
  const ids = await createAssessment(db, {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: "2026-11",
  });
  await saveAnswers(db, { ...ids, set: storedAnswersFrom(example.answers), clear: [] });
  for (const sectionId of ["organisation", "stakeholders", "engagement-model", "capacity", "commitment"]) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId, completed: true });
  }
  tokens.push(token);
}
const assessments = await countAssessments(db);
await db.destroy();
console.log(`Seeded ${assessments} complete assessments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const port = await freePort();
const server = spawn(process.execPath, [path.resolve("node_modules/@remix-run/serve/dist/cli.js"), serverBuild], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${file}` },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
for (let attempt = 0; attempt < 150; attempt += 1) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const body = new URLSearchParams({ teamPeople: "3", teamHoursPerWeek: "22.5", accountAccess: "shared-managed" });
const posts: number[] = [];
const gets: number[] = [];
const totals: number[] = [];
try {
  for (let run = 0; run < WARM_UP + RUNS; run += 1) {
    const token = tokens[(run * 7919) % tokens.length] as string;
    const startPost = performance.now();
    const saved = await fetch(`${base}/a/${token}/capacity/team`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    });
    const postMs = performance.now() - startPost;
    const next = saved.headers.get("location");
    if (saved.status !== 302 || !next) throw new Error(`Save failed: ${saved.status}`);
    const startGet = performance.now();
    const page = await fetch(`${base}${next}`);
    await page.text();
    const getMs = performance.now() - startGet;
    if (!page.ok) throw new Error(`Next page failed: ${page.status}`);
    if (run >= WARM_UP) {
      posts.push(postMs);
      gets.push(getMs);
      totals.push(postMs + getMs);
    }
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

const line = (label: string, values: number[]) =>
  `  ${label.padEnd(34)} median ${percentile(values, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(5)} ms`;
console.log(`Saving a step and rendering the next page (${RUNS} runs, ${ASSESSMENTS} assessments, loopback HTTP):`);
console.log(line("save (POST, answer 302)", posts));
console.log(line("next page (GET, full HTML)", gets));
console.log(line("save and next page together", totals));
const median = percentile(totals, 50);
console.log(`  budget: median under ${BUDGET_MS} ms: ${median < BUDGET_MS ? "PASS" : "FAIL"}`);
