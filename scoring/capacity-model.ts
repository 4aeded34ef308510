/**
 * The capacity model: how many questions to expect, how many the team can answer, how fast, and
 * what it would take to keep the promise. Evidence comes first: what the organisation told us
 * (its count of messages, today's reply time, its hours) is used as given, and the model is a
 * projection from it, labelled as one and reconciled in words when the two differ.
 *
 * Every constant here is printed in the method appendix (method.ts) and explained in
 * docs/scoring-method.md.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type {
  AnswerRef,
  ApprovalTime,
  AssessmentAnswers,
  CommentsPerPost,
  Contentiousness,
  CoverDays,
  CoverHours,
  ExpertAccess,
  FollowerBand,
  PeakSize,
  PostingFrequency,
  Practice,
  ProjectTiming,
  QuestionShare,
  ResponseTime,
} from "./answers";
import { deriveFacts, levelsFor, type AnswerFacts } from "./answer-facts";
import {
  countText,
  DEFAULT_HOURLY_COST,
  estimateText,
  isUsableRange,
  moneyText,
  rangeInWords,
  spreadInWords,
  twoFigures,
} from "./estimates";
import { levelRank } from "./levels";
import { clamp, round, safeDivide } from "./numbers";
import type {
  CalculationStep,
  CapacityFinding,
  CapacityModel,
  CapacityShortfall,
  CapacityStatus,
  CoverModel,
  DemandEstimate,
  MoneyEstimate,
  PeakCheck,
  Range,
  ReplyCapacity,
  ResponseParts,
  ResponseTimes,
  SlowCause,
  StatedAssumption,
} from "./report-model";
import {
  clockHoursLabel,
  formatNumber,
  joinList,
  shareInWords,
  WORKING_HOURS_PER_WEEK,
  workingHoursLabel,
} from "./text";

// ---------------------------------------------------------------------------------------------
// Assumptions (all documented in docs/scoring-method.md)
// ---------------------------------------------------------------------------------------------

/** Share of messages and comments that are questions needing an answer, by the answer given. */
export const QUESTION_SHARE_RANGES: Readonly<Record<Exclude<QuestionShare, "unknown">, Range>> = {
  most: { low: 0.75, likely: 0.8, high: 0.9 },
  "over-half": { low: 0.5, likely: 0.62, high: 0.75 },
  "about-half": { low: 0.4, likely: 0.5, high: 0.6 },
  "about-a-third": { low: 0.25, likely: 0.33, high: 0.4 },
  "quarter-or-fewer": { low: 0.1, likely: 0.18, high: 0.25 },
};
/** When not known: about 35% (25-45%), from the published cross-industry and US federal figures. */
export const DEFAULT_QUESTION_SHARE: Range = { low: 0.25, likely: 0.35, high: 0.45 };
/** When not known and the channels take service requests, the share sits higher. */
export const REQUEST_CHANNEL_QUESTION_SHARE: Range = { low: 0.35, likely: 0.5, high: 0.65 };
/** How much busier the busiest weeks are, by the answer given. */
export const PEAK_MULTIPLIERS: Readonly<Record<PeakSize, Range>> = {
  "half-again": { low: 1.25, likely: 1.4, high: 1.5 },
  double: { low: 1.75, likely: 2, high: 2.25 },
  "triple-or-more": { low: 3, likely: 3.5, high: 5 },
  unknown: { low: 1.5, likely: 2, high: 3 },
};
/** Share of the team's hours spent writing replies; the rest is content, monitoring, reporting. */
export const REPLY_SHARE_OF_HOURS = 0.4;
/** Channels that take service requests spend more of their time replying. */
export const REQUEST_CHANNEL_REPLY_SHARE_OF_HOURS = 0.6;
/** Replies per hour of replying time, by whether pre-approved key messages exist. */
export const REPLIES_PER_HOUR: Readonly<Record<Practice, number>> = { yes: 8, partly: 7, no: 6, unknown: 6 };
/** A shared inbox tool lets the team triage and reuse answers: replies per hour x 1.1. */
export const SHARED_INBOX_BOOST = 1.1;
/** The GDS default when there is no target: two working days, in working hours. */
export const DEFAULT_TARGET_HOURS = 16;
/** Full-time week used to turn hours into staff. */
export const FTE_HOURS = 37.5;
/** Weeks in a year of staff cost (the hourly cost already includes leave and on-costs). */
export const WEEKS_PER_YEAR = 52;
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
/** When today's response time is not known, the high end of the reply time is widened by this. */
export const UNKNOWN_ACTUAL_WIDENING = 1.5;
/**
 * The most replies per team hour the organisation's own figures can set: about three minutes a
 * reply with every hour spent replying. Above this, figures are more likely to be off than the team.
 */
export const MAX_REPLIES_PER_TEAM_HOUR = 20;
/** Today's stated reply time up to which it shows the team keeps up (a working week). */
export const KEEPS_UP_HOURS = 40;

/**
 * A reply time within a tenth of the target meets it: a model's small increase on a stated time
 * equal to the target is not a missed promise.
 */
export const TARGET_TOLERANCE = 1.1;

/** Utilisation a team can run at when it answers the most important questions first. */
export const TRIAGE_UTILISATION = 0.8;
/**
 * Today's stated reply time counts as slower than the model explains when it is more than this
 * many times the modelled time and at least `HANDLING_GAP_HOURS` longer.
 */
export const HANDLING_RATIO = 1.5;
export const HANDLING_GAP_HOURS = 4;

/** Response-time bands in working hours (a working day is 8 hours, a week 40). */
export const RESPONSE_TIME_HOURS: Readonly<Record<ResponseTime, number>> = {
  "1-hour": 1,
  "4-hours": 4,
  "same-day": 6,
  "1-working-day": 8,
  "2-working-days": 16,
  "1-week": 40,
  longer: 80,
};

