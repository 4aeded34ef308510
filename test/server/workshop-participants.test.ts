/**
 * A workshop participant's private link against the built production server: it opens only
 * their workshop's sections, and every page that is not for participants (the report, its PDFs
 * and downloads, sharing, replacing the link, deleting, the private-link page, the logo) answers
 * "Page not found" as a wrong link does. A closed workshop and a removed participant get a page
 * that says so, from page loads and posts alike, and nothing is saved. The workshop link refuses
 * a second person of the same name (keeping what they typed) and anyone once the workshop closes.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { createClient, createClientAssessment } from "../../db/repositories/clients";
import {
  inviteParticipant,
  removeParticipant,
  setWorkshopClosed,
  setWorkshopJoinLink,
  startWorkshop,
} from "../../db/repositories/workshops";
import type { WorkspaceRole } from "../../db/schema";
import { createTestAccount } from "../support/accounts";
import { startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const RUNNERS: WorkspaceRole[] = ["owner", "consultant"];
const CLIENT = "Tōtara Bay Council";

function token() {
  return randomBytes(32).toString("base64url");
}
function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

const tokens = {
  owner: token(),
  participant: token(),
  removed: token(),
  closedOwner: token(),
  closedParticipant: token(),
  join: token(),
  closedJoin: token(),
};
let server: RunningServer;
let openAssessmentId = "";

beforeAll(async () => {
  server = await startServer({
    // Low enough for the last test to reach; the tests before it join fewer times than this.
    env: { PUBLIC_BASE_URL: ORIGIN, RATE_LIMIT_WORKSHOP_JOINS_PER_HOUR: "10" },
    seed: async (db) => {
      const ana = await createTestAccount(db, { displayName: "Ana Lopez", workspaceName: "Harbour Engagement" });
      const scope = { userId: ana.userId, workspaceId: ana.workspaceId, allowedRoles: RUNNERS };
      const client = await createClient(db, scope, { name: CLIENT });
      if (!client.ok) throw new Error("no client");
      async function workshop(ownerToken: string) {
        const made = await createClientAssessment(db, scope, {
          clientId: client.ok ? client.clientId : "",
          accessTokenHash: sha256(ownerToken),
          questionnaireVersion: "2026-12",
        });
        if (!made) throw new Error("no assessment");
        const started = await startWorkshop(db, scope, made.assessmentId, {
          participantSections: ["stakeholders", "capacity"],
          namesShown: false,
        });
        if (!started.ok) throw new Error("no workshop");
        return made.assessmentId;
      }
      async function invite(assessmentId: string, name: string, participantToken: string) {
        const invited = await inviteParticipant(db, scope, {
          assessmentId,
          name,
          roleLabel: null,
          accessTokenHash: sha256(participantToken),
        });
        if (!invited.ok) throw new Error(`could not invite ${name}`);
        return invited.respondentId;
      }
      openAssessmentId = await workshop(tokens.owner);
      await invite(openAssessmentId, "Aroha Ngata", tokens.participant);
      const removed = await invite(openAssessmentId, "Sam Tupaea", tokens.removed);
      await removeParticipant(db, scope, { assessmentId: openAssessmentId, respondentId: removed });
      await setWorkshopJoinLink(db, scope, openAssessmentId, sha256(tokens.join));
      const closed = await workshop(tokens.closedOwner);
      await invite(closed, "Mere Hohaia", tokens.closedParticipant);
      await setWorkshopJoinLink(db, scope, closed, sha256(tokens.closedJoin));
      await setWorkshopClosed(db, scope, closed, true);
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

type Answer = { status: number; body: string; location: string };

async function request(method: "GET" | "POST", path: string, fields?: Record<string, string>): Promise<Answer> {
  const headers = new Headers({ origin: ORIGIN });
  let body: string | undefined;
  if (method === "POST") {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(fields ?? {}).toString();
  }
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  return { status: response.status, body: await response.text(), location: response.headers.get("location") ?? "" };
}

/** Follows redirects on our own server (downloads send a wrong link to the report's address). */
async function finalAnswer(method: "GET" | "POST", path: string, fields?: Record<string, string>): Promise<Answer> {
  let answer = await request(method, path, fields);
  for (let hops = 0; hops < 5 && answer.status >= 300 && answer.status < 400; hops += 1) {
    answer = await request("GET", new URL(answer.location, server.baseUrl).pathname);
  }
  return answer;
}

async function savedAnswers(respondentToken: string): Promise<Record<string, string>> {
  const db = openDatabase(server.databaseUrl);
  try {
    const rows = await db
      .selectFrom("answers as a")
      .innerJoin("respondents as r", "r.id", "a.respondent_id")
      .select(["a.question_id", "a.value_json"])
      .where("r.access_token_hash", "=", sha256(respondentToken))
      .execute();
    return Object.fromEntries(rows.map((row) => [row.question_id, row.value_json]));
  } finally {
    await db.destroy();
  }
}

