import { describe, expect, it } from "vitest";
import type { StoredAnswers } from "../../../db/repositories/answers";
import { formatAnswer } from "../format";
import { findPage } from "../pages";
import { collectAssessment, isSectionValid, pageContext } from "../questionnaire";
import { planSave } from "../save-plan";
import { validatePage } from "../validate";
import { commitmentSection } from "./commitment";

function page(id: string, stored: StoredAnswers = {}) {
  const found = findPage(commitmentSection.pages(pageContext(stored)), id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
}

function pageIds(stored: StoredAnswers): string[] {
  return commitmentSection.pages(pageContext(stored)).map((candidate) => candidate.id);
}

const fixedId = (prefix: string) => `${prefix}-1`;

const finished = {
  objectivesSet: "yes",
  objectives: [{ id: "objective-1", objective: "More views on the annual plan" }],
  sponsor: "no",
  currency: "GBP",
  budget: "under-10k",
  reviewCadence: "quarterly",
  duration: "ongoing",
};

describe("objectives", () => {
  it("asks for the list only once objectives are set", () => {
    expect(pageIds({})).toEqual([
      "objectives-set",
      "objectives",
      "sponsor",
      "currency",
      "budget",
      "review",
      "duration",
    ]);
    expect(pageIds({ objectivesSet: "yes" })).toContain("objectives");
    expect(pageIds({ objectivesSet: "not-yet" })).not.toContain("objectives");
  });

  it("drops the list when there are no objectives yet", () => {
    const stored = { ...finished };
    expect(planSave(page("objectives-set"), { objectivesSet: "not-yet" }, stored, fixedId).clear).toEqual([
      "objectives",
    ]);
    expect(planSave(page("objectives-set"), { objectivesSet: "yes" }, stored, fixedId).clear).toEqual([]);
  });

  it("reads 'not yet' as no objectives, and 'yes' as one to six", () => {
    const { objectives: _list, ...rest } = finished;
    const notYet = { ...rest, objectivesSet: "not-yet" };
    expect(isSectionValid(commitmentSection, notYet)).toBe(true);
    expect(isSectionValid(commitmentSection, { ...rest, objectivesSet: "yes" })).toBe(false);
    expect(isSectionValid(commitmentSection, finished)).toBe(true);
  });

  it("leaves the measure optional, and says so in the summary", () => {
    const objectives = page("objectives");
    expect(
      validatePage(objectives, { objectives: [{ id: "", objective: "Fewer calls about bins", measure: "  " }] }),
    ).toEqual({ ok: true, values: { objectives: [{ id: "", objective: "Fewer calls about bins" }] } });
    const question = objectives.questions[0];
    if (!question) throw new Error("no question");
    expect(formatAnswer(question, () => finished.objectives)).toEqual([
      "More views on the annual plan (no measure set yet)",
    ]);
  });
});

describe("money", () => {
  it("writes budget amounts in the chosen currency, and plainly for another currency", () => {
    const labels = (stored: StoredAnswers) => {
      const budget = page("budget", stored).questions[0];
      return budget?.kind === "radios" ? budget.options.map((option) => option.label) : [];
    };
    expect(labels({ currency: "GBP" })).toEqual([
      "None",
      "Less than £10,000",
      "£10,000 to £50,000",
      "£50,000 to £200,000",
      "More than £200,000",
      "I don't know",
    ]);
    expect(labels({ currency: "NZD" })[1]).toBe("Less than NZ$10,000");
    expect(labels({ currency: "other" })[1]).toBe("Less than 10,000");
  });

  it("takes the cost of an hour with or without the currency sign, and leaves it optional", () => {
    const budget = page("budget", { currency: "AUD" });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "A$62.50" })).toEqual({
      ok: true,
      values: { budget: "none", staffHourlyCost: 62.5 },
    });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "1,250" })).toMatchObject({
      ok: true,
      values: { staffHourlyCost: 1250 },
    });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "" })).toEqual({
      ok: true,
      values: { budget: "none" },
    });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "0" })).toEqual({
      ok: false,
      errors: { staffHourlyCost: "The cost of an hour must be 1 or more" },
    });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "20000" })).toEqual({
      ok: false,
      errors: { staffHourlyCost: "The cost of an hour must be 10,000 or fewer" },
    });
    expect(validatePage(budget, { budget: "none", staffHourlyCost: "about 40" })).toEqual({
      ok: false,
      errors: { staffHourlyCost: "Enter the cost of an hour as a number, like 45.50" },
    });
  });

  it("shows the cost with the currency sign on the check-answers page", () => {
    const cost = page("budget", { currency: "EUR" }).questions[1];
    if (!cost) throw new Error("no question");
    expect(formatAnswer(cost, () => 48.2)).toEqual(["€48.20 an hour"]);
  });

  it("requires the currency", () => {
    expect(validatePage(page("currency"), {})).toEqual({
      ok: false,
      errors: { currency: "Select the currency your organisation budgets in" },
    });
  });
});

describe("the whole section", () => {
  it("collects to the scoring module's answers, with the list empty when there are no objectives yet", () => {
    const { objectives: _list, ...rest } = finished;
    const result = commitmentSection
      .schema(pageContext({}))
      .safeParse(
        commitmentSection.collect({ ...rest, objectivesSet: "not-yet" }, pageContext({ objectivesSet: "not-yet" })),
      );
    expect(result.success && result.data).toEqual({ ...rest, objectivesSet: "not-yet", objectives: [] });
    expect(collectAssessment({}).ok).toBe(false);
  });
});
