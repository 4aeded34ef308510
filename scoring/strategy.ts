/**
 * The starter strategy: objectives, a plan per stakeholder group, a response plan, house rules
 * and moderation guidance, the content plan, the 90-day roadmap and measures of success. All of
 * it is drawn from the answers and from the scores, gaps, risks and recommendations.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, OnlinePlace, Purpose, StakeholderGroup } from "./answers";
import { levelsFor, type AnswerFacts } from "./answer-facts";
import { buildContentPlan } from "./content-plan";
import { addDays } from "./dates";
import { LEVEL_PROMISES } from "./levels";
import { round } from "./numbers";
import type {
  CapacityModel,
  EngagementGap,
  GroupPlan,
  HouseRulePoint,
  HouseRulesOutline,
  MeasuresPlan,
  ObjectiveMeasures,
  Recommendation,
  ResponsePlan,
  ResponsePriority,
  RoadmapPhase,
  RoadmapPhaseNumber,
  StarterStrategy,
  StrategyObjective,
  Tactic,
} from "./report-model";
import { QUADRANT_APPROACHES, QUADRANT_LABELS, quadrantFor } from "./stakeholder-quadrants";
import { clockHoursLabel, joinList, tidy, workingHoursLabel } from "./text";

/** Everything the strategy may read. */
export interface StrategyContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  gaps: readonly EngagementGap[];
  recommendations: readonly Recommendation[];
  assessedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Objectives
// ---------------------------------------------------------------------------------------------

/** Mergel's tactics behind each purpose: push = share, pull = listen, networking = engage. */
export const PURPOSE_TACTICS: Readonly<Record<Purpose, readonly Tactic[]>> = {
  share: ["share"],
  promote: ["share"],
  recruitment: ["share"],
  listen: ["listen"],
  consult: ["listen"],
  involve: ["engage"],
  "service-requests": ["engage"],
  emergency: ["share", "engage"],
  other: [],
};

const PURPOSE_KEYWORDS: Readonly<Record<Purpose, RegExp>> = {
  share: /\b(inform|aware|update|information|know)/i,
  listen: /\b(listen|insight|monitor|hear|sentiment|mention)/i,
  consult: /\b(consult|feedback|views|submission|have your say)/i,
  involve: /\b(involv|co-design|workshop|panel|participat)/i,
  "service-requests": /\b(service request|requests?\b|enquir|complain|fault|311)/i,
  emergency: /\b(emergenc|flood|fire|storm|crisis|alert|outage|warn|boil|outbreak|evacuat)/i,
  promote: /\b(promot|event|attend|visit|book|tourism)/i,
  recruitment: /\b(recruit|job|career|applicant|vacanc|hire|hiring)/i,
  other: /$^/,
};

/** The purposes an objective's text speaks to, by keyword, in the order of the chosen purposes. */
export function purposesOfObjective(text: string, chosen: readonly Purpose[]): Purpose[] {
  return chosen.filter((purpose) => PURPOSE_KEYWORDS[purpose].test(text));
}

function suggestedObjective(purpose: Purpose, context: StrategyContext): { objective: string; measure: string } {
  const { capacity, answers } = context;
  const replyTime = capacity.response.meetsTarget
    ? plainTarget(capacity)
    : workingHoursLabel(capacity.response.achievableHours.likely);
  switch (purpose) {
    case "share":
      return {
        objective: "Keep people informed about the services, changes and decisions that affect them",
        measure: "Reach of key updates, and fewer complaints that people were not told",
      };
    case "listen":
      return {
        objective: "Hear what people say about us, on and off our pages, and report it every month",
        measure: "A monthly insight summary delivered, with the actions taken",
      };
    case "consult":
      return {
        objective: "Ask for views on live decisions and report back on what changed",
        measure: "Share of consultations with a published 'you said, we did' within a month of closing",
      };
    case "involve":
      return {
        objective: "Involve the groups affected by key projects in shaping the options",
        measure: "Number of people taking part, and the share who say their views were reflected",
      };
    case "service-requests":
      return {
        objective: `Answer service requests made online within ${replyTime}`,
        measure: "Share of online service requests answered within the stated time",
      };
    case "emergency":
      return {
        objective: "Give fast, accurate updates in emergencies, at any hour",
        measure: "Time from an incident to the first official post",
      };
    case "promote":
      return {
        objective: "Promote services, events and facilities to the people who can use them",
        measure: "Click-throughs and bookings that came from social posts",
      };
    case "recruitment":
      return {
        objective: "Attract applicants for hard-to-fill roles",
        measure: "Applications that came through social media",
      };
    case "other":
      return {
        objective: tidy(answers.stakeholders.purposesOther) || "Deliver the other purpose you named",
        measure: "A measure you agree for it at the first review",
      };
  }
}

