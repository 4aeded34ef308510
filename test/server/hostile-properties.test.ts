/**
 * Property tests of hostile input against the running production build: random methods
 * (including verbs Node does not know), origins, Host headers (foreign, with ports, huge,
 * missing) and chunked bodies either side of the size limit, sent over raw sockets so nothing
 * is tidied up on the way. Whatever arrives, the answer is the right status with a page, never
 * a 500 and never a reset connection, and no private link reaches the log.
 *
 * The rate limits are off for this server (RATE_LIMIT_*=0): these runs send far more requests
 * from one address than the limits allow, and the limits have their own tests
 * (rate-limits.test.ts).
 */
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FORM_BYTES } from "../../app/form-data.server";
import { headingOf, startAssessment, startServer, type RunningServer } from "./server-process";

let server: RunningServer;
let token = "";

beforeAll(async () => {
  server = await startServer({
    env: {
      RATE_LIMIT_CREATE_PER_HOUR: "0",
      RATE_LIMIT_POSTS_PER_MINUTE: "0",
      RATE_LIMIT_PDFS_PER_10_MINUTES: "0",
      RATE_LIMIT_GETS_PER_MINUTE: "0",
    },
  });
  token = await startAssessment(server.baseUrl);
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

/** A busy two-core machine: few runs, each a handful of requests. */
const RUNS = { numRuns: 40 };

type Exchange = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The connection was reset or failed before a whole answer came back. */
  failure?: string;
};

function dechunk(raw: string): string {
  let out = "";
  let rest = raw;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    if (lineEnd < 0) return out + rest;
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/**
 * Writes `head` (and then each of `chunks`, as a chunked body) to a fresh socket and reads the
 * answer until the server closes the connection (every request says `Connection: close`).
 */
function exchange(head: string, chunks?: Buffer[]): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    const received: Buffer[] = [];
    let failure: string | undefined;
    socket.on("data", (data: Buffer) => received.push(data));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // Writing the rest of a body the server has already answered is not a failure of the
      // server's; a reset before the answer arrived is.
      if (error.code !== "EPIPE") failure = error.code ?? error.message;
    });
    socket.on("close", () => {
      const text = Buffer.concat(received).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const headLines = (split < 0 ? text : text.slice(0, split)).split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headLines[0] ?? "")?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of headLines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rawBody = split < 0 ? "" : text.slice(split + 4);
      const body = headers["transfer-encoding"] === "chunked" ? dechunk(rawBody) : rawBody;
      if (status === 0 && !failure) failure = "no answer";
      resolve({ status, headers, body: Buffer.from(body, "latin1").toString("utf8"), failure });
    });
    socket.write(head);
    if (chunks) {
      for (const chunk of chunks) {
        if (chunk.byteLength === 0) continue;
        socket.write(`${chunk.byteLength.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write("\r\n");
      }
      socket.write("0\r\n\r\n");
    }
    // Generous for a busy machine; a server that never answers fails here.
    socket.setTimeout(30_000, () => {
      failure = "timeout";
      socket.destroy();
    });
  });
}

function requestHead(method: string, path: string, headers: Record<string, string | undefined>): string {
  const lines = [`${method} ${path} HTTP/1.1`];
  for (const [name, value] of Object.entries({ ...headers, connection: "close" })) {
    if (value !== undefined) lines.push(`${name}: ${value}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** An answer a person can read: a status, an HTML page with a heading, never a server error. */
function expectPage(answer: Exchange, context: string): void {
  expect(answer.failure, context).toBeUndefined();
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 300 && answer.status < 400) {
    expect(answer.headers.location, context).toMatch(/^\/(?!\/)/);
    return;
  }
  expect(answer.headers["content-type"], context).toMatch(/^text\/html/);
  expect(headingOf(answer.body), context).toMatch(/\w/);
  expect(answer.body, context).not.toMatch(/\bat [\w.<>]+ \(|node_modules|did not provide an .?action/);
}

const paths = () =>
  fc.constantFrom(
    "/",
    "/?index",
    `/a/${token}`,
    `/a/${token}/organisation/name`,
    `/a/${token}/report`,
    `/a/${token}/your-link`,
    "/no/such/page",
    `/a/${"x".repeat(43)}/report`,
    "/contact",
  );

/** Methods Node's parser knows but the app does not take, and verbs nobody knows. */
const refusedMethods = fc.oneof(
  fc.constantFrom("TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "MKCOL", "LOCK", "PURGE", "SEARCH"),
  // Not PRI: "PRI * HTTP/2.0" opens HTTP/2, which this server does not speak (400).
  fc.stringMatching(/^[A-Z]{3,12}$/).filter((verb) => !["GET", "HEAD", "POST", "PRI"].includes(verb)),
);

describe("methods", () => {
  it("answers every method the app does not take with 405, Allow and a page", async () => {
    await fc.assert(
      fc.asyncProperty(refusedMethods, paths(), async (method, path) => {
        const answer = await exchange(requestHead(method, path, { host: `127.0.0.1:${server.port}` }));
        const context = `${method} ${path}`;
        expectPage(answer, context);
        expect(answer.status, context).toBe(405);
        expect(answer.headers.allow, context).toBe("GET, HEAD, POST");
      }),
      RUNS,
    );
  });

  it("answers GET, HEAD and POST with a page or a redirect, never an error of the server's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET", "HEAD", "POST"), paths(), async (method, path) => {
        const body = method === "POST" ? "orgName=Property+Council" : undefined;
        const answer = await exchange(
          requestHead(method, path, {
            host: `127.0.0.1:${server.port}`,
            origin: method === "POST" ? server.baseUrl : undefined,
            "content-type": body === undefined ? undefined : "application/x-www-form-urlencoded",
            "content-length": body === undefined ? undefined : String(body.length),
          }) + (body ?? ""),
        );
        const context = `${method} ${path}`;
        expect(answer.failure, context).toBeUndefined();
        expect(answer.status, context).toBeGreaterThanOrEqual(200);
        expect(answer.status, context).toBeLessThan(500);
        if (method !== "HEAD") expectPage(answer, context);
      }),
      RUNS,
    );
  });
});

