import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createEmptyDatabase } from "../support/test-database";
import { findChromium, INSTALL_HINT } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    /** The server's database, for tests that set up data the way `npm run db:seed` does. */
    databaseUrl: string;
  }
}

/** A private link's key: 43 base64url characters standing alone. */
const PRIVATE_KEY = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;

async function freePort(): Promise<number> {
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

async function waitForServer(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited while starting:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not start within 30 seconds:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI) {
      throw new Error(`End-to-end tests need Chromium, and it is not installed. ${INSTALL_HINT}`);
    }
    console.warn(
      `\n  NOTICE: end-to-end tests SKIPPED because Chromium is not installed.\n  ${INSTALL_HINT}\n  (With CI set, this is a failure.)\n`,
    );
    project.provide("chromiumPath", "");
    project.provide("baseUrl", "");
    project.provide("databaseUrl", "");
    return;
  }

  const root = project.config.root;
  const serverBuild = path.join(root, "build/server/server.js");
  if (!existsSync(serverBuild)) throw new Error("No production build found: run `npm run build` first.");

  const port = await freePort();
  // A SQLite file, or in the PostgreSQL run (`npm run test:postgres`) a new PostgreSQL database.
  const database = await createEmptyDatabase();
  const databaseUrl = database.url;
  let log = "";
  const baseUrl = `http://127.0.0.1:${port}`;
  // The app's own production server (server/index.ts), as operators run it.
  const server = spawn(process.execPath, [serverBuild], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: baseUrl,
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      // The service pages show what the operator configured; the tests check that they do.
      SUPPORT_EMAIL: "readiness-support@example.org",
      SUPPORT_CONTACT_TEXT: "",
      EMPTY_ASSESSMENT_DAYS: "14",
      // Every e2e file signs people up from this one address (127.0.0.1), more than the 10 an
      // hour a real address may; the limit itself is tested in test/server/accounts.test.ts.
      RATE_LIMIT_SIGN_UPS_PER_HOUR: "500",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));

  await waitForServer(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("chromiumPath", chromiumPath);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    const exitCode = await exited;
    if (process.env.E2E_SERVER_LOG) console.log(log);
    await database.drop();
    // Every journey above used private links: none may have reached the server's log.
    const leaks = log.split("\n").filter((line) => PRIVATE_KEY.test(line));
    if (leaks.length > 0) {
      throw new Error(`The server log holds ${leaks.length} line(s) with a private link's key, e.g.:\n${leaks[0]}`);
    }
    if (exitCode !== 0)
      throw new Error(`The server did not shut down cleanly (exit code ${exitCode}):\n${log.slice(-2000)}`);
  };
}
