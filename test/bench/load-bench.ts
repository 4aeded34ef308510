// `npm run bench:load`: the production build under load, on its own fresh database (a SQLite
// file in a temp directory, or with --database postgres a new database on the PostgreSQL server
// at TEST_DATABASE_URL), with one server process or several (--processes N, all on the one
// database, each respondent kept on one process as a load balancer would), in two parts (run
// after `npm run build`):
//
// (a) respondents: 100 simulated people, each on an assessment of their own over one keep-alive
//     connection (as a browser has), each viewing a page or saving a step every 2 to 5 s for
//     60 s. Prints p50/p95/p99 for page views and saves and the error count, against the budget:
//     no errors and p95 under 100 ms for each.
// (b) saturation: autocannon, 100 connections with no pause for 20 s, on the respondents' pages:
//     requests a second and latency. With several processes, the connections are shared
//     equally between them.
//
// Every client is 127.0.0.1, so the server runs with its per-address limits off
// (RATE_LIMIT_GETS_PER_MINUTE=0, RATE_LIMIT_CREATE_PER_HOUR=0): otherwise the 100 respondents
// would be counted as one person. The per-link limits stay at their defaults (each respondent
// saves far less often than they allow). Options: --respondents N, --seconds N,
// --saturation-seconds N.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { createEmptyDatabase } from "../support/test-database";

const { values: options } = parseArgs({
  options: {
    respondents: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    "saturation-seconds": { type: "string", default: "20" },
    processes: { type: "string", default: "1" },
    database: { type: "string", default: "sqlite" },
  },
});
const PROCESSES = Math.max(1, Number(options.processes));
const DATABASE_KIND = options.database === "postgres" ? "postgres" : "sqlite";
if (DATABASE_KIND === "postgres" && !process.env.TEST_DATABASE_URL) {
  console.error("--database postgres needs TEST_DATABASE_URL: a PostgreSQL server to create the database on.");
  process.exit(1);
}
const RESPONDENTS = Number(options.respondents);
const SECONDS = Number(options.seconds);
const SATURATION_SECONDS = Number(options["saturation-seconds"]);
const BUDGET_P95_MS = 100;

const SERVER_SCRIPT = path.resolve("build/server/server.js");
if (!existsSync(SERVER_SCRIPT)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// A fresh database: one assessment per respondent, answered in full like the examples, so the
// pages they view are as large as real ones.
const dir = mkdtempSync(path.join(tmpdir(), "readiness-load-"));
const database = await createEmptyDatabase(DATABASE_KIND);
const db = openDatabase(database.url);
await migrateToLatest(db);
const tokens: string[] = [];
for (let index = 0; index < RESPONDENTS; index += 1) {
  const token = randomBytes(32).toString("base64url");
  const example = EXAMPLE_ORGANISATIONS[index % EXAMPLE_ORGANISATIONS.length];
  if (!example) throw new Error("no examples");
  const ids = await createAssessment(db, {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, { ...ids, set: storedAnswersFrom(example.answers), clear: [] });
  for (const sectionId of ["organisation", "stakeholders", "engagement-model", "capacity", "commitment"]) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId, completed: true });
  }
  tokens.push(token);
}
await db.destroy();

