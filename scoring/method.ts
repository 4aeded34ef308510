/**
 * The "How this was scored" appendix, built from the same constants the scoring uses, so the
 * printed method can never drift from the code. docs/scoring-method.md explains the reasoning.
 */
import { IAP2_LEVELS } from "./answers";
import { ADOPTION_STAGE_DESCRIPTIONS, ADOPTION_STAGE_LABELS, ADOPTION_STAGE_ORDER } from "./adoption-stage";
import {
  ACHIEVABLE_CAP_HOURS,
  APPROVAL_HOURS,
  ATTENTION_MAX_HOURS,
  ATTENTION_MIN_HOURS,
  BACKLOG_HORIZON_WEEKS,
  CHANNEL_CAP,
  CHANNEL_STEP,
  COMMENTS_PER_FOLLOWER_PER_POST,
  COMMENTS_PER_POST_RANGE,
  COVERAGE_CAP,
  DEFAULT_QUESTION_SHARE,
  DEFAULT_TARGET_HOURS,
  EXTENDED_HOURS_WITHOUT_TIMES,
  EXPERT_HOURS,
  FOLLOWER_SHARE_OF_POPULATION,
  FOLLOWERS_RANGE,
  FTE_HOURS,
  LAUNCH_FLOOR_MAX,
  LAUNCH_FLOOR_MIN,
  LAUNCH_FLOOR_PER_PERSON,
  LEVEL_UPLIFT_CAP,
  LEVEL_UPLIFT_STEP,
  MESSAGES_PER_FOLLOWER_PER_WEEK,
  PEAK_MULTIPLIERS,
  POSTS_PER_WEEK,
  PROJECT_CAP,
  PROJECT_CONTENTION_WEIGHTS,
  PROJECT_TIMING_WEIGHTS,
  PURPOSE_MULTIPLIERS,
  QUESTION_SHARE_RANGES,
  QUEUE_CAP_HOURS,
  REPLIES_PER_HOUR,
  REPLY_SHARE_OF_HOURS,
  REQUEST_CHANNEL_QUESTION_SHARE,
  REQUEST_CHANNEL_REPLY_SHARE_OF_HOURS,
  RESPONSE_TIME_HOURS,
  SHARED_INBOX_BOOST,
  TOPIC_CAP,
  TOPIC_STEP,
  TRIAGE_UTILISATION,
  TWO_WAY_MAX_HOURS,
  TWO_WAY_MIN_COVERAGE,
  UNKNOWN_ACTUAL_WIDENING,
  UNKNOWN_CHANNELS_MULTIPLIER,
  WEEKS_PER_YEAR,
  HANDLING_RATIO,
  HANDLING_GAP_HOURS,
  SOME_WEEKEND_HOURS,
} from "./capacity-model";
import { DEFAULT_HOURLY_COST, WIDEST_USABLE_RATIO } from "./estimates";
import { LARGE_STAFF_LIMIT, SMALL_STAFF_LIMIT } from "./organisation-profile";
import { DIMENSION_SPECS } from "./dimensions";
import { ORGANISATION_REQUIREMENTS } from "./engagement-gap";
import { LEVEL_NAMES, LEVEL_PROMISES, levelRank } from "./levels";
import type { MethodAppendix, MethodSource, MethodValue, Range } from "./report-model";
import { QUADRANTS } from "./report-model";
import { QUADRANT_APPROACHES, QUADRANT_LABELS } from "./stakeholder-quadrants";
import { BAND_LABELS, BAND_MEANINGS, BAND_THRESHOLDS, LISTENING_FLOOR } from "./verdict";
import { formatNumber } from "./text";

/** Changes whenever a weight, threshold, multiplier or rule changes. */
export const METHOD_VERSION = "2.0.1";

