/**
 * Re-assessment: what changed between two readiness reports of the same organisation, and the
 * trend across three or more. Pure: reports in, a comparison model out; no clock (the dates are
 * the reports' own `meta.assessedOn`). The comparison page and the PDF section render this model
 * and work nothing out for themselves. The rules, for consultants, are in
 * docs/reassessment-method.md.
 */
import type { CurrentLevel, Iap2Level, OrganisationType } from "./answers";
import { isoDateToDays, monthsBetween } from "./dates";
import { levelRank } from "./levels";
import { WEAK_DIMENSION } from "./recommendations";
import {
  DIMENSION_IDS,
  type BandId,
  type DimensionId,
  type EngagementGap,
  type ReadinessReport,
  type Recommendation,
  type RiskId,
  type RoadmapPhaseNumber,
  type Severity,
} from "./report-model";
import { severityRank } from "./risks";
import { bandRank } from "./verdict";
import { formatNumber, joinList, plural, upperFirst } from "./text";

// ---------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------

/**
 * The smallest change in an area's score (points out of 100) that counts as a real change.
 *
 * Why 5: an area score is the rounded sum of a few factors. Moving one answer one step better,
 * for each of the twelve example organisations (316 area changes in all), changed an area by 1 to
 * 4 points in 49 cases: graded answers moved one notch (a budget band, a few more hours, a faster
 * sign-off, key messages "partly" agreed becoming agreed), which can be a different estimate on
 * the day. A practice put in place (house rules, an escalation path, training, a content
 * calendar, a sponsor) moved its area by 5 points or more. So 5 or more points means something
 * real changed, and the 1 to 4 below it are shown but not called a change.
 */
export const MEANINGFUL_AREA_CHANGE = 5;

/**
 * The smallest change in the overall index that counts as a real change. The index is the
 * weighted mean of the nine areas (weights 8 to 18 out of 100): one answer moved one step moved it
 * by 2 points or less in 229 of 235 cases across the twelve examples. 3 points or more takes
 * changes in several areas, or a large one in a heavy area.
 */
export const MEANINGFUL_OVERALL_CHANGE = 3;

/** The fewest reports a trend is drawn for: with two, the comparison says it all. */
export const TREND_MINIMUM = 3;

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/** "up" or "down" only when the change is meaningful; "same" for no change or a small one. */
export type ScoreDirection = "up" | "down" | "same";

/** How a level or a band moved: "up" to a bigger promise, "down" to a smaller one. */
export type LevelDirection = "up" | "down" | "same";

export interface AssessmentStamp {
  organisationName: string;
  /** ISO yyyy-mm-dd. */
  assessedOn: string;
  methodVersion: string;
  questionnaireVersion: string;
}

export interface TimeBetween {
  /** Days from the earlier assessment to the later; negative when "later" was assessed first. */
  days: number;
  /** Calendar months, to the nearest whole month (always 0 or more). */
  months: number;
  /** In plain words: "7 months", "3 weeks", "1 year and 2 months", "the same day". */
  phrase: string;
}

export interface MethodCheck {
  /** True when both reports were scored with the same method version. */
  sameMethod: boolean;
  /** True when both were answered against the same questionnaire version. */
  sameQuestionnaire: boolean;
  /**
   * What a reader must know before reading the changes, in plain words; null when both reports
   * were made the same way.
   */
  note: string | null;
}

export interface VerdictChange {
  then: BandId;
  thenLabel: string;
  now: BandId;
  nowLabel: string;
  /** "rose", "fell" or "held", by the order of the bands (not ready ... ready to collaborate). */
  direction: "rose" | "fell" | "held";
  /** The most any group may be offered, then and now. */
  ceilingThen: Iap2Level;
  ceilingNow: Iap2Level;
}

export interface ScoreChange {
  then: number;
  now: number;
  /** now - then, points. */
  change: number;
  /** True when |change| reaches the threshold for this score. */
  meaningful: boolean;
  direction: ScoreDirection;
}

