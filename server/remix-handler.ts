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
 * - A refused request (403, 405, 413) is answered by the app's page for that status.
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
import { localsOf } from "./guards";

/** Where the app renders the page for a refused request (app/routes/request-refused.tsx). */
export const REFUSAL_PAGE_PATH = "/request-refused";

export function remixHandler(build: ServerBuild, config: AppConfig): RequestHandler {
  const handle = createRemixRequestHandler(build, "production");
  const publicHost = new URL(config.publicBaseUrl).host;

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { refusal, body, requestId } = localsOf(res);
      // Remix's data requests (`.data`) are read by the app's scripts, not people: a refusal
      // is a short text for them.
      if (refusal && req.path.endsWith(".data")) {
        res
          .status(refusal.status)
          .type("text/plain")
          .send(`${refusalTitle(refusal.status)}.\n`);
        return;
      }
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
      const request = new Request(url, {
        method,
        headers,
        signal: controller.signal,
        body: withBody ? new Uint8Array(body ?? []) : undefined,
      });
      const context: AppLoadContext = { requestId, refusal };
      const response = await handle(request, context);
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
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
