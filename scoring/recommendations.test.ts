import { describe, expect, it } from "vitest";
import { scoreOf } from "../test/fixtures/answer-builders";
import { EXAMPLE_ORGANISATIONS, RURAL_COUNCIL, STATE_AGENCY } from "../test/fixtures/example-organisations";
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

  it("reads in the order things are done: by phase, then by priority within each phase", () => {
    const phases = report.recommendations.map((item) => item.phase);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    for (const phase of [1, 2, 3]) {
      const scores = report.recommendations
        .filter((item) => item.phase === phase && item.id !== "rec-gap-start")
        .map((item) => item.priorityScore);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("does not overload a one-person team in the first month, beyond what a date forces", () => {
    const firstMonth = report.recommendations.filter((item) => item.phase === 1);
    const forced = ["rec-contentious-project-hostile", "rec-slow-approvals", "rec-gap-start"];
    const chosen = firstMonth.filter((item) => !forced.includes(item.id));
    expect(chosen.reduce((sum, item) => sum + item.effort, 0)).toBeLessThanOrEqual(10);
    // The wind farm's response plan cannot wait for a quieter month.
    expect(firstMonth.map((item) => item.id)).toContain("rec-contentious-project-hostile");
  });

  it("names owners a one-person council has, never a director of communications", () => {
    const owners = report.recommendations.map((item) => item.owner).join(" ");
    expect(owners).not.toMatch(/Director of communications|Head of communications|with HR/);
    expect(owners).toMatch(/The person who runs your channels/);
  });

  it("offers a strong organisation refinements, not beginner steps", () => {
    const parks = scoreOf(
      EXAMPLE_ORGANISATIONS.find((example) => example.key === "parks-agency")?.answers ?? RURAL_COUNCIL.answers,
    );
    const ids = parks.recommendations.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining(["rec-refine-evaluation", "rec-refine-accessibility"]));
    expect(ids).not.toContain("rec-track-replies");
    expect(parks.recommendations[0]?.firstStep).toMatch(/refinements/);
  });

  it("sizes the extra hours an overloaded agency needs, and recommends stepping back", () => {
    const agency = scoreOf(STATE_AGENCY.answers);
    const capacity = agency.recommendations.find((item) => item.id === "rec-unanswerable-questions");
    // About forty more staff: the honest choice is what the channels will answer, not a hiring plan.
    expect(capacity?.title).toBe("Decide which questions your channels will answer, and send the rest elsewhere");
    expect(capacity?.why).toMatch(/full-time staff/);
    const stepBack = agency.recommendations.find((item) => item.id === "rec-gap-step-back");
    expect(stepBack?.levels.map((advice) => [advice.groupId, advice.level])).toEqual([
      ["custom-customers", "inform"],
      ["advocacy-groups", "inform"],
    ]);
  });
});
