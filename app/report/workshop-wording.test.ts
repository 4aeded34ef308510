import { describe, expect, it } from "vitest";
import type { WorkshopFindings } from "../../scoring/workshop-findings";
import { workshopIntro, workshopListIntro } from "./workshop-wording";

function findings(participants: number, divergent: number): WorkshopFindings {
  return {
    participants,
    settledCount: divergent,
    measuredCount: divergent,
    divergent: Array.from({ length: divergent }, () => ({}) as WorkshopFindings["divergent"][number]),
    method: [],
  };
}

describe("the workshop section's wording", () => {
  it("counts people in words that fit the number", () => {
    expect(workshopIntro(findings(1, 0))).toContain("1 person from your team");
    expect(workshopIntro(findings(4, 0))).toContain("4 people from your team");
  });

  it("introduces one question in the singular and several in the plural", () => {
    expect(workshopListIntro(findings(3, 1), 1)).toBe(
      "This is the question where answers were furthest apart, with what the group agreed and why.",
    );
    expect(workshopListIntro(findings(3, 5), 5)).toBe(
      "These are the 5 questions where answers were furthest apart, most first, with what the group agreed and why.",
    );
    expect(workshopListIntro(findings(3, 0), 0)).toMatch(/^The team broadly agreed/);
  });
});