export const SOURCES: readonly MethodSource[] = [
  {
    id: "iap2",
    citation: "IAP2 Federation. IAP2 Spectrum of Public Participation.",
    url: "https://www.iap2.org/page/pillars",
    usedFor: "The five levels of public participation and the idea that each level is a promise to the public.",
  },
  {
    id: "mergel-bretschneider",
    citation:
      "Mergel, I. and Bretschneider, S. I. (2013). A three-stage adoption process for social media use in government. Public Administration Review, 73(3), 390-400.",
    url: "https://doi.org/10.1111/puar.12021",
    usedFor: "The three adoption stages used as the maturity scale of governance; push, pull and networking tactics.",
  },
  {
    id: "mendelow",
    citation:
      "Mendelow, A. (1991). Stakeholder mapping. Proceedings of the 2nd International Conference on Information Systems, Cambridge, MA.",
    url: null,
    usedFor: "The power/interest grid behind each group's quadrant.",
  },
  {
    id: "gds-playbook",
    citation: "Government Digital Service (UK). Social media playbook, and GDS social media house rules.",
    url: "https://www.gov.uk/guidance/social-media-playbook",
    usedFor:
      "The two-working-day default reply time, 9:00-17:00 Monday to Friday; house rules; two-step sign-in; evaluation.",
  },
  {
    id: "canada-standard",
    citation:
      "Treasury Board of Canada Secretariat (2025). Standard on Managing Official Social Media Accounts (Appendix C to the Directive on the Management of Communications and Federal Identity).",
    url: "https://www.tbs-sct.canada.ca/pol/doc-eng.aspx?id=30682&section=procedure&p=C",
    usedFor:
      "Approval of accounts by a head of communications, account life cycle and inventory, a social media notice on every account.",
  },
  {
    id: "naa",
    citation: "National Archives of Australia. Managing social media (information management guidance).",
    url: "https://www.naa.gov.au/information-management/managing-information-and-records/types-information/social-media",
    usedFor: "Posts and replies as records to be captured and kept.",
  },
  {
    id: "domain-reading",
    citation:
      "Five practitioner articles on public-sector social media (the product's domain reading): genuine connection and staff wellbeing; local-government response plans; closing the adoption gap; public-sector guidelines (share, listen, engage); why engage at all.",
    url: null,
    usedFor:
      "Half the conversation happens off your pages; three months of evergreen content; rules for negative comments and going offline; support for staff; culture before technology; do not invite questions you cannot answer.",
  },
];

function rangeText(range: Range, unit: string): string {
  const suffix = unit ? ` ${unit}` : "";
  return `${formatNumber(range.likely, 4)}${suffix} (range ${formatNumber(range.low, 4)} to ${formatNumber(range.high, 4)})`;
}

