import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listUserAuditEvents } from "./audit";
import { listSessions } from "./sessions";
import {
  acceptTimeStep,
  beginTwoStepSetUp,
  completeTwoStepSignIn,
  confirmTwoStep,
  countUnusedRecoveryCodes,
  createTwoStepChallenge,
  findTwoStep,
  findTwoStepChallenge,
  hasTwoStep,
  replaceRecoveryCodes,
  turnOffTwoStep,
  TWO_STEP_CHALLENGE_TTL_MS,
  useRecoveryCode,
} from "./two-step";

let t: TestDatabase;
let ana: TestAccount;
const start = new Date(Date.UTC(2026, 10, 30, 9, 0));
const later = (ms: number) => new Date(start.getTime() + ms);
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const STEP = 59_000_000;
const hashes = (prefix: string) => Array.from({ length: 10 }, (_, index) => `${prefix}-${index}`.padEnd(64, "0"));

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", now: start });
});
afterEach(async () => {
  await t.destroy();
});

async function turnOn() {
  expect(await beginTwoStepSetUp(t.db, { userId: ana.userId, secret: SECRET, now: start })).toBe(true);
  expect(
    await confirmTwoStep(t.db, { userId: ana.userId, secret: SECRET, step: STEP, codeHashes: hashes("a"), now: start }),
  ).toBe(true);
}

async function actions() {
  return (await listUserAuditEvents(t.db, ana.userId)).map((event) => event.action);
}

describe("turning two-step on", () => {
  it("is off while being set up, on once confirmed with the key being set up, and recorded", async () => {
    await beginTwoStepSetUp(t.db, { userId: ana.userId, secret: SECRET, now: start });
    expect(await hasTwoStep(t.db, ana.userId)).toBe(false);
    // A key replaced meanwhile (set-up restarted in another tab) does not confirm.
    expect(
      await confirmTwoStep(t.db, { userId: ana.userId, secret: "OTHER", step: STEP, codeHashes: hashes("a") }),
    ).toBe(false);
    expect(
      await confirmTwoStep(t.db, {
        userId: ana.userId,
        secret: SECRET,
        step: STEP,
        codeHashes: hashes("a"),
        now: start,
      }),
    ).toBe(true);
    expect(await findTwoStep(t.db, ana.userId)).toEqual({
      secret: SECRET,
      createdAt: start.toISOString(),
      confirmedAt: start.toISOString(),
      lastUsedStep: STEP,
    });
    expect(await countUnusedRecoveryCodes(t.db, ana.userId)).toBe(10);
    expect(await actions()).toEqual(expect.arrayContaining(["two-step-turned-on", "recovery-codes-made"]));
    // Once on, a new set-up is refused until it is turned off.
    expect(await beginTwoStepSetUp(t.db, { userId: ana.userId, secret: "NEWKEY" })).toBe(false);
    expect((await findTwoStep(t.db, ana.userId))?.secret).toBe(SECRET);
  });
});

describe("codes", () => {
  it("accepts each 30-second step once, and never an earlier one (replay)", async () => {
    await turnOn();
    // The step that confirmed the set-up is used.
    expect(await acceptTimeStep(t.db, { userId: ana.userId, step: STEP })).toBe(false);
    expect(await acceptTimeStep(t.db, { userId: ana.userId, step: STEP + 1 })).toBe(true);
    expect(await acceptTimeStep(t.db, { userId: ana.userId, step: STEP + 1 })).toBe(false);
    expect(await acceptTimeStep(t.db, { userId: ana.userId, step: STEP })).toBe(false);
    expect(await acceptTimeStep(t.db, { userId: ana.userId, step: STEP + 3 })).toBe(true);
    expect((await findTwoStep(t.db, ana.userId))?.lastUsedStep).toBe(STEP + 3);
  });

  it("uses each recovery code once, says how many remain, and new codes void the old", async () => {
    await turnOn();
    const [first = "", second = ""] = hashes("a");
    expect(await useRecoveryCode(t.db, { userId: ana.userId, codeHash: first, now: later(1000) })).toBe(9);
    expect(await useRecoveryCode(t.db, { userId: ana.userId, codeHash: first })).toBeUndefined();
    expect(await useRecoveryCode(t.db, { userId: ana.userId, codeHash: "not-a-code" })).toBeUndefined();
    const used = await t.db
      .selectFrom("recovery_codes")
      .select(["code_hash", "used_at"])
      .where("used_at", "is not", null)
      .execute();
    expect(used).toEqual([{ code_hash: first, used_at: later(1000).toISOString() }]);
    expect(await actions()).toContain("recovery-code-used");
    const events = await listUserAuditEvents(t.db, ana.userId);
    expect(events.find((event) => event.action === "recovery-code-used")?.detail).toEqual({ remaining: 9 });

    expect(await replaceRecoveryCodes(t.db, { userId: ana.userId, codeHashes: hashes("b") })).toBe(true);
    expect(await countUnusedRecoveryCodes(t.db, ana.userId)).toBe(10);
    expect(await useRecoveryCode(t.db, { userId: ana.userId, codeHash: second })).toBeUndefined();
    expect(await useRecoveryCode(t.db, { userId: ana.userId, codeHash: hashes("b")[0] ?? "" })).toBe(9);
  });

  it("keeps one person's recovery codes from another", async () => {
    await turnOn();
    const ben = await createTestAccount(t.db, { email: "ben@example.org", now: start });
    expect(await useRecoveryCode(t.db, { userId: ben.userId, codeHash: hashes("a")[0] ?? "" })).toBeUndefined();
    expect(await countUnusedRecoveryCodes(t.db, ana.userId)).toBe(10);
  });
});

