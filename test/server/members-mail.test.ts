/**
 * Invitations and password resets by email, against the built production server sending
 * through a local SMTP server run in this process (smtp-server). Reads the messages: links are
 * built from PUBLIC_BASE_URL, work once, are refused when replayed or expired, and neither a
 * link's token nor the SMTP password reaches the server's log.
 */
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { headingOf, startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const PASSWORD = "kettle harbour violet march";
const NEW_PASSWORD = "lantern orchard pebble quiet";
const SMTP_PASSWORD = "smtp-secret-do-not-log";

type Received = { to: string[]; raw: string };
const inbox: Received[] = [];
let smtp: SMTPServer;
let server: RunningServer;
const tokens = new Set<string>();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === SMTP_PASSWORD) callback(null, { user: "mailer" });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  server = await startServer({
    env: {
      PUBLIC_BASE_URL: ORIGIN,
      SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${port}`,
      MAIL_FROM: "Readiness <no-reply@readiness.example.test>",
    },
  });
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await server?.cleanUp();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

type Answer = { status: number; headers: Headers; body: string; location: string };

async function send(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", `__Host-session=${init.cookie}`);
  const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    location: response.headers.get("location") ?? "",
  };
}

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return send(path, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    cookie,
  });
}

function cookieOf(answer: Answer): string {
  const header = answer.headers.getSetCookie().find((value) => value.startsWith("__Host-session="));
  return /^__Host-session=([^;]*)/.exec(header ?? "")?.[1] ?? "";
}

/** The message's text with quoted-printable soft line breaks and escapes undone. */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function nextMail(count: number): Promise<Received> {
  const deadline = Date.now() + 15_000;
  while (inbox.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const mail = inbox[count - 1];
  if (!mail) throw new Error(`no email number ${count} arrived`);
  return mail;
}

function linkIn(mail: Received, kind: "invitations" | "reset-password"): { link: string; path: string; token: string } {
  const match = new RegExp(`(https?://[^\\s"<>]+)/${kind}/([A-Za-z0-9_-]{43})`).exec(decoded(mail.raw));
  if (!match?.[2]) throw new Error(`no ${kind} link in the email`);
  tokens.add(match[2]);
  return { link: match[0], path: `/${kind}/${match[2]}`, token: match[2] };
}

let owner: { cookie: string; workspacePath: string };

describe("invitations by email", () => {
  it("emails the invitation with a link from PUBLIC_BASE_URL, not the request's Host, and does not show it", async () => {
    const signedUp = await post("/sign-up", {
      displayName: "Aroha Ngata",
      email: "aroha@example.org",
      password: PASSWORD,
      workspaceName: "Tauranga Partners",
      website: "",
    });
    expect(signedUp.status).toBe(302);
    owner = { cookie: cookieOf(signedUp), workspacePath: signedUp.location };

    const invited = await post(
      `${owner.workspacePath}/members`,
      { intent: "invite", email: "Sam@Example.org", role: "consultant" },
      owner.cookie,
    );
    expect(invited.status).toBe(200);
    expect(invited.body.replace(/<!-- -->/g, "")).toContain("We have sent an invitation to sam@example.org");
    const mail = await nextMail(1);
    expect(mail.to).toEqual(["sam@example.org"]);
    const text = decoded(mail.raw);
    expect(text).toContain("From: Readiness <no-reply@readiness.example.test>");
    expect(text).toContain("Subject: You are invited to join Tauranga Partners");
    expect(text).toContain("Aroha Ngata has invited you to join Tauranga Partners as a consultant.");
    expect(text).toContain("Content-Type: text/html");
    const { link, token } = linkIn(mail, "invitations");
    expect(link.startsWith(`${ORIGIN}/invitations/`)).toBe(true);
    expect(invited.body).not.toContain(token);
    const stored = createHash("sha256").update(token).digest("hex");
    const db = openDatabase(server.databaseUrl);
    try {
      const rows = await db.selectFrom("invitations").select(["token_hash"]).execute();
      expect(rows.map((row) => row.token_hash)).toEqual([stored]);
    } finally {
      await db.destroy();
    }
  });

  it("lets the invited person join once; the replayed link gets a clear page", async () => {
    const { path } = linkIn(inbox[0] as Received, "invitations");
    const page = await send(path);
    expect(page.status).toBe(200);
    expect(headingOf(page.body)).toBe("Join Tauranga Partners");
    const joined = await post(path, { displayName: "Sam Tupaea", password: NEW_PASSWORD, website: "" });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(owner.workspacePath);
    const samCookie = cookieOf(joined);
    expect(samCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const home = await send(owner.workspacePath, { cookie: samCookie });
    expect(home.status).toBe(200);
    expect(home.body).toContain("Sam Tupaea");

    const replay = await send(path);
    expect(replay.status).toBe(404);
    expect(headingOf(replay.body)).toBe("This invitation has already been used");
    expect(replay.body).not.toContain("Tauranga Partners");
    const replayPost = await post(path, { displayName: "Eve", password: NEW_PASSWORD, website: "" });
    expect(replayPost.status).toBe(302);
    expect(replayPost.headers.getSetCookie()).toEqual([]);
  });

  it("refuses an expired invitation and an unknown link with clear pages", async () => {
    await post(
      `${owner.workspacePath}/members`,
      { intent: "invite", email: "late@example.org", role: "viewer" },
      owner.cookie,
    );
    const { path } = linkIn(await nextMail(2), "invitations");
    const db = openDatabase(server.databaseUrl);
    try {
      await db
        .updateTable("invitations")
        .set({ expires_at: "2020-01-01T00:00:00.000Z" })
        .where("email", "=", "late@example.org")
        .execute();
    } finally {
      await db.destroy();
    }
    const expired = await send(path);
    expect(expired.status).toBe(404);
    expect(headingOf(expired.body)).toBe("This invitation has expired");
    const joined = await post(path, { displayName: "Late", password: NEW_PASSWORD, website: "" });
    expect(joined.headers.getSetCookie()).toEqual([]);
    const unknown = await send(`/invitations/${"x".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(headingOf(unknown.body)).toBe("This invitation link is not right");
  });
});

describe("password reset by email", () => {
  it("answers the same for an unknown address and sends nothing", async () => {
    const before = inbox.length;
    const unknown = await post("/forgot-password", { email: "nobody@example.org", website: "" });
    expect(unknown.status).toBe(200);
    expect(headingOf(unknown.body)).toBe("Check your email");
    expect(unknown.body.replace(/<!-- -->/g, "")).toContain(
      "If an account uses nobody@example.org, we have sent a link",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.length).toBe(before);
  });

  it("emails a link that sets a new password once, ending the old sessions", async () => {
    const count = inbox.length;
    const asked = await post("/forgot-password", { email: "aroha@example.org", website: "" });
    expect(headingOf(asked.body)).toBe("Check your email");
    const mail = await nextMail(count + 1);
    expect(mail.to).toEqual(["aroha@example.org"]);
    expect(decoded(mail.raw)).toContain("Subject: Reset your password");
    const { link, path } = linkIn(mail, "reset-password");
    expect(link.startsWith(`${ORIGIN}/reset-password/`)).toBe(true);

    const form = await send(path);
    expect(headingOf(form.body)).toBe("Choose a new password");
    const weak = await post(path, { password: "short", website: "" });
    expect(weak.status).toBe(400);
    const done = await post(path, { password: NEW_PASSWORD, website: "" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(owner.workspacePath);
    const fresh = cookieOf(done);
    expect((await send(owner.workspacePath, { cookie: fresh })).status).toBe(200);
    // The session from before the reset has ended.
    const old = await send(owner.workspacePath, { cookie: owner.cookie });
    expect(old.status).toBe(302);
    expect(old.location).toMatch(/^\/sign-in/);
    const signedIn = await post("/sign-in", { email: "aroha@example.org", password: NEW_PASSWORD, website: "" });
    expect(signedIn.status).toBe(302);
    owner.cookie = cookieOf(signedIn);

    const replay = await send(path);
    expect(replay.status).toBe(404);
    expect(headingOf(replay.body)).toBe("This password reset link has already been used");
    expect(replay.body).toContain("Ask for a new link");
  });

  it("lists it all on the owner's audit trail", async () => {
    const audit = await send(`${owner.workspacePath}/audit`, { cookie: owner.cookie });
    expect(audit.status).toBe(200);
    expect(audit.body.replace(/<!-- -->/g, "")).toContain("Aroha Ngata invited sam@example.org as a consultant");
    expect(audit.body.replace(/<!-- -->/g, "")).toContain("Sam Tupaea joined the workspace as a consultant");
  });

  it("keeps every link's token and the SMTP password out of the log", () => {
    expect(tokens.size).toBeGreaterThanOrEqual(3);
    const log = server.stdoutLines().join("\n") + server.stderr();
    expect(log).toContain("email sent");
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toContain(SMTP_PASSWORD);
  });
});
