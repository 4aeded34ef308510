/**
 * The production server: `npm run serve` (or `npm start`, which builds first and passes
 * `--local`). Bundled by esbuild into build/server/server.js, beside the Remix build
 * (build/server/index.js) and the PDF worker (build/server/pdf-worker.js). See server/app.ts
 * for what each request meets, and README, "Running in production".
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseConfig, setConfig, type AppConfig } from "../app/config.server";
import { connectDatabase } from "../app/database.server";
import { createLogger, setLogger } from "../app/logger.server";
import { loadEnvFile } from "../db/env";
import { createApp, type ServerState } from "./app";
import { handleClientErrors } from "./client-errors";
import { createLimitStore } from "./limits";
import { handleShutdownSignals } from "./shutdown";

loadEnvFile();
// As remix-serve did: the server runs production builds, so it runs in production mode.
process.env.NODE_ENV ??= "production";

let config: AppConfig;
try {
  config = parseConfig(process.env, { local: process.argv.includes("--local") });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
setConfig(config);
const logger = createLogger(config.logLevel);
setLogger(logger);

process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception: stopping");
  logger.flush();
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.fatal({ err: reason }, "unhandled promise rejection: stopping");
  logger.flush();
  process.exit(1);
});

// The server opens the database (and so can close it at shutdown); the app's `db.server.ts`
// finds it here instead of opening a second connection.
const db = await connectDatabase(config.databaseUrl);
globalThis.__engagementDb = Promise.resolve(db);

const here = path.dirname(fileURLToPath(import.meta.url));
// Loading the build starts the PDF worker pool (entry.server.tsx), so workers warm up now.
const build = (await import(pathToFileURL(path.join(here, "index.js")).href)) as ServerBuild;

const state: ServerState = { shuttingDown: false };
// Long-lived answers (the workshop's live event stream) end when they see this, so shutdown
// is not held up by a connection that would otherwise never finish.
globalThis.__engagementShuttingDown = () => state.shuttingDown;
// The limits count in the app's database, so they hold across restarts and every process on it.
const limits = await createLimitStore(config.databaseUrl, config.limits);
const app = createApp({ config, logger, build, db, state, limits, clientDir: path.join(here, "../client") });

// NOTE: Node answers an HTTP/1.1 request without Host with a bare 400 of its own; the server's
// hostGuard answers it with the app's page instead.
const server = createServer({ requireHostHeader: false }, app);
handleClientErrors(server, logger);
if (config.host) server.listen(config.port, config.host);
else server.listen(config.port);
// A client gets 30 s to send a whole request and 20 s for its headers; forms are small.
server.requestTimeout = 30_000;
server.headersTimeout = 20_000;
server.on("listening", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info(
    { port, host: config.host ?? "all interfaces", publicBaseUrl: config.publicBaseUrl, trustProxy: config.trustProxy },
    `listening on port ${port}`,
  );
  if (config.publicBaseUrlSource === "fallback") {
    logger.warn(
      `PUBLIC_BASE_URL is not set, so links will start ${config.publicBaseUrl}. That is right only on this computer: set PUBLIC_BASE_URL before anyone else uses the app.`,
    );
  }
});
server.on("error", (error) => {
  logger.fatal({ err: error }, "the server could not listen");
  logger.flush();
  process.exit(1);
});

handleShutdownSignals({
  server,
  state,
  logger,
  timeoutMs: config.shutdownTimeoutMs,
  async closeResources() {
    // Renders ahead first: they need the pool and the database.
    await globalThis.__pdfRenderAhead?.close();
    await globalThis.__pdfPool?.close();
    await db.destroy();
    await limits.close();
  },
});
