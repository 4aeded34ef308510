/**
 * The rate limits against the built production server, with small limits set through the
 * documented settings so each can be reached in a few requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { addFinishedAssessment } from "../support/finished-assessment";
import { headingOf, startAssessment, startServer, type RunningServer } from "./server-process";

let server: RunningServer;
let finishedToken = "";
let otherFinishedToken = "";
const tokens: string[] = [];

const TITLE = "Too many requests: wait before trying again";

beforeAll(async () => {
  server = await startServer({
    env: {
      RATE_LIMIT_CREATE_PER_HOUR: "3",
      RATE_LIMIT_POSTS_PER_MINUTE: "4",
      RATE_LIMIT_PDFS_PER_10_MINUTES: "1",
      RATE_LIMIT_GETS_PER_MINUTE: "60",
    },
    seed: async (db) => {
      finishedToken = await addFinishedAssessment(db, RURAL_COUNCIL);
      otherFinishedToken = await addFinishedAssessment(db, RURAL_COUNCIL);
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

async function send(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual", ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return send(path, {
    method: "POST",
    headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

function expectTooManyPage(answer: Awaited<ReturnType<typeof send>>, wait: RegExp) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.body).toContain('class="app-header"');
  expect(answer.body).toMatch(/<main[^>]*id="main-content"/);
  expect(headingOf(answer.body)).toBe(TITLE);
  expect(answer.body).toContain(`<title>${TITLE} – Engagement readiness assessment</title>`);
  expect(answer.body).toMatch(wait);
  expect(answer.body).not.toMatch(/\bat [\w.<>]+ \(|Error:|node_modules/);
}

describe("starting assessments, per client address", () => {
  it("allows the configured number an hour, then answers 429 with a page saying when to try again", async () => {
    for (let i = 0; i < 3; i += 1) tokens.push(await startAssessment(server.baseUrl));
    // X-Forwarded-For is not believed without TRUST_PROXY: a client cannot choose a new address.
    const refused = await post("/?index", "", { "x-forwarded-for": "198.51.100.7" });
    expectTooManyPage(refused, /Try again in about (59|60) minutes/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(refused.body).toContain("Too many new assessments have been started from your internet connection");
    expect(refused.headers.get("location")).toBeNull();
  });
});

describe("posts, per link", () => {
  it("refuses the post over the limit without losing saved answers, and leaves other links alone", async () => {
    const [token = "", other = ""] = tokens;
    const page = `/a/${token}/organisation/name`;
    for (let i = 1; i <= 4; i += 1) {
      expect((await post(page, `orgName=Council+${i}`)).status).toBe(302);
    }
    const refused = await post(page, "orgName=Lost+Council");
    expectTooManyPage(refused, /Try again in (50|60) seconds/);
    expect(refused.body).toContain("Your saved answers are safe");
    expect(refused.body).toContain(`href="/a/${token}/organisation/name"`);
    const saved = await send(page);
    expect(saved.body).toContain("Council 4");
    expect(saved.body).not.toContain("Lost Council");
    expect((await post(`/a/${other}/organisation/name`, "orgName=Other+Council")).status).toBe(302);
  });

  it("answers the app's scripts (.data) with 429 and a short text", async () => {
    const [token = ""] = tokens;
    const refused = await post(`/a/${token}/organisation/name.data`, "orgName=Scripted");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body).toBe(`${TITLE}.\n`);
  });
});

describe("PDF downloads, per link", () => {
  it("allows the configured number, then 429, per link", { timeout: 150_000 }, async () => {
    // Whether the render succeeds on a busy machine is not what is tested here: the count is of
    // downloads asked for.
    expect([200, 303]).toContain((await send(`/a/${finishedToken}/report.pdf`)).status);
    const refused = await send(`/a/${finishedToken}/report.pdf`);
    expectTooManyPage(refused, /Try again in about (9|10) minutes/);
    expect(refused.body).toContain("This report has been downloaded too many times");
    expect(refused.headers.get("content-disposition")).toBeNull();
    // Another link has its own count (refused at once otherwise, so HEAD is enough to tell).
    const other = await send(`/a/${otherFinishedToken}/report.pdf`, { method: "HEAD" });
    expect(other.status).not.toBe(429);
  });
});

describe("page views, per client address", () => {
  it("refuses past the loose limit, and files are never counted", async () => {
    let refused: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 80 && !refused; i += 1) {
      const answer = await send("/");
      if (answer.status === 429) refused = answer;
      else expect(answer.status).toBe(200);
    }
    expect(refused).toBeDefined();
    if (refused) expectTooManyPage(refused, /Try again in \d+ seconds/);
    expect((await send("/favicon.svg")).status).toBe(200);
    expect((await send("/healthz")).status).toBe(200);
  });
});

describe("the log", () => {
  it("records each refusal as a 429 and holds no link's key", async () => {
    // A request is logged when its answer has been sent: give the last line a moment.
    const deadline = Date.now() + 5000;
    while (server.logEntries().filter((entry) => entry.status === 429).length < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lines = server.stdoutLines();
    const log = lines.join("\n");
    for (const token of [...tokens, finishedToken, otherFinishedToken]) {
      expect(token).toHaveLength(43);
      expect(log).not.toContain(token);
    }
    const refusals = server.logEntries().filter((entry) => entry.status === 429);
    expect(refusals.map((entry) => entry.path)).toEqual([
      "/",
      "/a/[token]/organisation/name",
      "/a/[token]/organisation/name.data",
      "/a/[token]/report.pdf",
      "/",
    ]);
    expect(server.logEntries().some((entry) => entry.level === 50 || entry.status === 500)).toBe(false);
  });
});