function tacticsFor(purposes: readonly Purpose[]): Tactic[] {
  const order: Tactic[] = ["share", "listen", "engage"];
  return order.filter((tactic) => purposes.some((purpose) => PURPOSE_TACTICS[purpose].includes(tactic)));
}

/**
 * The strategy's objectives: the organisation's own (with their measures), then one suggested
 * objective for each chosen purpose that none of its own objectives speaks to.
 */
export function buildObjectives(context: StrategyContext): StrategyObjective[] {
  const { answers, facts } = context;
  const stated: StrategyObjective[] = answers.commitment.objectives.map((objective) => {
    const purposes = purposesOfObjective(`${objective.objective} ${objective.measure}`, facts.purposes);
    return {
      id: objective.id,
      objective: tidy(objective.objective),
      measure: tidy(objective.measure),
      source: "stated",
      purposes,
      tactics: tacticsFor(purposes),
      refs: [ref("commitment", "objectives", { objectiveId: objective.id })],
    };
  });
  const covered = new Set(stated.flatMap((objective) => objective.purposes));
  const suggested: StrategyObjective[] = facts.purposes
    .filter((purpose) => !covered.has(purpose))
    .map((purpose) => {
      const text = suggestedObjective(purpose, context);
      return {
        id: `suggested-${purpose}`,
        objective: text.objective,
        measure: text.measure,
        source: "suggested",
        purposes: [purpose],
        tactics: tacticsFor([purpose]),
        refs: [ref("stakeholders", "purposes"), ref("stakeholders", "purposeReasons")],
      };
    });
  return [...stated, ...suggested];
}

// ---------------------------------------------------------------------------------------------
// Group plans
// ---------------------------------------------------------------------------------------------

const PLACE_NAMES: Readonly<Record<OnlinePlace, string>> = {
  facebook: "Facebook",
  "community-groups-online": "Community groups online",
  instagram: "Instagram",
  x: "X",
  linkedin: "LinkedIn",
  youtube: "YouTube",
  tiktok: "TikTok",
  "other-social": "Other social networks",
  neighbourhood: "Neighbourhood networks",
  messaging: "Messaging apps",
  "news-comments": "News site comments",
  email: "Email",
  "mostly-offline": "Mostly offline",
  unknown: "Not known",
};

/** Where each place is something the organisation can post on, the channel that matches it. */
const PLACE_CHANNEL: Partial<Record<OnlinePlace, string>> = {
  facebook: "facebook",
  instagram: "instagram",
  x: "x",
  linkedin: "linkedin",
  youtube: "youtube",
  tiktok: "tiktok",
  "other-social": "other-social",
  neighbourhood: "neighbourhood",
  messaging: "messaging",
  email: "newsletter",
};

function groupChannels(group: StakeholderGroup, facts: AnswerFacts): string[] {
  if (group.online.includes("unknown"))
    return ["Not known yet: ask a few of them where they talk and get news, before choosing channels"];
  if (group.online.includes("mostly-offline")) {
    return [
      "Mostly offline: use letters, meetings, local radio and papers, and people they trust, and keep online as a back-up",
    ];
  }
  return group.online.map((place) => {
    const channel = PLACE_CHANNEL[place];
    if (channel === undefined) return `${PLACE_NAMES[place]} (listen there; you cannot post as the organisation)`;
    const present = (facts.channels as string[]).includes(channel);
    return `${PLACE_NAMES[place]}${present ? " (you are there)" : " (you are not there yet)"}`;
  });
}

const SENTIMENT_ADVICE = {
  hostile:
    "They are hostile: acknowledge the grievance, correct facts once and calmly, and offer to meet or talk offline. Do not argue in public.",
  sceptical:
    "They are sceptical: show your evidence, explain the trade-offs, and report back on what changed because of them.",
  neutral: "They are neutral: keep updates useful and regular, and make it easy to ask questions.",
  supportive: "They are supportive: thank them, and invite them to help explain and share.",
} as const;

