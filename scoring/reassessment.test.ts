import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArb, assessedOnArb } from "../test/fixtures/answer-arbitraries";
import { withAnswers } from "../test/fixtures/answer-builders";
import { ruralCouncilReassessment } from "../test/fixtures/reassessment-pairs";
import {
  EXAMPLE_ORGANISATIONS,
  METROPOLITAN_COUNCIL,
  NEWCOMER_NON_PROFIT,
  RURAL_COUNCIL,
  SMALL_SHIRE,
  type ExampleOrganisation,
} from "../test/fixtures/example-organisations";
import type { AssessmentAnswers } from "./answers";
import { addDays, isoDateToDays, monthsBetween } from "./dates";
import {
  buildTrend,
  compareReports,
  MEANINGFUL_AREA_CHANGE,
  normaliseGroupName,
  timeBetween,
  type ReassessmentComparison,
} from "./reassessment";
import type { ReadinessReport } from "./report-model";
import { scoreAssessment } from "./score-assessment";

const RUNS = 150;

function score(answers: AssessmentAnswers, assessedOn: string): ReadinessReport {
  return scoreAssessment({ answers, questionnaireVersion: "2026-12", assessedOn });
}

function reportOf(example: ExampleOrganisation, assessedOn = example.assessedOn): ReadinessReport {
  return score(example.answers, assessedOn);
}

/** Two generated assessments (often different organisations) with their dates. */
const pairArb = fc.record({
  first: answersArb,
  second: answersArb,
  firstOn: assessedOnArb,
  secondOn: assessedOnArb,
});

/** Runs `check` on many pairs of reports of generated assessments. */
function forPairs(check: (first: ReadinessReport, second: ReadinessReport) => void): void {
  fc.assert(
    fc.property(pairArb, ({ first, second, firstOn, secondOn }) => {
      check(score(first, firstOn), score(second, secondOn));
    }),
    { numRuns: RUNS },
  );
}

function ids<T extends { id: string }>(items: readonly T[]): string[] {
  return items.map((item) => item.id).sort();
}

function expectMirrors(forward: ReassessmentComparison, backward: ReassessmentComparison): void {
  expect(backward.timeBetween.days).toBe(-forward.timeBetween.days || 0);
  expect(backward.timeBetween.phrase).toBe(forward.timeBetween.phrase);
  expect(ids(backward.risks.resolved)).toEqual(ids(forward.risks.new));
  expect(ids(backward.risks.new)).toEqual(ids(forward.risks.resolved));
  expect(ids(backward.risks.continuing)).toEqual(ids(forward.risks.continuing));
  for (const risk of forward.risks.continuing) {
    const mirror = backward.risks.continuing.find((candidate) => candidate.id === risk.id);
    expect(mirror?.severityThen).toBe(risk.severityNow);
    expect(mirror?.severityNow).toBe(risk.severityThen);
    expect(mirror?.change).toBe(risk.change === "worse" ? "better" : risk.change === "better" ? "worse" : "same");
  }
  expect(backward.overall.change).toBe(-forward.overall.change || 0);
  expect(backward.overall.meaningful).toBe(forward.overall.meaningful);
  const flip = { up: "down", down: "up", same: "same", "not-compared": "not-compared" } as const;
  expect(backward.overall.direction).toBe(flip[forward.overall.direction]);
  expect(backward.areas.map((area) => area.id)).toEqual(forward.areas.map((area) => area.id));
  forward.areas.forEach((area, index) => {
    const mirror = backward.areas[index];
    expect(mirror?.then).toBe(area.now);
    expect(mirror?.now).toBe(area.then);
    expect(mirror?.change).toBe(area.change === null ? null : -area.change || 0);
    expect(mirror?.meaningful).toBe(area.meaningful);
    expect(mirror?.direction).toBe(flip[area.direction]);
  });
  const verdictFlip = { rose: "fell", fell: "rose", held: "held" } as const;
  expect(backward.verdict.direction).toBe(verdictFlip[forward.verdict.direction]);
  expect([backward.verdict.then, backward.verdict.now]).toEqual([forward.verdict.now, forward.verdict.then]);
  const pairs = (comparison: ReassessmentComparison, swap: boolean) =>
    comparison.groups.matched
      .map((group) => {
        const levels = [group.current, group.desired, group.sustainable].map((level) =>
          swap ? [level.now, level.then] : [level.then, level.now],
        );
        return JSON.stringify(
          swap ? [group.groupId, group.earlierGroupId, levels] : [group.earlierGroupId, group.groupId, levels],
        );
      })
      .sort();
  expect(pairs(backward, true)).toEqual(pairs(forward, false));
  expect(backward.groups.added.map((group) => group.groupId).sort()).toEqual(
    forward.groups.dropped.map((group) => group.groupId).sort(),
  );
  expect(backward.groups.dropped.map((group) => group.groupId).sort()).toEqual(
    forward.groups.added.map((group) => group.groupId).sort(),
  );
}

