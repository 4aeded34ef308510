import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../app/config.server";
import { createLogger } from "../app/logger.server";
import { createTestDatabase } from "../test/support/test-database";
import { localsOf } from "./guards";
import {
  addressKey,
  createLimitStore,
  createMemoryLimitStore,
  createSqliteLimitStore,
  limitsFor,
  linkKey,
  rateLimits,
  type LimitStore,
} from "./limits";

const TOKEN = "A".repeat(20) + "b_-".repeat(7) + "Z".repeat(2);
const OTHER = "Q".repeat(43);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "limits-"));
  dirs.push(dir);
  return path.join(dir, "app.sqlite");
}

describe("keys", () => {
  it("keys a link by a hash that is neither the link nor the hash the database stores", () => {
    expect(TOKEN).toHaveLength(43);
    const key = linkKey(TOKEN);
    expect(key).not.toContain(TOKEN);
    expect(key).not.toContain(TOKEN.slice(0, 12));
    expect(key).toBe(linkKey(TOKEN));
    expect(key).not.toBe(linkKey(OTHER));
  });

  it("counts an IPv6 client by its /64 and IPv4 by its address", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::9")).toBe(addressKey("2001:db8:1:2:ffff::1"));
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
    expect(addressKey(undefined)).toBe("unknown");
  });

  it("classifies requests: starting, posting to a link, its PDF, and page views", () => {
    expect(limitsFor("POST", "/", "10.0.0.1")).toEqual([["create", "10.0.0.1"]]);
    expect(limitsFor("POST", "/_root.data", "10.0.0.1")).toEqual([["create", "10.0.0.1"]]);
    expect(limitsFor("POST", `/a/${TOKEN}/organisation/type`, "10.0.0.1")).toEqual([["post", linkKey(TOKEN)]]);
    expect(limitsFor("POST", `/r/${TOKEN}`, "10.0.0.1")).toEqual([["post", linkKey(TOKEN)]]);
    expect(limitsFor("GET", `/a/${TOKEN}/report.pdf`, "10.0.0.1")).toEqual([
      ["get", "10.0.0.1"],
      ["pdf", linkKey(TOKEN)],
    ]);
    expect(limitsFor("HEAD", `/r/${TOKEN}/report.pdf`, "10.0.0.1")[1]).toEqual(["pdf", linkKey(TOKEN)]);
    // The board summary and the Word document take a render too; the data files do not.
    expect(limitsFor("GET", `/r/${TOKEN}/summary.pdf`, "10.0.0.1")[1]).toEqual(["pdf", linkKey(TOKEN)]);
    expect(limitsFor("GET", `/a/${TOKEN}/report.docx`, "10.0.0.1")[1]).toEqual(["pdf", linkKey(TOKEN)]);
    expect(limitsFor("GET", `/a/${TOKEN}/answers.csv`, "10.0.0.1")).toEqual([["get", "10.0.0.1"]]);
    expect(limitsFor("GET", `/a/${TOKEN}/report`, "10.0.0.1")).toEqual([["get", "10.0.0.1"]]);
    expect(limitsFor("POST", "/contact", "10.0.0.1")).toEqual([]);
    // Joining a workshop by its link is limited per address, with or without JavaScript.
    expect(limitsFor("POST", `/join/${TOKEN}`, "10.0.0.1")).toEqual([["workshop-join", "10.0.0.1"]]);
    expect(limitsFor("POST", `/join/${TOKEN}.data`, "10.0.0.1")).toEqual([["workshop-join", "10.0.0.1"]]);
    expect(limitsFor("GET", `/join/${TOKEN}`, "10.0.0.1")).toEqual([["get", "10.0.0.1"]]);
    expect(limitsFor("TRACE", "/", "10.0.0.1")).toEqual([]);
    // No pair ever carries the link itself.
    for (const method of ["GET", "POST", "HEAD"]) {
      for (const [, key] of limitsFor(method, `/a/${TOKEN}/report.pdf`, "10.0.0.1")) expect(key).not.toContain(TOKEN);
    }
  });
});

async function consumeTimes(store: LimitStore, times: number, limit: "create" | "post" | "pdf" | "get", key: string) {
  const decisions = [];
  for (let i = 0; i < times; i += 1) decisions.push(await store.consume(limit, key));
  return decisions;
}

