import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../scoring/score-assessment";
import { EXAMPLE_ORGANISATIONS, RURAL_COUNCIL } from "../../test/fixtures/example-organisations";
import { storedAnswersFrom } from "../questionnaire/stored-answers";
import { buildReportView } from "../report/report-view";
import { answersData } from "./answers-export.server";
import { jsonSchemaText, SCHEMA_FILES } from "./json-schemas.server";
import { REPORT_DATA_VERSION, reportData, ReportDataSchema, reportJson } from "./report-data.server";

const META = {
  exportId: "era-0123456789abcdef0123",
  generatedAt: "2026-11-29T10:00:00.000Z",
  questionnaireVersion: "2026-12",
  organisationName: null,
  finishedOn: "2026-11-29",
  completedBy: "Aroha Ngata",
};

function sourceFor(example: (typeof EXAMPLE_ORGANISATIONS)[number]) {
  const answers = storedAnswersFrom(example.answers);
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: "2026-12",
    assessedOn: "2026-11-29",
  });
  const view = buildReportView(report, answers, { completedBy: "Aroha Ngata", reportUrl: "" });
  return { view, answers, meta: META };
}

describe("the report data", () => {
  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.key, example] as const))(
    "matches its schema and repeats the model's judgements for %s",
    (_key, example) => {
      const source = sourceFor(example);
      const { report } = source.view;
      const data = ReportDataSchema.parse(JSON.parse(reportJson(source)));
      expect(data.schemaVersion).toBe(REPORT_DATA_VERSION);
      expect(data.methodVersion).toBe(report.meta.methodVersion);
      expect(data.verdict.band).toBe(report.verdict.band);
      expect(data.verdict.overallScore).toBe(report.overall.score);
      expect(data.verdict.highestLevel).toBe(report.verdict.ceiling);
      expect(data.areas.map((area) => [area.id, area.score])).toEqual(
        report.dimensions.map((dimension) => [dimension.id, dimension.score]),
      );
      expect(data.groups.map((group) => [group.id, group.levelSustainable, group.levelNext])).toEqual(
        report.engagementGaps.map((gap) => [gap.groupId, gap.sustainable, gap.nextLevel]),
      );
      expect(data.risks.map((risk) => [risk.id, risk.severity])).toEqual(
        report.risks.map((risk) => [risk.id, risk.severity]),
      );
      expect(data.actions.map((action) => action.id)).toEqual(report.recommendations.map((rec) => rec.id));
      expect(data.capacity.status).toBe(report.capacity.finding.status);
      expect(data.capacity.extra.hoursPerWeek).toEqual(report.capacity.shortfall.extraHoursPerWeek);
    },
  );

  it("keys each piece of evidence as the answers export does", () => {
    const source = sourceFor(RURAL_COUNCIL);
    const data = reportData(source);
    const keys = new Set(
      answersData({ answers: source.answers, notAsked: [], meta: META }).sections.flatMap((section) =>
        section.questions.map((question) => question.key),
      ),
    );
    const evidence = [...data.risks, ...data.actions].flatMap((item) => item.evidence);
    expect(evidence.length).toBeGreaterThan(20);
    for (const item of evidence) {
      expect(keys.has(item.questionKey.replace(/\[[^\]]*\]$/, "")), item.questionKey).toBe(true);
    }
  });

  it("never carries the report page's address", () => {
    const source = sourceFor(RURAL_COUNCIL);
    const withAddress = { ...source, view: { ...source.view, reportUrl: "https://example.org/a/SECRET-TOKEN/report" } };
    expect(reportJson(withAddress)).not.toContain("SECRET-TOKEN");
  });
});

describe("the JSON Schema files", () => {
  it.each(Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[])(
    "%s is checked in as generated from the zod schema (run `npm run schemas`)",
    (file) => {
      expect(readFileSync(file, "utf8")).toBe(jsonSchemaText(file));
    },
  );
});
