/**
 * Two-step sign-in against the built production server: a right password alone gives only a
 * short-lived "waiting for the code" cookie that opens no page; the code (or a recovery code)
 * then starts the session and goes on to `next`; wrong codes are counted and slowed down; the
 * wait expires; and no key, code, recovery code or cookie value reaches the log.
 */
import { randomBytes } from "node:crypto";
import { generateTOTP } from "@epic-web/totp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../db/connection";
import { startServer, type RunningServer } from "./server-process";

const ORIGIN = "https://readiness.example.test";
const PASSWORD = "kettle harbour violet march";
const WRONG_CODE = "The code is not right";

let server: RunningServer;
/** Every key, code and cookie value the tests used: none may reach the log. */
const secrets = new Set<string>();

beforeAll(async () => {
  server = await startServer({
    env: { PUBLIC_BASE_URL: ORIGIN, TRUST_PROXY: "loopback", RATE_LIMIT_SIGN_IN_FAILURES_PER_15_MINUTES: "3" },
  });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

type Answer = { status: number; headers: Headers; body: string; location: string };

async function send(
  path: string,
  init: RequestInit & { cookies?: Record<string, string>; from?: string } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  const cookies = Object.entries(init.cookies ?? {}).map(([name, value]) => `${name}=${value}`);
  if (cookies.length) headers.set("cookie", cookies.join("; "));
  headers.set("x-forwarded-for", init.from ?? "203.0.113.7");
  const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    location: response.headers.get("location") ?? "",
  };
}

function post(path: string, fields: Record<string, string>, cookies: Record<string, string> = {}, from?: string) {
  return send(path, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    cookies,
    from,
  });
}

function cookieOf(answer: Answer, name: string): { value: string; header: string } {
  const header = answer.headers.getSetCookie().find((value) => value.startsWith(`${name}=`)) ?? "";
  const value = new RegExp(`^${name}=([^;]*)`).exec(header)?.[1] ?? "";
  if (value) secrets.add(value);
  return { value, header };
}

/** The app's code for `key`, `stepsAhead` 30-second steps from now. */
async function codeFor(key: string, stepsAhead = 0): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + stepsAhead * 30_000);
  try {
    const { otp } = await generateTOTP({ secret: key, period: 30, digits: 6, algorithm: "SHA-1" });
    secrets.add(otp);
    return otp;
  } finally {
    vi.useRealTimers();
  }
}

type Person = { email: string; workspacePath: string; key: string; recoveryCodes: string[] };

/** Signs up and turns two-step on as a person would, through the pages. */
async function personWithTwoStep(): Promise<Person> {
  const email = `ana.${randomBytes(4).toString("hex")}@example.org`;
  const signedUp = await post("/sign-up", {
    displayName: "Ana",
    email,
    password: PASSWORD,
    workspaceName: "Lopez Consulting",
    website: "",
  });
  expect(signedUp.status).toBe(302);
  const session = { "__Host-session": cookieOf(signedUp, "__Host-session").value };
  expect((await post("/account/two-step", { intent: "turn-on" }, session)).location).toBe("/account/two-step/set-up");
  const setUp = await send("/account/two-step/set-up", { cookies: session });
  const key = (/id="two-step-key">([A-Z2-7 ]+)</.exec(setUp.body)?.[1] ?? "").replace(/ /g, "");
  expect(key).toHaveLength(32);
  secrets.add(key);
  const confirmed = await post("/account/two-step/set-up", { code: await codeFor(key) }, session);
  expect(confirmed.status).toBe(200);
  const recoveryCodes = [...confirmed.body.matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/g)].map(
    (match) => match[1] ?? "",
  );
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) secrets.add(code);
  return { email, workspacePath: signedUp.location, key, recoveryCodes };
}

async function password(person: Person, next?: string, from?: string) {
  const path = next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
  const answer = await post(path, { email: person.email, password: PASSWORD, website: "" }, {}, from);
  return { answer, waiting: cookieOf(answer, "__Host-two-step") };
}

