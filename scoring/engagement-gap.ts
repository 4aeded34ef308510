/**
 * The engagement gap per stakeholder group: today's IAP2 level, the level wanted, the highest
 * level the organisation can keep now, and the next step. A higher level is a bigger promise to
 * the public, so a level is only sustainable when every requirement for it (and for every level
 * below it) is met. The sustainable level is never above the level wanted, and never above the
 * ceiling the verdict sets: the verdict and the table of groups cannot disagree.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, Iap2Level, StakeholderGroup } from "./answers";
import { IAP2_LEVELS } from "./answers";
import { levelsFor, type AnswerFacts, type FactGroup } from "./answer-facts";
import { APPROVAL_HOURS, demandRefs, TARGET_TOLERANCE } from "./capacity-model";
import { classifyMeasure } from "./measures";
import { levelAtRank, levelRank, levelWord } from "./levels";
import type { AdoptionMaturity, CapacityModel, EngagementGap, LevelRequirement, NextStepAction } from "./report-model";
import { directRoutes } from "./group-names";
import { quadrantFor } from "./stakeholder-quadrants";
import { joinList, lowerFirst, shareInWords, tidy } from "./text";

/** Everything the level requirements may read. */
export interface LevelContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  maturity: AdoptionMaturity;
}

/** A requirement for a level: what is needed, and the clause used when it is missing. */
export interface RequirementSpec {
  id: string;
  /** The lowest level that needs it; it also applies to every level above. */
  level: Exclude<Iap2Level, "inform">;
  description: string;
  /** A clause for the verdict when unmet, for example "its listening stops at its own pages". */
  shortfall: (context: LevelContext) => string;
  met: (context: LevelContext) => boolean;
  refs: (context: LevelContext) => AnswerRef[];
  /**
   * The organisation requirement this group requirement stands in for, when both ask the same
   * thing (a hostile group's house rules are the organisation's house rules): the group's own
   * wording is kept, so a group's list never names one gap twice.
   */
  replaces?: string;
}

const capacityRefs = (context: LevelContext): AnswerRef[] => [
  ref("capacity", "teamHoursPerWeek"),
  ...demandRefs(context.answers),
  ref("stakeholders", "purposes"),
];
const speedRefs = (context: LevelContext): AnswerRef[] => context.capacity.response.refs;

function coverageAtLeast(capacity: CapacityModel, minimum: number): boolean {
  return capacity.coverage !== null && capacity.coverage.likely >= minimum;
}

function achievableWithin(capacity: CapacityModel, hours: number): boolean {
  const achievable = capacity.response.achievableHours;
  return capacity.response.scope === "all" && achievable !== null && achievable.likely <= hours * TARGET_TOLERANCE;
}

