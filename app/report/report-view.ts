import type { StoredAnswers } from "../../db/repositories/answers";
import type { ReassessmentComparison, Trend } from "../../scoring/reassessment";
import type { ReadinessReport } from "../../scoring/report-model";
import type { WorkshopFindings } from "../../scoring/workshop-findings";
import { pageContext } from "../questionnaire/questionnaire";
import { buildAnswersAppendix, type AnswersAppendix } from "./answers-appendix";
import { resolveAnswerRefs, type ResolvedAnswer } from "./answer-refs";

/**
 * Everything the report page and the PDF show: the scoring module's report model, plus the
 * answers behind it worded as the questions were asked. Plain data, so it can cross to the
 * browser and to a PDF worker thread.
 */
/**
 * The branding a client's report is drawn with: the workspace that prepared it, its accent
 * colour and logo (the stored, re-encoded PNG, base64, with its SHA-256). Absent for anonymous
 * assessments, which keep the product's own look. Part of the view so that it is part of every
 * PDF's key and reaches the PDF worker with the rest.
 */
export type ReportBranding = {
  workspaceName: string;
  accentColour: string | null;
  logo: { sha256: string; width: number; height: number; pngBase64: string } | null;
};

export type ReportView = {
  report: ReadinessReport;
  /** The answers behind each risk, by risk id. */
  riskEvidence: Record<string, ResolvedAnswer[]>;
  /** The answers behind each recommendation, by recommendation id. */
  recommendationEvidence: Record<string, ResolvedAnswer[]>;
  /** The answers behind each "thing to find out", by its id. */
  unknownEvidence: Record<string, ResolvedAnswer[]>;
  appendix: AnswersAppendix;
  /** Who completed the assessment, if they said. */
  completedBy: string | null;
  /**
   * The accessible HTML version of the report, named in the PDF: a read-only link's address, or
   * null when there is none to give (the PDF then tells readers how to ask for it). Never the
   * private link, which would let every reader of the PDF change the answers.
   */
  reportUrl: string | null;
  /**
   * For a workspace client assessed before: what changed since its last finished assessment, and
   * the trend when there are three or more. Null for a first assessment and for every anonymous
   * one.
   */
  progress: ReportProgress | null;
  /** The workspace's branding, for a client's assessment only. */
  branding?: ReportBranding;
  /**
   * For an assessment answered in a workshop: where the team disagreed most and what it settled
   * on (`workshopFindings`), computed once and read by the page, the PDFs and the Word document.
   */
  workshop?: WorkshopFindings;
};

/** A re-assessment's comparison with the client's previous finished assessment, and its trend. */
export type ReportProgress = {
  comparison: ReassessmentComparison;
  /** Across every finished assessment up to this one, when there are three or more; else null. */
  trend: Trend | null;
};

export function buildReportView(
  report: ReadinessReport,
  stored: StoredAnswers,
  meta: {
    completedBy: string | null;
    reportUrl: string | null;
    notAsked?: readonly string[];
    progress?: ReportProgress | null;
    workshop?: WorkshopFindings | null;
  },
): ReportView {
  const ctx = pageContext(stored);
  const notAsked = meta.notAsked ?? [];
  const resolve = (refs: Parameters<typeof resolveAnswerRefs>[0]) => resolveAnswerRefs(refs, stored, ctx, notAsked);
  return {
    report,
    riskEvidence: Object.fromEntries(report.risks.map((risk) => [risk.id, resolve(risk.triggers)])),
    recommendationEvidence: Object.fromEntries(report.recommendations.map((rec) => [rec.id, resolve(rec.refs)])),
    unknownEvidence: Object.fromEntries(report.thingsToFindOut.map((item) => [item.id, resolve(item.refs)])),
    appendix: buildAnswersAppendix(stored, notAsked),
    completedBy: meta.completedBy,
    reportUrl: meta.reportUrl,
    progress: meta.progress ?? null,
    ...(meta.workshop ? { workshop: meta.workshop } : {}),
  };
}
