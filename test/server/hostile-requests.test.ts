import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { addFinishedAssessment } from "../support/finished-assessment";
import {
  headingOf,
  rawRequest,
  startAssessment,
  startServer,
  type RawResponse,
  type RunningServer,
} from "./server-process";

let server: RunningServer;
let token: string;
let finishedToken = "";

beforeAll(async () => {
  server = await startServer({
    seed: async (db) => {
      finishedToken = await addFinishedAssessment(db, RURAL_COUNCIL);
    },
  });
  token = await startAssessment(server.baseUrl);
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

type Answer = { status: number; header: (name: string) => string | undefined; body: string };

function fromFetch(response: Response, body: string): Answer {
  return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, body };
}

function fromRaw(response: RawResponse): Answer {
  return {
    status: response.status,
    header: (name) => {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    body: response.body,
  };
}

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual", ...init });
  return fromFetch(response, await response.text());
}

/** An error page in the app's own layout, with its heading as title, never a stack trace. */
function expectAppErrorPage(answer: Answer, status: number, heading: string): void {
  expect(answer.status).toBe(status);
  expect(answer.header("content-type")).toMatch(/^text\/html/);
  expect(answer.body).toMatch(/<html lang="en-GB"/);
  expect(answer.body).toContain('class="app-header"');
  expect(answer.body).toContain('href="#main-content"');
  expect(answer.body).toMatch(/<main[^>]*id="main-content"/);
  expect(answer.body).toMatch(/<link rel="stylesheet" href="\/assets\/app-[\w-]+\.css"/);
  expect(headingOf(answer.body)).toBe(heading);
  expect(answer.body).toContain(`<title>${heading} – Engagement readiness assessment</title>`);
  // No stack frame or source path. (A 404's hydration data holds Remix's own message, "Error:
  // No route matches URL", which is not one.)
  expect(answer.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+/);
  // An error page is about this moment, not this address.
  expect(answer.header("cache-control")).toBe("no-store");
  expect(answer.header("x-content-type-options")).toBe("nosniff");
  expect(answer.header("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
}

describe("posts from another site", () => {
  it("answers 403 with a page saying so, and starts nothing", async () => {
    for (const origin of ["http://evil.example", "null", "not a url", `https://127.0.0.1:${server.port}`]) {
      const answer = await send("/?index", {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
      expectAppErrorPage(answer, 403, "The form was not sent from this service");
      expect(answer.header("location")).toBeUndefined();
    }
  });

  it("does not save an answer posted to a question page from another site", async () => {
    const page = `/a/${token}/organisation/name`;
    const before = await send(page);
    expect(before.status).toBe(200);
    const answer = await send(page, {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: "orgName=Forged+Council",
    });
    expectAppErrorPage(answer, 403, "The form was not sent from this service");
    // The link back is to the page itself, on this site.
    expect(answer.body).toContain(`href="/a/${token}/organisation/name"`);
    const after = await send(page);
    expect(after.body).not.toContain("Forged Council");
  });

  it("accepts the same post from the app's own pages", async () => {
    const answer = await send(`/a/${token}/organisation/name`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "orgName=Genuine+Council",
    });
    expect(answer.status).toBe(302);
    expect((await send(`/a/${token}/organisation/name`)).body).toContain("Genuine Council");
  });
});

describe("methods the app does not take", () => {
  it("answers TRACE, PUT, DELETE, PATCH and OPTIONS with 405, Allow and a page", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      for (const path of ["/", `/a/${token}`]) {
        const answer = fromRaw(await rawRequest(server.baseUrl, { method, path }));
        expectAppErrorPage(answer, 405, "This page cannot be used that way");
        expect(answer.header("allow")).toBe("GET, HEAD, POST");
      }
    }
  });

  it("answers a post to a page that takes none with 405 and Allow: GET, HEAD", async () => {
    const answer = await send(`/a/${token}/report`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expectAppErrorPage(answer, 405, "This page cannot be used that way");
    expect(answer.header("allow")).toBe("GET, HEAD");
    // The server's own page, not Remix's: no internal message naming the route or the link,
    // in the page or in data sent with it.
    expect(answer.body).not.toMatch(/did not provide an .?action|routes\/a\.\$token/);
    expect(answer.body).toContain(`href="/a/${token}/report"`);
    expect(answer.body).toContain("asked for this page in a way the service does not support");

    const data = await send(`/a/${token}/report.data`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(data.status).toBe(405);
    expect(data.header("allow")).toBe("GET, HEAD");
    expect(data.body).toBe("This page cannot be used that way.\n");
  });

  it("treats Remix's old data requests (?_data=) as ordinary ones, with nothing logged as an error", async () => {
    const answer = await send(`/a/${token}/report?_data=routes%2Fa.%24token.report`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expectAppErrorPage(answer, 405, "This page cannot be used that way");
    expect((await send(`/a/${token}?_data=root`)).status).toBeLessThan(400);
  });

  it("shows the page for a refused request only in place of one", async () => {
    const answer = await send("/request-refused");
    expectAppErrorPage(answer, 404, "Page not found");
  });
});

describe("bodies over the size limit", () => {
  const page = () => `/a/${token}/organisation/name`;
  const headers = () => ({ origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" });

  it("answers 413 with a page for a declared length over the limit", async () => {
    const answer = await send(page(), { method: "POST", headers: headers(), body: `orgName=${"a".repeat(300_000)}` });
    expectAppErrorPage(answer, 413, "Your answers were too long to send");
  });

  it("answers 413 with a page, not a reset connection, for a chunked body over the limit", async () => {
    const chunks = Array.from({ length: 40 }, (_, index) => (index === 0 ? "orgName=" : "b".repeat(16_384)));
    const answer = fromRaw(
      await rawRequest(server.baseUrl, { method: "POST", path: page(), headers: headers(), chunks }),
    );
    expectAppErrorPage(answer, 413, "Your answers were too long to send");
  });

  it("answers 413 to a body far over the limit at once, from its declared length, then closes the connection", async () => {
    // A client sending 12 MB may still be writing when the server closes; whether it then reads
    // the answer is up to the client (fetch gives up on EPIPE). So this client declares 12 MB,
    // sends the first part and waits: the server must answer without waiting for the rest.
    const { connect } = await import("node:net");
    const url = new URL(server.baseUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        const head = [
          `POST ${page()} HTTP/1.1`,
          `Host: ${url.host}`,
          `Origin: ${server.baseUrl}`,
          "Content-Type: application/x-www-form-urlencoded",
          "Content-Length: 12000000",
          "",
          "",
        ].join("\r\n");
        socket.write(head + "c".repeat(64 * 1024));
      });
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (received += chunk));
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
      socket.setTimeout(20_000, () => reject(new Error("no answer within 20 s")));
    });
    const [head = "", ...rest] = raw.split("\r\n\r\n");
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
    const headerLines = new Map(
      head
        .split("\r\n")
        .slice(1)
        .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
    );
    const answer: Answer = {
      status,
      header: (name) => headerLines.get(name.toLowerCase()),
      body: rest.join("\r\n\r\n"),
    };
    expect(answer.header("connection")).toBe("close");
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Your answers were too long to send");
  });

  it("saves nothing from a refused body, and takes a body within the limit, chunked or not", async () => {
    expect((await send(page())).body).not.toContain("bbbbbbbb");
    const chunked = fromRaw(
      await rawRequest(server.baseUrl, {
        method: "POST",
        path: page(),
        headers: headers(),
        chunks: ["orgName=Chunked", "+Council"],
      }),
    );
    expect(chunked.status).toBe(302);
    expect((await send(page())).body).toContain("Chunked Council");
  });
});

describe("pages not found", () => {
  it("answers 404 with the app's page, not kept by any cache", async () => {
    for (const path of ["/no/such/page", `/a/${"x".repeat(43)}`, "/a/short", "/assets/missing.js"]) {
      const answer = await send(path);
      expectAppErrorPage(answer, 404, "Page not found");
    }
  });
});

describe("headers", () => {
  it("sends the security headers on every response: pages, data, files, PDFs", async () => {
    const start = await send("/");
    const stylesheet = /href="(\/assets\/app-[\w-]+\.css)"/.exec(start.body)?.[1] ?? "";
    const answers = {
      start,
      stylesheet: await send(stylesheet),
      favicon: await send("/favicon.svg"),
      data: await send("/_root.data"),
      privateData: await send(`/a/${token}.data`),
      pdf: await send(`/a/${finishedToken}/report.pdf`),
      health: await send("/healthz"),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(200);
      expect(answer.header("x-content-type-options"), name).toBe("nosniff");
      expect(answer.header("x-frame-options"), name).toBe("DENY");
      expect(answer.header("referrer-policy"), name).toBe("same-origin");
      expect(answer.header("x-powered-by"), name).toBeUndefined();
      // Static files are served before the request log (they are not logged), so only the
      // rest carry a request id.
      if (name !== "stylesheet" && name !== "favicon")
        expect(answer.header("x-request-id"), name).toMatch(/^[\w-]{36}$/);
      // PUBLIC_BASE_URL is http:// here: no HSTS (see public-address.test.ts for https).
      expect(answer.header("strict-transport-security"), name).toBeUndefined();
    }
    expect(answers.stylesheet.header("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(answers.favicon.header("cache-control")).toBe("public, max-age=3600");
  });

  it("keeps private pages, their data and the PDF out of caches and search engines", async () => {
    const answers = {
      page: await send(`/a/${token}`),
      data: await send(`/a/${token}.data`),
      pdf: await send(`/a/${finishedToken}/report.pdf`),
      report: await send(`/a/${finishedToken}/report`),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(200);
      expect(answer.header("cache-control"), name).toMatch(/no-store/);
      expect(answer.header("x-robots-tag"), name).toMatch(/noindex/);
    }
    expect(answers.pdf.header("content-type")).toBe("application/pdf");
    // A header set by both the server and the app is sent once.
    expect(answers.pdf.header("x-content-type-options")).toBe("nosniff");
    expect(answers.page.header("x-robots-tag")).toBe("noindex, nofollow");
  });

  it("lets search engines index the public start page", async () => {
    expect((await send("/")).header("x-robots-tag")).toBeUndefined();
  });
});

describe("the log of all the above", () => {
  it("has one line per request, none with a stack trace or an error level", async () => {
    // A last request, so the lines above are certainly written.
    await send("/no/such/page");
    const entries = server.logEntries();
    const requests = entries.filter((entry) => entry.msg === "request");
    const statuses = new Set(requests.map((entry) => entry.status));
    for (const status of [403, 404, 405, 413, 302, 200]) expect(statuses, `status ${status}`).toContain(status);
    const ids = requests.map((entry) => entry.reqId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) {
      expect(entry.level, JSON.stringify(entry)).not.toMatch(/error|fatal/);
      expect(JSON.stringify(entry)).not.toMatch(/"stack"|"err"|\bat [\w.<>]+ \(/);
    }
  });
});