/** The organisation-wide requirements, cumulative from consult upward. */
export const ORGANISATION_REQUIREMENTS: readonly RequirementSpec[] = [
  {
    id: "consult-hours-known",
    level: "consult",
    description: "Knowing how many hours your team has for the channels",
    shortfall: () => "no one knows how many hours go on its channels",
    met: ({ facts }) => facts.teamHours !== null,
    refs: () => [ref("capacity", "teamHoursPerWeek")],
  },
  {
    id: "consult-capacity",
    level: "consult",
    description: "Enough hours to answer at least eight in ten of the questions you can expect",
    shortfall: ({ capacity }) =>
      capacity.coverage === null
        ? "no one knows how many hours go on its channels"
        : capacity.supply.weeklyReplyCapacity === null || capacity.supply.weeklyReplyCapacity <= 0
          ? "no one has time set aside to answer questions"
          : `it could answer only ${shareInWords(capacity.coverage.likely)} of the questions it should expect`,
    // NOTE: with hours not known, "consult-hours-known" is the blocker to name, not this one.
    met: ({ capacity, facts }) => facts.teamHours === null || coverageAtLeast(capacity, 0.8),
    refs: capacityRefs,
  },
  {
    id: "consult-speed",
    level: "consult",
    description: "Replies within a working week to the questions you take on",
    shortfall: () => "even the questions it chose to answer first would wait more than a working week",
    met: ({ capacity, facts }) => facts.teamHours === null || capacity.priorityRepliesHours <= 40,
    refs: speedRefs,
  },
  {
    id: "consult-rules",
    level: "consult",
    description: "Published house rules",
    shortfall: ({ answers }) =>
      answers.capacity.houseRules === "draft" ? "its house rules are still in draft" : "it has no house rules",
    met: ({ answers }) => answers.capacity.houseRules === "published",
    refs: () => [ref("capacity", "houseRules")],
  },
  {
    id: "consult-moderation",
    level: "consult",
    description: "Someone set to moderate comments",
    shortfall: () => "no one is set to moderate comments",
    met: ({ answers }) => !["none", "unknown"].includes(answers.capacity.moderationModel),
    refs: () => [ref("capacity", "moderationModel")],
  },
  {
    id: "involve-capacity",
    level: "involve",
    description: "Enough capacity to answer every question you can expect",
    shortfall: () => "it could not answer every question it should expect",
    met: ({ capacity }) => coverageAtLeast(capacity, 1),
    refs: capacityRefs,
  },
  {
    id: "involve-speed",
    level: "involve",
    description: "Replies within two working days",
    shortfall: () => "its replies would take longer than two working days",
    met: ({ capacity }) => achievableWithin(capacity, 16),
    refs: speedRefs,
  },
  {
    id: "involve-moderation",
    level: "involve",
    description: "Comments checked as they arrive, before or after they appear",
    shortfall: () => "comments are not checked as they arrive",
    met: ({ answers }) => ["pre-moderation", "post-moderation"].includes(answers.capacity.moderationModel),
    refs: () => [ref("capacity", "moderationModel")],
  },
  {
    id: "involve-escalation",
    level: "involve",
    description: "A path to escalate difficult or dangerous posts",
    shortfall: () => "it has no path to escalate difficult posts",
    met: ({ answers }) => ["yes", "partly"].includes(answers.capacity.escalationPath),
    refs: () => [ref("capacity", "escalationPath")],
  },
  {
    id: "involve-sign-off",
    level: "involve",
    description: "Replies that do not wait a working day or more for sign-off",
    shortfall: () => "most of its replies wait a working day or more for sign-off",
    met: ({ answers }) =>
      answers.capacity.approvalNeed !== "most-replies" ||
      APPROVAL_HOURS[answers.capacity.approvalTime ?? "unknown"].likely < 8,
    refs: () => [ref("capacity", "approvalNeed"), ref("capacity", "approvalTime")],
  },
  {
    id: "involve-listening",
    level: "involve",
    description: "Listening beyond your own pages",
    shortfall: () => "its listening stops at its own pages",
    met: ({ answers }) => ["some-beyond", "systematic"].includes(answers.engagementModel.monitoringReach),
    refs: () => [ref("engagementModel", "monitoringReach")],
  },
  {
    id: "involve-insight",
    level: "involve",
    description: "What you hear reaching the people who decide",
    shortfall: () => "what it hears rarely reaches the people who decide",
    met: ({ answers }) => ["informally", "systematically"].includes(answers.engagementModel.actingOnInsight),
    refs: () => [ref("engagementModel", "actingOnInsight")],
  },
  {
    id: "involve-records",
    level: "involve",
    description: "Posts and replies kept as records",
    shortfall: () => "its posts and replies are not kept as records",
    met: ({ answers }) => ["manual", "automatic"].includes(answers.capacity.recordsCapture),
    refs: () => [ref("capacity", "recordsCapture")],
  },
  {
    id: "collaborate-capacity",
    level: "collaborate",
    description: "Capacity with at least a fifth to spare",
    shortfall: ({ capacity }) =>
      coverageAtLeast(capacity, 1)
        ? "it has too little spare capacity for the slower, deeper work of collaboration"
        : "it could not answer every question it should expect",
    met: ({ capacity }) => coverageAtLeast(capacity, 1.2),
    refs: capacityRefs,
  },
  {
    id: "collaborate-speed",
    level: "collaborate",
    description: "Replies within one working day",
    shortfall: () => "its replies would take longer than a working day",
    met: ({ capacity }) => achievableWithin(capacity, 8),
    refs: speedRefs,
  },
  {
    id: "collaborate-escalation",
    level: "collaborate",
    description: "A full escalation path",
    shortfall: () => "its escalation path is incomplete",
    met: ({ answers }) => answers.capacity.escalationPath === "yes",
    refs: () => [ref("capacity", "escalationPath")],
  },
  {
    id: "collaborate-offline",
    level: "collaborate",
    description: "Guidance on when to take a conversation offline",
    shortfall: () => "it has no guidance on taking conversations offline",
    met: ({ answers }) => ["yes", "partly"].includes(answers.capacity.offlineGuidance),
    refs: () => [ref("capacity", "offlineGuidance")],
  },
  {
    id: "collaborate-experts",
    level: "collaborate",
    description: "Subject experts who answer the same day",
    shortfall: () => "its subject experts cannot answer the same day",
    met: ({ answers }) => answers.capacity.expertAccess === "same-day",
    refs: () => [ref("capacity", "expertAccess")],
  },
  {
    id: "collaborate-sponsor",
    level: "collaborate",
    description: "An executive sponsor",
    shortfall: () => "it has no executive sponsor",
    met: ({ answers }) => answers.commitment.sponsor === "yes",
    refs: () => [ref("commitment", "sponsor")],
  },
  {
    id: "collaborate-strategy",
    level: "collaborate",
    description: "A strategy and a policy for online engagement",
    shortfall: () => "it lacks a strategy and policy for online engagement",
    met: ({ facts }) => facts.governance.includes("strategy") && facts.governance.includes("policy"),
    refs: () => [ref("engagementModel", "governance")],
  },
  {
    id: "collaborate-measures",
    level: "collaborate",
    description: "At least one objective measured by its results, not its reach",
    shortfall: () => "its measures count reach, not results, so it cannot show that engagement works",
    met: ({ answers }) =>
      answers.commitment.objectives.some((objective) => classifyMeasure(objective.measure) === "outcome"),
    refs: () => [ref("commitment", "objectives")],
  },
  {
    id: "collaborate-support",
    level: "collaborate",
    description: "Support for staff who face hostility",
    shortfall: () => "its staff have no support when they face hostility",
    met: ({ facts }) => facts.staffSupport.length > 0,
    refs: () => [ref("capacity", "staffSupport")],
  },
  {
    id: "empower-capacity",
    level: "empower",
    description: "Capacity with at least half as much again to spare",
    shortfall: () => "it lacks the spare capacity that handing decisions to the public takes",
    met: ({ capacity }) => coverageAtLeast(capacity, 1.5),
    refs: capacityRefs,
  },
  {
    id: "empower-stage",
    level: "empower",
    description: "Online engagement established as part of how the organisation works",
    shortfall: () => "online engagement is not yet established across the organisation",
    met: ({ maturity }) => maturity.used === "established",
    refs: ({ maturity }) => maturity.refs,
  },
  {
    id: "empower-listening",
    level: "empower",
    description: "Systematic listening, acted on systematically",
    shortfall: () => "its listening is not yet systematic",
    met: ({ answers }) =>
      answers.engagementModel.monitoringReach === "systematic" &&
      answers.engagementModel.actingOnInsight === "systematically",
    refs: () => [ref("engagementModel", "monitoringReach"), ref("engagementModel", "actingOnInsight")],
  },
  {
    id: "empower-commitment",
    level: "empower",
    description: "A commitment of a year or more, reviewed at least quarterly",
    shortfall: () => "its commitment is too short or too rarely reviewed",
    met: ({ answers }) =>
      ["monthly", "quarterly"].includes(answers.commitment.reviewCadence) &&
      ["1-2-years", "ongoing"].includes(answers.commitment.duration),
    refs: () => [ref("commitment", "reviewCadence"), ref("commitment", "duration")],
  },
  {
    id: "empower-offline",
    level: "empower",
    description: "Full guidance on when to take a conversation offline",
    shortfall: () => "its guidance on taking conversations offline is incomplete",
    met: ({ answers }) => answers.capacity.offlineGuidance === "yes",
    refs: () => [ref("capacity", "offlineGuidance")],
  },
];