// The address people use, as behind a load balancer: every process is given the first one's.
const ports: number[] = [];
for (let index = 0; index < PROCESSES; index += 1) ports.push(await freePort());
const publicBase = `http://127.0.0.1:${ports[0]}`;
const bases = ports.map((port) => `http://127.0.0.1:${port}`);
// BENCH_CPU_PROFILE=<dir> writes the servers' CPU profiles there (node --cpu-prof), to find
// where the time goes.
const profile = process.env.BENCH_CPU_PROFILE;
const servers = ports.map((port, index) =>
  spawn(process.execPath, [...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []), SERVER_SCRIPT], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: publicBase,
      DATABASE_URL: database.url,
      LOG_LEVEL: "info",
      RATE_LIMIT_GETS_PER_MINUTE: "0",
      RATE_LIMIT_CREATE_PER_HOUR: "0",
    },
    // The request log is written as in production, to a file.
    stdio: ["ignore", openSync(path.join(dir, `server-${index + 1}.log`), "w"), "inherit"],
  }),
);
for (const base of bases) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (attempt > 300) throw new Error("A server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The pages a respondent moves between, and the steps they save: valid answers (302), each a
 * real change (a new name, new hours), so nothing the server keeps from the last visit stays
 * current after a save, as when people really answer.
 */
const PAGES = ["", "/organisation/name", "/capacity/team", "/stakeholders/groups", "/check-answers", "/report"];
const SAVES: { page: string; body: () => string }[] = [
  {
    page: "/organisation/name",
    body: () => new URLSearchParams({ orgName: `Load Test Council ${Math.floor(Math.random() * 1e6)}` }).toString(),
  },
  {
    page: "/capacity/team",
    body: () =>
      new URLSearchParams({
        teamPeople: String(1 + Math.floor(Math.random() * 6)),
        teamHoursPerWeek: (5 + Math.floor(Math.random() * 70) / 2).toFixed(1),
        accountAccess: "shared-managed",
      }).toString(),
  },
];

type Result = { kind: "view" | "save"; page: string; ms: number; ok: boolean; status: number };

function send(agent: Agent, base: string, method: string, urlPath: string, body?: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${urlPath}`,
      {
        method,
        agent,
        headers: body
          ? {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": String(Buffer.byteLength(body)),
              origin: publicBase,
            }
          : {},
      },
      (res) => {
        // Read the whole page: a view is done when its last byte has arrived.
        res.on("data", () => undefined);
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function respondent(token: string, base: string, until: number, results: Result[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 3000));
  try {
    while (Date.now() < until) {
      await pause();
      if (Date.now() >= until) break;
      const save = Math.random() < 0.5;
      const start = performance.now();
      try {
        if (save) {
          const step = SAVES[Math.floor(Math.random() * SAVES.length)] ?? SAVES[0];
          if (!step) throw new Error("no steps");
          const { status } = await send(agent, base, "POST", `/a/${token}${step.page}`, step.body());
          results.push({ kind: "save", page: step.page, ms: performance.now() - start, ok: status === 302, status });
        } else {
          const page = PAGES[Math.floor(Math.random() * PAGES.length)] ?? "";
          const { status } = await send(agent, base, "GET", `/a/${token}${page}`);
          results.push({ kind: "view", page: page || "/", ms: performance.now() - start, ok: status === 200, status });
        }
      } catch {
        results.push({ kind: save ? "save" : "view", page: "", ms: performance.now() - start, ok: false, status: 0 });
      }
    }
  } finally {
    agent.destroy();
  }
}

function summary(label: string, values: number[]): string {
  const p = (q: number) => percentile(values, q).toFixed(1).padStart(6);
  return `  ${label.padEnd(12)} ${String(values.length).padStart(6)} requests   p50 ${p(50)} ms   p95 ${p(95)} ms   p99 ${p(99)} ms`;
}

/**
 * Warm-up, not measured: the server compiles its code paths and its PDF workers start in the
 * first seconds, which is start-up, not load. Every page and step once, on a few assessments.
 */
async function warmUp(): Promise<void> {
  for (const base of bases) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (const token of tokens.slice(0, 5)) {
      for (const page of PAGES) await send(agent, base, "GET", `/a/${token}${page}`);
      for (const step of SAVES) await send(agent, base, "POST", `/a/${token}${step.page}`, step.body());
    }
    agent.destroy();
  }
  // Let the PDFs rendered ahead for those report views finish.
  await new Promise((resolve) => setTimeout(resolve, 5000));
}

let failed = false;
try {
  for (const base of bases) {
    for (let attempt = 0; !(await fetch(`${base}/readyz`)).ok; attempt += 1) {
      if (attempt > 300) throw new Error("A server did not become ready");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await warmUp();
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(", ");
  console.log(`Machine: ${availableParallelism()} cores, load average ${load()} before the run (other work shares it)`);
  console.log(
    `Load on the production build: ${PROCESSES} server process${PROCESSES === 1 ? "" : "es"} on one fresh ${DATABASE_KIND === "postgres" ? "PostgreSQL database" : "SQLite file"}, ${RESPONDENTS} assessments; per-address limits off, as every client is 127.0.0.1`,
  );
  console.log(
    `\n(a) ${RESPONDENTS} respondents, each viewing a page or saving a step every 2 to 5 s, for ${SECONDS} s`,
  );
  const results: Result[] = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    tokens.map((token, index) => respondent(token, bases[index % bases.length] ?? publicBase, until, results)),
  );
  const views = results.filter((r) => r.kind === "view" && r.ok).map((r) => r.ms);
  const saves = results.filter((r) => r.kind === "save" && r.ok).map((r) => r.ms);
  const errors = results.filter((r) => !r.ok);
  console.log(summary("page views", views));
  console.log(summary("saves", saves));
  // Where the time goes: the median of each page and step.
  const byPage = new Map<string, number[]>();
  for (const r of results.filter((one) => one.ok)) {
    const key = `${r.kind === "save" ? "save" : "view"} ${r.page}`;
    byPage.set(key, [...(byPage.get(key) ?? []), r.ms]);
  }
  console.log(
    `  medians: ${[...byPage]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, values]) => `${key} ${percentile(values, 50).toFixed(0)} ms`)
      .join(", ")}`,
  );
  const statuses = [...new Set(errors.map((e) => e.status))].join(", ");
  console.log(`  errors       ${errors.length}${errors.length ? ` (statuses ${statuses})` : ""}`);
  const viewP95 = percentile(views, 95);
  const saveP95 = percentile(saves, 95);
  console.log(
    `  p95 against the ${BUDGET_P95_MS} ms budget: page views ${(viewP95 / BUDGET_P95_MS).toFixed(2)}×, saves ${(saveP95 / BUDGET_P95_MS).toFixed(2)}×; p99/p50: page views ${(percentile(views, 99) / percentile(views, 50)).toFixed(1)}, saves ${(percentile(saves, 99) / percentile(saves, 50)).toFixed(1)}`,
  );
  console.log(`  load average after (a): ${load()}`);
  const pass = errors.length === 0 && viewP95 < BUDGET_P95_MS && saveP95 < BUDGET_P95_MS;
  console.log(`  budget (no errors, p95 under ${BUDGET_P95_MS} ms for each): ${pass ? "PASS" : "FAIL"}`);
  failed = !pass;

  console.log(
    `\n(b) saturation: 100 connections, no pause, for ${SATURATION_SECONDS} s (page views of every assessment)`,
  );
  const pagePaths = tokens.flatMap((token) => PAGES.slice(0, 3).map((page) => `/a/${token}${page}`));
  // One autocannon per process, each with its share of the 100 connections, at the same time.
  const runs = await Promise.all(
    bases.map((base, index) => {
      let next = index;
      return autocannon({
        url: base,
        connections: Math.round(100 / bases.length),
        duration: SATURATION_SECONDS,
        requests: [
          {
            method: "GET",
            setupRequest: (req) => {
              next = (next + 1) % pagePaths.length;
              return { ...req, path: pagePaths[next] ?? "/" };
            },
          },
        ],
      });
    }),
  );
  const saturation = {
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
    requests: {
      average: runs.reduce((sum, run) => sum + run.requests.average, 0),
      total: runs.reduce((sum, run) => sum + run.requests.total, 0),
    },
    // With several processes, the slowest process's figures.
    latency: {
      p50: Math.max(...runs.map((run) => run.latency.p50)),
      p97_5: Math.max(...runs.map((run) => run.latency.p97_5)),
      p99: Math.max(...runs.map((run) => run.latency.p99)),
      max: Math.max(...runs.map((run) => run.latency.max)),
    },
  };
  const non2xx = saturation.non2xx + saturation.errors + saturation.timeouts;
  console.log(
    `  ${saturation.requests.average.toFixed(0)} requests/s (${saturation.requests.total} in all)   latency p50 ${saturation.latency.p50} ms   p97.5 ${saturation.latency.p97_5} ms   p99 ${saturation.latency.p99} ms   max ${saturation.latency.max} ms`,
  );
  console.log(`  errors, timeouts and non-2xx answers: ${non2xx}`);
  if (non2xx > 0) failed = true;
} finally {
  await Promise.all(
    servers.map((server) => {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      return exited;
    }),
  );
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
}
process.exit(failed ? 1 : 0);
