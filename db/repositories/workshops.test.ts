import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import type { WorkspaceRole } from "../schema";
import { deleteAssessment, findRespondentByTokenHash } from "./assessments";
import { getAnswers, saveAnswers, WorkshopNotOpenError } from "./answers";
import { listWorkspaceAuditEvents } from "./audit";
import { createClient, createClientAssessment } from "./clients";
import {
  currentParticipantAnswers,
  findParticipantState,
  findWorkshop,
  findWorkshopByJoinTokenHash,
  inviteParticipant,
  joinWorkshop,
  listParticipants,
  listParticipantsWithAnswers,
  listSettlements,
  participantAnswersOfAssessment,
  participantNameKey,
  removeParticipant,
  setWorkshopClosed,
  setWorkshopJoinLink,
  settleQuestion,
  startWorkshop,
  updateWorkshopSettings,
  workshopIdsAmong,
  workshopOfAssessment,
  workshopVersion,
} from "./workshops";

const RUNNERS: WorkspaceRole[] = ["owner", "consultant"];

let t: TestDatabase;
let ana: TestAccount; // owner of Harbour (workspace A), the facilitator
let ben: TestAccount; // owner of Ridge (workspace B), who must see nothing of A's workshops
let assessmentId: string;
let organisationId: string;

const scopeA = () => ({ userId: ana.userId, workspaceId: ana.workspaceId, allowedRoles: RUNNERS });
const benInA = () => ({ userId: ben.userId, workspaceId: ana.workspaceId, allowedRoles: RUNNERS });
const benInB = () => ({ userId: ben.userId, workspaceId: ben.workspaceId, allowedRoles: RUNNERS });

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", displayName: "Ana Lopez", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", displayName: "Ben Ito", workspaceName: "Ridge" });
  const client = await createClient(t.db, scopeA(), { name: "Coast District Council" });
  if (!client.ok) throw new Error("no client");
  organisationId = client.clientId;
  const created = await createClientAssessment(t.db, scopeA(), {
    clientId: client.clientId,
    accessTokenHash: "owner-hash",
    questionnaireVersion: "2026-12",
  });
  if (!created) throw new Error("no assessment");
  assessmentId = created.assessmentId;
  const started = await startWorkshop(t.db, scopeA(), assessmentId, {
    participantSections: ["stakeholders", "capacity"],
    namesShown: false,
  });
  expect(started).toEqual({ ok: true });
});
afterEach(async () => {
  await t.destroy();
});

async function join(name: string, hash: string) {
  const joined = await joinWorkshop(t.db, {
    assessmentId,
    name,
    roleLabel: "Councillor",
    accessTokenHash: hash,
    joinedVia: "workshop-link",
  });
  if (!joined.ok) throw new Error(`could not join: ${joined.reason}`);
  return joined.respondentId;
}

async function answer(respondentId: string, set: Record<string, unknown>) {
  await saveAnswers(t.db, { respondentId, assessmentId, organisationId, set, clear: [] });
}