export interface AreaChange {
  id: DimensionId;
  name: string;
  /** Null when the area was not scored in that report (an older method); never today. */
  then: number | null;
  now: number | null;
  /** now - then, points; null when either is missing. */
  change: number | null;
  meaningful: boolean;
  /** "not-compared" when either score is missing. */
  direction: ScoreDirection | "not-compared";
}

export interface RiskSnapshot {
  id: RiskId;
  title: string;
  severity: Severity;
  kind: "foundation" | "plan";
}

export interface ContinuingRisk {
  id: RiskId;
  /** The later report's title (the wording may change with the answers). */
  title: string;
  kind: "foundation" | "plan";
  severityThen: Severity;
  severityNow: Severity;
  /** "worse" when the severity rose, "better" when it fell. */
  change: "worse" | "better" | "same";
}

export interface RiskChanges {
  /** In the earlier report, not in the later: what it was about is now in place. */
  resolved: RiskSnapshot[];
  /** In the later report, not in the earlier. */
  new: RiskSnapshot[];
  /** In both. */
  continuing: ContinuingRisk[];
}

export interface LevelChange {
  then: CurrentLevel;
  now: CurrentLevel;
  direction: LevelDirection;
}

export interface GroupChange {
  /** The group's id and name in the later report. */
  groupId: string;
  name: string;
  /** The group's id and name in the earlier report (they differ when matched by name). */
  earlierGroupId: string;
  earlierName: string;
  /** The group's name mid-sentence, from the later report: "local businesses". */
  phrase: string;
  /** How the two were matched: the same id, or the same name once tidied (see `normaliseGroupName`). */
  matchedBy: "id" | "name";
  current: LevelChange;
  desired: LevelChange;
  sustainable: LevelChange;
}

export interface GroupSnapshot {
  groupId: string;
  name: string;
  current: CurrentLevel;
  desired: Iap2Level;
  sustainable: Iap2Level;
}

export interface GroupChanges {
  /** Groups in both reports, in the later report's order. */
  matched: GroupChange[];
  /** Groups only in the later report. */
  added: GroupSnapshot[];
  /** Groups only in the earlier report. */
  dropped: GroupSnapshot[];
}

/**
 * What the later report shows about a step of the earlier plan. The app cannot see whether a step
 * was carried out, only whether what it was for is still found:
 * - "done": what it was for is no longer found (the risk is gone, every group it named has moved
 *   on, the area it was for is no longer weak);
 * - "partly-done": a step for several groups, done for some of them;
 * - "still-to-do": the later report still asks for it;
 * - "no-longer-in-plan": the later report no longer asks for it, but the step was not tied to one
 *   finding (a standing step such as a review), or every group it named has gone, so nothing shows
 *   whether it was done.
 */
export type StepStatus = "done" | "partly-done" | "still-to-do" | "no-longer-in-plan";

export const STEP_STATUSES: readonly StepStatus[] = ["done", "partly-done", "still-to-do", "no-longer-in-plan"];

export interface RoadmapStepStatus {
  recommendationId: string;
  /** The step as the earlier plan worded it. */
  action: string;
  owner: string;
  /** The earlier plan's phase: 1 (days 1-30), 2 (31-60) or 3 (61-90). */
  phase: RoadmapPhaseNumber;
  status: StepStatus;
  /** Why it has this status, one plain sentence. */
  reason: string;
}

export interface ExecutiveSummary {
  /** The overall picture, with the time between. */
  headline: string;
  /** What improved (or that nothing did). */
  improved: string;
  /** What got worse (or that nothing did). */
  worsened: string;
  /** What to do next. */
  next: string;
  /** The method note when the two reports were not made the same way; null otherwise. */
  caveat: string | null;
}

export interface ReassessmentComparison {
  organisationType: OrganisationType;
  earlier: AssessmentStamp;
  later: AssessmentStamp;
  timeBetween: TimeBetween;
  method: MethodCheck;
  verdict: VerdictChange;
  overall: ScoreChange;
  /** One row per area, in report order. */
  areas: AreaChange[];
  risks: RiskChanges;
  groups: GroupChanges;
  /** Every action of the earlier roadmap, in its order. */
  steps: RoadmapStepStatus[];
  stepCounts: Record<StepStatus, number>;
  summary: ExecutiveSummary;
}