const TIMING_WORDS = {
  "next-3-months": "in the next three months",
  "3-6-months": "in three to six months",
  "6-12-months": "in six to twelve months",
} as const;

function buildGroupPlans(context: StrategyContext): GroupPlan[] {
  const { answers, facts, gaps } = context;
  return facts.groups.map((group) => {
    const gap = gaps.find((item) => item.groupId === group.id);
    const levels = levelsFor(facts, group.id);
    const quadrant = quadrantFor(group.influence, group.interest);
    const projects = answers.stakeholders.projects.filter((project) => project.groupIds.includes(group.id));
    const concerns: string[] = [];
    const expectations = tidy(group.expectations);
    if (expectations) concerns.push(`What they expect: ${expectations}`);
    concerns.push(
      group.sentiment === "unknown"
        ? `Their mood is not known, so plan as if they are sceptical. ${SENTIMENT_ADVICE.sceptical}`
        : SENTIMENT_ADVICE[group.sentiment],
    );
    for (const project of projects) {
      concerns.push(
        `${tidy(project.name)} lands ${TIMING_WORDS[project.timing]} (${project.contentiousness} feeling): prepare key messages for them.`,
      );
    }
    const nextLevel = gap?.nextLevel ?? "inform";
    return {
      groupId: group.id,
      groupName: group.name,
      influence: group.influence,
      interest: group.interest,
      quadrant,
      quadrantLabel: QUADRANT_LABELS[quadrant],
      approach: QUADRANT_APPROACHES[quadrant],
      why: tidy(group.why) || "Not stated yet: write down why you engage this group.",
      sentiment: group.sentiment,
      levelNow: levels.current,
      levelNext: nextLevel,
      levelSustainable: gap?.sustainable ?? "inform",
      levelDesired: levels.desired,
      promise: LEVEL_PROMISES[nextLevel],
      channels: groupChannels(group, facts),
      concerns,
      projects: projects.map((project) => tidy(project.name)),
      refs: uniqueRefs([
        ref("stakeholders", "why", { groupId: group.id }),
        ref("stakeholders", "influence", { groupId: group.id }),
        ref("stakeholders", "interest", { groupId: group.id }),
        ref("stakeholders", "expectations", { groupId: group.id }),
        ref("stakeholders", "sentiment", { groupId: group.id }),
        ref("stakeholders", "online", { groupId: group.id }),
        ref("engagementModel", "levels", { groupId: group.id }),
        ...projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
      ]),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Response plan
// ---------------------------------------------------------------------------------------------

const MONITORING_WORDS = {
  "business-hours": "Monday to Friday, 9:00 to 17:00",
  "extended-hours": "Early morning to late evening, including weekends (about 70 hours a week)",
  "all-hours": "Around the clock, every day",
} as const;

/** The same hours, for use inside a sentence. */
const MONITORING_INLINE = {
  "business-hours": "Monday to Friday, 9:00 to 17:00",
  "extended-hours": "from early morning to late evening, every day",
  "all-hours": "around the clock",
} as const;

/** The response target without the note about the default. */
function plainTarget(capacity: CapacityModel): string {
  return capacity.response.targetLabel.replace(/ \(.*\)$/, "");
}

interface RowSpec {
  id: string;
  category: string;
  examples: string;
  whoAnswers: string;
  /** The time to aim for in a well-run service (working hours; clock hours when `clock`). */
  idealHours: number;
  achievableHours: number;
  clock?: boolean;
  /** Overrides the target wording, for example for emergencies outside cover. */
  targetLabel?: string;
  escalation: string;
  takeOffline: string;
  refs: AnswerRef[];
}

/**
 * One row of the priority matrix. Target = max(ideal, achievable): never faster than the
 * organisation can achieve. Unit: working hours, or clock hours for emergencies.
 */
function priorityRow(spec: RowSpec): ResponsePriority {
  const target = round(Math.max(spec.idealHours, spec.achievableHours), 1);
  const label = spec.clock ? clockHoursLabel : workingHoursLabel;
  return {
    id: spec.id,
    category: spec.category,
    examples: spec.examples,
    whoAnswers: spec.whoAnswers,
    targetHours: target,
    targetLabel: spec.targetLabel ?? `within ${label(target)}`,
    achievableHours: round(spec.achievableHours, 1),
    achievableLabel: label(spec.achievableHours),
    idealMet: spec.achievableHours <= spec.idealHours,
    escalation: spec.escalation,
    takeOffline: spec.takeOffline,
    refs: spec.refs,
  };
}

function buildResponsePlan(context: StrategyContext): ResponsePlan {
  const { answers, facts, capacity } = context;
  const response = capacity.response;
  // NOTE: when more questions arrive than the team can answer, a first-come queue never clears.
  // The plan then answers the categories below first and says so; their time has no queue in it.
  const overloaded = capacity.coverageRatio.likely < 1;
  const typical = overloaded ? response.priorityRepliesHours : response.achievableHours.likely;
  const slower = overloaded
    ? Math.max(typical, response.slowerRepliesHours.likely - response.achievableHours.likely + typical)
    : response.slowerRepliesHours.likely;
  const emergency = facts.emergencyServices.length > 0 || facts.purposes.includes("emergency");
  const escalationInPlace = answers.capacity.escalationPath === "yes";
  const emergencyHours = response.emergencyResponseHours;
  const matrix: ResponsePriority[] = [
    priorityRow({
      id: "safety",
      category: emergency ? "Emergencies and threats to safety" : "Threats to safety",
      examples: emergency
        ? "Floods, outages, outbreaks, road closures; anyone at risk of harm."
        : "Anyone at risk of harm, threats of violence, self-harm.",
      whoAnswers: "Whoever is on the channel, then the duty or on-call officer",
      idealHours: 1,
      achievableHours: emergencyHours,
      clock: true,
      targetLabel:
        emergencyHours <= 1
          ? "within 1 hour, at any time"
          : emergency
            ? `within 1 hour while the channels are watched; up to ${clockHoursLabel(emergencyHours)} outside that until on-call cover is in place`
            : `within 1 hour while the channels are watched; outside those hours, point people to emergency numbers`,
      escalation:
        "At once to the emergency management lead or duty manager; police or emergency services where life is at risk.",
      takeOffline: "Never for public safety information: keep it public. Take individual cases to the phone at once.",
      refs: [
        ref("capacity", "coverHours"),
        ref("capacity", "outOfHoursProtocol"),
        ref("organisation", "emergencyServices"),
      ],
    }),
  ];
  if (facts.purposes.includes("service-requests")) {
    matrix.push(
      priorityRow({
        id: "service-requests",
        category: "Reports of problems and service requests",
        examples: "Missed collections, potholes, outages, applications in progress.",
        whoAnswers: "Social media team, passing each one to the service team through the request system",
        idealHours: 8,
        achievableHours: typical,
        escalation: "Service manager if it is not fixed within the service's own standard.",
        takeOffline:
          "Always for personal details: ask people to use the request form or a private message, never to post them publicly.",
        refs: [ref("stakeholders", "purposes"), ...response.refs],
      }),
    );
  }
  if (answers.stakeholders.projects.length > 0) {
    const names = joinList(answers.stakeholders.projects.map((project) => tidy(project.name)));
    matrix.push(
      priorityRow({
        id: "key-projects",
        category: `Questions about ${names}`,
        examples: "Timetables, costs, impacts, how to have a say.",
        whoAnswers: "Social media team using key messages; the project lead for anything new",
        idealHours: 8,
        achievableHours: slower,
        escalation: "Project lead, then the director of communications for anything sensitive or media-related.",
        takeOffline: "When the same person asks again and again, offer a call, a briefing or a drop-in session.",
        refs: [
          ...answers.stakeholders.projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
          ref("capacity", "keyMessages"),
          ref("capacity", "expertAccess"),
        ],
      }),
    );
  }
  matrix.push(
    priorityRow({
      id: "complaints",
      category: "Complaints",
      examples: "Someone unhappy with a service or a decision.",
      whoAnswers: "Social media team acknowledges; the complaints team responds",
      idealHours: 8,
      achievableHours: typical,
      escalation: "Your complaints process; a service manager for repeated or serious complaints.",
      takeOffline:
        "Always: move it to the complaints process and give a reference, so it is handled and recorded properly.",
      refs: response.refs,
    }),
    priorityRow({
      id: "misinformation",
      category: "Wrong or misleading information",
      examples: "False claims about a decision, a service or a risk.",
      whoAnswers: "Communications lead",
      idealHours: 8,
      achievableHours: typical,
      escalation: "Director of communications if it spreads or reaches the media.",
      takeOffline: "Correct it once in public, with a source; do not get drawn into argument.",
      refs: [ref("engagementModel", "monitoringReach"), ...response.refs],
    }),
    priorityRow({
      id: "abuse",
      category: "Abuse, threats and harassment",
      examples: "Personal attacks, hate, threats to staff or others, sharing people's personal details.",
      whoAnswers: "Whoever is on the channel, under the house rules",
      idealHours: 4,
      achievableHours: response.parts.attentionWait,
      escalation: "Threats to the police; abuse of staff to their manager and HR; record everything removed.",
      takeOffline: "Do not engage: hide or remove under the house rules, keep a record, and block repeat offenders.",
      refs: [ref("capacity", "houseRules"), ref("capacity", "moderationModel"), ref("capacity", "staffSupport")],
    }),
    priorityRow({
      id: "general",
      category: "General comments and praise",
      examples: "Thanks, opinions, conversation between residents.",
      whoAnswers: "Social media team, when time allows",
      idealHours: 40,
      achievableHours: overloaded ? 40 : response.achievableHours.likely,
      targetLabel: overloaded ? "read, but not each answered, while demand is above capacity" : undefined,
      escalation: "None needed.",
      takeOffline: "Not needed.",
      refs: [ref("capacity", "teamHoursPerWeek")],
    }),
  );

  const targetWords = plainTarget(capacity);
  const priorities = joinList([
    "safety issues",
    ...(facts.purposes.includes("service-requests") ? ["service requests"] : []),
    "complaints",
    ...(answers.stakeholders.projects.length > 0 ? ["questions on key projects"] : []),
  ]);
  const published =
    capacity.supply.weeklyReplyCapacity <= 0
      ? "No one has time set aside to reply, so do not promise replies yet: say on every account that messages are not monitored, and point people to your phone line and email."
      : overloaded
        ? `You cannot answer everything you can expect. Promise a reply within ${workingHoursLabel(typical)} to ${priorities}, and say plainly that other comments are read but not all answered.`
        : response.meetsTarget
          ? `We aim to reply to genuine questions within ${targetWords}. We watch the channels ${MONITORING_INLINE[answers.capacity.coverHours]}.`
          : `We aim to reply to genuine questions within ${workingHoursLabel(typical)}. Publish this, not the ${targetWords} target, until the extra hours are in place.`;

  const escalation = escalationInPlace
    ? ["Follow your escalation path; check its names and numbers every quarter."]
    : [
        "1. The person on the channel tells the communications lead the same day about anything sensitive, repeated or spreading.",
        "2. The communications lead brings in the service manager or director for media interest, legal risk or service failure.",
        "3. Threats to life or safety go to the police or emergency services at once, whatever the hour.",
        "4. Out of hours, the on-call officer decides whether to post, and who else to wake.",
      ];

  const outOfHours =
    answers.capacity.coverHours === "all-hours"
      ? "The channels are covered around the clock."
      : answers.capacity.outOfHoursProtocol === "yes"
        ? `Outside cover, your out-of-hours protocol applies: a first official post within about ${clockHoursLabel(response.emergencyResponseHours)} in an emergency.`
        : `Outside cover, a post could wait up to ${clockHoursLabel(response.outOfHoursWaitHours)} before anyone sees it. State this on every account and point people to emergency phone numbers${emergency ? ", and agree an on-call arrangement for emergencies" : ""}.`;

  return {
    monitoringHours: MONITORING_WORDS[answers.capacity.coverHours],
    publishedResponseTime: published,
    matrix,
    escalation,
    takeOffline: [
      "Someone shares personal details, or needs help with their own case.",
      "A complaint needs investigating.",
      "The same exchange has gone back and forth twice without moving on.",
      "Someone seems distressed or at risk.",
      "The matter is legal, or before a court or tribunal.",
    ],
    outOfHours,
    refs: uniqueRefs([
      ref("capacity", "coverHours"),
      ref("capacity", "targetResponse"),
      ref("capacity", "escalationPath"),
      ref("capacity", "offlineGuidance"),
      ref("capacity", "outOfHoursProtocol"),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// House rules and moderation
// ---------------------------------------------------------------------------------------------

function buildHouseRules(context: StrategyContext): HouseRulesOutline {
  const { answers, facts, capacity } = context;
  const rules = answers.capacity.houseRules;
  const model = answers.capacity.moderationModel;
  const points: HouseRulePoint[] = [
    { point: "Who runs this account and what it is for.", why: "People know what they can and cannot expect here." },
    {
      point: `When the account is watched (${MONITORING_INLINE[answers.capacity.coverHours]}) and how fast you reply.`,
      why: "A stated time you can keep heads off frustration. Publish what you can achieve, not what you hope for.",
    },
    {
      point:
        "What you will hide or remove: abuse, threats, hate, personal attacks, spam, advertising, impersonation, other people's personal details, and anything unlawful.",
      why: "Clear grounds make removal fair and defensible.",
    },
    {
      point: "What you will not remove: criticism of your decisions or services, and views you disagree with.",
      why: "A public body that removes criticism loses trust, and may breach its duties.",
    },
    {
      point: "How repeated breaches are handled (warning, hiding, blocking) and how to appeal.",
      why: "People see the same rules applied to everyone.",
    },
    {
      point: "Where to go in an emergency, and for urgent or personal matters.",
      why: "Social media must never be the only route for urgent help.",
    },
    {
      point: "That posts and replies may be kept as public records.",
      why: "Records law applies to social media as to any other business.",
    },
    {
      point: "Other ways to reach you, including phone, in person and accessible formats.",
      why: "Not everyone is online, or can use every platform.",
    },
  ];
  if (facts.contentiousTopics.length > 0 || answers.organisation.orgType === "council") {
    points.push({
      point:
        "How the account behaves in election periods: no party-political content, and comments on candidates may be hidden.",
      why: "Public bodies must stay politically neutral, especially before elections.",
    });
  }
  const hot =
    facts.hostileGroups.length > 0 || facts.soonProjects.some((project) => project.contentiousness === "high");
  const soonNames = joinList(
    facts.soonProjects.filter((project) => project.contentiousness === "high").map((project) => tidy(project.name)),
  );
  let recommended: string;
  if (model === "none" || model === "unknown" || model === "on-complaint") {
    recommended = hot
      ? `Post-moderation, with new comments checked at every sitting, and pre-moderation on posts about ${soonNames || "the most contentious topics"} while feeling runs high.`
      : "Post-moderation: someone checks new comments at every sitting and acts under the house rules.";
  } else if (model === "pre-moderation") {
    recommended = hot
      ? "Keep pre-moderation for the most contentious posts, but move routine posts to post-moderation so conversation is not held up."
      : "Consider post-moderation for routine posts: pre-moderation slows conversation and can look like censorship.";
  } else {
    recommended = hot
      ? `Keep post-moderation, and switch to pre-moderation on posts about ${soonNames || "the most contentious topics"} during peaks.`
      : "Keep post-moderation, with comments checked at every sitting.";
  }
  const guidance = [
    `Check comments at least every ${workingHoursLabel(Math.max(1, capacity.response.parts.attentionWait))} during cover; that is how often someone looks today.`,
    "Reply once with the facts and a source; if it goes on, offer to continue by phone, email or in person.",
    "Hide rather than delete where the platform allows, and keep a copy of anything removed, with the reason.",
    "Never argue, use sarcasm or take the bait; answer the question, not the tone.",
    "Escalate threats at once; do not leave them up while you wait for a decision.",
  ];
  if (facts.hostileGroups.length > 0) {
    guidance.push(
      `With ${joinList(facts.hostileGroups.map((group) => group.name))} hostile, rotate who moderates, debrief after bad days, and make sure no one moderates alone for long.`,
    );
  }
  if (facts.staffSupport.length === 0) {
    guidance.push(
      "Give moderators written permission to hide, block and report abuse, so they do not have to ask first.",
    );
  }
  return {
    current:
      rules === "published"
        ? "Your house rules are published: check them against this outline."
        : rules === "draft"
          ? "Your house rules are in draft: finish them against this outline and publish them."
          : "You have no house rules yet: use this outline to write them.",
    points,
    moderationModel: model,
    recommendedModeration: recommended,
    moderationGuidance: guidance,
    refs: uniqueRefs([
      ref("capacity", "houseRules"),
      ref("capacity", "moderationModel"),
      ref("capacity", "staffSupport"),
      ...facts.hostileGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// Roadmap and measures
// ---------------------------------------------------------------------------------------------

const PHASES: readonly { phase: RoadmapPhaseNumber; title: string; startDay: number; endDay: number; goal: string }[] =
  [
    {
      phase: 1,
      title: "Days 1 to 30: set the foundations",
      startDay: 1,
      endDay: 30,
      goal: "Deal with the high risks, agree who owns what, and make no new promises you cannot keep.",
    },
    {
      phase: 2,
      title: "Days 31 to 60: build the routines",
      startDay: 31,
      endDay: 60,
      goal: "Make replying, listening, moderating and publishing routine, and start counting.",
    },
    {
      phase: 3,
      title: "Days 61 to 90: step up where you can, and review",
      startDay: 61,
      endDay: 90,
      goal: "Take the next step with the groups you can sustain it for, and review progress against the measures.",
    },
  ];

function buildRoadmap(context: StrategyContext): RoadmapPhase[] {
  return PHASES.map((phase) => ({
    ...phase,
    startDate: addDays(context.assessedOn, phase.startDay),
    endDate: addDays(context.assessedOn, phase.endDay),
    actions: context.recommendations
      .filter((recommendation) => recommendation.phase === phase.phase)
      .map((recommendation) => ({
        recommendationId: recommendation.id,
        action: recommendation.title,
        firstStep: recommendation.firstStep,
        owner: recommendation.owner,
      })),
  }));
}

const PURPOSE_INDICATORS: Readonly<Record<Purpose, string>> = {
  share: "Reach and shares of key updates",
  listen: "Issues first spotted online, and the action taken on each",
  consult: "Responses per consultation, and time to publish what changed",
  involve: "People taking part, and how many say their views made a difference",
  "service-requests": "Share of online requests answered within the stated time",
  emergency: "Minutes from an incident to the first official post",
  promote: "Click-throughs and bookings from posts",
  recruitment: "Applications that came through social media",
  other: "A count you agree at the first review",
};

function buildMeasures(context: StrategyContext, objectives: readonly StrategyObjective[]): MeasuresPlan {
  const { answers, capacity } = context;
  const cadence = answers.commitment.reviewCadence;
  const perObjective: ObjectiveMeasures[] = objectives.map((objective) => ({
    objectiveId: objective.id,
    objective: objective.objective,
    statedMeasure: objective.source === "stated" ? objective.measure : null,
    suggestedIndicators:
      objective.purposes.length > 0
        ? objective.purposes.map((purpose) => PURPOSE_INDICATORS[purpose])
        : objective.source === "stated"
          ? ["A baseline for your measure now, so the first review can show change"]
          : [objective.measure],
    refs: objective.refs,
  }));
  const reply = capacity.response.meetsTarget
    ? plainTarget(capacity)
    : workingHoursLabel(capacity.response.achievableHours.likely);
  return {
    reviewCadence: cadence === "none" ? "quarterly" : cadence,
    cadenceAssumed: cadence === "none",
    cadenceNote:
      cadence === "none"
        ? "You have no review planned; we recommend a quarterly review, with the first at day 90."
        : cadence === "yearly" || cadence === "twice-yearly"
          ? `You plan to review ${cadence === "yearly" ? "yearly" : "twice a year"}; in the first year, add a check at day 90.`
          : `You plan to review ${cadence}; keep the first review at day 90.`,
    perObjective,
    operational: [
      `Share of genuine questions answered within ${reply}`,
      "Median time to a first reply, in working hours",
      "Questions and comments received each week, to check the capacity estimate",
      "Comments removed under the house rules, and appeals upheld",
      "Mentions found away from your own pages, and what was done about them",
      "How the people running the channels are coping, asked at each debrief",
    ],
    refs: [ref("commitment", "reviewCadence"), ref("commitment", "objectives")],
  };
}

/**
 * Builds the whole starter strategy. Objectives: stated then suggested; group plans: one per
 * group in answer order; content plan: exactly 12 weeks; roadmap: exactly 3 phases holding every
 * recommendation by its phase; measures: per objective plus operational indicators.
 */
export function buildStarterStrategy(context: StrategyContext): StarterStrategy {
  const objectives = buildObjectives(context);
  return {
    objectives,
    groupPlans: buildGroupPlans(context),
    responsePlan: buildResponsePlan(context),
    houseRules: buildHouseRules(context),
    contentPlan: buildContentPlan(context.answers, context.facts, context.gaps, context.assessedOn),
    roadmap: buildRoadmap(context),
    measures: buildMeasures(context, objectives),
  };
}
