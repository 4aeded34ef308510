import { describe, expect, it } from "vitest";
import { withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL, STATE_AGENCY, STATUTORY_BODY } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers, TargetResponse } from "./answers";
import {
  buildCapacityModel,
  coverInWords,
  coveredHoursPerWeek,
  emergencyResponseHours,
  estimateDemand,
  hoursNeeded,
  modelResponseHours,
  outOfHoursWait,
  priorityResponseHours,
  projectMultiplier,
  promiseBand,
  repliesPerHour,
  repliesPerTeamHour,
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
    draft.capacity.questionShare = "about-a-third";
  });
}

describe("response targets in working hours", () => {
  it.each<[TargetResponse, number, boolean]>([
    ["1-hour", 1, false],
    ["4-hours", 4, false],
    ["same-day", 6, false],
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
    // "About a third" of messages are questions: 25% to 40%, about 33%.
    expect(demand.questionsWeekly).toEqual({ low: 25, likely: 33, high: 40 });
    expect(demand.questionShareAssumed).toBe(false);
    expect(demand.estimable).toBe(true);
  });

  it("uses the organisation's share of questions, and a stated default when it does not know", () => {
    const share = (questionShare: AssessmentAnswers["capacity"]["questionShare"], purposes = ["share" as const]) =>
      estimateDemand(
        withAnswers(quietBase(), (draft) => {
          draft.capacity.questionShare = questionShare;
          draft.stakeholders.purposes = [...purposes];
        }),
      );
    expect(share("most").questionsWeekly.likely).toBe(80);
    expect(share("quarter-or-fewer").questionsWeekly.likely).toBe(18);
    expect(share("unknown").questionsWeekly).toEqual({ low: 25, likely: 35, high: 45 });
    expect(share("unknown").questionShareAssumed).toBe(true);
    // Channels that take service requests carry more questions: 35% to 65%, about half.
    expect(share("unknown", ["service-requests"] as never).questionsWeekly.likely).toBe(50);
  });

  it("measures the busiest weeks against a usual week today, not on top of the project load", () => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.peaks = ["seasonal"];
      draft.capacity.peakSize = "triple-or-more";
      draft.stakeholders.projects = [
        { id: "p", name: "Bypass", timing: "next-3-months", contentiousness: "high", groupIds: ["residents"] },
      ];
    });
    const demand = estimateDemand(answers);
    // 100 a week today x 33% questions x 3.5 = about 120 (3 to 5 times: 75 to 200).
    expect(demand.peakWeekly).toEqual({ low: 75, likely: 120, high: 200 });
    expect(estimateDemand(quietBase()).peakWeekly).toBeNull();
  });

  it("adds load for wanting higher levels and for contentious projects", () => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.engagementModel.levels = [{ groupId: "residents", current: "inform", desired: "involve" }];
      draft.stakeholders.projects = [
        { id: "p", name: "Bypass", timing: "next-3-months", contentiousness: "high", groupIds: ["residents"] },
      ];
    });
    // 100 x (1 + 0.15 x 2) x (1 + 0.3) = 169, to two figures 170
    expect(estimateDemand(answers).expectedWeekly.likely).toBe(170);
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
    expect(demand.currentWeekly).toEqual({ low: 2.2, likely: 15, high: 40 });
    // The launch floor (5 a week for 50,000 people) lifts the low end. Eight times from low to
    // high is too wide to plan on: the report says so rather than give a figure.
    expect(demand.expectedWeekly).toEqual({ low: 5, likely: 15, high: 40 });
    expect(demand.estimable).toBe(false);
  });

  it("calls a range too wide to plan on what it is: not an estimate", () => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.volumeKnowledge = "not-sure";
      draft.capacity.weeklyVolume = undefined;
      draft.capacity.followers = "unknown";
      draft.capacity.postingFrequency = "unknown";
      draft.capacity.commentsPerPost = "unknown";
    });
    const model = buildCapacityModel(answers);
    expect(model.demand.estimable).toBe(false);
    expect(model.summary).toMatch(/cannot estimate your volume closely yet/);
    expect(model.shortfall.extraHoursPerWeek).toBeNull();
    expect(model.shortfall.findOut).toMatch(/two typical weeks/);
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

  it("gives more replies per team hour when the channels take service requests", () => {
    const plain = withAnswers(quietBase(), (draft) => {
      draft.capacity.keyMessages = "no";
    });
    const requests = withAnswers(plain, (draft) => {
      draft.stakeholders.purposes = ["service-requests"];
    });
    expect(repliesPerTeamHour(plain)).toBeCloseTo(6 * 0.4, 10);
    expect(repliesPerTeamHour(requests)).toBeCloseTo(6 * 0.6, 10);
  });

  it("builds a backlog when demand is above capacity", () => {
    // capacity = 10 x 2.4 = 24 a week; 48 needed -> rho 2 -> 40 + 160 x 1 = 200
    const modelled = modelResponseHours(10, 2.4, 48, 0);
    expect(modelled.queueDelay).toBeCloseTo(200, 6);
    expect(modelled.total).toBeCloseTo(4 + 200, 6);
  });

  it("holds the queue at 80% utilisation for the questions taken on first", () => {
    // capacity 24; 48 needed, but only 19.2 taken on: 4 + 0.8 / 0.2 x 40 / 24 = 10.67
    expect(priorityResponseHours(10, 2.4, 48, 0)).toBeCloseTo(4 + (4 * 40) / 24, 6);
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
    // 11 hours a day without times: 13 hours overnight, plus 24 over a weekend with some cover.
    ["extended-hours", "no", 37],
    ["extended-hours", "yes", 2],
    ["all-hours", "no", 1],
  ] as const)("emergency reply with %s cover and protocol %s -> %d clock hours", (cover, protocol, hours) => {
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.coverHours = cover;
      draft.capacity.coverDays = cover === "extended-hours" ? "weekdays-some-weekends" : undefined;
    });
    expect(emergencyResponseHours(outOfHoursWait(answers), cover, protocol)).toBe(hours);
  });
});

