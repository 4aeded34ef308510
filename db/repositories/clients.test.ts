import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { removeEmptyAssessments } from "../retention";
import type { WorkspaceRole } from "../schema";
import { createAssessment, findRespondentByTokenHash } from "./assessments";
import { saveAnswers } from "./answers";
import { listWorkspaceAuditEvents } from "./audit";
import {
  clientNamesForAudit,
  CLIENTS_PER_PAGE,
  createClient,
  createClientAssessment,
  createMemberKey,
  findClient,
  findWorkspaceAssessment,
  findWorkspaceRespondent,
  listClientAssessments,
  listClientNames,
  listClients,
  replaceClientPrivateLink,
  takeOverAssessment,
} from "./clients";
import { markSubmitted } from "./assessments";
import { setSectionCompleted } from "./section-progress";

const WRITERS: WorkspaceRole[] = ["owner", "consultant"];

let t: TestDatabase;
let ana: TestAccount; // owner of Harbour (workspace A)
let ben: TestAccount; // owner of Ridge (workspace B)
beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", displayName: "Ana Lopez", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", displayName: "Ben Ito", workspaceName: "Ridge" });
});
afterEach(async () => {
  await t.destroy();
});

const scopeA = () => ({ userId: ana.userId, workspaceId: ana.workspaceId, allowedRoles: WRITERS });
const benInA = () => ({ userId: ben.userId, workspaceId: ana.workspaceId, allowedRoles: WRITERS });

async function addMember(workspaceId: string, userId: string, role: WorkspaceRole) {
  await t.db
    .insertInto("workspace_members")
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: new Date().toISOString() })
    .execute();
}

async function newClient(name: string, now?: Date): Promise<string> {
  const created = await createClient(t.db, scopeA(), { name, now });
  if (!created.ok) throw new Error(`could not create ${name}`);
  return created.clientId;
}

async function newAssessment(clientId: string, tokenHash: string, now?: Date): Promise<string> {
  const created = await createClientAssessment(t.db, scopeA(), {
    clientId,
    accessTokenHash: tokenHash,
    questionnaireVersion: "2026-12",
    now,
  });
  if (!created) throw new Error("could not create the assessment");
  return created.assessmentId;
}

describe("creating clients", () => {
  it("trims the name, refuses empty, too long and duplicate names ignoring case, and audits", async () => {
    const id = await newClient("  Harbour   City Council ");
    expect(await findClient(t.db, scopeA(), id)).toMatchObject({ clientName: "Harbour City Council" });
    expect(await createClient(t.db, scopeA(), { name: "   " })).toEqual({
      ok: false,
      reason: "invalid",
      message: "Enter the client's name",
    });
    expect(await createClient(t.db, scopeA(), { name: "x".repeat(121) })).toMatchObject({ reason: "invalid" });
    expect(await createClient(t.db, scopeA(), { name: "x".repeat(120) })).toMatchObject({ ok: true });
    const again = await createClient(t.db, scopeA(), { name: "harbour city COUNCIL" });
    expect(again).toMatchObject({ ok: false, reason: "invalid" });
    expect(again.ok ? "" : "message" in again ? again.message : "").toContain("already have a client");
    // Another workspace may use the same name.
    const elsewhere = await createClient(
      t.db,
      { userId: ben.userId, workspaceId: ben.workspaceId, allowedRoles: WRITERS },
      { name: "Harbour City Council" },
    );
    expect(elsewhere.ok).toBe(true);
    const events = await listWorkspaceAuditEvents(t.db, { userId: ana.userId, workspaceId: ana.workspaceId });
    expect(events.filter((event) => event.action === "client-created").map((event) => event.subject)).toContain(id);
  });

  it("refuses a viewer and a non-member as not found", async () => {
    await addMember(ana.workspaceId, ben.userId, "viewer");
    expect(await createClient(t.db, benInA(), { name: "Ridge Trust" })).toEqual({ ok: false, reason: "not-found" });
    const stranger = await createTestAccount(t.db, { email: "cy@example.org" });
    expect(
      await createClient(
        t.db,
        { userId: stranger.userId, workspaceId: ana.workspaceId, allowedRoles: WRITERS },
        { name: "Ridge Trust" },
      ),
    ).toEqual({ ok: false, reason: "not-found" });
    expect((await listClients(t.db, scopeA())).total).toBe(0);
  });
});

