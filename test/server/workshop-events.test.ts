/**
 * The facilitator view's live updates (`/workshop/events`), against the built production server:
 * a server-sent event arrives soon after a participant saves an answer (through their own link,
 * as their browser posts it), uncompressed even when the client accepts gzip; another
 * workspace's member gets 404; and an open stream does not hold up a graceful shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../support/accounts";
import { RURAL_COUNCIL, METROPOLITAN_COUNCIL } from "../fixtures/example-organisations";
import { seedWorkshop, type SeededWorkshop } from "../support/workshop-seed";
import { startServer, type RunningServer } from "./server-process";

let server: RunningServer;
let seeded: SeededWorkshop;
let other: TestAccount;

beforeAll(async () => {
  server = await startServer({
    seed: async (db) => {
      seeded = await seedWorkshop(db, {
        participants: [
          { name: "Aroha Ngata", answers: RURAL_COUNCIL.answers },
          { name: "Ben Ito", answers: METROPOLITAN_COUNCIL.answers },
        ],
      });
      other = await createTestAccount(db, { workspaceName: "Ridge Consulting" });
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

function eventsPath(workspaceId: string): string {
  return `/w/${workspaceId}/assessments/${seeded.assessmentId}/workshop/events`;
}

/** Reads a stream's text as it arrives; `until` resolves with everything read once `pattern` matches. */
function reader(body: ReadableStream<Uint8Array>) {
  const stream = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  return {
    text: () => text,
    async until(pattern: RegExp, timeoutMs: number): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${pattern} within ${timeoutMs} ms; got: ${text}`);
        const next = await Promise.race([
          stream.read(),
          new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left)),
        ]);
        if (next === "timeout") continue;
        if (next.done) throw new Error(`the stream ended before ${pattern}; got: ${text}`);
        text += decoder.decode(next.value, { stream: true });
      }
      return text;
    },
    cancel: () => stream.cancel(),
  };
}

describe("workshop events", () => {
  it("sends an event soon after a participant saves an answer, uncompressed", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}${eventsPath(seeded.owner.workspaceId)}`, {
      headers: { cookie: `session=${seeded.owner.cookieValue}`, "accept-encoding": "gzip, br" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toContain("no-transform");
    if (!response.body) throw new Error("no body");
    const events = reader(response.body);
    const first = await events.until(/event: version\ndata: ([A-Za-z0-9_-]+)\n\n/, 5_000);
    const version = /event: version\ndata: ([A-Za-z0-9_-]+)/.exec(first)?.[1];
    expect(events.text()).not.toMatch(/event: change/);

    const ben = seeded.participants[1];
    if (!ben) throw new Error("no Ben");
    const started = Date.now();
    const saved = await fetch(`${server.baseUrl}/a/${ben.token}/capacity/team`, {
      method: "POST",
      body: new URLSearchParams({ teamPeople: "41", teamHoursPerWeek: "22.5", accountAccess: "shared-managed" }),
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
    });
    expect(saved.status).toBe(302);
    const after = await events.until(/event: change\ndata: ([A-Za-z0-9_-]+)\n\n/, 5_000);
    const changed = /event: change\ndata: ([A-Za-z0-9_-]+)/.exec(after)?.[1];
    console.log(`The change event arrived ${Date.now() - started} ms after the answer was saved`);
    expect(changed).toBeDefined();
    expect(changed).not.toBe(version);
    // Nothing of a link or an answer in the stream: opaque versions only.
    expect(after).not.toContain(ben.token);
    expect(after.replace(/^(event|data|retry): .*$/gm, "").trim()).toBe("");
    controller.abort();

    // The server logs the stream's end once the client has gone.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const logged = server.logEntries().filter((entry) => String(entry.path).endsWith("/workshop/events"));
    expect(logged.length).toBeGreaterThan(0);
  });

  it("is 404 for a member of another workspace, under either workspace's address", async () => {
    for (const workspaceId of [seeded.owner.workspaceId, other.workspaceId]) {
      const response = await fetch(`${server.baseUrl}${eventsPath(workspaceId)}`, {
        headers: { cookie: `session=${other.cookieValue}` },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).not.toMatch(/event-stream/);
      await response.text();
    }
  });
});

describe("shutdown with a stream open", () => {
  it("ends the stream and stops cleanly, without waiting for the time limit", async () => {
    let mine: SeededWorkshop | undefined;
    const own = await startServer({
      seed: async (db) => {
        mine = await seedWorkshop(db, { participants: [{ name: "Cara Wells", answers: RURAL_COUNCIL.answers }] });
      },
    });
    try {
      if (!mine) throw new Error("not seeded");
      const path = `/w/${mine.owner.workspaceId}/assessments/${mine.assessmentId}/workshop/events`;
      const response = await fetch(`${own.baseUrl}${path}`, {
        headers: { cookie: `session=${mine.owner.cookieValue}` },
      });
      if (!response.body) throw new Error("no body");
      const events = reader(response.body);
      await events.until(/event: version/, 5_000);
      const started = Date.now();
      const code = await own.stop("SIGTERM");
      const took = Date.now() - started;
      expect(code).toBe(0);
      expect(own.logEntries().find((entry) => entry.msg === "stopped")?.clean).toBe(true);
      expect(took).toBeLessThan(5_000);
      // The stream ended rather than being cut: reading finishes.
      await expect(events.until(/never/, 2_000)).rejects.toThrow(/ended/);
    } finally {
      await own.stop();
      await own.cleanUp();
    }
  });
});
