import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers } from "./answers";
import { DIMENSION_SPECS } from "./dimensions";
import { classifyMeasure } from "./measures";
import type { DimensionId } from "./report-model";

const BASE = METROPOLITAN_COUNCIL.answers;

function factor(answers: AssessmentAnswers, dimensionId: DimensionId, factorId: string) {
  const dimension = scoreOf(answers).dimensions.find((item) => item.id === dimensionId);
  const found = dimension?.factors.find((item) => item.id === factorId);
  if (!found) throw new Error(`no factor ${dimensionId}/${factorId}`);
  return found;
}

describe("weights", () => {
  it("dimension weights add up to 100", () => {
    expect(DIMENSION_SPECS.reduce((sum, spec) => sum + spec.weight, 0)).toBe(100);
  });

  it.each(DIMENSION_SPECS.map((spec) => [spec.id, spec] as const))("%s factors add up to 100 points", (_id, spec) => {
    expect(spec.factors.reduce((sum, item) => sum + item.maxPoints, 0)).toBe(100);
  });
});

describe("factor points", () => {
  it.each<[string, DimensionId, string, (draft: AssessmentAnswers) => void, number]>([
    ["published house rules", "safeguards", "house-rules", () => {}, 30],
    ["draft house rules", "safeguards", "house-rules", (d) => void (d.capacity.houseRules = "draft"), 12],
    [
      "moderation on complaint",
      "safeguards",
      "moderation",
      (d) => void (d.capacity.moderationModel = "on-complaint"),
      8,
    ],
    ["escalation partly", "safeguards", "escalation", (d) => void (d.capacity.escalationPath = "partly"), 10],
    ["policy only", "governance", "governance-items", (d) => void (d.engagementModel.governance = ["policy"]), 8],
    ["no governance", "governance", "governance-items", (d) => void (d.engagementModel.governance = ["none"]), 0],
    ["manual records", "governance", "records", (d) => void (d.capacity.recordsCapture = "manual"), 6.6],
    ["some two-factor", "governance", "two-factor", (d) => void (d.capacity.twoFactor = "some"), 4.8],
    [
      "informal access",
      "governance",
      "account-access",
      (d) => void (d.capacity.accountAccess = "shared-informally"),
      4,
    ],
    ["no target", "governance", "response-target", (d) => void (d.capacity.targetResponse = "no-target"), 0],
    [
      "debriefs and rotation",
      "people",
      "staff-support",
      (d) => void (d.capacity.staffSupport = ["debriefs", "rotation"]),
      11,
    ],
    ["one person", "people", "team-depth", (d) => void (d.capacity.teamPeople = 1), 5],
    ["two people", "people", "team-depth", (d) => void (d.capacity.teamPeople = 2), 12],
    ["replies to some", "people", "reply-practice", (d) => void (d.engagementModel.replyPractice = "some"), 12.5],
    [
      "under four weeks of content",
      "sharing",
      "evergreen-reserve",
      (d) => void (d.engagementModel.evergreenReserve = "under-4-weeks"),
      10.5,
    ],
    [
      "some listening beyond own pages",
      "listening",
      "monitoring-reach",
      (d) => void (d.engagementModel.monitoringReach = "some-beyond"),
      26,
    ],
    [
      "own pages only",
      "listening",
      "monitoring-reach",
      (d) => void (d.engagementModel.monitoringReach = "own-pages"),
      10,
    ],
    [
      "most replies signed off the same day",
      "capacity",
      "approvals",
      (d) => {
        d.capacity.approvalNeed = "most-replies";
        d.capacity.approvalTime = "same-day";
      },
      6,
    ],
    [
      "sensitive replies signed off in 1-2 days",
      "capacity",
      "approvals",
      (d) => {
        d.capacity.approvalTime = "1-2-days";
      },
      9,
    ],
    [
      "no sign-off",
      "capacity",
      "approvals",
      (d) => {
        d.capacity.approvalNeed = "none";
        d.capacity.approvalTime = undefined;
      },
      15,
    ],
    [
      "business hours with emergency services",
      "capacity",
      "cover-hours",
      (d) => void (d.capacity.coverHours = "business-hours"),
      2,
    ],
    [
      "business hours without emergency services",
      "capacity",
      "cover-hours",
      (d) => {
        d.capacity.coverHours = "business-hours";
        d.organisation.emergencyServices = ["none"];
        d.stakeholders.purposes = ["share", "consult"];
      },
      8,
    ],
    [
      "sponsor not decided",
      "commitment",
      "sponsor",
      (d) => {
        d.commitment.sponsor = "not-decided";
        d.commitment.sponsorRole = undefined;
      },
      9,
    ],
    [
      "one objective",
      "purpose",
      "objectives-set",
      (d) => void (d.commitment.objectives = d.commitment.objectives.slice(0, 1)),
      20,
    ],
  ])("%s", (_name, dimensionId, factorId, change, points) => {
    expect(factor(withAnswers(BASE, change), dimensionId, factorId).points).toBe(points);
  });
});

