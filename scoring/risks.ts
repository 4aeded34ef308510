/**
 * Risks: what could go wrong if the organisation opens or widens two-way channels as it is.
 * Each rule below decides whether the risk applies, how severe it is, and which answers
 * triggered it; its title and explanation always say what the answers say (a record kept by
 * hand is never called "not kept"). Severities only ever fall as answers improve.
 *
 * Foundation risks come from the answers and the capacity model and can lower the verdict; plan
 * risks come from the gap between what is wanted and what the verdict allows, and cannot.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, StakeholderGroup } from "./answers";
import { levelsFor, type AnswerFacts } from "./answer-facts";
import { directRoutes } from "./group-names";
import { APPROVAL_HOURS, demandRefs, peaksInWords } from "./capacity-model";
import { classifyMeasure } from "./measures";
import { levelRank, levelWord } from "./levels";
import {
  RISK_IDS,
  type CapacityModel,
  type EngagementGap,
  type Risk,
  type RiskId,
  type Severity,
} from "./report-model";
import { clockHoursLabel, formatNumber, joinList, shareInWords, tidy, upperFirst, workingHoursLabel } from "./text";

/** Everything a foundation risk rule may read. */
export interface RiskContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
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
  kind: Risk["kind"] = "foundation",
): Risk {
  return { id, severity, kind, title, summary, explanation, triggers: uniqueRefs(triggers) };
}

/** Groups named mid-sentence ("residents and local businesses"); `upperFirst` it at a sentence's start. */
function names(groups: readonly { phrase: string }[]): string {
  return joinList(groups.map((group) => group.phrase));
}

/** Group names are plural nouns ("Residents", "Local businesses"): they always take "are". */
function areOrIs(_groups: readonly unknown[]): string {
  return "are";
}

/** How the groups feel, in words: "hostile", "wary" (sceptical), "divided" (mixed), or a list of them. */
function moodOf(groups: readonly { sentiment: StakeholderGroup["sentiment"] }[]): string {
  const words: string[] = [];
  if (groups.some((group) => group.sentiment === "hostile")) words.push("hostile");
  if (groups.some((group) => group.sentiment === "sceptical")) words.push("wary");
  if (groups.some((group) => group.sentiment === "mixed")) words.push("divided");
  return joinList(words.length > 0 ? words : ["wary"], "or");
}

/** What is not ready for a heated project: only the parts that are missing, in the answers' terms. */
function unreadyFor(answers: AssessmentAnswers): string[] {
  const { houseRules, escalationPath, keyMessages } = answers.capacity;
  return [
    houseRules === "draft"
      ? "your house rules are still in draft"
      : houseRules !== "published"
        ? "you have no published house rules"
        : null,
    escalationPath === "partly"
      ? "your way of passing posts up the line is only partly written down"
      : escalationPath !== "yes"
        ? "there is no agreed way to pass posts up the line"
        : null,
    keyMessages === "yes" || keyMessages === "partly" ? null : "there are no approved key messages",
  ].filter((item): item is string => item !== null);
}

/**
 * The wary groups rules matter for: every hostile group (hostility arrives uninvited), and
 * sceptical or divided groups the organisation wants to hear from (consult or above).
 */
/** Places people talk about a public body that are not its own pages. */
const OFF_PAGE_PLACES: readonly string[] = ["community-groups-online", "neighbourhood", "news-comments", "messaging"];

export function invitedWaryGroups(facts: AnswerFacts): AnswerFacts["waryGroups"] {
  return facts.waryGroups.filter(
    (group) => group.sentiment === "hostile" || levelRank(levelsFor(facts, group.id).desired) >= levelRank("consult"),
  );
}

function desiredRefs(facts: AnswerFacts, minimumRank: number): AnswerRef[] {
  return facts.groups
    .filter((group) => levelRank(levelsFor(facts, group.id).desired) >= minimumRank)
    .map((group) => ref("engagementModel", "levels", { groupId: group.id }));
}

function highestDesired(facts: AnswerFacts): number {
  return Math.max(...facts.groups.map((group) => levelRank(levelsFor(facts, group.id).desired)), 0);
}

