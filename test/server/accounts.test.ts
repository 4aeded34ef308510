/**
 * Accounts against the built production server: signing up, in and out, the session cookie,
 * the sessions page, the sign-in limits, workspaces closed to non-members, and logs that never
 * hold a session cookie's value or a password. The server believes X-Forwarded-For from this
 * machine (TRUST_PROXY=loopback), so a test can sign in "from" different addresses.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headingOf, startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const PASSWORD = "kettle harbour violet march";
const FAILED = "The email address or password is not right";

let server: RunningServer;
/** Every cookie value and password the tests used: none may reach the log. */
const secrets = new Set<string>([PASSWORD]);

beforeAll(async () => {
  server = await startServer({
    env: {
      PUBLIC_BASE_URL: ORIGIN,
      TRUST_PROXY: "loopback",
      RATE_LIMIT_SIGN_IN_FAILURES_PER_15_MINUTES: "3",
      RATE_LIMIT_SIGN_UPS_PER_HOUR: "12",
    },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

type Answer = { status: number; headers: Headers; body: string; location: string };

async function send(path: string, init: RequestInit & { cookie?: string; from?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  headers.set("user-agent", headers.get("user-agent") ?? CHROME);
  if (init.cookie) headers.set("cookie", `__Host-session=${init.cookie}`);
  if (init.from) headers.set("x-forwarded-for", init.from);
  const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    location: response.headers.get("location") ?? "",
  };
}

function post(
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; from?: string; ua?: string } = {},
) {
  return send(path, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": options.ua ?? CHROME,
    },
    body: new URLSearchParams(fields).toString(),
    cookie: options.cookie,
    from: options.from,
  });
}

/** The session cookie's value from a Set-Cookie header, remembered as a secret. */
function cookieOf(answer: Answer): string {
  const header = answer.headers.getSetCookie().find((value) => value.startsWith("__Host-session="));
  const value = /^__Host-session=([^;]*)/.exec(header ?? "")?.[1] ?? "";
  if (value) secrets.add(value);
  return value;
}

async function signUp(name: string, email: string, workspaceName: string) {
  const answer = await post("/sign-up", { displayName: name, email, password: PASSWORD, workspaceName, website: "" });
  expect(answer.status).toBe(302);
  return { cookie: cookieOf(answer), workspacePath: answer.location };
}

function signIn(email: string, password: string, options: { from?: string; next?: string; ua?: string } = {}) {
  secrets.add(password);
  const path = options.next === undefined ? "/sign-in" : `/sign-in?next=${encodeURIComponent(options.next)}`;
  return post(path, { email, password, website: "" }, options);
}

/** A sign-up form: a good one, with `changes`. */
function postSignUp(changes: Record<string, string>) {
  return post("/sign-up", {
    displayName: "Ben Ngata",
    email: "ben@example.org",
    password: PASSWORD,
    workspaceName: "Ridge",
    website: "",
    ...changes,
  });
}

let ana: { cookie: string; workspacePath: string };
let ben: { cookie: string; workspacePath: string };

describe("signing up", () => {
  it("creates the account and workspace, signs in with a secure cookie and lands on the workspace home", async () => {
    ana = await signUp("Ana López", "Ana.Lopez@Example.org", "Harbour Engagement");
    expect(ana.workspacePath).toMatch(/^\/w\/[0-9a-f-]{36}$/);
    expect(ana.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answer = await postSignUp({ email: "someone@example.org" });
    const setCookie = answer.headers.getSetCookie().find((value) => value.startsWith("__Host-session="));
    cookieOf(answer);
    expect(setCookie).toMatch(
      /^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure$/,
    );

    const home = await send(ana.workspacePath, { cookie: ana.cookie });
    expect(home.status).toBe(200);
    expect(headingOf(home.body)).toBe("Harbour Engagement");
    expect(home.body).toContain("ana.lopez@example.org");
    expect(home.body).toContain("Owner");
    expect(home.body).toContain("Sign out");
    expect(home.headers.get("cache-control")).toBe("no-store");
  });

  it("answers bad input with 400, the problems linked to their fields and everything typed kept but the password", async () => {
    const answer = await postSignUp({
      email: "ben.example.org",
      password: "short pass",
      workspaceName: "Ridge Consulting",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("There is a problem");
    expect(answer.body).toContain('href="#email"');
    expect(answer.body).toContain('href="#password"');
    expect(answer.body).toContain("at least 12 characters");
    expect(answer.body).toContain('value="Ben Ngata"');
    expect(answer.body).toContain('value="ben.example.org"');
    expect(answer.body).toContain('value="Ridge Consulting"');
    expect(answer.body).not.toContain("short pass");
    expect(answer.body).toContain("<title>Error: Create an account");
  });

  it("refuses a common password and one that holds the email, on the server", async () => {
    const common = await postSignUp({ password: "qwerty123456" });
    expect(common.status).toBe(400);
    expect(common.body).toContain("too common");
    const personal = await postSignUp({ email: "ben.ngata@example.org", password: "ben.ngata rules the world" });
    expect(personal.body).toContain("must not contain your email address");
  });

  it("says plainly when the email already has an account, in any case", async () => {
    const answer = await postSignUp({ email: "ANA.LOPEZ@example.org" });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("An account already uses this email address");
  });

  it("refuses a form whose hidden honeypot field was filled in", async () => {
    const answer = await postSignUp({ email: "bot@example.org", website: "http://spam.example" });
    expect(answer.status).toBe(400);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });
});

describe("signing in", () => {
  it("gives the same page and status for a wrong password and for an email with no account", async () => {
    const wrong = await signIn("ana.lopez@example.org", "not the right password at all");
    const unknown = await signIn("nobody@example.org", "not the right password at all");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body).toContain(FAILED);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(unknown.headers.getSetCookie()).toEqual([]);
    const normalise = (body: string, email: string) =>
      body.replaceAll(email, "EMAIL").replace(/nonce="[^"]*"/g, 'nonce=""');
    expect(normalise(wrong.body, "ana.lopez@example.org")).toBe(normalise(unknown.body, "nobody@example.org"));
  });

  it("signs in with a fresh session each time, and goes to a safe `next` or the workspace", async () => {
    const first = await signIn("ANA.lopez@example.org", PASSWORD, { next: "/account/sessions" });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/account/sessions");
    const firstCookie = cookieOf(first);
    expect(firstCookie).not.toBe(ana.cookie);
    const second = await signIn("ana.lopez@example.org", PASSWORD, { next: "//evil.example/" });
    expect(second.location).toBe(ana.workspacePath);
    expect(cookieOf(second)).not.toBe(firstCookie);
  });

  it("sends a signed-out visitor to sign in and back to the page they asked for", async () => {
    const answer = await send(ana.workspacePath);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/sign-in?next=${encodeURIComponent(ana.workspacePath)}`);
    const page = await send("/sign-in");
    expect(page.status).toBe(200);
    expect(page.body).toContain('href="/sign-in"');
  });

  it("slows down guessing one account from one address without locking the person out elsewhere", async () => {
    await signUp("Cara", "cara@example.org", "Cara Consulting");
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn("cara@example.org", `wrong guess number ${attempt}`, { from: "203.0.113.9" })).status).toBe(
        400,
      );
    }
    const refused = await signIn("cara@example.org", PASSWORD, { from: "203.0.113.9" });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(
      /Too many attempts to sign in to this account\. Wait about 1[45] minutes, then try again\./,
    );
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(refused.headers.getSetCookie()).toEqual([]);
    // The person, from their own address, still gets in.
    const elsewhere = await signIn("cara@example.org", PASSWORD, { from: "198.51.100.20" });
    expect(elsewhere.status).toBe(302);
    cookieOf(elsewhere);
  });
});

describe("workspaces", () => {
  it("answers 404, with nothing of the workspace in the page, to someone who is not a member", async () => {
    ben = await signUp("Ben Ngata", "ben.ngata@example.org", "Ridge Secret Workspace");
    const answer = await send(ben.workspacePath, { cookie: ana.cookie });
    expect(answer.status).toBe(404);
    expect(headingOf(answer.body)).toBe("Page not found");
    expect(answer.body).not.toContain("Ridge Secret Workspace");
    expect(answer.body).not.toContain("ben.ngata@example.org");
    expect(answer.body).not.toContain("Ben Ngata");
    const unknown = await send("/w/00000000-0000-4000-8000-000000000000", { cookie: ana.cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.body.replace(/nonce="[^"]*"/g, "")).toBe(answer.body.replace(/nonce="[^"]*"/g, ""));
  });
});

describe("sessions", () => {
  it("lists the person's devices and signs one out at once", async () => {
    const other = cookieOf(await signIn("ben.ngata@example.org", PASSWORD, { ua: FIREFOX }));
    const page = await send("/account/sessions", { cookie: ben.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Chrome on Linux");
    expect(page.body).toContain("Firefox on Windows");
    expect(page.body).toContain("This device");
    expect(page.body).not.toContain(other);

    const otherId = createHash("sha256").update(other).digest("hex");
    const revoked = await post("/account/sessions", { intent: "end", sessionId: otherId }, { cookie: ben.cookie });
    expect(revoked.status).toBe(302);
    const after = await send(ben.workspacePath, { cookie: other });
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/sign-in\?next=/);
    expect((await send(ben.workspacePath, { cookie: ben.cookie })).status).toBe(200);
  });

  it("signs out of every other device", async () => {
    const a = cookieOf(await signIn("ben.ngata@example.org", PASSWORD));
    const b = cookieOf(await signIn("ben.ngata@example.org", PASSWORD));
    const answer = await post("/account/sessions", { intent: "end-others" }, { cookie: ben.cookie });
    expect(answer.location).toBe("/account/sessions?ended=2");
    for (const cookie of [a, b]) expect((await send(ben.workspacePath, { cookie })).status).toBe(302);
    const page = await send(answer.location, { cookie: ben.cookie });
    expect(page.body).toContain("You signed out of 2 devices");
  });

  it("signs out with a post, clears the cookie, and the old cookie stops working", async () => {
    const page = await send("/sign-out", { cookie: ben.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<form method="post" action="\/sign-out"/);
    const answer = await post("/sign-out", {}, { cookie: ben.cookie });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/sign-in?signed-out");
    expect(answer.headers.getSetCookie()).toContain(
      "__Host-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    );
    expect((await send(ben.workspacePath, { cookie: ben.cookie })).status).toBe(302);
  });
});

describe("limits and logs", () => {
  it("limits sign-ups from one address", async () => {
    let answer: Answer | undefined;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      answer = await post("/sign-up", { displayName: "", email: "", password: "", workspaceName: "" });
      if (answer.status === 429) break;
    }
    expect(answer?.status).toBe(429);
    expect(answer?.body).toContain("Too many accounts have been created from your internet connection");
  });

  it("never writes a session cookie's value or a password to the log", async () => {
    const log = server.stdoutLines().join("\n");
    expect(log).toContain('"path":"/sign-in"');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
