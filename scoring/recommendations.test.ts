import { describe, expect, it } from "vitest";
import { scoreOf } from "../test/fixtures/answer-builders";
import { RURAL_COUNCIL, STATE_AGENCY } from "../test/fixtures/example-organisations";
import { phaseForPriority, priorityScore } from "./recommendations";

describe("priority", () => {
  it.each([
    [3, 3, 1, 11],
    [3, 3, 3, 9],
    [2, 2, 1, 7],
    [1, 1, 3, 1],
  ])("impact %d, urgency %d, effort %d -> %d", (impact, urgency, effort, expected) => {
    expect(priorityScore(impact, urgency, effort)).toBe(expected);
  });

  it.each([
    [11, 1],
    [9, 1],
    [8, 2],
    [6, 2],
    [5, 3],
    [1, 3],
  ])("priority %d -> phase %d", (score, phase) => {
    expect(phaseForPriority(score)).toBe(phase);
  });
});

describe("recommendations", () => {
  const report = scoreOf(RURAL_COUNCIL.answers);

  it("ties every recommendation to a risk, a gap or a dimension that exists in the report", () => {
    const riskIds = new Set(report.risks.map((risk) => risk.id));
    const groupIds = new Set(report.engagementGaps.map((gap) => gap.groupId));
    for (const recommendation of report.recommendations) {
      const link = recommendation.linkedTo;
      if (link.kind === "risk") expect(riskIds.has(link.riskId)).toBe(true);
      if (link.kind === "engagement-gap") for (const id of link.groupIds) expect(groupIds.has(id)).toBe(true);
      expect(recommendation.why.length).toBeGreaterThan(20);
      expect(recommendation.owner.length).toBeGreaterThan(3);
    }
  });

  it("puts the leadership briefing first and house rules in the first month", () => {
    expect(report.recommendations[0]?.id).toBe("rec-brief-leadership");
    expect(report.recommendations.find((item) => item.id === "rec-hostile-without-rules")?.phase).toBe(1);
  });

  it("is sorted by priority", () => {
    const scores = report.recommendations.map((item) => item.priorityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("does not overload a one-person team in the first month", () => {
    const firstMonth = report.recommendations.filter((item) => item.phase === 1);
    expect(firstMonth.reduce((sum, item) => sum + item.effort, 0)).toBeLessThanOrEqual(8);
  });

  it("sizes the extra hours an overloaded agency needs, and recommends stepping back", () => {
    const agency = scoreOf(STATE_AGENCY.answers);
    const capacity = agency.recommendations.find((item) => item.id === "rec-unanswerable-questions");
    expect(capacity?.title).toMatch(/^Find about [\d.,]+ more hours a week/);
    const stepBack = agency.recommendations.find((item) => item.id === "rec-gap-step-back");
    expect(stepBack?.levels.map((advice) => [advice.groupId, advice.level])).toEqual([
      ["custom-customers", "inform"],
      ["advocacy-groups", "inform"],
    ]);
  });
});
