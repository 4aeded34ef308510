/**
 * The starter strategy: objectives, a plan per stakeholder group, a response plan, house rules
 * and moderation guidance, the content plan, the 90-day roadmap and measures of success. All of
 * it is drawn from the answers and from the one judgement (capacity finding, verdict ceiling,
 * gaps, risks and recommendations): nothing here works out its own version of a finding. Every
 * promise it suggests publishing repeats the hours and targets the organisation gave, and never
 * more than its hours allow.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, Iap2Level, OnlinePlace, Purpose, StakeholderGroup } from "./answers";
import { levelsFor, type AnswerFacts } from "./answer-facts";
import { attentionInWords, emergencyWaitDuringCover, promiseBand } from "./capacity-model";
import { buildContentPlan } from "./content-plan";
import { addDays } from "./dates";
import { LEVEL_PROMISES } from "./levels";
import { classifyMeasure } from "./measures";
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
import { inSentence, inSentenceStart } from "./organisation-profile";
import { clockHoursLabel, joinList, tidy, workingHoursLabel } from "./text";

/** Everything the strategy may read. */
export interface StrategyContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  gaps: readonly EngagementGap[];
  recommendations: readonly Recommendation[];
  /** The verdict's ceiling. */
  ceiling: Iap2Level;
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
  "service-requests": /\b(service request|requests?\b|enquir|complain|fault|311|licen[cs]|applica|question)/i,
  emergency: /\b(emergenc|flood|fire|storm|crisis|alert|outage|warn|boil|outbreak|evacuat|incident)/i,
  promote: /\b(promot|event|attend|visit|book|tourism)/i,
  recruitment: /\b(recruit|job|career|applicant|vacanc|hire|hiring|volunteer)/i,
  other: /$^/,
};

/** The purposes an objective's text speaks to, by keyword, in the order of the chosen purposes. */
export function purposesOfObjective(text: string, chosen: readonly Purpose[]): Purpose[] {
  return chosen.filter((purpose) => PURPOSE_KEYWORDS[purpose].test(text));
}

/** The reply time the plan can stand behind, in words, for objectives and measures. */
function replyTimeWords(capacity: CapacityModel): string {
  return capacity.response.promiseLabel ?? "a time you publish and keep";
}

function suggestedObjective(purpose: Purpose, context: StrategyContext): { objective: string; measure: string } {
  const { capacity, answers, facts } = context;
  const served = facts.profile.vocabulary.peopleServed;
  switch (purpose) {
    case "share":
      return {
        objective: "Keep people informed about the services, changes and decisions that affect them",
        measure: "Fewer complaints that people were not told, alongside the reach of key updates",
      };
    case "listen":
      return {
        objective: "Hear what people say about you, on and off your pages, and act on it",
        measure: "Issues raised online that led to a change, reported each month",
      };
    case "consult":
      return {
        objective: "Ask for views on live decisions and report back on what changed",
        measure: "Share of consultations with a published 'you said, we did' within a month of closing",
      };
    case "involve":
      return {
        objective: "Involve the groups affected by key projects in shaping the options",
        measure: "Share of people taking part who say their views were reflected",
      };
    case "service-requests":
      return {
        objective: `Answer questions and requests made online within ${replyTimeWords(capacity)}`,
        measure: `Share of online questions from ${served} answered within the time you publish`,
      };
    case "emergency":
      return {
        objective: "Give fast, accurate updates in emergencies",
        measure: "Time from an incident to the first official post",
      };
    case "promote":
      return {
        objective: "Promote services, events and facilities to the people who can use them",
        measure: "Bookings and sign-ups that came from posts",
      };
    case "recruitment":
      return {
        objective:
          facts.profile.type === "non-profit"
            ? "Attract volunteers and applicants for hard-to-fill roles"
            : "Attract applicants for hard-to-fill roles",
        measure: "Applications that came through your channels, and vacancies filled",
      };
    case "other":
      return {
        objective: tidy(answers.stakeholders.purposesOther) || "Deliver the other purpose you named",
        measure: "A measure of the result, agreed at the first review",
      };
  }
}