describe("listing clients and assessments", () => {
  it("searches by client name and organisation-name answer ignoring case, newest activity first", async () => {
    const harbour = await newClient("Harbour City Council", new Date("2026-11-01T10:00:00Z"));
    const ridge = await newClient("Ridge Trust", new Date("2026-11-02T10:00:00Z"));
    const assessmentId = await newAssessment(harbour, "hash-harbour", new Date("2026-11-03T10:00:00Z"));
    const respondent = await findWorkspaceRespondent(t.db, scopeA(), assessmentId);
    await saveAnswers(t.db, {
      respondentId: respondent!.respondentId,
      assessmentId,
      organisationId: harbour,
      set: { "organisation-name": "Te Kaunihera o Ōtautahi" },
      clear: [],
      organisationName: "Te Kaunihera o Ōtautahi",
      now: new Date("2026-11-05T10:00:00Z"),
    });
    const all = await listClients(t.db, scopeA());
    expect(all.clients.map((client) => client.clientName)).toEqual(["Harbour City Council", "Ridge Trust"]);
    expect(all.clients[0]).toMatchObject({
      lastActivityAt: "2026-11-05T10:00:00.000Z",
      assessmentCount: 1,
      latest: { id: assessmentId, progress: { kind: "in-progress", sectionsDone: 0 } },
    });
    expect(all.clients[1]).toMatchObject({ id: ridge, latest: null, lastActivityAt: "2026-11-02T10:00:00.000Z" });
    expect((await listClients(t.db, scopeA(), { search: "RIDGE" })).clients.map((c) => c.id)).toEqual([ridge]);
    expect((await listClients(t.db, scopeA(), { search: "kaunihera" })).clients.map((c) => c.id)).toEqual([harbour]);
    expect((await listClients(t.db, scopeA(), { search: "100%_" })).total).toBe(0);
  });

  it("says where each assessment has got to and who ran it", async () => {
    const client = await newClient("Harbour City Council");
    const notStarted = await newAssessment(client, "h1", new Date("2026-11-01T10:00:00Z"));
    const inProgress = await newAssessment(client, "h2", new Date("2026-11-02T10:00:00Z"));
    const finished = await newAssessment(client, "h3", new Date("2026-11-03T10:00:00Z"));
    for (const id of [inProgress, finished]) {
      const respondent = (await findWorkspaceRespondent(t.db, scopeA(), id))!;
      await saveAnswers(t.db, {
        respondentId: respondent.respondentId,
        assessmentId: id,
        organisationId: client,
        set: { q: 1 },
        clear: [],
      });
      await setSectionCompleted(t.db, {
        respondentId: respondent.respondentId,
        sectionId: "organisation",
        completed: true,
      });
      await setSectionCompleted(t.db, {
        respondentId: respondent.respondentId,
        sectionId: "capacity",
        completed: true,
      });
      if (id === finished) {
        await markSubmitted(t.db, {
          respondentId: respondent.respondentId,
          name: null,
          now: new Date("2026-11-20T09:00:00Z"),
        });
      }
    }
    const rows = await listClientAssessments(t.db, scopeA(), client);
    expect(rows.map((row) => [row.id, row.progress, row.runBy])).toEqual([
      [
        finished,
        { kind: "finished", finishedAt: "2026-11-20T09:00:00.000Z" },
        { kind: "member", displayName: "Ana Lopez" },
      ],
      [inProgress, { kind: "in-progress", sectionsDone: 2 }, { kind: "member", displayName: "Ana Lopez" }],
      [notStarted, { kind: "not-started" }, { kind: "member", displayName: "Ana Lopez" }],
    ]);
  });

  it("pages 50 at a time", async () => {
    for (let index = 0; index < CLIENTS_PER_PAGE + 3; index += 1) {
      await newClient(`Client ${String(index).padStart(3, "0")}`, new Date(Date.UTC(2026, 0, 1, 0, index)));
    }
    const first = await listClients(t.db, scopeA());
    const second = await listClients(t.db, scopeA(), { page: 2 });
    expect([first.clients.length, second.clients.length, first.pageCount, second.page]).toEqual([50, 3, 2, 2]);
    expect(first.clients[0]?.clientName).toBe("Client 052");
    expect((await listClients(t.db, scopeA(), { page: 99 })).page).toBe(2);
  });
});

