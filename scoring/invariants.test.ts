/**
 * What a consultant would hold true of any report, whoever it is for: one judgement, read the
 * same way in every section. Each invariant is checked over thousands of generated assessments
 * (fast-check), so the report cannot contradict itself for an organisation no one has seen.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArb } from "../test/fixtures/answer-arbitraries";
import { containsPhrase, generatedText } from "../test/support/report-text";
import type { AssessmentAnswers } from "./answers";
import { levelRank } from "./levels";
import type { ReadinessReport } from "./report-model";
import { scoreAssessment } from "./score-assessment";
import { bandRank, levelForBand } from "./verdict";

const RUNS = 2000;
/** Thousands of reports per invariant take minutes on a busy two-core machine. */
const TIMEOUT = 240_000;

function score(answers: AssessmentAnswers): ReadinessReport {
  return scoreAssessment({ answers, questionnaireVersion: "2026-12", assessedOn: "2026-11-30" });
}

/**
 * Runs `check` on many generated assessments; a failure names the invariant and the answers.
 * NOTE: asynchronous, yielding after each assessment, so a long run never blocks the test
 * worker's messages to vitest (which otherwise time out on a slow machine).
 */
function holds(check: (report: ReadinessReport, answers: AssessmentAnswers) => void, runs = RUNS): Promise<void> {
  return fc.assert(
    fc.asyncProperty(answersArb, async (answers) => {
      await new Promise((resolve) => setImmediate(resolve));
      check(score(answers), answers);
    }),
    { numRuns: runs },
  );
}

describe("one judgement: the verdict's ceiling binds every section", () => {
  it(
    "no group is kept, stepped up or planned above the verdict's ceiling",
    () => {
      return holds((report) => {
        const ceiling = levelRank(report.verdict.ceiling);
        expect(ceiling).toBeLessThanOrEqual(levelRank(levelForBand(report.verdict.band)));
        for (const gap of report.engagementGaps) {
          expect(levelRank(gap.sustainable)).toBeLessThanOrEqual(ceiling);
          expect(levelRank(gap.nextLevel)).toBeLessThanOrEqual(ceiling);
          expect(levelRank(gap.sustainable)).toBeLessThanOrEqual(levelRank(gap.desired));
        }
        for (const recommendation of report.recommendations) {
          for (const advice of recommendation.levels) expect(levelRank(advice.level)).toBeLessThanOrEqual(ceiling);
        }
        for (const plan of report.strategy.groupPlans) expect(levelRank(plan.levelNext)).toBeLessThanOrEqual(ceiling);
        // An activity planned for a level names that level: "Plan one involve activity".
        for (const recommendation of report.recommendations) {
          const planned = /Plan one (consult|involve|collaborate|empower) activity/.exec(recommendation.firstStep)?.[1];
          if (planned) expect(levelRank(planned as "consult")).toBeLessThanOrEqual(ceiling);
        }
      });
    },
    TIMEOUT,
  );

  it(
    "a verdict below consulting invites no questions anywhere",
    () => {
      return holds((report) => {
        if (bandRank(report.verdict.band) > bandRank("inform-and-listen")) return;
        for (const gap of report.engagementGaps) expect(gap.sustainable).toBe("inform");
        expect(report.decision.ask).not.toMatch(/Approve consulting|Approve involving/);
        for (const recommendation of report.recommendations) expect(recommendation.id).not.toBe("rec-gap-step-up");
      });
    },
    TIMEOUT,
  );

  it(
    "the capacity finding is the one every section reads",
    () => {
      return holds((report) => {
        const { capacity } = report;
        expect(capacity.summary).toContain(capacity.finding.headline);
        const status = capacity.finding.status;
        if (status === "hours-unknown" || status === "no-hours" || status === "short") {
          expect(capacity.twoWaySustainable).toBe(false);
          expect(report.verdict.ceiling).toBe("inform");
        }
        if (status === "comfortable")
          expect(report.risks.map((risk) => risk.id)).not.toContain("unanswerable-questions");
        const capacityRisk = report.risks.find((risk) => risk.id === "unanswerable-questions");
        if (status === "slow") expect(capacityRisk === undefined || /slower/.test(capacityRisk.title)).toBe(true);
        if (capacity.response.meetsTarget) expect(capacity.response.causes).toEqual([]);
      });
    },
    TIMEOUT,
  );
});

