import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database";
import { saveAnswers } from "./repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "./repositories/assessments";
import { createTestAccount } from "../test/support/accounts";
import {
  DEFAULT_EMPTY_ASSESSMENT_DAYS,
  parseEmptyAssessmentDays,
  removeEmptyAssessments,
  removeExpiredKeys,
} from "./retention";

describe("parseEmptyAssessmentDays", () => {
  it("defaults to 30 days when unset or blank", () => {
    expect(DEFAULT_EMPTY_ASSESSMENT_DAYS).toBe(30);
    expect(parseEmptyAssessmentDays(undefined)).toBe(30);
    expect(parseEmptyAssessmentDays("  ")).toBe(30);
  });

  it("reads a whole number of days", () => {
    expect(parseEmptyAssessmentDays("1")).toBe(1);
    expect(parseEmptyAssessmentDays(" 90 ")).toBe(90);
    expect(parseEmptyAssessmentDays("3650")).toBe(3650);
  });

  it.each(["0", "-5", "1.5", "30d", "abc", "3651", "1e3", "0x10"])("refuses %j, naming the variable", (value) => {
    expect(() => parseEmptyAssessmentDays(value)).toThrow(/^EMPTY_ASSESSMENT_DAYS must be a whole number of days/);
  });
});

describe("removeEmptyAssessments", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("removes assessments with no answers once they are more than the given days old", async () => {
    const now = new Date("2026-12-31T12:00:00.000Z");
    const old = new Date("2026-12-01T11:59:00.000Z");
    const young = new Date("2026-12-01T12:01:00.000Z");
    await createAssessment(t.db, { accessTokenHash: "old-empty", questionnaireVersion: "v", now: old });
    await createAssessment(t.db, { accessTokenHash: "young-empty", questionnaireVersion: "v", now: young });
    const answered = await createAssessment(t.db, {
      accessTokenHash: "old-answered",
      questionnaireVersion: "v",
      now: old,
    });
    await saveAnswers(t.db, { ...answered, set: { orgType: "council" }, clear: [] });

    expect(await removeEmptyAssessments(t.db, { days: 30, now })).toBe(1);
    expect(await findRespondentByTokenHash(t.db, "old-empty")).toBeUndefined();
    expect(await findRespondentByTokenHash(t.db, "young-empty")).toBeDefined();
    expect(await findRespondentByTokenHash(t.db, "old-answered")).toBeDefined();
  });
});

describe("removeExpiredKeys", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("removes expired sessions, members' keys and two-step sign-ins, and keeps live ones", async () => {
    const account = await createTestAccount(t.db, {
      email: "kai@example.org",
      displayName: "Kai",
      workspaceName: "Harbour",
    });
    await createAssessment(t.db, { accessTokenHash: "owner", questionnaireVersion: "v" });
    const respondentId = (await findRespondentByTokenHash(t.db, "owner"))?.respondentId ?? "";
    // Around the real time: the account's own sign-in session (days from expiring) must stay.
    const now = new Date();
    const before = new Date(now.getTime() - 1000).toISOString();
    const after = new Date(now.getTime() + 1000).toISOString();
    const created = new Date(now.getTime() - 86_400_000).toISOString();
    for (const [id, expires] of [
      ["session-old", before],
      ["session-live", after],
    ] as const)
      await t.db
        .insertInto("sessions")
        .values({
          id,
          user_id: account.userId,
          created_at: created,
          last_used_at: created,
          expires_at: expires,
          user_agent: null,
        })
        .execute();
    for (const [hash, expires] of [
      ["key-old", before],
      ["key-live", after],
    ] as const)
      await t.db
        .insertInto("member_keys")
        .values({
          token_hash: hash,
          respondent_id: respondentId,
          user_id: account.userId,
          workspace_id: account.workspaceId,
          created_at: created,
          expires_at: expires,
        })
        .execute();
    for (const [id, expires] of [
      ["challenge-old", before],
      ["challenge-live", after],
    ] as const)
      await t.db
        .insertInto("two_step_challenges")
        .values({ id, user_id: account.userId, next_path: null, created_at: created, expires_at: expires })
        .execute();

    expect(await removeExpiredKeys(t.db, now)).toEqual({ sessions: 1, memberKeys: 1, twoStepChallenges: 1 });
    const sessions = (await t.db.selectFrom("sessions").select("id").execute()).map((row) => row.id);
    expect(sessions).toContain("session-live");
    expect(sessions).not.toContain("session-old");
    expect((await t.db.selectFrom("member_keys").select("token_hash").execute()).map((row) => row.token_hash)).toEqual([
      "key-live",
    ]);
    expect((await t.db.selectFrom("two_step_challenges").select("id").execute()).map((row) => row.id)).toEqual([
      "challenge-live",
    ]);
    expect(await removeExpiredKeys(t.db, now)).toEqual({ sessions: 0, memberKeys: 0, twoStepChallenges: 0 });
  });
});