describe("origins", () => {
  const base = () => new URL(server.baseUrl);
  /** Origins that are not the service's own address (PUBLIC_BASE_URL). */
  const foreignOrigins = () =>
    fc.oneof(
      fc.constantFrom(
        "null",
        "http://evil.example",
        `https://127.0.0.1:${base().port}`,
        `http://localhost:${base().port}`,
        `http://127.0.0.1:${Number(base().port) + 1}`,
        `http://127.0.0.1`,
        "not a url",
        "file://",
      ),
      fc.webUrl().map((url) => new URL(url).origin),
    );

  it("refuses a post from any other origin with 403 and a page, saving nothing", async () => {
    await fc.assert(
      fc.asyncProperty(foreignOrigins(), paths(), async (origin, path) => {
        const body = "orgName=Forged+Council";
        const answer = await exchange(
          requestHead("POST", path, {
            host: `127.0.0.1:${server.port}`,
            origin,
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(body.length),
          }) + body,
        );
        const context = `POST ${path} from ${origin}`;
        expectPage(answer, context);
        expect(answer.status, context).toBe(403);
      }),
      RUNS,
    );
    const page = await exchange(requestHead("GET", `/a/${token}/organisation/name`, { host: "127.0.0.1" }));
    expect(page.body).not.toContain("Forged Council");
  });

  it("takes a post with no Origin (not a browser) or the service's own, as the app's own forms", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(undefined, server.baseUrl), async (origin) => {
        const body = "orgName=Own+Council";
        const answer = await exchange(
          requestHead("POST", `/a/${token}/organisation/name`, {
            host: `127.0.0.1:${server.port}`,
            origin,
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(body.length),
          }) + body,
        );
        expect(answer.failure).toBeUndefined();
        expect(answer.status).toBe(302);
      }),
      { numRuns: 4 },
    );
  });
});

