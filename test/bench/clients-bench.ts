// `npm run bench:clients`: how long the production server takes to render a workspace's client
// list with 1,000 clients and 5,000 assessments (issue 13's budget: under 50 ms, median), on a
// SQLite file, and on PostgreSQL too when TEST_DATABASE_URL names a server. Each run starts the
// built server on a free port with its own new database, signs in as the workspace's owner (a
// session written with the seed) and requests `/w/<id>/clients` (the first page) and a search,
// timing each from the server's request log (`durationMs`), as `bench:save` does. Run after
// `npm run build`. BENCH_CLIENTS, BENCH_ASSESSMENTS_PER_CLIENT and BENCH_RUNS change the sizes.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { openDatabase } from "../../db/connection";
import { dialectOf } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { startServer } from "../server/server-process";
import { createTestAccount } from "../support/accounts";
import { createEmptyDatabase } from "../support/test-database";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const PER_CLIENT = Number(process.env.BENCH_ASSESSMENTS_PER_CLIENT ?? 5);
const WARM_UP = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const BUDGET_MS = 50;
const SEED_BATCH = 20; // clients per transaction
const SEARCH = "council";

type Kind = "sqlite" | "postgres";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const NAME_PARTS = ["Harbour", "Ridge", "Valley", "Coast", "Plains", "River", "Lakes", "Forest", "Island", "Hills"];
const KINDS = [
  "City Council",
  "District Council",
  "Health Trust",
  "Transport Agency",
  "Water Board",
  "Library Service",
];

/**
 * One workspace with CLIENTS clients of PER_CLIENT assessments each: 2 in 5 finished (every
 * answer, every section done), 2 in 5 in progress (half the sections), 1 in 5 not started.
 * Returns the owner's session cookie value and the workspace's id.
 */
async function seed(url: string): Promise<{ cookie: string; workspaceId: string }> {
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    const owner = await createTestAccount(db, { email: "owner@example.org", workspaceName: "Bench Consulting" });
    const start = Date.parse("2026-01-01T00:00:00Z");
    let minute = 0;
    const stamp = () => new Date(start + (minute += 7) * 60_000).toISOString();
    for (let first = 0; first < CLIENTS; first += SEED_BATCH) {
      await db.transaction().execute(async (trx) => {
        for (let index = first; index < Math.min(CLIENTS, first + SEED_BATCH); index += 1) {
          const clientId = randomUUID();
          const created = stamp();
          const clientName = `${NAME_PARTS[index % NAME_PARTS.length]} ${KINDS[index % KINDS.length]} ${index + 1}`;
          const example = EXAMPLE_ORGANISATIONS[index % EXAMPLE_ORGANISATIONS.length];
          if (!example) throw new Error("no examples");
          await trx
            .insertInto("organisations")
            .values({
              id: clientId,
              name: example.answers.organisation.orgName,
              workspace_id: owner.workspaceId,
              client_name: clientName,
              created_at: created,
              updated_at: created,
            })
            .execute();
          const stored = Object.entries(storedAnswersFrom(example.answers));
          for (let n = 0; n < PER_CLIENT; n += 1) {
            const state = (index * PER_CLIENT + n) % 5; // 0, 1: finished; 2, 3: in progress; 4: not started
            const assessmentId = randomUUID();
            const respondentId = randomUUID();
            const at = stamp();
            await trx
              .insertInto("assessments")
              .values({
                id: assessmentId,
                organisation_id: clientId,
                questionnaire_version: QUESTIONNAIRE_VERSION,
                created_at: at,
                updated_at: at,
                run_by_user_id: owner.userId,
              })
              .execute();
            await trx
              .insertInto("respondents")
              .values({
                id: respondentId,
                assessment_id: assessmentId,
                role: "owner",
                access_token_hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
                created_at: at,
                last_seen_at: at,
                submitted_at: state < 2 ? at : null,
                name: null,
                job_title: null,
              })
              .execute();
            if (state === 4) continue;
            const answers = state < 2 ? stored : stored.slice(0, Math.ceil(stored.length / 2));
            for (let offset = 0; offset < answers.length; offset += 2000) {
              await trx
                .insertInto("answers")
                .values(
                  answers.slice(offset, offset + 2000).map(([questionId, value]) => ({
                    respondent_id: respondentId,
                    assessment_id: assessmentId,
                    question_id: questionId,
                    value_json: JSON.stringify(value),
                    updated_at: at,
                  })),
                )
                .execute();
            }
            const sections = state < 2 ? SECTIONS : SECTIONS.slice(0, Math.ceil(SECTIONS.length / 2));
            await trx
              .insertInto("section_progress")
              .values(
                sections.map((section) => ({
                  respondent_id: respondentId,
                  section_id: section.id,
                  completed_at: at,
                  updated_at: at,
                })),
              )
              .execute();
          }
        }
      });
    }
    if (dialectOf(db) === "postgres") {
      await sql`vacuum analyze`.execute(db);
      await sql`checkpoint`.execute(db);
    } else {
      await sql`analyze`.execute(db);
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    }
    return { cookie: owner.cookieValue, workspaceId: owner.workspaceId };
  } finally {
    await db.destroy();
  }
}

