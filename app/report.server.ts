import type { RespondentContext } from "../db/repositories/assessments";
import { earlierFinishedAssessments } from "../db/repositories/reassessment";
import { buildTrend, compareReports, TREND_MINIMUM } from "../scoring/reassessment";
import type { ReadinessReport } from "../scoring/report-model";
import { brandingForAssessment } from "../db/repositories/branding";
import { scoreAssessment } from "../scoring/score-assessment";
import { loadAnswers } from "./questionnaire/answers.server";
import { db } from "./db.server";
import { lastBuiltCache } from "./last-built.server";
import { collectAssessment, SECTIONS } from "./questionnaire/questionnaire";
import type { SectionId } from "./questionnaire/section-types";
import { buildReportView, type ReportProgress, type ReportView } from "./report/report-view";
import { buildWorkshopFindings, loadWorkshopFindingsSource } from "./workshop/report-findings.server";

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
 * The last report built for each respondent, with what it was built from. People reload the
 * report, open its downloads and come back to it without changing an answer. A report takes
 * about 150 KB of memory for the largest example, so at most 100 are kept (about 15 MB).
 */
type BuiltReport = { kind: "incomplete"; incomplete: readonly SectionId[] } | Extract<LoadedReport, { kind: "ready" }>;
const builtReports = lastBuiltCache<BuiltReport>(100);

/**
 * Scores the respondent's answers into the report both the page and the PDF show, or lists the
 * sections still to finish: never a partial report. The assessment's date is the day it was
 * finished, or else the day its answers last changed, so the report is the same on every visit.
 */
export async function loadReport(respondent: RespondentContext, audience: ReportAudience): Promise<LoadedReport> {
  // An assessment from an older questionnaire is read with the questions added since filled in.
  const { answers: stored, notAsked } = await loadAnswers(respondent);
  const assessedOn = assessedOnOf(respondent);
  // A workspace client's earlier finished assessments, scored, for "what has changed".
  const history = await earlierReports(respondent);
  // A client's report carries its workspace's branding; an anonymous one has none.
  const branding = await brandingForAssessment(db, respondent.assessmentId);
  // A workshop's report says where the team disagreed and what it settled on.
  const workshop = await loadWorkshopFindingsSource(respondent.assessmentId);
  // The same answers for the same reader give the same report: the last one built is reused.
  const built = builtReports.get(
    respondent.respondentId,
    [
      respondent.questionnaireVersion,
      assessedOn,
      respondent.respondentName,
      audience.accessibleVersionUrl,
      notAsked,
      stored,
      history.map((earlier) => earlier.inputs),
      // The logo by its hash: the bytes come with it.
      branding && [branding.workspaceName, branding.accentColour, branding.logo?.sha256 ?? null],
      workshop,
    ],
    (): BuiltReport => {
      const collected = collectAssessment(stored);
      if (!collected.ok) return { kind: "incomplete", incomplete: collected.incomplete };
      const report = scoreAssessment({
        answers: collected.answers,
        questionnaireVersion: respondent.questionnaireVersion,
        assessedOn,
      });
      const view = buildReportView(report, stored, {
        completedBy: respondent.respondentName,
        reportUrl: audience.accessibleVersionUrl,
        notAsked,
        progress: progressOf(scoredReports(history), report),
        workshop: workshop ? buildWorkshopFindings(workshop, stored) : null,
      });
      return { kind: "ready", view: branding ? { ...view, branding } : view, assessedOn };
    },
  );
  if (built.kind === "ready") return built;
  return {
    kind: "incomplete",
    sections: SECTIONS.filter((section) => built.incomplete.includes(section.id)).map((section) => ({
      title: section.title,
      href: audience.sectionHref ? audience.sectionHref(section.id) : null,
    })),
  };
}

/** The day an assessment's report is dated: the day it was finished, or its answers last changed. */
function assessedOnOf(respondent: RespondentContext): string {
  return (respondent.submittedAt ?? respondent.assessmentUpdatedAt).slice(0, 10);
}

/**
 * What has changed since the client's last finished assessment, for a report built elsewhere
 * (the Word document): the same comparison and trend the report page and its PDF show.
 */
export async function loadProgress(
  respondent: RespondentContext,
  report: ReadinessReport,
): Promise<ReportProgress | null> {
  return progressOf(scoredReports(await earlierReports(respondent)), report);
}

type EarlierReport = { inputs: unknown; report: ReadinessReport | null };

const earlierScored = lastBuiltCache<ReadinessReport | null>(200);

/**
 * The client's earlier finished assessments, oldest first, each scored exactly as its own report
 * was (`scoreAssessment` on its answers, dated the day it was finished). One whose answers no
 * longer make a whole report (a questionnaire change) is left out of the comparison.
 */
async function earlierReports(respondent: RespondentContext): Promise<EarlierReport[]> {
  if (respondent.workspaceId === null) return [];
  const earlier = await earlierFinishedAssessments(db, respondent);
  return Promise.all(
    earlier.map(async (context) => {
      const { answers } = await loadAnswers(context);
      const assessedOn = assessedOnOf(context);
      const inputs = [context.assessmentId, context.questionnaireVersion, assessedOn, answers];
      const report = earlierScored.get(context.respondentId, inputs, () => {
        const collected = collectAssessment(answers);
        return collected.ok
          ? scoreAssessment({
              answers: collected.answers,
              questionnaireVersion: context.questionnaireVersion,
              assessedOn,
            })
          : null;
      });
      return { inputs, report };
    }),
  );
}

/** The earlier reports that could be scored, oldest first. */
function scoredReports(history: readonly EarlierReport[]): ReadinessReport[] {
  return history.flatMap((earlier) => (earlier.report ? [earlier.report] : []));
}

/**
 * What changed since the newest earlier report (`compareReports`), and the trend across all of
 * them and this one when there are `TREND_MINIMUM` or more (`buildTrend`): both worked out in
 * the scoring module, so the page, the PDF and the comparison page read the same judgement.
 */
function progressOf(earlier: readonly ReadinessReport[], report: ReadinessReport): ReportProgress | null {
  const previous = earlier[earlier.length - 1];
  if (!previous) return null;
  const all = [...earlier, report];
  return {
    comparison: compareReports(previous, report),
    trend: all.length >= TREND_MINIMUM ? buildTrend(all) : null,
  };
}
