import { createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import {
  createPasswordResetForEmail,
  createPasswordResetForMember,
  findPasswordReset,
  PASSWORD_RESET_TTL_MS,
  resetPassword,
} from "./password-resets";
import { findActiveSession } from "./sessions";
import { findUserById } from "./users";

let t: TestDatabase;
let ana: TestAccount;
let ben: TestAccount;
const now = new Date("2026-11-30T09:00:00.000Z");
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", displayName: "Ana", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", displayName: "Ben", workspaceName: "Ridge" });
});
afterEach(async () => {
  await t.destroy();
});

function reset(token: string, at: Date) {
  return resetPassword(t.db, {
    tokenHash: hashOf(token),
    passwordHash: "new-hash",
    session: { sessionId: hashOf(newToken()), userAgent: "Safari on macOS" },
    now: at,
  });
}

describe("password resets", () => {
  it("makes a link only for an existing account, storing only its hash", async () => {
    const token = newToken();
    expect(
      await createPasswordResetForEmail(t.db, { email: "nobody@example.org", tokenHash: hashOf(token), now }),
    ).toBe(undefined);
    expect(await t.db.selectFrom("password_resets").selectAll().execute()).toEqual([]);
    expect(
      await createPasswordResetForEmail(t.db, { email: "ANA@example.org", tokenHash: hashOf(token), now }),
    ).toEqual({ userId: ana.userId, email: "ana@example.org", displayName: "Ana" });
    expect(JSON.stringify(await t.db.selectFrom("password_resets").selectAll().execute())).not.toContain(token);
  });

  it("sets the password once, ends every session and starts a fresh one", async () => {
    const token = newToken();
    await createPasswordResetForEmail(t.db, { email: "ana@example.org", tokenHash: hashOf(token), now });
    const done = await reset(token, new Date(now.getTime() + 1000));
    expect(done).toEqual({ userId: ana.userId, sessionsEnded: 1 });
    expect((await findUserById(t.db, ana.userId))?.passwordHash).toBe("new-hash");
    expect(await findActiveSession(t.db, ana.sessionId, now)).toBeUndefined();
    const sessions = await t.db.selectFrom("sessions").select("user_id").where("user_id", "=", ana.userId).execute();
    expect(sessions).toHaveLength(1);
    // Replayed.
    expect(await reset(token, new Date(now.getTime() + 2000))).toBe("gone");
    expect((await findPasswordReset(t.db, hashOf(token), now))?.status).toBe("used");
    const events = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_user_id", "=", ana.userId)
      .execute();
    expect(events.map((e) => e.action)).toContain("password-reset");
  });

  it("refuses an expired link", async () => {
    const token = newToken();
    await createPasswordResetForEmail(t.db, { email: "ana@example.org", tokenHash: hashOf(token), now });
    const after = new Date(now.getTime() + PASSWORD_RESET_TTL_MS + 1);
    expect((await findPasswordReset(t.db, hashOf(token), after))?.status).toBe("expired");
    expect(await reset(token, after)).toBe("gone");
    expect((await findUserById(t.db, ana.userId))?.passwordHash).toBe(null);
    expect(await findActiveSession(t.db, ana.sessionId, now)).toBeDefined();
  });

  it("lets an owner make a link only for a member of their own workspace", async () => {
    const token = newToken();
    const anaScope = { userId: ana.userId, workspaceId: ana.workspaceId };
    expect(
      await createPasswordResetForMember(t.db, anaScope, { memberUserId: ben.userId, tokenHash: hashOf(token), now }),
    ).toBeUndefined();
    const benInAna = { userId: ben.userId, workspaceId: ana.workspaceId };
    expect(
      await createPasswordResetForMember(t.db, benInAna, { memberUserId: ana.userId, tokenHash: hashOf(token), now }),
    ).toBeUndefined();
    await t.db
      .insertInto("workspace_members")
      .values({ workspace_id: ana.workspaceId, user_id: ben.userId, role: "viewer", created_at: now.toISOString() })
      .execute();
    expect(
      await createPasswordResetForMember(t.db, anaScope, { memberUserId: ben.userId, tokenHash: hashOf(token), now }),
    ).toMatchObject({ userId: ben.userId });
    expect(await reset(token, now)).toMatchObject({ userId: ben.userId });
  });
});