/**
 * The requirements that apply to one group on top of the organisation's: hostile groups need
 * rules, moderation, escalation and staff support before any two-way level; hostile, sceptical
 * and mixed groups need offline guidance and key messages before Involve; a group whose mood is
 * not known must be understood before it is involved; groups hit by a highly contentious project
 * in the next three months need a full escalation path and key messages before Involve.
 */
export function groupRequirements(group: FactGroup, context: LevelContext): RequirementSpec[] {
  const result: RequirementSpec[] = [];
  const sentiment = group.sentiment;
  const sentimentRef = ref("stakeholders", "sentiment", { groupId: group.id });
  if (sentiment === "hostile") {
    result.push(
      {
        id: "hostile-rules",
        level: "consult",
        replaces: "consult-rules",
        description: "Published house rules (the group is hostile)",
        shortfall: () => `${group.phrase} are hostile and its house rules are not published`,
        met: ({ answers }) => answers.capacity.houseRules === "published",
        refs: () => [sentimentRef, ref("capacity", "houseRules")],
      },
      {
        id: "hostile-moderation",
        level: "consult",
        description: "Comments checked as they arrive (the group is hostile)",
        shortfall: () => `${group.phrase} are hostile and comments are not checked as they arrive`,
        met: ({ answers }) => ["pre-moderation", "post-moderation"].includes(answers.capacity.moderationModel),
        refs: () => [sentimentRef, ref("capacity", "moderationModel")],
      },
      {
        id: "hostile-escalation",
        level: "consult",
        description: "A path to escalate abuse and threats",
        shortfall: () => `${group.phrase} are hostile and there is no path to escalate abuse`,
        met: ({ answers }) => ["yes", "partly"].includes(answers.capacity.escalationPath),
        refs: () => [sentimentRef, ref("capacity", "escalationPath")],
      },
      {
        id: "hostile-support",
        level: "consult",
        description: "Support for the staff who will face the hostility",
        shortfall: () => `${group.phrase} are hostile and staff have no support`,
        met: ({ facts }) => facts.staffSupport.length > 0,
        refs: () => [sentimentRef, ref("capacity", "staffSupport")],
      },
    );
  }
  if (sentiment === "hostile" || sentiment === "sceptical" || sentiment === "mixed") {
    result.push(
      {
        id: "wary-offline",
        level: "involve",
        description: "Guidance on taking difficult conversations offline",
        shortfall: () => `${group.phrase} are wary and there is no guidance on taking conversations offline`,
        met: ({ answers }) => ["yes", "partly"].includes(answers.capacity.offlineGuidance),
        refs: () => [sentimentRef, ref("capacity", "offlineGuidance")],
      },
      {
        id: "wary-key-messages",
        level: "involve",
        description: "Key messages ready for the questions a wary group will ask",
        shortfall: () => `${group.phrase} are wary and there are no key messages ready`,
        met: ({ answers }) => ["yes", "partly"].includes(answers.capacity.keyMessages),
        refs: () => [sentimentRef, ref("capacity", "keyMessages")],
      },
    );
  }
  if (sentiment === "unknown") {
    result.push({
      id: "mood-known",
      level: "involve",
      description: "Knowing how the group feels about you",
      shortfall: () => `no one knows how ${group.phrase} feel about it`,
      met: () => false,
      refs: () => [sentimentRef],
    });
  }
  const hotProjects = context.answers.stakeholders.projects.filter(
    (project) =>
      project.contentiousness === "high" && project.timing === "next-3-months" && project.groupIds.includes(group.id),
  );
  if (hotProjects.length > 0) {
    const names = joinList(hotProjects.map((project) => tidy(project.name)));
    const projectRefs = hotProjects.map((project) => ref("stakeholders", "projects", { projectId: project.id }));
    result.push({
      id: "project-readiness",
      level: "involve",
      description: `A full escalation path and key messages for ${names}`,
      shortfall: () => `${names} is close and its escalation path and key messages are not ready`,
      met: ({ answers }) => answers.capacity.escalationPath === "yes" && answers.capacity.keyMessages === "yes",
      refs: () => [...projectRefs, ref("capacity", "escalationPath"), ref("capacity", "keyMessages")],
    });
  }
  return result;
}

