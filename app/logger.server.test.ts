import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPath, scrubTokens } from "./logger.server";

const KEY = "Q6Q2nl3rq42Og8Tee46OuuyeyyHKyDMqg1VG7De0Zpk";
const OTHER_KEY = "g5yGPmI5pui9C-S2uf-bPqoeoexxeqhmLGq7OxEGKLg";

describe("maskPath", () => {
  it("replaces the key after /a/ and /r/ and drops the query string", () => {
    const cases: [string, string][] = [
      [`/a/${KEY}`, "/a/[token]"],
      [`/a/${KEY}/`, "/a/[token]/"],
      [`/a/${KEY}/organisation/name?return=check`, "/a/[token]/organisation/name"],
      [`/a/${KEY}/report.pdf?size=letter`, "/a/[token]/report.pdf"],
      [`/a/${KEY}.data`, "/a/[token].data"],
      [`/a/${KEY}/report.data?_routes=x`, "/a/[token]/report.data"],
      [`/r/${KEY}`, "/r/[token]"],
      [`/r/${KEY}/report.pdf`, "/r/[token]/report.pdf"],
      // A workshop link's key, even a short or mistyped one.
      [`/join/${KEY}`, "/join/[token]"],
      ["/join/abc", "/join/[token]"],
      [`/a/${KEY}#top`, "/a/[token]"],
      // Routes match without regard to case or percent-encoding; so does the mask.
      [`/A/${KEY}/report`, "/A/[token]/report"],
      [`/%61/${KEY}`, "/%61/[token]"],
      [`//a/${KEY}`, "//a/[token]"],
      // Short or malformed keys are masked too: a typo of a key is still most of a key.
      ["/a/abc/report", "/a/[token]/report"],
      ["/a/%E0%A4%A/x", "/a/[token]/x"],
    ];
    for (const [path, masked] of cases) expect(maskPath(path), path).toBe(masked);
  });

  it("masks anything shaped like a key wherever it is in the path", () => {
    expect(maskPath(`/${KEY}`)).toBe("/[token]");
    expect(maskPath(`/search/${KEY}/more`)).toBe("/search/[token]/more");
    expect(maskPath(`/x/${encodeURIComponent(KEY)}.data`)).toBe("/x/[token].data");
  });

  it("leaves ordinary paths alone", () => {
    for (const path of ["/", "/healthz", "/assets/app-DjLiYjvt.css", "/a", "/about/accessibility", "/_root.data"]) {
      expect(maskPath(path)).toBe(path);
    }
    expect(maskPath("/?index")).toBe("/");
    expect(maskPath("")).toBe("/");
  });

  it("takes whole URLs too, and keeps only the masked path", () => {
    expect(maskPath(`https://readiness.example.org/a/${KEY}/report?x=${OTHER_KEY}`)).toBe("/a/[token]/report");
    expect(maskPath("http://localhost:3000")).toBe("/");
  });
});

describe("scrubTokens", () => {
  it("masks keys in free text: URLs, paths and bare keys", () => {
    const text = `No route matches URL "/a/${KEY}/nope" (see https://x.example/r/${OTHER_KEY}?y) and ${KEY}.`;
    const scrubbed = scrubTokens(text);
    expect(scrubbed).not.toContain(KEY);
    expect(scrubbed).not.toContain(OTHER_KEY);
    expect(scrubbed).toBe('No route matches URL "/a/[token]/nope" (see https://x.example/r/[token]?y) and [token].');
  });

  it("leaves ordinary text, ids and file paths alone", () => {
    const text = "request 5afe4e29-fcd2-482f-87a7-119b1023e2f9 at /work/app/build/server/index.js:12:3";
    expect(scrubTokens(text)).toBe(text);
  });
});

function capture(): { lines: () => Record<string, unknown>[]; raw: () => string; stream: Writable } {
  let output = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString();
      callback();
    },
  });
  return {
    stream,
    raw: () => output,
    lines: () =>
      output
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("createLogger", () => {
  it("writes JSON lines with a level name and an ISO time", () => {
    const out = capture();
    createLogger("info", out.stream).info({ reqId: "abc" }, "hello");
    const [line] = out.lines();
    expect(line).toMatchObject({ level: "info", reqId: "abc", msg: "hello" });
    expect(String(line?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("redacts cookies, authorization and set-cookie headers wherever a request or response is logged", () => {
    const out = capture();
    const logger = createLogger("info", out.stream);
    logger.info({
      req: { headers: { cookie: "a=secret-1", authorization: "Bearer secret-2", "proxy-authorization": "secret-3" } },
      res: { headers: { "set-cookie": ["b=secret-4"] } },
    });
    logger.info({ headers: { cookie: "secret-5", authorization: "secret-6", "set-cookie": "secret-7" } });
    expect(out.raw()).not.toMatch(/secret-\d/);
    expect(out.lines()[0]).toMatchObject({ req: { headers: { cookie: "[redacted]", authorization: "[redacted]" } } });
  });

  it("scrubs keys from messages and from errors' messages and stacks", () => {
    const out = capture();
    const logger = createLogger("info", out.stream);
    logger.error({ err: new Error(`Failed to load /a/${KEY}/report`) }, `while rendering /a/${OTHER_KEY}`);
    logger.warn(`key ${KEY} seen`);
    expect(out.raw()).not.toContain(KEY);
    expect(out.raw()).not.toContain(OTHER_KEY);
    const [first] = out.lines();
    expect(first?.msg).toBe("while rendering /a/[token]");
    expect(first?.err).toMatchObject({ type: "Error", message: "Failed to load /a/[token]/report" });
    expect(String((first?.err as { stack?: string }).stack)).toContain("Error: Failed to load /a/[token]/report");
  });

  it("respects the level", () => {
    const out = capture();
    const logger = createLogger("warn", out.stream);
    logger.info("quiet");
    logger.warn("loud");
    expect(out.lines().map((line) => line.msg)).toEqual(["loud"]);
  });
});