describe("properties of any comparison", () => {
  it("a report compared with itself shows no change, no resolved or new risk, and every step still to do", () => {
    fc.assert(
      fc.property(answersArb, assessedOnArb, (answers, assessedOn) => {
        const report = score(answers, assessedOn);
        const comparison = compareReports(report, report);
        expect(comparison.timeBetween).toEqual({ days: 0, months: 0, phrase: "the same day" });
        expect(comparison.verdict.direction).toBe("held");
        expect(comparison.overall.change).toBe(0);
        for (const area of comparison.areas) {
          expect(area.change).toBe(0);
          expect(area.meaningful).toBe(false);
          expect(area.direction).toBe("same");
        }
        expect(comparison.risks.resolved).toEqual([]);
        expect(comparison.risks.new).toEqual([]);
        expect(comparison.risks.continuing.every((risk) => risk.change === "same")).toBe(true);
        expect(comparison.groups.added).toEqual([]);
        expect(comparison.groups.dropped).toEqual([]);
        for (const group of comparison.groups.matched) {
          expect(group.matchedBy).toBe("id");
          for (const level of [group.current, group.desired, group.sustainable]) expect(level.direction).toBe("same");
        }
        expect(comparison.steps.length).toBeGreaterThan(0);
        expect(comparison.steps.every((step) => step.status === "still-to-do")).toBe(true);
        expect(comparison.method.note).toBeNull();
        expect(comparison.summary.worsened).toBe("Nothing got meaningfully worse.");
      }),
      { numRuns: RUNS },
    );
  });

  it("compare(a, b) and compare(b, a) are mirror images", () => {
    forPairs((a, b) => {
      expectMirrors(compareReports(a, b), compareReports(b, a));
    });
  });

  it("puts every earlier risk in exactly one of resolved and continuing, and every later one in new or continuing", () => {
    forPairs((earlier, later) => {
      const { risks } = compareReports(earlier, later);
      const resolved = new Set(risks.resolved.map((risk) => risk.id));
      const added = new Set(risks.new.map((risk) => risk.id));
      const continuing = new Set(risks.continuing.map((risk) => risk.id));
      expect(risks.resolved.length + risks.continuing.length).toBe(earlier.risks.length);
      expect(risks.new.length + risks.continuing.length).toBe(later.risks.length);
      for (const risk of earlier.risks) expect(Number(resolved.has(risk.id)) + Number(continuing.has(risk.id))).toBe(1);
      for (const risk of later.risks) expect(Number(added.has(risk.id)) + Number(continuing.has(risk.id))).toBe(1);
    });
  });

  it("gives every step of the earlier plan one status, in the plan's order, and groups each once", () => {
    forPairs((earlier, later) => {
      const comparison = compareReports(earlier, later);
      const planned = earlier.strategy.roadmap.flatMap((phase) => phase.actions.map((a) => a.recommendationId));
      expect(comparison.steps.map((step) => step.recommendationId)).toEqual(planned);
      const counted = Object.values(comparison.stepCounts).reduce((sum, count) => sum + count, 0);
      expect(counted).toBe(planned.length);
      for (const step of comparison.steps) expect(step.reason).toMatch(/^[A-Z].*\.$/);
      // A step for a risk is done exactly when the risk is resolved.
      for (const step of comparison.steps.filter((s) => s.recommendationId.startsWith("rec-"))) {
        const riskId = step.recommendationId.slice(4);
        if (!earlier.risks.some((risk) => risk.id === riskId)) continue;
        const resolved = comparison.risks.resolved.some((risk) => risk.id === riskId);
        expect(step.status).toBe(resolved ? "done" : "still-to-do");
      }
      const matched = comparison.groups.matched;
      expect(matched.length + comparison.groups.dropped.length).toBe(earlier.engagementGaps.length);
      expect(matched.length + comparison.groups.added.length).toBe(later.engagementGaps.length);
      expect(new Set(matched.map((group) => group.earlierGroupId)).size).toBe(matched.length);
      expect(new Set(matched.map((group) => group.groupId)).size).toBe(matched.length);
    });
  });

  it("orders the trend by date with one point per report and one value per point in every series", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(answersArb, assessedOnArb), { minLength: 3, maxLength: 5 }), (assessments) => {
        const reports = assessments.map(([answers, on]) => score(answers, on));
        const trend = buildTrend(reports);
        expect(trend.points).toHaveLength(reports.length);
        const days = trend.points.map((point) => isoDateToDays(point.assessedOn));
        expect(days).toEqual([...days].sort((a, b) => a - b));
        expect(trend.points.map((point) => point.assessedOn).sort()).toEqual(
          reports.map((report) => report.meta.assessedOn).sort(),
        );
        for (const series of trend.series) expect(series.values).toHaveLength(reports.length);
        expect(trend.series[0]?.values).toEqual(trend.points.map((point) => point.overall));
        expect(trend.span.days).toBe((days[days.length - 1] ?? 0) - (days[0] ?? 0));
      }),
      { numRuns: 25 },
    );
  });
});