describe("governance maturity (Mergel and Bretschneider)", () => {
  it("scores the lower of the stated and the evidenced stage", () => {
    const overstated = withAnswers(BASE, (d) => {
      d.engagementModel.governance = ["none"];
      d.capacity.houseRules = "none";
    });
    const report = scoreOf(overstated);
    const governance = report.dimensions.find((item) => item.id === "governance");
    expect(governance?.maturity?.stated).toBe("established");
    expect(governance?.maturity?.evidenced).toBe("experimenting");
    expect(governance?.maturity?.used).toBe("experimenting");
    expect(governance?.factors.find((item) => item.id === "adoption-stage")?.points).toBe(4.8);
  });

  it("uses the evidenced stage, with the assumption stated, when the stage is unknown", () => {
    const unsure = withAnswers(BASE, (d) => {
      d.engagementModel.adoptionStage = "unknown";
      d.engagementModel.governance = ["policy"];
    });
    const adoption = factor(unsure, "governance", "adoption-stage");
    expect(adoption.points).toBe(14.4);
    expect(adoption.assumption).toContain("making rules");
  });
});

describe("'I don't know' answers", () => {
  it("earn what the weakest known answer earns, and say what was assumed", () => {
    const unknown = withAnswers(BASE, (d) => void (d.capacity.houseRules = "unknown"));
    const none = withAnswers(BASE, (d) => void (d.capacity.houseRules = "none"));
    expect(factor(unknown, "safeguards", "house-rules").points).toBe(factor(none, "safeguards", "house-rules").points);
    expect(factor(unknown, "safeguards", "house-rules").assumption).toMatch(/assumed/);
    expect(factor(none, "safeguards", "house-rules").assumption).toBeNull();
  });

  it("carry an assumption on every factor they feed in the all-unknown assessment", () => {
    const report = scoreOf(minimalAnswers());
    const assumed = report.dimensions.flatMap((dimension) =>
      dimension.factors.filter((item) => item.assumption !== null),
    );
    expect(assumed.map((item) => item.id)).toEqual(
      expect.arrayContaining([
        "monitoring-reach",
        "acting-on-insight",
        "house-rules",
        "moderation",
        "records",
        "two-factor",
        "training",
        "budget",
      ]),
    );
  });
});

describe("traceability", () => {
  it("every factor names the answers that produced it", () => {
    for (const dimension of scoreOf(BASE).dimensions) {
      for (const item of dimension.factors) expect(item.refs.length, `${dimension.id}/${item.id}`).toBeGreaterThan(0);
    }
  });

  it("stakeholder factors point at each group", () => {
    const sentiment = factor(BASE, "stakeholders", "group-sentiment");
    expect(sentiment.refs.map((item) => item.groupId)).toEqual(BASE.stakeholders.groups.map((group) => group.id));
  });
});

describe("measures of results, not reach", () => {
  it.each([
    ["80% of requests answered within 4 hours", "outcome"],
    ["Fewer calls to the front counter", "outcome"],
    ["Trust score in the residents' survey", "outcome"],
    ["More submissions than last time", "outcome"],
    ["Reach of key updates, and fewer complaints that people were not told", "outcome"],
    ["Followers and reach of our posts", "output"],
    ["Impressions per month", "output"],
    ["Share of negative comments on fee posts", "countable"],
    ["Up 10% by June", "countable"],
    ["People feel better", "vague"],
    ["", "none"],
    [undefined, "none"],
  ] as const)("%j -> %s", (measure, expected) => {
    expect(classifyMeasure(measure)).toBe(expected);
  });

  it("scores reach-only measures below measures of results", () => {
    const reach = withAnswers(BASE, (d) => {
      d.commitment.objectives = d.commitment.objectives.map((objective) => ({ ...objective, measure: "Followers" }));
    });
    expect(factor(reach, "commitment", "measurable-objectives").points).toBeLessThan(
      factor(BASE, "commitment", "measurable-objectives").points,
    );
  });
});
