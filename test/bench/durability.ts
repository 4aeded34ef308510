// `npm run bench:durability`: does every save the server acknowledged survive `kill -9`?
//
// Starts the production build on a fresh SQLite file in a temp directory, runs concurrent saves
// (real form posts to a wizard step, as a browser sends them), kills the server with SIGKILL at
// a random moment, runs `PRAGMA integrity_check`, restarts it, and checks that every save that
// was acknowledged (a 2xx or 3xx came back) is in the database the restarted server reads, and
// a sample of them on its pages too. At least five kills (default 6). Each save goes to an
// assessment of its own with a value of its own, so no later save can hide a lost one.
// Prints counts: acknowledged, checked, lost (must be 0). Run after `npm run build`.
// Options: --kills N, --writers N.
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

const { values: options } = parseArgs({
  options: { kills: { type: "string", default: "6" }, writers: { type: "string", default: "20" } },
});
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
const file = path.join(dir, "durability.sqlite");
const db = openDatabase(`file:${file}`);
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

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const log = openSync(path.join(dir, "server.log"), "a");

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: base,
      DATABASE_URL: `file:${file}`,
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

function post(agent: Agent, target: Target, value: string): Promise<number> {
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
          origin: base,
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
        status = await post(agent, target, value);
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

function integrity(): string {
  const sqlite = new SQLite(file);
  try {
    return String(sqlite.pragma("integrity_check", { simple: true }));
  } finally {
    sqlite.close();
  }
}

/** The saved name of each target, as the restarted server's database has it. */
function storedNames(checks: Acknowledged[]): Map<string, string | undefined> {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const select = sqlite.prepare("select value_json from answers where respondent_id = ? and question_id = 'orgName'");
    const names = new Map<string, string | undefined>();
    for (const { target } of checks) {
      const row = select.get(target.respondentId) as { value_json: string } | undefined;
      names.set(target.respondentId, row ? (JSON.parse(row.value_json) as string) : undefined);
    }
    return names;
  } finally {
    sqlite.close();
  }
}

let acknowledgedTotal = 0;
let checkedTotal = 0;
let checkedOnPages = 0;
let lost = 0;
const integrityResults: string[] = [];
let server = await startServer();
try {
  for (let round = 1; round <= KILLS; round += 1) {
    const acknowledged: Acknowledged[] = [];
    const writers = Array.from({ length: WRITERS }, (_, id) => writer(round, id, acknowledged));
    // A random moment: between half a second and four seconds into the saves.
    const wait = 500 + Math.random() * 3500;
    await new Promise((resolve) => setTimeout(resolve, wait));
    server.kill("SIGKILL");
    await new Promise((resolve) => server.once("exit", resolve));
    await Promise.all(writers);
    integrityResults.push(integrity());

    server = await startServer();
    const names = storedNames(acknowledged);
    const missing = acknowledged.filter(({ target, value }) => names.get(target.respondentId) !== value);
    // And on the pages the restarted server renders, for a sample.
    for (const { target, value } of acknowledged.filter((_, index) => index % 25 === 0)) {
      const page = await fetch(`${base}/a/${target.token}/organisation/name`);
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
  server.kill("SIGKILL");
  await new Promise((resolve) => server.once("exit", resolve));
}

const allOk = integrityResults.every((result) => result === "ok");
console.log(
  `\nkill -9 durability: ${integrityResults.length} kills, ${sent} saves sent, ${acknowledgedTotal} acknowledged, ${checkedTotal} checked in the database (${checkedOnPages} on pages too), lost ${lost}; refused ${refused}; integrity_check ${allOk ? "ok every time" : integrityResults.join(", ")}`,
);
const pass = lost === 0 && allOk && integrityResults.length >= 5 && acknowledgedTotal > 0;
console.log(`result: ${pass ? "PASS" : "FAIL"}`);
rmSync(dir, { recursive: true, force: true });
process.exit(pass ? 0 : 1);
