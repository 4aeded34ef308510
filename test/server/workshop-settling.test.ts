/**
 * Settling a workshop, against the built production server: two facilitators settling the same
 * question at once (the later one sees the earlier decision; nothing is overwritten), a
 * participant saving while the facilitator settles (neither is lost or changed), and finishing
 * refused while a question the participants answered is unsettled (never a 500).
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { getAnswers, saveAnswers } from "../../db/repositories/answers";
import { createMemberKey, takeOverAssessment } from "../../db/repositories/clients";
import { joinWorkshop, settlementsOfAssessment, startWorkshop } from "../../db/repositories/workshops";
import type { WorkspaceRole } from "../../db/schema";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { createTestAccount, type TestAccount } from "../support/accounts";
import { createFinishedAssessment } from "../support/finished-assessment";
import { startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const WRITERS: WorkspaceRole[] = ["owner", "consultant"];

let server: RunningServer;
let ana: TestAccount;
let cara: TestAccount;
let assessmentId: string;
let ownerRespondentId: string;
let executiveToken: string;
let memberKey: string;
const participants: { name: string; token: string; respondentId: string }[] = [];

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

beforeAll(async () => {
  server = await startServer({
    env: { PUBLIC_BASE_URL: ORIGIN },
    seed: async (db) => {
      ana = await createTestAccount(db, { displayName: "Ana Lopez", workspaceName: "Harbour Consulting" });
      cara = await createTestAccount(db, { displayName: "Cara Wiremu", workspaceName: "Cara's own" });
      await db
        .insertInto("workspace_members")
        .values({
          workspace_id: ana.workspaceId,
          user_id: cara.userId,
          role: "consultant",
          // Joined after making their own workspace, so their own stays the header's home.
          created_at: new Date(Date.now() + 60_000).toISOString(),
        })
        .execute();
      const scope = { userId: ana.userId, workspaceId: ana.workspaceId, allowedRoles: WRITERS };
      // Every section answered and completed, but not yet finished: finishing is what is tested.
      const finished = await createFinishedAssessment(db, RURAL_COUNCIL.answers);
      await db.updateTable("respondents").set({ submitted_at: null }).where("id", "=", finished.respondentId).execute();
      const taken = await takeOverAssessment(db, scope, {
        tokenHash: sha256(finished.token),
        target: { kind: "new-client", name: "Coast District Council" },
      });
      if (!taken.ok) throw new Error("could not take over the assessment");
      assessmentId = taken.assessmentId;
      ownerRespondentId = finished.respondentId;
      executiveToken = finished.token;
      const started = await startWorkshop(db, scope, assessmentId, {
        participantSections: ["stakeholders", "capacity"],
        namesShown: true,
      });
      if (!started.ok) throw new Error("could not start the workshop");
      memberKey = randomBytes(32).toString("base64url");
      if (!(await createMemberKey(db, scope, { assessmentId, tokenHash: sha256(memberKey) }))) {
        throw new Error("could not make the member key");
      }
      for (const [name, people] of [
        ["Aroha Ngata", 2],
        ["Ben Ito", 5],
        ["Mere Tane", 9],
      ] as const) {
        const token = randomBytes(32).toString("base64url");
        const joined = await joinWorkshop(db, {
          assessmentId,
          name,
          roleLabel: null,
          accessTokenHash: sha256(token),
          joinedVia: "workshop-link",
        });
        if (!joined.ok) throw new Error(`could not join ${name}`);
        await saveAnswers(db, {
          respondentId: joined.respondentId,
          assessmentId,
          organisationId: taken.clientId,
          set: {
            teamPeople: people,
            teamHoursPerWeek: people * 4,
            accountAccess: "one-person",
            ...(people === 2 ? { customGroups: [{ id: "custom-1a2b3c4d", name: "Iwi partners" }] } : {}),
            ...(people === 5 ? { customGroups: [{ id: "custom-5e6f7a8b", name: "Surf lifesaving clubs" }] } : {}),
          },
          clear: [],
        });
        participants.push({ name, token, respondentId: joined.respondentId });
      }
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

async function request(method: "GET" | "POST", path: string, cookie?: string, fields?: Record<string, string>) {
  const headers = new Headers({ origin: ORIGIN });
  if (cookie) headers.set("cookie", `__Host-session=${cookie}`);
  let body: string | undefined;
  if (method === "POST") {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(fields).toString();
  }
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  return { status: response.status, body: await response.text(), location: response.headers.get("location") ?? "" };
}

async function withDb<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(server.databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const settlePath = (key: string) => `/w/${ana.workspaceId}/assessments/${assessmentId}/workshop/settle/${key}`;

describe("finishing a workshop assessment", () => {
  it("is refused while a question the participants answered is unsettled, with the list, never a 500", async () => {
    const page = await request("GET", `/a/${executiveToken}/check-answers`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("The workshop has answers still to settle");
    expect(page.body).toContain("People who help");
    expect(page.body).toContain("Access to accounts");
    expect(page.body).toContain("Other groups");
    // The executive's private link is not a member's: no links to the facilitator's pages.
    expect(page.body).not.toContain("/workshop/settle/");

    const posted = await request("POST", `/a/${executiveToken}/check-answers`, undefined, {
      completedByName: "Aroha Ngata",
      completedByRole: "Chief executive",
    });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/a/${executiveToken}/check-answers`);
    const owner = await withDb((db) =>
      db.selectFrom("respondents").select("submitted_at").where("id", "=", ownerRespondentId).executeTakeFirstOrThrow(),
    );
    expect(owner.submitted_at).toBeNull();

    // A member who opened it with their key gets each question linked to its settle page.
    const viaKey = await request("GET", `/a/${memberKey}/check-answers`);
    expect(viaKey.status).toBe(200);
    expect(viaKey.body).toContain(settlePath("teamPeople"));
  });
});

describe("two facilitators settling the same question", () => {
  it("shows the later one the earlier decision, overwrites nothing, and saves theirs only when they confirm", async () => {
    const form = await request("GET", settlePath("teamPeople"), ana.cookieValue);
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="settleRevision" value="0"');
    // Prefilled with the middle answer of 2, 5 and 9.
    expect(form.body).toMatch(/name="teamPeople"[^>]*value="5"|value="5"[^>]*name="teamPeople"/);

    const first = await request("POST", settlePath("teamPeople"), cara.cookieValue, {
      teamPeople: "4",
      settleReason: "Two officers and two casuals",
      settleRevision: "0",
    });
    expect(first.status).toBe(303);

    const second = await request("POST", settlePath("teamPeople"), ana.cookieValue, {
      teamPeople: "6",
      settleReason: "",
      settleRevision: "0",
    });
    expect(second.status).toBe(409);
    expect(second.body).toContain("Someone settled this while you were looking");
    expect(second.body).toContain("Cara Wiremu");
    expect(second.body).toContain("Two officers and two casuals");
    expect(second.body).toContain("Keep their answer");
    // What Ana typed is kept, and the form now stands on Cara's revision.
    expect(second.body).toMatch(/value="6"/);
    expect(second.body).toContain('name="settleRevision" value="1"');
    let settled = await withDb((db) => settlementsOfAssessment(db, assessmentId));
    expect(settled.find((s) => s.questionId === "teamPeople")).toMatchObject({ value: 4, revision: 1 });

    const kept = await request("POST", settlePath("teamPeople"), ana.cookieValue, {
      settleIntent: "keep",
      settleRevision: "1",
    });
    expect(kept.status).toBe(303);
    settled = await withDb((db) => settlementsOfAssessment(db, assessmentId));
    expect(settled.find((s) => s.questionId === "teamPeople")).toMatchObject({ value: 4, revision: 1 });

    const confirmed = await request("POST", settlePath("teamPeople"), ana.cookieValue, {
      teamPeople: "6",
      settleReason: "",
      settleRevision: "1",
    });
    expect(confirmed.status).toBe(303);
    settled = await withDb((db) => settlementsOfAssessment(db, assessmentId));
    expect(settled.find((s) => s.questionId === "teamPeople")).toMatchObject({ value: 6, revision: 2, reason: null });
  });

  it("refuses bad input with the question's own message and keeps what was typed", async () => {
    const bad = await request("POST", settlePath("teamHoursPerWeek"), ana.cookieValue, {
      teamHoursPerWeek: "lots",
      settleReason: "x".repeat(1001),
      settleRevision: "0",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("There is a problem");
    expect(bad.body).toContain("Enter the hours a week as a number");
    expect(bad.body).toContain("The reason must be 1,000 characters or fewer");
    expect(bad.body).toContain('value="lots"');
    const settled = await withDb((db) => settlementsOfAssessment(db, assessmentId));
    expect(settled.some((s) => s.questionId === "teamHoursPerWeek")).toBe(false);
  });
});

describe("a participant saving while the facilitator settles", () => {
  it("loses nothing on either side: the participant's answer is theirs, the settlement is the group's", async () => {
    const aroha = participants[0];
    if (!aroha) throw new Error("no participant");
    const [saved, settled] = await Promise.all([
      request("POST", `/a/${aroha.token}/capacity/team`, undefined, {
        teamPeople: "3",
        teamHoursPerWeek: "12",
        accountAccess: "shared-managed",
      }),
      request("POST", settlePath("accountAccess"), ana.cookieValue, {
        accountAccess: "shared-informally",
        settleReason: "Passwords are in a shared spreadsheet",
        settleRevision: "0",
      }),
    ]);
    expect(saved.status).toBe(302);
    expect(settled.status).toBe(303);
    const [mine, group, settlements] = await withDb((db) =>
      Promise.all([
        getAnswers(db, aroha.respondentId),
        getAnswers(db, ownerRespondentId),
        settlementsOfAssessment(db, assessmentId),
      ]),
    );
    expect(mine).toMatchObject({ teamPeople: 3, teamHoursPerWeek: 12, accountAccess: "shared-managed" });
    expect(group).toMatchObject({ teamPeople: 6, accountAccess: "shared-informally" });
    expect(settlements.find((s) => s.questionId === "accountAccess")).toMatchObject({
      value: "shared-informally",
      reason: "Passwords are in a shared spreadsheet",
    });
  });
});

describe("settling a list question", () => {
  it("takes one participant's list, checked with the list's own schema, as the group's answer", async () => {
    const form = await request("GET", settlePath("customGroups"), ana.cookieValue);
    expect(form.status).toBe(200);
    expect(form.body).toContain("Aroha Ngata&#x27;s list: Iwi partners");
    expect(form.body).toContain("Ben Ito&#x27;s list: Surf lifesaving clubs");
    const aroha = participants[0];
    if (!aroha) throw new Error("no participant");

    const nothing = await request("POST", settlePath("customGroups"), ana.cookieValue, { settleRevision: "0" });
    expect(nothing.status).toBe(400);
    expect(nothing.body).toContain("Select the list the group agrees on");
    // Someone else's id, or a made-up one, is not a choice.
    const forged = await request("POST", settlePath("customGroups"), ana.cookieValue, {
      settleChoice: "not-a-participant",
      settleRevision: "0",
    });
    expect(forged.status).toBe(400);

    const chosen = await request("POST", settlePath("customGroups"), ana.cookieValue, {
      settleChoice: aroha.respondentId,
      settleReason: "Aroha's list is the one the council uses",
      settleRevision: "0",
    });
    expect(chosen.status).toBe(303);
    const group = await withDb((db) => getAnswers(db, ownerRespondentId));
    expect(group.customGroups).toEqual([{ id: "custom-1a2b3c4d", name: "Iwi partners" }]);
    // Aroha's own list is untouched, and Ben's is still his.
    const theirs = await withDb((db) =>
      Promise.all(participants.slice(0, 2).map((participant) => getAnswers(db, participant.respondentId))),
    );
    expect(theirs[0]?.customGroups).toEqual([{ id: "custom-1a2b3c4d", name: "Iwi partners" }]);
    expect(theirs[1]?.customGroups).toEqual([{ id: "custom-5e6f7a8b", name: "Surf lifesaving clubs" }]);
  });
});

describe("addresses the facilitator's view may link to", () => {
  it("sends a follow-up to its question, explains one the group is not asked yet, and 404s the rest", async () => {
    const followUp = await request("GET", settlePath("purposesOther"), ana.cookieValue);
    expect(followUp.status).toBe(302);
    expect(followUp.location).toBe(settlePath("purposes"));
    // Only Ben chose this group of his own: the group's answers do not ask about it.
    const notAsked = await request("GET", settlePath("why@custom-5e6f7a8b"), ana.cookieValue);
    expect(notAsked.status).toBe(200);
    expect(notAsked.body).toContain("This question is not asked of the group yet");
    expect((await request("GET", settlePath("no-such-question"), ana.cookieValue)).status).toBe(404);
    expect(
      (await request("POST", settlePath("why@custom-5e6f7a8b"), ana.cookieValue, { settleRevision: "0" })).status,
    ).toBe(404);
  });
});
