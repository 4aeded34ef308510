import type { RespondentContext } from "../db/repositories/assessments";
import { scoreAssessment } from "../scoring/score-assessment";
import { loadAnswers } from "./questionnaire/answers.server";
import { collectAssessment, SECTIONS } from "./questionnaire/questionnaire";
import { buildReportView, type ReportView } from "./report/report-view";

export type LoadedReport =
  | { kind: "incomplete"; sections: { title: string; href: string | null }[] }
  | { kind: "ready"; view: ReportView; assessedOn: string };

export type ReportAudience = {
  /**
   * The accessible version the report (and so its PDF) names: a read-only link's address, or
   * null for none. Never the private link: anyone who has that can change the answers.
   */
  accessibleVersionUrl: string | null;
  /** Where an unfinished section can be finished: only the owner gets links into the questions. */
  sectionHref: ((sectionId: string) => string) | null;
};

export function reportPath(token: string): string {
  return `/a/${token}/report`;
}

/** The full report's PDF (`report.pdf`) or the board summary's (`summary.pdf`). */
export function reportPdfPath(
  token: string,
  pageSize: "A4" | "LETTER" = "A4",
  document: "summary" | "full" = "full",
): string {
  return `/a/${token}/${document === "summary" ? "summary" : "report"}.pdf${pageSize === "LETTER" ? "?size=letter" : ""}`;
}

/**
 * The last report built for each respondent, with what it was built from. Scoring and gathering
 * the evidence take most of a report page's time, and people reload the report, open its
 * downloads and come back to it without changing an answer. A report page holds a few hundred
 * kilobytes, so only the most recent respondents' are kept. Nothing changes a report once built.
 */
const KEEP_REPORTS = 100;
const builtReports = new Map<string, { key: string; loaded: LoadedReport }>();

/**
 * Scores the respondent's answers into the report both the page and the PDF show, or lists the
 * sections still to finish: never a partial report. The assessment's date is the day it was
 * finished, or else the day its answers last changed, so the report is the same on every visit.
 */
export async function loadReport(respondent: RespondentContext, audience: ReportAudience): Promise<LoadedReport> {
  // An assessment from an older questionnaire is read with the questions added since filled in.
  const { answers: stored, notAsked } = await loadAnswers(respondent);
  const collected = collectAssessment(stored);
  if (!collected.ok) {
    return {
      kind: "incomplete",
      sections: SECTIONS.filter((section) => collected.incomplete.includes(section.id)).map((section) => ({
        title: section.title,
        href: audience.sectionHref ? audience.sectionHref(section.id) : null,
      })),
    };
  }
  const assessedOn = (respondent.submittedAt ?? respondent.assessmentUpdatedAt).slice(0, 10);
  // The same answers for the same reader give the same report: reuse the one built last time.
  const key = JSON.stringify([
    respondent.questionnaireVersion,
    assessedOn,
    respondent.respondentName,
    audience.accessibleVersionUrl,
    notAsked,
    stored,
  ]);
  const kept = builtReports.get(respondent.respondentId);
  if (kept?.key === key) return kept.loaded;
  const report = scoreAssessment({
    answers: collected.answers,
    questionnaireVersion: respondent.questionnaireVersion,
    assessedOn,
  });
  const view = buildReportView(report, stored, {
    completedBy: respondent.respondentName,
    reportUrl: audience.accessibleVersionUrl,
    notAsked,
  });
  const loaded: LoadedReport = { kind: "ready", view, assessedOn };
  builtReports.delete(respondent.respondentId);
  if (builtReports.size >= KEEP_REPORTS) builtReports.delete(builtReports.keys().next().value as string);
  builtReports.set(respondent.respondentId, { key, loaded });
  return loaded;
}