const FOUNDATION_RULES: Readonly<Record<Exclude<RiskId, "ambition-beyond-capacity">, RiskRule>> = {
  "unanswerable-questions": (context) => {
    const { capacity, facts, answers } = context;
    if (!facts.invitesQuestions) return null;
    const { status } = capacity.finding;
    const response = capacity.response;
    const triggers = [
      ref("stakeholders", "purposes"),
      ...desiredRefs(facts, levelRank("consult")),
      ref("capacity", "teamHoursPerWeek"),
      ...demandRefs(answers),
      ref("capacity", "targetResponse"),
      ref("capacity", "actualResponse"),
    ];
    const coverage = capacity.coverage?.likely ?? 0;
    const why =
      "Unanswered or late replies tell people you asked but did not listen, which does more harm than not asking.";
    switch (status) {
      case "comfortable":
        return null;
      case "enough":
        if (!capacity.shortfall.estimable) {
          return risk(
            "unanswerable-questions",
            "low",
            "Not knowing how many questions to expect",
            "it does not know how many questions to expect",
            `On the middle of our estimate your hours are enough, but the number of questions you get is not known closely enough to rely on. Count them for two weeks before you promise a reply time. ${why}`,
            triggers,
          );
        }
        if (capacity.peak !== null && !capacity.peak.copes) return null; // the peaks risk says it better
        return risk(
          "unanswerable-questions",
          "low",
          "Little spare capacity for a surge",
          "it has little spare capacity for a surge of questions",
          "Your team can answer what we expect, with less than a fifth to spare. A consultation, an incident or a post that spreads can double the questions in a day; agree now what you will pause when that happens.",
          triggers,
        );
      case "hours-unknown":
        return risk(
          "unanswerable-questions",
          facts.hostileGroups.length > 0 || facts.soonProjects.some((project) => project.contentiousness === "high")
            ? "high"
            : "medium",
          "Not knowing whether you can answer the questions you invite",
          "no one knows how many hours go on its channels",
          `You do not know how many hours go on your channels, so no one can say whether the questions you invite will be answered. ${why}`,
          triggers,
        );
      case "no-hours":
        return risk(
          "unanswerable-questions",
          "high",
          "Inviting questions no one has time to answer",
          "no one has time set aside to answer questions",
          `No one has hours set aside to reply. ${why}`,
          triggers,
        );
      case "short":
      case "stretched":
        return risk(
          "unanswerable-questions",
          coverage < 0.6 ? "high" : "medium",
          "Inviting more questions than you can answer",
          `it could answer only ${shareInWords(coverage)} of the questions it should expect`,
          `At the volume we expect, your team could answer ${shareInWords(coverage)} of the questions that need an answer. ${why}`,
          triggers,
        );
      case "slow": {
        const achievable = response.achievableHours?.likely ?? response.targetHours;
        return risk(
          "unanswerable-questions",
          achievable > 2 * response.targetHours ? "high" : "medium",
          "Replies slower than you promise",
          "its replies would be slower than it promises",
          `Your team can keep up with the questions we expect, but replies would take about ${response.achievableLabel} against a target of ${response.targetLabel.replace(/ \(.*\)$/, "")}. A promise that is routinely missed costs more trust than a slower one that is kept.`,
          triggers,
        );
      }
    }
  },

  "hostile-without-rules": ({ answers, facts }) => {
    const wary = invitedWaryGroups(facts);
    if (wary.length === 0) return null;
    const rules = answers.capacity.houseRules;
    const moderation = answers.capacity.moderationModel;
    const rulesMissing = rules === "none" || rules === "unknown";
    const moderationMissing = moderation === "none" || moderation === "unknown";
    const weak = rules === "draft" || moderation === "on-complaint";
    if (!rulesMissing && !moderationMissing && !weak) return null;
    const hostile = wary.some((group) => group.sentiment === "hostile");
    const bothWeak = rules === "draft" && moderation === "on-complaint";
    const soonHeat = answers.stakeholders.projects.some(
      (project) =>
        project.timing === "next-3-months" &&
        project.contentiousness !== "low" &&
        wary.some((group) => project.groupIds.includes(group.id)),
    );
    const severity: Severity =
      rulesMissing || moderationMissing
        ? hostile
          ? "high"
          : "medium"
        : hostile
          ? bothWeak
            ? "high"
            : "medium"
          : soonHeat
            ? "medium"
            : "low";
    const parts = [
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
    const missing = joinList(parts);
    const short =
      rulesMissing && moderationMissing
        ? "no house rules or moderation"
        : rulesMissing
          ? "no house rules"
          : moderationMissing
            ? "no moderation"
            : "rules and moderation that fall short";
    const mood = moodOf(wary);
    return risk(
      "hostile-without-rules",
      severity,
      `${hostile ? "Hostile" : "Wary"} groups, and ${short}`,
      `it has ${short} for the ${mood} groups it wants to reach`,
      `${upperFirst(names(wary))} ${areOrIs(wary)} ${mood}, and you have ${missing}. Without published rules, removing an abusive post looks like censorship, and leaving it up looks like you condone it. Rules and moderation change how these groups are engaged; they are still to be heard.`,
      [
        ...wary.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
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
    const projectNames = joinList(projects.map((project) => tidy(project.name)));
    return risk(
      "contentious-project-hostile",
      severity,
      `Heat from wary groups over ${projectNames}`,
      `${projectNames} will draw heat from ${names(affected)}`,
      `${projectNames} ${projects.length === 1 ? "is" : "are"} expected to draw strong feeling soon, and ${names(affected)} ${areOrIs(affected)} already ${moodOf(affected)}. Expect a surge of questions, criticism and some misinformation.${unprepared ? ` You are not ready for it yet: ${joinList(unreadyFor(answers))}.` : " Your rules, escalation and key messages are in place; rehearse them before it starts."}`,
      [
        ...projects.map((project) => ref("stakeholders", "projects", { projectId: project.id })),
        ...affected.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("capacity", "houseRules"),
        ref("capacity", "escalationPath"),
        ref("capacity", "keyMessages"),
      ],
    );
  },

  "no-out-of-hours-cover": ({ answers, facts, capacity }) => {
    if (!facts.emergency) return null;
    const cover = answers.capacity.coverHours;
    const protocol = answers.capacity.outOfHoursProtocol;
    if (cover === "all-hours" || protocol === "yes") return null;
    // Services where minutes matter: an informal plan is not enough when cover stops at 5pm.
    const lifeSafety = facts.emergencyServices.some((service) =>
      ["emergency-management", "public-health", "water", "essential-services"].includes(service),
    );
    const severity: Severity = cover === "business-hours" && (protocol !== "partly" || lifeSafety) ? "high" : "medium";
    const wait = capacity.cover.outOfHoursWaitHours;
    const protocolWords =
      protocol === "partly"
        ? "your out-of-hours plan is informal"
        : protocol === "unknown"
          ? "you did not know whether there is an out-of-hours plan"
          : "there is no out-of-hours plan";
    return risk(
      "no-out-of-hours-cover",
      severity,
      protocol === "partly"
        ? "An informal plan for emergencies out of hours"
        : "No one watching out of hours in an emergency",
      "no one would see an emergency post out of hours",
      `Your channels are watched ${capacity.cover.when}, and ${protocolWords}. A post about ${facts.profile.vocabulary.emergencyPost} made just after cover ends could wait ${protocol === "partly" ? `up to about ${workingHoursLabelClock(capacity.cover.emergencyResponseHours)}, depending on who happens to be reached` : `up to ${workingHoursLabelClock(wait)}`} before anyone sees it.`,
      [
        ref("organisation", "emergencyServices"),
        ref("stakeholders", "purposes"),
        ref("capacity", "coverHours"),
        ref("capacity", "outOfHoursProtocol"),
      ],
    );
  },

  "single-person-accounts": ({ answers, facts }) => {
    const access = answers.capacity.accountAccess;
    const people = facts.teamPeople;
    if (access === "shared-managed" && (people === null || people >= 2)) return null;
    const alone = access === "one-person" || (people !== null && people <= 1);
    const severity: Severity = alone ? "high" : "medium";
    const title = alone
      ? "One person holds the accounts"
      : access === "shared-informally"
        ? "Passwords to the accounts shared informally"
        : "No one is sure who can get into the accounts";
    const explanation = alone
      ? "One person holds the accounts and does the work. If they are away, leave or lose access, the channels go silent or are locked, and there is no one to share the load on a hard day."
      : access === "shared-informally"
        ? "Access is shared informally, for example passwords passed around. You cannot see who posted, or remove someone's access when they leave."
        : "You did not know who holds access to the accounts, so you cannot be sure anyone else could step in, or that people who left can no longer get in.";
    return risk(
      "single-person-accounts",
      severity,
      title,
      alone ? "one person holds every account" : "access to its accounts is not managed",
      explanation,
      [ref("capacity", "accountAccess"), ref("capacity", "teamPeople")],
    );
  },

  "no-two-factor": ({ answers, facts }) => {
    const twoFactor = answers.capacity.twoFactor;
    if (twoFactor === "all") return null;
    const harm = facts.emergency
      ? "which in an emergency could put people at risk"
      : "which takes days to undo and longer to live down";
    return risk(
      "no-two-factor",
      twoFactor === "some" ? "medium" : "high",
      twoFactor === "some"
        ? "Two-step sign-in on only some accounts"
        : twoFactor === "unknown"
          ? "Not knowing whether accounts use two-step sign-in"
          : "Accounts without two-step sign-in",
      twoFactor === "some"
        ? "some of its accounts are not protected by two-step sign-in"
        : "its accounts are not protected by two-step sign-in",
      `${twoFactor === "some" ? "Only some accounts use" : twoFactor === "unknown" ? "You did not know whether your accounts use" : "None of your accounts use"} two-step sign-in. A taken-over account can post false information in your name, ${harm}.`,
      [ref("capacity", "twoFactor")],
    );
  },

  "no-governance-basics": ({ answers, facts }) => {
    const has = (item: (typeof facts.governance)[number]): boolean => facts.governance.includes(item);
    const missingRules = !has("strategy") && !has("policy");
    const missingOwnership = !has("account-owners") && !has("account-inventory");
    const refs = [ref("engagementModel", "governance"), ref("organisation", "channels")];
    // Several accounts, or accounts no one can list, are where ownership gaps bite.
    const accounts = facts.channelsUnknown || facts.interactiveChannelCount >= 3;
    if (missingRules && missingOwnership) {
      return risk(
        "no-governance-basics",
        accounts ? "high" : "medium",
        "No strategy, policy, named owners or list of accounts",
        "none of the basic governance is in place: no policy, no named owner and no list of its accounts",
        "Nothing is written down about why you are online, who may post, who owns each account or which accounts exist. Accounts opened and forgotten can be taken over or say out-of-date things in your name, and no one answers for them.",
        refs,
      );
    }
    if (missingOwnership) {
      return risk(
        "no-governance-basics",
        accounts ? "high" : "low",
        "No named owners or list of accounts",
        "its accounts have no named owners and are not listed",
        "You have some rules, but no named owner for each account and no list of the accounts you run. Accounts opened informally by staff, or left behind when they move on, are where takeovers and embarrassing posts start.",
        refs,
      );
    }
    if (!has("account-owners") || !has("account-inventory")) {
      return risk(
        "no-governance-basics",
        "low",
        !has("account-owners") ? "Accounts without a named owner" : "No up-to-date list of accounts",
        !has("account-owners") ? "some accounts have no named owner" : "it keeps no list of its accounts",
        !has("account-owners")
          ? "You keep a list of your accounts, but not every account has a named owner who answers for what it says."
          : "Every account has an owner, but there is no up-to-date list of them all, so a forgotten account can go unnoticed.",
        refs,
      );
    }
    if (answers.engagementModel.adoptionStage !== "established" && missingRules) {
      return risk(
        "no-governance-basics",
        "low",
        "No written strategy or policy",
        "it has no written strategy or policy for its channels",
        "Accounts are owned and listed, but there is no written strategy or staff policy, so practice depends on the people in post.",
        refs,
      );
    }
    return null;
  },

  "records-not-kept": ({ answers, facts }) => {
    const records = answers.capacity.recordsCapture;
    if (records === "automatic") return null;
    const publicBody = facts.profile.type !== "non-profit";
    // State and national agencies work under formal records duties and central rules.
    const formalDuty = facts.profile.type === "state-agency" || facts.profile.type === "national-agency";
    const severity: Severity =
      records === "none" ? (formalDuty ? "high" : "medium") : records === "unknown" ? "medium" : "low";
    const duty = publicBody
      ? "Public bodies must keep records of what they say and decide"
      : "Funders, regulators and complaints processes expect you to show what you said";
    const content = {
      none: {
        title: "Posts and replies not kept as records",
        summary: "its posts and replies are not kept as records",
        explanation: `Posts, replies and removed comments are not kept. ${duty}, and you could not answer a complaint, an information request or an inquiry about what was said.`,
      },
      unknown: {
        title: "Not knowing whether posts and replies are kept",
        summary: "it does not know whether its posts and replies are kept as records",
        explanation: `You did not know whether posts and replies are kept as records. ${duty}; if they are not kept, you could not answer a complaint or an inquiry about what was said.`,
      },
      manual: {
        title: "Records kept by hand, with gaps",
        summary: "its posts and replies are kept only by hand",
        explanation:
          "Posts and replies are captured by hand. Manual capture tends to miss replies, edits and removed comments, exactly the items a complaint or inquiry asks about.",
      },
    } as const;
    return risk(
      "records-not-kept",
      severity,
      content[records].title,
      content[records].summary,
      content[records].explanation,
      [ref("capacity", "recordsCapture")],
    );
  },

  "slow-approvals": ({ answers, capacity }) => {
    const need = answers.capacity.approvalNeed;
    if (need === "none") return null;
    const target = capacity.response.targetHours;
    const targetWords = capacity.response.targetLabel.replace(/ \(.*\)$/, "");
    if (need === "not-defined") {
      return risk(
        "slow-approvals",
        "medium",
        "No agreed sign-off process",
        "it has no agreed process for signing off replies",
        `There is no agreed process for who approves a reply, so sensitive replies wait for whoever is around, and some go out that should have been checked. Against a target of ${targetWords}, that is a gamble on both speed and accuracy.`,
        [ref("capacity", "approvalNeed"), ref("capacity", "targetResponse")],
      );
    }
    const time = answers.capacity.approvalTime ?? "unknown";
    const hours = APPROVAL_HOURS[time].likely;
    let severity: Severity | null = null;
    if (need === "most-replies")
      severity = hours > target ? "high" : hours > target / 2 || time === "unknown" ? "medium" : null;
    else severity = hours > target ? "medium" : time === "unknown" ? "low" : null;
    if (severity === null) return null;
    return risk(
      "slow-approvals",
      severity,
      time === "unknown"
        ? "Not knowing how long sign-off takes"
        : hours > target
          ? "Sign-off slower than the response target"
          : "Sign-off taking much of the response time",
      "its replies wait too long for sign-off",
      `${need === "most-replies" ? "Most replies" : "Sensitive replies"} wait for sign-off, which takes ${time === "unknown" ? "an unknown time (we assumed about one working day)" : `about ${workingHoursLabel(hours)}`}, against a target of ${targetWords}. The conversation moves on while the reply waits, and the gap fills with guesses.`,
      [ref("capacity", "approvalNeed"), ref("capacity", "approvalTime"), ref("capacity", "targetResponse")],
    );
  },

  "listening-own-pages": ({ answers, facts }) => {
    const reach = answers.engagementModel.monitoringReach;
    if (reach !== "own-pages" && reach !== "unknown") return null;
    const pressure =
      facts.waryGroups.some((group) => group.sentiment !== "mixed") ||
      answers.stakeholders.projects.some(
        (project) => project.contentiousness === "high" && project.timing !== "6-12-months",
      );
    const offPage = facts.groups.filter((group) => group.online.some((place) => OFF_PAGE_PLACES.includes(place)));
    // High only where the answers show both the pressure and the groups talking off your pages.
    return risk(
      "listening-own-pages",
      pressure && offPage.length > 0 ? "high" : "medium",
      reach === "unknown" ? "Not knowing where you listen" : "Listening only on your own pages",
      "its listening stops at its own pages",
      `${reach === "unknown" ? "You did not know how far your listening reaches, so we assume it stays on your own pages." : "You listen only on your own pages."} About half the conversation about a public body happens elsewhere: ${facts.profile.vocabulary.offPageExamples}.${pressure && offPage.length > 0 ? ` ${upperFirst(names(offPage))} ${areOrIs(offPage)} online there, and with wary groups or a contentious project coming, that is where criticism and rumours will start.` : ""}`,
      [
        ref("engagementModel", "monitoringReach"),
        ...offPage.map((group) => ref("stakeholders", "online", { groupId: group.id })),
      ],
    );
  },

  "insight-not-used": ({ answers, facts }) => {
    const acting = answers.engagementModel.actingOnInsight;
    if (acting !== "rarely" && acting !== "unknown") return null;
    const asks =
      facts.purposes.some((purpose) => ["listen", "consult", "involve"].includes(purpose)) ||
      highestDesired(facts) >= levelRank("consult");
    if (!asks) return null;
    const consultSoon = answers.stakeholders.projects.some(
      (project) => project.timing === "next-3-months" && project.contentiousness !== "low",
    );
    const severity: Severity = acting === "unknown" ? "low" : consultSoon ? "high" : "medium";
    return risk(
      "insight-not-used",
      severity,
      acting === "unknown"
        ? "Not knowing whether what you hear reaches decisions"
        : "What you hear rarely reaches the people who decide",
      "what it hears rarely reaches the people who decide",
      `${acting === "unknown" ? "You did not know whether what you hear online reaches the people who make decisions." : "What you hear online rarely reaches the people who make decisions."} Asking for views promises to say what difference they made; if feedback goes nowhere, that promise is broken each time you ask.`,
      [
        ref("engagementModel", "actingOnInsight"),
        ref("stakeholders", "purposes"),
        ...desiredRefs(facts, levelRank("consult")),
      ],
    );
  },

  "no-escalation-path": ({ answers, facts }) => {
    const escalation = answers.capacity.escalationPath;
    if (escalation === "yes") return null;
    const exposed = facts.waryGroups.length > 0 || facts.contentiousTopics.length > 0 || facts.emergency;
    const severity: Severity = escalation === "partly" ? "low" : exposed ? "high" : "medium";
    return risk(
      "no-escalation-path",
      severity,
      escalation === "partly" ? "An escalation path only partly in place" : "No path to escalate difficult posts",
      "it has no path to escalate threats, abuse or crises",
      `${escalation === "partly" ? "Your escalation path is only partly in place: people mostly know, but it is not written down." : escalation === "unknown" ? "You did not know whether there is an escalation path." : "There is no escalation path."} When a post threatens someone, reveals a safeguarding concern or starts a crisis, the person on the channel must know who to call, at once.`,
      [
        ref("capacity", "escalationPath"),
        ref("organisation", "contentiousTopics"),
        ref("organisation", "emergencyServices"),
        ...facts.waryGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
      ],
    );
  },

  "no-staff-support": ({ answers, facts }) => {
    if (facts.staffSupport.length > 0) return null;
    const abuse = answers.capacity.abuseFrequency;
    const frequent = abuse === "weekly" || abuse === "monthly";
    const severity: Severity =
      frequent || facts.hostileGroups.length > 0
        ? "high"
        : facts.waryGroups.length > 0 || facts.contentiousTopics.length > 0 || abuse === "unknown"
          ? "medium"
          : "low";
    const abuseWords =
      abuse === "weekly"
        ? "They receive abuse or threats every week, "
        : abuse === "monthly"
          ? "They receive abuse or threats about once a month, "
          : abuse === "unknown"
            ? "You did not know how often they receive abuse, "
            : "";
    return risk(
      "no-staff-support",
      severity,
      frequent ? "Staff facing regular abuse with no support" : "No support for staff facing hostility",
      "the staff who will face hostile comments have no support",
      `The people who run your channels take the brunt of public anger at decisions they did not make. ${abuseWords}${abuseWords ? "and there" : "There"} are no debriefs, guidance, rotation or permission to block abuse. People in that position burn out or leave, and the channel goes with them.`,
      [
        ref("capacity", "staffSupport"),
        ref("capacity", "abuseFrequency"),
        ...facts.hostileGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("organisation", "contentiousTopics"),
      ],
    );
  },

  "peaks-beyond-capacity": ({ capacity, facts }) => {
    const peak = capacity.peak;
    if (peak === null || peak.copes || peak.coverage === null) return null;
    const when = peaksInWords(peak.kinds);
    // Predictable peaks (a season, a deadline) and emergencies will certainly come; others may not.
    const certain =
      peak.kinds.includes("seasonal") ||
      peak.kinds.includes("deadlines") ||
      (peak.kinds.includes("incidents") && facts.emergency);
    const cover = peak.coverage.likely;
    const severity: Severity = cover < 0.5 && certain ? "high" : cover < 0.8 ? "medium" : "low";
    return risk(
      "peaks-beyond-capacity",
      severity,
      severity === "low" ? "Little to spare in the busiest weeks" : "The busiest weeks are beyond your hours",
      `its hours would cover only ${shareInWords(cover)} of the questions in its busiest weeks`,
      `${when.charAt(0).toUpperCase()}${when.slice(1)}, questions rise to about ${formatNumber(peak.questionsWeekly.likely)} a week, and your hours would cover ${shareInWords(cover)} of them. Plan the surge before it comes: who else replies, what pauses, and what you publish in advance to head off the commonest questions.`,
      [ref("capacity", "peaks"), ref("capacity", "peakSize"), ref("capacity", "teamHoursPerWeek")],
    );
  },

  "broadcast-only": ({ answers, facts }) => {
    const practice = answers.engagementModel.replyPractice;
    if (practice !== "broadcast-only" && practice !== "unknown") return null;
    const highest = highestDesired(facts);
    if (highest < levelRank("consult")) return null;
    return risk(
      "broadcast-only",
      highest >= levelRank("involve") ? "high" : "medium",
      practice === "unknown"
        ? "Not knowing whether you reply to people"
        : "Broadcasting only while wanting two-way engagement",
      "it does not yet reply to people at all",
      `${practice === "unknown" ? "You did not know whether you reply to people, so we assume you mostly broadcast." : "You broadcast and do not reply."} Yet you want to consult or involve some groups. Replying is a habit and a set of routines; build it before you promise more.`,
      [ref("engagementModel", "replyPractice"), ...desiredRefs(facts, levelRank("consult"))],
    );
  },

  "no-sponsor": ({ answers }) => {
    const { sponsor, reviewCadence } = answers.commitment;
    const noSponsor = sponsor !== "yes";
    const noReview = reviewCadence === "none";
    if (!noSponsor && !noReview) return null;
    const severity: Severity = noSponsor && noReview ? "medium" : noSponsor && sponsor === "no" ? "medium" : "low";
    const title =
      noSponsor && noReview
        ? "No executive sponsor and no review planned"
        : noSponsor
          ? sponsor === "no"
            ? "No executive sponsor"
            : "No executive sponsor decided yet"
          : "No review of progress planned";
    const issues = [
      noSponsor ? (sponsor === "no" ? "no executive sponsor" : "no sponsor decided yet") : null,
      noReview ? "no review planned" : null,
    ].filter((item): item is string => item !== null);
    return risk(
      "no-sponsor",
      severity,
      title,
      `it has ${joinList(issues)}`,
      `There is ${joinList(issues)}. Without a senior champion and a regular look at what is working, online engagement is the first thing cut when budgets tighten, and the obstacles front-line staff meet are never cleared.`,
      [ref("commitment", "sponsor"), ref("commitment", "reviewCadence")],
    );
  },

  "measures-not-outcomes": ({ answers }) => {
    const { objectives, objectivesSet } = answers.commitment;
    if (objectivesSet === "not-yet" || objectives.length === 0) {
      return risk(
        "measures-not-outcomes",
        "medium",
        "No objectives set",
        "it has not set objectives for its online engagement",
        "No objectives are set, so no one can say what the channels are for or whether they are worth the hours. Channels without objectives drift into posting for its own sake.",
        [ref("commitment", "objectivesSet")],
      );
    }
    const kinds = objectives.map((objective) => classifyMeasure(objective.measure));
    const none = kinds.filter((kind) => kind === "none").length;
    const outputs = kinds.filter((kind) => kind === "output").length;
    const outcomes = kinds.filter((kind) => kind === "outcome").length;
    if (outcomes > 0 && none === 0) return null;
    if (outcomes === 0 && outputs + none === objectives.length && outputs > 0) {
      return risk(
        "measures-not-outcomes",
        "medium",
        "Success measured by reach, not results",
        "it measures reach rather than results",
        "Your measures count reach and activity (followers, views, posts), not what changed for people or for you. High reach can sit alongside rising complaints; measure a result, such as fewer calls, more responses to a consultation or questions answered on time.",
        objectives.map((objective) => ref("commitment", "objectives", { objectiveId: objective.id })),
      );
    }
    if (none > 0) {
      return risk(
        "measures-not-outcomes",
        none === objectives.length ? "medium" : "low",
        none === objectives.length ? "No measures for your objectives" : "Some objectives without a measure",
        none === objectives.length ? "none of its objectives has a measure" : "some of its objectives have no measure",
        `${objectives.length === 1 ? "Your one objective has no" : none === objectives.length ? "None of your objectives has a" : `${formatNumber(none)} of your ${formatNumber(objectives.length)} objectives ${none === 1 ? "has" : "have"} no`} measure yet, so no one will be able to say whether ${none === 1 ? "it was" : "they were"} met.`,
        objectives.map((objective) => ref("commitment", "objectives", { objectiveId: objective.id })),
      );
    }
    return risk(
      "measures-not-outcomes",
      "low",
      "Measures that count, but not results",
      "its measures count activity rather than results",
      "Your measures can be counted, but none says what changed for people or for you. Add one result for each objective, such as fewer calls, more submissions or questions answered on time.",
      objectives.map((objective) => ref("commitment", "objectives", { objectiveId: objective.id })),
    );
  },

  "no-offline-guidance": ({ answers }) => {
    const offline = answers.capacity.offlineGuidance;
    if (offline === "yes") return null;
    return risk(
      "no-offline-guidance",
      offline === "partly" ? "low" : "medium",
      offline === "partly"
        ? "Guidance on going offline only partly in place"
        : "No guidance on taking conversations offline",
      "it has no guidance on when to take a conversation offline",
      `${offline === "partly" ? "Your guidance on taking conversations offline is only partial." : offline === "unknown" ? "You did not know whether there is guidance on taking conversations offline." : "There is no agreed guidance on when to take a conversation offline."} Personal cases, complaints and heated exchanges are better handled by phone, email or in person; staff need to know when and how to offer that.`,
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
      reserve === "under-4-weeks" ? "Less than a month of content in reserve" : "No reserve of evergreen content",
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
      training === "unknown"
        ? "Not knowing what training people have had"
        : "No training for the people on the channels",
      "the people on its channels have had no training",
      `${training === "unknown" ? "You did not know what training staff have had." : "Staff have had no training."} Answering the public online in the organisation's name, often under pressure, is a skill: tone, accuracy, privacy, records and when to stop.`,
      [ref("capacity", "training")],
    );
  },
};

function workingHoursLabelClock(hours: number): string {
  return clockHoursLabel(hours);
}

/** Sorts risks most severe first; ties keep the catalogue order of `RISK_IDS`. */
export function sortRisks(risks: readonly Risk[]): Risk[] {
  return [...risks].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || RISK_IDS.indexOf(a.id) - RISK_IDS.indexOf(b.id),
  );
}

/**
 * Identifies every foundation risk that applies, most severe first; ties keep the order of
 * `RISK_IDS` (the catalogue order, roughly by how much harm each can do).
 */
export function identifyFoundationRisks(context: RiskContext): Risk[] {
  const found: Risk[] = [];
  for (const id of RISK_IDS) {
    if (id === "ambition-beyond-capacity") continue;
    const result = FOUNDATION_RULES[id](context);
    if (result) found.push(result);
  }
  return sortRisks(found);
}

/**
 * The plan risk: for groups the verdict holds two or more levels below what is wanted, promising
 * that level before it can be kept raises expectations that will be disappointed. Only groups the
 * organisation plans to take further count: a group already at the level wanted is promised too
 * much today, which the step back deals with, not a plan. Nor do the groups it deals with
 * directly (its elected members, board, senior officials, staff, the media): involving its own
 * staff or board happens through its own routes, which the public channels' limits do not reach.
 */
export function identifyPlanRisks(gaps: readonly EngagementGap[], groups: readonly StakeholderGroup[]): Risk[] {
  const direct = new Set(groups.filter((group) => directRoutes(group) !== null).map((group) => group.id));
  const stretched = gaps.filter(
    (gap) => gap.shortfallLevels >= 2 && levelRank(gap.desired) > levelRank(gap.current) && !direct.has(gap.groupId),
  );
  if (stretched.length === 0) return [];
  const widest = Math.max(...stretched.map((gap) => gap.shortfallLevels));
  const list = stretched.map(
    (gap) => `${gap.groupPhrase} (you want ${levelWord(gap.desired)}, and can keep ${levelWord(gap.sustainable)})`,
  );
  return [
    risk(
      "ambition-beyond-capacity",
      widest >= 3 ? "high" : "medium",
      "Ambitions well beyond what you can keep up",
      "what it wants is well beyond what it can keep up",
      `For ${joinList(list)}, the level you want is two or more steps above what you can keep now. Promising that level before you can keep it raises expectations you will then disappoint.`,
      stretched.flatMap((gap) => gap.refs),
      "plan",
    ),
  ];
}
