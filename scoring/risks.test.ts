import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL } from "../test/fixtures/example-organisations";
import type { AnswerRef, AssessmentAnswers } from "./answers";
import type { Risk, RiskId, Severity } from "./report-model";

const STRONG = METROPOLITAN_COUNCIL.answers;

function risksOf(answers: AssessmentAnswers): Risk[] {
  return scoreOf(answers).risks;
}

function findRisk(answers: AssessmentAnswers, id: RiskId): Risk | undefined {
  return risksOf(answers).find((risk) => risk.id === id);
}

const hostileAdvocates = (d: AssessmentAnswers): void => {
  const advocates = d.stakeholders.groups.find((group) => group.id === "advocacy-groups");
  if (advocates) advocates.sentiment = "hostile";
};

describe("the strong city starts with few risks", () => {
  it("has no high risks", () => {
    expect(risksOf(STRONG).filter((risk) => risk.severity === "high")).toEqual([]);
  });
});

describe("each risk, triggered from the strong city by changing a few answers", () => {
  it.each<[string, (draft: AssessmentAnswers) => void, RiskId, Severity, AnswerRef[]]>([
    [
      "inviting questions it cannot answer",
      (d) => void (d.capacity.teamHoursPerWeek = 150),
      "unanswerable-questions",
      "high",
      [
        { section: "capacity", questionId: "teamHoursPerWeek" },
        { section: "capacity", questionId: "weeklyVolume" },
      ],
    ],
    [
      "hostile groups with no house rules",
      (d) => {
        hostileAdvocates(d);
        d.capacity.houseRules = "none";
      },
      "hostile-without-rules",
      "high",
      [
        { section: "stakeholders", questionId: "sentiment", groupId: "advocacy-groups" },
        { section: "capacity", questionId: "houseRules" },
      ],
    ],
    [
      "sceptical groups with no moderation model",
      (d) => void (d.capacity.moderationModel = "none"),
      "hostile-without-rules",
      "medium",
      [{ section: "capacity", questionId: "moderationModel" }],
    ],
    [
      "no out-of-hours cover while running emergency-related services",
      (d) => {
        d.capacity.coverHours = "business-hours";
        d.capacity.outOfHoursProtocol = "no";
      },
      "no-out-of-hours-cover",
      "high",
      [
        { section: "organisation", questionId: "emergencyServices" },
        { section: "capacity", questionId: "coverHours" },
      ],
    ],
    [
      "posts and replies not kept as records (a council: medium; formal records duties make it high for agencies)",
      (d) => void (d.capacity.recordsCapture = "none"),
      "records-not-kept",
      "medium",
      [{ section: "capacity", questionId: "recordsCapture" }],
    ],
    [
      "posts and replies not kept as records by a state agency",
      (d) => {
        d.capacity.recordsCapture = "none";
        d.organisation.orgType = "state-agency";
      },
      "records-not-kept",
      "high",
      [{ section: "capacity", questionId: "recordsCapture" }],
    ],
    [
      "one person holding every account",
      (d) => void (d.capacity.accountAccess = "one-person"),
      "single-person-accounts",
      "high",
      [{ section: "capacity", questionId: "accountAccess" }],
    ],
    [
      "approvals slower than the response target",
      (d) => {
        d.capacity.approvalNeed = "most-replies";
        d.capacity.approvalTime = "same-day";
      },
      "slow-approvals",
      "medium",
      [
        { section: "capacity", questionId: "approvalNeed" },
        { section: "capacity", questionId: "approvalTime" },
      ],
    ],
    [
      "approvals far slower than the response target",
      (d) => {
        d.capacity.approvalNeed = "most-replies";
        d.capacity.approvalTime = "1-2-days";
      },
      "slow-approvals",
      "high",
      [{ section: "capacity", questionId: "targetResponse" }],
    ],
    [
      "listening only on its own pages",
      (d) => void (d.engagementModel.monitoringReach = "own-pages"),
      "listening-own-pages",
      "high",
      [{ section: "engagementModel", questionId: "monitoringReach" }],
    ],
    [
      "no executive sponsor and no review",
      (d) => {
        d.commitment.sponsor = "no";
        d.commitment.sponsorRole = undefined;
        d.commitment.reviewCadence = "none";
      },
      "no-sponsor",
      "medium",
      [
        { section: "commitment", questionId: "sponsor" },
        { section: "commitment", questionId: "reviewCadence" },
      ],
    ],
    [
      "no objectives set",
      (d) => {
        d.commitment.objectivesSet = "not-yet";
        d.commitment.objectives = [];
      },
      "measures-not-outcomes",
      "medium",
      [{ section: "commitment", questionId: "objectivesSet" }],
    ],
    [
      "objectives measured only by reach",
      (d) => {
        d.commitment.objectives = d.commitment.objectives.map((objective) => ({
          ...objective,
          measure: "Followers and reach of our posts",
        }));
      },
      "measures-not-outcomes",
      "medium",
      [{ section: "commitment", questionId: "objectives", objectiveId: "objective-tram" }],
    ],
    [
      "no governance at all on several accounts",
      (d) => void (d.engagementModel.governance = ["none"]),
      "no-governance-basics",
      "high",
      [{ section: "engagementModel", questionId: "governance" }],
    ],
    [
      "feedback that never reaches the people who decide",
      (d) => void (d.engagementModel.actingOnInsight = "rarely"),
      "insight-not-used",
      "high",
      [{ section: "engagementModel", questionId: "actingOnInsight" }],
    ],
    [
      "busy seasons far beyond the hours",
      (d) => {
        d.capacity.peaks = ["seasonal"];
        d.capacity.peakSize = "triple-or-more";
      },
      "peaks-beyond-capacity",
      "high",
      [{ section: "capacity", questionId: "peaks" }],
    ],
    [
      "weekly abuse with no support for staff",
      (d) => {
        d.capacity.staffSupport = ["none"];
        d.capacity.abuseFrequency = "weekly";
      },
      "no-staff-support",
      "high",
      [{ section: "capacity", questionId: "abuseFrequency" }],
    ],
    [
      "no agreed sign-off process",
      (d) => {
        d.capacity.approvalNeed = "not-defined";
        d.capacity.approvalTime = undefined;
      },
      "slow-approvals",
      "medium",
      [{ section: "capacity", questionId: "approvalNeed" }],
    ],
    [
      "no two-factor sign-in",
      (d) => void (d.capacity.twoFactor = "none"),
      "no-two-factor",
      "high",
      [{ section: "capacity", questionId: "twoFactor" }],
    ],
    [
      "no escalation path with contentious topics",
      (d) => void (d.capacity.escalationPath = "no"),
      "no-escalation-path",
      "high",
      [{ section: "capacity", questionId: "escalationPath" }],
    ],
    [
      "no support for staff facing a hostile group",
      (d) => {
        hostileAdvocates(d);
        d.capacity.staffSupport = ["none"];
      },
      "no-staff-support",
      "high",
      [{ section: "capacity", questionId: "staffSupport" }],
    ],
    [
      "no guidance on taking conversations offline",
      (d) => void (d.capacity.offlineGuidance = "no"),
      "no-offline-guidance",
      "medium",
      [{ section: "capacity", questionId: "offlineGuidance" }],
    ],
    [
      "no evergreen reserve before launching with a new group",
      (d) => {
        d.engagementModel.evergreenReserve = "none";
        d.engagementModel.levels[5] = { groupId: "media", current: "none", desired: "inform" };
      },
      "no-evergreen-reserve",
      "medium",
      [{ section: "engagementModel", questionId: "evergreenReserve" }],
    ],
    [
      "broadcasting only while wanting to involve",
      (d) => void (d.engagementModel.replyPractice = "broadcast-only"),
      "broadcast-only",
      "high",
      [
        { section: "engagementModel", questionId: "replyPractice" },
        { section: "engagementModel", questionId: "levels", groupId: "residents" },
      ],
    ],
    [
      "wanting far more than it can sustain",
      (d) => {
        d.capacity.houseRules = "draft";
        d.engagementModel.levels[0] = { groupId: "residents", current: "consult", desired: "empower" };
      },
      "ambition-beyond-capacity",
      "high",
      [{ section: "engagementModel", questionId: "levels", groupId: "residents" }],
    ],
    [
      "a contentious project soon, with wary groups and no full escalation",
      (d) => void (d.capacity.escalationPath = "partly"),
      "contentious-project-hostile",
      "high",
      [{ section: "stakeholders", questionId: "projects", projectId: "project-tram" }],
    ],
  ])("%s", (_name, change, id, severity, triggers) => {
    const found = findRisk(withAnswers(STRONG, change), id);
    expect(found?.severity).toBe(severity);
    expect(found?.triggers).toEqual(expect.arrayContaining(triggers));
    expect(found?.explanation.length).toBeGreaterThan(40);
  });
});

