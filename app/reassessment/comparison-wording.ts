/**
 * The words the comparison page and the PDF section both print for the re-assessment model:
 * headings, labels for each change (in words, so no meaning rests on colour), and the rows of
 * each table. Both views call these, so the page and the PDF never word a change differently.
 * They only word what `scoring/reassessment.ts` found; they find nothing.
 */
import type {
  AreaChange,
  RiskSnapshot,
  ContinuingRisk,
  GroupChange,
  GroupSnapshot,
  LevelChange,
  ReassessmentComparison,
  ScoreChange,
  StepStatus,
  Trend,
  VerdictChange,
} from "../../scoring/reassessment";
import { formatSigned } from "../../scoring/reassessment";
import type { Severity } from "../../scoring/report-model";
import { capitalise, levelName, longDate } from "../report/report-wording";

export const COMPARISON_TITLE = "What has changed since the last assessment";

/** The sub-headings, in order; the trend only with three or more assessments. */
export const COMPARISON_HEADINGS = {
  summary: "In short",
  verdict: "Verdict and overall readiness",
  areas: "Readiness by area",
  risks: "Risks",
  groups: "Stakeholder groups",
  steps: "Steps from the last plan",
  trend: "Readiness over time",
} as const;

/** The tone of a change, for the tag's colour; the tag's text always says the same in words. */
export type ChangeTone = "up" | "down" | "same";

export type ChangeTag = { label: string; tone: ChangeTone };

/** "Assessed on 16 April 2026 and again on 16 November 2026: 7 months apart (214 days)." */
export function timeBetweenText(comparison: ReassessmentComparison): string {
  const { earlier, later, timeBetween } = comparison;
  const days = Math.abs(timeBetween.days);
  if (days === 0) return `Both assessments are dated ${longDate(later.assessedOn)}.`;
  // Under two weeks the phrase is already in days.
  const apart = days < 14 ? `${timeBetween.phrase} apart` : `${timeBetween.phrase} apart (${days} days)`;
  return `Assessed on ${longDate(earlier.assessedOn)} and again on ${longDate(later.assessedOn)}: ${apart}.`;
}

function points(value: number): string {
  return `${value} point${value === 1 ? "" : "s"}`;
}

/** "Up 21 points", "Down 7 points", "About the same (+2)", "No change". */
export function scoreChangeTag(change: Pick<ScoreChange, "change" | "direction">): ChangeTag {
  if (change.direction === "up") return { label: `Up ${points(change.change)}`, tone: "up" };
  if (change.direction === "down") return { label: `Down ${points(-change.change)}`, tone: "down" };
  if (change.change === 0) return { label: "No change", tone: "same" };
  return { label: `About the same (${formatSigned(change.change)})`, tone: "same" };
}

export function areaChangeTag(area: AreaChange): ChangeTag {
  if (area.direction === "not-compared" || area.change === null) return { label: "Not compared", tone: "same" };
  return scoreChangeTag({ change: area.change, direction: area.direction });
}

export function verdictTag(verdict: VerdictChange): ChangeTag {
  if (verdict.direction === "rose") return { label: "Moved up", tone: "up" };
  if (verdict.direction === "fell") return { label: "Moved down", tone: "down" };
  return { label: "No change", tone: "same" };
}

export function severityLabel(severity: Severity): string {
  return `${capitalise(severity)} risk`;
}

/** The two lists of risks found in one report only: no longer found, then new. */
export function riskLists(comparison: ReassessmentComparison): {
  id: "resolved" | "new";
  title: string;
  severityHeader: string;
  empty: string;
  risks: RiskSnapshot[];
}[] {
  return [
    {
      id: "resolved",
      title: "Risks no longer found",
      severityHeader: "How serious it was",
      empty: "No risk from the last assessment has gone.",
      risks: comparison.risks.resolved,
    },
    {
      id: "new",
      title: "New risks",
      severityHeader: "How serious it is",
      empty: "No new risk was found.",
      risks: comparison.risks.new,
    },
  ];
}

export function riskChangeTag(risk: ContinuingRisk): ChangeTag {
  if (risk.change === "worse") return { label: "More serious", tone: "down" };
  if (risk.change === "better") return { label: "Less serious", tone: "up" };
  return { label: "No change", tone: "same" };
}

