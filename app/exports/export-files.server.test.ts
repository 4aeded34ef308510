import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../scoring/score-assessment";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL, UNCERTAIN_NON_PROFIT } from "../../test/fixtures/example-organisations";
import { storedAnswersFrom } from "../questionnaire/stored-answers";
import { buildReportView } from "../report/report-view";
import { EXPORT_DOWNLOADS } from "./download-name";
import { answersCsvFile, answersJsonFile, reportDocxFile, reportJsonFile } from "./export-files.server";
import type { ExportSource } from "./export-source.server";

function sourceFor(example: typeof RURAL_COUNCIL): ExportSource {
  const answers = storedAnswersFrom(example.answers);
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: "2026-12",
    assessedOn: "2026-11-29",
  });
  return {
    answers,
    notAsked: [],
    view: buildReportView(report, answers, { completedBy: null, reportUrl: "" }),
    meta: {
      exportId: "era-0123456789abcdef0123",
      generatedAt: "2026-11-29T10:00:00.000Z",
      questionnaireVersion: "2026-12",
      organisationName: example.answers.organisation.orgName,
      finishedOn: "2026-11-29",
      completedBy: null,
    },
  };
}

describe("the sizes the report page gives for each download", () => {
  it.each(
    [RURAL_COUNCIL, METROPOLITAN_COUNCIL, UNCERTAIN_NON_PROFIT].map((example) => [example.key, example] as const),
  )(
    "hold for %s",
    async (_key, example) => {
      const source = sourceFor(example);
      const files = [
        await reportDocxFile(source),
        answersCsvFile(source),
        answersJsonFile(source),
        reportJsonFile(source),
      ];
      for (const file of files) {
        if (!file) throw new Error("no file");
        const hint = EXPORT_DOWNLOADS.find((download) => download.kind === file.kind);
        const kb = file.body.byteLength / 1024;
        expect(kb, file.kind).toBeGreaterThanOrEqual(hint?.sizeKb.min ?? Infinity);
        expect(kb, file.kind).toBeLessThanOrEqual(hint?.sizeKb.max ?? 0);
      }
    },
    60_000,
  );

  it("gives no report files before there is a report, but always the answers", async () => {
    const source = { ...sourceFor(RURAL_COUNCIL), view: null };
    expect(await reportDocxFile(source)).toBeNull();
    expect(reportJsonFile(source)).toBeNull();
    expect(answersCsvFile(source).fileName).toBe("Answers - Pūriri Valley District Council - 2026-11-29.csv");
  });
});
