import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database";
import { saveAnswers } from "./repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "./repositories/assessments";
import { DEFAULT_EMPTY_ASSESSMENT_DAYS, parseEmptyAssessmentDays, removeEmptyAssessments } from "./retention";

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
