import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { METROPOLITAN_COUNCIL, STATE_AGENCY } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers, Degree, Iap2Level } from "./answers";
import type { EngagementGap, Quadrant } from "./report-model";
import { quadrantFor } from "./stakeholder-quadrants";

const BASE = METROPOLITAN_COUNCIL.answers;

function gap(answers: AssessmentAnswers, groupId: string): EngagementGap {
  const found = scoreOf(answers).engagementGaps.find((item) => item.groupId === groupId);
  if (!found) throw new Error(`no gap for ${groupId}`);
  return found;
}

describe("sustainable level", () => {
  it.each<[string, (draft: AssessmentAnswers) => void, string, Iap2Level, string | null]>([
    ["a well-run city can involve residents", () => {}, "residents", "involve", null],
    [
      "listening only on its own pages caps everyone at consult",
      (d) => void (d.engagementModel.monitoringReach = "own-pages"),
      "residents",
      "consult",
      "involve-listening",
    ],
    [
      "draft house rules are not enough to consult: people cannot see rules that are not published",
      (d) => void (d.capacity.houseRules = "draft"),
      "residents",
      "inform",
      "consult-rules",
    ],
    [
      "no house rules means inform only",
      (d) => void (d.capacity.houseRules = "none"),
      "residents",
      "inform",
      "consult-rules",
    ],
    [
      "a hostile group with only draft rules stays at inform",
      (d) => {
        d.capacity.houseRules = "draft";
        const advocates = d.stakeholders.groups.find((group) => group.id === "advocacy-groups");
        if (advocates) advocates.sentiment = "hostile";
      },
      "advocacy-groups",
      "inform",
      "hostile-rules",
    ],
    [
      "a hostile group with no staff support stays at inform",
      (d) => {
        d.capacity.staffSupport = ["none"];
        const advocates = d.stakeholders.groups.find((group) => group.id === "advocacy-groups");
        if (advocates) advocates.sentiment = "hostile";
      },
      "advocacy-groups",
      "inform",
      "hostile-support",
    ],
    [
      "a sceptical group needs offline guidance before involve",
      (d) => void (d.capacity.offlineGuidance = "no"),
      "advocacy-groups",
      "consult",
      "wary-offline",
    ],
    [
      "a hot project needs full escalation before involve",
      (d) => void (d.capacity.escalationPath = "partly"),
      "businesses",
      "consult",
      "project-readiness",
    ],
    ["collaboration needs spare capacity", () => {}, "community-groups", "involve", "collaborate-capacity"],
    [
      "with spare capacity, community groups can collaborate",
      (d) => void (d.capacity.teamHoursPerWeek = 700),
      "community-groups",
      "collaborate",
      null,
    ],
    [
      "too few hours means inform only",
      (d) => void (d.capacity.teamHoursPerWeek = 100),
      "residents",
      "inform",
      "consult-capacity",
    ],
    [
      "answering nine in ten, most important first, is enough to consult",
      (d) => void (d.capacity.teamHoursPerWeek = 440),
      "residents",
      "consult",
      "involve-capacity",
    ],
  ])("%s", (_name, change, groupId, level, blocker) => {
    const result = gap(withAnswers(BASE, change), groupId);
    expect(result.sustainable).toBe(level);
    if (blocker) expect(result.limitedBy.map((item) => item.id)).toContain(blocker);
    else expect(result.limitedBy).toEqual([]);
    for (const requirement of result.limitedBy) expect(requirement.met).toBe(false);
  });

  it("is never above the level wanted", () => {
    const modest = withAnswers(BASE, (d) => {
      d.engagementModel.levels = d.engagementModel.levels.map((entry) => ({ ...entry, desired: "inform" }));
    });
    for (const item of scoreOf(modest).engagementGaps) expect(item.sustainable).toBe("inform");
  });
});

describe("next step", () => {
  it("steps up one level at a time toward what can be sustained", () => {
    const result = gap(
      withAnswers(BASE, (d) => {
        d.engagementModel.levels[0] = { groupId: "residents", current: "inform", desired: "involve" };
      }),
      "residents",
    );
    expect(result.action).toBe("step-up");
    expect(result.nextLevel).toBe("consult");
    expect(result.nextStep).toContain("Move from inform to consult");
    expect(result.nextStep).toContain("go on to involve");
  });

  it("steps back when today's level promises more than can be kept", () => {
    const result = gap(STATE_AGENCY.answers, "custom-customers");
    expect(result.current).toBe("consult");
    expect(result.action).toBe("step-back");
    expect(result.nextLevel).toBe("inform");
    // The customers are still heard on the projects that affect them, through formal routes.
    expect(result.nextStep).toMatch(/^Keep hearing Licence and registration customers on .* through the formal routes/);
    expect(result.nextStep).toMatch(/Online, hold to inform for now/);
    expect(result.nextStep).not.toMatch(/stop asking/i);
  });

  it("moves back to the level wanted when today's is higher than wanted", () => {
    const result = gap(
      withAnswers(BASE, (d) => {
        d.engagementModel.levels[0] = { groupId: "residents", current: "collaborate", desired: "consult" };
      }),
      "residents",
    );
    expect(result.action).toBe("step-back");
    expect(result.nextLevel).toBe("consult");
    expect(result.nextStep).toMatch(/^Move back to consult/);
  });

  it("starts by informing a group not yet engaged, and meets hostile groups in person first", () => {
    const result = gap(
      withAnswers(BASE, (d) => {
        d.engagementModel.levels[0] = { groupId: "residents", current: "none", desired: "consult" };
        const residents = d.stakeholders.groups[0];
        if (residents) residents.sentiment = "hostile";
      }),
      "residents",
    );
    expect(result.action).toBe("start");
    expect(result.nextLevel).toBe("inform");
    expect(result.nextStep).toContain("meet them in person");
  });

  it("holds when the group is already where it should be", () => {
    expect(gap(BASE, "media").action).toBe("hold");
  });

  it("says to strengthen foundations when it cannot yet go further", () => {
    const result = gap(BASE, "community-groups");
    expect(result.action).toBe("strengthen-foundations");
    expect(result.nextStep).toContain("capacity with at least a fifth to spare");
  });
});

describe("Mendelow quadrants", () => {
  it.each<[Degree, Degree, Quadrant]>([
    ["high", "high", "manage-closely"],
    ["high", "low", "keep-satisfied"],
    ["low", "high", "keep-informed"],
    ["low", "low", "monitor"],
  ])("influence %s, interest %s -> %s", (influence, interest, quadrant) => {
    expect(quadrantFor(influence, interest)).toBe(quadrant);
  });
});

describe("a group's list of what holds it back", () => {
  it("names the house rules once for a hostile group, in the group's own words", () => {
    const answers = withAnswers(BASE, (d) => {
      d.capacity.houseRules = "draft";
      const advocates = d.stakeholders.groups.find((group) => group.id === "advocacy-groups");
      if (advocates) advocates.sentiment = "hostile";
    });
    const hostile = gap(answers, "advocacy-groups");
    const ids = hostile.limitedBy.map((item) => item.id);
    expect(ids).toContain("hostile-rules");
    expect(ids).not.toContain("consult-rules");
    expect(hostile.limitedBy.filter((item) => /house rules/i.test(item.description))).toHaveLength(1);
    // A group that is not hostile still names the organisation's house rules.
    expect(gap(answers, "residents").limitedBy.map((item) => item.id)).toContain("consult-rules");
  });
});
