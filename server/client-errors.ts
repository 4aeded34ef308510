/**
 * Answers for requests Node's HTTP parser cannot hand to Express: a request line or headers it
 * cannot read (an unknown method, bytes that are not HTTP), headers over Node's size limit (a
 * huge Host, say), a client too slow to send its headers, and CONNECT (a proxy's method, which
 * Node passes to its own event). Without these, Node answers with a bare status line, or for
 * CONNECT closes the connection without a word. Each gets the right status, a short page and
 * `Connection: close`. These pages are written to the socket directly, so they cannot use the
 * app's layout; they are plain and self-contained, and they never echo the request.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "../app/logger.server";
import { ALLOW_HEADER } from "./guards";

type ClientErrorAnswer = { status: number; reason: string; title: string; detail: string; allow?: boolean };

const ANSWERS = {
  unreadable: {
    status: 400,
    reason: "Bad Request",
    title: "Your browser sent a request the service could not read",
    detail: "Nothing was saved or changed. Try again, or go to the start page.",
  },
  method: {
    status: 405,
    reason: "Method Not Allowed",
    title: "This page cannot be used that way",
    detail:
      "Your browser or program asked for this page in a way the service does not support. Nothing was saved or changed.",
    allow: true,
  },
  headersTooLarge: {
    status: 431,
    reason: "Request Header Fields Too Large",
    title: "Your browser sent too much information with its request",
    detail:
      "Nothing was saved or changed. Try again. If this keeps happening, clear this site's cookies in your browser.",
  },
  timeout: {
    status: 408,
    reason: "Request Timeout",
    title: "Your browser took too long to send its request",
    detail: "Nothing was saved or changed. Try again.",
  },
} satisfies Record<string, ClientErrorAnswer>;

/** The raw HTTP answer: status line, headers and a small page. */
export function clientErrorResponse(answer: ClientErrorAnswer): string {
  const page = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${answer.title} – Engagement readiness assessment</title></head>
<body>
<main>
<h1>${answer.title}</h1>
<p>${answer.detail}</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>
`;
  const headers = [
    `HTTP/1.1 ${answer.status} ${answer.reason}`,
    "Content-Type: text/html; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(page)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "X-Frame-Options: DENY",
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
    ...(answer.allow ? [`Allow: ${ALLOW_HEADER}`] : []),
    "Connection: close",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${page}`;
}

/** Which answer a parser error gets. A well-formed request line with an unknown verb is a 405. */
export function answerFor(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): ClientErrorAnswer {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return ANSWERS.headersTooLarge;
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return ANSWERS.timeout;
    case "HPE_INVALID_METHOD": {
      const line = error.rawPacket?.subarray(0, 200).toString("latin1") ?? "";
      return /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,30} \S+ HTTP\/1\.[01]\r?\n/.test(line)
        ? ANSWERS.method
        : ANSWERS.unreadable;
    }
    default:
      return ANSWERS.unreadable;
  }
}

/** How long a refused client may go on sending (what it sends is read and dropped). */
const LINGER_MS = 5000;

/**
 * Sends the answer, then reads and drops whatever the client is still sending (the rest of a
 * huge header, say) until it closes its side or `LINGER_MS` passes. Closing at once with unread
 * data would make the kernel reset the connection, and the client could lose the answer.
 */
function answerAndLinger(socket: Duplex, answer: ClientErrorAnswer): void {
  socket.on("data", () => undefined);
  socket.resume();
  socket.end(clientErrorResponse(answer));
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

export function handleClientErrors(server: Server, logger: Logger): void {
  // Node reports the same parse error again for each later chunk: answer each socket once.
  const answered = new WeakSet<Duplex>();
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (answered.has(socket)) return;
    // A client that has gone cannot be answered.
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const answer = answerFor(error);
    // Only the code and status: the raw request may hold a private link.
    logger.info({ code: error.code, status: answer.status }, "unreadable request");
    answerAndLinger(socket, answer);
  });
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    logger.info({ method: "CONNECT", status: 405 }, "unreadable request");
    answerAndLinger(socket, ANSWERS.method);
  });
}