describe("starting and changing a workshop", () => {
  it("is found by members of its workspace only, and refuses a second start", async () => {
    const workshop = await findWorkshop(t.db, scopeA(), assessmentId);
    expect(workshop).toMatchObject({
      assessmentId,
      clientName: "Coast District Council",
      participantSections: ["stakeholders", "capacity"],
      namesShown: false,
      joinLinkOn: false,
      closedAt: null,
    });
    expect(await findWorkshop(t.db, benInA(), assessmentId)).toBeUndefined();
    expect(await findWorkshop(t.db, benInB(), assessmentId)).toBeUndefined();
    expect(await startWorkshop(t.db, scopeA(), assessmentId, { participantSections: [], namesShown: true })).toEqual({
      ok: false,
      reason: "already-a-workshop",
    });
    expect(await startWorkshop(t.db, benInB(), assessmentId, { participantSections: [], namesShown: true })).toEqual({
      ok: false,
      reason: "not-found",
    });
    const actions = (await listWorkspaceAuditEvents(t.db, { userId: ana.userId, workspaceId: ana.workspaceId })).map(
      (e) => e.action,
    );
    expect(actions).toContain("workshop-started");
  });

  it("changes settings, the join link and closing for its own workspace only", async () => {
    expect(
      await updateWorkshopSettings(t.db, benInB(), assessmentId, { participantSections: [], namesShown: true }),
    ).toBe(false);
    expect(
      await updateWorkshopSettings(t.db, scopeA(), assessmentId, {
        participantSections: ["capacity"],
        namesShown: true,
      }),
    ).toBe(true);
    expect(await setWorkshopJoinLink(t.db, benInB(), assessmentId, "join-hash")).toBe(false);
    expect(await setWorkshopJoinLink(t.db, scopeA(), assessmentId, "join-hash")).toBe(true);
    expect(await findWorkshopByJoinTokenHash(t.db, "join-hash")).toMatchObject({
      assessmentId,
      clientName: "Coast District Council",
      closedAt: null,
      participantSections: ["capacity"],
      namesShown: true,
    });
    expect(await setWorkshopClosed(t.db, scopeA(), assessmentId, true)).toBe(true);
    const workshop = await findWorkshop(t.db, scopeA(), assessmentId);
    expect(workshop).toMatchObject({ participantSections: ["capacity"], namesShown: true, joinLinkOn: true });
    expect(workshop?.closedAt).not.toBeNull();
    expect(await setWorkshopJoinLink(t.db, scopeA(), assessmentId, null)).toBe(true);
    expect(await findWorkshopByJoinTokenHash(t.db, "join-hash")).toBeUndefined();
  });
});

