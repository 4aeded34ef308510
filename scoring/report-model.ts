/**
 * The readiness report model: the one shape that the HTML report page and the PDF both render.
 * Produced by `scoreAssessment` (score-assessment.ts) from the typed answers, and nothing else.
 *
 * Rules every part follows:
 * - Every score, risk, recommendation and strategy item carries the `AnswerRef`s of the answers
 *   that produced it, so a reader can see "because you answered X".
 * - Numbers are rounded when they are made (integers for scores, one decimal for hours and
 *   multipliers, two decimals for ratios), so the serialised report is byte-stable.
 * - Absent values are `null`, never `undefined`, so JSON keeps every key.
 * - Hours called "working hours" are hours inside a 40-hour working week (9:00 to 17:00,
 *   Monday to Friday); "clock hours" are ordinary elapsed hours.
 */
import type {
  AdoptionStage,
  AnswerRef,
  CoverDays,
  CoverHours,
  Currency,
  CurrentLevel,
  Degree,
  Iap2Level,
  ModerationModel,
  OrganisationType,
  PeakKind,
  Purpose,
  ReviewCadence,
  Sentiment,
} from "./answers";

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** The nine readiness dimensions, in report order. */
export const DIMENSION_IDS = [
  "purpose",
  "stakeholders",
  "listening",
  "sharing",
  "capacity",
  "governance",
  "safeguards",
  "people",
  "commitment",
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** Readiness bands, from least to most ready. */
export const BAND_IDS = ["not-ready", "inform-and-listen", "inform-and-consult", "involve", "collaborate"] as const;
export type BandId = (typeof BAND_IDS)[number];

export const SEVERITIES = ["high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every risk the scoring can raise, in the order they are listed when severities tie. */
export const RISK_IDS = [
  "unanswerable-questions",
  "hostile-without-rules",
  "contentious-project-hostile",
  "no-governance-basics",
  "no-out-of-hours-cover",
  "single-person-accounts",
  "no-two-factor",
  "records-not-kept",
  "slow-approvals",
  "listening-own-pages",
  "insight-not-used",
  "no-escalation-path",
  "no-staff-support",
  "peaks-beyond-capacity",
  "ambition-beyond-capacity",
  "broadcast-only",
  "no-sponsor",
  "measures-not-outcomes",
  "no-offline-guidance",
  "no-evergreen-reserve",
  "no-training",
] as const;
export type RiskId = (typeof RISK_IDS)[number];

/** Mendelow's power/interest quadrants. Influence is the "power" axis. */
export const QUADRANTS = ["manage-closely", "keep-satisfied", "keep-informed", "monitor"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Mergel and Bretschneider's three adoption stages, without "unknown". */
export type AdoptionStageId = Exclude<AdoptionStage, "unknown">;

/**
 * What to do next with one stakeholder group:
 * - "start": not engaged online yet; begin by informing.
 * - "step-up": move one level up, still within what can be sustained.
 * - "hold": already at the desired level; keep the promise.
 * - "strengthen-foundations": stay at today's level; fix what blocks the next level first.
 * - "step-back": today's level promises more than can be kept (or more than wanted); step down.
 */
export type NextStepAction = "start" | "step-up" | "hold" | "strengthen-foundations" | "step-back";

/** The three phases of the 90-day roadmap: days 1-30, 31-60, 61-90. */
export type RoadmapPhaseNumber = 1 | 2 | 3;

/** A quantity given as a range where inputs were estimates. low <= likely <= high. */
export interface Range {
  low: number;
  likely: number;
  high: number;
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

export interface ReadinessReport {
  meta: ReportMeta;
  verdict: Verdict;
  /** What the report asks of leadership: the decision, its people and money, the first steps. */
  decision: LeadershipDecision;
  overall: OverallIndex;
  dimensions: DimensionScore[];
  engagementGaps: EngagementGap[];
  capacity: CapacityModel;
  risks: Risk[];
  recommendations: Recommendation[];
  strategy: StarterStrategy;
  thingsToFindOut: ThingToFindOut[];
  method: MethodAppendix;
}

export interface ReportMeta {
  organisationName: string;
  organisationType: OrganisationType;
  /** small (under 200 staff), medium (under 2,000) or large. */
  organisationSize: "small" | "medium" | "large";
  /** The questionnaire version the answers were given against. */
  questionnaireVersion: string;
  /** The date of the assessment, ISO yyyy-mm-dd, as passed in. */
  assessedOn: string;
  /** The version of this scoring method; changes whenever a weight, threshold or rule changes. */
  methodVersion: string;
  groupCount: number;
  projectCount: number;
  /** How many answers were "I don't know" (see `thingsToFindOut`). */
  unknownCount: number;
}

// ---------------------------------------------------------------------------------------------
// Verdict and overall index
// ---------------------------------------------------------------------------------------------

export interface Verdict {
  band: BandId;
  /** The band in words, for example "ready to inform and consult". */
  bandLabel: string;
  /** One plain-English sentence an executive could read aloud, naming the organisation. */
  sentence: string;
  /**
   * The highest IAP2 level any group may be held at under this verdict: inform for "not ready" and
   * "inform, and listen", consult, involve, and collaborate or empower for "collaborate". Every
   * group's sustainable level, every step and every activity in the plan stays at or below it.
   */
  ceiling: Iap2Level;
  /** The band the overall index alone would give, before any gate lowered it. */
  indexBand: BandId;
  /** The gates that lowered the band, most decisive first; empty when none did. */
  cappedBy: AppliedGate[];
  refs: AnswerRef[];
}

export type GateId = "capacity" | "hostile-without-rules" | "ceiling" | "high-risk" | "listening-floor";

export interface AppliedGate {
  id: GateId;
  /** The highest band the gate allows. */
  capsAt: BandId;
  /** Why, in plain words. */
  reason: string;
  refs: AnswerRef[];
}

export interface OverallIndex {
  /** 0-100, the weighted mean of the dimension scores, rounded to an integer. */
  score: number;
  /** The formula in words. */
  formula: string;
  contributions: DimensionContribution[];
}

export interface DimensionContribution {
  dimensionId: DimensionId;
  name: string;
  score: number;
  /** Weight in percent; the weights add up to 100. */
  weight: number;
  /** score x weight / 100, one decimal: the points this dimension adds to the index. */
  points: number;
}

// ---------------------------------------------------------------------------------------------
// Dimensions
// ---------------------------------------------------------------------------------------------

export interface DimensionScore {
  id: DimensionId;
  name: string;
  /** The question this dimension answers, in plain words. */
  question: string;
  /** 0-100, integer: 100 x (sum of points) / (sum of maximum points). */
  score: number;
  /** Weight in the overall index, in percent. */
  weight: number;
  /** One sentence on what drove the score. */
  summary: string;
  factors: ScoreFactor[];
  /** Only for governance: the Mergel and Bretschneider adoption stage used as its maturity scale. */
  maturity: AdoptionMaturity | null;
  refs: AnswerRef[];
}

export interface ScoreFactor {
  id: string;
  label: string;
  /** Points earned, one decimal, 0 to `maxPoints`. */
  points: number;
  /** The most this factor can earn; the factor's weight within its dimension. */
  maxPoints: number;
  /** What was answered and how it was scored, in plain words. */
  note: string;
  /** The assumption used when an answer was "I don't know"; null otherwise. */
  assumption: string | null;
  refs: AnswerRef[];
}

export interface AdoptionMaturity {
  /** What the organisation said ("unknown" when it did not know). */
  stated: AdoptionStage;
  /** The stage its other answers point to. */
  evidenced: AdoptionStageId;
  /** The stage used for scoring: the lower of stated and evidenced (evidenced when unknown). */
  used: AdoptionStageId;
  label: string;
  description: string;
  note: string;
  refs: AnswerRef[];
}

// ---------------------------------------------------------------------------------------------
// Capacity model
// ---------------------------------------------------------------------------------------------

export interface CalculationStep {
  id: string;
  label: string;
  /** The value used: a count, a multiplier or a rate, as `unit` says. */
  value: number;
  unit: string;
  note: string;
  refs: AnswerRef[];
}

/** The capacity verdict: one finding, read by every section that talks about capacity. */
export type CapacityStatus =
  /** Hours are not known, so nothing can be said about answering. */
  | "hours-unknown"
  /** No one has hours set aside. */
  | "no-hours"
  /** Fewer than eight in ten of the expected questions could be answered. */
  | "short"
  /** Eight in ten or more, but not all. */
  | "stretched"
  /** Everything can be answered, but not within the target. */
  | "slow"
  /** Everything within the target, with less than a fifth to spare. */
  | "enough"
  /** Everything within the target, with at least a fifth to spare. */
  | "comfortable";

/** Why replies take longer than the target. */
export type SlowCause = "sign-off" | "thin-hours" | "too-few-hours" | "handling";

export interface CapacityFinding {
  status: CapacityStatus;
  /** One sentence, read wherever capacity is mentioned. */
  headline: string;
  /** Why two-way engagement cannot be sustained, as a clause; null when it can. */
  twoWayBlockedBy: string | null;
}

export interface CapacityModel {
  /** A short paragraph: what to expect, what the team can do, and the finding. */
  summary: string;
  finding: CapacityFinding;
  demand: DemandEstimate;
  supply: ReplyCapacity;
  /** Weekly reply capacity divided by questions; 1 means just enough. Capped at 10. Null when hours are not known. */
  coverage: Range | null;
  response: ResponseTimes;
  cover: CoverModel;
  shortfall: CapacityShortfall;
  /** The busiest weeks, when the organisation named peaks; null otherwise. */
  peak: PeakCheck | null;
  /**
   * Working hours for the questions a team takes on first when it triages (the queue held at 80%
   * utilisation), never better than today's stated time; 400 with no hours. Decides whether
   * consulting is sustainable at all.
   */
  priorityRepliesHours: number;
  /** False when capacity cannot sustain two-way engagement at all: then every group stays at Inform. */
  twoWaySustainable: boolean;
  assumptions: StatedAssumption[];
  refs: AnswerRef[];
}

export interface DemandEstimate {
  /** "count" when the organisation gave its weekly volume; "estimate" when it was not sure. */
  method: "count" | "estimate";
  /** Messages and comments a week today, across all channels. */
  currentWeekly: Range;
  /** Messages and comments a week expected over the next 90 days at the desired engagement. */
  expectedWeekly: Range;
  /** The share of them that are questions needing an answer. */
  questionShare: Range;
  /** True when the share was not known and a default was used. */
  questionShareAssumed: boolean;
  /** Questions a week needing an answer, over the next 90 days (two significant figures). */
  questionsWeekly: Range;
  /** Questions a week in the busiest weeks, when peaks were named; null otherwise. */
  peakWeekly: Range | null;
  /** False when the range is too wide to plan on (high more than four times low): "cannot be estimated yet". */
  estimable: boolean;
  steps: CalculationStep[];
  refs: AnswerRef[];
}

export interface ReplyCapacity {
  hoursKnown: boolean;
  /** True when the replies per hour come from the organisation's own figures (it keeps up today) rather than the model. */
  rateFromYourFigures: boolean;
  /** Null when not known. */
  teamPeople: number | null;
  /** Null when not known. */
  teamHoursPerWeek: number | null;
  /** Share of team hours spent replying (the rest goes on content, monitoring and reporting). */
  replyShareOfHours: number;
  repliesPerHour: number;
  /** Replies the team can write in a week, two significant figures; null when hours are not known. */
  weeklyReplyCapacity: number | null;
  steps: CalculationStep[];
  refs: AnswerRef[];
}

export interface CoverModel {
  coverHours: CoverHours;
  /** Only with extended cover. */
  coverDays: CoverDays | null;
  /** Clock hours a week inside cover. */
  coveredHoursPerWeek: number;
  /** Clock hours between looks at the channels during cover, from the team's hours; null without hours. */
  checkIntervalHours: number | null;
  /** How often someone actually looks, as far as the hours allow. */
  attention: "watched" | "several-times-a-day" | "daily" | "few-times-a-week" | "rarely" | "unknown" | "none";
  /** When the channels are watched, exactly as answered, inside a sentence ("from 8:00 to 20:00, Monday to Friday"). */
  when: string;
  /** Worst-case clock hours before anyone sees a post made just after cover ends. */
  outOfHoursWaitHours: number;
  /** Clock hours to a first official post in an emergency outside cover, given the protocol. */
  emergencyResponseHours: number;
  refs: AnswerRef[];
}

export interface ResponseTimes {
  /** The target in working hours (the organisation's, or the two-working-day default). */
  targetHours: number;
  targetLabel: string;
  /** True when there was no target and the two-working-day default was used. */
  targetAssumed: boolean;
  /** Today's reply time as the organisation stated it, working hours; null when not known. The evidence. */
  statedHours: number | null;
  statedLabel: string | null;
  /** What the model gives for today's volume and hours, working hours; null without hours. */
  modelledTodayHours: number | null;
  /**
   * Working hours within which genuine questions can be answered over the next 90 days: today's
   * stated time plus what the extra volume adds (the model alone when not stated); for "priority"
   * scope, the time for the questions taken on first. Null when no reply can be promised.
   */
  achievableHours: Range | null;
  achievableLabel: string;
  /** "all": everything expected can be answered; "priority": only the questions taken on first; "none": no replies. */
  scope: "all" | "priority" | "none";
  /** The likely figure's parts, working hours, one decimal; null without hours. */
  parts: ResponseParts | null;
  /** Working hours for replies that need a subject expert or a sign-off; null without hours. */
  slowerRepliesHours: Range | null;
  meetsTarget: boolean;
  /** Why the reply time is longer than the target; empty when it meets it (or cannot be worked out). */
  causes: SlowCause[];
  /** Reconciles the stated time with the model when they differ; null otherwise. */
  reconciliation: string | null;
  /** The reply time to publish: the target when it is met, else the achievable time rounded up to a plain band. */
  promiseHours: number | null;
  promiseLabel: string | null;
  refs: AnswerRef[];
}

export interface ResponseParts {
  /** Waiting for someone to next look at the channels. */
  attentionWait: number;
  /** Waiting behind other questions when demand is close to or above capacity. */
  queueDelay: number;
  /** Waiting for a sign-off, when most replies need one. */
  approvalDelay: number;
}

export interface PeakCheck {
  kinds: Exclude<PeakKind, "none" | "unknown">[];
  /** Questions a week in the busiest weeks. */
  questionsWeekly: Range;
  /** Reply capacity over peak questions; null when hours are not known. */
  coverage: Range | null;
  /** True when the likely peak can be answered with today's hours. */
  copes: boolean;
}

export interface MoneyEstimate {
  /** Cost a year of the extra hours, two significant figures. */
  perYear: Range;
  currency: Currency;
  hourlyCost: number;
  /** True when the organisation gave no cost and a typical figure for its currency was used. */
  hourlyCostAssumed: boolean;
  /** The likely cost in words, with the currency ("A$96,000"). */
  label: string;
}

export interface CapacityShortfall {
  /** Extra team hours a week to answer everything expected within the target; null when it cannot be estimated yet. */
  extraHoursPerWeek: Range | null;
  /** The same in full-time staff (37.5 hours a week); null when it cannot be estimated yet. */
  extraFte: Range | null;
  /** What the extra hours cost a year; null without extra hours, or without a currency or cost. */
  cost: MoneyEstimate | null;
  /** False when hours are not known or the range is too wide to plan on. */
  estimable: boolean;
  /** What to find out so the figure can be given; null when estimable. */
  findOut: string | null;
  /** When not estimable from a known number of hours, the rough spread of extra hours a week; null otherwise. */
  roughRange: Range | null;
  /** False when sign-off delays alone exceed the target, so more hours cannot meet it. */
  hoursAloneMeetTarget: boolean;
  note: string;
  refs: AnswerRef[];
}

export interface StatedAssumption {
  id: string;
  text: string;
  /** True when the assumption stands in for an "I don't know" or "not sure" answer. */
  fromUnknown: boolean;
  refs: AnswerRef[];
}

// ---------------------------------------------------------------------------------------------
// Engagement gap per stakeholder group
// ---------------------------------------------------------------------------------------------

export interface EngagementGap {
  groupId: string;
  groupName: string;
  /** The group's name mid-sentence: "local businesses", or a proper name as typed. */
  groupPhrase: string;
  quadrant: Quadrant;
  sentiment: Sentiment;
  current: CurrentLevel;
  desired: Iap2Level;
  /** The highest level the organisation can keep now: never above `desired`. */
  sustainable: Iap2Level;
  /** The level to work at next: one step from `current` toward `sustainable`, or `sustainable` itself. */
  nextLevel: Iap2Level;
  action: NextStepAction;
  /** The next step in plain words. */
  nextStep: string;
  /** Levels between desired and sustainable (0 when the organisation can sustain what it wants). */
  shortfallLevels: number;
  /** True when the verdict's ceiling, not the group's own requirements, holds it at `sustainable`. */
  heldByVerdict: boolean;
  /** What stops the group going one level above `sustainable`; empty when sustainable = desired. */
  limitedBy: LevelRequirement[];
  refs: AnswerRef[];
}

export interface LevelRequirement {
  id: string;
  /** What is needed, in plain words. */
  description: string;
  met: boolean;
  refs: AnswerRef[];
}

// ---------------------------------------------------------------------------------------------
// Risks and recommendations
// ---------------------------------------------------------------------------------------------

export interface Risk {
  id: RiskId;
  severity: Severity;
  /**
   * Risks that follow from the plan (ambitions beyond what can be kept) rather than from the
   * organisation's foundations; only foundation risks can lower the verdict.
   */
  kind: "foundation" | "plan";
  title: string;
  /** A short clause for the verdict, for example "it has no house rules for hostile groups". */
  summary: string;
  /** What could go wrong and why, in plain words, specific to the organisation. */
  explanation: string;
  triggers: AnswerRef[];
}

export type RecommendationLink =
  | { kind: "risk"; riskId: RiskId }
  | { kind: "engagement-gap"; groupIds: string[] }
  | { kind: "dimension"; dimensionId: DimensionId };

export interface Recommendation {
  id: string;
  title: string;
  why: string;
  /** A concrete first thing to do, worded without a date: when comes from the phase. */
  firstStep: string;
  /** The role best placed to own it. */
  owner: string;
  phase: RoadmapPhaseNumber;
  /** 1 (some) to 3 (large): how much it improves readiness or reduces harm. */
  impact: number;
  /** 1 (can wait) to 3 (now): from the risk's severity and how soon key projects land. */
  urgency: number;
  /** 1 (days) to 3 (months or new money). */
  effort: number;
  /** 2 x impact + 2 x urgency - effort: 1 to 11. */
  priorityScore: number;
  priority: "now" | "next" | "later";
  linkedTo: RecommendationLink;
  /** For engagement-gap recommendations: the level recommended per group, never above sustainable. */
  levels: GroupLevelAdvice[];
  refs: AnswerRef[];
}

export interface GroupLevelAdvice {
  groupId: string;
  groupName: string;
  level: Iap2Level;
}

// ---------------------------------------------------------------------------------------------
// Starter strategy
// ---------------------------------------------------------------------------------------------

export interface StarterStrategy {
  objectives: StrategyObjective[];
  groupPlans: GroupPlan[];
  responsePlan: ResponsePlan;
  houseRules: HouseRulesOutline;
  /** Exactly twelve weekly themes. */
  contentPlan: ContentWeek[];
  /** Exactly three phases. */
  roadmap: RoadmapPhase[];
  measures: MeasuresPlan;
}

/** Mergel's tactics, in the reading's words: push = share, pull = listen, networking = engage. */
export type Tactic = "share" | "listen" | "engage";

/**
 * outcome: a result for people or the organisation (fewer calls, more submissions, satisfaction);
 * output: activity or reach (followers, impressions, posts); countable: a number with no clear
 * result; vague: words that cannot be counted yet; none: no measure set.
 */
export type MeasureKind = "outcome" | "countable" | "output" | "vague" | "none";

export interface StrategyObjective {
  id: string;
  objective: string;
  /** The measure, or null when the organisation has not set one yet. */
  measure: string | null;
  /** Whether the measure counts results (outcome), activity or reach (output), or is not set. */
  measureKind: MeasureKind;
  /** "stated" when it is the organisation's own; "suggested" when drawn from a purpose it chose. */
  source: "stated" | "suggested";
  purposes: Purpose[];
  tactics: Tactic[];
  refs: AnswerRef[];
}

export interface GroupPlan {
  groupId: string;
  groupName: string;
  influence: Degree;
  interest: Degree;
  quadrant: Quadrant;
  quadrantLabel: string;
  /** What the quadrant means for how closely to manage this group. */
  approach: string;
  why: string;
  sentiment: Sentiment;
  levelNow: CurrentLevel;
  levelNext: Iap2Level;
  levelSustainable: Iap2Level;
  levelDesired: Iap2Level;
  /** What the next level promises this group, in plain words. */
  promise: string;
  /** Where to reach them. */
  channels: string[];
  /** Concerns to address, from their expectations, sentiment and the projects that affect them. */
  concerns: string[];
  /** Names of the key projects that affect this group. */
  projects: string[];
  refs: AnswerRef[];
}

export interface ResponsePlan {
  /** When the channels are watched and how often someone looks, as a sentence, never more than the hours allow. */
  monitoringHours: string;
  /** The reply promise to publish, as a sentence: the target if it can be met, otherwise what can be achieved. */
  publishedResponseTime: string;
  matrix: ResponsePriority[];
  escalation: string[];
  takeOffline: string[];
  outOfHours: string;
  refs: AnswerRef[];
}

export interface ResponsePriority {
  id: string;
  category: string;
  examples: string;
  whoAnswers: string;
  /** The time to aim for, in working hours (clock hours for emergencies); never faster than achievable. */
  targetHours: number;
  targetLabel: string;
  /** What the organisation can achieve today for this category, same unit as the target. */
  achievableHours: number;
  achievableLabel: string;
  /** True when the ideal time for this category can be met today. */
  idealMet: boolean;
  escalation: string;
  takeOffline: string;
  refs: AnswerRef[];
}

export interface HouseRulesOutline {
  current: string;
  points: HouseRulePoint[];
  moderationModel: ModerationModel;
  recommendedModeration: string;
  moderationGuidance: string[];
  refs: AnswerRef[];
}

export interface HouseRulePoint {
  point: string;
  why: string;
}

// ---------------------------------------------------------------------------------------------
// The decision for leadership
// ---------------------------------------------------------------------------------------------

export interface LeadershipDecision {
  /** Who decides, inside a sentence: "the council", "the board". */
  decisionMaker: string;
  /** The decision sought, one or two sentences. */
  ask: string;
  /** What to approve, each a short sentence. */
  approve: string[];
  /** The people it takes, in words, with full-time staff where an estimate is possible. */
  people: string;
  /** The money it takes, in words, with the hourly cost used and whether it was assumed. */
  money: string;
  /** The first three steps of the roadmap. */
  firstSteps: RoadmapAction[];
  refs: AnswerRef[];
}

export interface ContentWeek {
  week: number;
  /** Monday of the week, ISO yyyy-mm-dd, counting from the first Monday after the assessment. */
  weekStarting: string;
  theme: string;
  angle: string;
  format: string;
  source: "project" | "emergency-service" | "contentious-topic" | "purpose" | "house-rules" | "evergreen";
  serves: GroupLevelRef[];
  refs: AnswerRef[];
}

export interface GroupLevelRef {
  groupId: string;
  groupName: string;
}

export interface RoadmapPhase {
  phase: RoadmapPhaseNumber;
  title: string;
  /** Day 1 is the day after the assessment. */
  startDay: number;
  endDay: number;
  startDate: string;
  endDate: string;
  goal: string;
  actions: RoadmapAction[];
}

export interface RoadmapAction {
  recommendationId: string;
  action: string;
  firstStep: string;
  owner: string;
}

export interface MeasuresPlan {
  reviewCadence: Exclude<ReviewCadence, "none">;
  /** True when there was no review cadence and quarterly is recommended. */
  cadenceAssumed: boolean;
  cadenceNote: string;
  perObjective: ObjectiveMeasures[];
  /** Indicators for the health of the engagement itself, whatever the objectives. */
  operational: string[];
  refs: AnswerRef[];
}

export interface ObjectiveMeasures {
  objectiveId: string;
  objective: string;
  /** The organisation's own measure, as stated; null for suggested objectives without one. */
  statedMeasure: string | null;
  suggestedIndicators: string[];
  refs: AnswerRef[];
}

// ---------------------------------------------------------------------------------------------
// Things to find out
// ---------------------------------------------------------------------------------------------

export interface ThingToFindOut {
  id: string;
  /** The question, in plain words. */
  question: string;
  /** What the scoring assumed instead. */
  assumption: string;
  whyItMatters: string;
  /** The role most likely to know. */
  whoCanFindOut: string;
  /** The dimensions or parts of the report the assumption affects. */
  affects: string[];
  refs: AnswerRef[];
}

// ---------------------------------------------------------------------------------------------
// "How this was scored" appendix
// ---------------------------------------------------------------------------------------------

export interface MethodAppendix {
  methodVersion: string;
  overview: string[];
  dimensions: MethodDimension[];
  overallFormula: string;
  bands: MethodBand[];
  gates: MethodGate[];
  capacityAssumptions: MethodValue[];
  demandMultipliers: MethodValue[];
  levelRules: MethodLevelRule[];
  riskRules: string[];
  priorityFormula: string[];
  /** How the report is fitted to the kind and size of organisation. */
  fitting: string[];
  unknownsPolicy: string[];
  levels: MethodLevel[];
  quadrants: MethodQuadrant[];
  adoptionStages: MethodAdoptionStage[];
  sources: MethodSource[];
}

export interface MethodDimension {
  id: DimensionId;
  name: string;
  weight: number;
  why: string;
  factors: MethodFactor[];
}

export interface MethodFactor {
  id: string;
  label: string;
  maxPoints: number;
  /** How the answer turns into points, in plain words. */
  rule: string;
  /** The question ids that feed it. */
  questionIds: string[];
}

export interface MethodBand {
  id: BandId;
  label: string;
  /** Inclusive lower bound of the overall index for this band. */
  minIndex: number;
  /** Inclusive upper bound. */
  maxIndex: number;
  meaning: string;
}

export interface MethodGate {
  id: GateId;
  rule: string;
  capsAt: string;
}

export interface MethodValue {
  id: string;
  name: string;
  value: string;
  reasoning: string;
}

export interface MethodLevelRule {
  level: Iap2Level;
  requirements: string[];
}

export interface MethodLevel {
  level: Iap2Level;
  name: string;
  promise: string;
}

export interface MethodQuadrant {
  quadrant: Quadrant;
  label: string;
  rule: string;
  approach: string;
}

export interface MethodAdoptionStage {
  stage: AdoptionStageId;
  label: string;
  description: string;
}

export interface MethodSource {
  id: string;
  citation: string;
  url: string | null;
  usedFor: string;
}