export const RESPONSE_TIME_LABELS: Readonly<Record<ResponseTime, string>> = {
  "1-hour": "1 hour",
  "4-hours": "4 working hours",
  "same-day": "the same working day",
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

/** Clock hours a week watched when extended cover has no stated times, by its days. */
export const EXTENDED_HOURS_WITHOUT_TIMES: Readonly<Record<CoverDays, number>> = {
  weekdays: 55,
  "weekdays-some-weekends": 63,
  "every-day": 84,
};
/** Weekend hours assumed when extended cover includes "some weekend hours". */
export const SOME_WEEKEND_HOURS = 8;

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
/** When the channels in use are not known: one to six channels, about three. */
export const UNKNOWN_CHANNELS_MULTIPLIER: Range = { low: 1, likely: 1.3, high: 1.75 };
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
/** Spreads below these are narrow enough to plan on whatever their ratio. */
export const SMALL_DEMAND_SPREAD = 20;
export const SMALL_HOURS_SPREAD = 8;

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

function twoFigureRange(range: Range): Range {
  const values = [range.low, range.likely, range.high].map(twoFigures).sort((x, y) => x - y);
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
 * The share of messages and comments that are questions needing an answer, and whether it was
 * assumed. Unitless; range 0.1 to 0.9.
 */
export function questionShare(answers: AssessmentAnswers): { share: Range; assumed: boolean } {
  const answer = answers.capacity.questionShare;
  if (answer !== "unknown") return { share: QUESTION_SHARE_RANGES[answer], assumed: false };
  const requests = answers.stakeholders.purposes.includes("service-requests");
  return { share: requests ? REQUEST_CHANNEL_QUESTION_SHARE : DEFAULT_QUESTION_SHARE, assumed: true };
}

function peakMultiplier(answers: AssessmentAnswers, facts: AnswerFacts): Range | null {
  if (facts.peakKinds.length === 0) return null;
  return PEAK_MULTIPLIERS[answers.capacity.peakSize ?? "unknown"];
}

const PEAK_WORDS = {
  seasonal: "at busy times of year",
  deadlines: "around deadlines and announcements",
  incidents: "during incidents",
} as const;

/** When questions peak, as a phrase: "at busy times of year and during incidents". */
export function peaksInWords(kinds: readonly (keyof typeof PEAK_WORDS)[]): string {
  return joinList(kinds.map((kind) => PEAK_WORDS[kind]));
}

/**
 * Estimates messages and comments a week, today and over the next 90 days at the desired
 * engagement, the questions among them, and the questions in the busiest weeks.
 *
 * Formula (count): current = weeklyVolume.
 * Formula (estimate): current = (posts/week x comments/post + followers x messages/follower/week)
 *   x channels x topics x purposes, with low/likely/high from band ends and midpoints.
 * Then expected = max(launch floor, current x level uplift x projects); questions = expected x
 * question share; peak = today's questions x peak multiplier (the busiest weeks against a usual
 * week). Unit: a week; rounded to two figures.
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
      label: "Your count of messages and comments a week",
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
    refs: facts.groups.map((group) => ref("engagementModel", "levels", { groupId: group.id })),
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
  const { share, assumed } = questionShare(answers);
  steps.push({
    id: "question-share",
    label: "Share that are questions needing an answer",
    value: round(share.likely, 2),
    unit: "share",
    note: assumed
      ? `You did not know, so we assumed about ${Math.round(share.likely * 100)}% (between ${Math.round(share.low * 100)}% and ${Math.round(share.high * 100)}%)${
          share === REQUEST_CHANNEL_QUESTION_SHARE
            ? ", higher than usual because your channels take service requests"
            : ""
        }. The rest are reactions, thanks or people talking to each other.`
      : `From your answer: about ${Math.round(share.likely * 100)}% (between ${Math.round(share.low * 100)}% and ${Math.round(share.high * 100)}%).`,
    refs: [ref("capacity", "questionShare")],
  });
  const questions = times(expected, share);
  const peak = peakMultiplier(answers, facts);
  if (peak) {
    steps.push({
      id: "peaks",
      label: "The busiest weeks",
      value: round(peak.likely, 2),
      unit: "multiplier",
      note: `Questions rise ${peaksInWords(facts.peakKinds)}: ${
        answers.capacity.peakSize === undefined || answers.capacity.peakSize === "unknown"
          ? "you did not know by how much, so we assumed about twice a usual week (between one and a half and three times)."
          : `about ${formatNumber(peak.likely, 1)} times a usual week, from your answer.`
      }`,
      refs: [ref("capacity", "peaks"), ref("capacity", "peakSize")],
    });
  }
  const expectedRounded = twoFigureRange(expected);
  return {
    method,
    currentWeekly: method === "count" ? roundRange(current, 0) : twoFigureRange(current),
    expectedWeekly: expectedRounded,
    questionShare: share,
    questionShareAssumed: assumed,
    questionsWeekly: twoFigureRange(questions),
    // NOTE: the busiest weeks are measured against a usual week today; the project load over the
    // next three months is already in the expected figure, so it is not counted twice.
    peakWeekly: peak ? twoFigureRange(times(times(current, share), peak)) : null,
    estimable: isUsableRange(expected, SMALL_DEMAND_SPREAD),
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
        ? "You did not know how often you post, so we assumed about 3 a week (between one every two weeks and 15)."
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

  const channels: Range = facts.channelsUnknown
    ? UNKNOWN_CHANNELS_MULTIPLIER
    : point(Math.min(CHANNEL_CAP, 1 + CHANNEL_STEP * Math.max(0, facts.interactiveChannelCount - 1)));
  steps.push({
    id: "channels",
    label: "Channels in use",
    value: round(channels.likely, 2),
    unit: "multiplier",
    note: facts.channelsUnknown
      ? "You did not know which channels are in use, so we assumed about three (between one and six): each one beyond the first adds 15%."
      : `${formatNumber(facts.interactiveChannelCount)} ${facts.interactiveChannelCount === 1 ? "channel" : "channels"} where people can comment or message: each one beyond the first adds 15% (up to 2.5 times).`,
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

  return scale(times(plus(comments, messages), channels), topicMultiplier * purposeMultiplier);
}

// ---------------------------------------------------------------------------------------------
// Cover: when the channels are watched, and how often someone actually looks
// ---------------------------------------------------------------------------------------------

/** Minutes after midnight for "HH:MM" (24:00 allowed), or null when it is not a time. */
export function minutesOf(time: string | undefined): number | null {
  if (time === undefined) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Cover start and end in minutes, when both were given and the end is after the start. */
function coverTimes(answers: AssessmentAnswers): { from: number; to: number } | null {
  if (answers.capacity.coverHours !== "extended-hours") return null;
  const from = minutesOf(answers.capacity.coverFrom);
  const to = minutesOf(answers.capacity.coverTo);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

function clockText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * When the channels are watched, in the organisation's own terms, for use inside a sentence
 * ("We watch the channels ..."). Never says more than was answered.
 */
export function coverInWords(answers: AssessmentAnswers): string {
  const cover = answers.capacity.coverHours;
  if (cover === "business-hours") return "during office hours, Monday to Friday";
  if (cover === "all-hours") return "at all hours, every day";
  const days = answers.capacity.coverDays ?? "weekdays-some-weekends";
  const span = coverTimes(answers);
  const hours = span ? `from ${clockText(span.from)} to ${clockText(span.to)}` : null;
  switch (days) {
    case "weekdays":
      return hours ? `${hours}, Monday to Friday` : "on working days, for longer than office hours";
    case "weekdays-some-weekends":
      return hours
        ? `${hours} on working days, and for some hours at weekends`
        : "on working days for longer than office hours, and for some hours at weekends";
    case "every-day":
      return hours ? `${hours}, every day` : "every day, for longer than office hours";
  }
}

/**
 * Clock hours a week inside cover.
 *
 * Formula: business hours 40; all hours 168; extended cover with times: length x 5 (working days),
 * length x 5 + 8 (some weekend hours) or length x 7 (every day); without times 55, 63 or 84.
 */
export function coveredHoursPerWeek(answers: AssessmentAnswers): number {
  const cover = answers.capacity.coverHours;
  if (cover === "business-hours") return 40;
  if (cover === "all-hours") return 168;
  const days = answers.capacity.coverDays ?? "weekdays-some-weekends";
  const span = coverTimes(answers);
  if (!span) return EXTENDED_HOURS_WITHOUT_TIMES[days];
  const length = (span.to - span.from) / 60;
  return days === "weekdays" ? length * 5 : days === "every-day" ? length * 7 : length * 5 + SOME_WEEKEND_HOURS;
}

/**
 * Worst-case clock hours before anyone sees a post made just after cover ends.
 *
 * Formula: business hours 64 (17:00 Friday to 9:00 Monday); all hours 1; extended cover: the
 * overnight gap (24 - the day's length, 11 or 12 hours when not given) plus 48 over a weekend
 * with no cover, plus 24 with some weekend hours, plus nothing when every day is covered.
 */
export function outOfHoursWait(answers: AssessmentAnswers): number {
  const cover = answers.capacity.coverHours;
  if (cover === "business-hours") return 64;
  if (cover === "all-hours") return 1;
  const days = answers.capacity.coverDays ?? "weekdays-some-weekends";
  const span = coverTimes(answers);
  const length = span ? (span.to - span.from) / 60 : days === "every-day" ? 12 : 11;
  const overnight = Math.max(0, 24 - length);
  return round(days === "weekdays" ? overnight + 48 : days === "every-day" ? overnight : overnight + 24, 1);
}

/**
 * Clock hours to a first official post in an emergency outside cover.
 *
 * Formula: all-hours cover -> 1; otherwise an out-of-hours protocol in place -> 2, in part ->
 * min(wait, 12); none -> the worst-case wait. Unit: clock hours. Never worse when cover improves.
 */
export function emergencyResponseHours(wait: number, cover: CoverHours, protocol: Practice): number {
  if (cover === "all-hours") return 1;
  if (protocol === "yes") return Math.min(wait, 2);
  if (protocol === "partly") return Math.min(wait, 12);
  return wait;
}

function buildCover(answers: AssessmentAnswers, hours: number | null): CoverModel {
  const covered = coveredHoursPerWeek(answers);
  const interval = hours === null || hours <= 0 ? null : clamp(covered / hours, 0.25, covered);
  const daysCovered =
    answers.capacity.coverHours === "business-hours"
      ? 5
      : answers.capacity.coverHours === "all-hours"
        ? 7
        : answers.capacity.coverDays === "every-day"
          ? 7
          : 5;
  const dayLength = covered / daysCovered;
  const attention: CoverModel["attention"] =
    hours === null
      ? "unknown"
      : interval === null
        ? "none"
        : interval <= 1
          ? "watched"
          : interval <= 4
            ? "several-times-a-day"
            : interval <= dayLength
              ? "daily"
              : interval <= 3 * dayLength
                ? "few-times-a-week"
                : "rarely";
  const wait = outOfHoursWait(answers);
  return {
    coverHours: answers.capacity.coverHours,
    coverDays: answers.capacity.coverHours === "extended-hours" ? (answers.capacity.coverDays ?? null) : null,
    coveredHoursPerWeek: round(covered, 1),
    checkIntervalHours: interval === null ? null : round(interval, 1),
    attention,
    when: coverInWords(answers),
    outOfHoursWaitHours: wait,
    emergencyResponseHours: emergencyResponseHours(
      wait,
      answers.capacity.coverHours,
      answers.capacity.outOfHoursProtocol,
    ),
    refs: uniqueRefs([
      ref("capacity", "coverHours"),
      ...(answers.capacity.coverHours === "extended-hours"
        ? [ref("capacity", "coverDays"), ref("capacity", "coverFrom"), ref("capacity", "coverTo")]
        : []),
      ref("capacity", "teamHoursPerWeek"),
      ref("capacity", "outOfHoursProtocol"),
    ]),
  };
}

/**
 * How often someone looks at the channels, in words for a promise: never more than the hours
 * allow. For example "throughout those hours", "several times a day", "at least once each
 * working day". Empty when no one has hours.
 */
export function attentionInWords(cover: CoverModel): string {
  const day = cover.coverDays === "every-day" || cover.coverHours === "all-hours" ? "day" : "working day";
  switch (cover.attention) {
    case "watched":
      return "throughout those hours";
    case "several-times-a-day":
      return `several times each ${day}`;
    case "daily":
      return `at least once each ${day}`;
    case "few-times-a-week":
      return "a few times a week";
    case "rarely":
      return "about once a week, or less";
    case "unknown":
      return "as often as the team's hours allow";
    case "none":
      return "";
  }
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
 * Replies per hour of the team's time: replies per hour of replying, times the share of the
 * team's hours that go on replying (0.6 when the channels take service requests, else 0.4).
 * Unit: replies per team hour; range 2.4 to 5.3.
 */
export function repliesPerTeamHour(answers: AssessmentAnswers): number {
  const share = answers.stakeholders.purposes.includes("service-requests")
    ? REQUEST_CHANNEL_REPLY_SHARE_OF_HOURS
    : REPLY_SHARE_OF_HOURS;
  return repliesPerHour(answers) * share;
}

/**
 * Replies the team can write in a week.
 *
 * Formula: teamHoursPerWeek x repliesPerTeamHour. Unit: replies a week; range 0 and above.
 */
export function weeklyReplyCapacity(teamHoursPerWeek: number, perTeamHour: number): number {
  return Math.max(0, teamHoursPerWeek) * perTeamHour;
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
 * - utilisation rho = questions / capacity; queue delay = min(40, rho / (1 - rho) x 40 / capacity)
 *   below 1 (the M/M/1 queue's waiting time), and 40 + 160 x (rho - 1) at or above 1 (a backlog
 *   that grows for four weeks);
 * - plus the sign-off delay when most replies need one.
 * Total capped at 400. Unit: working hours; range 0.5 to 400. Never increases when hours increase.
 */
export function modelResponseHours(
  teamHoursPerWeek: number,
  perHour: number,
  questions: number,
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
  const rho = Math.max(0, questions) / capacity;
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

/**
 * Working hours for the questions a team takes on first when it triages: as
 * `modelResponseHours`, but the queue is computed at a utilisation of at most 0.8, because the
 * team declines or redirects what it cannot answer instead of letting a backlog build.
 *
 * Formula: clamp(40 / teamHours, 0.5, 80) + min(40, u / (1 - u) x 40 / capacity) + sign-off,
 * with u = min(0.8, questions / capacity); 400 with no hours. Unit: working hours; range 0.5
 * to 400. Never increases when hours increase; equals `modelResponseHours` up to 0.8 utilisation.
 */
export function priorityResponseHours(
  teamHoursPerWeek: number,
  perHour: number,
  questions: number,
  approvalDelay: number,
): number {
  const capacity = weeklyReplyCapacity(teamHoursPerWeek, perHour);
  if (capacity <= 0) return ACHIEVABLE_CAP_HOURS;
  const admitted = Math.min(Math.max(0, questions), TRIAGE_UTILISATION * capacity);
  return modelResponseHours(teamHoursPerWeek, perHour, admitted, approvalDelay).total;
}

/**
 * Team hours a week needed so that most replies meet the target and every expected question can
 * be answered; when sign-off alone takes longer than the target, only the second condition is used.
 *
 * Formula: the least H in [0, 200,000] with capacity(H) >= questions and
 * modelResponseHours(H).total <= target, found by bisection (both conditions only improve as H grows).
 * Unit: team hours a week; range 0 to 200,000.
 */
export function hoursNeeded(perHour: number, questions: number, approvalDelay: number, targetHours: number): number {
  const reachable = approvalDelay + ATTENTION_MIN_HOURS <= targetHours;
  const meets = (hours: number): boolean => {
    const enoughReplies = weeklyReplyCapacity(hours, perHour) >= questions;
    if (!reachable) return enoughReplies;
    return enoughReplies && modelResponseHours(hours, perHour, questions, approvalDelay).total <= targetHours;
  };
  let low = 0;
  let high = 200000;
  if (meets(low)) return 0;
  // NOTE: with sign-off right at the edge of the target no number of hours meets it; size for
  // the volume alone, as when sign-off is slower than the target.
  if (!meets(high)) return reachable ? hoursNeeded(perHour, questions, targetHours + 1, targetHours) : high;
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
 * Formula: the band's working hours (1 hour -> 1, same day -> 6, 1 working day -> 8, 1 week ->
 * 40, longer -> 80); "no-target" -> 16 (the GDS two working days). Unit: working hours.
 */
export function targetHours(answers: AssessmentAnswers): { hours: number; assumed: boolean } {
  const target = answers.capacity.targetResponse;
  if (target === "no-target") return { hours: DEFAULT_TARGET_HOURS, assumed: true };
  return { hours: RESPONSE_TIME_HOURS[target], assumed: false };
}

/** Sign-off delay for replies that need it; "not-defined" waits an unknown time. */
function approvalRange(answers: AssessmentAnswers): Range {
  const need = answers.capacity.approvalNeed;
  if (need === "none") return point(0);
  if (need === "not-defined") return APPROVAL_HOURS.unknown;
  return APPROVAL_HOURS[answers.capacity.approvalTime ?? "unknown"];
}

/**
 * The reply time to publish, rounded up to a band people understand: 1 hour, 4 working hours,
 * 1, 2 or 3 working days, a working week, two working weeks. Null beyond two working weeks: no
 * reply time that long is worth promising.
 */
export function promiseBand(hours: number): { hours: number; label: string } | null {
  const bands: readonly [number, string][] = [
    [1, "1 hour"],
    [4, "4 working hours"],
    [8, "1 working day"],
    [16, "2 working days"],
    [24, "3 working days"],
    [40, "a working week"],
    [80, "two working weeks"],
  ];
  for (const [limit, label] of bands) if (hours <= limit + 1e-9) return { hours: limit, label };
  return null;
}

const CAUSE_WORDS: Readonly<Record<SlowCause, string>> = {
  "sign-off": "replies wait for sign-off",
  "thin-hours": "the team's hours are spread so thinly that questions wait for someone to look",
  "too-few-hours": "there are not enough hours for the questions you can expect",
  handling: "replies take longer than your hours and volume explain, so the delay is in how replies are handled",
};

/** The causes in words, for sentences. */
export function causesInWords(causes: readonly SlowCause[]): string {
  return joinList(causes.map((cause) => CAUSE_WORDS[cause]));
}

interface ResponseInputs {
  answers: AssessmentAnswers;
  hours: number | null;
  perHour: number;
  demand: DemandEstimate;
  todayQuestions: Range;
  coverage: Range | null;
}

function buildResponse(input: ResponseInputs): ResponseTimes {
  const { answers, hours, perHour, demand, todayQuestions, coverage } = input;
  const { capacity } = answers;
  const target = targetHours(answers);
  const stated = capacity.actualResponse === "unknown" ? null : RESPONSE_TIME_HOURS[capacity.actualResponse];
  const approval = approvalRange(answers);
  const headline = capacity.approvalNeed === "most-replies" ? approval : point(0);
  const expert = EXPERT_HOURS[capacity.expertAccess];
  const refs = [
    ref("capacity", "targetResponse"),
    ref("capacity", "actualResponse"),
    ref("capacity", "teamHoursPerWeek"),
    ref("capacity", "approvalNeed"),
    ...(capacity.approvalNeed === "sensitive-only" || capacity.approvalNeed === "most-replies"
      ? [ref("capacity", "approvalTime")]
      : []),
    ref("capacity", "expertAccess"),
  ];
  const targetLabel = target.assumed
    ? "2 working days (you have no target yet, so we used the UK government's usual standard)"
    : RESPONSE_TIME_LABELS[capacity.targetResponse as ResponseTime];
  const base = {
    targetHours: target.hours,
    targetLabel,
    targetAssumed: target.assumed,
    statedHours: stated,
    statedLabel: stated === null ? null : RESPONSE_TIME_LABELS[capacity.actualResponse as ResponseTime],
    refs,
  };
  if (hours === null || hours <= 0 || coverage === null) {
    return {
      ...base,
      modelledTodayHours: null,
      achievableHours: null,
      achievableLabel:
        hours === null ? "cannot be worked out until you know your hours" : "no replies: no one has time set aside",
      scope: "none",
      parts: null,
      slowerRepliesHours: null,
      meetsTarget: false,
      causes: hours === null ? [] : ["too-few-hours"],
      reconciliation: null,
      promiseHours: null,
      promiseLabel: null,
    };
  }
  const scope: ResponseTimes["scope"] = coverage.likely >= 1 ? "all" : "priority";
  const today = (which: keyof Range) => modelResponseHours(hours, perHour, todayQuestions[which], headline[which]);
  const expectedAt = (which: keyof Range) =>
    modelResponseHours(hours, perHour, demand.questionsWeekly[which], headline[which]);
  // Evidence first: today's stated time, plus whatever the model says the extra volume adds.
  const timeAt = (which: keyof Range): number => {
    const questions = demand.questionsWeekly[which];
    const capacityAt = weeklyReplyCapacity(hours, perHour);
    if (questions > capacityAt || scope === "priority") {
      return Math.max(priorityResponseHours(hours, perHour, questions, headline[which]), stated ?? 0);
    }
    const modelled = expectedAt(which).total;
    if (stated === null) return modelled;
    return stated + Math.max(0, modelled - today(which).total);
  };
  const raw: Range = { low: timeAt("low"), likely: timeAt("likely"), high: timeAt("high") };
  if (stated === null) raw.high = Math.min(ACHIEVABLE_CAP_HOURS, raw.high * UNKNOWN_ACTUAL_WIDENING);
  const achievable = roundRange(
    {
      low: Math.min(raw.low, ACHIEVABLE_CAP_HOURS),
      likely: Math.min(raw.likely, ACHIEVABLE_CAP_HOURS),
      high: raw.high,
    },
    1,
  );
  const parts = expectedAt("likely");
  const todayModel = today("likely").total;
  const todayOverloaded = todayQuestions.likely > weeklyReplyCapacity(hours, perHour);
  const meetsTarget = achievable.likely <= target.hours * TARGET_TOLERANCE;
  const causes: SlowCause[] = [];
  if (!meetsTarget) {
    if (scope === "priority") causes.push("too-few-hours");
    if (headline.likely > 0 && headline.likely + ATTENTION_MIN_HOURS > target.hours / 2) causes.push("sign-off");
    if (parts.attentionWait > Math.max(1, target.hours / 2)) causes.push("thin-hours");
    if (scope === "all" && parts.queueDelay > target.hours / 2) causes.push("too-few-hours");
    if (stated !== null && stated > HANDLING_RATIO * todayModel && stated - todayModel >= HANDLING_GAP_HOURS) {
      causes.push("handling");
    }
    if (causes.length === 0 && stated !== null && stated > todayModel) {
      // Today's stated time is slower than the model explains, and nothing else does.
      causes.push("handling");
    }
    if (causes.length === 0) {
      // The largest part of the time names the cause, so a slow reply always has one.
      const largest = Math.max(parts.attentionWait, parts.queueDelay, parts.approvalDelay);
      causes.push(
        largest === parts.approvalDelay && parts.approvalDelay > 0
          ? "sign-off"
          : largest === parts.attentionWait
            ? "thin-hours"
            : "too-few-hours",
      );
    }
  }
  const uniqueCauses = [...new Set(causes)];
  const slow = {
    low: Math.min(ACHIEVABLE_CAP_HOURS, achievable.low - headline.low + Math.max(expert.low, approval.low)),
    likely: Math.min(
      ACHIEVABLE_CAP_HOURS,
      achievable.likely - headline.likely + Math.max(expert.likely, approval.likely),
    ),
    high: Math.min(ACHIEVABLE_CAP_HOURS, achievable.high - headline.high + Math.max(expert.high, approval.high)),
  };
  const promise = meetsTarget ? { hours: target.hours, label: plainTargetLabel(base) } : promiseBand(achievable.likely);
  return {
    ...base,
    modelledTodayHours: round(todayModel, 1),
    achievableHours: achievable,
    achievableLabel: workingHoursLabel(achievable.likely),
    scope,
    parts: {
      attentionWait: round(parts.attentionWait, 1),
      queueDelay: round(parts.queueDelay, 1),
      approvalDelay: round(parts.approvalDelay, 1),
    } satisfies ResponseParts,
    slowerRepliesHours: roundRange(slow, 1),
    meetsTarget,
    causes: uniqueCauses,
    reconciliation: !demand.estimable
      ? null
      : todayOverloaded
        ? overloadedToday(base.statedLabel, todayQuestions.likely, weeklyReplyCapacity(hours, perHour), demand.method)
        : reconcile(stated, todayModel, base.statedLabel, demand.method),
    promiseHours: promise ? promise.hours : null,
    promiseLabel: promise ? promise.label : null,
  };
}

/** The target without the note about the default: "2 working days". */
function plainTargetLabel(response: { targetLabel: string }): string {
  return response.targetLabel.replace(/ \(.*\)$/, "");
}

/**
 * When today's questions already outnumber the replies the hours allow, the stated reply time
 * cannot hold for all of them: says so, and what would show which is true.
 */
function overloadedToday(
  statedLabel: string | null,
  questions: number,
  replies: number,
  method: DemandEstimate["method"],
): string {
  const volume = method === "count" ? "At your count" : "On our estimate";
  const told = statedLabel ? `You told us replies take about ${statedLabel}. ` : "";
  return `${told}${volume}, about ${estimateText(questions)} questions a week already arrive, and your hours allow about ${estimateText(replies)} replies: either many questions go unanswered today, or replies take less time than we assume. A two-week count of questions and replies would show which.`;
}

/** "about 3 working hours", but "under an hour" and "more than 10 working weeks" as they are. */
function aboutLabel(label: string): string {
  return /^(under|more than) /.test(label) ? label : `about ${label}`;
}

/** When what was stated and what the model gives for today differ, says so and which is used. */
function reconcile(
  stated: number | null,
  modelledToday: number,
  statedLabel: string | null,
  method: DemandEstimate["method"],
): string | null {
  if (stated === null || statedLabel === null) return null;
  const basis =
    method === "count" ? "your hours and your count of messages" : "your hours and our estimate of your volume";
  if (stated > HANDLING_RATIO * modelledToday && stated - modelledToday >= HANDLING_GAP_HOURS) {
    return `You told us replies take about ${statedLabel} today. From ${basis}, we would expect ${aboutLabel(workingHoursLabel(modelledToday))}. We use your figure: the difference usually lies in how replies are picked up, checked and signed off, not in the hours.`;
  }
  if (modelledToday > HANDLING_RATIO * stated && modelledToday - stated >= HANDLING_GAP_HOURS) {
    return `You told us replies take about ${statedLabel} today, faster than the ${workingHoursLabel(modelledToday)} we would expect from ${basis}. We use your figure; if it holds only for some channels or some weeks, a two-week count of reply times will show it.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The whole model
// ---------------------------------------------------------------------------------------------

/**
 * Builds the whole capacity model from the answers.
 *
 * Combines `estimateDemand`, `weeklyReplyCapacity`, the response model and `hoursNeeded`:
 * coverage = capacity / questions (null when hours are not known, 0 with no hours, 10 when there
 * is no demand, capped at 10); reply time = today's stated time plus the model's increase at the
 * expected volume (the model alone, widened x1.5 at the top, when not stated), or the time for the
 * questions taken on first when more arrive than can be answered. Units: see each field.
 */
export function buildCapacityModel(
  answers: AssessmentAnswers,
  facts: AnswerFacts = deriveFacts(answers),
): CapacityModel {
  const demand = estimateDemand(answers, facts);
  const hours = facts.teamHours;
  const { perTeamHour: perHour, fromEvidence } = replyRate(answers, demand, hours);
  const weekly = hours === null ? null : weeklyReplyCapacity(hours, perHour);
  const supply = replySupply(answers, facts, perHour, weekly, fromEvidence);
  const questions = demand.questionsWeekly;
  const coverageOf = (needed: number): number =>
    weekly === null || weekly <= 0 ? 0 : needed <= 0 ? COVERAGE_CAP : Math.min(COVERAGE_CAP, weekly / needed);
  const coverage: Range | null =
    weekly === null
      ? null
      : roundRange(
          { low: coverageOf(questions.high), likely: coverageOf(questions.likely), high: coverageOf(questions.low) },
          2,
        );
  const todayQuestions = times(
    demand.method === "count" ? demand.currentWeekly : demand.currentWeekly,
    demand.questionShare,
  );
  const response = buildResponse({ answers, hours, perHour, demand, todayQuestions, coverage });
  const cover = buildCover(answers, hours);
  const approval = answers.capacity.approvalNeed === "most-replies" ? approvalRange(answers) : point(0);
  const shortfall = buildShortfall(answers, facts, perHour, demand, approval, response);
  const peak = buildPeak(facts, demand, weekly);
  const triage =
    response.scope === "none" ? ACHIEVABLE_CAP_HOURS : priorityTime(response, hours, perHour, demand, approval);
  const twoWaySustainable =
    hours !== null &&
    hours > 0 &&
    coverage !== null &&
    coverage.likely >= TWO_WAY_MIN_COVERAGE &&
    triage <= TWO_WAY_MAX_HOURS;
  const status = capacityStatus(hours, coverage, response, demand.estimable);
  const finding: CapacityFinding = {
    status,
    headline: capacityHeadline(status, coverage, response, facts, demand.estimable),
    twoWayBlockedBy: twoWaySustainable ? null : twoWayBlocker(hours, coverage, triage),
  };
  return {
    summary: capacitySummary(demand, supply, coverage, response, finding),
    finding,
    demand,
    supply,
    coverage,
    response,
    cover,
    shortfall,
    peak,
    priorityRepliesHours: round(Math.min(ACHIEVABLE_CAP_HOURS, triage), 1),
    twoWaySustainable,
    assumptions: capacityAssumptions(answers, facts, demand, response),
    refs: uniqueRefs([...demand.refs, ...supply.refs, ...response.refs, ...cover.refs]),
  };
}

/**
 * Replies per team hour: the model's rate, unless the organisation's own figures show more.
 *
 * Rule: when it counted its messages, says it answers every genuine question, and says replies
 * take a working week or less, it keeps up today, so it writes at least today's questions / its
 * hours replies an hour. That rate is used when it is higher than the model's, up to 20 (about
 * three minutes a reply). Unit: replies per team hour.
 */
export function replyRate(
  answers: AssessmentAnswers,
  demand: DemandEstimate,
  hours: number | null,
): { perTeamHour: number; fromEvidence: boolean } {
  const model = repliesPerTeamHour(answers);
  const actual = answers.capacity.actualResponse;
  const keepsUp =
    demand.method === "count" &&
    answers.engagementModel.replyPractice === "every-genuine-question" &&
    actual !== "unknown" &&
    RESPONSE_TIME_HOURS[actual] <= KEEPS_UP_HOURS;
  if (!keepsUp || hours === null || hours <= 0) return { perTeamHour: model, fromEvidence: false };
  const todayQuestions = demand.currentWeekly.likely * demand.questionShare.likely;
  const implied = Math.min(MAX_REPLIES_PER_TEAM_HOUR, todayQuestions / hours);
  return implied > model ? { perTeamHour: implied, fromEvidence: true } : { perTeamHour: model, fromEvidence: false };
}

function priorityTime(
  response: ResponseTimes,
  hours: number | null,
  perHour: number,
  demand: DemandEstimate,
  approval: Range,
): number {
  if (hours === null || hours <= 0) return ACHIEVABLE_CAP_HOURS;
  return Math.max(
    priorityResponseHours(hours, perHour, demand.questionsWeekly.likely, approval.likely),
    response.statedHours ?? 0,
  );
}

function twoWayBlocker(hours: number | null, coverage: Range | null, triage: number): string {
  if (hours === null)
    return "no one knows how many hours go on the channels, so no one can say whether questions would be answered";
  if (hours <= 0) return "no one has time set aside to answer questions";
  if (coverage !== null && coverage.likely < TWO_WAY_MIN_COVERAGE) {
    return `it could answer only ${shareInWords(coverage.likely)} of the questions it should expect`;
  }
  return `even the questions it chose to answer first would wait about ${workingHoursLabel(triage)}, more than a working week`;
}

function capacityStatus(
  hours: number | null,
  coverage: Range | null,
  response: ResponseTimes,
  demandEstimable: boolean,
): CapacityStatus {
  if (hours === null || coverage === null) return "hours-unknown";
  if (hours <= 0) return "no-hours";
  if (coverage.likely < TWO_WAY_MIN_COVERAGE) return "short";
  if (coverage.likely < 1) return "stretched";
  if (!response.meetsTarget) return "slow";
  // Room to spare is claimed only when the number of questions is known closely enough to plan on.
  return coverage.likely < 1.2 || !demandEstimable ? "enough" : "comfortable";
}

/** Coverage of 1 or more, in words: "just enough", "enough, with a fifth to spare"... */
export function coverageInWords(coverage: number): string {
  if (coverage >= 2) return "enough, with twice what you need";
  if (coverage >= 1.5) return "enough, with half as much again to spare";
  if (coverage >= 1.2) return "enough, with at least a fifth to spare";
  if (coverage >= 1) return "just enough";
  return `enough for ${shareInWords(coverage)} of them`;
}

function capacityHeadline(
  status: CapacityStatus,
  coverage: Range | null,
  response: ResponseTimes,
  facts: AnswerFacts,
  demandEstimable: boolean,
): string {
  const team = facts.profile.soloTeam ? "The person who runs your channels" : "Your team";
  if (!demandEstimable && coverage !== null && status !== "no-hours") {
    // The verdict still has to use the middle figure; the sentence must not claim more than it knows.
    return coverage.likely >= 1
      ? `On the middle of our estimate of the questions you get, your hours would be enough, but the estimate is too wide to rely on: count the questions for two weeks before you promise a reply time.`
      : `On the middle of our estimate of the questions you get, ${team.charAt(0).toLowerCase()}${team.slice(1)} could answer ${shareInWords(coverage.likely)} of them; the estimate is too wide to size the team until you count them.`;
  }
  switch (status) {
    case "hours-unknown":
      return "You do not know how many hours go on your channels, so we cannot say whether you can answer the questions you invite.";
    case "no-hours":
      return "No one has time set aside to answer questions, so the questions your channels invite would go unanswered.";
    case "short":
      return `${team} could answer ${shareInWords(coverage?.likely ?? 0)} of the questions you can expect; the rest would wait or go unanswered.`;
    case "stretched":
      return `${team} could answer most, but not all, of the questions you can expect, so it would have to choose which to answer first.`;
    case "slow":
      return `${team} can keep up with the questions you can expect, but replies would take about ${response.achievableLabel} against your target of ${response.targetLabel.replace(/ \(.*\)$/, "")}, because ${causesInWords(response.causes)}.`;
    case "enough":
      return `${team} can answer what you can expect within your target, with little to spare for a busy week.`;
    case "comfortable":
      return `${team} can answer what you can expect within your target, with room to spare.`;
  }
}

function replySupply(
  answers: AssessmentAnswers,
  facts: AnswerFacts,
  perTeamHour: number,
  weekly: number | null,
  fromEvidence: boolean,
): ReplyCapacity {
  const { capacity } = answers;
  const perHour = repliesPerHour(answers);
  const replyShare = repliesPerTeamHour(answers) / perHour;
  const people = facts.teamPeople;
  const hours = facts.teamHours;
  const steps: CalculationStep[] = [
    {
      id: "team-hours",
      label: "Team hours a week on the channels",
      value: hours === null ? 0 : round(hours, 1),
      unit: hours === null ? "not known" : "hours a week",
      note:
        hours === null
          ? "You did not know how many hours go on the channels, so we cannot work out how many replies the team can write."
          : people === null
            ? "You did not know how many people share these hours."
            : people <= 0
              ? "No one has time set aside for the channels."
              : people === 1
                ? "One person has all these hours."
                : `${formatNumber(people)} people share these hours.`,
      refs: [ref("capacity", "teamHoursPerWeek"), ref("capacity", "teamPeople")],
    },
    {
      id: "reply-share",
      label: "Share of those hours spent replying",
      value: round(replyShare, 2),
      unit: "share",
      note:
        replyShare > REPLY_SHARE_OF_HOURS
          ? "Your channels take service requests, so more of the time goes on replying; the rest goes on content, monitoring and reporting."
          : "The rest goes on planning and making content, monitoring and reporting.",
      refs: [ref("stakeholders", "purposes")],
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
    ...(fromEvidence
      ? [
          {
            id: "rate-from-your-figures",
            label: "Replies per team hour, from your own figures",
            value: twoFigures(perTeamHour),
            unit: "replies a team hour",
            note: `You answer every genuine question within ${RESPONSE_TIME_LABELS[capacity.actualResponse as ResponseTime]}, so your team already writes about ${formatNumber(twoFigures(perTeamHour), 1)} replies for every hour it spends, more than the ${formatNumber(repliesPerTeamHour(answers), 1)} we would assume. We use your figure.`,
            refs: [
              ref("capacity", "weeklyVolume"),
              ref("capacity", "actualResponse"),
              ref("engagementModel", "replyPractice"),
            ],
          },
        ]
      : []),
  ];
  return {
    hoursKnown: hours !== null,
    rateFromYourFigures: fromEvidence,
    teamPeople: people,
    teamHoursPerWeek: hours === null ? null : round(hours, 1),
    replyShareOfHours: round(replyShare, 2),
    repliesPerHour: round(perHour, 1),
    weeklyReplyCapacity: weekly === null ? null : twoFigures(weekly),
    steps,
    refs: uniqueRefs(steps.flatMap((step) => step.refs)),
  };
}

function buildPeak(facts: AnswerFacts, demand: DemandEstimate, weekly: number | null): PeakCheck | null {
  if (demand.peakWeekly === null || facts.peakKinds.length === 0) return null;
  const peak = demand.peakWeekly;
  const coverageOf = (needed: number): number =>
    weekly === null || weekly <= 0 ? 0 : needed <= 0 ? COVERAGE_CAP : Math.min(COVERAGE_CAP, weekly / needed);
  const coverage =
    weekly === null
      ? null
      : roundRange({ low: coverageOf(peak.high), likely: coverageOf(peak.likely), high: coverageOf(peak.low) }, 2);
  return {
    kinds: facts.peakKinds,
    questionsWeekly: peak,
    coverage,
    copes: coverage !== null && coverage.likely >= 1,
  };
}

/** The default or given hourly cost, or null when the currency is "other" and none was given. */
export function hourlyCost(answers: AssessmentAnswers): { cost: number; assumed: boolean } | null {
  const given = answers.commitment.staffHourlyCost;
  if (given !== undefined && given > 0) return { cost: given, assumed: false };
  const currency = answers.commitment.currency;
  return currency === "other" ? null : { cost: DEFAULT_HOURLY_COST[currency], assumed: true };
}

function buildShortfall(
  answers: AssessmentAnswers,
  facts: AnswerFacts,
  perHour: number,
  demand: DemandEstimate,
  approval: Range,
  response: ResponseTimes,
): CapacityShortfall {
  const hours = facts.teamHours;
  const target = response.targetHours;
  const refs = [
    ref("capacity", "teamHoursPerWeek"),
    ref("capacity", "targetResponse"),
    ref("capacity", "approvalNeed"),
    ...(answers.capacity.approvalNeed === "sensitive-only" || answers.capacity.approvalNeed === "most-replies"
      ? [ref("capacity", "approvalTime")]
      : []),
    ref("commitment", "staffHourlyCost"),
    ref("commitment", "currency"),
  ];
  const hoursAloneMeetTarget = approval.likely + ATTENTION_MIN_HOURS <= target;
  if (hours === null) {
    return {
      extraHoursPerWeek: null,
      extraFte: null,
      cost: null,
      estimable: false,
      roughRange: null,
      findOut:
        "Ask everyone who posts, replies or moderates to note their time for two typical weeks, and log each question that arrives and how long it took to answer.",
      hoursAloneMeetTarget,
      note: "We cannot say how many more hours you need until you know how many you have now.",
      refs,
    };
  }
  const extraFor = (questions: number, delay: number): number =>
    Math.max(0, hoursNeeded(perHour, questions, delay, target) - hours);
  const q = demand.questionsWeekly;
  const unsorted = [
    extraFor(q.low, approval.low),
    extraFor(q.likely, approval.likely),
    extraFor(q.high, approval.high),
  ].sort((a, b) => a - b);
  const raw: Range = { low: unsorted[0] ?? 0, likely: unsorted[1] ?? 0, high: unsorted[2] ?? 0 };
  // A spread of extra hours that is small beside the team's own hours is usable whatever its ratio.
  const estimable =
    demand.estimable && (isUsableRange(raw, SMALL_HOURS_SPREAD) || raw.high - raw.low <= 0.5 * Math.max(hours, 1));
  if (!estimable) {
    return {
      extraHoursPerWeek: null,
      extraFte: null,
      cost: null,
      estimable: false,
      roughRange: twoFigureRange(raw),
      findOut:
        "Log every question and comment that arrives for two typical weeks, across all your channels, with how long each took to answer and the hours everyone spent; the range then narrows enough to size the team.",
      hoursAloneMeetTarget,
      note: `We cannot estimate the extra hours yet: on what we know, you could need ${spreadInWords(raw, "more hours a week")}.`,
      refs: [...refs, ...demandRefs(answers)],
    };
  }
  const extra = twoFigureRange(raw);
  const fte = twoFigureRange(scale(raw, 1 / FTE_HOURS));
  const rate = hourlyCost(answers);
  const cost: MoneyEstimate | null =
    rate === null || extra.likely <= 0
      ? null
      : {
          perYear: twoFigureRange(scale(raw, rate.cost * WEEKS_PER_YEAR)),
          currency: answers.commitment.currency,
          hourlyCost: rate.cost,
          hourlyCostAssumed: rate.assumed,
          label: moneyText(raw.likely * rate.cost * WEEKS_PER_YEAR, answers.commitment.currency),
        };
  let note: string;
  if (extra.likely <= 0) {
    note = response.meetsTarget
      ? "Your current hours are enough to answer what we expect within your target."
      : response.causes.includes("handling")
        ? "Your hours should be enough for this volume, so more hours are not the answer: look at how replies are picked up, checked and signed off."
        : !hoursAloneMeetTarget
          ? "More hours would not meet your target, because sign-off alone takes longer: speed up sign-off or pre-approve answers to common questions."
          : "Your hours are enough for the volume; meeting the target is about how the hours are spread across the week.";
  } else {
    const staff = `${rangeInWords(extra, "more team hours a week")}, or ${rangeInWords(fte, "full-time staff")}`;
    const money = cost
      ? `, costing ${rangeInWordsMoney(cost)} a year${cost.hourlyCostAssumed ? ` at a typical ${moneyText(cost.hourlyCost, cost.currency, false)} an hour` : ` at your ${moneyText(cost.hourlyCost, cost.currency, false)} an hour`}`
      : "";
    note = hoursAloneMeetTarget
      ? `To answer what we expect within your target you need ${staff}${money}. Narrowing what you invite questions about also closes the gap.`
      : `To answer everything we expect you need ${staff}${money}. Sign-off alone takes longer than your target, so hours alone will not meet it: speed up sign-off as well.`;
  }
  return {
    extraHoursPerWeek: extra,
    extraFte: fte,
    cost,
    estimable: true,
    findOut: null,
    roughRange: null,
    hoursAloneMeetTarget,
    note,
    refs,
  };
}

function rangeInWordsMoney(cost: MoneyEstimate): string {
  const { perYear, currency } = cost;
  if (perYear.low === perYear.high) return `about ${moneyText(perYear.likely, currency)}`;
  return `about ${moneyText(perYear.likely, currency)} (between ${moneyText(perYear.low, currency)} and ${moneyText(perYear.high, currency)})`;
}

function capacitySummary(
  demand: DemandEstimate,
  supply: ReplyCapacity,
  coverage: Range | null,
  response: ResponseTimes,
  finding: CapacityFinding,
): string {
  const expected = demand.expectedWeekly;
  const questions = demand.questionsWeekly;
  const expectText = demand.estimable
    ? `Over the next three months, expect ${rangeInWords(expected, "messages and comments a week")}, of which ${rangeInWords(questions, "")} are questions needing an answer.`
    : `We cannot estimate your volume closely yet: on what you told us it could be anywhere from ${countText(expected.low)} to ${countText(expected.high)} messages and comments a week. The figures below use the middle of that range, about ${countText(expected.likely)}; a two-week count would settle it.`;
  const parts = [expectText];
  if (supply.weeklyReplyCapacity !== null && supply.weeklyReplyCapacity > 0 && coverage !== null) {
    parts.push(
      // NOTE: with a range too wide to plan on, how far the hours go is the headline's to say.
      demand.estimable
        ? `Your hours allow about ${estimateText(supply.weeklyReplyCapacity)} replies a week: ${coverage.likely >= 1 ? coverageInWords(coverage.likely) : `enough for ${shareInWords(coverage.likely)} of the questions`}.`
        : `Your hours allow about ${estimateText(supply.weeklyReplyCapacity)} replies a week.`,
    );
  }
  // NOTE: the reconciliation of stated and modelled reply times is not repeated here: every view
  // prints it once, after the reply-time figures.
  parts.push(finding.headline);
  return parts.join(" ");
}

function capacityAssumptions(
  answers: AssessmentAnswers,
  facts: AnswerFacts,
  demand: DemandEstimate,
  response: ResponseTimes,
): StatedAssumption[] {
  const { capacity } = answers;
  const result: StatedAssumption[] = [
    {
      id: "question-share",
      text: demand.questionShareAssumed
        ? `You did not know how many messages are questions, so we assumed about ${Math.round(demand.questionShare.likely * 100)}%.`
        : `About ${Math.round(demand.questionShare.likely * 100)}% of messages and comments are questions needing an answer, from your answer.`,
      fromUnknown: demand.questionShareAssumed,
      refs: [ref("capacity", "questionShare")],
    },
    {
      id: "reply-share-of-hours",
      text: "About four in ten of the team's hours go on replying; the rest on content, monitoring and reporting.",
      fromUnknown: false,
      refs: [ref("capacity", "teamHoursPerWeek")],
    },
    {
      id: "replies-per-hour",
      text: "A reply takes 7.5 to 10 minutes, depending on whether pre-approved key messages exist, unless your own figures show your team is faster.",
      fromUnknown: capacity.keyMessages === "unknown",
      refs: [ref("capacity", "keyMessages")],
    },
  ];
  if (facts.teamHours === null) {
    result.push({
      id: "hours-unknown",
      text: "You did not know how many hours go on the channels, so we could not work out how many questions you can answer.",
      fromUnknown: true,
      refs: [ref("capacity", "teamHoursPerWeek")],
    });
  }
  if (demand.method === "estimate") {
    result.push({
      id: "volume-estimated",
      text: "You were not sure how many messages and comments you get, so we estimated them from your followers, posting and comments, and show a range.",
      fromUnknown: true,
      refs: [ref("capacity", "volumeKnowledge")],
    });
  }
  if (response.targetAssumed) {
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
      text: "You did not know how fast you reply today, so the reply time is the model's alone, with the slow end widened by half.",
      fromUnknown: true,
      refs: [ref("capacity", "actualResponse")],
    });
  } else {
    result.push({
      id: "actual-used",
      text: "Today's reply time, as you gave it, is the starting point; the model only adds what the extra questions would add.",
      fromUnknown: false,
      refs: [ref("capacity", "actualResponse")],
    });
  }
  if (
    (capacity.approvalNeed === "sensitive-only" || capacity.approvalNeed === "most-replies") &&
    (capacity.approvalTime ?? "unknown") === "unknown"
  ) {
    result.push({
      id: "approval-unknown",
      text: "You did not know how long sign-off takes, so we assumed about one working day (between 1 hour and 3 working days).",
      fromUnknown: true,
      refs: [ref("capacity", "approvalTime")],
    });
  }
  if (capacity.approvalNeed === "not-defined") {
    result.push({
      id: "approval-not-defined",
      text: "There is no agreed sign-off process, so we assumed sensitive replies wait about one working day for someone to approve them.",
      fromUnknown: false,
      refs: [ref("capacity", "approvalNeed")],
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
  if (facts.peakKinds.length > 0 && (capacity.peakSize ?? "unknown") === "unknown") {
    result.push({
      id: "peak-unknown",
      text: "You did not know how much busier the busiest weeks are, so we assumed about twice a usual week.",
      fromUnknown: true,
      refs: [ref("capacity", "peakSize")],
    });
  }
  return result;
}

/** Refs for the answers that size demand, for risks and gaps that cite the capacity model. */
export function demandRefs(answers: AssessmentAnswers): AnswerRef[] {
  const volume =
    answers.capacity.volumeKnowledge === "known"
      ? [ref("capacity", "weeklyVolume")]
      : [
          ref("capacity", "volumeKnowledge"),
          ref("capacity", "followers"),
          ref("capacity", "postingFrequency"),
          ref("capacity", "commentsPerPost"),
        ];
  return [...volume, ref("capacity", "questionShare")];
}

/** The emergency reply wait during cover, in clock hours: at least 1, or the check interval. */
export function emergencyWaitDuringCover(cover: CoverModel): number | null {
  return cover.checkIntervalHours === null ? null : Math.max(1, cover.checkIntervalHours);
}

/** Clock hours in words, re-exported for the strategy. */
export { clockHoursLabel };