describe("stores", () => {
  it("allows the configured number in a window, then refuses with a wait", async () => {
    const store = createMemoryLimitStore({ ...DEFAULT_LIMITS, createPerHour: 3 });
    const decisions = await consumeTimes(store, 4, "create", "10.0.0.1");
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    const last = decisions[3];
    expect(last?.allowed).toBe(false);
    if (last && !last.allowed) {
      expect(last.retryAfterSeconds).toBeGreaterThan(3500);
      expect(last.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    // Another address has its own count.
    expect((await store.consume("create", "10.0.0.2")).allowed).toBe(true);
  });

  it("0 turns a limit off", async () => {
    const store = createMemoryLimitStore({ ...DEFAULT_LIMITS, postsPerMinute: 0 });
    const decisions = await consumeTimes(store, 500, "post", linkKey(TOKEN));
    expect(decisions.every((d) => d.allowed)).toBe(true);
  });

  it("in the app's database (SQLite, or PostgreSQL in the PostgreSQL run), counts across processes and restarts", async () => {
    const t = await createTestDatabase();
    try {
      const settings = { ...DEFAULT_LIMITS, postsPerMinute: 4, pdfsPer10Minutes: 0 };
      const first = await createLimitStore(t.url, settings);
      const second = await createLimitStore(t.url, settings);
      expect((await consumeTimes(first, 2, "post", linkKey(TOKEN))).every((d) => d.allowed)).toBe(true);
      expect((await consumeTimes(second, 2, "post", linkKey(TOKEN))).every((d) => d.allowed)).toBe(true);
      expect((await second.consume("post", linkKey(OTHER))).allowed).toBe(true);
      await first.close();
      await second.close();
      const restarted = await createLimitStore(t.url, settings);
      const decision = await restarted.consume("post", linkKey(TOKEN));
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
      // A limit set to 0 is off here too.
      expect((await consumeTimes(restarted, 50, "pdf", linkKey(TOKEN))).every((d) => d.allowed)).toBe(true);
      await restarted.close();
      const { sql } = await import("kysely");
      const rows = await sql<{ key: string }>`select key from rate_limit_points`.execute(t.db);
      expect(rows.rows.map((row) => row.key).sort()).toEqual(
        [`post:${linkKey(OTHER)}`, `post:${linkKey(TOKEN)}`].sort(),
      );
    } finally {
      await t.destroy();
    }
  });

  it("in SQLite, holds across a restart and across processes sharing the file, and stores no link", async () => {
    const file = tempFile();
    const settings = { ...DEFAULT_LIMITS, postsPerMinute: 4 };
    const first = createSqliteLimitStore(file, settings);
    const second = createSqliteLimitStore(file, settings);
    expect((await consumeTimes(first, 2, "post", linkKey(TOKEN))).every((d) => d.allowed)).toBe(true);
    expect((await consumeTimes(second, 2, "post", linkKey(TOKEN))).every((d) => d.allowed)).toBe(true);
    await first.close();
    await second.close();
    const restarted = createSqliteLimitStore(file, settings);
    const decision = await restarted.consume("post", linkKey(TOKEN));
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
    await restarted.close();

    const raw = new SQLite(file, { readonly: true });
    const keys = raw.prepare("select key from rate_limit_points").all() as { key: string }[];
    raw.close();
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) {
      expect(key).not.toContain(TOKEN);
      expect(key).toBe(`post:${linkKey(TOKEN)}`);
    }
  });
});

describe("the middleware", () => {
  function appWith(store: LimitStore, lines: string[]) {
    const logger = createLogger("info", { write: (line: string) => lines.push(line) });
    const app = express();
    app.use(rateLimits(store, logger));
    app.use((req, res) => {
      const refusal = localsOf(res).refusal;
      res.status(refusal?.status ?? 200).json(refusal ?? { ok: true });
    });
    return app;
  }

  async function request(app: express.Express, method: string, urlPath: string) {
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method, redirect: "manual" });
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("marks a request over a limit for the 429 page, with Retry-After", async () => {
    const lines: string[] = [];
    const app = appWith(createMemoryLimitStore({ ...DEFAULT_LIMITS, pdfsPer10Minutes: 1 }), lines);
    expect((await request(app, "GET", `/a/${TOKEN}/report.pdf`)).status).toBe(200);
    const refused = await request(app, "GET", `/a/${TOKEN}/report.pdf`);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(500);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, limit: "pdf" });
    // Another link is not affected.
    expect((await request(app, "GET", `/a/${OTHER}/report.pdf`)).status).toBe(200);
  });

  it("lets requests through, and logs no key, when the store fails", async () => {
    const lines: string[] = [];
    const broken: LimitStore = {
      consume: () => Promise.reject(new Error(`disk I/O error for post:${TOKEN}`)),
      reward: async () => undefined,
      forget: async () => undefined,
      count: async () => 0,
      close: async () => undefined,
    };
    const app = appWith(broken, lines);
    expect((await request(app, "POST", `/a/${TOKEN}/organisation/type`)).status).toBe(200);
    expect(lines.join("\n")).toMatch(/rate limit store failed/);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});