function toRequirement(spec: RequirementSpec, context: LevelContext): LevelRequirement {
  return { id: spec.id, description: spec.description, met: spec.met(context), refs: uniqueRefs(spec.refs(context)) };
}

/**
 * The highest level whose requirements (cumulative from Consult) are all met, no higher than `cap`.
 *
 * Rule: start at Inform (always possible: publishing needs no promise to reply); step up one
 * level while every requirement for that level is met. Range: inform to `cap`.
 */
export function highestSustainableLevel(
  specs: readonly RequirementSpec[],
  context: LevelContext,
  cap: Iap2Level,
): Iap2Level {
  let level: Iap2Level = "inform";
  for (const candidate of IAP2_LEVELS.slice(1)) {
    if (levelRank(candidate) > levelRank(cap)) break;
    const needed = specs.filter((spec) => levelRank(spec.level) <= levelRank(candidate));
    if (!needed.every((spec) => spec.met(context))) break;
    level = candidate;
  }
  return level;
}

/**
 * The highest level the organisation as a whole could sustain for a group with no special
 * concerns, ignoring what it wants. One input to the verdict's ceiling.
 */
export function organisationCeiling(context: LevelContext): { level: Iap2Level; blockers: LevelRequirement[] } {
  const level = context.capacity.twoWaySustainable
    ? highestSustainableLevel(ORGANISATION_REQUIREMENTS, context, "empower")
    : "inform";
  return { level, blockers: blockersAbove(ORGANISATION_REQUIREMENTS, context, level) };
}

