import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView, type ReportView } from "../../app/report/report-view";
import { scoreAssessment } from "../../scoring/score-assessment";
import type { ExampleOrganisation } from "../fixtures/example-organisations";

/**
 * An example organisation's report view as the PDF tests and benchmarks render it: a fixed date
 * and questionnaire version, so renders compare byte for byte, and a read-only link's address.
 */
export function exampleReportView(
  example: ExampleOrganisation,
  reportUrl: string | null = "https://example.org/r/TOKEN",
): ReportView {
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: "2026-11",
    assessedOn: "2026-11-21",
  });
  return buildReportView(report, storedAnswersFrom(example.answers), {
    completedBy: "Aroha Ngata, Director of Communications",
    reportUrl,
  });
}