export interface TrendPoint {
  /** ISO yyyy-mm-dd. */
  assessedOn: string;
  methodVersion: string;
  band: BandId;
  bandLabel: string;
  overall: number;
}

export interface TrendSeries {
  /** "overall" or an area's id. */
  id: "overall" | DimensionId;
  name: string;
  /** One value per point, in the points' order; null when that report has no such score. */
  values: (number | null)[];
}

export interface Trend {
  /** One point per report, oldest first. */
  points: TrendPoint[];
  /** The overall index first, then each area in report order. */
  series: TrendSeries[];
  /** Time from the first assessment to the last. */
  span: TimeBetween;
  /** True when every report was scored with the same method version. */
  sameMethod: boolean;
  /** Plain words on the method versions when they differ; null otherwise. */
  methodNote: string | null;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/**
 * The time between two ISO dates, in days and in words: "the same day"; under two weeks in days;
 * under two months in weeks; then calendar months to the nearest month ("7 months"), and from a
 * year in years and months ("1 year and 2 months", "2 years").
 */
export function timeBetween(earlier: string, later: string): TimeBetween {
  const days = isoDateToDays(later) - isoDateToDays(earlier);
  const months = monthsBetween(earlier, later);
  const absolute = Math.abs(days);
  let phrase: string;
  if (absolute === 0) phrase = "the same day";
  else if (absolute < 14) phrase = plural(absolute, "day");
  else if (months < 2) phrase = plural(Math.round(absolute / 7), "week");
  else if (months < 12) phrase = plural(months, "month");
  else {
    const years = Math.floor(months / 12);
    const rest = months - years * 12;
    phrase = rest === 0 ? plural(years, "year") : `${plural(years, "year")} and ${plural(rest, "month")}`;
  }
  return { days, months, phrase };
}

/**
 * A group's name as matched between reports: lower case, accents and punctuation dropped, "&"
 * read as "and", a leading "the" and white space ignored. "The Ridge Landowners & Farmers" and
 * "ridge landowners and farmers" match; "Residents" and "Ratepayers" do not.
 */
export function normaliseGroupName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function levelChange(then: CurrentLevel, now: CurrentLevel): LevelChange {
  const difference = levelRank(now) - levelRank(then);
  return { then, now, direction: difference > 0 ? "up" : difference < 0 ? "down" : "same" };
}

function scoreChange(then: number, now: number, threshold: number): ScoreChange {
  const change = now - then;
  const meaningful = Math.abs(change) >= threshold;
  return { then, now, change, meaningful, direction: meaningful ? (change > 0 ? "up" : "down") : "same" };
}

function stamp(report: ReadinessReport): AssessmentStamp {
  const { organisationName, assessedOn, methodVersion, questionnaireVersion } = report.meta;
  return { organisationName, assessedOn, methodVersion, questionnaireVersion };
}

function snapshotOf(gap: EngagementGap): GroupSnapshot {
  return {
    groupId: gap.groupId,
    name: gap.groupName,
    current: gap.current,
    desired: gap.desired,
    sustainable: gap.sustainable,
  };
}

const ORGANISATION_NOUN: Readonly<Record<OrganisationType, string>> = {
  council: "the council",
  "state-agency": "the agency",
  "national-agency": "the department",
  "statutory-body": "the organisation",
  "non-profit": "the organisation",
  other: "the organisation",
};

// ---------------------------------------------------------------------------------------------
// Matching groups
// ---------------------------------------------------------------------------------------------

/**
 * Pairs the groups of two reports: first by id (a re-assessment that copies the answers keeps
 * every id, and a suggested group's id is its kind, such as "residents", in any assessment), then
 * the groups left over by name once normalised, only where exactly one group on each side has that
 * name. Returns the pairs as [earlier, later], in the later report's order.
 */
export function matchGroups(
  earlier: readonly EngagementGap[],
  later: readonly EngagementGap[],
): { pairs: [EngagementGap, EngagementGap][]; added: EngagementGap[]; dropped: EngagementGap[] } {
  const byEarlierId = new Map(earlier.map((gap) => [gap.groupId, gap]));
  const laterIds = new Set(later.map((gap) => gap.groupId));
  const pairedLater = new Map<EngagementGap, EngagementGap>();
  for (const gap of later) {
    const match = byEarlierId.get(gap.groupId);
    if (match) pairedLater.set(gap, match);
  }
  const unmatchedEarlier = earlier.filter((gap) => !laterIds.has(gap.groupId));
  const unmatchedLater = later.filter((gap) => !pairedLater.has(gap));
  const byName = (gaps: readonly EngagementGap[]): Map<string, EngagementGap[]> => {
    const map = new Map<string, EngagementGap[]>();
    for (const gap of gaps) {
      const key = normaliseGroupName(gap.groupName);
      map.set(key, [...(map.get(key) ?? []), gap]);
    }
    return map;
  };
  const earlierByName = byName(unmatchedEarlier);
  const laterByName = byName(unmatchedLater);
  for (const [key, laterGaps] of laterByName) {
    const earlierGaps = earlierByName.get(key);
    const [onlyLater] = laterGaps;
    const [onlyEarlier] = earlierGaps ?? [];
    // NOTE: a name shared by two groups on either side is ambiguous: leave them unmatched rather
    // than guess, so a group is never compared with another group's levels.
    if (key !== "" && laterGaps.length === 1 && earlierGaps?.length === 1 && onlyLater && onlyEarlier) {
      pairedLater.set(onlyLater, onlyEarlier);
    }
  }
  const pairedEarlier = new Set(pairedLater.values());
  return {
    pairs: later.flatMap((gap): [EngagementGap, EngagementGap][] => {
      const match = pairedLater.get(gap);
      return match ? [[match, gap]] : [];
    }),
    added: later.filter((gap) => !pairedLater.has(gap)),
    dropped: earlier.filter((gap) => !pairedEarlier.has(gap)),
  };
}

// ---------------------------------------------------------------------------------------------
// Roadmap steps
// ---------------------------------------------------------------------------------------------

const DIMENSION_STEP_PREFIX = "rec-dimension-";
const STEP_BACK_ID = "rec-gap-step-back";

/**
 * The status of one step of the earlier plan, from its recommendation's link (see `StepStatus`):
 * - linked to a risk: done when the later report no longer raises that risk, else still to do;
 * - linked to groups (engagement-gap): for each of its groups still in the later report, the need
 *   is met when neither the later recommendation with the same id nor the later step-back
 *   ("rec-gap-step-back") names that group. All met: done; some: partly done; none: still to do;
 *   no group left: no longer in the plan;
 * - an area's own step ("rec-dimension-<area>"): done when the later report no longer has it and
 *   the area scores at least `WEAK_DIMENSION` (50); still to do otherwise (a weak area whose risks
 *   now carry the work is still to do);
 * - any other step (briefing leaders, the day-90 review, a two-week count, refinements): still to
 *   do when the later report has the same id, otherwise no longer in the plan.
 */
function stepStatus(
  recommendation: Recommendation | undefined,
  earlierId: string,
  reports: { earlier: ReadinessReport; later: ReadinessReport },
  laterGroupOf: ReadonlyMap<string, EngagementGap>,
): { status: StepStatus; reason: string } {
  const { earlier, later } = reports;
  const again = later.recommendations.find((candidate) => candidate.id === earlierId);
  const link = recommendation?.linkedTo;
  if (link?.kind === "risk") {
    const risk = later.risks.find((candidate) => candidate.id === link.riskId);
    return risk
      ? {
          status: "still-to-do",
          reason:
            earlier.risks.find((candidate) => candidate.id === link.riskId)?.severity !== risk.severity
              ? `The risk it was for is still found, now rated ${risk.severity}.`
              : "The risk it was for is still found.",
        }
      : { status: "done", reason: "The risk it was for is no longer found." };
  }
  if (link?.kind === "engagement-gap") {
    const groups = link.groupIds.flatMap((id) => {
      const gap = laterGroupOf.get(id);
      return gap ? [gap] : [];
    });
    if (groups.length === 0) {
      return {
        status: "no-longer-in-plan",
        reason: "The groups it was for are not in the new assessment, so it cannot show whether this was done.",
      };
    }
    // A group now promised more than can be kept (named by the later step-back) has not moved on.
    const stepBack = later.recommendations.find((candidate) => candidate.id === STEP_BACK_ID);
    const stillNamed = new Set(
      [again, stepBack].flatMap((named) => (named?.linkedTo.kind === "engagement-gap" ? named.linkedTo.groupIds : [])),
    );
    const waiting = groups.filter((gap) => stillNamed.has(gap.groupId));
    const met = groups.filter((gap) => !stillNamed.has(gap.groupId));
    if (waiting.length === 0) return { status: "done", reason: `No longer needed for ${groupList(met)}.` };
    if (met.length === 0) return { status: "still-to-do", reason: `Still needed for ${groupList(waiting)}.` };
    return {
      status: "partly-done",
      reason: `No longer needed for ${groupList(met)}; still needed for ${groupList(waiting)}.`,
    };
  }
  if (link?.kind === "dimension" && earlierId === `${DIMENSION_STEP_PREFIX}${link.dimensionId}`) {
    const area = later.dimensions.find((dimension) => dimension.id === link.dimensionId);
    if (!again && area && area.score >= WEAK_DIMENSION) {
      return { status: "done", reason: `${area.name} now scores ${area.score} out of 100.` };
    }
    return {
      status: "still-to-do",
      reason: area
        ? `${area.name} still scores ${area.score} out of 100, under ${WEAK_DIMENSION}.`
        : "The new report still asks for it.",
    };
  }
  return again
    ? { status: "still-to-do", reason: "The new plan asks for it again." }
    : {
        status: "no-longer-in-plan",
        reason:
          "The new plan no longer asks for it. It was not tied to one finding, so this does not show it was done.",
      };
}

function groupList(gaps: readonly EngagementGap[]): string {
  return joinList(gaps.map((gap) => gap.groupPhrase));
}

function roadmapSteps(
  earlier: ReadinessReport,
  later: ReadinessReport,
  pairs: readonly [EngagementGap, EngagementGap][],
): RoadmapStepStatus[] {
  // Earlier group id -> the same group in the later report.
  const laterGroupOf = new Map(pairs.map(([before, after]) => [before.groupId, after]));
  return earlier.strategy.roadmap.flatMap((phase) =>
    phase.actions.map((action) => {
      const recommendation = earlier.recommendations.find((candidate) => candidate.id === action.recommendationId);
      const { status, reason } = stepStatus(recommendation, action.recommendationId, { earlier, later }, laterGroupOf);
      return {
        recommendationId: action.recommendationId,
        action: action.action,
        owner: action.owner,
        phase: phase.phase,
        status,
        reason,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The method check and the summary
// ---------------------------------------------------------------------------------------------

function methodCheck(earlier: ReadinessReport, later: ReadinessReport): MethodCheck {
  const sameMethod = earlier.meta.methodVersion === later.meta.methodVersion;
  const sameQuestionnaire = earlier.meta.questionnaireVersion === later.meta.questionnaireVersion;
  const notes: string[] = [];
  if (!sameMethod) {
    notes.push(
      `The two reports were scored with different versions of the method (${earlier.meta.methodVersion} and ${later.meta.methodVersion}). Scores are not strictly like for like: part of a change may come from the method, not from what you did.`,
    );
  }
  if (!sameQuestionnaire) {
    notes.push(
      `The questions were not quite the same (versions ${earlier.meta.questionnaireVersion} and ${later.meta.questionnaireVersion}). Questions added since were treated as stated in each report.`,
    );
  }
  return { sameMethod, sameQuestionnaire, note: notes.length > 0 ? notes.join(" ") : null };
}

/** "House rules and safeguards rose by 40 points." for each area, as short sentences. */
function areaSentences(areas: readonly AreaChange[], verb: string): string {
  const named = areas
    .slice(0, 3)
    .map((area) => `${area.name} ${verb} by ${plural(Math.abs(area.change ?? 0), "point")}.`);
  const others = areas.length - named.length;
  if (others > 0) named.push(`${upperFirst(countPhrase(others, "other area", "other areas"))} also ${verb}.`);
  return named.join(" ");
}

/** "+12", "-3", "0": a change in points with its sign. */
export function formatSigned(change: number): string {
  return change > 0 ? `+${formatNumber(change)}` : formatNumber(change);
}

function countPhrase(count: number, singular: string, pluralWord: string): string {
  return `${count === 1 ? "one" : formatNumber(count)} ${count === 1 ? singular : pluralWord}`;
}

function executiveSummary(
  comparison: Omit<ReassessmentComparison, "summary">,
  later: ReadinessReport,
): ExecutiveSummary {
  const { verdict, overall, areas, risks, groups, stepCounts, timeBetween: time } = comparison;
  const noun = ORGANISATION_NOUN[comparison.organisationType];
  const since = time.days === 0 ? "On the same day" : `In the ${time.phrase} since the last assessment`;
  const overallWords =
    overall.change === 0
      ? `overall readiness stayed at ${overall.now} out of 100`
      : `overall readiness ${overall.change > 0 ? "rose" : "fell"} from ${overall.then} to ${overall.now} out of 100`;
  const verdictWords =
    verdict.direction === "held"
      ? `The verdict is unchanged: ${verdict.nowLabel}.`
      : `The verdict ${verdict.direction === "rose" ? "moved up" : "moved down"} to "${verdict.nowLabel}". It was "${verdict.thenLabel}".`;
  const headline = `${since}, ${noun}'s ${overallWords}. ${verdictWords}`;

  const up = areas.filter((area) => area.direction === "up").sort((a, b) => (b.change ?? 0) - (a.change ?? 0));
  const down = areas.filter((area) => area.direction === "down").sort((a, b) => (a.change ?? 0) - (b.change ?? 0));
  const biggerPromise = groups.matched.filter((group) => group.sustainable.direction === "up");
  const smallerPromise = groups.matched.filter((group) => group.sustainable.direction === "down");
  const better = risks.continuing.filter((risk) => risk.change === "better");
  const improvedParts = [
    up.length > 0 ? areaSentences(up, "rose") : null,
    risks.resolved.length > 0
      ? `${upperFirst(countPhrase(risks.resolved.length, "risk is", "risks are"))} no longer found, including "${risks.resolved[0]?.title ?? ""}".`
      : null,
    better.length > 0
      ? `${upperFirst(countPhrase(better.length, "risk is", "risks are"))} less serious than before.`
      : null,
    biggerPromise.length > 0
      ? `${upperFirst(noun)} can now keep a bigger promise to ${joinList(biggerPromise.map((group) => group.phrase))}.`
      : null,
  ].filter((part): part is string => part !== null);
  const improved = improvedParts.length > 0 ? improvedParts.join(" ") : "Nothing improved by enough to count.";

  const worse = risks.continuing.filter((risk) => risk.change === "worse");
  const worsenedParts = [
    down.length > 0 ? areaSentences(down, "fell") : null,
    risks.new.length > 0
      ? `${upperFirst(countPhrase(risks.new.length, "new risk", "new risks"))} appeared, including "${risks.new[0]?.title ?? ""}".`
      : null,
    worse.length > 0
      ? `${upperFirst(countPhrase(worse.length, "risk is", "risks are"))} more serious than before.`
      : null,
    smallerPromise.length > 0
      ? `${upperFirst(noun)} can keep a smaller promise than before to ${joinList(smallerPromise.map((group) => group.phrase))}.`
      : null,
  ].filter((part): part is string => part !== null);
  const worsened = worsenedParts.length > 0 ? worsenedParts.join(" ") : "Nothing got meaningfully worse.";

  const open = stepCounts["still-to-do"] + stepCounts["partly-done"];
  const urgentNew = risks.new.find((risk) => risk.severity === "high");
  const holdsBack = later.verdict.cappedBy[0];
  const firstAction = later.strategy.roadmap[0]?.actions.find(
    (action) => action.recommendationId !== "rec-brief-leadership",
  );
  const nextParts = [
    urgentNew ? `Deal first with the new high risk, "${urgentNew.title}".` : null,
    holdsBack ? `To raise the verdict, start with what holds it back. ${holdsBack.reason}` : null,
    open > 0
      ? `${upperFirst(countPhrase(open, "step", "steps"))} from the last plan ${open === 1 ? "is" : "are"} still open.`
      : null,
    firstAction && !holdsBack ? `The new plan starts with "${firstAction.action}".` : null,
    `Share what has changed with ${later.decision.decisionMaker}.`,
  ].filter((part): part is string => part !== null);
  return {
    headline,
    improved,
    worsened,
    next: nextParts.join(" "),
    caveat: comparison.method.note,
  };
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

function areaChanges(earlier: ReadinessReport, later: ReadinessReport): AreaChange[] {
  const present = new Set([...earlier.dimensions, ...later.dimensions].map((dimension) => dimension.id));
  return DIMENSION_IDS.filter((id) => present.has(id)).map((id) => {
    const before = earlier.dimensions.find((dimension) => dimension.id === id);
    const after = later.dimensions.find((dimension) => dimension.id === id);
    const name = after?.name ?? before?.name ?? id;
    if (!before || !after) {
      return {
        id,
        name,
        then: before?.score ?? null,
        now: after?.score ?? null,
        change: null,
        meaningful: false,
        direction: "not-compared",
      };
    }
    return { id, name, ...scoreChange(before.score, after.score, MEANINGFUL_AREA_CHANGE) };
  });
}

function riskChanges(earlier: ReadinessReport, later: ReadinessReport): RiskChanges {
  const snapshot = (risk: ReadinessReport["risks"][number]): RiskSnapshot => ({
    id: risk.id,
    title: risk.title,
    severity: risk.severity,
    kind: risk.kind,
  });
  const laterById = new Map(later.risks.map((risk) => [risk.id, risk]));
  const earlierIds = new Set(earlier.risks.map((risk) => risk.id));
  return {
    resolved: earlier.risks.filter((risk) => !laterById.has(risk.id)).map(snapshot),
    new: later.risks.filter((risk) => !earlierIds.has(risk.id)).map(snapshot),
    continuing: earlier.risks.flatMap((before): ContinuingRisk[] => {
      const after = laterById.get(before.id);
      if (!after) return [];
      const difference = severityRank(after.severity) - severityRank(before.severity);
      return [
        {
          id: after.id,
          title: after.title,
          kind: after.kind,
          severityThen: before.severity,
          severityNow: after.severity,
          change: difference > 0 ? "worse" : difference < 0 ? "better" : "same",
        },
      ];
    }),
  };
}

/**
 * Compares an earlier report of an organisation with a later one.
 *
 * Rules (docs/reassessment-method.md): time between in days and calendar months; verdict band
 * then and now, rose / fell / held by band order; overall index and each area's score then, now
 * and the change (points, -100 to 100), meaningful from `MEANINGFUL_OVERALL_CHANGE` (3) and
 * `MEANINGFUL_AREA_CHANGE` (5) points; risks by id: resolved (earlier only), new (later only),
 * continuing (both, with severity then and now); groups matched by id, then by normalised name
 * (`matchGroups`); every step of the earlier roadmap with its status (`StepStatus`); a plain
 * summary. Reports scored with different method versions are still compared, with a note that
 * the scores are not strictly like for like.
 *
 * `later` is expected to be the more recent; if it is not, `timeBetween.days` is negative and
 * everything else is worked out the same way, so compare(a, b) mirrors compare(b, a).
 * Throws a RangeError when either `assessedOn` is not a real ISO date.
 */
export function compareReports(earlier: ReadinessReport, later: ReadinessReport): ReassessmentComparison {
  const time = timeBetween(earlier.meta.assessedOn, later.meta.assessedOn);
  const { pairs, added, dropped } = matchGroups(earlier.engagementGaps, later.engagementGaps);
  const rank = bandRank(later.verdict.band) - bandRank(earlier.verdict.band);
  const steps = roadmapSteps(earlier, later, pairs);
  const stepCounts = Object.fromEntries(
    STEP_STATUSES.map((status) => [status, steps.filter((step) => step.status === status).length]),
  ) as Record<StepStatus, number>;
  const withoutSummary: Omit<ReassessmentComparison, "summary"> = {
    organisationType: later.meta.organisationType,
    earlier: stamp(earlier),
    later: stamp(later),
    timeBetween: time,
    method: methodCheck(earlier, later),
    verdict: {
      then: earlier.verdict.band,
      thenLabel: earlier.verdict.bandLabel,
      now: later.verdict.band,
      nowLabel: later.verdict.bandLabel,
      direction: rank > 0 ? "rose" : rank < 0 ? "fell" : "held",
      ceilingThen: earlier.verdict.ceiling,
      ceilingNow: later.verdict.ceiling,
    },
    overall: scoreChange(earlier.overall.score, later.overall.score, MEANINGFUL_OVERALL_CHANGE),
    areas: areaChanges(earlier, later),
    risks: riskChanges(earlier, later),
    groups: {
      matched: pairs.map(([before, after]) => ({
        groupId: after.groupId,
        name: after.groupName,
        earlierGroupId: before.groupId,
        earlierName: before.groupName,
        phrase: after.groupPhrase,
        matchedBy: before.groupId === after.groupId ? "id" : "name",
        current: levelChange(before.current, after.current),
        desired: levelChange(before.desired, after.desired),
        sustainable: levelChange(before.sustainable, after.sustainable),
      })),
      added: added.map(snapshotOf),
      dropped: dropped.map(snapshotOf),
    },
    steps,
    stepCounts,
  };
  return { ...withoutSummary, summary: executiveSummary(withoutSummary, later) };
}

// ---------------------------------------------------------------------------------------------
// The trend
// ---------------------------------------------------------------------------------------------

/**
 * The trend across three or more reports of one organisation: one point per report, oldest first
 * (by `meta.assessedOn`; reports of the same day keep the order they were given in), and one
 * series for the overall index and one for each area, each with one value per point.
 *
 * Throws a RangeError with fewer than `TREND_MINIMUM` (3) reports: two are compared with
 * `compareReports`. Also throws when an `assessedOn` is not a real ISO date.
 */
export function buildTrend(reports: readonly ReadinessReport[]): Trend {
  if (reports.length < TREND_MINIMUM) {
    throw new RangeError(`A trend needs ${TREND_MINIMUM} or more reports, got ${reports.length}`);
  }
  const ordered = reports
    .map((report, index) => ({ report, index, day: isoDateToDays(report.meta.assessedOn) }))
    .sort((a, b) => a.day - b.day || a.index - b.index)
    .map(({ report }) => report);
  const first = ordered[0] as ReadinessReport;
  const last = ordered[ordered.length - 1] as ReadinessReport;
  const present = new Set(ordered.flatMap((report) => report.dimensions.map((dimension) => dimension.id)));
  const areaSeries: TrendSeries[] = DIMENSION_IDS.filter((id) => present.has(id)).map((id) => ({
    id,
    name: ordered.flatMap((report) => report.dimensions.filter((d) => d.id === id).map((d) => d.name)).pop() ?? id,
    values: ordered.map((report) => report.dimensions.find((dimension) => dimension.id === id)?.score ?? null),
  }));
  const versions = [...new Set(ordered.map((report) => report.meta.methodVersion))];
  return {
    points: ordered.map((report) => ({
      assessedOn: report.meta.assessedOn,
      methodVersion: report.meta.methodVersion,
      band: report.verdict.band,
      bandLabel: report.verdict.bandLabel,
      overall: report.overall.score,
    })),
    series: [
      { id: "overall", name: "Overall readiness", values: ordered.map((report) => report.overall.score) },
      ...areaSeries,
    ],
    span: timeBetween(first.meta.assessedOn, last.meta.assessedOn),
    sameMethod: versions.length === 1,
    methodNote:
      versions.length === 1
        ? null
        : `These reports were scored with ${versions.length === 2 ? "two" : formatNumber(versions.length)} versions of the method (${joinList(versions)}). Part of a change may come from the method, not from what you did.`,
  };
}