/** Unmet requirements for the level just above `level`; empty at Empower. */
export function blockersAbove(
  specs: readonly RequirementSpec[],
  context: LevelContext,
  level: Iap2Level,
): LevelRequirement[] {
  if (level === "empower") return [];
  const next = levelAtRank(levelRank(level) + 1);
  return specs
    .filter((spec) => levelRank(spec.level) <= levelRank(next) && !spec.met(context))
    .map((spec) => toRequirement(spec, context));
}

/** Unmet requirement clauses for the level just above `level`, for verdict sentences. */
export function blockerClauses(specs: readonly RequirementSpec[], context: LevelContext, level: Iap2Level): string[] {
  if (level === "empower") return [];
  const next = levelAtRank(levelRank(level) + 1);
  return specs
    .filter((spec) => levelRank(spec.level) <= levelRank(next) && !spec.met(context))
    .map((spec) => spec.shortfall(context));
}

const LEVEL_ACTIONS: Readonly<Record<Iap2Level, string>> = {
  inform: "publish regular, useful updates where they are online",
  consult: "ask for their views on what you propose, and report back on what changed as a result",
  involve: "work with them throughout, so their concerns shape the options you consider",
  collaborate: "develop the answers with them as partners",
  empower: "let them decide, and carry out what they decide",
};

/** What the verdict's ceiling imposes on every group: its reasons, as requirements not yet met. */
export interface VerdictCeiling {
  level: Iap2Level;
  /** The verdict's reasons, as unmet requirements, for groups it holds back. */
  reasons: LevelRequirement[];
}

/**
 * Assesses the gap for every stakeholder group, in the order the groups were given.
 *
 * Rule per group: sustainable = the highest level (Inform to the level wanted, and no higher than
 * the verdict's ceiling) whose organisation and group requirements are all met. Next level = one
 * level up from today toward sustainable, or sustainable itself when today is above it.
 * Range: levels Inform to Empower.
 */
export function assessEngagementGaps(context: LevelContext, ceiling: VerdictCeiling): EngagementGap[] {
  return context.facts.groups.map((group) => assessGroup(group, context, ceiling));
}

function assessGroup(group: FactGroup, context: LevelContext, ceiling: VerdictCeiling): EngagementGap {
  const levels = levelsFor(context.facts, group.id);
  const own = groupRequirements(group, context);
  const replaced = new Set(own.flatMap((spec) => (spec.replaces ? [spec.replaces] : [])));
  const specs = [...ORGANISATION_REQUIREMENTS.filter((spec) => !replaced.has(spec.id)), ...own];
  const ownLevel = context.capacity.twoWaySustainable
    ? highestSustainableLevel(specs, context, levels.desired)
    : "inform";
  const heldByVerdict = levelRank(ceiling.level) < levelRank(ownLevel);
  const sustainable: Iap2Level = heldByVerdict ? ceiling.level : ownLevel;
  const shortOfDesire = levelRank(sustainable) < levelRank(levels.desired);
  const limitedBy = !shortOfDesire ? [] : heldByVerdict ? ceiling.reasons : blockersAbove(specs, context, sustainable);
  const currentRank = levelRank(levels.current);
  const sustainableRank = levelRank(sustainable);

  let action: NextStepAction;
  let nextLevel: Iap2Level;
  if (levels.current === "none") {
    action = "start";
    nextLevel = "inform";
  } else if (currentRank > sustainableRank) {
    action = "step-back";
    nextLevel = sustainable;
  } else if (currentRank < sustainableRank) {
    action = "step-up";
    nextLevel = levelAtRank(currentRank + 1);
  } else if (shortOfDesire) {
    action = "strengthen-foundations";
    nextLevel = sustainable;
  } else {
    action = "hold";
    nextLevel = sustainable;
  }

  return {
    groupId: group.id,
    groupName: group.name,
    groupPhrase: group.phrase,
    quadrant: quadrantFor(group.influence, group.interest),
    sentiment: group.sentiment,
    current: levels.current,
    desired: levels.desired,
    sustainable,
    nextLevel,
    action,
    nextStep: nextStepText({
      group,
      context,
      action,
      current: levels.current,
      next: nextLevel,
      sustainable,
      desired: levels.desired,
      limitedBy,
    }),
    shortfallLevels: Math.max(0, levelRank(levels.desired) - sustainableRank),
    heldByVerdict: heldByVerdict && shortOfDesire,
    limitedBy,
    refs: uniqueRefs([
      ref("engagementModel", "levels", { groupId: group.id }),
      ref("stakeholders", "influence", { groupId: group.id }),
      ref("stakeholders", "interest", { groupId: group.id }),
      ref("stakeholders", "sentiment", { groupId: group.id }),
      ...limitedBy.flatMap((requirement) => requirement.refs),
    ]),
  };
}

