/**
 * The capacity model: how many questions and comments to expect, how many the team can answer,
 * how fast, and what it would take to meet the response target. Every constant here is printed
 * in the method appendix (method.ts) and explained in docs/scoring-method.md.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type {
  AnswerRef,
  ApprovalTime,
  AssessmentAnswers,
  CommentsPerPost,
  CoverHours,
  ExpertAccess,
  FollowerBand,
  PostingFrequency,
  Practice,
  ProjectTiming,
  Contentiousness,
  ResponseTime,
} from "./answers";
import { deriveFacts, levelsFor, type AnswerFacts } from "./answer-facts";
import { levelRank } from "./levels";
import { clamp, round, roundUp, safeDivide } from "./numbers";
import type {
  CalculationStep,
  CapacityModel,
  CapacityShortfall,
  DemandEstimate,
  Range,
  ReplyCapacity,
  ResponseTimes,
  StatedAssumption,
} from "./report-model";
import { formatNumber, shareInWords, WORKING_HOURS_PER_WEEK, workingHoursLabel } from "./text";

// ---------------------------------------------------------------------------------------------
// Assumptions (all documented in docs/scoring-method.md)
// ---------------------------------------------------------------------------------------------

/** Share of questions and comments that need a reply from the organisation. */
export const REPLY_SHARE_OF_COMMENTS = 0.3;
/** Share of the team's hours spent writing replies; the rest is content, monitoring, reporting. */
export const REPLY_SHARE_OF_HOURS = 0.4;
/** Replies per hour of replying time, by whether pre-approved key messages exist. */
export const REPLIES_PER_HOUR: Readonly<Record<Practice, number>> = { yes: 8, partly: 7, no: 6, unknown: 6 };
/** A shared inbox tool lets the team triage and reuse answers: replies per hour x 1.1. */
export const SHARED_INBOX_BOOST = 1.1;
/** The GDS default when there is no target: two working days, in working hours. */
export const DEFAULT_TARGET_HOURS = 16;
/** Full-time week used to turn hours into staff. */
export const FTE_HOURS = 37.5;
/** Coverage below which (or replies slower than `TWO_WAY_MAX_HOURS`) two-way engagement is not sustainable. */
export const TWO_WAY_MIN_COVERAGE = 0.8;
export const TWO_WAY_MAX_HOURS = 40;
/** Caps that keep every figure finite and readable. */
export const COVERAGE_CAP = 10;
export const ACHIEVABLE_CAP_HOURS = 400;
export const ATTENTION_MIN_HOURS = 0.5;
export const ATTENTION_MAX_HOURS = 80;
export const QUEUE_CAP_HOURS = 40;
export const BACKLOG_HORIZON_WEEKS = 4;
/** When today's response time is not known, the high end of the achievable range is widened by this. */
export const UNKNOWN_ACTUAL_WIDENING = 1.5;

/** Response-time bands in working hours (a working day is 8 hours, a week 40). */
export const RESPONSE_TIME_HOURS: Readonly<Record<ResponseTime, number>> = {
  "1-hour": 1,
  "4-hours": 4,
  "1-working-day": 8,
  "2-working-days": 16,
  "1-week": 40,
  longer: 80,
};

export const RESPONSE_TIME_LABELS: Readonly<Record<ResponseTime, string>> = {
  "1-hour": "1 hour",
  "4-hours": "4 hours",
  "1-working-day": "1 working day",
  "2-working-days": "2 working days",
  "1-week": "1 week",
  longer: "longer than a week",
};

/** Sign-off delay by band, working hours (low, likely, high). */
export const APPROVAL_HOURS: Readonly<Record<ApprovalTime, Range>> = {
  "under-1-hour": { low: 0.25, likely: 0.5, high: 1 },
  "same-day": { low: 2, likely: 4, high: 8 },
  "1-2-days": { low: 8, likely: 12, high: 16 },
  longer: { low: 16, likely: 32, high: 40 },
  unknown: { low: 1, likely: 8, high: 24 },
};

/** Extra wait for a subject expert's answer, working hours (low, likely, high). */
export const EXPERT_HOURS: Readonly<Record<ExpertAccess, Range>> = {
  "same-day": { low: 2, likely: 4, high: 8 },
  "few-days": { low: 16, likely: 24, high: 32 },
  hard: { low: 24, likely: 40, high: 80 },
  unknown: { low: 4, likely: 16, high: 40 },
};

/** Clock hours a week during which someone is meant to watch, by cover option. */
export const COVERED_HOURS_PER_WEEK: Readonly<Record<CoverHours, number>> = {
  "business-hours": 40,
  "extended-hours": 70,
  "all-hours": 168,
};

/** Worst-case clock hours before anyone sees a post made just after cover ends. */
export const OUT_OF_HOURS_WAIT: Readonly<Record<CoverHours, number>> = {
  "business-hours": 64,
  "extended-hours": 12,
  "all-hours": 1,
};

/** Posts a week by band (low, likely = midpoint, high). */
export const POSTS_PER_WEEK: Readonly<Record<PostingFrequency, Range>> = {
  "under-1-a-week": { low: 0.25, likely: 0.5, high: 1 },
  "1-3-a-week": { low: 1, likely: 2, high: 3 },
  "4-10-a-week": { low: 4, likely: 7, high: 10 },
  "over-10-a-week": { low: 10, likely: 15, high: 25 },
  unknown: { low: 0.5, likely: 3, high: 15 },
};