/** `home` is the workspace's home page, which lists no clients: what any signed-in page costs here. */
type Result = { kind: Kind; seedSeconds: number; firstPage: number[]; search: number[]; home: number[]; rows: number };

async function benchOn(kind: Kind): Promise<Result> {
  const database = await createEmptyDatabase(kind);
  const seedStart = performance.now();
  const { cookie, workspaceId } = await seed(database.url);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(
    `${kind}: seeded ${CLIENTS} clients and ${CLIENTS * PER_CLIENT} assessments in ${seedSeconds.toFixed(1)} s`,
  );
  // An https public address, as in production: the session cookie is then `__Host-session`.
  const server = await startServer({
    database,
    env: { LOG_LEVEL: "info", PUBLIC_BASE_URL: "https://bench.example.test" },
  });
  const result: Result = { kind, seedSeconds, firstPage: [], search: [], home: [], rows: 0 };
  const ids: { list: "firstPage" | "search" | "home"; reqId: string }[] = [];
  try {
    const paths = {
      firstPage: `/w/${workspaceId}/clients`,
      search: `/w/${workspaceId}/clients?q=${SEARCH}`,
      home: `/w/${workspaceId}`,
    } as const;
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      for (const list of ["firstPage", "search", "home"] as const) {
        const response = await fetch(`${server.baseUrl}${paths[list]}`, {
          headers: { cookie: `__Host-session=${cookie}` },
          redirect: "manual",
        });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`${paths[list]} answered ${response.status}`);
        if (run === 0 && list === "firstPage") result.rows = (html.match(/govuk-table__row/g) ?? []).length - 1;
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
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept ${database.url}`);
    else await database.drop();
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
  `\nRendering the client list (${CLIENTS} clients, ${CLIENTS * PER_CLIENT} assessments, ${RUNS} requests each, the server's log), medians:`,
);
for (const result of results) {
  for (const list of ["firstPage", "search", "home"] as const) {
    const values = result[list];
    const m = median(values);
    const label =
      list === "firstPage"
        ? `first page (${result.rows} rows)`
        : list === "search"
          ? `search "${SEARCH}"`
          : "home (no list)";
    const verdict = list === "home" ? "(for comparison)" : `${m < BUDGET_MS ? "PASS" : "FAIL"} against ${BUDGET_MS} ms`;
    console.log(
      `  ${result.kind.padEnd(9)} ${label.padEnd(24)} ${m.toFixed(1).padStart(6)} ms (p95 ${percentile(values, 95)
        .toFixed(1)
        .padStart(6)} ms)  ${verdict}`,
    );
  }
}
if (results.some((r) => median(r.firstPage) >= BUDGET_MS || median(r.search) >= BUDGET_MS)) process.exitCode = 1;