interface StepInput {
  group: FactGroup;
  context: LevelContext;
  action: NextStepAction;
  current: AssessmentAnswers["engagementModel"]["levels"][number]["current"];
  next: Iap2Level;
  sustainable: Iap2Level;
  desired: Iap2Level;
  limitedBy: LevelRequirement[];
}

/** The projects a group is affected by that are consulted on or decided in the next six months. */
function liveProjects(group: StakeholderGroup, context: LevelContext): string[] {
  return context.answers.stakeholders.projects
    .filter((project) => project.groupIds.includes(group.id) && project.timing !== "6-12-months")
    .map((project) => tidy(project.name));
}

/**
 * The next step in plain words. Hostility or limited capacity changes how a group is engaged
 * (rules, moderation, routes offline), never whether it is heard in a process it has a right to
 * take part in: no step tells anyone to stop asking for views.
 */
function nextStepText(input: StepInput): string {
  const { group, context, action, current, next, sustainable, desired, limitedBy } = input;
  const fixes = joinList(limitedBy.slice(0, 2).map((requirement) => lowerFirst(requirement.description)));
  const routes = context.facts.profile.vocabulary.otherRoutes;
  const projects = liveProjects(group, context);
  switch (action) {
    case "start": {
      const later =
        levelRank(sustainable) > levelRank("inform")
          ? ` Once that is steady, you can go on to ${levelWord(sustainable)}.`
          : levelRank(desired) > levelRank("inform")
            ? ` Before going further, put in place ${fixes}.`
            : "";
      const hostile =
        group.sentiment === "hostile"
          ? " They are hostile: meet them in person, and use your pages to show them how to take part, before you invite comment online."
          : "";
      return `Start by informing ${group.phrase}: ${LEVEL_ACTIONS.inform}.${hostile}${later}`;
    }
    case "step-up": {
      const later =
        levelRank(sustainable) > levelRank(next) ? ` Once that works, go on to ${levelWord(sustainable)}.` : "";
      return `Move from ${levelWord(current)} to ${levelWord(next)}: ${LEVEL_ACTIONS[next]}.${later}`;
    }
    case "hold":
      return `Hold at ${levelWord(current)}: it is the level you want, and you can keep that promise.`;
    case "strengthen-foundations":
      return `Stay at ${levelWord(current)} for now, and put in place ${fixes} before you raise the promise.`;
    case "step-back": {
      if (levelRank(current) > levelRank(desired) && sustainable === desired) {
        return `Move back to ${levelWord(desired)}, the level you want for ${group.phrase}, and say so on your pages so no one expects more.`;
      }
      const raise = fixes ? ` Raise it again once you have ${fixes}.` : "";
      const direct = directRoutes(group);
      if (direct) {
        return `On your public channels, bring what you promise ${group.phrase} back to ${levelWord(next)} for now, and keep working with them through ${direct}, so nothing is lost.${raise}`;
      }
      if (projects.length > 0) {
        return `Keep hearing ${group.phrase} on ${joinList(projects)} through the formal routes it offers, such as written submissions, meetings and ${routes}, and use your pages to tell them how to take part. Online, hold to ${levelWord(next)} for now: do not open comment threads you cannot answer or moderate.${raise}`;
      }
      return `Online, bring what you promise ${group.phrase} back to ${levelWord(next)} for now. Say openly what you can answer and how fast, and point them to ${routes} for the rest, so they are still heard.${raise}`;
    }
  }
}
