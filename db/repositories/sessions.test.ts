import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listUserAuditEvents } from "./audit";
import {
  endOtherSessions,
  endSession,
  findActiveSession,
  listSessions,
  SESSION_TTL_MS,
  startSession,
} from "./sessions";

let t: TestDatabase;
let ana: TestAccount;
const start = new Date(Date.UTC(2026, 10, 30, 9, 0));
const later = (ms: number) => new Date(start.getTime() + ms);

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", now: start });
});
afterEach(async () => {
  await t.destroy();
});

describe("sessions", () => {
  it("stores only what it is given for the id (the cookie value's hash), and finds the person by it", async () => {
    const row = await t.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    expect(row.id).toBe(ana.sessionId);
    expect(JSON.stringify(row)).not.toContain(ana.cookieValue);
    const session = await findActiveSession(t.db, ana.sessionId, start);
    expect(session).toMatchObject({ userId: ana.userId, email: "ana@example.org", lastUsedAt: start.toISOString() });
    expect(await findActiveSession(t.db, ana.cookieValue, start)).toBeUndefined();
  });

  it("writes the last use at most once a minute, and moves the 30-day expiry on with it", async () => {
    const soon = await findActiveSession(t.db, ana.sessionId, later(30_000));
    expect(soon?.lastUsedAt).toBe(start.toISOString());
    const afterAMinute = await findActiveSession(t.db, ana.sessionId, later(61_000));
    expect(afterAMinute?.lastUsedAt).toBe(later(61_000).toISOString());
    expect(afterAMinute?.expiresAt).toBe(later(61_000 + SESSION_TTL_MS).toISOString());
    const row = await t.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    expect(row.last_used_at).toBe(later(61_000).toISOString());
  });

  it("stops working 30 days after its last use", async () => {
    // (Listing does not extend a session; finding it to use it would.)
    expect(await listSessions(t.db, ana.userId, later(SESSION_TTL_MS - 1))).toHaveLength(1);
    expect(await findActiveSession(t.db, ana.sessionId, later(SESSION_TTL_MS + 1))).toBeUndefined();
    expect(await listSessions(t.db, ana.userId, later(SESSION_TTL_MS + 1))).toEqual([]);
  });

  it("lists the person's sessions, newest use first, and ends one at once", async () => {
    await startSession(
      t.db,
      { sessionId: "c".repeat(64), userId: ana.userId, userAgent: "Safari on iPhone" },
      later(5000),
    );
    expect((await listSessions(t.db, ana.userId, later(6000))).map((s) => s.userAgent)).toEqual([
      "Safari on iPhone",
      "Firefox on Linux",
    ]);
    expect(await endSession(t.db, { userId: ana.userId, sessionId: "c".repeat(64), action: "session-revoked" })).toBe(
      true,
    );
    expect(await findActiveSession(t.db, "c".repeat(64), later(7000))).toBeUndefined();
    expect(await endSession(t.db, { userId: ana.userId, sessionId: "c".repeat(64), action: "session-revoked" })).toBe(
      false,
    );
    const actions = (await listUserAuditEvents(t.db, ana.userId)).map((event) => event.action);
    expect(actions.slice(-2)).toEqual(["signed-in", "session-revoked"]);
  });

  it("never ends another person's session", async () => {
    const ben = await createTestAccount(t.db, { email: "ben@example.org" });
    expect(await endSession(t.db, { userId: ana.userId, sessionId: ben.sessionId, action: "session-revoked" })).toBe(
      false,
    );
    expect(await findActiveSession(t.db, ben.sessionId)).toBeDefined();
    expect(await endOtherSessions(t.db, { userId: ana.userId, keepSessionId: ana.sessionId })).toBe(0);
    expect(await findActiveSession(t.db, ben.sessionId)).toBeDefined();
  });

  it("ends every other session of the person, keeping this one, and records each", async () => {
    await startSession(t.db, { sessionId: "d".repeat(64), userId: ana.userId, userAgent: "Edge on Windows" }, later(1));
    await startSession(
      t.db,
      { sessionId: "e".repeat(64), userId: ana.userId, userAgent: "Chrome on Android" },
      later(2),
    );
    expect(await endOtherSessions(t.db, { userId: ana.userId, keepSessionId: ana.sessionId, now: later(3) })).toBe(2);
    expect((await listSessions(t.db, ana.userId, later(4))).map((s) => s.sessionId)).toEqual([ana.sessionId]);
    const revoked = (await listUserAuditEvents(t.db, ana.userId)).filter((e) => e.action === "session-revoked");
    expect(revoked.map((e) => e.detail.device).sort()).toEqual(["Chrome on Android", "Edge on Windows"]);
  });

  it("clears the person's expired sessions when they sign in again", async () => {
    const muchLater = later(SESSION_TTL_MS + 60_000);
    await startSession(t.db, { sessionId: "f".repeat(64), userId: ana.userId, userAgent: null }, muchLater);
    const ids = (await t.db.selectFrom("sessions").select("id").execute()).map((row) => row.id);
    expect(ids).toEqual(["f".repeat(64)]);
  });
});
