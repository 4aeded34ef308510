/**
 * Hands a request to the Remix app and sends its answer: @remix-run/node's request handler,
 * as @remix-run/express wraps it, with three differences that the guards need (which is why
 * the adapter itself is not used: it reads the body from the socket and the address from Host):
 *
 * - The body is the one the server already read within its size limit (`bodyReader`), not the
 *   socket, so the app never reads an oversized body and a 413 never resets the connection.
 * - The request's address is built from the public address (PUBLIC_BASE_URL, or the local
 *   fallback), never from the Host header, so nothing in the app can be steered by a client's
 *   Host. With PUBLIC_BASE_URL set, the Host the app sees is the public one too, and Remix's
 *   own cross-site check compares the Origin with it (the server's `originGuard` already has).
 * - A refused request (403, 405, 413, 429) is answered by the app's page for that status, and so
 *   is a post to a page that takes none (Remix's own 405 page carries its internal message),
 *   and a PDF the app was too busy to make (503 with Retry-After).
 *
 * Headers the app sets replace the server's defaults rather than repeat them.
 */
import {
  createRequestHandler as createRemixRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { AppConfig } from "../app/config.server";
import { refusalTitle } from "../app/components/refusal-title";
import type { Refusal } from "../app/load-context";
import { localsOf } from "./guards";
import type { LimitStore } from "./limits";

/** Where the app renders the page for a refused request (app/routes/request-refused.tsx). */
export const REFUSAL_PAGE_PATH = "/request-refused";

export function remixHandler(build: ServerBuild, config: AppConfig, limits?: LimitStore): RequestHandler {
  const handle = createRemixRequestHandler(build, "production");
  const publicHost = new URL(config.publicBaseUrl).host;

  /** Hands one request to Remix: the request itself, or the page for its refusal in its place. */
  async function ask(
    req: Request,
    res: Response,
    refusal: Refusal | undefined,
    body: Buffer | undefined,
    requestId: string | undefined,
  ) {
    const headers = remixHeaders(req.headers);
    if (config.publicBaseUrlSource === "configured") {
      headers.set("host", publicHost);
      headers.delete("x-forwarded-host");
    }
    const method = refusal ? "GET" : req.method;
    const withBody = method !== "GET" && method !== "HEAD";
    headers.delete("transfer-encoding");
    if (withBody) headers.set("content-length", String(body?.byteLength ?? 0));
    else for (const name of ["content-length", "content-type"]) headers.delete(name);

    const controller = new AbortController();
    // Stop loaders and actions when the client has gone and no answer can be written.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const url = new URL(refusal ? REFUSAL_PAGE_PATH : req.originalUrl, config.publicBaseUrl);
    // NOTE: `?_data=` is Remix's data protocol from before single fetch, which this app never
    // uses; Remix still answers it, logging a warning with a stack trace at error level. Without
    // it the request is an ordinary one.
    url.searchParams.delete("_data");
    const request = new Request(url, {
      method,
      headers,
      signal: controller.signal,
      body: withBody ? new Uint8Array(body ?? []) : undefined,
    });
    const context: AppLoadContext = { requestId, refusal, clientAddress: req.ip, limits };
    return handle(request, context);
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { refusal, body, requestId } = localsOf(res);
      if (refusal && isDataRequest(req)) return sendRefusalText(res, refusal);
      const response = await ask(req, res, refusal, body, requestId);
      // Remix answers a post to a page that takes none with 405 itself, and its page (and the
      // data sent with it) carries its internal message, naming the route and the private link.
      // The server's own 405 page says it plainly instead.
      if (!refusal && req.method === "POST" && response.status === 405) {
        // NOTE: read to the end, not cancelled: cancelling React's render stream makes it log
        // "The destination stream closed early" as an error.
        await response.arrayBuffer();
        const noAction: Refusal = { status: 405, path: req.path };
        res.setHeader("Allow", response.headers.get("allow") ?? "GET, HEAD");
        if (isDataRequest(req)) return sendRefusalText(res, noAction);
        return await sendResponse(res, await ask(req, res, noAction, undefined, requestId));
      }
      // A PDF the app was too busy to make: 503 with Retry-After (app/pdf/pdf-response.server.ts).
      // The app's own page for it, in its layout, says when to try again.
      const retryAfter = Number(response.headers.get("retry-after"));
      if (!refusal && response.status === 503 && retryAfter > 0 && !isDataRequest(req)) {
        await response.arrayBuffer();
        const busy: Refusal = { status: 503, path: req.path, retryAfterSeconds: retryAfter };
        res.setHeader("Retry-After", String(retryAfter));
        return await sendResponse(res, await ask(req, res, busy, undefined, requestId));
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** Remix's data requests (`.data`) are read by the app's scripts, not people. */
function isDataRequest(req: Request): boolean {
  return req.path.endsWith(".data");
}

/** A refusal for the app's scripts: a short text, with the status. */
function sendRefusalText(res: Response, refusal: Refusal): void {
  res
    .status(refusal.status)
    .type("text/plain")
    .send(`${refusalTitle(refusal.status)}.\n`);
}

function remixHeaders(incoming: Request["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function sendResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  // An error page is about this moment, not this address: never keep it (a 404 cached by a
  // proxy would outlive the page it stands for).
  if (response.status >= 400 && !response.headers.has("cache-control")) res.setHeader("Cache-Control", "no-store");
  // Remix answers 405 itself for a post to a page that takes none.
  if (response.status === 405 && !res.hasHeader("allow")) res.setHeader("Allow", "GET, HEAD");
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
