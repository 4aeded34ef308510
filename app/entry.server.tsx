import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./nonce";
import { getLogger, maskPath } from "./logger.server";
import { getPdfPool } from "./pdf/pdf-pool.server";
import { startEmptyAssessmentCleanup } from "./retention/cleanup-job.server";
import { securityHeaders } from "./security-headers.server";

const ABORT_DELAY = 5_000;

// Start the PDF workers with the server, so they have loaded their fonts and warmed up the
// renderer before anyone asks for a PDF.
getPdfPool();

// Remove assessments nobody answered once they pass EMPTY_ASSESSMENT_DAYS (checked hourly).
startEmptyAssessmentCleanup();

export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const nonce = randomBytes(16).toString("base64");
  const userAgent = request.headers.get("user-agent");
  // Crawlers and no-JavaScript clients get the whole document at once.
  const readyEvent = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell has streamed are logged here; earlier ones reach onShellError.
          if (shellRendered) logRequestError(error, request, loadContext);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Errors from loaders, actions and rendering, logged once with the request's id. A client that
 * went away is not an error, and a 4xx (a page not found, a method not allowed) already has its
 * line in the request log: logging its stack as well only hid real problems.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logRequestError(error, request, context);
}

function logRequestError(error: unknown, request: Request, context: AppLoadContext | undefined): void {
  getLogger().error(
    { err: error, reqId: context?.requestId, method: request.method, path: maskPath(request.url) },
    "request failed",
  );
}
