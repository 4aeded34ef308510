import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../scoring/score-assessment";
import { EXAMPLE_ORGANISATIONS } from "../../test/fixtures/example-organisations";
import { wizardAnswersArb } from "../../test/fixtures/wizard-answers";
import { formatDate, rangeText } from "../components/report/report-parts";
import { storedAnswersFrom } from "../questionnaire/stored-answers";
import { chartGeometry, DEFAULT_CHART_OPTIONS } from "./chart-geometry";
import { resolveAnswerRefs } from "./answer-refs";
import { buildReportView } from "./report-view";

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

describe("report formatting helpers", () => {
  it("writes dates the British way, whatever the time zone", () => {
    expect(formatDate("2026-11-21")).toBe("21 November 2026");
    expect(formatDate("2027-01-01T23:30:00.000Z")).toBe("1 January 2027");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("writes ranges with their likely value, or one figure when there is no spread", () => {
    expect(rangeText({ low: 12, likely: 18, high: 30 })).toBe("12 to 30 (likely 18)");
    expect(rangeText({ low: 5, likely: 5, high: 5 }, "hours")).toBe("5 hours");
    expect(rangeText({ low: 13, likely: 33, high: 213 }, "%")).toBe("13% to 213% (likely 33%)");
    expect(rangeText({ low: 1.25, likely: 2.5, high: 3.75 }, "people")).toBe("1.3 to 3.8 people (likely 2.5)");
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