/** Every `/a/<token>/...` page and action that is not for a participant. */
const NOT_FOR_PARTICIPANTS: { name: string; method: "GET" | "POST"; path: string; fields?: Record<string, string> }[] =
  [
    { name: "report", method: "GET", path: "/report" },
    { name: "report PDF (A4)", method: "GET", path: "/report.pdf" },
    { name: "report PDF (Letter)", method: "GET", path: "/report.pdf?size=letter" },
    { name: "summary PDF", method: "GET", path: "/summary.pdf" },
    { name: "Word report", method: "GET", path: "/report.docx" },
    { name: "report data", method: "GET", path: "/report.json" },
    { name: "answers (CSV)", method: "GET", path: "/answers.csv" },
    { name: "answers (JSON)", method: "GET", path: "/answers.json" },
    { name: "share page", method: "GET", path: "/share" },
    { name: "make a read-only link", method: "POST", path: "/share", fields: { label: "Board" } },
    { name: "a read-only link's page", method: "GET", path: "/share/00000000-0000-0000-0000-000000000000" },
    { name: "revoke page", method: "GET", path: "/share/00000000-0000-0000-0000-000000000000/revoke" },
    { name: "revoke", method: "POST", path: "/share/00000000-0000-0000-0000-000000000000/revoke" },
    { name: "replace-link page", method: "GET", path: "/replace-link" },
    { name: "replace the link", method: "POST", path: "/replace-link" },
    { name: "delete page", method: "GET", path: "/delete" },
    { name: "delete", method: "POST", path: "/delete" },
    { name: "private-link page", method: "GET", path: "/your-link" },
    { name: "logo", method: "GET", path: "/logo.png" },
    // Sections the workshop did not give participants, page and check page alike.
    { name: "organisation's first page", method: "GET", path: "/organisation/name" },
    {
      name: "answering the organisation's page",
      method: "POST",
      path: "/organisation/name",
      fields: { orgName: "Hijack" },
    },
    { name: "organisation's check page", method: "GET", path: "/check/organisation" },
    {
      name: "marking the organisation complete",
      method: "POST",
      path: "/check/organisation",
      fields: { completed: "yes" },
    },
    { name: "commitment's check page", method: "GET", path: "/check/commitment" },
  ];