function tacticsFor(purposes: readonly Purpose[]): Tactic[] {
  const order: Tactic[] = ["share", "listen", "engage"];
  return order.filter((tactic) => purposes.some((purpose) => PURPOSE_TACTICS[purpose].includes(tactic)));
}

/**
 * The strategy's objectives: the organisation's own (with their measures, or none), then one
 * suggested objective for each chosen purpose that none of its own objectives speaks to.
 */
export function buildObjectives(context: StrategyContext): StrategyObjective[] {
  const { answers, facts } = context;
  const stated: StrategyObjective[] = answers.commitment.objectives.map((objective) => {
    const measure = tidy(objective.measure);
    const purposes = purposesOfObjective(`${objective.objective} ${measure}`, facts.purposes);
    return {
      id: objective.id,
      objective: tidy(objective.objective),
      measure: measure === "" ? null : measure,
      measureKind: classifyMeasure(measure),
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
        measureKind: classifyMeasure(text.measure),
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
    if (facts.channelsUnknown) return `${PLACE_NAMES[place]} (check whether you are there)`;
    const present = (facts.channels as string[]).includes(channel);
    if (place === "email") return present ? "Email (your newsletter)" : "Email (you do not send a newsletter yet)";
    return `${PLACE_NAMES[place]}${present ? " (you are there)" : " (you are not there yet)"}`;
  });
}

const SENTIMENT_ADVICE = {
  hostile:
    "They are hostile: acknowledge the grievance, correct facts once and calmly, and offer to meet or talk offline. Do not argue in public, and keep their routes to be heard open.",
  sceptical:
    "They are sceptical: show your evidence, explain the trade-offs, and report back on what changed because of them.",
  mixed:
    "Their views are divided: give everyone the same facts, show how each view was weighed, and do not let the loudest voices stand for all of them.",
  neutral: "They are neutral: keep updates useful and regular, and make it easy to ask questions.",
  supportive: "They are supportive: thank them, and invite them to help explain and share.",
  unknown:
    "You do not know how they feel yet: ask a few of them, or the staff who deal with them, before you invite their comment.",
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
    concerns.push(SENTIMENT_ADVICE[group.sentiment]);
    for (const project of projects) {
      concerns.push(
        `${tidy(project.name)} lands ${TIMING_WORDS[project.timing]} (${project.contentiousness === "high" ? "very strong" : project.contentiousness === "medium" ? "strong" : "mild"} feeling): prepare key messages for them.`,
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
  /** What can be achieved, same unit; null when no reply can be promised yet. */
  achievableHours: number | null;
  clock?: boolean;
  /** Overrides the target wording, for example for emergencies outside cover. */
  targetLabel?: string;
  escalation: string;
  takeOffline: string;
  refs: AnswerRef[];
}

/** No reply time can be promised: the row says so instead of a time. */
const NO_PROMISE = "No reply time can be promised until someone has hours set aside for the channels";
const NO_PROMISE_HOURS_UNKNOWN = "No reply time can be promised until you know your team's hours";

/**
 * One row of the priority matrix. Target = max(ideal, achievable): never faster than the
 * organisation can achieve. Unit: working hours, or clock hours for emergencies.
 */
function priorityRow(spec: RowSpec, noPromise: string = NO_PROMISE): ResponsePriority {
  const label = spec.clock ? clockHoursLabel : workingHoursLabel;
  if (spec.achievableHours === null) {
    return {
      id: spec.id,
      category: spec.category,
      examples: spec.examples,
      whoAnswers: spec.whoAnswers,
      targetHours: 0,
      targetLabel: spec.targetLabel ?? noPromise,
      achievableHours: 0,
      achievableLabel: "not known",
      idealMet: false,
      escalation: spec.escalation,
      takeOffline: spec.takeOffline,
      refs: spec.refs,
    };
  }
  const raw = Math.max(spec.idealHours, spec.achievableHours);
  // NOTE: working-hour targets are published as plain bands ("2 working days"), rounded up, so
  // no row promises "1.3 working weeks"; clock-hour targets keep their own wording.
  const band = spec.clock ? null : promiseBand(raw);
  const target = round(band ? band.hours : raw, 1);
  return {
    id: spec.id,
    category: spec.category,
    examples: spec.examples,
    whoAnswers: spec.whoAnswers,
    targetHours: target,
    targetLabel: spec.targetLabel ?? (band ? `within ${band.label}` : `within ${label(target)}`),
    achievableHours: round(spec.achievableHours, 1),
    achievableLabel: label(spec.achievableHours),
    idealMet: spec.achievableHours <= spec.idealHours,
    escalation: spec.escalation,
    takeOffline: spec.takeOffline,
    refs: spec.refs,
  };
}

/** How often someone looks at the channels, and when: never more than the hours allow. */
function monitoringSentence(capacity: CapacityModel): string {
  const cover = capacity.cover;
  if (cover.attention === "none") return "No one watches the channels yet: no one has hours set aside for them.";
  if (cover.attention === "watched") return `We watch the channels ${cover.when}.`;
  return `We check the channels ${attentionInWords(cover)}, ${cover.when}.`;
}

function fixForCauses(capacity: CapacityModel): string {
  const causes = capacity.response.causes;
  if (causes.includes("too-few-hours")) return "the extra hours are in place";
  if (causes.includes("sign-off")) return "sign-off is quicker";
  if (causes.includes("thin-hours")) return "someone checks the channels more often";
  return "replies move faster";
}

function emergencyLabel(context: StrategyContext, during: number | null): string {
  const { capacity, facts, answers } = context;
  const cover = capacity.cover;
  if (during === null) {
    return cover.attention === "unknown"
      ? "As soon as someone sees it during your hours: agree who watches for it. Outside them, point people to emergency numbers"
      : "Point people to emergency numbers: no one watches the channels yet";
  }
  const duringWords =
    cover.coverHours === "all-hours"
      ? `within ${clockHoursLabel(during)}, at any time`
      : `within ${clockHoursLabel(during)} during your hours`;
  if (cover.coverHours === "all-hours") return duringWords;
  if (answers.capacity.outOfHoursProtocol === "yes") {
    return `${duringWords}; outside them, within about ${clockHoursLabel(cover.emergencyResponseHours)} through your on-call plan`;
  }
  if (answers.capacity.outOfHoursProtocol === "partly") {
    return `${duringWords}; outside them, up to about ${clockHoursLabel(cover.emergencyResponseHours)} through your informal arrangement, until it is written down and tested`;
  }
  return facts.emergency
    ? `${duringWords}; outside them, up to ${clockHoursLabel(cover.outOfHoursWaitHours)} until on-call cover is in place, so point people to emergency numbers`
    : `${duringWords}; outside them, point people to emergency numbers`;
}

function buildResponsePlan(context: StrategyContext): ResponsePlan {
  const { answers, facts, capacity } = context;
  const { roles, vocabulary } = facts.profile;
  const response = capacity.response;
  const noPromise = capacity.finding.status === "hours-unknown" ? NO_PROMISE_HOURS_UNKNOWN : NO_PROMISE;
  const row = (spec: RowSpec): ResponsePriority => priorityRow(spec, noPromise);
  // NOTE: when more questions arrive than the team can answer, a first-come queue never clears.
  // The plan then answers the categories below first and says so; their time has no queue in it.
  const overloaded = response.scope === "priority";
  const typical = response.achievableHours === null ? null : response.achievableHours.likely;
  const slower =
    response.slowerRepliesHours === null || typical === null
      ? null
      : Math.max(typical, response.slowerRepliesHours.likely);
  const during = emergencyWaitDuringCover(capacity.cover);
  // Rows for everyday questions aim for the organisation's own target when it is stricter than a
  // working day, and say it in the organisation's words when it is met.
  const everydayIdeal = Math.min(8, response.targetHours);
  const targetMet = response.meetsTarget && response.scope === "all" ? `within ${plainTarget(capacity)}` : undefined;
  const emergencyOwner = roles.emergencyLead ?? roles.dutyContact;
  const matrix: ResponsePriority[] = [
    row({
      id: "safety",
      category: facts.emergency ? "Emergencies and threats to safety" : "Threats to safety",
      examples: `${vocabulary.safetyExamples.charAt(0).toUpperCase()}${vocabulary.safetyExamples.slice(1)}.`,
      whoAnswers: `Whoever is on the channel, then ${inSentence(emergencyOwner)}`,
      idealHours: 1,
      achievableHours: during,
      clock: true,
      targetLabel: emergencyLabel(context, during),
      escalation: facts.emergency
        ? `To ${inSentence(emergencyOwner)} straight away; police or emergency services where life is at risk.`
        : `Police or emergency services where life is at risk; tell ${inSentence(roles.dutyContact)}.`,
      takeOffline:
        "Never for public safety information: keep it public. Take individual cases to the phone straight away.",
      refs: [
        ref("capacity", "coverHours"),
        ref("capacity", "teamHoursPerWeek"),
        ref("capacity", "outOfHoursProtocol"),
        ref("organisation", "emergencyServices"),
      ],
    }),
  ];
  if (facts.purposes.includes("service-requests")) {
    matrix.push(
      row({
        id: "service-requests",
        category: "Questions and service requests",
        examples: `${vocabulary.requestExamples.charAt(0).toUpperCase()}${vocabulary.requestExamples.slice(1)}.`,
        whoAnswers: facts.profile.soloTeam
          ? "The person who runs your channels, passing each one to the team that deals with it"
          : "The team on the channels, passing each one to the team that deals with it",
        idealHours: everydayIdeal,
        targetLabel: targetMet,
        achievableHours: typical,
        escalation: "The manager of the service, if it is not resolved within the service's own standard.",
        takeOffline:
          "Always for personal details: ask people to use a form, the phone or a private message, never to post them publicly.",
        refs: [ref("stakeholders", "purposes"), ...response.refs],
      }),
    );
  }
  if (answers.stakeholders.projects.length > 0) {
    const names = joinList(answers.stakeholders.projects.map((project) => tidy(project.name)));
    matrix.push(
      row({
        id: "key-projects",
        category: `Questions about ${names}`,
        examples: "Timetables, costs, impacts, how to have a say.",
        whoAnswers: `${facts.profile.soloTeam ? "The person who runs your channels" : "The team on the channels"}, using key messages; the project lead for anything new`,
        idealHours: 8,
        achievableHours: slower,
        escalation: `The project lead, then ${inSentence(roles.commsLead === roles.channelTeam ? roles.executive : roles.commsLead)} for anything sensitive or media-related.`,
        takeOffline: "When the same person asks again and again, offer a call, a briefing or a drop-in session.",
        refs: [
          ...answers.stakeholders.projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
          ref("capacity", "keyMessages"),
          ref("capacity", "expertAccess"),
        ],
      }),
    );
  }
  const complaintsOwner = inSentence(roles.customerService);
  matrix.push(
    row({
      id: "complaints",
      category: "Complaints",
      examples: "Someone unhappy with a service or a decision.",
      whoAnswers: `${facts.profile.soloTeam ? "The person who runs your channels" : "The team on the channels"} acknowledges; ${complaintsOwner} responds`,
      idealHours: everydayIdeal,
      targetLabel: targetMet,
      achievableHours: typical,
      escalation: "Your complaints process; a manager for repeated or serious complaints.",
      takeOffline:
        "Always: move it to the complaints process and give a reference, so it is handled and recorded properly.",
      refs: response.refs,
    }),
    row({
      id: "misinformation",
      category: "Wrong or misleading information",
      examples: "False claims about a decision, a service or a risk.",
      whoAnswers: roles.commsLead,
      idealHours: everydayIdeal,
      targetLabel: targetMet,
      achievableHours: typical,
      escalation: `${inSentenceStart(roles.executive)}, if it spreads or reaches the media.`,
      takeOffline: "Correct it once in public, with a source; do not get drawn into argument.",
      refs: [ref("engagementModel", "monitoringReach"), ...response.refs],
    }),
    row({
      id: "abuse",
      category: "Abuse, threats and harassment",
      examples: "Personal attacks, hate, threats to staff or others, sharing people's personal details.",
      whoAnswers: "Whoever is on the channel, under the house rules",
      idealHours: 4,
      achievableHours: response.parts === null ? null : response.parts.attentionWait,
      escalation: `Threats to the police; abuse of staff to ${inSentence(roles.staffManager)}; keep a record of everything removed.`,
      takeOffline: "Do not engage: hide or remove under the house rules, keep a record, and block repeat offenders.",
      refs: [ref("capacity", "houseRules"), ref("capacity", "moderationModel"), ref("capacity", "staffSupport")],
    }),
    row({
      id: "general",
      category: "General comments and praise",
      examples: `Thanks, opinions, and conversation between ${vocabulary.peopleServed}.`,
      whoAnswers: `${facts.profile.soloTeam ? "The person who runs your channels" : "The team on the channels"}, when time allows`,
      idealHours: 40,
      achievableHours: overloaded ? 40 : typical === null ? null : Math.max(typical, 8),
      targetLabel: overloaded ? "Read, but not each answered, while questions outnumber the hours" : undefined,
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
  const promise = response.promiseLabel;
  let published: string;
  if (capacity.finding.status === "hours-unknown") {
    published = `Do not publish a reply time until you know how many hours your team has: count them for two weeks. Until then, say on each account when it is watched and point people to ${vocabulary.otherRoutes} for anything urgent.`;
  } else if (capacity.finding.status === "no-hours" || response.scope === "none") {
    published = `No one has time set aside to reply, so do not promise replies yet: say on every account that messages are not monitored, and point people to ${vocabulary.otherRoutes}.`;
  } else if (promise === null) {
    published = `Do not publish a reply time yet: replies would take longer than two working weeks. Say on each account that messages are read, and point people to ${vocabulary.otherRoutes} for anything that cannot wait.`;
  } else if (overloaded) {
    published = `You cannot answer everything you can expect. Promise a reply within ${promise} to ${priorities}, and say plainly that other comments are read but not all answered.`;
  } else if (response.meetsTarget) {
    published = `We aim to reply to genuine questions within ${targetWords}.`;
  } else {
    published = `We aim to reply to genuine questions within ${promise}. Publish this, not your target of ${targetWords}, until ${fixForCauses(capacity)}.`;
  }

  const escalationInPlace = answers.capacity.escalationPath === "yes";
  const senior = roles.commsLead === roles.channelTeam ? roles.executive : roles.commsLead;
  const escalation = escalationInPlace
    ? ["Follow your escalation path; check its names and numbers every quarter."]
    : [
        `1. Whoever is on the channel tells ${inSentence(senior)} the same day about anything sensitive, repeated or spreading.`,
        `2. ${inSentenceStart(senior)} brings in the manager of the service concerned for media interest, legal risk or a service failure.`,
        "3. Threats to life or safety go to the police or emergency services straight away, whatever the hour.",
        `4. Out of hours, ${inSentence(roles.emergencyLead ?? roles.dutyContact)} decides whether to post, and who else to call.`,
      ];

  const cover = capacity.cover;
  const outOfHours =
    cover.coverHours === "all-hours"
      ? "The channels are covered at all hours, every day."
      : answers.capacity.outOfHoursProtocol === "yes"
        ? `Outside your hours, your out-of-hours plan applies: a first official post within about ${clockHoursLabel(cover.emergencyResponseHours)} in an emergency.`
        : answers.capacity.outOfHoursProtocol === "partly"
          ? `Outside your hours, an ordinary post could wait up to ${clockHoursLabel(cover.outOfHoursWaitHours)} before anyone sees it, and an emergency up to about ${clockHoursLabel(cover.emergencyResponseHours)} through your informal arrangement. Say on every account when it is watched, point people to emergency numbers, and write the arrangement down and test it.`
          : `Outside your hours, a post could wait up to ${clockHoursLabel(cover.outOfHoursWaitHours)} before anyone sees it. Say on every account when it is watched, and point people to emergency numbers${facts.emergency ? ", and agree an on-call arrangement for emergencies" : ""}.`;

  return {
    monitoringHours: monitoringSentence(capacity),
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
      ...cover.refs,
      ref("capacity", "targetResponse"),
      ref("capacity", "escalationPath"),
      ref("capacity", "offlineGuidance"),
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
  const cover = capacity.cover;
  const points: HouseRulePoint[] = [
    { point: "Who runs this account and what it is for.", why: "People know what they can and cannot expect here." },
    {
      point:
        cover.attention === "none"
          ? "When the account will be watched, once someone has hours for it, and how fast you will reply."
          : `When the account is watched (${cover.when}) and how fast you reply.`,
      why: "A stated time you can keep heads off frustration. Publish what you can achieve, not what you hope for.",
    },
    {
      point:
        "What you will hide or remove: abuse, threats, hate, personal attacks, spam, advertising, impersonation, other people's personal details, and anything unlawful.",
      why: "Clear grounds make removal fair and defensible.",
    },
    {
      point: "What you will not remove: criticism of your decisions or services, and views you disagree with.",
      why: "An organisation that removes criticism loses trust, and a public body may breach its duties.",
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
      point:
        facts.profile.type === "non-profit"
          ? "That posts and replies are kept, and how long for."
          : "That posts and replies may be kept as public records.",
      why:
        facts.profile.type === "non-profit"
          ? "People should know what happens to what they write to you."
          : "Records law applies to social media as to any other business.",
    },
    {
      point: "Other ways to reach you, including phone, in person and accessible formats.",
      why: "Not everyone is online, or can use every platform.",
    },
  ];
  if (facts.profile.type !== "non-profit" && facts.profile.type !== "other") {
    points.push({
      point:
        "How the account behaves before elections: no party-political content, and comments about candidates may be hidden.",
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
  const sittings =
    cover.attention === "none"
      ? "Agree who checks comments, and how often, before you invite any."
      : cover.attention === "unknown"
        ? "Agree how often someone checks new comments during your hours, and keep to it."
        : cover.attention === "watched"
          ? "Check new comments at every sitting, throughout your hours."
          : `Check new comments ${attentionInWords(cover)}: that is as often as your hours allow today.`;
  const guidance = [
    sittings,
    "Reply once with the facts and a source; if it goes on, offer to continue by phone, email or in person.",
    "Hide rather than delete where the platform allows, and keep a copy of anything removed, with the reason.",
    "Never argue, use sarcasm or take the bait; answer the question, not the tone.",
    "Escalate threats straight away; do not leave them up while you wait for a decision.",
  ];
  if (facts.hostileGroups.length > 0) {
    const names = joinList(facts.hostileGroups.map((group) => group.phrase));
    guidance.push(
      facts.profile.soloTeam
        ? `With ${names} hostile, agree who steps in when the person on the channels needs a break, and debrief after bad days.`
        : `With ${names} hostile, rotate who moderates, debrief after bad days, and make sure no one moderates alone for long.`,
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
          : rules === "unknown"
            ? "You did not know whether you have house rules: check, and if there are none, use this outline to write them."
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

function phaseDefinitions(context: StrategyContext): {
  phase: RoadmapPhaseNumber;
  title: string;
  startDay: number;
  endDay: number;
  goal: string;
}[] {
  const stepsUp = context.gaps.some((gap) => gap.action === "step-up");
  const decisionMaker = context.facts.profile.roles.decisionMaker;
  return [
    {
      phase: 1,
      title: "Days 1 to 30: set the foundations",
      startDay: 1,
      endDay: 30,
      goal: "Start on the most urgent risks, agree who owns what, and make no new promises you cannot keep.",
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
      title: stepsUp
        ? "Days 61 to 90: step up where you can, and review"
        : "Days 61 to 90: review and decide what next",
      startDay: 61,
      endDay: 90,
      goal: stepsUp
        ? "Take the next step with the groups you can keep it up for, and review progress against the measures."
        : `Review progress against the measures, and decide with ${decisionMaker} whether the foundations are ready for the next step.`,
    },
  ];
}

function buildRoadmap(context: StrategyContext): RoadmapPhase[] {
  return phaseDefinitions(context).map((phase) => ({
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
  share: "Complaints that people were not told, alongside the reach of key updates",
  listen: "Issues first spotted online, and the action taken on each",
  consult: "Responses per consultation, and time to publish what changed",
  involve: "People taking part, and how many say their views made a difference",
  "service-requests": "Share of online questions answered within the time you publish",
  emergency: "Minutes from an incident to the first official post",
  promote: "Bookings and sign-ups that came from posts",
  recruitment: "Applications that came through your channels",
  other: "A measure of the result, agreed at the first review",
};

function buildMeasures(context: StrategyContext, objectives: readonly StrategyObjective[]): MeasuresPlan {
  const { answers, capacity, facts } = context;
  const cadence = answers.commitment.reviewCadence;
  const perObjective: ObjectiveMeasures[] = objectives.map((objective) => {
    const indicators =
      objective.purposes.length > 0
        ? objective.purposes.map((purpose) => PURPOSE_INDICATORS[purpose])
        : objective.source === "stated"
          ? ["A baseline for your measure now, so the first review can show change"]
          : [];
    if (objective.source === "stated" && objective.measureKind === "output") {
      indicators.unshift("A result to sit beside your reach measure: what changed for people because of it");
    }
    if (objective.source === "stated" && objective.measureKind === "none") {
      indicators.unshift("A measure of the result, agreed before the first review");
    }
    return {
      objectiveId: objective.id,
      objective: objective.objective,
      statedMeasure: objective.source === "stated" ? objective.measure : null,
      suggestedIndicators: [
        ...new Set(indicators.length > 0 ? indicators : [objective.measure ?? PURPOSE_INDICATORS.other]),
      ],
      refs: objective.refs,
    };
  });
  const promise = capacity.response.promiseLabel;
  const replyMeasure =
    capacity.response.scope === "none" || promise === null
      ? "Questions received each week, and how many were answered"
      : capacity.response.scope === "priority"
        ? `Share of safety issues, requests and complaints answered within ${promise}, and share of all questions answered at all`
        : `Share of genuine questions answered within ${promise}`;
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
      replyMeasure,
      "Median time to a first reply, in working hours",
      "Questions and comments received each week, to check the capacity estimate",
      ...(capacity.peak !== null ? ["Reply times in the busiest weeks, against a usual week"] : []),
      "Comments removed under the house rules, and appeals upheld",
      "Mentions found away from your own pages, and what was done about them",
      `How ${facts.profile.soloTeam ? "the person running the channels is" : "the people running the channels are"} coping, asked at each debrief`,
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
