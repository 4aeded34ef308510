import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listWorkspaceAuditEvents } from "./audit";
import { findWorkspaceForMember, listWorkspaceMembers, listWorkspacesForUser } from "./workspaces";

let t: TestDatabase;
let ana: TestAccount;
let ben: TestAccount;
beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", displayName: "Ana", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", displayName: "Ben", workspaceName: "Ridge" });
});
afterEach(async () => {
  await t.destroy();
});

/** Joins a minute after now: later than the accounts made in `beforeEach`, so the order is not a tie. */
function addMember(workspaceId: string, userId: string, role: string) {
  const joined = new Date(Date.now() + 60_000).toISOString();
  return t.db
    .insertInto("workspace_members")
    .values({ workspace_id: workspaceId, user_id: userId, role: role as "owner", created_at: joined })
    .execute();
}

describe("workspaces, scoped to their members", () => {
  it("gives a member the workspace with their role, and its members", async () => {
    await addMember(ana.workspaceId, ben.userId, "viewer");
    expect(await findWorkspaceForMember(t.db, { userId: ben.userId, workspaceId: ana.workspaceId })).toMatchObject({
      name: "Harbour",
      role: "viewer",
    });
    expect(await listWorkspaceMembers(t.db, { userId: ben.userId, workspaceId: ana.workspaceId })).toMatchObject([
      { userId: ana.userId, displayName: "Ana", email: "ana@example.org", role: "owner" },
      { userId: ben.userId, displayName: "Ben", email: "ben@example.org", role: "viewer" },
    ]);
    expect((await listWorkspacesForUser(t.db, ben.userId)).map((w) => w.name)).toEqual(["Ridge", "Harbour"]);
  });

  it("gives a non-member nothing at all: no workspace, no members, no events", async () => {
    const theirs = { userId: ana.userId, workspaceId: ben.workspaceId };
    expect(await findWorkspaceForMember(t.db, theirs)).toBeUndefined();
    expect(await listWorkspaceMembers(t.db, theirs)).toEqual([]);
    expect(await listWorkspaceAuditEvents(t.db, theirs)).toEqual([]);
    // The same as for a workspace that does not exist.
    expect(await findWorkspaceForMember(t.db, { userId: ana.userId, workspaceId: "no-such-id" })).toBeUndefined();
  });

  it("refuses a role that is not owner, consultant or viewer", async () => {
    const insert = addMember(ana.workspaceId, ben.userId, "admin");
    await expect(insert).rejects.toThrow();
  });

  it("keeps one membership per person per workspace", async () => {
    const again = addMember(ana.workspaceId, ana.userId, "viewer");
    await expect(again).rejects.toThrow();
  });
});