describe("a participant's link", () => {
  it("shows a task list of only their workshop's sections, with no report, sharing or downloads", async () => {
    const answer = await request("GET", `/a/${tokens.participant}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`You are answering for the ${CLIENT} workshop`);
    expect(answer.body).toContain("Your answers are your own: the facilitator will show the group where people differ");
    expect(answer.body).toContain("Decide who you need to engage and why");
    expect(answer.body).toContain("Assess your capacity to answer questions");
    expect(answer.body).not.toContain("Describe your organisation");
    expect(answer.body).not.toContain("Set your commitment");
    for (const refused of ["/report", "/share", "/replace-link", "/delete", "/your-link", "/answers.csv"]) {
      expect(answer.body).not.toContain(`/a/${tokens.participant}${refused}`);
    }
  });

  it.each(NOT_FOR_PARTICIPANTS)("is refused $name with Page not found", async (route) => {
    const answer = await finalAnswer(route.method, `/a/${tokens.participant}${route.path}`, route.fields);
    expect(answer.status).toBe(404);
    // The logo is a file, not a page: its 404 has no page around it.
    if (route.name !== "logo") expect(answer.body).toContain("Page not found");
    expect(answer.body).not.toContain(CLIENT);
  });

  it("the same pages still open for the owner's link", async () => {
    for (const path of ["/report", "/share", "/replace-link", "/delete", "/your-link", "/organisation/name"]) {
      expect((await request("GET", `/a/${tokens.owner}${path}`)).status, path).toBe(200);
    }
  });

  it("saves an answer to one of their sections, under their own name only", async () => {
    const answer = await request("POST", `/a/${tokens.participant}/capacity/team`, {
      teamPeople: "3",
      teamHoursPerWeek: "12",
      accountAccess: "shared-managed",
    });
    expect(answer.status).toBe(302);
    expect(answer.location).toContain(`/a/${tokens.participant}/capacity/`);
    expect(await savedAnswers(tokens.participant)).toMatchObject({
      teamPeople: "3",
      accountAccess: '"shared-managed"',
    });
    expect(await savedAnswers(tokens.owner)).toEqual({});
  });

  it("never saves the organisation's name from a participant", async () => {
    await request("POST", `/a/${tokens.participant}/organisation/name`, { orgName: "Hijack" });
    expect(await savedAnswers(tokens.participant)).not.toHaveProperty("orgName");
  });
});

describe("a closed workshop and a removed participant", () => {
  it("sends every page of a closed workshop's participant to a page that says so", async () => {
    for (const path of ["", "/capacity/team", "/check/capacity", "/check-answers", "/complete"]) {
      const answer = await request("GET", `/a/${tokens.closedParticipant}${path}`);
      expect(answer.status, path).toBe(303);
      expect(answer.location).toBe(`/a/${tokens.closedParticipant}/closed`);
    }
    const page = await request("GET", `/a/${tokens.closedParticipant}/closed`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("This workshop has closed");
    expect(page.body).toContain("Your answers are kept");
  });

  it("refuses a post after the close with that page, not an error, and saves nothing", async () => {
    const answer = await finalAnswer("POST", `/a/${tokens.closedParticipant}/capacity/team`, {
      teamPeople: "5",
      teamHoursPerWeek: "20",
      accountAccess: "one-person",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("This workshop has closed");
    expect(await savedAnswers(tokens.closedParticipant)).toEqual({});
    const finish = await finalAnswer("POST", `/a/${tokens.closedParticipant}/check-answers`);
    expect(finish.body).toContain("This workshop has closed");
  });

  it("tells a removed participant the facilitator removed them, and saves nothing", async () => {
    const answer = await finalAnswer("GET", `/a/${tokens.removed}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("You were removed from this workshop");
    const post = await finalAnswer("POST", `/a/${tokens.removed}/capacity/team`, {
      teamPeople: "1",
      teamHoursPerWeek: "1",
      accountAccess: "one-person",
    });
    expect(post.body).toContain("You were removed from this workshop");
    expect(await savedAnswers(tokens.removed)).toEqual({});
  });

  it("has no closed page for an owner's link", async () => {
    expect((await request("GET", `/a/${tokens.closedOwner}/closed`)).status).toBe(404);
    // The owner of a closed workshop still answers as before.
    expect((await request("GET", `/a/${tokens.closedOwner}`)).status).toBe(200);
  });
});

describe("the workshop link", () => {
  it("names the client and the workspace, and asks for a name and role", async () => {
    const answer = await request("GET", `/join/${tokens.join}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(CLIENT);
    expect(answer.body).toContain("Harbour Engagement");
    expect(answer.body).toContain("Your name");
  });

  it("is Page not found when unknown or malformed", async () => {
    for (const path of [`/join/${token()}`, "/join/short", `/join/${tokens.participant}`]) {
      const answer = await request("GET", path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(CLIENT);
    }
    expect((await request("POST", `/join/${token()}`, { name: "Someone" })).status).toBe(404);
  });

  it("refuses a second person of the same name, ignoring case and spaces, keeping what they typed", async () => {
    const answer = await request("POST", `/join/${tokens.join}`, { name: "  aroha   NGATA ", role: "Mayor's office" });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Someone in this workshop already has this name");
    expect(answer.body).toContain('value="  aroha   NGATA "');
    expect(answer.body).toContain('value="Mayor&#x27;s office"');
  });

  it("checks the name and role on the server", async () => {
    const blank = await request("POST", `/join/${tokens.join}`, { name: "  ", role: "Lead" });
    expect(blank.status).toBe(400);
    expect(blank.body).toContain("Enter your name");
    expect(blank.body).toContain('value="Lead"');
    const long = await request("POST", `/join/${tokens.join}`, { name: "n".repeat(81), role: "" });
    expect(long.status).toBe(400);
    expect(long.body).toContain("Your name must be 80 characters or fewer");
  });

  it("lets a new person join, shows their own link once, and that link opens their questions", async () => {
    const answer = await request("POST", `/join/${tokens.join}`, { name: "Wiremu Tane", role: "Councillor" });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Your own link");
    expect(answer.body).toContain("It will not be shown again");
    const link = new RegExp(`${ORIGIN}/a/([A-Za-z0-9_-]{43})`).exec(answer.body)?.[1];
    expect(link).toBeDefined();
    const tasks = await request("GET", `/a/${link}`);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toContain("as Wiremu Tane");
    // The name is now taken for the next person.
    expect((await request("POST", `/join/${tokens.join}`, { name: "wiremu tane" })).status).toBe(400);
  });

  it("says the workshop has closed, and lets nobody join after the close", async () => {
    const page = await request("GET", `/join/${tokens.closedJoin}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("This workshop has closed");
    const post = await request("POST", `/join/${tokens.closedJoin}`, { name: "Late Comer" });
    expect(post.status).toBe(409);
    expect(post.body).toContain("This workshop has closed");
    const db = openDatabase(server.databaseUrl);
    try {
      const late = await db
        .selectFrom("workshop_participants")
        .select("name")
        .where("name", "=", "Late Comer")
        .executeTakeFirst();
      expect(late).toBeUndefined();
    } finally {
      await db.destroy();
    }
  });

  it("never writes a workshop or participant link to the log", () => {
    const log = server.stdoutLines().join("\n");
    for (const secret of [tokens.join, tokens.closedJoin, tokens.participant, tokens.removed]) {
      expect(log).not.toContain(secret);
    }
  });

  it("limits joins from one address, as sign-ups are limited (runs last: it uses up the allowance)", async () => {
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 12 && !refused; attempt += 1) {
      const response = await fetch(`${server.baseUrl}/join/${tokens.join}`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: `Visitor ${attempt}` }).toString(),
        redirect: "manual",
      });
      if (response.status === 429) refused = response;
      else await response.text();
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
