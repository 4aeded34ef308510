import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../scoring/score-assessment";
import type { AssessmentAnswers } from "../../scoring/answers";
import type { ReadinessReport } from "../../scoring/report-model";
import {
  DEVELOPMENT_TRUST,
  EXAMPLE_ORGANISATIONS,
  REVENUE_OFFICE,
  RURAL_COUNCIL,
  SMALL_SHIRE,
  type ExampleOrganisation,
} from "../../test/fixtures/example-organisations";
import { wizardAnswersArb } from "../../test/fixtures/wizard-answers";
import { renderReportPage } from "../../test/support/report-markup";
import { formatDate } from "../components/report/report-parts";
import { storedAnswersFrom } from "../questionnaire/stored-answers";
import { chartGeometry, DEFAULT_CHART_OPTIONS } from "./chart-geometry";
import { resolveAnswerRefs } from "./answer-refs";
import { outlineHeadings, REPORT_SECTIONS } from "./report-sections";
import { buildReportView, type ReportView } from "./report-view";
import { coverageWords, decisionFor, rangeWords, severityCounts, stepValue } from "./report-wording";

function viewFor(answers: (typeof EXAMPLE_ORGANISATIONS)[number]["answers"]) {
  const report = scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
  return { report, stored: storedAnswersFrom(answers) };
}

describe("the answers behind the report", () => {
  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.name, example] as const))(
    "finds the question and answer for every reference in the report for %s",
    (_name, example) => {
      const { report, stored } = viewFor(example.answers);
      const refs = [
        ...report.risks.flatMap((risk) => risk.triggers),
        ...report.recommendations.flatMap((rec) => rec.refs),
        ...report.thingsToFindOut.flatMap((item) => item.refs),
        ...report.dimensions.flatMap((dimension) => dimension.factors.flatMap((factor) => factor.refs)),
      ];
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of refs) {
        const resolved = resolveAnswerRefs([ref], stored);
        expect(resolved.length, JSON.stringify(ref)).toBeGreaterThan(0);
        for (const answer of resolved) {
          expect(answer.label).not.toBe("");
          expect(answer.value).not.toBe("");
        }
      }
    },
  );

  it("words answers as the questions do, with the group they are about", () => {
    const example = EXAMPLE_ORGANISATIONS[0];
    if (!example) throw new Error("no example");
    const { stored } = viewFor(example.answers);
    const group = example.answers.stakeholders.groups[0];
    if (!group) throw new Error("no group");
    const [sentiment] = resolveAnswerRefs(
      [{ section: "stakeholders", questionId: "sentiment", groupId: group.id }],
      stored,
    );
    expect(sentiment?.label).toBe(`How they feel now (${group.name})`);
    const levels = resolveAnswerRefs([{ section: "engagementModel", questionId: "levels", groupId: group.id }], stored);
    expect(levels.map((answer) => answer.label)).toEqual([`Level now (${group.name})`, `Level wanted (${group.name})`]);
    expect(resolveAnswerRefs([{ section: "capacity", questionId: "noSuchQuestion" }], stored)).toEqual([]);
  });

  it("builds a view with evidence for every risk and an appendix of every section, for any assessment", () => {
    fc.assert(
      fc.property(wizardAnswersArb, (answers) => {
        const report = scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
        const view = buildReportView(report, storedAnswersFrom(answers), { completedBy: null, reportUrl: "u" });
        expect(Object.keys(view.riskEvidence).sort()).toEqual(report.risks.map((risk) => risk.id).sort());
        for (const risk of report.risks) expect(view.riskEvidence[risk.id]?.length).toBeGreaterThan(0);
        expect(view.appendix.sections.map((section) => section.id)).toEqual([
          "organisation",
          "stakeholders",
          "engagement-model",
          "capacity",
          "commitment",
        ]);
        expect(JSON.parse(JSON.stringify(view))).toEqual(view);
      }),
      { numRuns: 40 },
    );
  });
});