describe("the time between two assessments", () => {
  it.each([
    ["2026-11-16", "2026-11-16", 0, "the same day"],
    ["2026-11-16", "2026-11-17", 1, "1 day"],
    ["2026-11-16", "2026-11-26", 10, "10 days"],
    ["2026-11-01", "2026-11-22", 21, "3 weeks"],
    ["2026-04-16", "2026-11-16", 214, "7 months"],
    ["2026-04-16", "2026-11-30", 228, "7 months"],
    ["2026-04-16", "2026-12-01", 229, "8 months"],
    ["2025-11-16", "2026-11-16", 365, "1 year"],
    ["2025-09-10", "2026-11-16", 432, "1 year and 2 months"],
    ["2024-01-31", "2026-02-28", 759, "2 years and 1 month"],
  ])("%s to %s: %i days, %s", (from, to, days, phrase) => {
    expect(timeBetween(from, to)).toMatchObject({ days, phrase });
    expect(timeBetween(to, from)).toMatchObject({ days: -days || 0, phrase });
  });

  it("counts months on the calendar, keeping the end of short months", () => {
    expect(monthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(monthsBetween("2026-11-16", "2026-04-16")).toBe(7);
  });
});

describe("matching groups", () => {
  it("treats names that differ only in case, accents, punctuation, a leading 'the' and '&' as the same", () => {
    expect(normaliseGroupName("The Ridge Landowners & Farmers")).toBe(
      normaliseGroupName("ridge landowners and farmers"),
    );
    expect(normaliseGroupName("Māori   landowners")).toBe(normaliseGroupName("maori landowners"));
    expect(normaliseGroupName("Residents")).not.toBe(normaliseGroupName("Ratepayers"));
  });

  it("matches a custom group re-entered with a new id by its name, and lists the rest as added or dropped", () => {
    const earlier = reportOf(RURAL_COUNCIL, "2026-04-16");
    const later = score(
      withAnswers(RURAL_COUNCIL.answers, (draft) => {
        const group = draft.stakeholders.groups.find((candidate) => candidate.id === "custom-ridge-landowners");
        if (!group) throw new Error("fixture changed");
        group.id = "custom-new-id";
        group.name = "The ridge landowners & farmers";
        for (const level of draft.engagementModel.levels)
          if (level.groupId === "custom-ridge-landowners") level.groupId = "custom-new-id";
        for (const project of draft.stakeholders.projects) {
          project.groupIds = project.groupIds.map((id) => (id === "custom-ridge-landowners" ? "custom-new-id" : id));
        }
        draft.stakeholders.groups = draft.stakeholders.groups.filter((candidate) => candidate.id !== "media");
        draft.engagementModel.levels = draft.engagementModel.levels.filter((level) => level.groupId !== "media");
      }),
      "2026-11-16",
    );
    const { groups } = compareReports(earlier, later);
    const renamed = groups.matched.find((group) => group.groupId === "custom-new-id");
    expect(renamed).toMatchObject({ earlierGroupId: "custom-ridge-landowners", matchedBy: "name" });
    expect(groups.dropped.map((group) => group.groupId)).toEqual(["media"]);
    expect(groups.added).toEqual([]);
  });
});

describe("pairs of the example organisations", () => {
  it("a struggling council against a mature one: the verdict rises, shared groups match by id, the rest are added or dropped", () => {
    const earlier = reportOf(RURAL_COUNCIL, "2026-01-12");
    const later = reportOf(METROPOLITAN_COUNCIL, "2026-11-16");
    const comparison = compareReports(earlier, later);
    expect(comparison.verdict).toMatchObject({ then: "not-ready", now: "involve", direction: "rose" });
    expect(comparison.overall.direction).toBe("up");
    const shared = ["residents", "advocacy-groups", "elected-members", "media"];
    expect(comparison.groups.matched.map((group) => group.groupId).sort()).toEqual([...shared].sort());
    expect(comparison.groups.dropped.map((group) => group.groupId)).toEqual(["custom-ridge-landowners"]);
    expect(comparison.groups.added.length).toBe(later.engagementGaps.length - shared.length);
    expect(comparison.summary.headline).toContain("the council's overall readiness rose from");
    expect(comparison.summary.headline).toContain("10 months");
  });

  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.key, example] as const))(
    "%s re-assessed with the same answers shows nothing to report but the time",
    (_key, example) => {
      const earlier = reportOf(example, example.assessedOn);
      const later = reportOf(example, addDays(example.assessedOn, 91));
      const comparison = compareReports(earlier, later);
      expect(comparison.timeBetween.phrase).toBe("3 months");
      expect(comparison.areas.every((area) => area.change === 0)).toBe(true);
      expect(comparison.risks.resolved).toEqual([]);
      expect(comparison.risks.new).toEqual([]);
      expect(comparison.steps.every((step) => step.status === "still-to-do")).toBe(true);
      expect(comparison.summary.improved).toBe("Nothing improved by enough to count.");
    },
  );

  it("says when the two reports were scored with different method versions", () => {
    const earlier = reportOf(SMALL_SHIRE, "2026-02-01");
    const original = reportOf(SMALL_SHIRE, "2026-11-01");
    const later = { ...original, meta: { ...original.meta, methodVersion: "3.0.0" } };
    const comparison = compareReports(earlier, later);
    expect(comparison.method.sameMethod).toBe(false);
    expect(comparison.method.note).toContain("different versions of the method (2.0.1 and 3.0.0)");
    expect(comparison.summary.caveat).toBe(comparison.method.note);
    const trend = buildTrend([earlier, original, later]);
    expect(trend.sameMethod).toBe(false);
    expect(trend.methodNote).toContain("2.0.1 and 3.0.0");
  });

  it("refuses a trend of fewer than three reports", () => {
    const report = reportOf(SMALL_SHIRE);
    expect(() => buildTrend([report, report])).toThrow(RangeError);
  });
});