const CAPACITY_VALUES: readonly MethodValue[] = [
  {
    id: "question-share",
    name: "Share of messages and comments that are questions needing an answer",
    value: `From your answer: ${Object.entries(QUESTION_SHARE_RANGES)
      .map(([band, range]) => `${band} ${rangeText(range, "")}`.trim())
      .join(
        "; ",
      )}. Not known: ${rangeText(DEFAULT_QUESTION_SHARE, "")}, or ${rangeText(REQUEST_CHANNEL_QUESTION_SHARE, "")} when your channels take service requests`,
    reasoning:
      "About 40% of messages to organisations across industries need a reply (Sprout Social, 2015), and about 30% of citizens' contacts with US federal agencies were questions or problems (J.D. Power, 2014). Channels that take service requests sit higher.",
  },
  {
    id: "reply-share-of-hours",
    name: "Share of team hours spent replying",
    value: `${formatNumber(REPLY_SHARE_OF_HOURS, 2)}; ${formatNumber(REQUEST_CHANNEL_REPLY_SHARE_OF_HOURS, 2)} when your channels take service requests`,
    reasoning:
      "The rest goes on planning and making content, monitoring and reporting; replying rarely gets more than this in small teams. Channels that answer service requests spend more of their time replying.",
  },
  {
    id: "replies-per-hour",
    name: "Replies per hour",
    value: `${REPLIES_PER_HOUR.yes} with pre-approved key messages, ${REPLIES_PER_HOUR.partly} with some, ${REPLIES_PER_HOUR.no} without; x${SHARED_INBOX_BOOST} with a shared inbox`,
    reasoning:
      "7.5 to 10 minutes a reply: read, check the facts, write, log. Ready answers and a shared inbox save time.",
  },
  {
    id: "working-hours",
    name: "Response bands in working hours",
    value: Object.entries(RESPONSE_TIME_HOURS)
      .map(([band, hours]) => `${band} = ${hours}`)
      .join("; "),
    reasoning:
      "Working hours are 9:00 to 17:00, Monday to Friday: 8 a day, 40 a week. 'Longer' is taken as two working weeks.",
  },
  {
    id: "default-target",
    name: "Target when there is none",
    value: `${DEFAULT_TARGET_HOURS} working hours (two working days)`,
    reasoning: "The UK Government Digital Service's published standard.",
  },
  {
    id: "covered-hours",
    name: "Clock hours watched a week",
    value: `Office hours 40; all hours 168; longer hours from your start and end times (working days x 5, every day x 7, some weekend hours adds ${SOME_WEEKEND_HOURS}), or without times ${Object.entries(
      EXTENDED_HOURS_WITHOUT_TIMES,
    )
      .map(([days, hours]) => `${days} ${hours}`)
      .join(", ")}`,
    reasoning: "What you told us about your hours is repeated exactly wherever the plan suggests publishing them.",
  },
  {
    id: "out-of-hours-wait",
    name: "Worst-case wait after cover ends (clock hours)",
    value:
      "Office hours 64 (17:00 Friday to 9:00 Monday); longer hours: the overnight gap, plus 48 over a weekend with no cover or 24 with some; all hours 1",
    reasoning: "A post made just after cover ends waits until cover starts again.",
  },
  {
    id: "check-interval",
    name: "How often someone looks",
    value:
      "Clock hours watched a week / team hours a week: every hour or less is 'watched'; up to 4 hours 'several times a day'; up to a covered day 'at least once a day'",
    reasoning:
      "A promise to watch the channels is only as good as the hours behind it: six hours a week across office hours means a look about once a working day, and the plan says so.",
  },
  {
    id: "attention-wait",
    name: "Waiting for someone to look",
    value: `40 / team hours a week, between ${ATTENTION_MIN_HOURS} and ${ATTENTION_MAX_HOURS} working hours`,
    reasoning:
      "We assume the hours are spread in one-hour sittings across the working week, so a new question waits at most the gap between sittings.",
  },
  {
    id: "queue",
    name: "Waiting behind other questions",
    value: `utilisation / (1 - utilisation) x 40 / weekly capacity, at most ${QUEUE_CAP_HOURS}; at or above full utilisation, ${QUEUE_CAP_HOURS} + ${BACKLOG_HORIZON_WEEKS * 40} x (utilisation - 1); the whole time at most ${ACHIEVABLE_CAP_HOURS}`,
    reasoning:
      "Queues grow sharply as a team nears full load (the standard single-server queue); past it, a backlog builds week on week (we show four weeks of it).",
  },
  {
    id: "approval-hours",
    name: "Sign-off delay (working hours)",
    value: Object.entries(APPROVAL_HOURS)
      .map(([band, range]) => `${band} ${rangeText(range, "")}`.trim())
      .join("; "),
    reasoning:
      "Added to the typical reply when most replies need sign-off, and to the slower replies when only sensitive ones do.",
  },
  {
    id: "expert-hours",
    name: "Waiting for a subject expert (working hours)",
    value: Object.entries(EXPERT_HOURS)
      .map(([band, range]) => `${band} ${rangeText(range, "")}`.trim())
      .join("; "),
    reasoning: "Applies to the slower replies that need an expert's answer.",
  },
  {
    id: "actual",
    name: "Today's reply time comes first",
    value: `Reply time = your stated time today + the model's increase at the expected volume; when not stated, the model alone with the slow end x${UNKNOWN_ACTUAL_WIDENING}`,
    reasoning: `Your own figure is the evidence and the model a projection from it. When your figure is more than ${HANDLING_RATIO} times the model's and at least ${HANDLING_GAP_HOURS} working hours longer, the report says the delay lies in how replies are handled, not in hours.`,
  },
  {
    id: "precision",
    name: "Precision of estimates",
    value: `Two significant figures at most; a range whose high end is more than ${WIDEST_USABLE_RATIO} times its low end is reported as 'cannot be estimated yet', with what to find out`,
    reasoning: "Figures carry only the precision the answers behind them have.",
  },
  {
    id: "two-way",
    name: "Two-way engagement is sustainable when",
    value: `coverage at least ${TWO_WAY_MIN_COVERAGE}, and the questions taken on first answered within ${TWO_WAY_MAX_HOURS} working hours (queue held at ${TRIAGE_UTILISATION * 100}% utilisation)`,
    reasoning: `A team that answers the most important questions first and redirects the rest can keep a consultation promise with a little less than full capacity; below this, every group stays at Inform. Coverage is shown up to ${COVERAGE_CAP}.`,
  },
  {
    id: "fte",
    name: "Full-time equivalent",
    value: `${FTE_HOURS} hours a week`,
    reasoning: "Used to turn extra hours into staff.",
  },
  {
    id: "hourly-cost",
    name: "Cost of an hour of staff time",
    value: `Your own figure when you give one; otherwise a typical figure with on-costs: ${Object.entries(
      DEFAULT_HOURLY_COST,
    )
      .map(([currency, cost]) => `${currency} ${cost}`)
      .join(", ")}; none for other currencies. A year is ${WEEKS_PER_YEAR} weeks of the hourly cost.`,
    reasoning:
      "No public-sector figure is published. These are judgements from typical communications officers' salaries plus about a quarter for on-costs; give your own to make the money figure exact.",
  },
];

