import { describe, expect, it } from "vitest";
import { formValuesFor, validateList, validateSettleAnswer, answerInWords } from "./settle-form";
import { findSettleQuestion, settleQuestions, unsettledQuestions } from "./settle-questions";

const SECTIONS = ["stakeholders", "capacity"];

describe("the questions a workshop settles", () => {
  it("asks the group's questions in the wizard's order, with each group's questions once its groups are chosen", () => {
    const before = settleQuestions(SECTIONS, {}).map((question) => question.key);
    expect(before).toContain("purposes");
    expect(before).toContain("suggestedGroups");
    expect(before).toContain("teamPeople");
    expect(before.some((key) => key.includes("@residents"))).toBe(false);
    // Follow-ups are settled with the question that asks them, not listed on their own.
    expect(before).not.toContain("purposesOther");
    expect(before.indexOf("purposes")).toBeLessThan(before.indexOf("teamPeople"));

    const after = settleQuestions(SECTIONS, { suggestedGroups: ["residents"] });
    const residents = after.find((question) => question.key === "sentiment@residents");
    expect(residents?.title).toBe("How they feel now: Residents");
    expect(settleQuestions(["organisation"], {}).every((question) => question.sectionId === "organisation")).toBe(true);
    expect(settleQuestions(["no-such-section"], {})).toEqual([]);
  });
});

describe("the rule for finishing a workshop", () => {
  const base = { participantSections: SECTIONS, groupAnswers: { suggestedGroups: ["residents"] } };

  it("lists exactly the questions some current participant answered that are not settled", () => {
    const unsettled = unsettledQuestions({
      ...base,
      participantAnswers: [
        { answers: { teamPeople: 2, "sentiment@residents": "positive" } },
        { answers: { teamPeople: 5, purposesOther: "Recruiting volunteers" } },
      ],
      settlements: [{ questionId: "teamPeople" }],
    });
    // purposesOther is asked by "purposes": answering the follow-up counts as answering it.
    expect(unsettled.map((question) => question.key)).toEqual(["purposes", "sentiment@residents"]);
  });

  it("is empty when nothing is answered or everything answered is settled, and ignores other sections", () => {
    expect(unsettledQuestions({ ...base, participantAnswers: [], settlements: [] })).toEqual([]);
    expect(
      unsettledQuestions({
        ...base,
        participantAnswers: [{ answers: { teamPeople: 2, orgName: "Coast Council", teamHoursPerWeek: "" } }],
        settlements: [{ questionId: "teamPeople" }],
      }),
    ).toEqual([]);
  });
});

describe("the settle form's validation, with the question's own schema", () => {
  it("accepts a number or I don't know, and refuses both or nonsense with the wizard's own messages", () => {
    const question = findSettleQuestion(SECTIONS, {}, "teamPeople");
    if (!question) throw new Error("teamPeople is not asked");
    expect(validateSettleAnswer(question, { teamPeople: "3" })).toEqual({ ok: true, value: 3, followUps: [] });
    expect(validateSettleAnswer(question, { teamPeople: "", teamPeopleUnknown: "unknown" })).toMatchObject({
      ok: true,
      value: "unknown",
    });
    const bad = validateSettleAnswer(question, { teamPeople: "lots" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.teamPeople).toMatch(/whole number/);
    expect(formValuesFor(question, { teamPeople: "unknown" })).toEqual({
      teamPeople: "",
      teamPeopleUnknown: "unknown",
    });
    expect(answerInWords(question, { teamPeople: 4 })).toMatch(/^4/);
  });

  it("settles a chosen follow-up with its question, and requires it when its option is chosen", () => {
    const question = findSettleQuestion(SECTIONS, {}, "purposes");
    if (!question) throw new Error("purposes is not asked");
    const missing = validateSettleAnswer(question, { purposes: ["share", "other"], purposesOther: "" });
    expect(missing.ok).toBe(false);
    const given = validateSettleAnswer(question, { purposes: ["share", "other"], purposesOther: "Volunteers" });
    expect(given).toEqual({
      ok: true,
      value: ["share", "other"],
      followUps: [{ key: "purposesOther", value: "Volunteers" }],
    });
    // Not chosen: a stale follow-up is dropped, as the wizard drops it.
    expect(validateSettleAnswer(question, { purposes: ["share"], purposesOther: "Volunteers" })).toEqual({
      ok: true,
      value: ["share"],
      followUps: [],
    });
  });

  it("checks a participant's list with the list question's own schema", () => {
    const question = findSettleQuestion(SECTIONS, {}, "customGroups");
    if (!question) throw new Error("customGroups is not asked");
    expect(validateList(question.question, [{ id: "custom-3f9a1c2e", name: "Iwi partners" }])).toBe(true);
    expect(validateList(question.question, [{ id: "residents", name: "Forged" }])).toBe(false);
  });
});