describe("a real improvement: the rural council seven months on", () => {
  const { earlier, later, comparison } = ruralCouncilReassessment();

  it("shows the risks the house rules and escalation path fixed as resolved", () => {
    const resolved = comparison.risks.resolved.map((risk) => risk.id);
    expect(resolved).toEqual(
      expect.arrayContaining(["hostile-without-rules", "no-escalation-path", "no-offline-guidance"]),
    );
    expect(comparison.risks.new).toEqual([]);
    expect(comparison.risks.continuing.find((risk) => risk.id === "unanswerable-questions")?.change).toBe("better");
  });

  it("shows the right areas up, by more than the threshold, and the others the same", () => {
    const byId = Object.fromEntries(comparison.areas.map((area) => [area.id, area]));
    expect(byId.safeguards).toMatchObject({ direction: "up", meaningful: true });
    expect(byId.safeguards?.change).toBeGreaterThanOrEqual(MEANINGFUL_AREA_CHANGE);
    expect(byId.capacity).toMatchObject({ direction: "up", meaningful: true });
    for (const id of ["purpose", "listening", "sharing", "governance", "commitment"]) {
      expect(byId[id]?.direction, id).toBe("same");
    }
    expect(comparison.overall).toMatchObject({
      then: earlier.overall.score,
      now: later.overall.score,
      direction: "up",
    });
  });

  it("marks the steps whose risks are gone as done, a step for two groups as partly done, and the rest still to do", () => {
    const status = Object.fromEntries(comparison.steps.map((step) => [step.recommendationId, step.status]));
    expect(status["rec-hostile-without-rules"]).toBe("done");
    expect(status["rec-no-escalation-path"]).toBe("done");
    expect(status["rec-no-out-of-hours-cover"]).toBe("still-to-do");
    expect(status["rec-gap-start"]).toBe("partly-done");
    const start = comparison.steps.find((step) => step.recommendationId === "rec-gap-start");
    expect(start?.reason).toBe(
      "No longer needed for Ridge landowners and farmers; still needed for advocacy and campaign groups.",
    );
    expect(status["rec-brief-leadership"]).toBe("still-to-do");
  });

  it("sums it up in plain sentences for the council", () => {
    const { summary } = comparison;
    expect(summary.headline).toBe(
      `In the 7 months since the last assessment, the council's overall readiness rose from ${earlier.overall.score} to ${later.overall.score} out of 100. The verdict is unchanged: not ready to open two-way channels.`,
    );
    expect(summary.improved).toContain("House rules and safeguards rose by");
    expect(summary.improved).toContain('no longer found, including "Hostile groups, and no house rules"');
    expect(summary.worsened).toBe("Nothing got meaningfully worse.");
    expect(summary.next).toContain("Share what has changed with the council.");
    for (const sentence of Object.values(summary).filter((text): text is string => text !== null)) {
      expect(sentence).not.toMatch(/IAP2|Mendelow|Mergel|\bdimension\b/);
    }
  });
});

