import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createAssessment } from "./assessments";
import { getSectionCompletion, setSectionCompleted } from "./section-progress";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

describe("section completion", () => {
  it("records complete, then not complete, for one section only", async () => {
    const { respondentId } = await createAssessment(t.db, { accessTokenHash: "h", questionnaireVersion: "v" });
    expect(await getSectionCompletion(t.db, respondentId)).toEqual({});

    const now = new Date("2026-11-21T12:00:00.000Z");
    await setSectionCompleted(t.db, { respondentId, sectionId: "organisation", completed: true, now });
    expect(await getSectionCompletion(t.db, respondentId)).toEqual({ organisation: "2026-11-21T12:00:00.000Z" });

    await setSectionCompleted(t.db, { respondentId, sectionId: "organisation", completed: false });
    expect(await getSectionCompletion(t.db, respondentId)).toEqual({ organisation: null });
  });
});
