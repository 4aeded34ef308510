import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArb, assessedOnArb, minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { ANSWER_STEPS } from "../test/fixtures/answer-orderings";
import { EXAMPLE_ORGANISATIONS } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers } from "./answers";
import { levelRank } from "./levels";
import type { ReadinessReport } from "./report-model";
import { scoreAssessment } from "./score-assessment";
import { bandRank } from "./verdict";

const RUNS = 150;

function score(answers: AssessmentAnswers, assessedOn = "2026-11-16"): ReadinessReport {
  return scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn });
}

/** Every number in the report, with its path. */
function numbersIn(value: unknown, path = "report"): { path: string; value: number }[] {
  if (typeof value === "number") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

/** Paths of any `undefined` values, which JSON would silently drop. */
function undefinedIn(value: unknown, path = "report"): string[] {
  if (value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => undefinedIn(item, `${path}[${index}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => undefinedIn(item, `${path}.${key}`));
  }
  return [];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const everyInput: [string, AssessmentAnswers][] = [
  ["all-optional-empty", minimalAnswers()],
  ...EXAMPLE_ORGANISATIONS.map((example): [string, AssessmentAnswers] => [example.key, example.answers]),
];

describe("bounds and finiteness", () => {
  it.each(everyInput)("keeps every score in 0-100 and every number finite: %s", (_name, answers) => {
    const report = score(answers);
    for (const { path, value } of numbersIn(report)) expect(Number.isFinite(value), path).toBe(true);
    expect(undefinedIn(report)).toEqual([]);
  });

  it("keeps every score in 0-100 and every number finite for any valid answers", () => {
    fc.assert(
      fc.property(answersArb, assessedOnArb, (answers, assessedOn) => {
        const report = score(answers, assessedOn);
        const bad = numbersIn(report).filter(({ value }) => !Number.isFinite(value));
        expect(bad).toEqual([]);
        expect(undefinedIn(report)).toEqual([]);
        expect(report.overall.score).toBeGreaterThanOrEqual(0);
        expect(report.overall.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(report.overall.score)).toBe(true);
        for (const dimension of report.dimensions) {
          expect(dimension.score).toBeGreaterThanOrEqual(0);
          expect(dimension.score).toBeLessThanOrEqual(100);
          expect(Number.isInteger(dimension.score)).toBe(true);
          for (const factor of dimension.factors) {
            expect(factor.points).toBeGreaterThanOrEqual(0);
            expect(factor.points).toBeLessThanOrEqual(factor.maxPoints);
          }
        }
        const { coverage, response } = report.capacity;
        if (coverage !== null) {
          expect(coverage.low).toBeLessThanOrEqual(coverage.likely);
          expect(coverage.likely).toBeLessThanOrEqual(coverage.high);
          expect(coverage.high).toBeLessThanOrEqual(10);
        } else {
          expect(answers.capacity.teamHoursPerWeek).toBe("unknown");
        }
        const achievable = response.achievableHours;
        if (achievable !== null) {
          expect(achievable.low).toBeLessThanOrEqual(achievable.likely);
          expect(achievable.likely).toBeLessThanOrEqual(achievable.high);
          expect(achievable.high).toBeLessThanOrEqual(400);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("determinism", () => {
  it("gives byte-identical JSON for the same input, and does not change the input", () => {
    fc.assert(
      fc.property(answersArb, assessedOnArb, (answers, assessedOn) => {
        const copy = structuredClone(answers);
        const first = JSON.stringify(score(deepFreeze(answers), assessedOn));
        const second = JSON.stringify(score(copy, assessedOn));
        expect(second).toBe(first);
        expect(copy).toEqual(answers);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("monotonicity: one answer one step better never lowers a score", () => {
  for (const step of ANSWER_STEPS) {
    it(step.name, () => {
      fc.assert(
        fc.property(answersArb, (answers) => {
          const better = step.improve(answers);
          if (better === null) return;
          const before = score(answers);
          const after = score(better);
          for (const dimension of before.dimensions) {
            const improved = after.dimensions.find((item) => item.id === dimension.id);
            expect(improved?.score, `${dimension.id}`).toBeGreaterThanOrEqual(dimension.score);
          }
          expect(after.overall.score).toBeGreaterThanOrEqual(before.overall.score);
          expect(bandRank(after.verdict.band)).toBeGreaterThanOrEqual(bandRank(before.verdict.band));
          for (const gap of before.engagementGaps) {
            const improved = after.engagementGaps.find((item) => item.groupId === gap.groupId);
            expect(levelRank(improved?.sustainable ?? "inform")).toBeGreaterThanOrEqual(levelRank(gap.sustainable));
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe("capacity", () => {
  it("adding staff hours never worsens the reply time or the coverage", () => {
    fc.assert(
      fc.property(answersArb, fc.double({ min: 0.1, max: 500, noNaN: true }), (answers, extra) => {
        const hours = answers.capacity.teamHoursPerWeek;
        if (hours === "unknown") return;
        const more: AssessmentAnswers = {
          ...answers,
          capacity: { ...answers.capacity, teamHoursPerWeek: Math.min(10000, hours + extra) },
        };
        const before = score(answers).capacity;
        const after = score(more).capacity;
        expect(after.priorityRepliesHours).toBeLessThanOrEqual(before.priorityRepliesHours);
        expect(after.coverage?.likely ?? 0).toBeGreaterThanOrEqual(before.coverage?.likely ?? 0);
        const was = before.response.achievableHours;
        const now = after.response.achievableHours;
        // NOTE: a scope that widens (only priority questions -> everything) may take longer.
        if (was !== null && now !== null && before.response.scope === after.response.scope) {
          expect(now.likely).toBeLessThanOrEqual(was.likely);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("engagement levels", () => {
  it("never sustains or recommends more than is wanted, or more than can be sustained", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const report = score(answers);
        for (const gap of report.engagementGaps) {
          expect(levelRank(gap.sustainable)).toBeLessThanOrEqual(levelRank(gap.desired));
          expect(levelRank(gap.nextLevel)).toBeLessThanOrEqual(levelRank(gap.sustainable));
          if (!report.capacity.twoWaySustainable) expect(gap.sustainable).toBe("inform");
        }
        for (const recommendation of report.recommendations) {
          for (const advice of recommendation.levels) {
            const gap = report.engagementGaps.find((item) => item.groupId === advice.groupId);
            expect(gap).toBeDefined();
            expect(levelRank(advice.level)).toBeLessThanOrEqual(levelRank(gap?.sustainable ?? "inform"));
            expect(levelRank(advice.level)).toBeLessThanOrEqual(levelRank(gap?.desired ?? "inform"));
          }
        }
        for (const plan of report.strategy.groupPlans) {
          expect(levelRank(plan.levelNext)).toBeLessThanOrEqual(levelRank(plan.levelSustainable));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("shape of the report", () => {
  it("always has twelve content weeks, three roadmap phases, a one-sentence verdict and traceable refs", () => {
    fc.assert(
      fc.property(answersArb, assessedOnArb, (answers, assessedOn) => {
        const report = score(answers, assessedOn);
        expect(report.strategy.contentPlan).toHaveLength(12);
        expect(report.strategy.contentPlan.map((week) => week.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        expect(report.strategy.roadmap.map((phase) => phase.phase)).toEqual([1, 2, 3]);
        const inRoadmap = report.strategy.roadmap.flatMap((phase) =>
          phase.actions.map((action) => action.recommendationId),
        );
        expect([...inRoadmap].sort()).toEqual(report.recommendations.map((item) => item.id).sort());
        expect(report.verdict.sentence.startsWith(answers.organisation.orgName.trim() || "The organisation")).toBe(
          true,
        );
        expect(report.verdict.sentence.endsWith(".")).toBe(true);
        expect(report.verdict.sentence).not.toMatch(/\n/);
        expect(bandRank(report.verdict.band)).toBeLessThanOrEqual(bandRank(report.verdict.indexBand));
        const groupIds = new Set(answers.stakeholders.groups.map((group) => group.id));
        const projectIds = new Set(answers.stakeholders.projects.map((project) => project.id));
        const objectiveIds = new Set(answers.commitment.objectives.map((objective) => objective.id));
        const refs = [
          ...report.dimensions.flatMap((dimension) => dimension.refs),
          ...report.risks.flatMap((risk) => risk.triggers),
          ...report.recommendations.flatMap((recommendation) => recommendation.refs),
          ...report.engagementGaps.flatMap((gap) => gap.refs),
          ...report.strategy.groupPlans.flatMap((plan) => plan.refs),
          ...report.strategy.contentPlan.flatMap((week) => week.refs),
        ];
        for (const item of refs) {
          expect(Object.keys(answers)).toContain(item.section);
          if (item.groupId !== undefined) expect(groupIds.has(item.groupId)).toBe(true);
          if (item.projectId !== undefined) expect(projectIds.has(item.projectId)).toBe(true);
          if (item.objectiveId !== undefined) expect(objectiveIds.has(item.objectiveId)).toBe(true);
        }
        for (const risk of report.risks) expect(risk.triggers.length).toBeGreaterThan(0);
        for (const week of report.strategy.contentPlan) expect(week.refs.length).toBeGreaterThan(0);
        for (const dimension of report.dimensions) {
          for (const item of dimension.factors) expect(item.refs.length).toBeGreaterThan(0);
        }
        for (const recommendation of report.recommendations) {
          expect(recommendation.priorityScore).toBeGreaterThanOrEqual(1);
          expect(recommendation.priorityScore).toBeLessThanOrEqual(11);
          expect(recommendation.firstStep.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