describe("scoping: a member of workspace B gets nothing of A", () => {
  it("by id and by search", async () => {
    const client = await newClient("Harbour City Council");
    const assessmentId = await newAssessment(client, "hash-a");
    const ben_ = { userId: ben.userId, workspaceId: ben.workspaceId };
    const benAskingForA = { userId: ben.userId, workspaceId: ana.workspaceId };
    for (const scope of [ben_, benAskingForA]) {
      expect(await findClient(t.db, scope, client)).toBeUndefined();
      expect(await listClientAssessments(t.db, scope, client)).toEqual([]);
      expect(await findWorkspaceAssessment(t.db, scope, assessmentId)).toBeUndefined();
      expect(await findWorkspaceRespondent(t.db, scope, assessmentId)).toBeUndefined();
      expect((await listClients(t.db, scope, { search: "Harbour" })).total).toBe(0);
      expect(await listClientNames(t.db, scope)).toEqual([]);
    }
    const writes = [benInA(), { ...benInA(), workspaceId: ben.workspaceId }];
    for (const scope of writes) {
      expect(
        await createClientAssessment(t.db, scope, {
          clientId: client,
          accessTokenHash: "x",
          questionnaireVersion: "2026-12",
        }),
      ).toBeUndefined();
      expect(await createMemberKey(t.db, scope, { assessmentId, tokenHash: "k" })).toBe(false);
      expect(await replaceClientPrivateLink(t.db, scope, { assessmentId, newTokenHash: "n" })).toBe(false);
    }
    // Nothing changed: the executive's link still opens it.
    expect(await findRespondentByTokenHash(t.db, "hash-a")).toMatchObject({ assessmentId });
  });
});

describe("client names for the audit trail", () => {
  it("names the workspace's clients by client and by assessment, and nothing for a non-member", async () => {
    const clientId = await newClient("Tauranga District Council");
    const assessmentId = await newAssessment(clientId, "f".repeat(64));
    const ids = { clientIds: [clientId], assessmentIds: [assessmentId] };
    const mine = await clientNamesForAudit(t.db, scopeA(), ids);
    expect(mine.byClient.get(clientId)).toBe("Tauranga District Council");
    expect(mine.byAssessment.get(assessmentId)).toBe("Tauranga District Council");
    for (const scope of [benInA(), { userId: ben.userId, workspaceId: ben.workspaceId }]) {
      const theirs = await clientNamesForAudit(t.db, scope, ids);
      expect([theirs.byClient.size, theirs.byAssessment.size]).toEqual([0, 0]);
    }
  });
});

