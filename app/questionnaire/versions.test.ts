import { describe, expect, it } from "vitest";
import { EXAMPLE_ORGANISATIONS } from "../../test/fixtures/example-organisations";
import { storedOn202611 } from "../../test/support/questionnaire-2026-11";
import { collectAssessment, pageContext, QUESTIONNAIRE_VERSION, SECTIONS, sectionStatuses } from "./questionnaire";
import { reviewSection } from "./section-review";
import { storedAnswersFrom } from "./stored-answers";
import { readStoredAnswers } from "./versions";

const example = EXAMPLE_ORGANISATIONS.find((candidate) => candidate.answers.capacity.coverHours === "extended-hours");
if (!example) throw new Error("no example with extended cover");
const old = storedOn202611(example.answers);
const allComplete = Object.fromEntries(SECTIONS.map((section) => [section.id, "2026-11-20T10:00:00.000Z"]));

describe("reading answers from the current questionnaire", () => {
  it("reads them as they are", () => {
    const stored = storedAnswersFrom(example.answers);
    expect(readStoredAnswers(QUESTIONNAIRE_VERSION, stored)).toEqual({ answers: stored, notAsked: [] });
  });

  it("reads a version it does not know (a newer one) as it is, without failing", () => {
    for (const version of ["2027-06", "", "v", "__proto__", "2026-11-extra"]) {
      expect(readStoredAnswers(version, old)).toEqual({ answers: old, notAsked: [] });
    }
  });
});

describe("reading a finished 2026-11 assessment", () => {
  const read = readStoredAnswers("2026-11", old);

  it("fills in only the questions added since, with the stated assumptions", () => {
    expect(read.answers).toEqual({
      ...old,
      questionShare: "unknown",
      peaks: ["unknown"],
      abuseFrequency: "unknown",
      coverDays: "weekdays-some-weekends",
      objectivesSet: "yes",
      currency: "other",
    });
    expect([...read.notAsked].sort()).toEqual(
      ["abuseFrequency", "coverDays", "currency", "objectivesSet", "peaks", "questionShare"].sort(),
    );
  });

  it("is complete, so the task list and the report can read it", () => {
    expect(collectAssessment(old).ok).toBe(false);
    const collected = collectAssessment(read.answers);
    expect(collected.ok).toBe(true);
    expect([...sectionStatuses(read.answers, allComplete).values()]).toEqual(SECTIONS.map(() => "completed"));
  });

  it("says plainly on the check-answers page which questions were not asked", () => {
    const rows = SECTIONS.flatMap((section) =>
      reviewSection(section, read.answers, pageContext(read.answers), read.notAsked).flatMap((block) => block.rows),
    );
    const byId = new Map(rows.map((row) => [row.questionId, row]));
    expect(byId.get("questionShare")).toMatchObject({
      value: ["Not asked when you answered: treated as I don't know"],
      notAsked: true,
      needsAnswer: false,
    });
    expect(byId.get("peaks")?.value).toEqual(["Not asked when you answered: treated as I don't know"]);
    expect(byId.get("currency")?.value).toEqual(["Not asked when you answered: treated as another currency"]);
    expect(byId.get("coverDays")?.value).toEqual([
      "Not asked when you answered: treated as working days, and some hours at weekends",
    ]);
    expect(byId.get("objectivesSet")?.value).toEqual(["Not asked when you answered: treated as yes"]);
    expect(byId.get("teamPeople")?.notAsked).toBeUndefined();
  });

  it("keeps an answer once it is given, and stops calling it not asked", () => {
    const again = readStoredAnswers("2026-11", { ...old, questionShare: "most", coverDays: "every-day" });
    expect(again.answers.questionShare).toBe("most");
    expect(again.answers.coverDays).toBe("every-day");
    expect(again.notAsked).not.toContain("questionShare");
    expect(again.notAsked).not.toContain("coverDays");
  });

  it("does not add cover days when cover was not extended", () => {
    const officeHours = readStoredAnswers("2026-11", { ...old, coverHours: "business-hours" });
    expect(officeHours.answers.coverDays).toBeUndefined();
    expect(officeHours.notAsked).not.toContain("coverDays");
  });
});

describe("reading an unfinished 2026-11 assessment", () => {
  it("asks the new questions people had not reached yet, rather than answering them for them", () => {
    const early = { orgName: old.orgName, teamPeople: 3, teamHoursPerWeek: 12, accountAccess: "one-person" };
    expect(readStoredAnswers("2026-11", early)).toEqual({ answers: early, notAsked: [] });
  });

  it("fills in what comes before the answers people had already given", () => {
    const later = [
      "staffSupport",
      "training",
      "recordsCapture",
      "twoFactor",
      "tools",
      "budget",
      "reviewCadence",
      "duration",
    ];
    const partway = Object.fromEntries(Object.entries(old).filter(([key]) => !later.includes(key)));
    const read = readStoredAnswers("2026-11", partway);
    expect(read.answers.questionShare).toBe("unknown");
    expect(read.answers.abuseFrequency).toBeUndefined();
    expect(read.answers.objectivesSet).toBe("yes");
    expect(read.answers.currency).toBeUndefined();
  });

  it("takes 'not yet' for objectives when none were listed but later questions were answered", () => {
    const { objectives: _objectives, ...withoutObjectives } = old;
    expect(readStoredAnswers("2026-11", withoutObjectives).answers.objectivesSet).toBe("not-yet");
  });
});