describe("evidence before model", () => {
  it(
    "when replies would take longer than the target, more hours are asked for or another cause is named",
    () => {
      return holds((report) => {
        const { response, shortfall, finding } = report.capacity;
        if (response.meetsTarget || response.achievableHours === null) return;
        expect(response.causes.length).toBeGreaterThan(0);
        const extra = shortfall.extraHoursPerWeek;
        const hoursCause = response.causes.includes("too-few-hours") || response.causes.includes("thin-hours");
        // Hours spread too thinly is a cause of its own: the fix is to look more often, not to add hours.
        const otherCause =
          response.causes.includes("sign-off") ||
          response.causes.includes("handling") ||
          (response.causes.includes("thin-hours") && /spread/.test(shortfall.note));
        // Either hours are asked for (or cannot be sized yet), or a cause other than hours is named.
        expect((extra !== null && extra.likely > 0) || !shortfall.estimable || otherCause).toBe(true);
        if (extra !== null && extra.likely <= 0 && hoursCause && !otherCause) {
          // Thin hours can be fixed by spreading them, which the note must say.
          expect(shortfall.note).toMatch(/spread|sign-off|handled/);
        }
        expect(finding.status === "slow" || finding.status === "short" || finding.status === "stretched").toBe(true);
      });
    },
    TIMEOUT,
  );

  it(
    "never turns a stated reply time into something slower without saying why, and never claims faster",
    () => {
      return holds((report) => {
        const { response } = report.capacity;
        if (response.statedHours === null || response.achievableHours === null) return;
        expect(response.achievableHours.likely).toBeGreaterThanOrEqual(response.statedHours);
        // The model only adds what the extra questions would add: a long projected time is either
        // the time for the questions taken on first, or reconciled in words.
        if (response.achievableHours.likely > 2 * response.statedHours && response.scope === "all") {
          expect(response.reconciliation ?? report.capacity.summary).not.toBe("");
        }
      });
    },
    TIMEOUT,
  );

  it(
    "estimates carry two significant figures, and a range too wide to plan on is not given as a figure",
    () => {
      return holds((report, answers) => {
        const { demand, shortfall, supply } = report.capacity;
        const figures = [
          demand.expectedWeekly,
          demand.questionsWeekly,
          ...(demand.peakWeekly ? [demand.peakWeekly] : []),
          ...(shortfall.extraHoursPerWeek ? [shortfall.extraHoursPerWeek] : []),
          ...(shortfall.extraFte ? [shortfall.extraFte] : []),
        ].flatMap((range) => [range.low, range.likely, range.high]);
        if (supply.weeklyReplyCapacity !== null) figures.push(supply.weeklyReplyCapacity);
        for (const value of figures) expect(Number(value.toPrecision(2)), String(value)).toBe(value);
        if (shortfall.estimable && shortfall.extraHoursPerWeek) {
          const { low, high } = shortfall.extraHoursPerWeek;
          const hours = supply.teamHoursPerWeek ?? 0;
          expect(high <= 4 * Math.max(low, 1e-9) || high - low <= Math.max(8, 0.5 * hours) * 1.05).toBe(true);
        }
        if (!shortfall.estimable) {
          expect(shortfall.extraHoursPerWeek).toBeNull();
          expect(shortfall.findOut).not.toBeNull();
        }
        // No long decimals in the wording, and never "more than 10 working weeks" anywhere.
        for (const { path, text } of generatedText(report, answers)) {
          expect(text, path).not.toMatch(/\d{2,}\.\d/);
          expect(text, path).not.toMatch(/more than 10 working weeks/);
        }
      }, 600);
    },
    TIMEOUT,
  );

  it(
    "hours or people not known are never read as zero",
    () => {
      return holds((report, answers) => {
        if (answers.capacity.teamHoursPerWeek !== "unknown") return;
        expect(report.capacity.finding.status).toBe("hours-unknown");
        expect(report.capacity.supply.weeklyReplyCapacity).toBeNull();
        expect(report.capacity.summary).not.toMatch(/No one has time set aside/);
        expect(report.strategy.responsePlan.publishedResponseTime).toMatch(/Do not publish a reply time/);
        expect(report.thingsToFindOut.map((item) => item.id)).toContain("team-hours");
      });
    },
    TIMEOUT,
  );
});

