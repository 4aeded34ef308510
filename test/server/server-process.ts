/**
 * Starts the real production build (build/server/server.js) as a child process, as operators
 * run it: its own database (a SQLite file, or in the PostgreSQL run a new PostgreSQL database,
 * unless the test gives one to share), a free port on 127.0.0.1, and its log (standard output)
 * kept, line by line, for the tests to read.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";
import { createEmptyDatabase, type EmptyDatabase } from "../support/test-database";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_SCRIPT = path.join(ROOT, "build/server/server.js");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  baseUrl: string;
  port: number;
  /** The server's DATABASE_URL. */
  databaseUrl: string;
  /** Its SQLite file; undefined on PostgreSQL. */
  databaseFile: string | undefined;
  child: ChildProcess;
  /** Everything written to standard output so far, one entry a line. */
  stdoutLines(): string[];
  /** The log lines parsed as JSON (every line must be JSON). */
  logEntries(): Record<string, unknown>[];
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Removes the temporary folder and the database it made (after the process has exited). */
  cleanUp(): Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string | undefined>;
  args?: string[];
  /** Fills the database before the server starts (it is migrated first). */
  seed?: (db: Kysely<Database>) => Promise<void>;
  /** A database to use, such as one shared with another server; the test drops it. */
  database?: EmptyDatabase;
  /** Wait for /healthz; false for tests of a server that must refuse to start. */
  waitUntilReady?: boolean;
};

export function requireBuild(): void {
  if (!existsSync(SERVER_SCRIPT)) throw new Error("No production build found: run `npm run build` first.");
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  requireBuild();
  const dir = mkdtempSync(path.join(tmpdir(), "readiness-server-"));
  const database = options.database ?? (await createEmptyDatabase());
  if (options.seed) {
    const db = openDatabase(database.url);
    await migrateToLatest(db);
    await options.seed(db);
    await db.destroy();
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: "info",
    DATABASE_URL: database.url,
    ...options.env,
  };
  // vitest sets these for its own workers; the server must not see them.
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  const child = spawn(process.execPath, [SERVER_SCRIPT, ...(options.args ?? [])], {
    cwd: dir,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stdoutLines = () => stdout.split("\n").filter((line) => line.trim() !== "");

  const running: RunningServer = {
    baseUrl,
    port,
    databaseUrl: database.url,
    databaseFile: database.file,
    child,
    stdoutLines,
    logEntries: () => stdoutLines().map((line) => JSON.parse(line) as Record<string, unknown>),
    stderr: () => stderr,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async cleanUp() {
      rmSync(dir, { recursive: true, force: true });
      if (!options.database) await database.drop();
    },
  };
  if (options.waitUntilReady !== false) await waitForHealth(running);
  return running;
}

async function waitForHealth(server: RunningServer): Promise<void> {
  // Generous: the server loads the app and starts its PDF workers on a busy two-core machine.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`The server exited while starting:\n${server.stderr()}\n${server.stdoutLines().join("\n")}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not start within 60 seconds:\n${server.stdoutLines().join("\n")}`);
}

/** The `<h1>` of an HTML page, as text. */
export function headingOf(html: string): string | undefined {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .trim();
}

/** Posts the start page's form, as the browser does, and returns the new private link's key. */
export async function startAssessment(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/?index`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  const location = response.headers.get("location") ?? "";
  const token = /^\/a\/([A-Za-z0-9_-]{43})\//.exec(location)?.[1];
  if (response.status !== 302 || !token)
    throw new Error(`Starting an assessment answered ${response.status} ${location}`);
  return token;
}

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One request through node:http, for what fetch will not send (TRACE, a chosen Host header, a
 * body in chunks). `chunks` are written one by one with `Transfer-Encoding: chunked`.
 */
export async function rawRequest(
  baseUrl: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string; chunks?: string[] },
): Promise<RawResponse> {
  const { request } = await import("node:http");
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
    } else if (options.body !== undefined) {
      req.write(options.body);
    }
    req.end();
  });
}
