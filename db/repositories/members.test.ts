import { createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listWorkspaceAuditEvents, listWorkspaceAuditPage } from "./audit";
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  findInvitationByToken,
  INVITATION_TTL_MS,
  listPendingInvitations,
  removeMember,
  withdrawInvitation,
} from "./members";
import { findActiveSession } from "./sessions";
import { listWorkspaceMembers } from "./workspaces";

let t: TestDatabase;
let ana: TestAccount;
let ben: TestAccount;
const now = new Date(Date.now() + 60_000);
const later = (ms: number) => new Date(now.getTime() + ms);

function hashOf(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
function newToken() {
  return randomBytes(32).toString("base64url");
}

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", displayName: "Ana", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", displayName: "Ben", workspaceName: "Ridge" });
});
afterEach(async () => {
  await t.destroy();
});

const anaScope = () => ({ userId: ana.userId, workspaceId: ana.workspaceId });

async function invite(email: string, role: "owner" | "consultant" | "viewer" = "consultant") {
  const token = newToken();
  const result = await createInvitation(t.db, anaScope(), { email, role, tokenHash: hashOf(token), now });
  return { token, result };
}

const newPerson = (name = "Sam") => ({
  kind: "new" as const,
  displayName: name,
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA",
  session: { sessionId: hashOf(newToken()), userAgent: "Firefox on Linux" },
});

describe("invitations", () => {
  it("stores only the token's hash, lists it for the owner, and lets the invited person join once", async () => {
    const { token, result } = await invite(" Sam@Example.org ", "viewer");
    expect(result).toMatchObject({ ok: true });
    const stored = await t.db.selectFrom("invitations").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]).toMatchObject({ email: "sam@example.org", token_hash: hashOf(token) });
    expect(stored[0]?.expires_at).toBe(later(INVITATION_TTL_MS).toISOString());

    expect(await listPendingInvitations(t.db, anaScope(), now)).toMatchObject([
      { email: "sam@example.org", role: "viewer", invitedByName: "Ana" },
    ]);

    const joined = await acceptInvitation(t.db, { tokenHash: hashOf(token), now: later(1000), person: newPerson() });
    expect(joined).toMatchObject({ ok: true, workspaceId: ana.workspaceId });
    const members = await listWorkspaceMembers(t.db, anaScope());
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ["ana@example.org", "owner"],
      ["sam@example.org", "viewer"],
    ]);
    // Replayed: refused, and nothing more is written.
    const again = await acceptInvitation(t.db, {
      tokenHash: hashOf(token),
      now: later(2000),
      person: newPerson("Eve"),
    });
    expect(again).toBe("gone");
    expect(await t.db.selectFrom("users").select("email").execute()).toHaveLength(3);
    expect((await findInvitationByToken(t.db, hashOf(token), later(3000)))?.status).toBe("used");
    expect(await listPendingInvitations(t.db, anaScope(), later(3000))).toEqual([]);
    const actions = (await listWorkspaceAuditEvents(t.db, anaScope())).map((e) => e.action);
    expect(actions).toEqual(["workspace-created", "member-invited", "member-joined"]);
    expect(JSON.stringify(await listWorkspaceAuditEvents(t.db, anaScope()))).not.toContain(token);
  });

  it("refuses an expired invitation and writes nothing", async () => {
    const { token } = await invite("sam@example.org");
    const result = await acceptInvitation(t.db, {
      tokenHash: hashOf(token),
      now: later(INVITATION_TTL_MS + 1),
      person: newPerson(),
    });
    expect(result).toBe("gone");
    expect((await findInvitationByToken(t.db, hashOf(token), later(INVITATION_TTL_MS + 1)))?.status).toBe("expired");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "sam@example.org").execute()).toEqual([]);
  });

  it("refuses a withdrawn invitation", async () => {
    const { token, result } = await invite("sam@example.org");
    if (typeof result === "string") throw new Error(result);
    expect(await withdrawInvitation(t.db, anaScope(), { invitationId: result.invitationId, now })).toBe(true);
    expect(await withdrawInvitation(t.db, anaScope(), { invitationId: result.invitationId, now })).toBe(false);
    expect(await acceptInvitation(t.db, { tokenHash: hashOf(token), now, person: newPerson() })).toBe("gone");
    expect((await findInvitationByToken(t.db, hashOf(token), now))?.status).toBe("withdrawn");
  });

  it("is scoped: only an owner of the workspace invites, lists or withdraws", async () => {
    const benInAna = { userId: ben.userId, workspaceId: ana.workspaceId };
    expect(await createInvitation(t.db, benInAna, { email: "x@example.org", role: "owner", tokenHash: "h", now })).toBe(
      "not-found",
    );
    const { result } = await invite("sam@example.org");
    if (typeof result === "string") throw new Error(result);
    expect(await listPendingInvitations(t.db, benInAna, now)).toEqual([]);
    expect(await withdrawInvitation(t.db, benInAna, { invitationId: result.invitationId, now })).toBe(false);
    // Ben's own workspace cannot reach Ana's invitation either.
    const benScope = { userId: ben.userId, workspaceId: ben.workspaceId };
    expect(await withdrawInvitation(t.db, benScope, { invitationId: result.invitationId, now })).toBe(false);
    // A consultant of Ana's workspace is not an owner.
    await t.db
      .insertInto("workspace_members")
      .values({ workspace_id: ana.workspaceId, user_id: ben.userId, role: "consultant", created_at: now.toISOString() })
      .execute();
    expect(await listPendingInvitations(t.db, benInAna, now)).toEqual([]);
    expect(await listWorkspaceAuditPage(t.db, benInAna, { page: 1, perPage: 10 })).toEqual({ entries: [], total: 0 });
  });

  it("refuses to invite a member or an address already invited", async () => {
    expect((await invite("ana@example.org")).result).toBe("already-member");
    await invite("sam@example.org");
    expect((await invite("SAM@example.org")).result).toBe("already-invited");
  });

  it("lets an existing account join only with the invited email, and says when already a member", async () => {
    const { token } = await invite("ben@example.org");
    const carol = await createTestAccount(t.db, { email: "carol@example.org" });
    expect(
      await acceptInvitation(t.db, {
        tokenHash: hashOf(token),
        now,
        person: { kind: "existing", userId: carol.userId },
      }),
    ).toBe("email-mismatch");
    expect(
      await acceptInvitation(t.db, { tokenHash: hashOf(token), now, person: { kind: "existing", userId: ben.userId } }),
    ).toMatchObject({ ok: true });
    const second = await invite("carol@example.org");
    await t.db
      .insertInto("workspace_members")
      .values({ workspace_id: ana.workspaceId, user_id: carol.userId, role: "viewer", created_at: now.toISOString() })
      .execute();
    expect(
      await acceptInvitation(t.db, {
        tokenHash: hashOf(second.token),
        now,
        person: { kind: "existing", userId: carol.userId },
      }),
    ).toBe("already-member");
  });

  it("creates no account when the invited email already has one (nothing half written)", async () => {
    const { token } = await invite("ben@example.org");
    expect(await acceptInvitation(t.db, { tokenHash: hashOf(token), now, person: newPerson() })).toBe("email-taken");
    expect((await findInvitationByToken(t.db, hashOf(token), now))?.status).toBe("pending");
    expect(await listWorkspaceMembers(t.db, anaScope())).toHaveLength(1);
  });
});

