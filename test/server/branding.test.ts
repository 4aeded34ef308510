/**
 * The branding page against the built production server: owners only (404 for a consultant of
 * the workspace and for a member of another), each refused logo with its message and what was
 * typed kept, the accent colour's contrast message, the logo served re-encoded as a PNG, and a
 * client's report page, PDF and Word document carrying the branding while an anonymous
 * assessment's stay as they were.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { listWorkspaceAuditEvents } from "../../db/repositories/audit";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { createTestAccount, type TestAccount } from "../support/accounts";
import { createFinishedAssessment } from "../support/finished-assessment";
import { headingOf, startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
let server: RunningServer;
let ana: TestAccount;
let cara: TestAccount;
let ben: TestAccount;
let clientToken = "";
let anonymousToken = "";
const dir = mkdtempSync(path.join(tmpdir(), "branding-server-"));

beforeAll(async () => {
  server = await startServer({
    env: { PUBLIC_BASE_URL: ORIGIN },
    seed: async (db) => {
      ana = await createTestAccount(db, { email: "ana@example.org", workspaceName: "Harbour Partners" });
      cara = await createTestAccount(db, { email: "cara@example.org", workspaceName: "Cara's own" });
      ben = await createTestAccount(db, { email: "ben@example.org", workspaceName: "Ridge Advisory" });
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
      const example = EXAMPLE_ORGANISATIONS[0];
      if (!example) throw new Error("no examples");
      const client = await createFinishedAssessment(db, example.answers);
      await db
        .updateTable("organisations")
        .set({ workspace_id: ana.workspaceId })
        .where("id", "=", client.organisationId)
        .execute();
      clientToken = client.token;
      anonymousToken = (await createFinishedAssessment(db, example.answers)).token;
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await server?.cleanUp();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; headers: Headers; body: string; bytes: Buffer; location: string };

async function send(urlPath: string, init: RequestInit & { as?: TestAccount } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.as) headers.set("cookie", `__Host-session=${init.as.cookieValue}`);
  const response = await fetch(`${server.baseUrl}${urlPath}`, { ...init, headers, redirect: "manual" });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body: bytes.toString("utf8"),
    bytes,
    location: response.headers.get("location") ?? "",
  };
}

const brandingPath = () => `/w/${ana.workspaceId}/branding`;

function postFields(fields: Record<string, string>, as: TestAccount = ana) {
  return send(brandingPath(), {
    method: "POST",
    as,
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

function postLogo(bytes: Buffer, fileName: string, type: string, as: TestAccount = ana) {
  const form = new FormData();
  form.set("intent", "logo");
  form.set("logo", new File([new Uint8Array(bytes)], fileName, { type }));
  return send(brandingPath(), { method: "POST", as, headers: { origin: ORIGIN }, body: form });
}

/** The text of the page's error summary and field errors, squashed. */
function errorsOn(html: string): string {
  return (html.match(/<(?:div class="govuk-error-summary"|p class="govuk-error-message")[\s\S]*?<\/(?:div|p)>/g) ?? [])
    .join(" ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

async function goodPng(width = 900, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: "#264653" } })
    .composite([
      { input: { create: { width: 100, height: 100, channels: 4, background: "#e9c46a" } }, left: 10, top: 10 },
    ])
    .png()
    .toBuffer();
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
}