describe("cover: the hours given, and how often someone looks", () => {
  const cover = (change: (draft: AssessmentAnswers) => void) => withAnswers(quietBase(), change);

  it.each([
    [{ coverHours: "business-hours" }, "during office hours, Monday to Friday", 40],
    [{ coverHours: "all-hours" }, "at all hours, every day", 168],
    [
      { coverHours: "extended-hours", coverDays: "weekdays", coverFrom: "08:00", coverTo: "20:00" },
      "from 8:00 to 20:00, Monday to Friday",
      60,
    ],
    [
      { coverHours: "extended-hours", coverDays: "every-day", coverFrom: "07:30", coverTo: "19:30" },
      "from 7:30 to 19:30, every day",
      84,
    ],
    [
      { coverHours: "extended-hours", coverDays: "weekdays-some-weekends" },
      "on working days for longer than office hours, and for some hours at weekends",
      63,
    ],
  ] as const)("%j reads '%s', %d hours a week", (given, words, hours) => {
    const answers = cover((draft) => Object.assign(draft.capacity, given));
    expect(coverInWords(answers)).toBe(words);
    expect(coveredHoursPerWeek(answers)).toBe(hours);
  });

  it("never says the channels are watched when the hours only allow a daily look", () => {
    const thin = cover((draft) => {
      draft.capacity.teamHoursPerWeek = 6;
    });
    const model = buildCapacityModel(thin);
    // 40 covered hours / 6 team hours: a look about every 6.7 hours, within a working day.
    expect(model.cover.attention).toBe("daily");
    expect(model.cover.checkIntervalHours).toBe(6.7);
  });
});

describe("hours needed to meet the target", () => {
  it("finds the least hours that meet both the volume and the target", () => {
    const needed = hoursNeeded(2.4, 120, 0, 8);
    expect(weeklyReplyCapacity(needed, 2.4)).toBeGreaterThanOrEqual(120);
    expect(modelResponseHours(needed, 2.4, 120, 0).total).toBeLessThanOrEqual(8);
    expect(modelResponseHours(needed - 0.5, 2.4, 120, 0).total).toBeGreaterThan(8);
  });

  it("when sign-off alone is slower than the target, sizes only for the volume", () => {
    const needed = hoursNeeded(2.4, 120, 12, 8);
    // 120 replies / 2.4 replies a team hour = 50 hours
    expect(needed).toBeCloseTo(50, 3);
  });

  it("reports the state agency's shortfall, in staff and money, and that hours alone cannot meet its target", () => {
    const model = buildCapacityModel(STATE_AGENCY.answers);
    expect(model.coverage?.likely).toBeLessThan(0.5);
    expect(model.shortfall.hoursAloneMeetTarget).toBe(false);
    expect(model.shortfall.extraHoursPerWeek?.likely).toBeGreaterThan(300);
    expect(model.shortfall.extraFte?.likely).toBeGreaterThan(8);
    // No hourly cost given: a typical Australian figure, said to be one.
    expect(model.shortfall.cost?.hourlyCostAssumed).toBe(true);
    expect(model.shortfall.cost?.label).toMatch(/^A\$/);
    expect(model.twoWaySustainable).toBe(false);
  });

  it("reports no shortfall for the water authority", () => {
    const model = buildCapacityModel(STATUTORY_BODY.answers);
    expect(model.shortfall.extraHoursPerWeek?.likely).toBe(0);
    expect(model.shortfall.cost).toBeNull();
    expect(model.response.meetsTarget).toBe(true);
    expect(model.twoWaySustainable).toBe(true);
  });
});

