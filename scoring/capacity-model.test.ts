import { describe, expect, it } from "vitest";
import { withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL, STATE_AGENCY, STATUTORY_BODY } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers, TargetResponse } from "./answers";
import {
  buildCapacityModel,
  emergencyResponseHours,
  estimateDemand,
  hoursNeeded,
  modelResponseHours,
  priorityResponseHours,
  projectMultiplier,
  repliesPerHour,
  targetHours,
  weeklyReplyCapacity,
} from "./capacity-model";

/** A quiet base: one group already at its desired level, no projects, counted volume. */
function quietBase(): AssessmentAnswers {
  return withAnswers(minimalAnswers(), (draft) => {
    draft.organisation.population = 50000;
    draft.organisation.channels = ["facebook"];
    draft.engagementModel.levels = [{ groupId: "residents", current: "inform", desired: "inform" }];
    draft.capacity.teamHoursPerWeek = 20;
    draft.capacity.teamPeople = 2;
    draft.capacity.weeklyVolume = 100;
  });
}

describe("response targets in working hours", () => {
  it.each<[TargetResponse, number, boolean]>([
    ["1-hour", 1, false],
    ["4-hours", 4, false],
    ["1-working-day", 8, false],
    ["2-working-days", 16, false],
    ["1-week", 40, false],
    ["longer", 80, false],
    ["no-target", 16, true],
  ])("%s -> %d working hours (assumed: %s)", (target, hours, assumed) => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.targetResponse = target;
    });
    expect(targetHours(answers)).toEqual({ hours, assumed });
  });
});

describe("demand", () => {
  it("uses the organisation's own count, with no uplift when nothing changes", () => {
    const demand = estimateDemand(quietBase());
    expect(demand.method).toBe("count");
    expect(demand.currentWeekly).toEqual({ low: 100, likely: 100, high: 100 });
    expect(demand.expectedWeekly).toEqual({ low: 100, likely: 100, high: 100 });
    expect(demand.repliesNeededWeekly).toEqual({ low: 30, likely: 30, high: 30 });
  });

  it("adds load for wanting higher levels and for contentious projects", () => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.engagementModel.levels = [{ groupId: "residents", current: "inform", desired: "involve" }];
      draft.stakeholders.projects = [
        { id: "p", name: "Bypass", timing: "next-3-months", contentiousness: "high", groupIds: ["residents"] },
      ];
    });
    // 100 x (1 + 0.15 x 2) x (1 + 0.3) = 169
    expect(estimateDemand(answers).expectedWeekly.likely).toBe(169);
    expect(projectMultiplier(answers)).toBeCloseTo(1.3, 10);
  });

  it("estimates from band midpoints and ends when the organisation is not sure", () => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.volumeKnowledge = "not-sure";
      draft.capacity.weeklyVolume = undefined;
      draft.capacity.followers = "1k-10k";
      draft.capacity.postingFrequency = "1-3-a-week";
      draft.capacity.commentsPerPost = "2-10";
    });
    const demand = estimateDemand(answers);
    expect(demand.method).toBe("estimate");
    // low 1 x 2 + 1,000 x 0.0002; likely 2 x 6 + 5,500 x 0.0005; high 3 x 10 + 10,000 x 0.001
    expect(demand.currentWeekly).toEqual({ low: 2, likely: 15, high: 40 });
    // The launch floor (5 a week for 50,000 people) lifts the low end.
    expect(demand.expectedWeekly).toEqual({ low: 5, likely: 15, high: 40 });
  });

  it("widens the range when the bands are not known", () => {
    const known = withAnswers(quietBase(), (draft) => {
      draft.capacity.volumeKnowledge = "not-sure";
      draft.capacity.weeklyVolume = undefined;
      draft.capacity.followers = "10k-50k";
      draft.capacity.postingFrequency = "4-10-a-week";
      draft.capacity.commentsPerPost = "2-10";
    });
    const unknown = withAnswers(known, (draft) => {
      draft.capacity.followers = "unknown";
      draft.capacity.postingFrequency = "unknown";
      draft.capacity.commentsPerPost = "unknown";
    });
    const spread = (answers: AssessmentAnswers): number => {
      const range = estimateDemand(answers).expectedWeekly;
      return range.high / Math.max(1, range.low);
    };
    expect(spread(unknown)).toBeGreaterThan(spread(known));
  });

  it("applies channel, topic and purpose multipliers to estimates", () => {
    const plain = withAnswers(quietBase(), (draft) => {
      draft.capacity.volumeKnowledge = "not-sure";
      draft.capacity.weeklyVolume = undefined;
      draft.capacity.followers = "1k-10k";
      draft.capacity.postingFrequency = "1-3-a-week";
      draft.capacity.commentsPerPost = "10-50";
    });
    const busy = withAnswers(plain, (draft) => {
      draft.organisation.channels = ["facebook", "instagram", "x"];
      draft.organisation.contentiousTopics = ["planning", "waste"];
      draft.stakeholders.purposes = ["share", "service-requests"];
    });
    const ratio = estimateDemand(busy).currentWeekly.likely / estimateDemand(plain).currentWeekly.likely;
    // (1 + 0.15 x 2) x (1 + 0.08 x 2) x 1.4 = 2.11
    expect(ratio).toBeCloseTo(2.11, 1);
  });
});

