import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { countAssessments, createAssessment, findRespondentByTokenHash } from "./assessments";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

describe("createAssessment", () => {
  it("creates an organisation, an assessment on the given questionnaire version and its owner", async () => {
    const now = new Date("2026-11-21T10:00:00.000Z");
    const ids = await createAssessment(t.db, { accessTokenHash: "hash-1", questionnaireVersion: "2026-11", now });

    const found = await findRespondentByTokenHash(t.db, "hash-1");
    expect(found).toEqual({
      respondentId: ids.respondentId,
      role: "owner",
      assessmentId: ids.assessmentId,
      organisationId: ids.organisationId,
      organisationName: null,
      questionnaireVersion: "2026-11",
      assessmentCreatedAt: "2026-11-21T10:00:00.000Z",
      assessmentUpdatedAt: "2026-11-21T10:00:00.000Z",
      submittedAt: null,
      respondentName: null,
    });
    const respondent = await t.db.selectFrom("respondents").selectAll().executeTakeFirstOrThrow();
    expect(respondent.role).toBe("owner");
    expect(await countAssessments(t.db)).toBe(1);
  });

  it("gives every assessment its own ids", async () => {
    const a = await createAssessment(t.db, { accessTokenHash: "a", questionnaireVersion: "v" });
    const b = await createAssessment(t.db, { accessTokenHash: "b", questionnaireVersion: "v" });
    expect(
      new Set([a.assessmentId, a.organisationId, a.respondentId, b.assessmentId, b.organisationId, b.respondentId])
        .size,
    ).toBe(6);
  });

  it("refuses a second respondent with the same link and writes nothing for it", async () => {
    await createAssessment(t.db, { accessTokenHash: "same", questionnaireVersion: "v" });
    await expect(createAssessment(t.db, { accessTokenHash: "same", questionnaireVersion: "v" })).rejects.toThrow(
      /UNIQUE/,
    );
    // The transaction rolled back: no orphan organisation or assessment was left behind.
    expect(await countAssessments(t.db)).toBe(1);
    const organisations = await t.db.selectFrom("organisations").select("id").execute();
    expect(organisations).toHaveLength(1);
  });
});

describe("findRespondentByTokenHash", () => {
  it("finds nothing for an unknown link", async () => {
    await createAssessment(t.db, { accessTokenHash: "known", questionnaireVersion: "v" });
    expect(await findRespondentByTokenHash(t.db, "unknown")).toBeUndefined();
  });
});