describe("fixing the cause removes the risk", () => {
  it.each<[RiskId, (draft: AssessmentAnswers) => void]>([
    [
      "hostile-without-rules",
      (d) => {
        d.capacity.houseRules = "published";
        d.capacity.moderationModel = "post-moderation";
      },
    ],
    ["no-out-of-hours-cover", (d) => void (d.capacity.outOfHoursProtocol = "yes")],
    [
      "single-person-accounts",
      (d) => {
        d.capacity.accountAccess = "shared-managed";
        d.capacity.teamPeople = 2;
      },
    ],
    ["records-not-kept", (d) => void (d.capacity.recordsCapture = "automatic")],
    ["no-two-factor", (d) => void (d.capacity.twoFactor = "all")],
    ["listening-own-pages", (d) => void (d.engagementModel.monitoringReach = "systematic")],
    [
      "slow-approvals",
      (d) => {
        d.capacity.approvalNeed = "none";
        d.capacity.approvalTime = undefined;
      },
    ],
  ])("%s", (id, fix) => {
    expect(findRisk(RURAL_COUNCIL.answers, id)).toBeDefined();
    expect(findRisk(withAnswers(RURAL_COUNCIL.answers, fix), id)).toBeUndefined();
  });
});

describe("ordering", () => {
  it("lists risks most severe first", () => {
    const rank = { high: 3, medium: 2, low: 1 } as const;
    const severities = risksOf(RURAL_COUNCIL.answers).map((risk) => rank[risk.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
  });
});
