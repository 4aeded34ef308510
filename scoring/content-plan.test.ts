import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL } from "../test/fixtures/example-organisations";

describe("three-month content plan", () => {
  it("sets expectations in week 1 and times key projects to when they land", () => {
    const plan = scoreOf(RURAL_COUNCIL.answers).strategy.contentPlan;
    expect(plan[0]?.source).toBe("house-rules");
    expect(plan[1]?.theme).toBe("Te Rangi wind farm submission: what is being decided, and when");
    expect(plan[5]?.theme).toBe("Te Rangi wind farm submission: your questions answered");
    expect(plan[9]?.theme).toBe("Coming up: Rates review 2027/28");
    expect(plan[1]?.serves.map((group) => group.groupId)).toEqual([
      "residents",
      "custom-ridge-landowners",
      "advocacy-groups",
    ]);
  });

  it("draws on emergency services, contentious topics and purposes", () => {
    const sources = new Set(scoreOf(RURAL_COUNCIL.answers).strategy.contentPlan.map((week) => week.source));
    expect(sources).toEqual(new Set(["house-rules", "project", "emergency-service", "contentious-topic", "purpose"]));
  });

  it("suggests a live Q&A only where the groups can be engaged two-way", () => {
    const rural = scoreOf(RURAL_COUNCIL.answers).strategy.contentPlan;
    const city = scoreOf(METROPOLITAN_COUNCIL.answers).strategy.contentPlan;
    expect(rural.some((week) => week.format === "Live Q&A")).toBe(false);
    expect(city.find((week) => week.theme === "East tram line: your questions answered")?.format).toBe("Live Q&A");
  });

  it("starts on the Monday after the assessment and runs weekly", () => {
    const plan = scoreOf(RURAL_COUNCIL.answers, "2026-11-18").strategy.contentPlan;
    expect(plan.map((week) => week.weekStarting)).toEqual([
      "2026-11-23",
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
      "2027-01-25",
      "2027-02-01",
      "2027-02-08",
    ]);
  });

  it("fills thin inputs with evergreen public-service themes, never a blank week", () => {
    const plan = scoreOf(minimalAnswers()).strategy.contentPlan;
    expect(plan).toHaveLength(12);
    expect(plan.filter((week) => week.source === "evergreen").length).toBeGreaterThanOrEqual(9);
    expect(plan.some((week) => week.theme === "Spare week")).toBe(false);
    // An organisation of type "other" gets no council-only themes.
    expect(plan.some((week) => week.theme === "Local stories")).toBe(false);
    expect(new Set(plan.map((week) => week.theme)).size).toBe(12);
  });

  it("uses the organisation's own words for an 'other' topic", () => {
    const answers = withAnswers(minimalAnswers(), (d) => {
      d.organisation.contentiousTopics = ["other"];
      d.organisation.contentiousTopicsOther = "Dog control";
    });
    expect(scoreOf(answers).strategy.contentPlan.map((week) => week.theme)).toContain("Dog control: the facts");
  });
});
