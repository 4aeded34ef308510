import { randomUUID } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { maskPath, scrubTokens, type Logger } from "../app/logger.server";

/** Paths the load balancer polls: logged only when they are not healthy. */
export const HEALTH_PATHS = new Set(["/healthz", "/readyz"]);

// Letters, digits and a few separators, up to 64 characters: enough for a UUID or a proxy's
// own id format, and nothing that could break a log line or smuggle in a long value.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * An incoming X-Request-Id worth keeping (so a proxy's id and ours match), or undefined. An id
 * that holds something shaped like a link's key is not kept: it would carry the key into the log.
 */
export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !SANE_REQUEST_ID.test(value)) return undefined;
  return scrubTokens(value) === value ? value : undefined;
}

/** The request id given to a request by `requestLog`. */
export function requestIdOf(res: Response): string | undefined {
  return (res.locals as { requestId?: string }).requestId;
}

/**
 * One JSON line per request, written when the response is finished (or the client goes away):
 * request id, method, masked path (no key, no query string), status and duration. Headers are
 * not logged. Healthy health checks are left out, so the log shows traffic, not polling.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers["x-request-id"]) ?? randomUUID();
    (res.locals as { requestId?: string }).requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const aborted = !res.writableFinished;
      const status = res.statusCode;
      if (!aborted && status < 400 && HEALTH_PATHS.has(req.path)) return;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 10_000) / 100;
      const line = {
        reqId: requestId,
        method: req.method,
        path: maskPath(req.originalUrl),
        status,
        durationMs,
        remoteAddress: req.ip,
        ...(aborted ? { aborted: true } : {}),
      };
      if (status >= 500) logger.error(line, "request failed");
      else logger.info(line, aborted ? "request aborted by the client" : "request");
    };
    res.once("finish", done);
    res.once("close", done);
    next();
  };
}