describe("participants", () => {
  it("have their own private link, and two current participants cannot share a name", async () => {
    const aroha = await join("  Aroha   Ngata ", "p1");
    const context = await findRespondentByTokenHash(t.db, "p1");
    expect(context).toMatchObject({ respondentId: aroha, role: "participant", assessmentId });
    expect(
      await joinWorkshop(t.db, {
        assessmentId,
        name: "aroha ngata",
        roleLabel: null,
        accessTokenHash: "p2",
        joinedVia: "workshop-link",
      }),
    ).toEqual({
      ok: false,
      reason: "name-taken",
    });
    expect(participantNameKey("  Aroha   NGATA ")).toBe("aroha ngata");
    const invited = await inviteParticipant(t.db, scopeA(), {
      assessmentId,
      name: "Sam Wu",
      roleLabel: null,
      accessTokenHash: "p3",
    });
    expect(invited.ok).toBe(true);
    expect(
      await inviteParticipant(t.db, benInB(), { assessmentId, name: "Eve", roleLabel: null, accessTokenHash: "p4" }),
    ).toEqual({
      ok: false,
      reason: "not-found",
    });
    const listed = await listParticipants(t.db, scopeA(), assessmentId);
    expect(listed.map((p) => [p.name, p.joinedVia])).toEqual([
      ["Aroha Ngata", "workshop-link"],
      ["Sam Wu", "invitation"],
    ]);
    expect(await listParticipants(t.db, benInB(), assessmentId)).toEqual([]);
  });

  it("cannot join a closed workshop; a removed participant's name is free again and their answers leave the counts", async () => {
    const aroha = await join("Aroha", "p1");
    await answer(aroha, { teamHours: 10 });
    expect((await currentParticipantAnswers(t.db, scopeA(), assessmentId)).map((p) => p.answers)).toEqual([
      { teamHours: 10 },
    ]);
    expect(await removeParticipant(t.db, benInB(), { assessmentId, respondentId: aroha })).toBe(false);
    expect(await removeParticipant(t.db, scopeA(), { assessmentId, respondentId: aroha })).toBe(true);
    expect(await currentParticipantAnswers(t.db, scopeA(), assessmentId)).toEqual([]);
    const both = await listParticipantsWithAnswers(t.db, scopeA(), assessmentId);
    expect(both.participants.map((p) => [p.name, p.removedAt !== null])).toEqual([["Aroha", true]]);
    expect(both.answers).toEqual([]);
    expect(await listParticipantsWithAnswers(t.db, benInB(), assessmentId)).toEqual({ participants: [], answers: [] });
    expect((await findParticipantState(t.db, aroha))?.removedAt).not.toBeNull();
    // Their own answers are kept as they gave them.
    expect(await getAnswers(t.db, aroha)).toEqual({ teamHours: 10 });
    await join("Aroha", "p2");
    await setWorkshopClosed(t.db, scopeA(), assessmentId, true);
    expect(
      await joinWorkshop(t.db, {
        assessmentId,
        name: "Late",
        roleLabel: null,
        accessTokenHash: "p5",
        joinedVia: "workshop-link",
      }),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
  });

  it("changes the version the live view polls when someone answers", async () => {
    const aroha = await join("Aroha", "p1");
    const before = await workshopVersion(t.db, scopeA(), assessmentId);
    expect(before).toBeDefined();
    await answer(aroha, { teamHours: 10 });
    const after = await workshopVersion(t.db, scopeA(), assessmentId);
    expect(after).not.toEqual(before);
    expect(await workshopVersion(t.db, benInB(), assessmentId)).toBeUndefined();
  });
});

describe("settling", () => {
  it("writes the group's answer to the owner's answers, never a participant's", async () => {
    const aroha = await join("Aroha", "p1");
    await answer(aroha, { teamHours: 10 });
    const settled = await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 12,
      reason: "Two part-time staff",
      expectedRevision: 0,
    });
    expect(settled).toEqual({ ok: true, revision: 1 });
    const owner = await findRespondentByTokenHash(t.db, "owner-hash");
    expect(await getAnswers(t.db, owner!.respondentId)).toEqual({ teamHours: 12 });
    expect(await getAnswers(t.db, aroha)).toEqual({ teamHours: 10 });
    const [settlement] = await listSettlements(t.db, scopeA(), assessmentId);
    expect(settlement).toMatchObject({
      questionId: "teamHours",
      value: 12,
      reason: "Two part-time staff",
      settledByName: "Ana Lopez",
      revision: 1,
    });
    expect(await listSettlements(t.db, benInB(), assessmentId)).toEqual([]);
    expect(
      await settleQuestion(t.db, benInB(), {
        assessmentId,
        questionId: "teamHours",
        value: 1,
        reason: null,
        expectedRevision: 1,
      }),
    ).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("shows a facilitator settling from an older view the decision they missed, and overwrites nothing", async () => {
    const first = await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 12,
      reason: null,
      expectedRevision: 0,
    });
    expect(first.ok).toBe(true);
    const stale = await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 30,
      reason: null,
      expectedRevision: 0,
    });
    expect(stale).toMatchObject({ ok: false, reason: "changed-since", current: { value: 12, revision: 1 } });
    const confirmed = await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 30,
      reason: "Checked the rota",
      expectedRevision: 1,
    });
    expect(confirmed).toEqual({ ok: true, revision: 2 });
    const again = await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 5,
      reason: null,
      expectedRevision: 1,
    });
    expect(again).toMatchObject({ ok: false, reason: "changed-since", current: { value: 30, revision: 2 } });
  });

  it("lets exactly one of two simultaneous first settlements through", async () => {
    const results = await Promise.all([
      settleQuestion(t.db, scopeA(), { assessmentId, questionId: "q", value: "a", reason: null, expectedRevision: 0 }),
      settleQuestion(t.db, scopeA(), { assessmentId, questionId: "q", value: "b", reason: null, expectedRevision: 0 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "changed-since")).toHaveLength(1);
  });
});

describe("deleting the assessment", () => {
  it("removes the workshop, its participants and settlements", async () => {
    const aroha = await join("Aroha", "p1");
    await answer(aroha, { teamHours: 10 });
    await settleQuestion(t.db, scopeA(), {
      assessmentId,
      questionId: "teamHours",
      value: 12,
      reason: null,
      expectedRevision: 0,
    });
    expect(await deleteAssessment(t.db, assessmentId)).toBe(true);
    for (const table of [
      "workshops",
      "workshop_participants",
      "workshop_settlements",
      "respondents",
      "answers",
    ] as const) {
      const rows = await t.db.selectFrom(table).selectAll().execute();
      expect(rows, table).toEqual([]);
    }
  });
});

