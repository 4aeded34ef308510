// `npm run bench:save`: how long the production server takes to save a step and render the next
// page, with 10,000 complete assessments in the database: on a SQLite file, and on PostgreSQL
// too when TEST_DATABASE_URL names a server (`.ci/postgres-cluster.sh start` starts one), side by
// side. Each run starts the built server (build/server/server.js) on a free port with its own
// new database, posts a valid page over loopback and follows the redirect, as a browser without
// JavaScript does. Run after `npm run build`. BENCH_ASSESSMENTS and BENCH_RUNS change the sizes.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { dialectOf } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import { countAssessments } from "../../db/repositories/assessments";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { startServer } from "../server/server-process";
import { createEmptyDatabase } from "../support/test-database";

const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 10_000);
const WARM_UP = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 400);
/** Issue 12's budget on PostgreSQL; SQLite's (issue 2) was 20 ms with 1,000 assessments. */
const BUDGET_MS = { sqlite: 20, postgres: 15 } as const;
/** Assessments written per transaction while seeding. */
const SEED_BATCH = 50;

type Kind = "sqlite" | "postgres";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Complete assessments, written as the wizard stores them, many rows per statement. */
async function seed(url: string): Promise<string[]> {
  const db = openDatabase(url);
  const tokens: string[] = [];
  try {
    await migrateToLatest(db);
    const now = new Date().toISOString();
    for (let start = 0; start < ASSESSMENTS; start += SEED_BATCH) {
      const batch = Array.from({ length: Math.min(SEED_BATCH, ASSESSMENTS - start) }, (_, offset) => {
        const example = EXAMPLE_ORGANISATIONS[(start + offset) % EXAMPLE_ORGANISATIONS.length];
        if (!example) throw new Error("no examples");
        const token = randomBytes(32).toString("base64url");
        tokens.push(token);
        return {
          token,
          example,
          organisationId: randomUUID(),
          assessmentId: randomUUID(),
          respondentId: randomUUID(),
        };
      });
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("organisations")
          .values(
            batch.map((a) => ({
              id: a.organisationId,
              name: a.example.answers.organisation.orgName,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto("assessments")
          .values(
            batch.map((a) => ({
              id: a.assessmentId,
              organisation_id: a.organisationId,
              questionnaire_version: QUESTIONNAIRE_VERSION,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto("respondents")
          .values(
            batch.map((a) => ({
              id: a.respondentId,
              assessment_id: a.assessmentId,
              role: "owner" as const,
              access_token_hash: createHash("sha256").update(a.token).digest("hex"),
              created_at: now,
              last_seen_at: now,
              submitted_at: null,
              name: null,
              job_title: null,
            })),
          )
          .execute();
        // In chunks: PostgreSQL takes at most 65,535 values in one statement.
        const answers = batch.flatMap((a) =>
          Object.entries(storedAnswersFrom(a.example.answers)).map(([questionId, value]) => ({
            respondent_id: a.respondentId,
            assessment_id: a.assessmentId,
            question_id: questionId,
            value_json: JSON.stringify(value),
            updated_at: now,
          })),
        );
        for (let index = 0; index < answers.length; index += 2000) {
          await trx
            .insertInto("answers")
            .values(answers.slice(index, index + 2000))
            .execute();
        }
        await trx
          .insertInto("section_progress")
          .values(
            batch.flatMap((a) =>
              SECTIONS.map((section) => ({
                respondent_id: a.respondentId,
                section_id: section.id,
                completed_at: now,
                updated_at: now,
              })),
            ),
          )
          .execute();
      });
    }
    // Settle the seed before measuring: statistics for the planner, and the seed's pages written
    // out now (on PostgreSQL, a checkpoint; on SQLite, the log folded into the file), so that the
    // database is not flushing 10,000 assessments in the background while the requests are timed.
    if (dialectOf(db) === "postgres") {
      await sql`vacuum analyze`.execute(db);
      await sql`checkpoint`.execute(db);
    } else {
      await sql`analyze`.execute(db);
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    }
    const count = await countAssessments(db);
    if (count !== ASSESSMENTS) throw new Error(`seeded ${count} assessments, not ${ASSESSMENTS}`);
    return tokens;
  } finally {
    await db.destroy();
  }
}

type Result = {
  kind: Kind;
  seedSeconds: number;
  posts: number[];
  gets: number[];
  totals: number[];
  /**
   * The same, as the server measured them: its request log's duration for each request, from
   * the request reaching the app to the last byte sent. The wall-clock figures above add the
   * bench client's own work (sending, and reading and unzipping the page) on the same cores.
   */
  serverTotals: number[];
  /** The server process's own CPU time per save and page, when the system reports it (Linux). */
  serverCpuMs: number | null;
};

/**
 * A process's CPU time so far (user and system) in milliseconds, from /proc: the bench client
 * and the database share the machine's cores, so this figure moves less with their load than
 * the wall-clock medians do. Null where /proc is not there.
 */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // After the name: state is field 3, utime field 14 and stime field 15 (1-based, proc(5)).
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function benchOn(kind: Kind): Promise<Result> {
  const database = await createEmptyDatabase(kind);
  const seedStart = performance.now();
  const tokens = await seed(database.url);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`${kind}: seeded ${ASSESSMENTS} complete assessments in ${seedSeconds.toFixed(1)} s`);
  // At info, as in production: the request log gives each request's duration inside the server.
  const server = await startServer({ database, env: { LOG_LEVEL: "info" } });
  const base = server.baseUrl;
  const body = new URLSearchParams({ teamPeople: "3", teamHoursPerWeek: "22.5", accountAccess: "shared-managed" });
  const result: Result = { kind, seedSeconds, posts: [], gets: [], totals: [], serverTotals: [], serverCpuMs: null };
  const requestPairs: [string, string][] = [];
  let cpuAtStart: number | null = null;
  try {
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      if (run === WARM_UP) cpuAtStart = processCpuMs(server.child.pid);
      const token = tokens[(run * 7919) % tokens.length] as string;
      const startPost = performance.now();
      const saved = await fetch(`${base}/a/${token}/capacity/team`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      });
      await saved.arrayBuffer();
      const postMs = performance.now() - startPost;
      const next = saved.headers.get("location");
      if (saved.status !== 302 || !next) throw new Error(`Save failed: ${saved.status}`);
      const startGet = performance.now();
      const page = await fetch(`${base}${next}`);
      await page.text();
      const getMs = performance.now() - startGet;
      if (!page.ok) throw new Error(`Next page failed: ${page.status}`);
      if (run >= WARM_UP) {
        result.posts.push(postMs);
        result.gets.push(getMs);
        result.totals.push(postMs + getMs);
        requestPairs.push([saved.headers.get("x-request-id") ?? "", page.headers.get("x-request-id") ?? ""]);
      }
    }
    const cpuAtEnd = processCpuMs(server.child.pid);
    if (cpuAtStart !== null && cpuAtEnd !== null) result.serverCpuMs = (cpuAtEnd - cpuAtStart) / RUNS;
    // The log is written as each response finishes: give the last line a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const durations = new Map<string, number>();
    for (const entry of server.logEntries()) {
      if (typeof entry.reqId === "string" && typeof entry.durationMs === "number") {
        durations.set(entry.reqId, entry.durationMs);
      }
    }
    for (const [postId, getId] of requestPairs) {
      const post = durations.get(postId);
      const get = durations.get(getId);
      if (post === undefined || get === undefined) throw new Error("A request is missing from the server's log");
      result.serverTotals.push(post + get);
    }
  } finally {
    await server.stop();
    await server.cleanUp();
    await database.drop();
  }
  return result;
}

const kinds: Kind[] = process.env.TEST_DATABASE_URL?.trim() ? ["sqlite", "postgres"] : ["sqlite"];
if (kinds.length === 1) console.log("PostgreSQL skipped: TEST_DATABASE_URL is not set.");
const results: Result[] = [];
for (const kind of kinds) results.push(await benchOn(kind));

const cell = (values: number[]) =>
  `${percentile(values, 50).toFixed(1).padStart(5)} ms (p95 ${percentile(values, 95).toFixed(1).padStart(5)})`;
console.log(
  `\nSaving a step and rendering the next page (${RUNS} runs, ${ASSESSMENTS} complete assessments, loopback HTTP), medians:`,
);
console.log(`  ${"".padEnd(30)}${results.map((r) => r.kind.padEnd(24)).join("")}`);
console.log(`  ${"save (POST, answer 302)".padEnd(30)}${results.map((r) => cell(r.posts).padEnd(24)).join("")}`);
console.log(`  ${"next page (GET, full HTML)".padEnd(30)}${results.map((r) => cell(r.gets).padEnd(24)).join("")}`);
console.log(`  ${"both together".padEnd(30)}${results.map((r) => cell(r.totals).padEnd(24)).join("")}`);
console.log(
  `  ${"both, in the server's log".padEnd(30)}${results.map((r) => cell(r.serverTotals).padEnd(24)).join("")}`,
);
console.log(
  `  ${"server CPU, both (mean)".padEnd(30)}${results
    .map((r) => (r.serverCpuMs === null ? "not measured" : `${r.serverCpuMs.toFixed(1).padStart(5)} ms`).padEnd(24))
    .join("")}`,
);
for (const result of results) {
  const budget = BUDGET_MS[result.kind];
  const verdict = (values: number[]) => {
    const median = percentile(values, 50);
    return `${median < budget ? "PASS" : "FAIL"} (${median.toFixed(1)} ms)`;
  };
  console.log(
    `  ${result.kind}: median under ${budget} ms: as the client saw it ${verdict(result.totals)}; in the server's log ${verdict(result.serverTotals)}`,
  );
}