/** A score then or now, or a dash where that report had none. */
export function scoreText(score: number | null): string {
  return score === null ? "Not scored" : String(score);
}

/** "Up from Inform to Consult", "Down from Consult to Inform", "Consult, no change". */
export function levelChangeText(change: LevelChange): string {
  if (change.direction === "same") return `${levelName(change.now)}, no change`;
  return `${change.direction === "up" ? "Up" : "Down"} from ${levelName(change.then)} to ${levelName(change.now)}`;
}

export const STEP_STATUS_TAGS: Readonly<Record<StepStatus, ChangeTag>> = {
  done: { label: "Done", tone: "up" },
  "partly-done": { label: "Partly done", tone: "up" },
  "still-to-do": { label: "Still to do", tone: "down" },
  "no-longer-in-plan": { label: "No longer in the plan", tone: "same" },
};

/** What "done" means here, said before the steps. */
export const STEPS_INTRO =
  "This report cannot see whether a step was carried out. A step counts as done when what it was for is no longer found in the new assessment.";

/** "3 done, 1 partly done, 19 still to do": the counts that are not zero. */
export function stepCountsText(comparison: ReassessmentComparison): string {
  const order: StepStatus[] = ["done", "partly-done", "still-to-do", "no-longer-in-plan"];
  const parts = order
    .filter((status) => comparison.stepCounts[status] > 0)
    .map((status) => `${comparison.stepCounts[status]} ${STEP_STATUS_TAGS[status].label.toLowerCase()}`);
  return `Of the ${comparison.steps.length} steps in the last plan: ${parts.join(", ")}.`;
}

/** The summary as labelled rows: the headline, then what improved, what got worse and what next. */
export function summaryRows(comparison: ReassessmentComparison): { label: string; value: string }[] {
  const { summary } = comparison;
  return [
    { label: "What improved", value: summary.improved },
    { label: "What got worse", value: summary.worsened },
    { label: "What to do next", value: summary.next },
  ];
}

/** Groups found in one report only, each list with its lead-in; empty lists left out. */
export function groupLists(comparison: ReassessmentComparison): { id: string; intro: string; groups: string[] }[] {
  return [
    { id: "added", intro: "Groups new in this assessment:", groups: comparison.groups.added },
    { id: "dropped", intro: "Groups in the last assessment but not in this one:", groups: comparison.groups.dropped },
  ]
    .filter((list) => list.groups.length > 0)
    .map((list) => ({ ...list, groups: list.groups.map(groupSnapshotText) }));
}

/** A group only in one report, in words: "Residents: Inform now, wants Consult, can keep up Inform". */
export function groupSnapshotText(group: GroupSnapshot): string {
  return `${group.name}: ${levelName(group.current)} now, wants ${levelName(group.desired)}, can keep up ${levelName(group.sustainable)}.`;
}

/** The group's name, with its earlier name when it was matched by a different one. */
export function groupNameText(group: GroupChange): string {
  return group.matchedBy === "name" && group.earlierName !== group.name
    ? `${group.name} (was “${group.earlierName}”)`
    : group.name;
}

/** "Apr 2026": a point's label on the trend chart. */
export function monthYear(iso: string): string {
  const [, month = "", year = ""] = longDate(iso).split(" ");
  return `${month.slice(0, 3)} ${year}`;
}

/** What the trend chart shows, for screen readers and the PDF's alternate text. */
export function trendChartDescription(trend: Trend): string {
  const values = trend.points.map((point) => `${longDate(point.assessedOn)}: ${point.overall}`).join("; ");
  return `Line chart of overall readiness, out of 100, at each of ${trend.points.length} assessments over ${trend.span.phrase}. ${values}.`;
}

/** The trend's data table: one row per series, one column per assessment. */
export function trendTable(trend: Trend): {
  columns: string[];
  rows: { id: string; name: string; values: string[] }[];
} {
  return {
    columns: trend.points.map((point) => longDate(point.assessedOn)),
    rows: trend.series.map((series) => ({ id: series.id, name: series.name, values: series.values.map(scoreText) })),
  };
}
