/**
 * Everything the exports are built from, loaded for one respondent without looking at the
 * request: the answers, the report when there is one, and the export's own metadata. Any link
 * family (today's private link, a read-only link later) loads this and hands it to the builders
 * in `export-files.server.ts`.
 */
import { createHash } from "node:crypto";
import type { RespondentContext } from "../../db/repositories/assessments";
import { brandingForAssessment } from "../../db/repositories/branding";
import { db } from "../db.server";
import { scoreAssessment } from "../../scoring/score-assessment";
import { loadAnswers } from "../questionnaire/answers.server";
import { loadProgress } from "../report.server";
import { collectAssessment } from "../questionnaire/questionnaire";
import { buildReportView, type ReportView } from "../report/report-view";
import type { AnswersSource } from "./answers-export.server";
import type { ExportMeta } from "./export-meta";
import {
  buildWorkshopFindings,
  loadWorkshopFindingsSource,
  workshopAnswersFor,
} from "../workshop/report-findings.server";

export type ExportSource = AnswersSource & {
  /** The report, when the report page would show one (every section answered); null otherwise. */
  view: ReportView | null;
};

/**
 * A stable, non-secret id for an assessment's exports, so files exported months apart can be
 * matched: a hash of the assessment's id. It opens nothing and cannot be turned back into the id,
 * let alone the private link.
 */
export function exportIdFor(assessmentId: string): string {
  return `era-${createHash("sha256").update(`engagement-readiness export:${assessmentId}`).digest("hex").slice(0, 20)}`;
}

/**
 * Loads the answers and, when the assessment is complete, scores them exactly as the report page
 * does (`loadReport`): the same answers, the same date, the same report. The view's address of
 * the report page is left empty: no export carries a link into the assessment.
 */
export async function loadExportSource(respondent: RespondentContext, now = new Date()): Promise<ExportSource> {
  const { answers, notAsked } = await loadAnswers(respondent);
  const finishedOn = respondent.submittedAt ? respondent.submittedAt.slice(0, 10) : null;
  const collected = collectAssessment(answers);
  const assessedOn = (respondent.submittedAt ?? respondent.assessmentUpdatedAt).slice(0, 10);
  const workshop = await loadWorkshopFindingsSource(respondent.assessmentId);
  const report = collected.ok
    ? scoreAssessment({
        answers: collected.answers,
        questionnaireVersion: respondent.questionnaireVersion,
        assessedOn,
      })
    : null;
  const view = report
    ? buildReportView(report, answers, {
        completedBy: respondent.respondentName,
        reportUrl: "",
        notAsked,
        // A client assessed before: what has changed, as the report page and its PDF show it.
        progress: await loadProgress(respondent, report),
        workshop: workshop ? buildWorkshopFindings(workshop, answers) : null,
      })
    : null;
  // A client's Word document carries its workspace's branding (the data files pick their fields and leave it out).
  const branding = view ? await brandingForAssessment(db, respondent.assessmentId) : null;
  if (view && branding) view.branding = branding;
  const meta: ExportMeta = {
    exportId: exportIdFor(respondent.assessmentId),
    generatedAt: now.toISOString(),
    questionnaireVersion: respondent.questionnaireVersion,
    organisationName: view?.report.meta.organisationName ?? respondent.organisationName,
    finishedOn,
    completedBy: respondent.respondentName,
  };
  return { answers, notAsked, meta, view, workshop: workshop ? workshopAnswersFor(workshop) : null };
}