describe("an area's own step", () => {
  it("is done when the area is no longer weak, and still to do while it is", () => {
    const earlier = reportOf(NEWCOMER_NON_PROFIT);
    expect(earlier.recommendations.some((rec) => rec.id === "rec-dimension-people")).toBe(true);
    const trained = withAnswers(NEWCOMER_NON_PROFIT.answers, (draft) => {
      draft.capacity.training = "formal-recent";
      draft.capacity.staffSupport = ["debriefs", "counselling", "abuse-guidance", "block-and-report"];
      draft.engagementModel.replyPractice = "every-genuine-question";
    });
    const later = score(trained, addDays(NEWCOMER_NON_PROFIT.assessedOn, 120));
    const step = compareReports(earlier, later).steps.find((s) => s.recommendationId === "rec-dimension-people");
    const people = later.dimensions.find((dimension) => dimension.id === "people");
    expect(people?.score).toBeGreaterThanOrEqual(50);
    expect(step).toMatchObject({
      status: "done",
      reason: `People, skills and culture now scores ${people?.score} out of 100.`,
    });
    const same = compareReports(earlier, reportOf(NEWCOMER_NON_PROFIT, addDays(NEWCOMER_NON_PROFIT.assessedOn, 120)));
    expect(same.steps.find((s) => s.recommendationId === "rec-dimension-people")?.status).toBe("still-to-do");
  });
});