describe("reply capacity and response time", () => {
  it.each([
    ["yes", [], 8],
    ["partly", [], 7],
    ["no", [], 6],
    ["unknown", [], 6],
    ["yes", ["shared-inbox"], 8.8],
  ] as const)("key messages %s with tools %j -> %d replies an hour", (keyMessages, tools, expected) => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.keyMessages = keyMessages;
      draft.capacity.tools = tools.length === 0 ? ["none"] : [...tools];
    });
    expect(repliesPerHour(answers)).toBeCloseTo(expected, 10);
  });

  it("has no capacity and the capped time with no hours", () => {
    expect(weeklyReplyCapacity(0, 8)).toBe(0);
    expect(modelResponseHours(0, 8, 10, 0).total).toBe(400);
  });

  it("stays finite and capped when the hours are a vanishingly small positive number", () => {
    // Found by the property tests: 2.78e-307 hours a week is a valid answer, and made the
    // utilisation overflow to Infinity.
    for (const replies of [0, 1, 1_000_000]) {
      const modelled = modelResponseHours(2.781342323134002e-307, 8, replies, 0);
      for (const part of [modelled.attentionWait, modelled.queueDelay, modelled.total]) {
        expect(Number.isFinite(part)).toBe(true);
      }
      expect(modelled.queueDelay).toBeLessThanOrEqual(400);
      expect(modelled.total).toBe(replies === 0 ? 80 : 400);
    }
  });

  it("waits only for someone to look when demand is light", () => {
    const modelled = modelResponseHours(40, 6, 0, 0);
    expect(modelled.attentionWait).toBe(1);
    expect(modelled.queueDelay).toBe(0);
    expect(modelled.total).toBe(1);
  });

  it("builds a backlog when demand is above capacity", () => {
    // capacity = 10 x 0.4 x 6 = 24 a week; 48 needed -> rho 2 -> 40 + 160 x 1 = 200
    const modelled = modelResponseHours(10, 6, 48, 0);
    expect(modelled.queueDelay).toBeCloseTo(200, 6);
    expect(modelled.total).toBeCloseTo(4 + 200, 6);
  });

  it("holds the queue at 80% utilisation for the questions taken on first", () => {
    // capacity 24; 48 needed, but only 19.2 taken on: 4 + 0.8 / 0.2 x 40 / 24 = 10.67
    expect(priorityResponseHours(10, 6, 48, 0)).toBeCloseTo(4 + (4 * 40) / 24, 6);
    // Below 80% utilisation it is the ordinary model.
    expect(priorityResponseHours(40, 6, 10, 2)).toBeCloseTo(modelResponseHours(40, 6, 10, 2).total, 10);
    expect(priorityResponseHours(0, 6, 10, 0)).toBe(400);
  });

  it("adds sign-off time when most replies need it", () => {
    expect(modelResponseHours(40, 6, 0, 12).total).toBe(13);
  });

  it.each([
    ["business-hours", "no", 64],
    ["business-hours", "partly", 12],
    ["business-hours", "yes", 2],
    ["extended-hours", "no", 12],
    ["extended-hours", "yes", 2],
    ["all-hours", "no", 1],
  ] as const)("emergency reply with %s cover and protocol %s -> %d clock hours", (cover, protocol, hours) => {
    expect(emergencyResponseHours(cover, protocol)).toBe(hours);
  });
});

