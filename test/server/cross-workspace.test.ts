/**
 * Access control across workspaces, against the built production server: a member of workspace B
 * requests every workspace route and resource of workspace A by id (under A's address and under
 * B's own), and A's member key as a link after A's member is removed. Each answers 404, and no
 * name of A's (workspace, client, organisation, members) appears in any response.
 *
 * The routes are one table (`ROUTES`): when a feature adds a workspace route, add its row here.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeBranding } from "../../db/repositories/branding";
import { createClient, createMemberKey, takeOverAssessment } from "../../db/repositories/clients";
import { inviteParticipant, startWorkshop } from "../../db/repositories/workshops";
import type { WorkspaceRole } from "../../db/schema";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { createTestAccount, type TestAccount } from "../support/accounts";
import { createFinishedAssessment } from "../support/finished-assessment";
import { openDatabase } from "../../db/connection";
import { startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const WRITERS: WorkspaceRole[] = ["owner", "consultant"];

/** What A holds that B must never see. */
const A_NAMES = {
  workspace: "Kōwhai Secret Consulting",
  client: "Tūī Confidential Trust",
  otherClient: "Kererū Hidden Board",
  organisation: RURAL_COUNCIL.answers.organisation.orgName,
  owner: "Aroha Ngata-Private",
  ownerEmail: "aroha.private@example.org",
  consultant: "Cara Hidden-Consultant",
  participant: "Hemi Secret-Participant",
};

type Ids = {
  a: TestAccount;
  /** A viewer in workspace A. */
  vic: TestAccount;
  cara: TestAccount;
  b: TestAccount;
  clientId: string;
  assessmentId: string;
  /** A's executive's private link to the taken-over assessment. */
  executiveToken: string;
  /** A's consultant's member key, made before they were removed from A. */
  memberKey: string;
  /** A participant in the workshop A runs on that assessment. */
  participantId: string;
};

let server: RunningServer;
let ids: Ids;

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

