/**
 * Risks: what could go wrong if the organisation opens or widens two-way channels as it is.
 * Each rule below decides whether the risk applies, how severe it is, and which answers
 * triggered it. Severities only ever fall as answers improve.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers } from "./answers";
import { levelsFor, type AnswerFacts } from "./answer-facts";
import { APPROVAL_HOURS, demandRefs } from "./capacity-model";
import { isMeasurable } from "./dimensions";
import { levelRank, levelWord } from "./levels";
import {
  RISK_IDS,
  type CapacityModel,
  type EngagementGap,
  type Risk,
  type RiskId,
  type Severity,
} from "./report-model";
import { formatNumber, joinList, shareInWords, workingHoursLabel } from "./text";

/** Everything a risk rule may read. */
export interface RiskContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  gaps: EngagementGap[];
}

type RiskRule = (context: RiskContext) => Risk | null;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1 };

/** Numeric weight of a severity: high 3, medium 2, low 1. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

function risk(
  id: RiskId,
  severity: Severity,
  title: string,
  summary: string,
  explanation: string,
  triggers: AnswerRef[],
): Risk {
  return { id, severity, title, summary, explanation, triggers: uniqueRefs(triggers) };
}

function names(groups: readonly { name: string }[]): string {
  return joinList(groups.map((group) => group.name));
}

function desiredRefs(facts: AnswerFacts, minimumRank: number): AnswerRef[] {
  return facts.groups
    .filter((group) => levelRank(levelsFor(facts, group.id).desired) >= minimumRank)
    .map((group) => ref("engagementModel", "levels", { groupId: group.id }));
}

const RULES: Readonly<Record<RiskId, RiskRule>> = {
  "unanswerable-questions": (context) => {
    const { capacity, facts } = context;
    if (!facts.invitesQuestions) return null;
    const coverage = capacity.coverageRatio.likely;
    const response = capacity.response;
    const triggers = [
      ref("stakeholders", "purposes"),
      ...desiredRefs(context.facts, levelRank("consult")),
      ref("capacity", "teamHoursPerWeek"),
      ...demandRefs(context.answers),
      ref("capacity", "targetResponse"),
      ref("capacity", "actualResponse"),
    ];
    if (coverage >= 1 && response.meetsTarget) {
      if (coverage >= 1.2) return null;
      return risk(
        "unanswerable-questions",
        "low",
        "Little spare capacity for a surge",
        "it has little spare capacity for a surge of questions",
        `Your team can answer what we expect, with less than a fifth to spare. A consultation, an incident or a viral post can double the questions in a day; agree now what you will pause when that happens.`,
        triggers,
      );
    }
    const noHours = capacity.supply.weeklyReplyCapacity <= 0;
    const severity: Severity =
      noHours || coverage < 0.6 || response.achievableHours.likely > 2 * response.targetHours ? "high" : "medium";
    const what = noHours
      ? "No one has hours set aside to reply"
      : coverage < 1
        ? `Your team could answer ${shareInWords(coverage)} of the roughly ${formatNumber(capacity.demand.repliesNeededWeekly.likely)} questions a week that need a reply`
        : `Your team could answer what comes in, but most replies would take about ${workingHoursLabel(response.achievableHours.likely)} against a target of ${response.targetLabel}`;
    return risk(
      "unanswerable-questions",
      severity,
      "Inviting questions you cannot answer",
      noHours
        ? "no one has time set aside to answer questions"
        : coverage < 1
          ? `it could answer only ${shareInWords(coverage)} of the questions it should expect`
          : "its replies would be slower than it promises",
      `${what}. Unanswered or late replies tell people you asked but did not listen, which does more harm than not asking.`,
      triggers,
    );
  },

  "hostile-without-rules": ({ answers, facts }) => {
    if (facts.waryGroups.length === 0) return null;
    const rules = answers.capacity.houseRules;
    const moderation = answers.capacity.moderationModel;
    const rulesMissing = rules === "none" || rules === "unknown";
    const moderationMissing = moderation === "none" || moderation === "unknown";
    const weak = rules === "draft" || moderation === "on-complaint";
    if (!rulesMissing && !moderationMissing && !weak) return null;
    const hostile = facts.hostileGroups.length > 0;
    const severity: Severity =
      rulesMissing || moderationMissing ? (hostile ? "high" : "medium") : hostile ? "medium" : "low";
    const allHostile = facts.hostileGroups.length === facts.waryGroups.length;
    const whom = hostile
      ? allHostile
        ? "the hostile groups it wants to reach"
        : "the hostile and sceptical groups it wants to reach"
      : "groups that are sceptical of it";
    const unknown = rules === "unknown" || moderation === "unknown";
    const missingWords =
      rulesMissing && moderationMissing
        ? "house rules or moderation"
        : rulesMissing
          ? "house rules"
          : moderationMissing
            ? "moderation"
            : rules === "draft"
              ? "published house rules"
              : "moderation beyond complaints";
    const summary = unknown
      ? `it cannot say whether it has ${missingWords} for ${whom}`
      : `it has no ${missingWords} for ${whom}`;
    const have = [
      rules === "none"
        ? "no house rules"
        : rules === "unknown"
          ? "no known house rules"
          : rules === "draft"
            ? "house rules only in draft"
            : null,
      moderation === "none"
        ? "no moderation"
        : moderation === "unknown"
          ? "no known moderation"
          : moderation === "on-complaint"
            ? "comments checked only when someone complains"
            : null,
    ].filter((item): item is string => item !== null);
    const mood = hostile ? (allHostile ? "hostile" : "hostile or sceptical") : "sceptical";
    return risk(
      "hostile-without-rules",
      severity,
      "Hostile or sceptical groups with no rules or moderation",
      summary,
      `${names(facts.waryGroups)} are ${mood}${facts.groups.some((group) => group.sentiment === "unknown") ? " (a group of unknown mood is treated as sceptical)" : ""}, and you have ${joinList(have)}. Without published rules, removing an abusive post looks like censorship, and leaving it up looks like you condone it.`,
      [
        ...facts.waryGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("capacity", "houseRules"),
        ref("capacity", "moderationModel"),
      ],
    );
  },

  "contentious-project-hostile": ({ answers, facts }) => {
    const waryIds = new Set(facts.waryGroups.map((group) => group.id));
    const projects = answers.stakeholders.projects.filter(
      (project) =>
        project.contentiousness !== "low" &&
        project.timing !== "6-12-months" &&
        project.groupIds.some((groupId) => waryIds.has(groupId)),
    );
    if (projects.length === 0) return null;
    const unprepared =
      answers.capacity.houseRules !== "published" ||
      answers.capacity.escalationPath !== "yes" ||
      !["yes", "partly"].includes(answers.capacity.keyMessages);
    const imminent = projects.some(
      (project) => project.contentiousness === "high" && project.timing === "next-3-months",
    );
    const severity: Severity = imminent && unprepared ? "high" : "medium";
    const affected = facts.waryGroups.filter((group) =>
      projects.some((project) => project.groupIds.includes(group.id)),
    );
    return risk(
      "contentious-project-hostile",
      severity,
      "A contentious project is coming and the groups it affects are wary",
      `${joinList(projects.map((project) => project.name))} will draw heat from ${names(affected)}`,
      `${joinList(projects.map((project) => project.name))} ${projects.length === 1 ? "is" : "are"} expected to draw strong feeling soon, and ${names(affected)} are already wary. Expect a surge of questions, criticism and some misinformation.${unprepared ? " Your house rules, escalation path or key messages are not yet ready for it." : " Your rules, escalation and key messages are in place; rehearse them before it starts."}`,
      [
        ...projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
        ...affected.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("capacity", "houseRules"),
        ref("capacity", "escalationPath"),
        ref("capacity", "keyMessages"),
      ],
    );
  },

  "no-out-of-hours-cover": ({ answers, facts }) => {
    const emergency = facts.emergencyServices.length > 0 || facts.purposes.includes("emergency");
    if (!emergency) return null;
    const cover = answers.capacity.coverHours;
    const protocol = answers.capacity.outOfHoursProtocol;
    if (cover === "all-hours" || protocol === "yes") return null;
    const severity: Severity = protocol === "partly" ? "medium" : cover === "business-hours" ? "high" : "medium";
    return risk(
      "no-out-of-hours-cover",
      severity,
      "No out-of-hours cover for emergency-related services",
      "no one would see an emergency post out of hours",
      `You run emergency-related services, but your channels are watched ${cover === "business-hours" ? "only in business hours" : "for extended hours only"} and your out-of-hours protocol is ${protocol === "partly" ? "only partly in place" : "not in place"}. ${cover === "business-hours" ? "A post about a flood, outage or threat on a Friday evening could sit unseen until Monday." : "A post about a flood, outage or threat late at night could sit unseen until morning."}`,
      [
        ref("organisation", "emergencyServices"),
        ref("stakeholders", "purposes"),
        ref("capacity", "coverHours"),
        ref("capacity", "outOfHoursProtocol"),
      ],
    );
  },

  "single-person-accounts": ({ answers }) => {
    const access = answers.capacity.accountAccess;
    const people = answers.capacity.teamPeople;
    if (access === "shared-managed" && people >= 2) return null;
    const severity: Severity = access === "one-person" || people <= 1 ? "high" : "medium";
    const explanation =
      access === "one-person" || people <= 1
        ? "One person holds the accounts and does the work. If they are away, leave or lose access, the channels go silent or are locked, and there is no one to share the load on a hard day."
        : access === "shared-informally"
          ? "Access is shared informally, for example passwords passed around. You cannot see who posted, or remove someone's access when they leave."
          : "You did not know who holds access to the accounts, so you cannot be sure anyone else could step in.";
    return risk(
      "single-person-accounts",
      severity,
      "One person holds the accounts",
      access === "one-person" || people <= 1
        ? "one person holds every account"
        : "access to the accounts is not managed",
      explanation,
      [ref("capacity", "accountAccess"), ref("capacity", "teamPeople")],
    );
  },

  "no-two-factor": ({ answers }) => {
    const twoFactor = answers.capacity.twoFactor;
    if (twoFactor === "all") return null;
    return risk(
      "no-two-factor",
      twoFactor === "some" ? "medium" : "high",
      "Accounts without two-factor sign-in",
      "its accounts are not protected by two-factor sign-in",
      twoFactor === "some"
        ? "Only some accounts use two-factor sign-in. One taken-over account can post false information in your name, which in an emergency could put people at risk."
        : `${twoFactor === "unknown" ? "You did not know whether" : "None of"} your accounts use two-factor sign-in. A taken-over account can post false information in your name, which in an emergency could put people at risk.`,
      [ref("capacity", "twoFactor")],
    );
  },

  "records-not-kept": ({ answers }) => {
    const records = answers.capacity.recordsCapture;
    if (records === "automatic") return null;
    const severity: Severity = records === "none" ? "high" : records === "unknown" ? "medium" : "low";
    const explanations = {
      none: "Posts, replies and removed comments are not kept as records. Public bodies must keep records of what they say and decide, and you could not answer a complaint, an information request or an inquiry about what was said.",
      unknown:
        "You did not know whether posts and replies are kept as records. If they are not, you could not answer a complaint, an information request or an inquiry about what was said.",
      manual:
        "Posts and replies are captured by hand. Manual capture tends to miss replies, edits and removed comments, exactly the items a complaint or inquiry asks about.",
    } as const;
    return risk(
      "records-not-kept",
      severity,
      "Posts and replies not kept as records",
      "its posts and replies are not kept as records",
      explanations[records],
      [ref("capacity", "recordsCapture")],
    );
  },

  "slow-approvals": ({ answers, capacity }) => {
    const need = answers.capacity.approvalNeed;
    if (need === "none") return null;
    const time = answers.capacity.approvalTime ?? "unknown";
    const hours = APPROVAL_HOURS[time].likely;
    const target = capacity.response.targetHours;
    let severity: Severity | null = null;
    if (need === "most-replies")
      severity = hours > target ? "high" : hours > target / 2 || time === "unknown" ? "medium" : null;
    else severity = hours > target ? "medium" : time === "unknown" ? "low" : null;
    if (severity === null) return null;
    return risk(
      "slow-approvals",
      severity,
      "Sign-off slower than the response target",
      "its replies wait too long for sign-off",
      `${need === "most-replies" ? "Most replies" : "Sensitive replies"} wait for sign-off, which takes ${time === "unknown" ? "an unknown time (we assumed about one working day)" : `about ${workingHoursLabel(hours)}`}, against a target of ${capacity.response.targetLabel}. The conversation moves on while the reply waits, and the gap fills with guesses.`,
      [ref("capacity", "approvalNeed"), ref("capacity", "approvalTime"), ref("capacity", "targetResponse")],
    );
  },

  "listening-own-pages": ({ answers, facts }) => {
    const reach = answers.engagementModel.monitoringReach;
    if (reach !== "own-pages" && reach !== "unknown") return null;
    const pressure =
      facts.waryGroups.length > 0 ||
      answers.stakeholders.projects.some(
        (project) => project.contentiousness === "high" && project.timing !== "6-12-months",
      );
    return risk(
      "listening-own-pages",
      pressure ? "high" : "medium",
      "Listening only on your own pages",
      "its listening stops at its own pages",
      `${reach === "unknown" ? "You did not know how far your listening reaches, so we assume it stays on your own pages." : "You listen only on your own pages."} About half the conversation about a public body happens elsewhere: community groups, neighbourhood sites, news comments.${pressure ? " With wary groups and contentious projects, that is where criticism and rumours will start." : ""}`,
      [
        ref("engagementModel", "monitoringReach"),
        ...facts.groups
          .filter((group) =>
            group.online.some((place) =>
              ["community-groups-online", "neighbourhood", "news-comments", "messaging"].includes(place),
            ),
          )
          .map((group) => ref("stakeholders", "online", { groupId: group.id })),
      ],
    );
  },

  "no-escalation-path": ({ answers, facts }) => {
    const escalation = answers.capacity.escalationPath;
    if (escalation === "yes") return null;
    const exposed =
      facts.waryGroups.length > 0 || facts.contentiousTopics.length > 0 || facts.emergencyServices.length > 0;
    const severity: Severity = escalation === "partly" ? "low" : exposed ? "high" : "medium";
    return risk(
      "no-escalation-path",
      severity,
      "No path to escalate difficult posts",
      "it has no path to escalate threats, abuse or crises",
      `${escalation === "partly" ? "Your escalation path is only partly in place." : escalation === "unknown" ? "You did not know whether there is an escalation path." : "There is no escalation path."} When a post threatens someone, reveals a safeguarding concern or starts a crisis, the person on the channel must know who to call, at once.`,
      [
        ref("capacity", "escalationPath"),
        ref("organisation", "contentiousTopics"),
        ref("organisation", "emergencyServices"),
        ...facts.waryGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
      ],
    );
  },

  "no-staff-support": ({ facts }) => {
    if (facts.staffSupport.length > 0) return null;
    const severity: Severity =
      facts.hostileGroups.length > 0
        ? "high"
        : facts.waryGroups.length > 0 || facts.contentiousTopics.length > 0
          ? "medium"
          : "low";
    return risk(
      "no-staff-support",
      severity,
      "No support for staff facing hostility",
      "the staff who will face hostile comments have no support",
      "The people who run your channels take the brunt of public anger at decisions they did not make. With no debriefs, guidance, rotation or permission to block abuse, they burn out or leave, and the channel goes with them.",
      [
        ref("capacity", "staffSupport"),
        ...facts.hostileGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("organisation", "contentiousTopics"),
      ],
    );
  },

  "ambition-beyond-capacity": ({ gaps }) => {
    const stretched = gaps.filter((gap) => gap.shortfallLevels >= 2);
    if (stretched.length === 0) return null;
    const widest = Math.max(...stretched.map((gap) => gap.shortfallLevels));
    const list = stretched.map(
      (gap) => `${gap.groupName} (want ${levelWord(gap.desired)}, can sustain ${levelWord(gap.sustainable)})`,
    );
    return risk(
      "ambition-beyond-capacity",
      widest >= 3 ? "high" : "medium",
      "Ambitions far above what you can sustain",
      "what it wants is well beyond what it can keep up",
      `For ${joinList(list)}, the level you want is two or more steps above what you can sustain now. Promising that level before you can keep it raises expectations you will then disappoint.`,
      stretched.flatMap((gap) => gap.refs),
    );
  },

  "broadcast-only": ({ answers, facts }) => {
    const practice = answers.engagementModel.replyPractice;
    if (practice !== "broadcast-only" && practice !== "unknown") return null;
    const highest = Math.max(...facts.groups.map((group) => levelRank(levelsFor(facts, group.id).desired)), 0);
    if (highest < levelRank("consult")) return null;
    return risk(
      "broadcast-only",
      highest >= levelRank("involve") ? "high" : "medium",
      "Broadcasting only while wanting two-way engagement",
      "it does not yet reply to people at all",
      `${practice === "unknown" ? "You did not know whether you reply to people, so we assume you mostly broadcast." : "You broadcast and do not reply."} Yet you want to consult or involve some groups. Replying is a habit and a set of routines; build it before you promise more.`,
      [ref("engagementModel", "replyPractice"), ...desiredRefs(facts, levelRank("consult"))],
    );
  },

  "no-sponsor-or-measures": ({ answers }) => {
    const { sponsor, reviewCadence, objectives } = answers.commitment;
    const measurable = objectives.filter((objective) => isMeasurable(objective.measure)).length;
    const weakMeasures = measurable * 2 < objectives.length;
    const points =
      (sponsor === "no" ? 2 : sponsor === "not-decided" ? 1 : 0) +
      (reviewCadence === "none" ? 1 : 0) +
      (weakMeasures ? 1 : 0);
    if (points === 0) return null;
    const severity: Severity = points >= 3 ? "high" : points === 2 ? "medium" : "low";
    const issues = [
      sponsor === "no" ? "no executive sponsor" : sponsor === "not-decided" ? "no sponsor decided yet" : null,
      reviewCadence === "none" ? "no review planned" : null,
      weakMeasures ? "few measures that can be checked" : null,
    ].filter((item): item is string => item !== null);
    return risk(
      "no-sponsor-or-measures",
      severity,
      "No executive sponsor or measures",
      `it has ${joinList(issues)}`,
      `There is ${joinList(issues)}. Without a senior champion and evidence of what works, online engagement is the first thing cut when budgets tighten, and no one can say whether it was worth it.`,
      [
        ref("commitment", "sponsor"),
        ref("commitment", "reviewCadence"),
        ...objectives.map((objective) => ref("commitment", "objectives", { objectiveId: objective.id })),
      ],
    );
  },

  "no-offline-guidance": ({ answers }) => {
    const offline = answers.capacity.offlineGuidance;
    if (offline === "yes") return null;
    return risk(
      "no-offline-guidance",
      offline === "partly" ? "low" : "medium",
      "No guidance on taking conversations offline",
      "it has no guidance on when to take a conversation offline",
      `${offline === "partly" ? "Your guidance on taking conversations offline is only partial." : "There is no agreed guidance on when to take a conversation offline."} Personal cases, complaints and heated exchanges are better handled by phone, email or in person; staff need to know when and how to offer that.`,
      [ref("capacity", "offlineGuidance")],
    );
  },

  "no-evergreen-reserve": ({ answers, facts }) => {
    const reserve = answers.engagementModel.evergreenReserve;
    if (reserve === "4-to-12-weeks" || reserve === "over-12-weeks") return null;
    const launching =
      facts.channels.length === 0 || facts.groups.some((group) => levelsFor(facts, group.id).current === "none");
    if (reserve === "under-4-weeks" && !launching) return null;
    const severity: Severity = launching ? "medium" : "low";
    return risk(
      "no-evergreen-reserve",
      severity,
      "No reserve of evergreen content",
      "it has no content in reserve",
      `${reserve === "unknown" ? "You did not know how much evergreen content is ready." : reserve === "none" ? "You have no evergreen content ready." : "You have less than four weeks of evergreen content ready."} ${launching ? "You are about to start with some groups; without a reserve, the channel goes quiet in the first busy week." : "In a busy week the channel will go quiet or fill with rushed posts."}`,
      [ref("engagementModel", "evergreenReserve"), ref("organisation", "channels")],
    );
  },

  "no-training": ({ answers, facts }) => {
    const training = answers.capacity.training;
    if (training !== "none" && training !== "unknown") return null;
    return risk(
      "no-training",
      facts.invitesQuestions ? "medium" : "low",
      "No training for the people on the channels",
      "the people on its channels have had no training",
      `${training === "unknown" ? "You did not know what training staff have had." : "Staff have had no training."} Answering the public online in the organisation's name, often under pressure, is a skill: tone, accuracy, privacy, records and when to stop.`,
      [ref("capacity", "training")],
    );
  },
};

/**
 * Identifies every risk that applies, most severe first; ties keep the order of `RISK_IDS`
 * (the catalogue order, roughly by how much harm each can do).
 */
export function identifyRisks(context: RiskContext): Risk[] {
  const found: Risk[] = [];
  for (const id of RISK_IDS) {
    const result = RULES[id](context);
    if (result) found.push(result);
  }
  return found
    .map((item, index) => ({ item, index }))
    .sort((a, b) => severityRank(b.item.severity) - severityRank(a.item.severity) || a.index - b.index)
    .map(({ item }) => item);
}
