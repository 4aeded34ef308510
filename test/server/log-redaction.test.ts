import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METROPOLITAN_COUNCIL } from "../fixtures/example-organisations";
import { addFinishedAssessment } from "../support/finished-assessment";
import { rawRequest, startAssessment, startServer, type RunningServer } from "./server-process";

/*
 * A real run: the built server, requests with private links' keys in every place a key can be
 * (paths of every kind, data requests, the PDF, query strings, refused and failed requests,
 * headers), then every line of its log read back. None may hold a key or a cookie.
 */

let server: RunningServer;
let finishedToken = "";
const tokens: string[] = [];
const SECRET_COOKIE = "session=cookie-value-that-must-not-be-logged";
const SECRET_AUTH = "Bearer authorization-value-that-must-not-be-logged";

beforeAll(async () => {
  server = await startServer({
    seed: async (db) => {
      finishedToken = await addFinishedAssessment(db, METROPOLITAN_COUNCIL);
    },
  });
  tokens.push(finishedToken);
});

afterAll(() => server.cleanUp());

async function get(path: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers });
  await response.arrayBuffer();
  return response.status;
}

async function post(path: string, body: string, origin = server.baseUrl): Promise<number> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded", cookie: SECRET_COOKIE },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe("the server's log after a run of requests with private links", () => {
  it("holds no key, no query string, no cookie and no authorization header", async () => {
    for (let index = 0; index < 3; index += 1) tokens.push(await startAssessment(server.baseUrl));
    const [first = "", second = "", third = ""] = tokens.slice(1);

    const statuses: number[] = [];
    for (const token of tokens) {
      statuses.push(
        await get(`/a/${token}`, { cookie: SECRET_COOKIE, authorization: SECRET_AUTH }),
        await get(`/a/${token}/your-link?started`),
        await get(`/a/${token}/organisation/name?return=check&key=${token}`),
        await get(`/a/${token}.data`),
        await get(`/a/${token}/organisation/type.data?_routes=routes%2Fa.%24token.organisation.%24page`),
        await get(`/a/${token}/check/organisation`),
        await get(`/a/${token}/no-such-page`),
        await get(`/A/${token}/report`),
        await get(`/%61/${token}`),
      );
    }
    statuses.push(
      await post(`/a/${first}/organisation/name`, "orgName=Log+Test+Council"),
      await post(`/a/${first}/organisation/name`, "orgName="),
      await post(`/a/${second}/organisation/name`, `orgName=${"x".repeat(300_000)}`),
      await post(`/a/${third}/organisation/name`, "orgName=Forged", "https://evil.example"),
      await post(`/a/${third}/report`, ""),
      await get(`/a/${finishedToken}/report`),
      await get(`/a/${finishedToken}/report.pdf`),
      await get(`/a/${finishedToken}/report.pdf?size=letter`),
      await get(`/r/${finishedToken}`),
      await get(`/search?q=${first}`),
      await get(`/${second}`),
      (await rawRequest(server.baseUrl, { method: "TRACE", path: `/a/${third}/report` })).status,
      (await rawRequest(server.baseUrl, { method: "DELETE", path: `/a/${third}` })).status,
      // A request id that is itself a key is replaced, not repeated into the log.
      await get(`/a/${first}`, { "x-request-id": `id-${first}` }),
    );
    // The run exercised pages, saves, errors, refusals and PDFs.
    for (const status of [200, 302, 400, 403, 404, 405, 413]) expect(statuses).toContain(status);

    expect(await server.stop()).toBe(0);
    const lines = server.stdoutLines();
    expect(lines.length).toBeGreaterThan(tokens.length * 9);
    const leaks = lines.filter((line) => tokens.some((token) => line.includes(token)));
    expect(leaks).toEqual([]);
    for (const line of lines) {
      expect(line).not.toContain("cookie-value");
      expect(line).not.toContain("authorization-value");
      expect(line).not.toMatch(/[?&](started|return|key|q|size)=/);
      expect(() => JSON.parse(line), line).not.toThrow();
    }
    // The paths are still there, masked, so the log still says what happened.
    const paths = server.logEntries().map((entry) => entry.path);
    expect(paths).toContain("/a/[token]/organisation/name");
    expect(paths).toContain("/a/[token].data");
    expect(paths).toContain("/a/[token]/report.pdf");
    expect(paths).toContain("/r/[token]");
    expect(paths).toContain("/[token]");
    expect(server.stderr()).toBe("");
  });
});