/** Comments per post by band (low, likely = midpoint, high); "unknown" is estimated from followers. */
export const COMMENTS_PER_POST_RANGE: Readonly<Record<Exclude<CommentsPerPost, "unknown">, Range>> = {
  "under-2": { low: 0.5, likely: 1, high: 2 },
  "2-10": { low: 2, likely: 6, high: 10 },
  "10-50": { low: 10, likely: 30, high: 50 },
  "over-50": { low: 50, likely: 75, high: 150 },
};

/** Followers across the main accounts by band; "unknown" is estimated from the population served. */
export const FOLLOWERS_RANGE: Readonly<Record<Exclude<FollowerBand, "unknown">, Range>> = {
  "under-1k": { low: 100, likely: 500, high: 1000 },
  "1k-10k": { low: 1000, likely: 5500, high: 10000 },
  "10k-50k": { low: 10000, likely: 30000, high: 50000 },
  "50k-250k": { low: 50000, likely: 150000, high: 250000 },
  "over-250k": { low: 250000, likely: 400000, high: 1000000 },
};

/** Followers as a share of the population served, used only when followers are unknown. */
export const FOLLOWER_SHARE_OF_POPULATION: Range = { low: 0.05, likely: 0.2, high: 0.5 };
/** Comments per post per follower, used only when comments per post are unknown. */
export const COMMENTS_PER_FOLLOWER_PER_POST: Range = { low: 0.0002, likely: 0.0005, high: 0.001 };
/** Private messages and mentions a week per follower. */
export const MESSAGES_PER_FOLLOWER_PER_WEEK: Range = { low: 0.0002, likely: 0.0005, high: 0.001 };

/** Each interactive channel beyond the first adds this share, up to the cap. */
export const CHANNEL_STEP = 0.15;
export const CHANNEL_CAP = 2.5;
/** Each topic that draws strong feeling adds this share, up to the cap. */
export const TOPIC_STEP = 0.08;
export const TOPIC_CAP = 1.6;
/** Purposes that raise question volume. */
export const PURPOSE_MULTIPLIERS = { "service-requests": 1.4, emergency: 1.1, "consult-or-involve": 1.15 } as const;
/** Each level of desired increase (averaged over groups) adds this share, up to the cap. */
export const LEVEL_UPLIFT_STEP = 0.15;
export const LEVEL_UPLIFT_CAP = 1.75;
/** Extra load from key projects: contentiousness weight x timing weight, summed, up to the cap. */
export const PROJECT_CONTENTION_WEIGHTS: Readonly<Record<Contentiousness, number>> = {
  high: 0.3,
  medium: 0.12,
  low: 0.04,
};
export const PROJECT_TIMING_WEIGHTS: Readonly<Record<ProjectTiming, number>> = {
  "next-3-months": 1,
  "3-6-months": 0.5,
  "6-12-months": 0.2,
};
export const PROJECT_CAP = 2;
/** Even a new channel draws questions: at least one a week per 10,000 people served, 2 to 200. */
export const LAUNCH_FLOOR_PER_PERSON = 1 / 10000;
export const LAUNCH_FLOOR_MIN = 2;
export const LAUNCH_FLOOR_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Range arithmetic
// ---------------------------------------------------------------------------------------------

function point(value: number): Range {
  return { low: value, likely: value, high: value };
}

function times(a: Range, b: Range): Range {
  return { low: a.low * b.low, likely: a.likely * b.likely, high: a.high * b.high };
}

function plus(a: Range, b: Range): Range {
  return { low: a.low + b.low, likely: a.likely + b.likely, high: a.high + b.high };
}

function scale(a: Range, factor: number): Range {
  return { low: a.low * factor, likely: a.likely * factor, high: a.high * factor };
}