describe("hours needed to meet the target", () => {
  it("finds the least hours that meet both the volume and the target", () => {
    const needed = hoursNeeded(6, 120, 0, 8);
    expect(weeklyReplyCapacity(needed, 6)).toBeGreaterThanOrEqual(120);
    expect(modelResponseHours(needed, 6, 120, 0).total).toBeLessThanOrEqual(8);
    expect(modelResponseHours(needed - 0.5, 6, 120, 0).total).toBeGreaterThan(8);
  });

  it("when sign-off alone is slower than the target, sizes only for the volume", () => {
    const needed = hoursNeeded(6, 120, 12, 8);
    // 120 replies / (0.4 x 6) = 50 hours
    expect(needed).toBeCloseTo(50, 3);
  });

  it("reports the state agency's shortfall and that hours alone cannot meet its target", () => {
    const model = buildCapacityModel(STATE_AGENCY.answers);
    expect(model.coverageRatio.likely).toBeLessThan(0.5);
    expect(model.shortfall.hoursAloneMeetTarget).toBe(false);
    expect(model.shortfall.extraHoursPerWeek.likely).toBeGreaterThan(300);
    expect(model.twoWaySustainable).toBe(false);
  });

  it("reports no shortfall for the water authority", () => {
    const model = buildCapacityModel(STATUTORY_BODY.answers);
    expect(model.shortfall.extraHoursPerWeek).toEqual({ low: 0, likely: 0, high: 0 });
    expect(model.response.meetsTarget).toBe(true);
    expect(model.twoWaySustainable).toBe(true);
  });
});

describe("evidence and honesty", () => {
  it("never claims faster than today's known reply time", () => {
    const slowToday = withAnswers(METROPOLITAN_COUNCIL.answers, (draft) => {
      draft.capacity.actualResponse = "2-working-days";
    });
    expect(buildCapacityModel(slowToday).response.achievableHours.likely).toBe(16);
  });

  it("widens the high end by half when today's reply time is not known", () => {
    const known = withAnswers(quietBase(), (draft) => {
      draft.capacity.actualResponse = "1-hour";
      draft.capacity.weeklyVolume = 40;
    });
    const unknown = withAnswers(known, (draft) => {
      draft.capacity.actualResponse = "unknown";
    });
    const model = buildCapacityModel(unknown);
    expect(model.response.achievableHours.high).toBeCloseTo(model.response.achievableHours.likely * 1.5, 0);
    expect(model.assumptions.map((item) => item.id)).toContain("actual-unknown");
  });

  it("states the two-working-day default when there is no target", () => {
    const model = buildCapacityModel(quietBase());
    expect(model.response.targetAssumed).toBe(true);
    expect(model.assumptions.find((item) => item.id === "default-target")?.text).toContain("two working days");
  });

  it("guards zero demand and zero hours", () => {
    const idle = withAnswers(quietBase(), (draft) => {
      draft.capacity.weeklyVolume = 0;
      draft.capacity.teamHoursPerWeek = 0;
      draft.organisation.population = 1;
    });
    const model = buildCapacityModel(idle);
    expect(model.coverageRatio.likely).toBe(0);
    expect(model.response.achievableHours.likely).toBe(400);
    expect(model.twoWaySustainable).toBe(false);
  });
});

describe("the calculation steps' wording", () => {
  const noteOf = (steps: { id: string; note: string }[], id: string) => steps.find((step) => step.id === id)?.note;

  it.each([
    [0, "No one has time set aside for the channels."],
    [1, "One person has all these hours."],
    [3, "3 people share these hours."],
  ])("says who has the hours when %d people do", (people, expected) => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.teamPeople = people;
    });
    expect(noteOf(buildCapacityModel(answers).supply.steps, "team-hours")).toBe(expected);
  });

  it.each([
    [["facebook"], "1 channel where"],
    [["facebook", "instagram"], "2 channels where"],
  ])("counts channels in words that agree with the number (%j)", (channels, expected) => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.organisation.channels = [...channels] as typeof draft.organisation.channels;
      draft.capacity.volumeKnowledge = "not-sure";
      draft.capacity.weeklyVolume = undefined;
      draft.capacity.followers = "1k-10k";
      draft.capacity.postingFrequency = "1-3-a-week";
      draft.capacity.commentsPerPost = "2-10";
    });
    expect(noteOf(buildCapacityModel(answers).demand.steps, "channels")).toMatch(new RegExp(`^${expected} `));
  });
});
