/**
 * Checks the production server makes before a request reaches the app, so hostile or broken
 * requests get a clear page with the right status (400, 403, 405, 413) instead of a bare 500 or a
 * reset connection. A refused request is marked in `res.locals.refusal` and passed on: the
 * Remix handler then renders the app's page for that status (app/routes/request-refused.tsx).
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { AppConfig } from "../app/config.server";
import type { Refusal } from "../app/load-context";

/** The methods the app answers. Forms post; everything else is a page or a file. */
export const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST"]);
export const ALLOW_HEADER = "GET, HEAD, POST";

/** What the server read of a request's body, for the Remix handler. */
export type ServerLocals = { refusal?: Refusal; body?: Buffer; requestId?: string };

export function localsOf(res: Response): ServerLocals {
  return res.locals as ServerLocals;
}

function refuse(req: Request, res: Response, next: NextFunction, status: Refusal["status"]): void {
  localsOf(res).refusal = { status, path: req.path };
  if (status === 405) res.setHeader("Allow", ALLOW_HEADER);
  next();
}

/**
 * HTTP/1.1 requires a Host header; a request without one gets 400 and the app's page saying
 * so. (The app never uses Host for addresses: PUBLIC_BASE_URL does that.)
 */
export function hostGuard(): RequestHandler {
  return (req, res, next) => {
    if (localsOf(res).refusal || req.httpVersion !== "1.1" || req.headers.host !== undefined) return next();
    refuse(req, res, next, 400);
  };
}

/** TRACE, PUT, DELETE, OPTIONS and the rest: 405 with `Allow`, and the app's page saying so. */
export function methodGuard(): RequestHandler {
  return (req, res, next) => {
    if (ALLOWED_METHODS.has(req.method)) return next();
    refuse(req, res, next, 405);
  };
}

/**
 * True when a post's Origin says it came from another site. With PUBLIC_BASE_URL set, the
 * Origin must be exactly that address. Without it (development, tests, `npm start`), the rule
 * is Remix's own: the Origin's host must be the X-Forwarded-Host, or else the Host, header.
 * No Origin at all is allowed (browsers always send one on a cross-site post; other programs
 * cannot forge a person's visit); `Origin: null` and malformed values are refused.
 */
export function isForeignOrigin(
  headers: { origin?: string; host?: string; "x-forwarded-host"?: string | string[] },
  config: Pick<AppConfig, "publicBaseUrl" | "publicBaseUrlSource">,
): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return true;
  }
  if (url.origin === "null") return true;
  if (config.publicBaseUrlSource === "configured") return url.origin !== config.publicBaseUrl;
  const forwarded = headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const host = forwardedHost || headers.host;
  return !host || url.host !== host;
}

/** A post from another site (cross-site request forgery, or a misconfigured proxy): 403. */
export function originGuard(config: AppConfig): RequestHandler {
  return (req, res, next) => {
    if (localsOf(res).refusal || req.method !== "POST") return next();
    if (isForeignOrigin(req.headers, config)) return refuse(req, res, next, 403);
    next();
  };
}

export type BodyLimits = {
  /** The largest body passed to the app. */
  maxBytes: number;
  /**
   * Larger limits for the few paths that take a file (the workspace logo), so the page itself
   * can say the file is too big; every other post keeps `maxBytes`.
   */
  largerFor?: readonly { path: RegExp; maxBytes: number }[];
  /**
   * How much more of a body over the limit is read and thrown away before answering, so that
   * the client, still sending, gets the 413 page rather than a reset connection. Past this
   * the server answers at once and closes the connection.
   */
  drainBytes: number;
};

/**
 * Reads a post's body, up to `maxBytes`, before the app sees it, whether the client declared
 * its length or sent it in chunks. Over the limit, the rest is read and discarded (up to
 * `drainBytes`) and the request answered 413 with the app's page; the app never sees it.
 */
export function bodyReader(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (localsOf(res).refusal || req.method === "GET" || req.method === "HEAD") return next();
    const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
    const maxBytes = limits.largerFor?.find((larger) => larger.path.test(req.path))?.maxBytes ?? limits.maxBytes;
    const answerNow = () => {
      // Too much to read through: answer now, and close the connection once the page is sent.
      res.setHeader("Connection", "close");
      refuse(req, res, next, 413);
    };
    if (declared !== undefined && declared > limits.drainBytes) return answerNow();

    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = declared !== undefined && declared > maxBytes;
    const cleanUp = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    function onData(chunk: Buffer) {
      total += chunk.byteLength;
      if (!tooLarge && total > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
      if (total > limits.drainBytes) {
        cleanUp();
        req.pause();
        answerNow();
      }
    }
    function onEnd() {
      cleanUp();
      if (tooLarge) return refuse(req, res, next, 413);
      localsOf(res).body = Buffer.concat(chunks, total);
      next();
    }
    function onError() {
      // The client went away mid-body: there is no one to answer.
      cleanUp();
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}