describe("report wording", () => {
  it("writes dates the British way, whatever the time zone", () => {
    expect(formatDate("2026-11-21")).toBe("21 November 2026");
    expect(formatDate("2027-01-01T23:30:00.000Z")).toBe("1 January 2027");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("writes ranges in words with their likely value first, as the model rounded them", () => {
    expect(rangeWords({ low: 12, likely: 18, high: 30 })).toBe("About 18 (between 12 and 30)");
    expect(rangeWords({ low: 5, likely: 5, high: 5 }, "hours a week")).toBe("About 5 hours a week");
    expect(rangeWords({ low: 2.3, likely: 3, high: 4.2 }, "full-time staff")).toBe(
      "About 3 full-time staff (between 2.3 and 4.2)",
    );
  });

  it("words coverage as a share, never as a percentage, and flags a likely figure the range undercuts", () => {
    expect(coverageWords({ low: 0.65, likely: 0.72, high: 0.77 })).toBe("Enough for about three quarters of them");
    expect(coverageWords({ low: 1.25, likely: 1.3, high: 1.4 })).toBe("Enough, with at least a fifth to spare");
    expect(coverageWords({ low: 8, likely: 10, high: 10 })).toBe("Enough, with twice what you need");
    expect(coverageWords({ low: 0.09, likely: 2.27, high: 10 })).toBe(
      "Enough, with twice what you need; but if questions reach the top of our range, enough for less than a tenth of them",
    );
  });

  it("counts risks without naming severities that have none, and words calculation steps", () => {
    expect(severityCounts({ high: 10, medium: 9, low: 0 })).toBe("10 high and 9 medium");
    expect(severityCounts({ high: 0, medium: 2, low: 1 })).toBe("2 medium and 1 low");
    expect(severityCounts({ high: 1, medium: 2, low: 3 })).toBe("1 high, 2 medium and 3 low");
    const step = { id: "s", label: "Share", note: "", refs: [] };
    expect(stepValue({ ...step, value: 0.4, unit: "share" })).toBe("40%");
    expect(stepValue({ ...step, value: 0, unit: "not known" })).toBe("Not known");
    expect(stepValue({ ...step, value: 1234.5, unit: "replies a week" })).toBe("1,234.5 replies a week");
  });
});

function exampleView(example: ExampleOrganisation, change?: (report: ReadinessReport) => ReadinessReport): ReportView {
  const answers: AssessmentAnswers = example.answers;
  const scored = scoreAssessment({ answers, questionnaireVersion: "2026-12", assessedOn: "2026-11-21" });
  return buildReportView(change ? change(scored) : scored, storedAnswersFrom(answers), {
    completedBy: null,
    reportUrl: "https://example.org/a/TOKEN/report",
  });
}

/**
 * Words a board should not meet before "How this was scored": scoring internals and framework
 * names.
 */
const INTERNALS = /\b(impact|urgency|priority score|IAP2|Mendelow|Mergel|Bretschneider|quadrants?|Spectrum)\b/i;

describe("the report page", () => {
  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.key, example] as const))(
    "%s: shows every section and sub-heading of the shared outline, in order, and nothing else",
    (_key, example) => {
      const view = exampleView(example);
      const page = renderReportPage(view);
      expect(page.headings).toEqual(outlineHeadings(view.report));
      expect(page.headings.filter((heading) => heading.level === 2).map((heading) => heading.title)).toEqual(
        REPORT_SECTIONS.map((section) => section.title),
      );
    },
  );

  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.key, example] as const))(
    "%s: keeps scoring internals out of the body, and shows no percentage above 100",
    (_key, example) => {
      const page = renderReportPage(exampleView(example));
      expect(page.bodyText).not.toMatch(INTERNALS);
      expect(page.bodyText).not.toContain("What counts");
      for (const match of page.text.matchAll(/(\d[\d,.]*)\s?%/g)) {
        expect(Number((match[1] ?? "").replace(/,/g, "")), match[0]).toBeLessThanOrEqual(100);
      }
      // The workings moved to the method section: the priority table and each area's points.
      expect(page.methodText).toContain("Impact");
      expect(page.methodText).toMatch(/What counts Points Your answer How it scores/);
    },
  );

  it("puts the decision for leadership right after the verdict, with the ask, approvals, people, money and first steps", () => {
    const view = exampleView(REVENUE_OFFICE);
    const { decision } = view.report;
    const page = renderReportPage(view);
    const sections = page.headings.filter((heading) => heading.level === 2).map((heading) => heading.title);
    expect(sections.slice(0, 3)).toEqual(["The verdict", "Decision for leadership", "Readiness by area"]);
    const decisionText = page.text.slice(
      page.text.indexOf("Decision for leadership"),
      page.text.indexOf("Readiness by area"),
    );
    expect(decisionText).toContain(decisionFor(decision.decisionMaker));
    expect(decisionText).toContain(decision.ask);
    for (const item of decision.approve) expect(decisionText).toContain(item);
    expect(decisionText).toContain(`People ${decision.people}`);
    expect(decisionText).toContain(`Money ${decision.money}`);
    expect(decision.firstSteps.length).toBeGreaterThan(0);
    for (const step of decision.firstSteps) {
      expect(decisionText).toContain(step.action);
      expect(decisionText).toContain(`Who: ${step.owner}`);
    }
    expect(decisionText).toMatch(/When: Days 1 to 30, by \d+ \w+ 20\d\d/);
    expect(page.html).toMatch(
      /<section class="app-report-section" aria-labelledby="decision">[\s\S]*class="app-decision"/,
    );
  });

  it("gives the extra staff's cost in the organisation's currency", () => {
    const view = exampleView(REVENUE_OFFICE);
    const cost = view.report.capacity.shortfall.cost;
    expect(cost?.currency).toBe("AUD");
    const page = renderReportPage(view);
    expect(page.bodyText).toMatch(
      /What the extra hours cost About A\$[\d,]+ a year \(between A\$[\d,]+ and A\$[\d,]+\)/,
    );
    expect(page.bodyText).toContain(`About ${cost?.label ?? "?"}`);
    expect(page.bodyText).toMatch(/Money About A\$[\d,]+ a year in staff time/);
  });

  it("says the capacity cannot be worked out when the team's hours are not known, and what to find out", () => {
    const view = exampleView(SMALL_SHIRE);
    const { capacity } = view.report;
    expect(capacity.finding.status).toBe("hours-unknown");
    const page = renderReportPage(view);
    expect(page.bodyText).toContain(capacity.finding.headline);
    expect(page.bodyText).toContain(
      "Replies your team can write in a week Cannot be worked out yet: you do not know how many hours your team spends on the channels.",
    );
    expect(page.bodyText).toContain("Is that enough? Cannot be said until you know how many hours your team spends.");
    expect(page.bodyText).toContain("Extra team hours a week Cannot be estimated yet");
    expect(page.bodyText).toContain(`What to find out ${capacity.shortfall.findOut ?? "?"}`);
    // The summary's own copy of the headline is not printed twice.
    expect(page.bodyText.split(capacity.finding.headline).length - 1).toBe(1);
  });

  it("says the extra hours cannot be estimated yet when the range is too wide, with the rough spread", () => {
    const view = exampleView(RURAL_COUNCIL);
    const { shortfall } = view.report.capacity;
    expect(shortfall.estimable).toBe(false);
    expect(shortfall.roughRange).not.toBeNull();
    const page = renderReportPage(view);
    expect(page.bodyText).toMatch(
      /Extra team hours a week Cannot be estimated yet: on what you told us, anything (from [\d.,]+ to|up to) [\d.,]+\./,
    );
    expect(page.bodyText).toContain(`What to find out ${shortfall.findOut ?? "?"}`);
    expect(page.bodyText).not.toContain("In full-time staff");
  });

  it("says when an objective has no measure, or one that counts reach rather than results", () => {
    const shire = renderReportPage(exampleView(SMALL_SHIRE));
    expect(shire.bodyText).toMatch(/Keep people up to date with shire news No measure set yet\./);
    const trust = exampleView(DEVELOPMENT_TRUST);
    expect(trust.report.strategy.objectives.some((objective) => objective.measureKind === "output")).toBe(true);
    expect(renderReportPage(trust).bodyText).toContain("This measure counts reach or activity, not results.");
  });

  it("says when the verdict, not the group, holds a group back, and groups risks that follow from the plan", () => {
    const view = exampleView(RURAL_COUNCIL, (report) => ({
      ...report,
      engagementGaps: report.engagementGaps.map((gap, index) => (index === 0 ? { ...gap, heldByVerdict: true } : gap)),
    }));
    const gap = view.report.engagementGaps[0];
    const page = renderReportPage(view);
    expect(page.headings).toContainEqual({ level: 3, title: "What holds each group back" });
    const holding = page.bodyText.slice(page.bodyText.indexOf("What holds each group back"));
    expect(holding).toMatch(
      new RegExp(
        `${gap?.groupName ?? "?"} Held at \\w+ by the verdict for the whole organisation, not by anything about this group\\.`,
      ),
    );
    expect(view.report.risks.some((risk) => risk.kind === "plan")).toBe(true);
    expect(page.headings).toContainEqual({ level: 3, title: "Risks in what you plan" });
  });
});

describe("the chart's geometry", () => {
  it("draws bars in proportion to the score, clamped to 0-100, one row each", () => {
    const geometry = chartGeometry([
      { id: "a", label: "A", score: 50 },
      { id: "b", label: "B", score: 140 },
      { id: "c", label: "C", score: Number.NaN },
    ]);
    const plot = DEFAULT_CHART_OPTIONS.width - DEFAULT_CHART_OPTIONS.labelWidth - DEFAULT_CHART_OPTIONS.valueWidth;
    expect(geometry.plotWidth).toBe(plot);
    expect(geometry.bars.map((bar) => bar.barWidth)).toEqual([plot / 2, plot, 0]);
    expect(geometry.bars.map((bar) => bar.rowY)).toEqual([0, 34, 68]);
    expect(geometry.ticks.map((tick) => tick.x)).toEqual([0, 0.25, 0.5, 0.75, 1].map((f) => geometry.plotX + f * plot));
    expect(geometry.height).toBe(3 * 34 + DEFAULT_CHART_OPTIONS.axisHeight);
  });
});