function bandList(bands: Readonly<Record<string, Range>>): string {
  return Object.entries(bands)
    .map(([band, range]) => `${band} ${rangeText(range, "")}`.trim())
    .join("; ");
}

function multiplierList(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${formatNumber(value, 2)}`)
    .join(", ");
}

const DEMAND_VALUES: readonly MethodValue[] = [
  {
    id: "posts",
    name: "Posts a week by band",
    value: bandList(POSTS_PER_WEEK),
    reasoning: "Band midpoints, with the band's ends as the range; not known spans the usual bands.",
  },
  {
    id: "comments",
    name: "Comments per post by band",
    value: bandList(COMMENTS_PER_POST_RANGE),
    reasoning: "Band midpoints; the open top band is given a wide range.",
  },
  {
    id: "comments-unknown",
    name: "Comments per post when not known",
    value: `followers x ${rangeText(COMMENTS_PER_FOLLOWER_PER_POST, "")}`.trim(),
    reasoning: "Public-sector pages draw few comments per follower; about 5 per post for every 10,000 followers.",
  },
  {
    id: "followers",
    name: "Followers by band",
    value: bandList(FOLLOWERS_RANGE),
    reasoning: "Band midpoints; not known uses the population served instead.",
  },
  {
    id: "followers-unknown",
    name: "Followers when not known",
    value: `population x ${rangeText(FOLLOWER_SHARE_OF_POPULATION, "")}`.trim(),
    reasoning: "Population is the best proxy for reach when followers are not known.",
  },
  {
    id: "messages",
    name: "Messages and mentions a week",
    value: `followers x ${rangeText(MESSAGES_PER_FOLLOWER_PER_WEEK, "")}`.trim(),
    reasoning: "Questions also arrive privately and by mention, roughly in proportion to audience.",
  },
  {
    id: "channels",
    name: "Channels",
    value: `x (1 + ${CHANNEL_STEP} per interactive channel beyond the first), up to x${CHANNEL_CAP}; when not known ${rangeText(UNKNOWN_CHANNELS_MULTIPLIER, "")}`,
    reasoning: "Each extra place people can comment adds a smaller audience of its own. Newsletters are not counted.",
  },
  {
    id: "topics",
    name: "Topics that draw strong feeling",
    value: `x (1 + ${TOPIC_STEP} per topic), up to x${TOPIC_CAP}`,
    reasoning: "Contentious topics bring complaints, criticism and campaigns online.",
  },
  {
    id: "purposes",
    name: "Purposes",
    value: multiplierList(PURPOSE_MULTIPLIERS),
    reasoning: "Taking service requests online multiplies questions; emergencies and consultations add to them.",
  },
  {
    id: "level-uplift",
    name: "Raising the level of engagement",
    value: `x (1 + ${LEVEL_UPLIFT_STEP} x the average number of levels groups are to move up), up to x${LEVEL_UPLIFT_CAP}`,
    reasoning: "A higher level invites more conversation. Applies to counted and estimated volumes alike.",
  },
  {
    id: "projects",
    name: "Key projects",
    value: `x (1 + sum of contentiousness (${multiplierList(PROJECT_CONTENTION_WEIGHTS)}) x timing (${multiplierList(PROJECT_TIMING_WEIGHTS)})), up to x${PROJECT_CAP}`,
    reasoning: "Contentious projects bring peaks; the nearer they are, the more they weigh on the next 90 days.",
  },
  {
    id: "peaks",
    name: "The busiest weeks",
    value: `Questions in a usual week x ${bandList(PEAK_MULTIPLIERS)}`,
    reasoning:
      "Only when you named busy times. During the 2011 Queensland floods the police page's audience grew tenfold in a day; no figure is published for consultations or tax time, so your own answer sets it.",
  },
  {
    id: "launch-floor",
    name: "Minimum for an open channel",
    value: `${formatNumber(LAUNCH_FLOOR_PER_PERSON * 10000)} a week per 10,000 people served, between ${LAUNCH_FLOOR_MIN} and ${LAUNCH_FLOOR_MAX}`,
    reasoning: "Even a new or quiet channel draws questions once it is open.",
  },
];

/**
 * Builds the method appendix: dimensions with their factors and weights, band thresholds and
 * gates, capacity assumptions and demand multipliers, level requirements, risk and priority rules,
 * the treatment of unknowns, the IAP2 levels, Mendelow quadrants, adoption stages and sources.
 * Pure data; the same for every assessment with the same method version.
 */
export function methodAppendix(): MethodAppendix {
  return {
    methodVersion: METHOD_VERSION,
    overview: [
      "Nine dimensions are each scored out of 100 from the answers that feed them; every factor shows the points it earned and the most it could earn.",
      "The overall index is the weighted average of the nine scores. The band comes from the index, then hard gates can lower it whatever the average says.",
      "A capacity model compares the questions you can expect with the replies your team can write, and the speed you can reach with the speed you promise. What you told us (your count, your reply time, your hours) comes first; the model projects from it and says so when the two differ.",
      "The band sets a ceiling: the highest IAP2 level any group can be held at. For each stakeholder group, the sustainable level is the highest level whose requirements are all met, never above the level you want and never above that ceiling, so the verdict and the plan for each group always agree.",
      "Risks are raised by rules on your answers, each with the answers that triggered it; recommendations follow from risks and gaps and are ranked by impact, urgency and effort.",
      "Where you answered 'I don't know', the report states the assumption it used and lists the question as a thing to find out.",
    ],
    dimensions: DIMENSION_SPECS.map((spec) => ({
      id: spec.id,
      name: spec.name,
      weight: spec.weight,
      why: spec.why,
      factors: spec.factors.map((factor) => ({
        id: factor.id,
        label: factor.label,
        maxPoints: factor.maxPoints,
        rule: factor.rule,
        questionIds: factor.questionIds,
      })),
    })),
    overallFormula:
      "Overall index = (sum of dimension score x weight) / 100, rounded to a whole number; the weights add up to 100.",
    bands: BAND_THRESHOLDS.map((threshold) => ({
      id: threshold.band,
      label: BAND_LABELS[threshold.band],
      minIndex: threshold.minIndex,
      maxIndex: threshold.maxIndex,
      meaning: BAND_MEANINGS[threshold.band],
    })),
    gates: [
      {
        id: "capacity",
        rule: `Two-way engagement is not sustainable: hours not known or none at all, coverage under ${TWO_WAY_MIN_COVERAGE}, or even the questions taken on first would wait more than a working week.`,
        capsAt: BAND_LABELS["inform-and-listen"],
      },
      {
        id: "hostile-without-rules",
        rule: "A group known to be hostile, sceptical or divided, and no house rules or no moderation. A group whose mood is not known is not assumed hostile: the report asks you to find out.",
        capsAt: BAND_LABELS["inform-and-listen"],
      },
      {
        id: "ceiling",
        rule: "The highest level the organisation could sustain for a group with no special concerns: Inform caps at 'inform, and listen', Consult at 'inform and consult', Involve at 'involve'.",
        capsAt: "the band matching that level",
      },
      {
        id: "high-risk",
        rule: "Any high-severity risk in the organisation's foundations (ambitions beyond what can be kept are a consequence, not a cause, and do not count).",
        capsAt: BAND_LABELS["inform-and-consult"],
      },
      {
        id: "listening-floor",
        rule: `'Ready to inform, and to listen' needs a listening score of at least ${LISTENING_FLOOR}; below it, that band falls to not ready.`,
        capsAt: BAND_LABELS["not-ready"],
      },
    ],
    capacityAssumptions: [...CAPACITY_VALUES],
    demandMultipliers: [...DEMAND_VALUES],
    levelRules: IAP2_LEVELS.map((level) => ({
      level,
      requirements:
        level === "inform"
          ? ["Always possible: publishing information makes no promise to reply."]
          : [
              `Everything needed for ${LEVEL_NAMES[IAP2_LEVELS[levelRank(level) - 2] ?? "inform"]}, plus:`,
              ...ORGANISATION_REQUIREMENTS.filter((spec) => spec.level === level).map((spec) => spec.description),
              ...(level === "consult"
                ? [
                    "For a hostile group: published house rules, comments checked as they arrive, an escalation path and support for staff.",
                  ]
                : level === "involve"
                  ? [
                      "For a hostile, sceptical or divided group: guidance on going offline and key messages.",
                      "For a group whose mood is not known: knowing how it feels.",
                      "For a group hit by a highly contentious project in the next three months: a full escalation path and key messages.",
                    ]
                  : []),
            ],
    })),
    riskRules: [
      "Each risk has a rule that decides whether it applies and how severe it is (high, medium or low), and lists the answers that triggered it.",
      "Severity rises with exposure: hostile groups, contentious projects, emergency-related services, how often staff face abuse, and the gap between demand and capacity.",
      "A risk's title always says what your answer said: records kept by hand are 'kept by hand, with gaps', not 'not kept'.",
      "Risks are listed most severe first; ties keep a fixed order, roughly by how much harm each can do.",
      "'I don't know' about a safeguard is treated as the safeguard not being in place, with the assumption stated.",
    ],
    priorityFormula: [
      "Impact (1-3): how much the action improves readiness or reduces harm.",
      "Urgency (1-3): the risk's severity (high 3, medium 2, low 1), one higher when a key project lands in the next three months and the risk concerns hostility, escalation or capacity.",
      "Effort (1-3): days, weeks, or months and new money.",
      "Priority = 2 x impact + 2 x urgency - effort (1 to 11). 9 or more: days 1-30; 6 to 8: days 31-60; 5 or less: days 61-90.",
    ],
    fitting: [
      `Owners, examples and content ideas follow the kind of organisation and its size: small is under ${SMALL_STAFF_LIMIT} staff, large is ${LARGE_STAFF_LIMIT} or more. A small body is never asked to brief roles it is unlikely to have, and an agency never gets a council's examples.`,
      "Objectives' measures are read for what they count: a measure of a result (fewer calls, more submissions, questions answered on time) scores in full; reach or activity alone (followers, views) scores less, because it shows effort, not effect.",
    ],
    unknownsPolicy: [
      "'I don't know' is never read as zero without saying so: every such answer gets a stated assumption and appears under things to find out.",
      "Safeguards and practices not known are assumed not to be in place, because if the people answering do not know of them, staff are unlikely to rely on them.",
      "Unknown volumes, sign-off times and reply times use a likely value and widen the low-to-high range.",
      "A group whose mood is not known is not assumed hostile or sceptical, and cannot be involved until you know. An unknown adoption stage uses the stage the other answers point to.",
      "Hours or people not known leave capacity unknown, never zero: the report says what to count.",
    ],
    levels: IAP2_LEVELS.map((level) => ({ level, name: LEVEL_NAMES[level], promise: LEVEL_PROMISES[level] })),
    quadrants: QUADRANTS.map((quadrant) => ({
      quadrant,
      label: QUADRANT_LABELS[quadrant],
      rule:
        quadrant === "manage-closely"
          ? "High influence, high interest"
          : quadrant === "keep-satisfied"
            ? "High influence, low interest"
            : quadrant === "keep-informed"
              ? "Low influence, high interest"
              : "Low influence, low interest",
      approach: QUADRANT_APPROACHES[quadrant],
    })),
    adoptionStages: ADOPTION_STAGE_ORDER.map((stage) => ({
      stage,
      label: ADOPTION_STAGE_LABELS[stage],
      description: ADOPTION_STAGE_DESCRIPTIONS[stage],
    })),
    sources: [...SOURCES],
  };
}