describe("risks say what the answers say", () => {
  it(
    "every risk's title agrees with its evidence",
    () => {
      return holds((report, answers) => {
        const { capacity: c } = answers;
        const title = (id: string): string | undefined => report.risks.find((risk) => risk.id === id)?.title;
        const records = title("records-not-kept");
        if (records !== undefined) {
          if (c.recordsCapture === "manual") expect(records).toMatch(/by hand/);
          else expect(records).not.toMatch(/by hand/);
          if (c.recordsCapture === "unknown") expect(records).toMatch(/Not knowing/);
        }
        const twoFactor = title("no-two-factor");
        if (twoFactor !== undefined) {
          expect(/only some/.test(twoFactor)).toBe(c.twoFactor === "some");
          expect(/Not knowing/.test(twoFactor)).toBe(c.twoFactor === "unknown");
        }
        const access = title("single-person-accounts");
        if (access !== undefined && /One person holds/.test(access)) {
          expect(c.accountAccess === "one-person" || (typeof c.teamPeople === "number" && c.teamPeople <= 1)).toBe(
            true,
          );
        }
        const hostile = report.risks.find((risk) => risk.id === "hostile-without-rules");
        if (hostile !== undefined) {
          const hasHostile = answers.stakeholders.groups.some((group) => group.sentiment === "hostile");
          expect(hostile.title.startsWith("Hostile")).toBe(hasHostile);
          if (hostile.severity === "high") expect(hasHostile).toBe(true);
          expect(hostile.title).not.toMatch(/no house rules/.test(hostile.title) ? /published/ : /$^/);
          if (c.houseRules === "published" && ["pre-moderation", "post-moderation"].includes(c.moderationModel)) {
            throw new Error("rules and moderation in place, yet the risk was raised");
          }
        }
        const approvals = title("slow-approvals");
        if (approvals !== undefined && c.approvalNeed === "not-defined") expect(approvals).toMatch(/No agreed/);
        const measures = title("measures-not-outcomes");
        if (measures !== undefined && /No objectives/.test(measures)) expect(answers.commitment.objectives).toEqual([]);
      });
    },
    TIMEOUT,
  );

  it(
    "a group whose mood is not known never makes a risk high, and no one is told to stop hearing a group",
    () => {
      return holds((report, answers) => {
        const unknownOnly = answers.stakeholders.groups.every(
          (group) => group.sentiment === "unknown" || group.sentiment === "neutral" || group.sentiment === "supportive",
        );
        if (unknownOnly) {
          expect(report.risks.map((risk) => risk.id)).not.toContain("hostile-without-rules");
          expect(report.risks.map((risk) => risk.id)).not.toContain("contentious-project-hostile");
        }
        const text = JSON.stringify(report);
        expect(text).not.toMatch(/stop (asking|inviting|hearing|listening)/i);
        expect(text).not.toMatch(/treated as sceptical|as if they are sceptical/);
      });
    },
    TIMEOUT,
  );
});

