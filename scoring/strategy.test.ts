import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL, STATUTORY_BODY } from "../test/fixtures/example-organisations";

describe("objectives", () => {
  it("keeps the organisation's own objectives and suggests one for each purpose they miss", () => {
    const objectives = scoreOf(METROPOLITAN_COUNCIL.answers).strategy.objectives;
    expect(objectives.filter((item) => item.source === "stated").map((item) => item.id)).toEqual([
      "objective-311",
      "objective-tram",
      "objective-trust",
      "objective-emergency",
    ]);
    expect(objectives.filter((item) => item.source === "suggested").map((item) => item.purposes[0])).toEqual([
      "listen",
      "consult",
      "recruitment",
    ]);
    expect(objectives.find((item) => item.id === "objective-tram")?.tactics).toEqual(["engage"]);
  });
});

describe("group plans", () => {
  it("place each group on the power/interest grid and say where to reach them", () => {
    const plans = scoreOf(RURAL_COUNCIL.answers).strategy.groupPlans;
    const landowners = plans.find((plan) => plan.groupId === "custom-ridge-landowners");
    expect(landowners?.quadrant).toBe("manage-closely");
    expect(landowners?.levelNow).toBe("none");
    expect(landowners?.levelNext).toBe("inform");
    expect(landowners?.channels).toEqual([
      "Community groups online (listen there; you cannot post as the organisation)",
      "Facebook (you are there)",
    ]);
    expect(landowners?.concerns.join(" ")).toContain("Te Rangi wind farm submission");
    expect(plans.find((plan) => plan.groupId === "media")?.quadrant).toBe("keep-satisfied");
  });
});

describe("response plan", () => {
  it("never sets a target faster than the organisation can achieve", () => {
    for (const answers of [RURAL_COUNCIL.answers, METROPOLITAN_COUNCIL.answers, STATUTORY_BODY.answers]) {
      for (const row of scoreOf(answers).strategy.responsePlan.matrix) {
        expect(row.targetHours, row.id).toBeGreaterThanOrEqual(row.achievableHours);
      }
    }
  });

  it("tells an overloaded organisation to answer priorities first and say so", () => {
    const plan = scoreOf(RURAL_COUNCIL.answers).strategy.responsePlan;
    expect(plan.publishedResponseTime).toMatch(/^You cannot answer everything you can expect/);
    expect(plan.matrix.find((row) => row.id === "general")?.targetLabel).toContain("not each answered");
    expect(plan.matrix.find((row) => row.id === "safety")?.targetLabel).toContain("until on-call cover is in place");
  });

  it("publishes the target when it can be met", () => {
    const plan = scoreOf(METROPOLITAN_COUNCIL.answers).strategy.responsePlan;
    expect(plan.publishedResponseTime).toBe("We aim to reply to genuine questions within 4 working hours.");
    expect(plan.monitoringHours).toBe("We watch the channels at all hours, every day.");
    expect(plan.escalation).toEqual(["Follow your escalation path; check its names and numbers every quarter."]);
  });
});

describe("house rules and moderation", () => {
  it("recommends pre-moderation on the hottest posts when hostile groups meet a contentious project", () => {
    const rules = scoreOf(RURAL_COUNCIL.answers).strategy.houseRules;
    expect(rules.current).toContain("no house rules yet");
    expect(rules.recommendedModeration).toContain("pre-moderation on posts about Te Rangi wind farm submission");
    expect(rules.points.length).toBeGreaterThanOrEqual(8);
    // One person runs the channels: no rota to rotate, so someone must be able to step in.
    expect(rules.moderationGuidance.join(" ")).toContain(
      "agree who steps in when the person on the channels needs a break",
    );
  });
});

describe("roadmap and measures", () => {
  it("spreads every recommendation over three dated phases", () => {
    const roadmap = scoreOf(RURAL_COUNCIL.answers, "2026-11-16").strategy.roadmap;
    expect(roadmap.map((phase) => [phase.startDate, phase.endDate])).toEqual([
      ["2026-11-17", "2026-12-16"],
      ["2026-12-17", "2027-01-15"],
      ["2027-01-16", "2027-02-14"],
    ]);
    for (const phase of roadmap) expect(phase.actions.length).toBeGreaterThan(0);
  });

  it("recommends a quarterly review when none is planned, and says so", () => {
    const measures = scoreOf(RURAL_COUNCIL.answers).strategy.measures;
    expect(measures.reviewCadence).toBe("quarterly");
    expect(measures.cadenceAssumed).toBe(true);
    expect(measures.cadenceNote).toContain("we recommend a quarterly review");
  });

  it("keeps a planned cadence", () => {
    const answers = withAnswers(RURAL_COUNCIL.answers, (d) => void (d.commitment.reviewCadence = "monthly"));
    expect(scoreOf(answers).strategy.measures.reviewCadence).toBe("monthly");
  });

  it("pairs each stated measure with suggested indicators", () => {
    const measures = scoreOf(STATUTORY_BODY.answers).strategy.measures.perObjective;
    const boilWater = measures.find((item) => item.objectiveId === "objective-boil-water");
    expect(boilWater?.statedMeasure).toBe("First post within 60 minutes");
    expect(boilWater?.suggestedIndicators).toEqual(["Minutes from an incident to the first official post"]);
  });
});