describe("Host headers", () => {
  const hosts = fc.oneof(
    fc.domain(),
    fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65_535 })).map(([name, port]) => `${name}:${port}`),
    fc.ipV4().map((address) => `${address}:${666}`),
    fc.constantFrom("[::1]:3000", "evil.example:666", "127.0.0.1", `localhost:${1}`, "a".repeat(4000)),
  );

  it("never builds an address from a foreign Host: pages use the public address", async () => {
    await fc.assert(
      fc.asyncProperty(hosts, fc.constantFrom(`/a/${token}/your-link`, "/", `/a/${token}`), async (host, path) => {
        const answer = await exchange(requestHead("GET", path, { host }));
        const context = `GET ${path} Host: ${host.slice(0, 60)}`;
        expectPage(answer, context);
        expect(answer.status, context).toBe(200);
        // No address in the page is built from the Host the client sent.
        if (!server.baseUrl.includes(host)) expect(answer.body, context).not.toContain(`//${host}`);
        if (path.endsWith("/your-link")) expect(answer.body, context).toContain(`${server.baseUrl}/a/${token}`);
      }),
      RUNS,
    );
  });

  it("answers a missing Host with 400 and the app's page, and a huge one with 431 and a page", async () => {
    const missing = await exchange(`GET /a/${token} HTTP/1.1\r\nconnection: close\r\n\r\n`);
    expectPage(missing, "no Host");
    expect(missing.status).toBe(400);
    expect(missing.body).toContain("Your browser sent a request the service could not read");
    expect(missing.body).toContain('class="app-header"');

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 17_000, max: 200_000 }), async (length) => {
        const answer = await exchange(requestHead("GET", `/a/${token}`, { host: "h".repeat(length) }));
        expectPage(answer, `Host of ${length} characters`);
        expect(answer.status).toBe(431);
      }),
      { numRuns: 8 },
    );
  });

  it("answers bytes that are not HTTP, and CONNECT, with a page and the connection closed", async () => {
    const garbage = await exchange("\u0000\u0001 hello\r\n\r\n");
    expectPage(garbage, "garbage");
    expect(garbage.status).toBe(400);
    const tunnel = await exchange("CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n");
    expectPage(tunnel, "CONNECT");
    expect(tunnel.status).toBe(405);
  });
});

describe("chunked bodies", () => {
  /** Chunk sizes that add up to `total` bytes. */
  function chunksOf(total: number, sizes: number[]): Buffer[] {
    const chunks: Buffer[] = [];
    let left = total;
    let index = 0;
    while (left > 0) {
      const size = Math.min(left, sizes[index % sizes.length] ?? 1);
      chunks.push(Buffer.alloc(size, "z"));
      left -= size;
      index += 1;
    }
    return chunks;
  }

  function post(chunks: Buffer[]): Promise<Exchange> {
    return exchange(
      requestHead("POST", `/a/${token}/organisation/name`, {
        host: `127.0.0.1:${server.port}`,
        origin: server.baseUrl,
        "content-type": "application/x-www-form-urlencoded",
        "transfer-encoding": "chunked",
      }),
      [Buffer.from("orgName="), ...chunks],
    );
  }

  const sizes = fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 6 });

  it("takes a chunked body within the limit, however it is cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2_000 }), sizes, async (total, cuts) => {
        const answer = await post(chunksOf(total, cuts));
        expect(answer.failure).toBeUndefined();
        // Saved (302), or refused as too long an answer for the field (400, the page says so).
        expect([302, 400]).toContain(answer.status);
        if (answer.status === 400) expectPage(answer, `${total} bytes`);
      }),
      { numRuns: 15 },
    );
  });

  it("answers a chunked body over the limit with 413 and a page, never a reset", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX_FORM_BYTES + 1, max: 4 * MAX_FORM_BYTES }), sizes, async (total, cuts) => {
        const answer = await post(chunksOf(total, cuts));
        const context = `${total} bytes in chunks of ${cuts.join(", ")}`;
        expectPage(answer, context);
        expect(answer.status, context).toBe(413);
      }),
      { numRuns: 12 },
    );
  });
});

describe("the log after all of the above", () => {
  it("holds no private link, no stack trace and nothing at error level", async () => {
    // A last request, so every line above is written.
    await exchange(requestHead("GET", "/no/such/page", { host: "127.0.0.1" }));
    const lines = server.stdoutLines();
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      expect(line).not.toContain(token);
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.level, line).not.toMatch(/error|fatal/);
      expect(line).not.toMatch(/"stack"|\bat [\w.<>]+ \(/);
    }
    expect(server.stderr()).toBe("");
  });
});