describe("steps say when, and the roadmap agrees", () => {
  const TIMING = /\b(this week|today(?!'s)|tomorrow|immediately|right away|at once|next week)\b/i;

  it(
    "no step or title carries a date of its own; anything tied to day 90 sits in days 61 to 90",
    () => {
      return holds((report) => {
        for (const recommendation of report.recommendations) {
          expect(recommendation.firstStep).not.toMatch(TIMING);
          expect(recommendation.title).not.toMatch(TIMING);
          if (/day 90/.test(recommendation.firstStep)) expect(recommendation.phase).toBe(3);
        }
        const phases = report.recommendations.map((recommendation) => recommendation.phase);
        expect(phases).toEqual([...phases].sort((a, b) => a - b));
        expect(report.recommendations[0]?.id).toBe("rec-brief-leadership");
      });
    },
    TIMEOUT,
  );

  it(
    "the decision's first steps are the first steps of the roadmap",
    () => {
      return holds((report) => {
        const roadmap = report.strategy.roadmap
          .flatMap((phase) => phase.actions)
          .filter((action) => action.recommendationId !== "rec-brief-leadership");
        expect(report.decision.firstSteps).toEqual(roadmap.slice(0, 3));
      });
    },
    TIMEOUT,
  );
});

describe("promises match the hours and targets given", () => {
  it(
    "the hours published are the hours given, never more, and never more watching than the hours allow",
    () => {
      return holds((report, answers) => {
        const { cover } = report.capacity;
        const plan = report.strategy.responsePlan;
        const c = answers.capacity;
        if (cover.attention === "none") {
          expect(plan.monitoringHours).toMatch(/No one watches/);
          expect(report.strategy.houseRules.points[1]?.point).not.toMatch(/watched \(/);
        } else {
          expect(plan.monitoringHours).toContain(cover.when);
          expect(report.strategy.houseRules.points[1]?.point).toContain(cover.when);
        }
        const weekendsCovered =
          c.coverHours === "all-hours" ||
          (c.coverHours === "extended-hours" && (c.coverDays ?? "weekdays-some-weekends") !== "weekdays");
        if (!weekendsCovered) expect(cover.when).not.toMatch(/weekend|every day/);
        if (c.coverHours !== "all-hours" && c.coverDays !== "every-day") expect(cover.when).not.toMatch(/every day/);
        if (/^We watch/.test(plan.monitoringHours)) expect(cover.attention).toBe("watched");
        if (c.coverHours === "extended-hours" && c.coverFrom && c.coverTo) {
          const from = c.coverFrom.replace(/^0/, "");
          expect(cover.when).toContain(from);
        }
      });
    },
    TIMEOUT,
  );

  it(
    "no reply time is promised faster than can be achieved, and the target is published only when it is met",
    () => {
      return holds((report) => {
        const { response } = report.capacity;
        const plan = report.strategy.responsePlan;
        if (response.promiseHours !== null && response.achievableHours !== null) {
          expect(response.promiseHours * 1.1).toBeGreaterThanOrEqual(response.achievableHours.likely);
        }
        if (!response.meetsTarget && response.promiseLabel !== null) {
          expect(plan.publishedResponseTime).toContain(response.promiseLabel);
        }
        for (const row of plan.matrix) {
          if (row.achievableLabel === "not known") continue;
          expect(row.targetHours).toBeGreaterThanOrEqual(row.achievableHours);
        }
        const safety = plan.matrix.find((row) => row.id === "safety");
        const interval = report.capacity.cover.checkIntervalHours;
        if (safety && /within 1 hour/.test(safety.targetLabel)) expect(interval === null || interval <= 1).toBe(true);
      });
    },
    TIMEOUT,
  );

  it(
    "no measure is built from a figure the report calls unrealistic",
    () => {
      return holds((report) => {
        const { response } = report.capacity;
        const measures = [
          ...report.strategy.measures.operational,
          ...report.strategy.objectives.map((objective) => objective.measure ?? ""),
          ...report.strategy.objectives.map((objective) => objective.objective),
        ];
        for (const measure of measures) {
          const within = /within ((?:\d+ )?[a-z0-9 ]*?(?:hour|day|week)s?)\b/.exec(measure)?.[1];
          if (within && !/two working days|the time you publish/.test(measure)) {
            expect(response.promiseLabel, measure).not.toBeNull();
          }
        }
        if (response.promiseLabel === null) {
          expect(report.strategy.measures.operational[0]).toBe(
            "Questions received each week, and how many were answered",
          );
        }
      });
    },
    TIMEOUT,
  );
});

/** Words only a council's report should use, unless the organisation typed them itself. */
const COUNCIL_ONLY = [
  "bin",
  "bins",
  "pothole",
  "potholes",
  "councillor",
  "councillors",
  "rates bill",
  "local stories",
  "front counter",
];
/** Roles a small organisation is unlikely to have. */
const LARGE_ONLY = [
  "director of communications",
  "head of communications",
  "with HR",
  "records manager",
  "IT security team",
  "the legal team",
];

describe("fitted to the organisation", () => {
  it(
    "names no role, service or example that does not fit the organisation's type, size and answers",
    () => {
      return holds((report, answers) => {
        const type = answers.organisation.orgType;
        const small = answers.organisation.staffCount < 200;
        const emergency =
          answers.organisation.emergencyServices.some((service) => service !== "none") ||
          answers.stakeholders.purposes.includes("emergency");
        // Words the organisation's own answers make fitting: bins for one that named waste.
        const council = COUNCIL_ONLY.filter(
          (word) => !(/^bins?$/.test(word) && answers.organisation.contentiousTopics.includes("waste")),
        );
        const hasPlan = ["yes", "partly"].includes(answers.capacity.outOfHoursProtocol);
        const words = [
          ...(type === "council" ? [] : council),
          ...(small ? LARGE_ONLY : []),
          ...(emergency ? [] : ["emergency management", "incident manager", ...(hasPlan ? [] : ["on-call plan"])]),
        ];
        const found = generatedText(report, answers).flatMap(({ path, text }) =>
          words.filter((word) => containsPhrase(text, word)).map((word) => `${word} in ${path}: ${text}`),
        );
        expect(found).toEqual([]);
      }, 1000);
    },
    TIMEOUT,
  );
});