describe("evidence and honesty", () => {
  it("never claims faster than today's known reply time", () => {
    const slowToday = withAnswers(METROPOLITAN_COUNCIL.answers, (draft) => {
      draft.capacity.actualResponse = "2-working-days";
    });
    expect(buildCapacityModel(slowToday).response.achievableHours?.likely).toBeGreaterThanOrEqual(16);
  });

  it("keeps a stated reply time of three days and names the cause, instead of a model's weeks", () => {
    // Someone answers every question in about a working week with hours the model thinks are ample.
    const answers = withAnswers(quietBase(), (draft) => {
      draft.capacity.teamHoursPerWeek = 20;
      draft.capacity.actualResponse = "1-week";
      draft.capacity.targetResponse = "1-working-day";
    });
    const model = buildCapacityModel(answers);
    expect(model.response.achievableHours?.likely).toBe(40);
    expect(model.response.causes).toContain("handling");
    expect(model.response.reconciliation).toMatch(/We use your figure/);
    // No extra hours, and the reason is named.
    expect(model.shortfall.extraHoursPerWeek?.likely).toBe(0);
    expect(model.shortfall.note).toMatch(/how replies are picked up, checked and signed off/);
  });

  it("takes the team's own rate when it already answers everything it gets", () => {
    const busy = withAnswers(quietBase(), (draft) => {
      draft.capacity.weeklyVolume = 2000;
      draft.capacity.questionShare = "most";
      draft.capacity.teamHoursPerWeek = 100;
      draft.capacity.actualResponse = "2-working-days";
      draft.engagementModel.replyPractice = "every-genuine-question";
    });
    const model = buildCapacityModel(busy);
    // 1,600 questions a week answered with 100 hours: 16 replies a team hour, from their figures.
    expect(model.supply.rateFromYourFigures).toBe(true);
    expect(model.supply.weeklyReplyCapacity).toBe(1600);
    // Without the habit of answering everything, the model's rate stands, and the gap is said.
    const some = withAnswers(busy, (draft) => {
      draft.engagementModel.replyPractice = "some";
    });
    const modelled = buildCapacityModel(some);
    expect(modelled.supply.rateFromYourFigures).toBe(false);
    expect(modelled.response.reconciliation).toMatch(/many questions go unanswered today/);
  });

  it("leaves capacity unknown, never zero, when the hours are not known", () => {
    const unknown = withAnswers(quietBase(), (draft) => {
      draft.capacity.teamHoursPerWeek = "unknown";
    });
    const model = buildCapacityModel(unknown);
    expect(model.finding.status).toBe("hours-unknown");
    expect(model.coverage).toBeNull();
    expect(model.supply.weeklyReplyCapacity).toBeNull();
    expect(model.response.achievableHours).toBeNull();
    expect(model.twoWaySustainable).toBe(false);
    expect(model.shortfall.estimable).toBe(false);
  });

  it.each([
    [0.5, "1 hour"],
    [3, "4 working hours"],
    [7.9, "1 working day"],
    [16, "2 working days"],
    [20, "3 working days"],
    [40, "a working week"],
    [60, "two working weeks"],
  ])("publishes %d working hours as '%s'", (hours, label) => {
    expect(promiseBand(hours)?.label).toBe(label);
  });

  it("publishes no reply time beyond two working weeks", () => {
    expect(promiseBand(81)).toBeNull();
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
    const achievable = model.response.achievableHours;
    expect(achievable?.high).toBeCloseTo((achievable?.likely ?? 0) * 1.5, 0);
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
    expect(model.coverage?.likely).toBe(0);
    expect(model.response.achievableHours).toBeNull();
    expect(model.finding.status).toBe("no-hours");
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
