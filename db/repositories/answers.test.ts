import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { getAnswers, saveAnswers } from "./answers";
import { createAssessment, findRespondentByTokenHash, type NewAssessment } from "./assessments";

let t: TestDatabase;
let ids: NewAssessment;
beforeEach(async () => {
  t = await createTestDatabase();
  ids = await createAssessment(t.db, { accessTokenHash: "h", questionnaireVersion: "v" });
});
afterEach(async () => {
  await t.destroy();
});

function changes(set: Record<string, unknown>, clear: string[] = [], organisationName?: string) {
  return { ...ids, set, clear, organisationName };
}

describe("saveAnswers and getAnswers", () => {
  it("stores typed values and reads them back as they were", async () => {
    await saveAnswers(t.db, changes({ orgName: "Riverside", population: 45000, channels: ["facebook", "x"] }));
    expect(await getAnswers(t.db, ids.respondentId)).toEqual({
      orgName: "Riverside",
      population: 45000,
      channels: ["facebook", "x"],
    });
  });

  it("replaces an earlier answer to the same question", async () => {
    await saveAnswers(t.db, changes({ orgName: "First" }));
    await saveAnswers(t.db, changes({ orgName: "Second" }));
    expect(await getAnswers(t.db, ids.respondentId)).toEqual({ orgName: "Second" });
    const rows = await t.db.selectFrom("answers").select("question_id").execute();
    expect(rows).toHaveLength(1);
  });

  it("clears answers it is told to clear and keeps the others", async () => {
    await saveAnswers(t.db, changes({ orgType: "other", orgTypeOther: "Water board", orgName: "X" }));
    await saveAnswers(t.db, changes({ orgType: "council" }, ["orgTypeOther"]));
    expect(await getAnswers(t.db, ids.respondentId)).toEqual({ orgType: "council", orgName: "X" });
  });

  it("stores text containing markup exactly as typed", async () => {
    const typed = `<script>alert("x")</script> & "quotes" 'Lévis' Tāmaki`;
    await saveAnswers(t.db, changes({ orgName: typed }));
    expect((await getAnswers(t.db, ids.respondentId)).orgName).toBe(typed);
  });

  it("updates the organisation's name with the answer, in the same save", async () => {
    await saveAnswers(t.db, changes({ orgName: "Municipalité de Lévis" }, [], "Municipalité de Lévis"));
    const found = await findRespondentByTokenHash(t.db, "h");
    expect(found?.organisationName).toBe("Municipalité de Lévis");
  });

  it("writes nothing when any part of the save fails", async () => {
    await saveAnswers(t.db, changes({ orgName: "Kept" }, [], "Kept"));
    // A respondent that does not exist breaks the foreign key half-way through the save.
    await expect(
      saveAnswers(t.db, {
        ...changes({ orgName: "Lost", population: 10 }, [], "Lost"),
        respondentId: "no-such-respondent",
      }),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(await getAnswers(t.db, ids.respondentId)).toEqual({ orgName: "Kept" });
    expect((await findRespondentByTokenHash(t.db, "h"))?.organisationName).toBe("Kept");
  });

  it("keeps each respondent's answers apart", async () => {
    const other = await createAssessment(t.db, { accessTokenHash: "other", questionnaireVersion: "v" });
    await saveAnswers(t.db, changes({ orgName: "Mine" }));
    await saveAnswers(t.db, { ...other, set: { orgName: "Theirs" }, clear: [] });
    expect(await getAnswers(t.db, ids.respondentId)).toEqual({ orgName: "Mine" });
    expect(await getAnswers(t.db, other.respondentId)).toEqual({ orgName: "Theirs" });
  });
});