function roundRange(range: Range, decimals: number): Range {
  const values = [range.low, range.likely, range.high].map((value) => round(value, decimals)).sort((x, y) => x - y);
  return { low: values[0] ?? 0, likely: values[1] ?? 0, high: values[2] ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Demand
// ---------------------------------------------------------------------------------------------

/**
 * Multiplier for desired levels above today's, averaged over groups.
 *
 * Formula: min(1.75, 1 + 0.15 x mean over groups of max(0, rank(desired) - rank(current))),
 * where none = 0, inform = 1 ... empower = 5. Unitless; range 1 to 1.75.
 */
export function levelUpliftMultiplier(answers: AssessmentAnswers, facts: AnswerFacts = deriveFacts(answers)): number {
  const steps = facts.groups.map((group) => {
    const levels = levelsFor(facts, group.id);
    return Math.max(0, levelRank(levels.desired) - levelRank(levels.current));
  });
  const mean = safeDivide(
    steps.reduce((sum, step) => sum + step, 0),
    steps.length,
    0,
  );
  return Math.min(LEVEL_UPLIFT_CAP, 1 + LEVEL_UPLIFT_STEP * mean);
}

/**
 * Multiplier for key projects expected to draw interest.
 *
 * Formula: min(2, 1 + sum over projects of contention weight (high 0.3, medium 0.12, low 0.04)
 * x timing weight (next 3 months 1, 3-6 months 0.5, 6-12 months 0.2)). Unitless; range 1 to 2.
 */
export function projectMultiplier(answers: AssessmentAnswers): number {
  const extra = answers.stakeholders.projects.reduce(
    (sum, project) =>
      sum + PROJECT_CONTENTION_WEIGHTS[project.contentiousness] * PROJECT_TIMING_WEIGHTS[project.timing],
    0,
  );
  return Math.min(PROJECT_CAP, 1 + extra);
}

/**
 * Estimates questions and comments a week, today and over the next 90 days at the desired
 * engagement, and the share of those that need a reply.
 *
 * Formula (count): current = weeklyVolume.
 * Formula (estimate): current = (posts/week x comments/post + followers x messages/follower/week)
 *   x channels x topics x purposes, with low/likely/high from band ends and midpoints; unknown
 *   comments/post = followers x 0.0005 (0.0002-0.001); unknown followers = population x 0.2 (0.05-0.5).
 * Then expected = max(launch floor, current x level uplift x projects); replies = expected x 0.4.
 * Unit: questions and comments a week; range 0 and above, rounded to integers.
 */
export function estimateDemand(answers: AssessmentAnswers, facts: AnswerFacts = deriveFacts(answers)): DemandEstimate {
  const { organisation, capacity } = answers;
  const steps: CalculationStep[] = [];
  let current: Range;
  let method: DemandEstimate["method"];

  if (capacity.volumeKnowledge === "known" && capacity.weeklyVolume !== undefined) {
    method = "count";
    current = point(Math.max(0, capacity.weeklyVolume));
    steps.push({
      id: "count",
      label: "Your count of questions and comments a week",
      value: round(current.likely),
      unit: "a week",
      note: "Taken from your answer, across all channels.",
      refs: [ref("capacity", "weeklyVolume")],
    });
  } else {
    method = "estimate";
    current = estimatedCurrentVolume(answers, facts, steps);
  }

  const uplift = levelUpliftMultiplier(answers, facts);
  const projects = projectMultiplier(answers);
  steps.push({
    id: "level-uplift",
    label: "More engagement brings more questions",
    value: round(uplift, 2),
    unit: "multiplier",
    note:
      uplift > 1
        ? "You want to engage some groups at a higher level than today, and each level up invites more conversation."
        : "You are not planning to raise the level of engagement, so no uplift is added.",
    refs: facts.groups.flatMap((group) => [ref("engagementModel", "levels", { groupId: group.id })]),
  });
  steps.push({
    id: "projects",
    label: "Key projects coming up",
    value: round(projects, 2),
    unit: "multiplier",
    note:
      projects > 1
        ? "Contentious projects, especially in the next three months, bring peaks of questions."
        : "No key projects listed, so no project load is added.",
    refs: answers.stakeholders.projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
  });

  const floor = clamp(organisation.population * LAUNCH_FLOOR_PER_PERSON, LAUNCH_FLOOR_MIN, LAUNCH_FLOOR_MAX);
  const grown = scale(current, uplift * projects);
  const expected: Range = {
    low: Math.max(floor, grown.low),
    likely: Math.max(floor, grown.likely),
    high: Math.max(floor, grown.high),
  };
  if (grown.likely < floor) {
    steps.push({
      id: "launch-floor",
      label: "Minimum for an open channel",
      value: round(floor),
      unit: "a week",
      note: "Even a quiet channel draws questions once it is open, so we plan for at least one a week per 10,000 people served (between 2 and 200).",
      refs: [ref("organisation", "population")],
    });
  }
  const replies = scale(expected, REPLY_SHARE_OF_COMMENTS);
  steps.push({
    id: "reply-share",
    label: "Share that needs a reply",
    value: REPLY_SHARE_OF_COMMENTS,
    unit: "share",
    note: "About three in ten questions and comments need an answer from you; the rest are reactions, tags or people talking to each other.",
    refs: [],
  });

  return {
    method,
    currentWeekly: roundRange(current, 0),
    expectedWeekly: roundRange(expected, 0),
    repliesNeededWeekly: roundRange(replies, 0),
    steps,
    refs: uniqueRefs(steps.flatMap((step) => step.refs)),
  };
}

function estimatedCurrentVolume(answers: AssessmentAnswers, facts: AnswerFacts, steps: CalculationStep[]): Range {
  const { organisation, capacity } = answers;
  const postingBand = capacity.postingFrequency ?? "unknown";
  const posts = POSTS_PER_WEEK[postingBand];
  steps.push({
    id: "posts",
    label: "Posts a week",
    value: round(posts.likely, 1),
    unit: "posts a week",
    note:
      postingBand === "unknown"
        ? "You did not know how often you post, so we assumed about 3 a week (between 0.5 and 15)."
        : `The middle of the band you chose (${formatNumber(posts.low, 2)} to ${formatNumber(posts.high, 2)}).`,
    refs: [ref("capacity", "postingFrequency")],
  });

  const followerBand = capacity.followers ?? "unknown";
  const followers =
    followerBand === "unknown"
      ? scale(FOLLOWER_SHARE_OF_POPULATION, Math.max(1, organisation.population))
      : FOLLOWERS_RANGE[followerBand];
  const followersSafe: Range = {
    low: Math.max(50, followers.low),
    likely: Math.max(50, followers.likely),
    high: Math.max(50, followers.high),
  };
  steps.push({
    id: "followers",
    label: "Followers across your main accounts",
    value: round(followersSafe.likely),
    unit: "followers",
    note:
      followerBand === "unknown"
        ? "You did not know your followers, so we assumed one in five of the people you serve (between one in twenty and one in two)."
        : "The middle of the band you chose.",
    refs:
      followerBand === "unknown"
        ? [ref("capacity", "followers"), ref("organisation", "population")]
        : [ref("capacity", "followers")],
  });

  const commentsBand = capacity.commentsPerPost ?? "unknown";
  const commentsPerPost =
    commentsBand === "unknown"
      ? times(followersSafe, COMMENTS_PER_FOLLOWER_PER_POST)
      : COMMENTS_PER_POST_RANGE[commentsBand];
  steps.push({
    id: "comments-per-post",
    label: "Comments per post",
    value: round(commentsPerPost.likely, 1),
    unit: "comments a post",
    note:
      commentsBand === "unknown"
        ? "You did not know how many comments a post gets, so we assumed 5 for every 10,000 followers (between 2 and 10)."
        : "The middle of the band you chose.",
    refs: [ref("capacity", "commentsPerPost")],
  });

  const comments = times(posts, commentsPerPost);
  const messages = times(followersSafe, MESSAGES_PER_FOLLOWER_PER_WEEK);
  steps.push({
    id: "messages",
    label: "Messages and mentions a week",
    value: round(messages.likely, 1),
    unit: "a week",
    note: "Questions also arrive by private message and mentions: we assume 5 a week for every 10,000 followers (between 2 and 10).",
    refs: [ref("capacity", "followers")],
  });

  const channelMultiplier = Math.min(CHANNEL_CAP, 1 + CHANNEL_STEP * Math.max(0, facts.interactiveChannelCount - 1));
  steps.push({
    id: "channels",
    label: "Channels in use",
    value: round(channelMultiplier, 2),
    unit: "multiplier",
    note: `${formatNumber(facts.interactiveChannelCount)} ${facts.interactiveChannelCount === 1 ? "channel" : "channels"} where people can comment or message: each one beyond the first adds 15% (up to 2.5 times).`,
    refs: [ref("organisation", "channels")],
  });

  const topicMultiplier = Math.min(TOPIC_CAP, 1 + TOPIC_STEP * facts.contentiousTopics.length);
  steps.push({
    id: "topics",
    label: "Topics that draw strong feeling",
    value: round(topicMultiplier, 2),
    unit: "multiplier",
    note: "Each topic that draws strong feeling adds 8% (up to 1.6 times).",
    refs: [ref("organisation", "contentiousTopics")],
  });

  let purposeMultiplier = 1;
  const purposeNotes: string[] = [];
  if (facts.purposes.includes("service-requests")) {
    purposeMultiplier *= PURPOSE_MULTIPLIERS["service-requests"];
    purposeNotes.push("answering service requests (x1.4)");
  }
  if (facts.purposes.includes("emergency")) {
    purposeMultiplier *= PURPOSE_MULTIPLIERS.emergency;
    purposeNotes.push("emergency communication (x1.1)");
  }
  if (facts.purposes.includes("consult") || facts.purposes.includes("involve")) {
    purposeMultiplier *= PURPOSE_MULTIPLIERS["consult-or-involve"];
    purposeNotes.push("consulting or involving people (x1.15)");
  }
  steps.push({
    id: "purposes",
    label: "Purposes that invite questions",
    value: round(purposeMultiplier, 2),
    unit: "multiplier",
    note:
      purposeNotes.length > 0
        ? `Your purposes include ${purposeNotes.join(", ")}.`
        : "None of your purposes adds to the volume of questions.",
    refs: [ref("stakeholders", "purposes")],
  });

  return scale(plus(comments, messages), channelMultiplier * topicMultiplier * purposeMultiplier);
}

// ---------------------------------------------------------------------------------------------
// Capacity and response time
// ---------------------------------------------------------------------------------------------

/**
 * Replies per hour of replying time.
 *
 * Formula: 8 with pre-approved key messages, 7 with some, 6 without (or not known), x 1.1 with a
 * shared inbox tool. Unit: replies an hour; range 6 to 8.8.
 */
export function repliesPerHour(answers: AssessmentAnswers): number {
  const base = REPLIES_PER_HOUR[answers.capacity.keyMessages];
  return answers.capacity.tools.includes("shared-inbox") ? base * SHARED_INBOX_BOOST : base;
}

/**
 * Replies the team can write in a week.
 *
 * Formula: teamHoursPerWeek x 0.4 x repliesPerHour. Unit: replies a week; range 0 and above.
 */
export function weeklyReplyCapacity(teamHoursPerWeek: number, perHour: number): number {
  return Math.max(0, teamHoursPerWeek) * REPLY_SHARE_OF_HOURS * perHour;
}

/** The parts of a modelled response time, working hours. */
export interface ModelledResponse {
  attentionWait: number;
  queueDelay: number;
  approvalDelay: number;
  total: number;
}

/**
 * Models the working hours within which most genuine questions get a reply.
 *
 * Formula:
 * - attention wait = clamp(40 / teamHours, 0.5, 80): hours spread in one-hour sittings across the
 *   40-hour working week, so a new question waits at most the gap between sittings;
 * - utilisation rho = repliesNeeded / capacity; queue delay = min(40, rho / (1 - rho) x 40 / capacity)
 *   below 1 (the M/M/1 queue's waiting time), and 40 + 160 x (rho - 1) at or above 1 (a backlog
 *   that grows for four weeks);
 * - plus the sign-off delay when most replies need one.
 * Total capped at 400. Unit: working hours; range 0.5 to 400. Never increases when hours increase.
 */
export function modelResponseHours(
  teamHoursPerWeek: number,
  perHour: number,
  repliesNeeded: number,
  approvalDelay: number,
): ModelledResponse {
  const hours = Math.max(0, teamHoursPerWeek);
  const capacity = weeklyReplyCapacity(hours, perHour);
  if (hours <= 0 || capacity <= 0) {
    return {
      attentionWait: ATTENTION_MAX_HOURS,
      queueDelay: ACHIEVABLE_CAP_HOURS - ATTENTION_MAX_HOURS,
      approvalDelay,
      total: ACHIEVABLE_CAP_HOURS,
    };
  }
  const attentionWait = clamp(WORKING_HOURS_PER_WEEK / hours, ATTENTION_MIN_HOURS, ATTENTION_MAX_HOURS);
  const rho = Math.max(0, repliesNeeded) / capacity;
  // NOTE: a vanishingly small capacity (a few billionths of an hour a week are a valid answer)
  // makes rho overflow to Infinity, and 0 x Infinity is NaN: no demand means no queue, and the
  // backlog is capped like the total, so every figure stays finite.
  const queueDelay =
    rho <= 0
      ? 0
      : rho < 1
        ? Math.min(QUEUE_CAP_HOURS, safeDivide(rho, 1 - rho, Infinity) * (WORKING_HOURS_PER_WEEK / capacity))
        : Math.min(ACHIEVABLE_CAP_HOURS, QUEUE_CAP_HOURS + BACKLOG_HORIZON_WEEKS * WORKING_HOURS_PER_WEEK * (rho - 1));
  const total = Math.min(ACHIEVABLE_CAP_HOURS, attentionWait + queueDelay + approvalDelay);
  return { attentionWait, queueDelay, approvalDelay, total };
}

/** Utilisation a team can run at when it answers the most important questions first. */
export const TRIAGE_UTILISATION = 0.8;

/**
 * Working hours for the questions a team takes on first when it triages: as
 * `modelResponseHours`, but the queue is computed at a utilisation of at most 0.8, because the
 * team declines or redirects what it cannot answer instead of letting a backlog build.
 *
 * Formula: clamp(40 / teamHours, 0.5, 80) + min(40, u / (1 - u) x 40 / capacity) + sign-off,
 * with u = min(0.8, repliesNeeded / capacity); 400 with no hours. Unit: working hours; range 0.5
 * to 400. Never increases when hours increase; equals `modelResponseHours` up to 0.8 utilisation.
 */
export function priorityResponseHours(
  teamHoursPerWeek: number,
  perHour: number,
  repliesNeeded: number,
  approvalDelay: number,
): number {
  const capacity = weeklyReplyCapacity(teamHoursPerWeek, perHour);
  if (capacity <= 0) return ACHIEVABLE_CAP_HOURS;
  const admitted = Math.min(Math.max(0, repliesNeeded), TRIAGE_UTILISATION * capacity);
  return modelResponseHours(teamHoursPerWeek, perHour, admitted, approvalDelay).total;
}

/**
 * Team hours a week needed so that most replies meet the target and every expected reply can be
 * written; when sign-off alone takes longer than the target, only the second condition is used.
 *
 * Formula: the least H in [0, 200,000] with capacity(H) >= repliesNeeded and
 * modelResponseHours(H).total <= target, found by bisection (both conditions only improve as H grows).
 * Unit: team hours a week; range 0 to 200,000.
 */
export function hoursNeeded(
  perHour: number,
  repliesNeeded: number,
  approvalDelay: number,
  targetHours: number,
): number {
  const reachable = approvalDelay + ATTENTION_MIN_HOURS <= targetHours;
  const meets = (hours: number): boolean => {
    const enoughReplies = weeklyReplyCapacity(hours, perHour) >= repliesNeeded;
    if (!reachable) return enoughReplies;
    return enoughReplies && modelResponseHours(hours, perHour, repliesNeeded, approvalDelay).total <= targetHours;
  };
  let low = 0;
  let high = 200000;
  if (meets(low)) return 0;
  if (!meets(high)) return high;
  for (let i = 0; i < 60; i += 1) {
    const middle = (low + high) / 2;
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The response target in working hours, and whether it was assumed.
 *
 * Formula: the band's working hours (1 hour -> 1, 1 working day -> 8, 1 week -> 40, longer -> 80);
 * "no-target" -> 16 (the GDS two working days). Unit: working hours; range 1 to 80.
 */
export function targetHours(answers: AssessmentAnswers): { hours: number; assumed: boolean } {
  const target = answers.capacity.targetResponse;
  if (target === "no-target") return { hours: DEFAULT_TARGET_HOURS, assumed: true };
  return { hours: RESPONSE_TIME_HOURS[target], assumed: false };
}

function approvalRange(answers: AssessmentAnswers): Range {
  if (answers.capacity.approvalNeed === "none") return point(0);
  return APPROVAL_HOURS[answers.capacity.approvalTime ?? "unknown"];
}

/**
 * Clock hours to a first official reply in an emergency.
 *
 * Formula: all-hours cover -> 1; otherwise an out-of-hours protocol in place -> 2, in part ->
 * min(cover wait, 12); none -> the cover's worst-case wait (business hours 64, extended 12).
 * Unit: clock hours; range 1 to 64. Never worse when cover or protocol improves.
 */
export function emergencyResponseHours(cover: CoverHours, protocol: Practice): number {
  const wait = OUT_OF_HOURS_WAIT[cover];
  if (cover === "all-hours") return wait;
  if (protocol === "yes") return Math.min(wait, 2);
  if (protocol === "partly") return Math.min(wait, 12);
  return wait;
}

/**
 * Builds the whole capacity model from the answers.
 *
 * Combines `estimateDemand`, `weeklyReplyCapacity`, `modelResponseHours` and `hoursNeeded`:
 * coverage = capacity / replies needed (0 when there is no capacity, 10 when there is no demand,
 * capped at 10); achievable = the modelled time, never better than today's actual time when it is
 * known; the high end widened x1.5 when today's time is not known. Units: see each field.
 */
export function buildCapacityModel(
  answers: AssessmentAnswers,
  facts: AnswerFacts = deriveFacts(answers),
): CapacityModel {
  const { capacity } = answers;
  const demand = estimateDemand(answers, facts);
  const perHour = repliesPerHour(answers);
  const hours = Math.max(0, capacity.teamHoursPerWeek);
  const weekly = weeklyReplyCapacity(hours, perHour);
  const supply = replySupply(answers, perHour, weekly);

  const needed = demand.repliesNeededWeekly;
  const coverageOf = (repliesNeeded: number): number =>
    repliesNeeded <= 0 ? (weekly > 0 ? COVERAGE_CAP : 0) : Math.min(COVERAGE_CAP, weekly / repliesNeeded);
  const coverageRatio = roundRange(
    { low: coverageOf(needed.high), likely: coverageOf(needed.likely), high: coverageOf(needed.low) },
    2,
  );

  const approval = approvalRange(answers);
  const headlineApproval = capacity.approvalNeed === "most-replies" ? approval : point(0);
  const modelLow = modelResponseHours(hours, perHour, needed.low, headlineApproval.low);
  const modelLikely = modelResponseHours(hours, perHour, needed.likely, headlineApproval.likely);
  const modelHigh = modelResponseHours(hours, perHour, needed.high, headlineApproval.high);
  const actual = capacity.actualResponse === "unknown" ? null : RESPONSE_TIME_HOURS[capacity.actualResponse];
  const achievableRaw: Range =
    actual === null
      ? {
          low: modelLow.total,
          likely: modelLikely.total,
          high: Math.min(ACHIEVABLE_CAP_HOURS, modelHigh.total * UNKNOWN_ACTUAL_WIDENING),
        }
      : {
          low: Math.max(modelLow.total, actual),
          likely: Math.max(modelLikely.total, actual),
          high: Math.max(modelHigh.total, actual),
        };
  const achievable = roundRange(achievableRaw, 1);

  const expert = EXPERT_HOURS[capacity.expertAccess];
  const slowExtra: Range = {
    low: Math.max(expert.low, approval.low),
    likely: Math.max(expert.likely, approval.likely),
    high: Math.max(expert.high, approval.high),
  };
  const slower = roundRange(
    {
      low: Math.min(ACHIEVABLE_CAP_HOURS, achievableRaw.low - headlineApproval.low + slowExtra.low),
      likely: Math.min(ACHIEVABLE_CAP_HOURS, achievableRaw.likely - headlineApproval.likely + slowExtra.likely),
      high: Math.min(ACHIEVABLE_CAP_HOURS, achievableRaw.high - headlineApproval.high + slowExtra.high),
    },
    1,
  );

  const priorityHours = round(
    Math.min(
      ACHIEVABLE_CAP_HOURS,
      Math.max(priorityResponseHours(hours, perHour, needed.likely, headlineApproval.likely), actual ?? 0),
    ),
    1,
  );
  const target = targetHours(answers);
  const response: ResponseTimes = {
    targetHours: target.hours,
    targetLabel: target.assumed
      ? "2 working days (you have no target yet, so we used the UK government's usual standard)"
      : RESPONSE_TIME_LABELS[capacity.targetResponse as ResponseTime],
    targetAssumed: target.assumed,
    actualTodayHours: actual,
    achievableHours: achievable,
    achievableLabel: workingHoursLabel(achievable.likely),
    parts: {
      attentionWait: round(modelLikely.attentionWait, 1),
      queueDelay: round(modelLikely.queueDelay, 1),
      approvalDelay: round(modelLikely.approvalDelay, 1),
    },
    priorityRepliesHours: priorityHours,
    slowerRepliesHours: slower,
    outOfHoursWaitHours: OUT_OF_HOURS_WAIT[capacity.coverHours],
    emergencyResponseHours: emergencyResponseHours(capacity.coverHours, capacity.outOfHoursProtocol),
    meetsTarget: achievable.likely <= target.hours,
    refs: [
      ref("capacity", "targetResponse"),
      ref("capacity", "actualResponse"),
      ref("capacity", "teamHoursPerWeek"),
      ref("capacity", "approvalNeed"),
      ...(capacity.approvalNeed === "none" ? [] : [ref("capacity", "approvalTime")]),
      ref("capacity", "expertAccess"),
      ref("capacity", "coverHours"),
      ref("capacity", "outOfHoursProtocol"),
    ],
  };

  const shortfall = buildShortfall(answers, perHour, needed, headlineApproval, target.hours, hours);
  const twoWaySustainable =
    hours > 0 && coverageRatio.likely >= TWO_WAY_MIN_COVERAGE && priorityHours <= TWO_WAY_MAX_HOURS;
  const assumptions = capacityAssumptions(answers, demand, target.assumed);
  return {
    summary: capacitySummary(demand, weekly, coverageRatio, response),
    demand,
    supply,
    coverageRatio,
    response,
    shortfall,
    twoWaySustainable,
    assumptions,
    refs: uniqueRefs([...demand.refs, ...supply.refs, ...response.refs]),
  };
}

function replySupply(answers: AssessmentAnswers, perHour: number, weekly: number): ReplyCapacity {
  const { capacity } = answers;
  const steps: CalculationStep[] = [
    {
      id: "team-hours",
      label: "Team hours a week on the channels",
      value: round(Math.max(0, capacity.teamHoursPerWeek), 1),
      unit: "hours a week",
      note:
        capacity.teamPeople <= 0
          ? "No one has time set aside for the channels."
          : capacity.teamPeople === 1
            ? "One person has all these hours."
            : `${formatNumber(capacity.teamPeople)} people share these hours.`,
      refs: [ref("capacity", "teamHoursPerWeek"), ref("capacity", "teamPeople")],
    },
    {
      id: "reply-share",
      label: "Share of those hours spent replying",
      value: REPLY_SHARE_OF_HOURS,
      unit: "share",
      note: "The rest goes on planning and making content, monitoring and reporting.",
      refs: [],
    },
    {
      id: "replies-per-hour",
      label: "Replies per hour",
      value: round(perHour, 1),
      unit: "replies an hour",
      note: `About ${formatNumber(60 / perHour, 1)} minutes a reply: reading, checking facts, writing and logging.${
        capacity.keyMessages === "yes" ? " Pre-approved key messages speed this up." : ""
      }${capacity.tools.includes("shared-inbox") ? " A shared inbox adds 10%." : ""}`,
      refs: [ref("capacity", "keyMessages"), ref("capacity", "tools")],
    },
  ];
  return {
    teamPeople: capacity.teamPeople,
    teamHoursPerWeek: round(Math.max(0, capacity.teamHoursPerWeek), 1),
    replyShareOfHours: REPLY_SHARE_OF_HOURS,
    repliesPerHour: round(perHour, 1),
    weeklyReplyCapacity: round(weekly, 1),
    coverHours: capacity.coverHours,
    coveredHoursPerWeek: COVERED_HOURS_PER_WEEK[capacity.coverHours],
    steps,
    refs: uniqueRefs([...steps.flatMap((step) => step.refs), ref("capacity", "coverHours")]),
  };
}

function buildShortfall(
  answers: AssessmentAnswers,
  perHour: number,
  needed: Range,
  approval: Range,
  target: number,
  currentHours: number,
): CapacityShortfall {
  const extraFor = (replies: number, delay: number): number =>
    Math.max(0, hoursNeeded(perHour, replies, delay, target) - currentHours);
  const extra = roundRange(
    {
      low: extraFor(needed.low, approval.low),
      likely: extraFor(needed.likely, approval.likely),
      high: extraFor(needed.high, approval.high),
    },
    1,
  );
  const extraHours: Range = {
    low: roundUp(extra.low, 1),
    likely: roundUp(extra.likely, 1),
    high: roundUp(extra.high, 1),
  };
  const extraFte: Range = {
    low: roundUp(extraHours.low / FTE_HOURS, 1),
    likely: roundUp(extraHours.likely / FTE_HOURS, 1),
    high: roundUp(extraHours.high / FTE_HOURS, 1),
  };
  const hoursAloneMeetTarget = approval.likely + ATTENTION_MIN_HOURS <= target;
  let note: string;
  if (!hoursAloneMeetTarget) {
    note = `Sign-off alone takes about ${workingHoursLabel(approval.likely)}, longer than your target, so more hours will not meet it: speed up approvals or pre-approve key messages. The figure shown is the extra time needed just to answer everything expected.`;
  } else if (extraHours.likely <= 0) {
    note = "Your current hours are enough to answer what we expect within your target.";
  } else {
    note = `To answer what we expect within your target you need about ${formatNumber(extraHours.likely, 1)} more team hours a week (between ${formatNumber(extraHours.low, 1)} and ${formatNumber(extraHours.high, 1)}), or about ${formatNumber(extraFte.likely, 1)} full-time staff. Narrowing what you invite questions about also closes the gap.`;
  }
  return {
    extraHoursPerWeek: extraHours,
    extraFte,
    hoursAloneMeetTarget,
    note,
    refs: [
      ref("capacity", "teamHoursPerWeek"),
      ref("capacity", "targetResponse"),
      ref("capacity", "approvalNeed"),
      ...(answers.capacity.approvalNeed === "none" ? [] : [ref("capacity", "approvalTime")]),
    ],
  };
}

function capacitySummary(demand: DemandEstimate, weekly: number, coverage: Range, response: ResponseTimes): string {
  const expected = demand.expectedWeekly;
  const replies = demand.repliesNeededWeekly;
  const rangeText =
    expected.low === expected.high
      ? ""
      : ` (between ${formatNumber(expected.low)} and ${formatNumber(expected.high)}, because some answers were estimates)`;
  const expectText = `Expect about ${formatNumber(expected.likely)} questions and comments a week${rangeText}, of which about ${formatNumber(replies.likely)} need a reply.`;
  if (weekly <= 0) {
    return `${expectText} No team hours are set aside for replying, so none of them can be answered.`;
  }
  const share =
    coverage.likely >= 1 ? "enough to answer all of them" : `enough to answer ${shareInWords(coverage.likely)} of them`;
  const backlog = replies.likely - weekly;
  const timing = response.meetsTarget
    ? `Most replies can go out within ${workingHoursLabel(response.achievableHours.likely)}, inside your target of ${response.targetLabel}.`
    : coverage.likely < 1
      ? `About ${formatNumber(backlog)} questions a week would go unanswered and pile up, so most would be answered late or not at all. Your target is ${response.targetLabel}.`
      : `Most replies would take about ${workingHoursLabel(response.achievableHours.likely)}, against a target of ${response.targetLabel}.`;
  return `${expectText} Your team can write about ${formatNumber(weekly)} replies a week, ${share}. ${timing}`;
}

function capacityAssumptions(
  answers: AssessmentAnswers,
  demand: DemandEstimate,
  targetAssumed: boolean,
): StatedAssumption[] {
  const { capacity } = answers;
  const result: StatedAssumption[] = [
    {
      id: "reply-share-of-comments",
      text: "About three in ten questions and comments need a reply from you.",
      fromUnknown: false,
      refs: [],
    },
    {
      id: "reply-share-of-hours",
      text: "About four in ten of the team's hours go on replying; the rest on content, monitoring and reporting.",
      fromUnknown: false,
      refs: [ref("capacity", "teamHoursPerWeek")],
    },
    {
      id: "replies-per-hour",
      text: "A reply takes 7.5 to 10 minutes, depending on whether pre-approved key messages exist.",
      fromUnknown: capacity.keyMessages === "unknown",
      refs: [ref("capacity", "keyMessages")],
    },
  ];
  if (demand.method === "estimate") {
    result.push({
      id: "volume-estimated",
      text: "You were not sure how many questions and comments you get, so we estimated them from your followers, posting and comments, and show a range.",
      fromUnknown: true,
      refs: [ref("capacity", "volumeKnowledge")],
    });
  }
  if (targetAssumed) {
    result.push({
      id: "default-target",
      text: "You have no response target, so we used two working days, the UK Government Digital Service's standard.",
      fromUnknown: false,
      refs: [ref("capacity", "targetResponse")],
    });
  }
  if (capacity.actualResponse === "unknown") {
    result.push({
      id: "actual-unknown",
      text: "You did not know how fast you reply today, so we rely on the model alone and widen the high end of the range by half.",
      fromUnknown: true,
      refs: [ref("capacity", "actualResponse")],
    });
  }
  if (capacity.approvalNeed !== "none" && (capacity.approvalTime ?? "unknown") === "unknown") {
    result.push({
      id: "approval-unknown",
      text: "You did not know how long sign-off takes, so we assumed about one working day (between 1 hour and 3 working days).",
      fromUnknown: true,
      refs: [ref("capacity", "approvalTime")],
    });
  }
  if (capacity.expertAccess === "unknown") {
    result.push({
      id: "expert-unknown",
      text: "You did not know how fast subject experts answer, so we assumed about two working days for questions that need one.",
      fromUnknown: true,
      refs: [ref("capacity", "expertAccess")],
    });
  }
  return result;
}

/** Refs for the answers that size demand, for risks and gaps that cite the capacity model. */
export function demandRefs(answers: AssessmentAnswers): AnswerRef[] {
  return answers.capacity.volumeKnowledge === "known"
    ? [ref("capacity", "weeklyVolume")]
    : [
        ref("capacity", "volumeKnowledge"),
        ref("capacity", "followers"),
        ref("capacity", "postingFrequency"),
        ref("capacity", "commentsPerPost"),
      ];
}
