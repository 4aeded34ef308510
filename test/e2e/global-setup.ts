import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium, INSTALL_HINT } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    /** The server's database, for tests that seed their setup through the repositories. */
    databaseUrl: string;
  }
}

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
  const serverBuild = path.join(root, "build/server/index.js");
  if (!existsSync(serverBuild)) throw new Error("No production build found: run `npm run build` first.");

  const dataDir = mkdtempSync(path.join(tmpdir(), "readiness-e2e-"));
  const port = await freePort();
  const databaseUrl = `file:${path.join(dataDir, "e2e.sqlite")}`;
  let log = "";
  const server = spawn(process.execPath, [path.join(root, "node_modules/@remix-run/serve/dist/cli.js"), serverBuild], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      // The service pages show what the operator configured; the tests check that they do.
      SUPPORT_EMAIL: "readiness-support@example.org",
      SUPPORT_CONTACT_TEXT: "",
      EMPTY_ASSESSMENT_DAYS: "14",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("chromiumPath", chromiumPath);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    if (process.env.E2E_SERVER_LOG) console.log(log);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
