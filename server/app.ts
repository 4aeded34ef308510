/**
 * The production server's Express app, in the order each request meets it:
 *
 * 1. trust proxy: only the hops or addresses in TRUST_PROXY (never "true": any client could
 *    then choose its own address with X-Forwarded-For);
 * 2. no X-Powered-By; compression;
 * 3. security headers on every response, and no-store and noindex on private links;
 * 4. static files: Vite's hashed assets cached for a year, the rest for an hour;
 * 5. the request log (one JSON line a request, no keys, no query strings);
 * 6. /healthz and /readyz;
 * 7. rate limits (server/limits.ts): after the log, so refused requests are logged, and before
 *    the body is read, so a limited client costs nothing more;
 * 8. the guards: 400 for an HTTP/1.1 request without Host, 405 for methods the app does not take, 403 for posts from other sites, the
 *    body read within its size limit or 413;
 * 9. the Remix app.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { sql, type Kysely } from "kysely";
import type { AppConfig } from "../app/config.server";
import { MAX_FORM_BYTES } from "../app/form-data.server";
import { maskPath, type Logger } from "../app/logger.server";
import { baseSecurityHeaders } from "../app/security-headers.server";
import type { Database } from "../db/schema";
import { bodyReader, hostGuard, methodGuard, originGuard } from "./guards";
import { rateLimits, type LimitStore } from "./limits";
import { remixHandler } from "./remix-handler";
import { requestIdOf, requestLog } from "./request-log";

export type ServerState = { shuttingDown: boolean };

export type AppParts = {
  config: AppConfig;
  logger: Logger;
  build: ServerBuild;
  db: Kysely<Database>;
  state: ServerState;
  /** The browser build: `build/client`. */
  clientDir: string;
  /** Where the rate limits keep their counters. */
  limits: LimitStore;
};

/**
 * The branding page's form carries a logo (at most 1 MB): bodies up to this reach the page, which
 * says plainly that the logo is too big; larger ones get the server's 413 page.
 */
export const MAX_BRANDING_FORM_BYTES = 5 * 1024 * 1024;
const BRANDING_FORM_PATH = /^\/w\/[^/]+\/branding$/;

/** A body over this is read through and discarded before the 413 page, so the client sees it. */
export const DRAIN_BYTES = 8 * 1024 * 1024;

/** `/a/<key>/...` (an assessment) and `/r/<key>/...` (a read-only report link). */
export function isPrivatePath(urlPath: string): boolean {
  const first = urlPath.split("/")[1] ?? "";
  let decoded = first;
  try {
    decoded = decodeURIComponent(first);
  } catch {
    // Left as it is: a malformed path is not a route.
  }
  return /^[ar]$/i.test(decoded) && urlPath.length > first.length + 2;
}

/**
 * Compression, except for server-sent events (the workshop's live view): compressing them would
 * hold each small event back in the compressor's buffer instead of sending it at once.
 */
export function compressible(req: express.Request, res: express.Response): boolean {
  const type = String(res.getHeader("Content-Type") ?? "");
  if (type.startsWith("text/event-stream")) return false;
  return compression.filter(req, res);
}

function defaultHeaders(config: AppConfig, state: ServerState): RequestHandler {
  const httpsAddress = config.publicBaseUrl.startsWith("https:");
  return (req, res, next) => {
    for (const [name, value] of Object.entries(baseSecurityHeaders({ https: httpsAddress || req.secure }))) {
      res.setHeader(name, value);
    }
    // Private pages, their PDFs and their data: never kept by a cache, never indexed. Routes
    // may say more (the PDF is "private, no-store"); what they set replaces this.
    if (isPrivatePath(req.path)) {
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
    // While stopping, each answer closes its connection, so the server can finish.
    if (state.shuttingDown) res.setHeader("Connection", "close");
    next();
  };
}

function healthRoutes(db: Kysely<Database>, state: ServerState, logger: Logger): express.Router {
  const router = express.Router();
  const plain = (res: express.Response, status: number, text: string) =>
    res.status(status).set("Cache-Control", "no-store").type("text/plain").send(`${text}\n`);
  // Liveness: the process is up and answering. Nothing else, so a slow database never gets a
  // healthy process restarted.
  router.get("/healthz", (_req, res) => plain(res, 200, "ok"));
  // Readiness: worth sending traffic to. Not while shutting down, nor without the database.
  router.get("/readyz", async (_req, res) => {
    if (state.shuttingDown) return plain(res, 503, "shutting down");
    try {
      await sql`select 1`.execute(db);
      plain(res, 200, "ready");
    } catch (error) {
      logger.error({ err: error }, "readiness check: the database did not answer");
      plain(res, 503, "database unavailable");
    }
  });
  return router;
}

/**
 * Last resort, when the app itself failed (its own errors become its own error page): log
 * with the request id and send a plain page, never a stack trace.
 */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    logger.error(
      { err: error, reqId: requestIdOf(res), method: req.method, path: maskPath(req.originalUrl) },
      "server error",
    );
    if (res.headersSent) return next(error);
    res
      .status(500)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, there is a problem with the service</title></head><body><main><h1>Sorry, there is a problem with the service</h1><p>Try again later. Your saved answers are safe.</p></main></body></html>`,
      );
  };
}

export function createApp({ config, logger, build, db, state, clientDir, limits }: AppParts): express.Express {
  const app = express();
  app.set("trust proxy", config.trustProxy);
  app.disable("x-powered-by");
  app.use(compression({ filter: compressible }));
  app.use(defaultHeaders(config, state));
  // Vite puts a hash of each file's content in its name, so a changed file has a new name.
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  // The few files at the top of the build (favicon, licences), by name: a static handler for
  // every path would look on disk for each page request first (bench:load).
  const topLevelFiles = new Set(
    existsSync(clientDir)
      ? readdirSync(clientDir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `/${entry.name}`)
      : [],
  );
  const topLevel = express.static(clientDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (topLevelFiles.has(req.path) ? topLevel(req, res, next) : next()));
  app.use(requestLog(logger));
  app.use(healthRoutes(db, state, logger));
  app.use(rateLimits(limits, logger));
  app.use(
    hostGuard(),
    methodGuard(),
    originGuard(config),
    bodyReader({
      maxBytes: MAX_FORM_BYTES,
      drainBytes: DRAIN_BYTES,
      largerFor: [{ path: BRANDING_FORM_PATH, maxBytes: MAX_BRANDING_FORM_BYTES }],
    }),
  );
  app.use(remixHandler(build, config, limits));
  app.use(errorHandler(logger));
  return app;
}
