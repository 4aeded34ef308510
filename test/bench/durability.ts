// `npm run bench:durability`: does every save the server acknowledged survive `kill -9`?
//
// Starts the production build on a fresh SQLite file in a temp directory, runs concurrent saves
// (real form posts to a wizard step, as a browser sends them), kills the server with SIGKILL at
// a random moment, runs `PRAGMA integrity_check`, restarts it, and checks that every save that
// was acknowledged (a 2xx or 3xx came back) is in the database the restarted server reads, and
// a sample of them on its pages too. At least five kills (default 6). Each save goes to an
// assessment of its own with a value of its own, so no later save can hide a lost one.
// Prints counts: acknowledged, checked, lost (must be 0). Run after `npm run build`.
// Options: --kills N, --writers N, --processes N (several server processes on the one database,
// the writers shared between them, every one killed at once), --database postgres (a new
// database on the PostgreSQL server at TEST_DATABASE_URL; there the server processes are killed,
// not the database, so the check is that no process acknowledges a save before it is committed).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { createAssessment } from "../../db/repositories/assessments";
import { createEmptyDatabase } from "../support/test-database";

const { values: options } = parseArgs({
  options: {
    kills: { type: "string", default: "6" },
    writers: { type: "string", default: "20" },
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
const KILLS = Math.max(5, Number(options.kills));
const WRITERS = Number(options.writers);
const ASSESSMENTS = 6000;

const SERVER_SCRIPT = path.resolve("build/server/server.js");
if (!existsSync(SERVER_SCRIPT)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "readiness-durability-"));
const database = await createEmptyDatabase(DATABASE_KIND);
const db = openDatabase(database.url);
await migrateToLatest(db);
type Target = { token: string; respondentId: string };
const targets: Target[] = [];
for (let index = 0; index < ASSESSMENTS; index += 1) {
  const token = randomBytes(32).toString("base64url");
  const ids = await createAssessment(db, {
    accessTokenHash: createHash("sha256").update(token).digest("hex"),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  targets.push({ token, respondentId: ids.respondentId });
}
await db.destroy();

const ports: number[] = [];
for (let index = 0; index < PROCESSES; index += 1) ports.push(await freePort());
const bases = ports.map((port) => `http://127.0.0.1:${port}`);
// The address people use, as behind a load balancer: every process is given the first one's.
const publicBase = bases[0] ?? "";
const log = openSync(path.join(dir, "server.log"), "a");

async function startServer(port: number): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: publicBase,
      DATABASE_URL: database.url,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", log, log],
  });
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`The server exited while starting; see ${dir}/server.log`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return child;
    } catch {
      if (attempt > 600) throw new Error("The server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const startServers = () => Promise.all(ports.map((port) => startServer(port)));

function post(agent: Agent, base: string, target: Target, value: string): Promise<number> {
  const body = new URLSearchParams({ orgName: value }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/a/${target.token}/organisation/name`,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(Buffer.byteLength(body)),
          origin: publicBase,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

type Acknowledged = { target: Target; value: string; status: number };
let nextTarget = 0;
let sent = 0;
let refused = 0;

/** Posts saves one after another until the server dies; returns those acknowledged. */
async function writer(round: number, id: number, acknowledged: Acknowledged[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let seq = 0; nextTarget < targets.length; seq += 1) {
      const target = targets[nextTarget];
      nextTarget += 1;
      if (!target) break;
      const value = `Council ${round}-${id}-${seq}`;
      sent += 1;
      let status: number;
      try {
        status = await post(agent, bases[id % bases.length] ?? publicBase, target, value);
      } catch {
        // The server was killed before it answered: not acknowledged, so not checked.
        return;
      }
      if (status >= 200 && status < 400) acknowledged.push({ target, value, status });
      else refused += 1;
    }
  } finally {
    agent.destroy();
  }
}

/** SQLite's own check of the file; on PostgreSQL the database itself was never killed. */
function integrity(): string {
  if (!database.file) return "n/a";
  const sqlite = new SQLite(database.file);
  try {
    return String(sqlite.pragma("integrity_check", { simple: true }));
  } finally {
    sqlite.close();
  }
}

/** The saved name of each target, as the restarted servers' database has it. */
async function storedNames(checks: Acknowledged[]): Promise<Map<string, string | undefined>> {
  const reader = openDatabase(database.url);
  try {
    const names = new Map<string, string | undefined>();
    for (const { target } of checks) {
      const row = await reader
        .selectFrom("answers")
        .select("value_json")
        .where("respondent_id", "=", target.respondentId)
        .where("question_id", "=", "orgName")
        .executeTakeFirst();
      names.set(target.respondentId, row ? (JSON.parse(row.value_json) as string) : undefined);
    }
    return names;
  } finally {
    await reader.destroy();
  }
}

let acknowledgedTotal = 0;
let checkedTotal = 0;
let checkedOnPages = 0;
let lost = 0;
const integrityResults: string[] = [];
let servers = await startServers();
const killAll = async () => {
  await Promise.all(
    servers.map((server) => {
      if (server.exitCode !== null || server.signalCode !== null) return undefined;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGKILL");
      return exited;
    }),
  );
};
try {
  for (let round = 1; round <= KILLS; round += 1) {
    const acknowledged: Acknowledged[] = [];
    const writers = Array.from({ length: WRITERS }, (_, id) => writer(round, id, acknowledged));
    // A random moment: between half a second and four seconds into the saves.
    const wait = 500 + Math.random() * 3500;
    await new Promise((resolve) => setTimeout(resolve, wait));
    await killAll();
    await Promise.all(writers);
    integrityResults.push(integrity());

    servers = await startServers();
    const names = await storedNames(acknowledged);
    const missing = acknowledged.filter(({ target, value }) => names.get(target.respondentId) !== value);
    // And on the pages the restarted server renders, for a sample.
    for (const [index, { target, value }] of acknowledged.filter((_, n) => n % 25 === 0).entries()) {
      const page = await fetch(`${bases[index % bases.length]}/a/${target.token}/organisation/name`);
      const html = await page.text();
      if (!html.includes(value)) missing.push({ target, value, status: page.status });
      checkedOnPages += 1;
    }
    acknowledgedTotal += acknowledged.length;
    checkedTotal += acknowledged.length;
    lost += missing.length;
    console.log(
      `kill ${round}: after ${(wait / 1000).toFixed(1)} s, ${acknowledged.length} saves acknowledged, ${missing.length} lost, integrity_check ${integrityResults.at(-1)}`,
    );
    if (nextTarget >= targets.length) {
      console.log("Out of fresh assessments: stopping early.");
      break;
    }
  }
} finally {
  await killAll();
}

const allOk = integrityResults.every((result) => result === "ok" || result === "n/a");
console.log(
  `\nkill -9 durability, ${PROCESSES} server process${PROCESSES === 1 ? "" : "es"} on ${DATABASE_KIND === "postgres" ? "PostgreSQL" : "SQLite"}: ${integrityResults.length} kills, ${sent} saves sent, ${acknowledgedTotal} acknowledged, ${checkedTotal} checked in the database (${checkedOnPages} on pages too), lost ${lost}; refused ${refused}; integrity_check ${allOk ? "ok every time" : integrityResults.join(", ")}`,
);
const pass = lost === 0 && allOk && integrityResults.length >= 5 && acknowledgedTotal > 0;
console.log(`result: ${pass ? "PASS" : "FAIL"}`);
rmSync(dir, { recursive: true, force: true });
await database.drop();
process.exit(pass ? 0 : 1);