describe("member keys", () => {
  it("open the assessment while their person is an owner or consultant and the key is fresh", async () => {
    const client = await newClient("Harbour City Council");
    const assessmentId = await newAssessment(client, "hash-a");
    await addMember(ana.workspaceId, ben.userId, "consultant");
    const now = new Date("2026-11-30T10:00:00Z");
    expect(await createMemberKey(t.db, benInA(), { assessmentId, tokenHash: "key-ben", now })).toBe(true);
    const inAnHour = new Date("2026-11-30T11:00:00Z");
    expect(await findRespondentByTokenHash(t.db, "key-ben", inAnHour)).toMatchObject({
      assessmentId,
      viaMemberKey: true,
    });
    expect(await findRespondentByTokenHash(t.db, "hash-a", inAnHour)).toMatchObject({ viaMemberKey: false });
    // Twelve hours on, it has expired.
    expect(await findRespondentByTokenHash(t.db, "key-ben", new Date("2026-11-30T22:00:01Z"))).toBeUndefined();
    // Made a viewer: it stops at once.
    await t.db.updateTable("workspace_members").set({ role: "viewer" }).where("user_id", "=", ben.userId).execute();
    expect(await findRespondentByTokenHash(t.db, "key-ben", inAnHour)).toBeUndefined();
    // Removed from the workspace: likewise.
    await t.db.updateTable("workspace_members").set({ role: "consultant" }).where("user_id", "=", ben.userId).execute();
    expect(await findRespondentByTokenHash(t.db, "key-ben", inAnHour)).toBeDefined();
    await t.db
      .deleteFrom("workspace_members")
      .where("user_id", "=", ben.userId)
      .where("workspace_id", "=", ana.workspaceId)
      .execute();
    expect(await findRespondentByTokenHash(t.db, "key-ben", inAnHour)).toBeUndefined();
  });

  it("are refused to a viewer", async () => {
    const assessmentId = await newAssessment(await newClient("Harbour City Council"), "hash-a");
    await addMember(ana.workspaceId, ben.userId, "viewer");
    expect(await createMemberKey(t.db, benInA(), { assessmentId, tokenHash: "key" })).toBe(false);
  });
});

describe("replacing the executive's private link", () => {
  it("stops the old link, opens the new one, and audits in the same change", async () => {
    const assessmentId = await newAssessment(await newClient("Harbour City Council"), "old-hash");
    expect(await replaceClientPrivateLink(t.db, scopeA(), { assessmentId, newTokenHash: "new-hash" })).toBe(true);
    expect(await findRespondentByTokenHash(t.db, "old-hash")).toBeUndefined();
    expect(await findRespondentByTokenHash(t.db, "new-hash")).toMatchObject({ assessmentId });
    const events = await listWorkspaceAuditEvents(t.db, { userId: ana.userId, workspaceId: ana.workspaceId });
    expect(events.map((event) => event.action)).toContain("private-link-replaced");
    expect(JSON.stringify(events)).not.toContain("new-hash");
  });
});

