// `npm run bench:workshop`: how long the production server takes to render a workshop's
// facilitator view with 30 participants who each answered every question of the participants'
// sections, differently (issue 14's budget: under 100 ms, median), on a SQLite file, and on
// PostgreSQL too when TEST_DATABASE_URL names a server. As `bench:clients` does: each run starts
// the built server with its own new database, signs in as the workspace's owner (a session written
// with the seed) and times each request from the server's request log (`durationMs`): the view
// the facilitator keeps open (progress, the whole ranking, the ten most divergent questions in
// full), its largest section page, and projector mode. The participants answer as the eight
// example organisations do, each with its own stakeholder groups: far more per-group questions
// than one client's team would make (a worst case). Run after `npm run build`. BENCH_PARTICIPANTS and BENCH_RUNS change the sizes.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { dialectOf } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import { startServer } from "../server/server-process";
import { createEmptyDatabase } from "../support/test-database";
import { seedWorkshop, variedAnswers } from "../support/workshop-seed";

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 30);
const WARM_UP = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const BUDGET_MS = 100;

type Kind = "sqlite" | "postgres";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** One workshop of PARTICIPANTS people, every one of whom answered everything (varied answers). */
async function seed(url: string) {
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    const seeded = await seedWorkshop(db, {
      clientName: "Harbour District Council",
      participants: Array.from({ length: PARTICIPANTS }, (_, index) => ({
        name: `Participant ${index + 1}`,
        roleLabel: "Manager",
        answers: variedAnswers(index),
        finished: index % 3 !== 0,
      })),
    });
    const answers = await db
      .selectFrom("answers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    if (dialectOf(db) === "postgres") await sql`vacuum analyze`.execute(db);
    else await sql`analyze`.execute(db);
    return { seeded, answers: Number(answers?.n ?? 0) };
  } finally {
    await db.destroy();
  }
}

const PAGES = ["view", "section", "projector"] as const;
type PageName = (typeof PAGES)[number];
type Result = { kind: Kind; answers: number; questions: Record<PageName, number> } & Record<PageName, number[]>;

/** The section of the participants' sections with the most questions: the heaviest page. */
const LARGEST_SECTION = "stakeholders";

async function benchOn(kind: Kind): Promise<Result> {
  const database = await createEmptyDatabase(kind);
  const seedStart = performance.now();
  const { seeded, answers } = await seed(database.url);
  console.log(
    `${kind}: seeded ${PARTICIPANTS} participants, ${answers} answers, in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const server = await startServer({
    database,
    env: { LOG_LEVEL: "info", PUBLIC_BASE_URL: "https://bench.example.test" },
  });
  const result: Result = {
    kind,
    view: [],
    section: [],
    projector: [],
    answers,
    questions: { view: 0, section: 0, projector: 0 },
  };
  const ids: { list: PageName; reqId: string }[] = [];
  const base = `/w/${seeded.owner.workspaceId}/assessments/${seeded.assessmentId}/workshop`;
  const paths: Record<PageName, string> = {
    view: base,
    section: `${base}?section=${LARGEST_SECTION}`,
    projector: `${base}/projector`,
  };
  try {
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      for (const list of PAGES) {
        const response = await fetch(`${server.baseUrl}${paths[list]}`, {
          headers: { cookie: `__Host-session=${seeded.owner.cookieValue}` },
          redirect: "manual",
        });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`${list} answered ${response.status}`);
        if (run === 0) result.questions[list] = (html.match(/class="app-question-spread"/g) ?? []).length;
        if (run === 0 && list === "view" && !html.includes(`${PARTICIPANTS} have finished`)) {
          if (!html.includes(`of ${PARTICIPANTS} have finished`))
            throw new Error("the page does not show the participants");
        }
        if (run >= WARM_UP) ids.push({ list, reqId: response.headers.get("x-request-id") ?? "" });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const durations = new Map<string, number>();
    for (const entry of server.logEntries()) {
      if (typeof entry.reqId === "string" && typeof entry.durationMs === "number") {
        durations.set(entry.reqId, entry.durationMs);
      }
    }
    for (const { list, reqId } of ids) {
      const duration = durations.get(reqId);
      if (duration === undefined) throw new Error("A request is missing from the server's log");
      result[list].push(duration);
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

console.log(
  `Load average at the end: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(", ")} on ${cpus().length} cores`,
);
console.log(
  `\nRendering the facilitator's view (${PARTICIPANTS} participants, ${RUNS} requests each, the server's log):`,
);
for (const result of results) {
  for (const list of PAGES) {
    const values = result[list];
    const m = median(values);
    const label =
      list === "view"
        ? `facilitator view (${result.questions.view} in full)`
        : list === "section"
          ? `largest section (${result.questions.section})`
          : "projector (one question)";
    console.log(
      `  ${result.kind.padEnd(9)} ${label.padEnd(36)} median ${m.toFixed(1).padStart(6)} ms, p95 ${percentile(
        values,
        95,
      )
        .toFixed(1)
        .padStart(6)} ms  ${m < BUDGET_MS ? "PASS" : "FAIL"} against ${BUDGET_MS} ms`,
    );
  }
}
if (results.some((r) => median(r.view) >= BUDGET_MS || median(r.projector) >= BUDGET_MS)) process.exitCode = 1;