describe("a participant's link, as the wizard reads it", () => {
  it("names the client and the workspace, and says when the workshop closed or they were removed", async () => {
    const aroha = await join("Aroha", "p-aroha");
    expect(await findParticipantState(t.db, aroha)).toMatchObject({
      clientName: "Coast District Council",
      workspaceName: "Harbour",
      name: "Aroha",
      participantSections: ["stakeholders", "capacity"],
      closedAt: null,
      removedAt: null,
    });
    await setWorkshopClosed(t.db, scopeA(), assessmentId, true);
    expect((await findParticipantState(t.db, aroha))?.closedAt).not.toBeNull();
  });

  it("saves a participant's answers only while they are in an open workshop", async () => {
    const aroha = await join("Aroha", "p-aroha");
    const save = (value: number) =>
      saveAnswers(t.db, {
        respondentId: aroha,
        assessmentId,
        organisationId,
        set: { teamPeople: value },
        clear: [],
        whileInOpenWorkshop: true,
      });
    await save(2);
    await setWorkshopClosed(t.db, scopeA(), assessmentId, true);
    await expect(save(3)).rejects.toBeInstanceOf(WorkshopNotOpenError);
    expect(await getAnswers(t.db, aroha)).toEqual({ teamPeople: 2 });
    await setWorkshopClosed(t.db, scopeA(), assessmentId, false);
    await save(4);
    await removeParticipant(t.db, scopeA(), { assessmentId, respondentId: aroha });
    await expect(save(5)).rejects.toBeInstanceOf(WorkshopNotOpenError);
    expect(await getAnswers(t.db, aroha)).toEqual({ teamPeople: 4 });
  });

  it("lists which assessments are workshops, for the workspace's members only", async () => {
    const other = await createClientAssessment(t.db, scopeA(), {
      clientId: organisationId,
      accessTokenHash: "other-owner-hash",
      questionnaireVersion: "2026-12",
    });
    if (!other) throw new Error("no assessment");
    const ids = [assessmentId, other.assessmentId];
    expect([...(await workshopIdsAmong(t.db, scopeA(), ids))]).toEqual([assessmentId]);
    expect((await workshopIdsAmong(t.db, benInA(), ids)).size).toBe(0);
    expect((await workshopIdsAmong(t.db, benInB(), ids)).size).toBe(0);
    expect((await workshopIdsAmong(t.db, scopeA(), [])).size).toBe(0);
  });
});

describe("reads for code that already holds access (finishing, the report, exports)", () => {
  it("gives the workshop's settings and its current participants' answers, leaving removed ones out", async () => {
    expect(await workshopOfAssessment(t.db, assessmentId)).toEqual({
      participantSections: ["stakeholders", "capacity"],
      namesShown: false,
      closedAt: null,
    });
    expect(await workshopOfAssessment(t.db, "no-such-assessment")).toBeUndefined();
    // Joined a second apart, so the joining order is certain.
    const joinAt = async (name: string, hash: string, at: string) => {
      const joined = await joinWorkshop(t.db, {
        assessmentId,
        name,
        roleLabel: null,
        accessTokenHash: hash,
        joinedVia: "workshop-link",
        now: new Date(at),
      });
      if (!joined.ok) throw new Error(joined.reason);
      return joined.respondentId;
    };
    const aroha = await joinAt("Aroha Ngata", "hash-aroha", "2026-11-30T09:00:00Z");
    const ben = await joinAt("Ben Ito", "hash-ben", "2026-11-30T09:00:01Z");
    await answer(aroha, { teamPeople: 2 });
    await answer(ben, { teamPeople: 9, accountAccess: "one-person" });
    expect(await participantAnswersOfAssessment(t.db, assessmentId)).toEqual([
      { respondentId: aroha, name: "Aroha Ngata", answers: { teamPeople: 2 } },
      { respondentId: ben, name: "Ben Ito", answers: { teamPeople: 9, accountAccess: "one-person" } },
    ]);
    expect(await removeParticipant(t.db, scopeA(), { assessmentId, respondentId: aroha })).toBe(true);
    expect((await participantAnswersOfAssessment(t.db, assessmentId)).map((p) => p.name)).toEqual(["Ben Ito"]);
  });
});