describe("taking over an anonymous assessment", () => {
  async function anonymous(hash: string, organisationName: string | null) {
    const created = await createAssessment(t.db, { accessTokenHash: hash, questionnaireVersion: "2026-12" });
    if (organisationName) {
      await saveAnswers(t.db, {
        ...created,
        set: { "organisation-name": organisationName },
        clear: [],
        organisationName,
      });
    }
    return created;
  }

  it("as a new client: the link keeps working, run by the member, audited", async () => {
    const anon = await anonymous("exec-hash", "Ridge District Council");
    const result = await takeOverAssessment(t.db, scopeA(), {
      tokenHash: "exec-hash",
      target: { kind: "new-client", name: "Ridge District Council" },
    });
    expect(result).toMatchObject({ ok: true, assessmentId: anon.assessmentId, clientId: anon.organisationId });
    expect(await findRespondentByTokenHash(t.db, "exec-hash")).toMatchObject({ assessmentId: anon.assessmentId });
    const [row] = await listClientAssessments(t.db, scopeA(), anon.organisationId);
    expect(row?.runBy).toEqual({ kind: "taken-over", displayName: "Ana Lopez" });
    const actions = (await listWorkspaceAuditEvents(t.db, { userId: ana.userId, workspaceId: ana.workspaceId })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["client-created", "assessment-taken-over"]));
    // Again, or from another workspace: already in a workspace, whichever it is.
    expect(
      await takeOverAssessment(
        t.db,
        { userId: ben.userId, workspaceId: ben.workspaceId, allowedRoles: WRITERS },
        {
          tokenHash: "exec-hash",
          target: { kind: "new-client", name: "Mine now" },
        },
      ),
    ).toEqual({ ok: false, reason: "already-in-a-workspace" });
  });

  it("under an existing client, removing the empty anonymous organisation", async () => {
    const client = await newClient("Harbour City Council");
    const anon = await anonymous("exec-hash", null);
    const result = await takeOverAssessment(t.db, scopeA(), {
      tokenHash: "exec-hash",
      target: { kind: "existing-client", clientId: client },
    });
    expect(result).toMatchObject({ ok: true, clientId: client });
    expect((await listClientAssessments(t.db, scopeA(), client)).map((a) => a.id)).toEqual([anon.assessmentId]);
    const orphan = await t.db
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", anon.organisationId)
      .executeTakeFirst();
    expect(orphan).toBeUndefined();
  });

  it("refuses an unknown link, a taken name, another workspace's client and a viewer, changing nothing", async () => {
    await anonymous("exec-hash", "Ridge");
    await newClient("Harbour City Council");
    expect(
      await takeOverAssessment(t.db, scopeA(), { tokenHash: "nope", target: { kind: "new-client", name: "X" } }),
    ).toEqual({ ok: false, reason: "unknown-link" });
    expect(
      await takeOverAssessment(t.db, scopeA(), {
        tokenHash: "exec-hash",
        target: { kind: "new-client", name: "HARBOUR city council" },
      }),
    ).toMatchObject({ ok: false, reason: "invalid" });
    const bensClient = await createClient(
      t.db,
      { userId: ben.userId, workspaceId: ben.workspaceId, allowedRoles: WRITERS },
      { name: "Ben's client" },
    );
    expect(
      await takeOverAssessment(t.db, scopeA(), {
        tokenHash: "exec-hash",
        target: { kind: "existing-client", clientId: bensClient.ok ? bensClient.clientId : "" },
      }),
    ).toMatchObject({ ok: false, reason: "invalid" });
    await addMember(ana.workspaceId, ben.userId, "viewer");
    expect(
      await takeOverAssessment(t.db, benInA(), { tokenHash: "exec-hash", target: { kind: "new-client", name: "Y" } }),
    ).toEqual({ ok: false, reason: "not-found" });
    const row = await t.db
      .selectFrom("organisations")
      .select("workspace_id")
      .where("name", "=", "Ridge")
      .executeTakeFirst();
    expect(row?.workspace_id).toBeNull();
  });
});

describe("retention", () => {
  it("removes abandoned anonymous assessments, never a workspace's assessments or clients", async () => {
    const longAgo = new Date("2026-01-01T00:00:00Z");
    const client = await newClient("Harbour City Council", longAgo);
    const emptyClient = await newClient("Ridge Trust", longAgo);
    const clientAssessment = await newAssessment(client, "client-hash", longAgo);
    const anon = await createAssessment(t.db, {
      accessTokenHash: "anon-hash",
      questionnaireVersion: "2026-12",
      now: longAgo,
    });
    const removed = await removeEmptyAssessments(t.db, { days: 30, now: new Date("2026-11-30T00:00:00Z") });
    expect(removed).toBe(1);
    expect(await findRespondentByTokenHash(t.db, "anon-hash")).toBeUndefined();
    expect(await findRespondentByTokenHash(t.db, "client-hash")).toMatchObject({ assessmentId: clientAssessment });
    expect(anon.assessmentId).not.toBe(clientAssessment);
    expect((await listClients(t.db, scopeA())).clients.map((c) => c.id).sort()).toEqual([client, emptyClient].sort());
  });
});