beforeAll(async () => {
  server = await startServer({
    env: { PUBLIC_BASE_URL: ORIGIN },
    seed: async (db) => {
      const a = await createTestAccount(db, {
        email: A_NAMES.ownerEmail,
        displayName: A_NAMES.owner,
        workspaceName: A_NAMES.workspace,
      });
      const cara = await createTestAccount(db, { displayName: A_NAMES.consultant, workspaceName: "Cara's own" });
      const b = await createTestAccount(db, { displayName: "Ben Ito", workspaceName: "Ridge Consulting" });
      const vic = await createTestAccount(db, { displayName: "Vic Viewer", workspaceName: "Vic's own" });
      const joined = new Date().toISOString();
      await db
        .insertInto("workspace_members")
        .values([
          { workspace_id: a.workspaceId, user_id: cara.userId, role: "consultant", created_at: joined },
          { workspace_id: a.workspaceId, user_id: vic.userId, role: "viewer", created_at: joined },
        ])
        .execute();
      const scopeA = { userId: a.userId, workspaceId: a.workspaceId, allowedRoles: WRITERS };
      const finished = await createFinishedAssessment(db, RURAL_COUNCIL.answers, { completedBy: A_NAMES.owner });
      const taken = await takeOverAssessment(db, scopeA, {
        tokenHash: sha256(finished.token),
        target: { kind: "new-client", name: A_NAMES.client },
      });
      if (!taken.ok) throw new Error("could not take over the seed assessment");
      await createClient(db, scopeA, { name: A_NAMES.otherClient });
      // A's logo (the repository stores what the page has already checked and re-encoded).
      await changeBranding(
        db,
        { userId: a.userId, workspaceId: a.workspaceId },
        { logo: { png: Buffer.from("89504e470d0a1a0a", "hex"), width: 1, height: 1 }, accentColour: "#0b4f5c" },
      );
      const memberKey = randomBytes(32).toString("base64url");
      const made = await createMemberKey(
        db,
        { userId: cara.userId, workspaceId: a.workspaceId, allowedRoles: WRITERS },
        { assessmentId: taken.assessmentId, tokenHash: sha256(memberKey) },
      );
      if (!made) throw new Error("could not make the member key");
      // Cara leaves workspace A: her key must stop working at once.
      await db
        .deleteFrom("workspace_members")
        .where("workspace_id", "=", a.workspaceId)
        .where("user_id", "=", cara.userId)
        .execute();
      // The assessment is also a workshop, with one participant.
      const started = await startWorkshop(db, scopeA, taken.assessmentId, {
        participantSections: ["capacity"],
        namesShown: true,
      });
      if (!started.ok) throw new Error("could not start the workshop");
      const invited = await inviteParticipant(db, scopeA, {
        assessmentId: taken.assessmentId,
        name: A_NAMES.participant,
        roleLabel: null,
        accessTokenHash: sha256(randomBytes(32).toString("base64url")),
      });
      if (!invited.ok) throw new Error("could not invite the participant");
      ids = {
        participantId: invited.respondentId,
        a,
        vic,
        cara,
        b,
        clientId: taken.clientId,
        assessmentId: taken.assessmentId,
        executiveToken: finished.token,
        memberKey,
      };
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

type Answer = { status: number; body: string; location: string };

async function request(
  method: "GET" | "POST",
  path: string,
  cookie: string,
  fields: Record<string, string> = {},
): Promise<Answer> {
  const headers = new Headers({ cookie: `__Host-session=${cookie}`, origin: ORIGIN });
  let body: string | undefined;
  if (method === "POST") {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(fields).toString();
  }
  const controller = new AbortController();
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body,
    redirect: "manual",
    signal: controller.signal,
  });
  // An event stream never ends by itself: what it sends first is what is checked.
  if (response.headers.get("content-type")?.startsWith("text/event-stream") && response.body) {
    const first = await response.body.getReader().read();
    controller.abort();
    return { status: response.status, body: new TextDecoder().decode(first.value), location: "" };
  }
  return { status: response.status, body: await response.text(), location: response.headers.get("location") ?? "" };
}

/**
 * Every workspace route and resource, as built from a workspace id and A's ids. B's member asks
 * for each under A's workspace id and under B's own (A's ids in B's addresses).
 */
type Route = {
  name: string;
  method: "GET" | "POST";
  path: (workspaceId: string) => string;
  /** The form's fields; a function when they name something only known once the data is seeded. */
  fields?: Record<string, string> | (() => Record<string, string>);
};

function fieldsOf(route: Route): Record<string, string> | undefined {
  return typeof route.fields === "function" ? route.fields() : route.fields;
}

const ROUTES: Route[] = [
  { name: "workspace home", method: "GET", path: (w) => `/w/${w}` },
  { name: "client list", method: "GET", path: (w) => `/w/${w}/clients` },
  { name: "client search", method: "GET", path: (w) => `/w/${w}/clients?q=${encodeURIComponent("Tūī")}` },
  { name: "new client page", method: "GET", path: (w) => `/w/${w}/clients/new` },
  { name: "create a client", method: "POST", path: (w) => `/w/${w}/clients/new`, fields: { clientName: "Sneaky" } },
  { name: "client page", method: "GET", path: (w) => `/w/${w}/clients/${ids.clientId}` },
  { name: "new assessment page", method: "GET", path: (w) => `/w/${w}/clients/${ids.clientId}/assessments/new` },
  { name: "start an assessment", method: "POST", path: (w) => `/w/${w}/clients/${ids.clientId}/assessments/new` },
  { name: "take-over page", method: "GET", path: (w) => `/w/${w}/take-over` },
  { name: "open an assessment", method: "POST", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/open` },
  { name: "private link page", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/private-link` },
  {
    name: "replace the private link",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/private-link`,
  },
  { name: "report", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/report` },
  { name: "report PDF (A4)", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/report.pdf` },
  {
    name: "report PDF (Letter)",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/report.pdf?size=letter`,
  },
  { name: "summary PDF", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/summary.pdf` },
  { name: "Word report", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/report.docx` },
  { name: "report data (JSON)", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/report.json` },
  { name: "answers (CSV)", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/answers.csv` },
  { name: "answers (JSON)", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/answers.json` },
  { name: "what has changed", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/changes` },
  { name: "next assessment page", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/next` },
  {
    name: "start the next assessment",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/next`,
    fields: { start: "copy" },
  },
  { name: "members page", method: "GET", path: (w) => `/w/${w}/members` },
  { name: "remove a member page", method: "GET", path: (w) => `/w/${w}/members/${ids.vic.userId}/remove` },
  { name: "remove a member", method: "POST", path: (w) => `/w/${w}/members/${ids.vic.userId}/remove` },
  { name: "audit trail", method: "GET", path: (w) => `/w/${w}/audit` },
  { name: "branding page", method: "GET", path: (w) => `/w/${w}/branding` },
  {
    name: "change the branding",
    method: "POST",
    path: (w) => `/w/${w}/branding`,
    fields: { intent: "colour", accentColour: "#0b4f5c" },
  },
  { name: "logo", method: "GET", path: (w) => `/w/${w}/branding/logo.png` },
  {
    name: "start a workshop page",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/start`,
  },
  {
    name: "start a workshop",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/start`,
    fields: { sections: "capacity", names: "shown" },
  },
  {
    name: "workshop participants",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants`,
  },
  {
    name: "invite a workshop participant",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants`,
    fields: { intent: "invite", name: "Sneaky" },
  },
  {
    name: "turn on the workshop link",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants`,
    fields: { intent: "link-on" },
  },
  {
    name: "close the workshop",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants`,
    fields: { intent: "close" },
  },
  {
    name: "remove a workshop participant page",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants/${ids.participantId}/remove`,
  },
  {
    name: "remove a workshop participant",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants/${ids.participantId}/remove`,
  },
  {
    name: "make a workshop participant a new link page",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants/${ids.participantId}/new-link`,
  },
  {
    name: "make a workshop participant a new link",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/participants`,
    fields: () => ({ intent: "new-participant-link", participant: ids.participantId }),
  },
  {
    name: "workshop settings page",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/settings`,
  },
  {
    name: "change the workshop settings",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/settings`,
    fields: { sections: "capacity", names: "hidden" },
  },
  { name: "workshop facilitator view", method: "GET", path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop` },
  {
    name: "workshop live events",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/events`,
  },
  {
    name: "workshop projector",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/projector`,
  },
  {
    name: "workshop: questions to settle",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/settle`,
  },
  {
    name: "workshop: settle a question",
    method: "GET",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/settle/teamPeople`,
  },
  {
    name: "workshop: save a settled answer",
    method: "POST",
    path: (w) => `/w/${w}/assessments/${ids.assessmentId}/workshop/settle/teamPeople`,
    fields: { teamPeople: "3", settleReason: "", settleRevision: "0" },
  },
];

/** The routes that exist for B's own workspace and so answer there (with B's data only). */
const OWN_WORKSPACE_PAGES = new Set([
  "workspace home",
  "client list",
  "client search",
  "new client page",
  "take-over page",
  "create a client",
  "members page",
  "audit trail",
  "branding page",
  "change the branding",
]);

function expectNothingOfA(answer: Answer) {
  for (const name of Object.values(A_NAMES)) expect(answer.body).not.toContain(name);
  expect(answer.body).not.toContain(ids.clientId);
  expect(answer.body).not.toContain(ids.assessmentId);
}

describe("a member of workspace B asks for workspace A's things", () => {
  it.each(ROUTES)("$name under A's workspace id: 404, nothing of A's", async (route) => {
    const answer = await request(route.method, route.path(ids.a.workspaceId), ids.b.cookieValue, fieldsOf(route));
    expect(answer.status).toBe(404);
    expectNothingOfA(answer);
  });

  it.each(ROUTES.filter((route) => !OWN_WORKSPACE_PAGES.has(route.name)))(
    "$name with A's ids under B's own workspace: 404, nothing of A's",
    async (route) => {
      const answer = await request(route.method, route.path(ids.b.workspaceId), ids.b.cookieValue, fieldsOf(route));
      expect(answer.status).toBe(404);
      expectNothingOfA(answer);
    },
  );

  it("B's own list and search never show A's clients", async () => {
    for (const path of [`/w/${ids.b.workspaceId}/clients`, `/w/${ids.b.workspaceId}/clients?q=T%C5%AB%C4%AB`]) {
      const answer = await request("GET", path, ids.b.cookieValue);
      expect(answer.status).toBe(200);
      expectNothingOfA(answer);
    }
  });

  it("taking over A's assessment by its private link is refused without saying whose it is", async () => {
    const answer = await request("POST", `/w/${ids.b.workspaceId}/take-over`, ids.b.cookieValue, {
      intent: "check",
      link: `${ORIGIN}/a/${ids.executiveToken}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("already belongs to a workspace");
    expectNothingOfA(answer);
    const direct = await request("POST", `/w/${ids.b.workspaceId}/take-over`, ids.b.cookieValue, {
      intent: "new-client",
      link: ids.executiveToken,
      clientName: "Mine now",
    });
    expect(direct.status).toBe(400);
    expectNothingOfA(direct);
  });

  it("A's former consultant's member key opens nothing once they are removed", async () => {
    for (const path of [`/a/${ids.memberKey}`, `/a/${ids.memberKey}/report`, `/a/${ids.memberKey}/report.pdf`]) {
      const answer = await request("GET", path, ids.cara.cookieValue);
      // Downloads send an unknown link to its report page's address, which answers 404.
      const final = answer.status === 303 ? await request("GET", answer.location, ids.cara.cookieValue) : answer;
      expect(final.status).toBe(404);
      expectNothingOfA(final);
    }
  });

  it("A's own owner still reaches every route (the table is not 404 for everyone)", async () => {
    for (const route of ROUTES.filter((r) => r.method === "GET")) {
      const answer = await request("GET", route.path(ids.a.workspaceId), ids.a.cookieValue);
      expect([200, 303], `${route.name}: ${answer.status}`).toContain(answer.status);
    }
  });
});

describe("a viewer in workspace A", () => {
  it("reads the clients and reports, without the buttons a viewer cannot use", async () => {
    const list = await request("GET", `/w/${ids.a.workspaceId}/clients`, ids.vic.cookieValue);
    expect(list.status).toBe(200);
    expect(list.body).toContain(A_NAMES.client);
    expect(list.body).not.toContain("Add a client");
    const client = await request("GET", `/w/${ids.a.workspaceId}/clients/${ids.clientId}`, ids.vic.cookieValue);
    expect(client.status).toBe(200);
    expect(client.body).toContain("Read the report");
    expect(client.body).not.toContain("Start a new assessment");
    expect(client.body).not.toContain("Make a new private link");
    const report = await request(
      "GET",
      `/w/${ids.a.workspaceId}/assessments/${ids.assessmentId}/report`,
      ids.vic.cookieValue,
    );
    expect(report.status).toBe(200);
  });

  it.each(ROUTES.filter((route) => route.method === "POST"))(
    "$name answers 404 to a viewer, as to a non-member",
    async (route) => {
      const answer = await request(route.method, route.path(ids.a.workspaceId), ids.vic.cookieValue, fieldsOf(route));
      expect(answer.status).toBe(404);
    },
  );

  it("records a download in the audit trail, with the kind of file and no link", async () => {
    const answer = await request(
      "GET",
      `/w/${ids.a.workspaceId}/assessments/${ids.assessmentId}/report.json`,
      ids.vic.cookieValue,
    );
    expect(answer.status).toBe(200);
    const db = openDatabase(server.databaseUrl);
    try {
      const events = await db
        .selectFrom("audit_events")
        .select(["actor_user_id", "subject", "detail_json"])
        .where("action", "=", "report-exported")
        .where("actor_user_id", "=", ids.vic.userId)
        .execute();
      expect(events).toEqual([
        { actor_user_id: ids.vic.userId, subject: ids.assessmentId, detail_json: '{"kind":"report-json"}' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
