import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listUserAuditEvents, listWorkspaceAuditEvents } from "./audit";
import { findActiveSession } from "./sessions";
import { createAccount, findUserByEmail, findUserById, normaliseEmail } from "./users";
import { listWorkspacesForUser } from "./workspaces";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

const at = new Date(Date.UTC(2026, 10, 30, 9, 0));

describe("accounts", () => {
  it("creates the person, their workspace, their ownership of it and a session, in one go", async () => {
    const account = await createTestAccount(t.db, {
      email: "  Ana.Lopez@Example.ORG ",
      displayName: "Ana López",
      workspaceName: "Harbour Consulting",
      passwordHash: "$argon2id$fake",
      now: at,
    });
    const user = await findUserById(t.db, account.userId);
    expect(user).toEqual({
      id: account.userId,
      email: "ana.lopez@example.org",
      displayName: "Ana López",
      passwordHash: "$argon2id$fake",
      createdAt: at.toISOString(),
    });
    expect(await listWorkspacesForUser(t.db, account.userId)).toEqual([
      { workspaceId: account.workspaceId, name: "Harbour Consulting", role: "owner", createdAt: at.toISOString() },
    ]);
    const session = await findActiveSession(t.db, account.sessionId, at);
    expect(session?.userId).toBe(account.userId);
    // Written at one moment, so compared without their order.
    expect((await listUserAuditEvents(t.db, account.userId)).map((event) => event.action).sort()).toEqual([
      "account-created",
      "signed-in",
      "workspace-created",
    ]);
    const workspaceEvents = await listWorkspaceAuditEvents(t.db, {
      userId: account.userId,
      workspaceId: account.workspaceId,
    });
    expect(workspaceEvents).toMatchObject([
      { action: "workspace-created", subject: account.workspaceId, detail: { name: "Harbour Consulting" } },
    ]);
  });

  it("finds an account by its email in any case, and only that account", async () => {
    const ana = await createTestAccount(t.db, { email: "ana@example.org" });
    await createTestAccount(t.db, { email: "ben@example.org" });
    expect((await findUserByEmail(t.db, "ANA@example.org "))?.id).toBe(ana.userId);
    expect(await findUserByEmail(t.db, "nobody@example.org")).toBeUndefined();
  });

  it("refuses a second account with the same email whatever its case, and writes nothing for it", async () => {
    await createTestAccount(t.db, { email: "ana@example.org" });
    const second = await createAccount(t.db, {
      email: "Ana@Example.org",
      displayName: "Someone else",
      passwordHash: null,
      workspaceName: "Another workspace",
      session: { sessionId: "b".repeat(64), userAgent: null },
    });
    expect(second).toBe("email-taken");
    expect(await t.db.selectFrom("users").select("id").execute()).toHaveLength(1);
    expect(await t.db.selectFrom("workspaces").select("id").execute()).toHaveLength(1);
    expect(await findActiveSession(t.db, "b".repeat(64))).toBeUndefined();
  });

  it("normalises emails by trimming and lower-casing them", () => {
    expect(normaliseEmail("  Ana@Example.ORG\t")).toBe("ana@example.org");
  });
});