describe("two-step sign-in", () => {
  it("gives a right password only a five-minute cookie that names nothing and opens no page", async () => {
    const ana = await personWithTwoStep();
    const { answer, waiting } = await password(ana);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/sign-in/code");
    expect(cookieOf(answer, "__Host-session").value).toBe("");
    expect(waiting.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(waiting.header).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=300; Secure$/);
    const cookies = { "__Host-two-step": waiting.value };
    // Only the code page opens with it: the workspace and account pages still ask to sign in.
    for (const path of [ana.workspacePath, "/account/sessions", "/account/two-step"]) {
      const page = await send(path, { cookies });
      expect(page.status).toBe(302);
      expect(page.location).toMatch(/^\/sign-in/);
    }
    // Used as a session cookie, it is no session either.
    expect((await send(ana.workspacePath, { cookies: { "__Host-session": waiting.value } })).status).toBe(302);
    const codePage = await send("/sign-in/code", { cookies });
    expect(codePage.status).toBe(200);
    expect(codePage.body).toContain("Enter your code");
    // No waiting sign-in: back to the password.
    expect((await send("/sign-in/code")).location).toBe("/sign-in?timed-out");
  });

  it("signs in with the next code, goes on to `next`, and refuses the same code twice", async () => {
    const ana = await personWithTwoStep();
    const { waiting } = await password(ana, "/account/sessions");
    const code = await codeFor(ana.key, 1);
    const done = await post("/sign-in/code", { code }, { "__Host-two-step": waiting.value });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/account/sessions");
    const session = cookieOf(done, "__Host-session").value;
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(waiting.value);
    expect(cookieOf(done, "__Host-two-step").header).toContain("Max-Age=0");
    expect((await send("/account/sessions", { cookies: { "__Host-session": session } })).status).toBe(200);
    // The waiting cookie is used up.
    expect((await send("/sign-in/code", { cookies: { "__Host-two-step": waiting.value } })).location).toBe(
      "/sign-in?timed-out",
    );
    // The same code again, on a new sign-in: refused, with one clear message.
    const again = await password(ana);
    const replayed = await post("/sign-in/code", { code }, { "__Host-two-step": again.waiting.value });
    expect(replayed.status).toBe(400);
    expect(replayed.body).toContain("That code has been used already");
  });

  it("counts wrong codes and slows them down, each with one message", async () => {
    const ana = await personWithTwoStep();
    const { waiting } = await password(ana, undefined, "198.51.100.9");
    const cookies = { "__Host-two-step": waiting.value };
    const right = await codeFor(ana.key, 1);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const refusedShape = await post("/sign-in/code", { code: "12ab" }, cookies, "198.51.100.9");
    expect(refusedShape.status).toBe(400);
    expect(refusedShape.body).toContain("Enter the 6 digits your app shows");
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await post("/sign-in/code", { code: wrong }, cookies, "198.51.100.9");
      expect(answer.status).toBe(400);
      expect(answer.body).toContain(WRONG_CODE);
      expect(answer.body).toContain('id="code-error"');
    }
    const limited = await post("/sign-in/code", { code: right }, cookies, "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toContain("Too many wrong codes. Wait");
    expect(cookieOf(limited, "__Host-session").value).toBe("");
  });

  it("expires after five minutes", async () => {
    const ana = await personWithTwoStep();
    const { waiting } = await password(ana);
    const db = openDatabase(server.databaseUrl);
    try {
      await db
        .updateTable("two_step_challenges")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
    } finally {
      await db.destroy();
    }
    const cookies = { "__Host-two-step": waiting.value };
    expect((await send("/sign-in/code", { cookies })).location).toBe("/sign-in?timed-out");
    const late = await post("/sign-in/code", { code: await codeFor(ana.key, 1) }, cookies);
    expect(late.status).toBe(302);
    expect(late.location).toBe("/sign-in?timed-out");
    expect(cookieOf(late, "__Host-session").value).toBe("");
    expect((await send("/sign-in?timed-out")).body).toContain("You need to sign in again");
  });

  it("signs in with a recovery code once, and says how many are left", async () => {
    const ana = await personWithTwoStep();
    const { waiting } = await password(ana, "/account/sessions");
    const code = ana.recoveryCodes[4] ?? "";
    const done = await post("/sign-in/code", { code: code.toUpperCase() }, { "__Host-two-step": waiting.value });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/account/two-step?recovery-code-used&next=%2Faccount%2Fsessions");
    const session = { "__Host-session": cookieOf(done, "__Host-session").value };
    const page = await send(done.location, { cookies: session });
    expect(page.body.replace(/<!-- -->/g, "")).toContain(
      "You signed in with a recovery code. You have 9 recovery codes left.",
    );
    expect(page.body).toContain('href="/account/sessions"');
    const again = await password(ana);
    const reused = await post("/sign-in/code", { code }, { "__Host-two-step": again.waiting.value });
    expect(reused.status).toBe(400);
    expect(reused.body).toContain("That recovery code is not right, or it has been used already");
  });

  it("never writes a key, a code, a recovery code or a cookie value to the log", () => {
    const log = server.stdoutLines().join("\n");
    expect(log).toContain('"path":"/sign-in/code"');
    expect(secrets.size).toBeGreaterThan(20);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