describe("the branding page", () => {
  it("is for the workspace's owners only: 404 for a consultant of it and for a member of another", async () => {
    const owner = await send(brandingPath(), { as: ana });
    expect(owner.status).toBe(200);
    expect(headingOf(owner.body)).toBe("Branding");
    expect(owner.headers.get("cache-control")).toBe("no-store");
    for (const someone of [cara, ben]) {
      const answer = await send(brandingPath(), { as: someone });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain("Harbour Partners");
      expect((await postFields({ intent: "name", name: "Taken" }, someone)).status).toBe(404);
      expect((await postLogo(await goodPng(), "logo.png", "image/png", someone)).status).toBe(404);
      expect((await send(`/w/${ana.workspaceId}/branding/logo.png`, { as: ben })).status).toBe(404);
    }
    // Signed out: the sign-in page first.
    const signedOut = await send(brandingPath());
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toContain("/sign-in");
    // The workspace home links to it for the owner, and not for a consultant.
    expect((await send(`/w/${ana.workspaceId}`, { as: ana })).body).toContain(`href="${brandingPath()}"`);
    expect((await send(`/w/${ana.workspaceId}`, { as: cara })).body).not.toContain(`href="${brandingPath()}"`);
  });

  it("refuses a light accent colour with its contrast, keeping what was typed", async () => {
    const answer = await postFields({ intent: "colour", accentColour: "#F4A261" });
    expect(answer.status).toBe(400);
    expect(errorsOn(answer.body)).toContain(
      "#f4a261 has a contrast of 2.1 to 1 with white. Choose a darker colour: it needs at least 4.5 to 1",
    );
    expect(answer.body).toContain('value="#F4A261"');
    expect(answer.body).toMatch(/<title>Error: Branding/);
    const notAColour = await postFields({ intent: "colour", accentColour: "orange" });
    expect(errorsOn(notAColour.body)).toContain("Enter the accent colour as # followed by 6 numbers or letters");
    expect(notAColour.body).toContain('value="orange"');
  });

  it("refuses an empty or too long name, keeping what was typed", async () => {
    expect(errorsOn((await postFields({ intent: "name", name: "  " })).body)).toContain(
      "Enter a name for your workspace",
    );
    const long = "L".repeat(101);
    const answer = await postFields({ intent: "name", name: long });
    expect(errorsOn(answer.body)).toContain("The workspace name must be 100 characters or fewer");
    expect(answer.body).toContain(`value="${long}"`);
  });

  it("refuses logos that are not PNG or JPEG, hold code, are too big or are damaged", async () => {
    const png = await goodPng(400, 160);
    const noise = Buffer.alloc(1_300_000);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const cases: [Buffer, string, string, string][] = [
      [Buffer.from("just some text\n"), "logo.png", "image/png", "The logo must be a PNG or JPEG image"],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "logo.svg",
        "image/svg+xml",
        "The logo must be a PNG or JPEG image",
      ],
      [
        Buffer.concat([png, Buffer.from("<script>alert(1)</script>")]),
        "logo.png",
        "image/png",
        "The logo contains code",
      ],
      [Buffer.concat([png, noise]), "big.png", "image/png", "The logo must be 1 MB or smaller"],
      [png.subarray(0, 200), "cut.png", "image/png", "The logo could not be read"],
    ];
    for (const [bytes, name, type, message] of cases) {
      const answer = await postLogo(bytes, name, type);
      expect(answer.status, name).toBe(400);
      expect(errorsOn(answer.body), name).toContain(message);
    }
    // Far over the limit: the server's own "too large" page, before the app reads any of it.
    const huge = await postLogo(Buffer.alloc(6 * 1024 * 1024, 1), "huge.png", "image/png");
    expect(huge.status).toBe(413);
    // Nothing was saved by any of them.
    expect((await send(`/w/${ana.workspaceId}/branding/logo.png`, { as: ana })).status).toBe(404);
  });

  it("saves a logo re-encoded, serves it to members only, and records each change without the bytes", async () => {
    const upload = await goodPng(900, 300);
    const saved = await postLogo(upload, "logo.png", "image/png");
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${brandingPath()}?saved=logo`);
    const page = await send(saved.location, { as: ana });
    expect(page.body).toContain("The logo was saved");
    const src = /<img[^>]*src="([^"]+)"[^>]*alt="Harbour Partners logo"/.exec(page.body)?.[1] ?? "";
    expect(src).toMatch(new RegExp(`^/w/${ana.workspaceId}/branding/logo\\.png\\?v=[0-9a-f]{16}$`));

    const logo = await send(src.replace(/&amp;/g, "&"), { as: cara });
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(logo.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(logo.bytes.equals(upload)).toBe(false);
    expect(await sharp(logo.bytes).metadata()).toMatchObject({ format: "png", width: 600, height: 200 });

    expect((await postFields({ intent: "colour", accentColour: "#1D3557" })).location).toBe(
      `${brandingPath()}?saved=colour`,
    );
    expect((await postFields({ intent: "name", name: "Harbour Partners Ltd" })).location).toBe(
      `${brandingPath()}?saved=name`,
    );

    const db = openDatabase(server.databaseUrl);
    try {
      const events = (await listWorkspaceAuditEvents(db, { userId: ana.userId, workspaceId: ana.workspaceId })).filter(
        (event) => event.action === "branding-changed",
      );
      expect(events.map((event) => Object.keys(event.detail))).toEqual(
        expect.arrayContaining([["logo"], ["accentColour"], ["name"]]),
      );
      expect(JSON.stringify(events)).not.toContain(logo.bytes.toString("base64").slice(0, 40));
    } finally {
      await db.destroy();
    }
  });
});

describe("a client's report under its consultancy's branding", () => {
  it("shows 'Prepared by' and the logo on the report page; an anonymous report does not", async () => {
    const page = await send(`/a/${clientToken}/report`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/Prepared by <strong>Harbour Partners Ltd<\/strong>/);
    expect(page.body).toContain('fill="#1d3557"');
    const src = /<img[^>]*src="(\/a\/[^"]+\/logo\.png\?v=[0-9a-f]{16})"[^>]*alt="Harbour Partners Ltd logo"/.exec(
      page.body,
    )?.[1];
    expect(src).toBeDefined();
    const logo = await send(src as string);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    // The page's data carries no logo bytes.
    expect(page.body).not.toContain("pngBase64");

    const anonymous = await send(`/a/${anonymousToken}/report`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).not.toContain("Prepared by");
    expect(anonymous.body).not.toContain("app-branding");
    expect((await send(`/a/${anonymousToken}/logo.png`)).status).toBe(404);
    expect((await send(`/a/${"x".repeat(43)}/logo.png`)).status).toBe(404);
  });

  it("puts the branding in the PDF and the Word document, and a new name makes a new PDF", async () => {
    const first = await send(`/a/${clientToken}/summary.pdf`);
    expect(first.status).toBe(200);
    expect(pdfText(first.bytes, "first.pdf")).toContain("Prepared by Harbour Partners Ltd");

    const docx = await send(`/a/${clientToken}/report.docx`);
    expect(docx.status).toBe(200);
    const body = strFromU8(unzipSync(new Uint8Array(docx.bytes))["word/document.xml"] as Uint8Array);
    expect(body.includes("Prepared by Harbour Partners Ltd")).toBe(true);
    expect(body.includes('descr="Harbour Partners Ltd logo"')).toBe(true);

    expect((await postFields({ intent: "name", name: "Harbour & Co" })).status).toBe(302);
    const second = await send(`/a/${clientToken}/summary.pdf`);
    const text = pdfText(second.bytes, "second.pdf");
    expect(text).toContain("Prepared by Harbour & Co");
    expect(text).not.toContain("Harbour Partners Ltd");

    const anonymous = await send(`/a/${anonymousToken}/summary.pdf`);
    expect(pdfText(anonymous.bytes, "anonymous.pdf")).not.toContain("Prepared by");
  }, 180_000);
});