describe("signing in with a code", () => {
  const session = (id: string) => ({ sessionId: id.padEnd(64, "0"), userId: "", userAgent: "Firefox on Linux" });

  it("waits five minutes for the code, then is gone", async () => {
    await turnOn();
    await createTwoStepChallenge(t.db, { challengeId: "c1", userId: ana.userId, nextPath: "/w/x", now: start });
    expect(await findTwoStepChallenge(t.db, "c1", later(TWO_STEP_CHALLENGE_TTL_MS - 1000))).toMatchObject({
      userId: ana.userId,
      nextPath: "/w/x",
    });
    expect(await findTwoStepChallenge(t.db, "c1", later(TWO_STEP_CHALLENGE_TTL_MS))).toBeUndefined();
    const done = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("a"), userId: ana.userId },
      proof: { kind: "code", step: STEP + 1 },
      now: later(TWO_STEP_CHALLENGE_TTL_MS + 1),
    });
    expect(done).toEqual({ ok: false, reason: "expired" });
  });

  it("starts a session with a right code, once; a replayed code starts none and the wait goes on", async () => {
    await turnOn();
    const before = (await listSessions(t.db, ana.userId, start)).length;
    await createTwoStepChallenge(t.db, { challengeId: "c1", userId: ana.userId, nextPath: null, now: start });
    const replayed = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("a"), userId: ana.userId },
      proof: { kind: "code", step: STEP },
      now: later(1000),
    });
    expect(replayed).toEqual({ ok: false, reason: "code-used" });
    expect(await listSessions(t.db, ana.userId, start)).toHaveLength(before);
    expect(await findTwoStepChallenge(t.db, "c1", later(1000))).toBeDefined();

    const done = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("b"), userId: ana.userId },
      proof: { kind: "code", step: STEP + 1 },
      now: later(2000),
    });
    expect(done).toEqual({ ok: true });
    expect(await listSessions(t.db, ana.userId, later(2000))).toHaveLength(before + 1);
    expect(await findTwoStepChallenge(t.db, "c1", later(2000))).toBeUndefined();
    // The waiting sign-in is used up: the same cookie cannot sign in twice.
    const again = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("c"), userId: ana.userId },
      proof: { kind: "code", step: STEP + 2 },
      now: later(3000),
    });
    expect(again).toEqual({ ok: false, reason: "expired" });
  });

  it("signs in with a recovery code and says how many remain; a wrong one changes nothing", async () => {
    await turnOn();
    await createTwoStepChallenge(t.db, { challengeId: "c1", userId: ana.userId, nextPath: null, now: start });
    const wrong = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("a"), userId: ana.userId },
      proof: { kind: "recovery-code", codeHash: "nope" },
      now: later(1000),
    });
    expect(wrong).toEqual({ ok: false, reason: "recovery-code-wrong" });
    const done = await completeTwoStepSignIn(t.db, {
      challengeId: "c1",
      session: { ...session("b"), userId: ana.userId },
      proof: { kind: "recovery-code", codeHash: hashes("a")[2] ?? "" },
      now: later(2000),
    });
    expect(done).toEqual({ ok: true, recoveryCodesLeft: 9 });
    const signIn = (await listUserAuditEvents(t.db, ana.userId)).filter((event) => event.action === "signed-in").at(-1);
    expect(signIn?.detail).toEqual({ device: "Firefox on Linux", twoStep: "recovery-code" });
  });
});

describe("turning two-step off", () => {
  it("removes the key, the codes and waiting sign-ins, and is recorded once", async () => {
    await turnOn();
    await createTwoStepChallenge(t.db, { challengeId: "c1", userId: ana.userId, nextPath: null, now: start });
    expect(await turnOffTwoStep(t.db, { userId: ana.userId })).toBe(true);
    expect(await findTwoStep(t.db, ana.userId)).toBeUndefined();
    expect(await countUnusedRecoveryCodes(t.db, ana.userId)).toBe(0);
    expect(await findTwoStepChallenge(t.db, "c1", start)).toBeUndefined();
    expect(await turnOffTwoStep(t.db, { userId: ana.userId })).toBe(false);
    expect((await actions()).filter((action) => action === "two-step-turned-off")).toHaveLength(1);
    expect(await replaceRecoveryCodes(t.db, { userId: ana.userId, codeHashes: hashes("c") })).toBe(false);
  });
});