describe("roles and removal", () => {
  async function addBen(role: "owner" | "consultant" | "viewer") {
    await t.db
      .insertInto("workspace_members")
      .values({ workspace_id: ana.workspaceId, user_id: ben.userId, role, created_at: now.toISOString() })
      .execute();
  }

  it("keeps the last owner: cannot be demoted or removed", async () => {
    expect(await changeMemberRole(t.db, anaScope(), { memberUserId: ana.userId, role: "viewer", now })).toBe(
      "last-owner",
    );
    expect(await removeMember(t.db, anaScope(), { memberUserId: ana.userId, now })).toBe("last-owner");
    await addBen("owner");
    expect(await changeMemberRole(t.db, anaScope(), { memberUserId: ana.userId, role: "viewer", now })).toBe("ok");
    // Ana is no longer an owner: she can change nothing now.
    expect(await removeMember(t.db, anaScope(), { memberUserId: ben.userId, now })).toBe("not-found");
  });

  it("removes a member and ends every session of theirs at once", async () => {
    await addBen("consultant");
    expect(await findActiveSession(t.db, ben.sessionId, now)).toBeDefined();
    expect(await removeMember(t.db, anaScope(), { memberUserId: ben.userId, now })).toBe("ok");
    expect(await findActiveSession(t.db, ben.sessionId, now)).toBeUndefined();
    expect((await listWorkspaceMembers(t.db, anaScope())).map((m) => m.email)).toEqual(["ana@example.org"]);
    const events = await listWorkspaceAuditEvents(t.db, anaScope());
    expect(events.at(-1)).toMatchObject({
      action: "member-removed",
      subject: ben.userId,
      detail: { name: "Ben", email: "ben@example.org", role: "consultant", sessionsEnded: 1 },
    });
  });

  it("changes a role and records from and to", async () => {
    await addBen("viewer");
    expect(await changeMemberRole(t.db, anaScope(), { memberUserId: ben.userId, role: "viewer", now })).toBe(
      "unchanged",
    );
    expect(await changeMemberRole(t.db, anaScope(), { memberUserId: ben.userId, role: "consultant", now })).toBe("ok");
    const page = await listWorkspaceAuditPage(t.db, anaScope(), { page: 1, perPage: 1 });
    expect(page.total).toBe(2);
    expect(page.entries[0]).toMatchObject({
      action: "member-role-changed",
      actorName: "Ana",
      detail: { from: "viewer", to: "consultant" },
    });
  });

  it("lets a non-member change nothing in another workspace", async () => {
    const benInAna = { userId: ben.userId, workspaceId: ana.workspaceId };
    expect(await removeMember(t.db, benInAna, { memberUserId: ana.userId, now })).toBe("not-found");
    expect(await changeMemberRole(t.db, benInAna, { memberUserId: ana.userId, role: "viewer", now })).toBe("not-found");
    // Ana cannot remove Ben from Ben's own workspace through hers.
    expect(await removeMember(t.db, anaScope(), { memberUserId: ben.userId, now })).toBe("not-found");
    expect(await findActiveSession(t.db, ben.sessionId, now)).toBeDefined();
  });
});
