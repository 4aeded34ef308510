/**
 * Facts derived once from the answers and shared by every part of the scoring: the lists
 * without their "none" markers, the groups by id, who is wary, which projects land soon.
 */
import type {
  AssessmentAnswers,
  Channel,
  ContentiousTopic,
  EmergencyService,
  GovernanceItem,
  GroupLevels,
  KeyProject,
  Purpose,
  Sentiment,
  StaffSupport,
  StakeholderGroup,
  Tool,
} from "./answers";
import { levelRank } from "./levels";
import { tidy } from "./text";

export interface AnswerFacts {
  channels: Exclude<Channel, "none">[];
  /** Channels where people can comment or message: everything except "none" and "newsletter". */
  interactiveChannelCount: number;
  emergencyServices: Exclude<EmergencyService, "none">[];
  contentiousTopics: Exclude<ContentiousTopic, "none">[];
  purposes: Purpose[];
  governance: Exclude<GovernanceItem, "none">[];
  staffSupport: Exclude<StaffSupport, "none">[];
  tools: Exclude<Tool, "none">[];
  groups: StakeholderGroup[];
  levels: Map<string, GroupLevels>;
  /** Groups that are hostile or sceptical, or whose sentiment is unknown (assumed sceptical). */
  waryGroups: StakeholderGroup[];
  hostileGroups: StakeholderGroup[];
  /** Projects landing in the next three months. */
  soonProjects: KeyProject[];
  /** True when any purpose or desired level invites the public to talk back. */
  invitesQuestions: boolean;
}

/** The sentiment used for planning: "unknown" is treated as "sceptical" (a stated assumption). */
export function plannedSentiment(sentiment: Sentiment): Exclude<Sentiment, "unknown"> {
  return sentiment === "unknown" ? "sceptical" : sentiment;
}

/** Removes the exclusive "none" marker from a checkbox answer. */
export function withoutNone<T extends string>(values: readonly T[]): Exclude<T, "none">[] {
  return values.filter((value): value is Exclude<T, "none"> => value !== "none");
}

/** The levels for a group; a valid assessment always has one entry per group. */
export function levelsFor(facts: AnswerFacts, groupId: string): GroupLevels {
  // NOTE: a missing entry breaks the documented invariant; fall back to the most modest reading
  // (not engaged, wants to inform) rather than throw, so a partial assessment still scores.
  return facts.levels.get(groupId) ?? { groupId, current: "none", desired: "inform" };
}

/** Derives the shared facts from the answers. Pure; linear in the number of groups and projects. */
export function deriveFacts(answers: AssessmentAnswers): AnswerFacts {
  const { organisation, stakeholders, engagementModel, capacity } = answers;
  const channels = withoutNone(organisation.channels);
  const levels = new Map<string, GroupLevels>();
  for (const entry of engagementModel.levels) levels.set(entry.groupId, entry);
  // NOTE: names are typed by people; tidy them once so every sentence that uses one reads cleanly.
  const groups = stakeholders.groups.map((group) => ({ ...group, name: tidy(group.name) || "Unnamed group" }));
  const purposes = stakeholders.purposes;
  const wantsTwoWay = engagementModel.levels.some((entry) => levelRank(entry.desired) >= levelRank("consult"));
  const twoWayPurpose = purposes.some((purpose) =>
    (["consult", "involve", "service-requests", "listen"] as Purpose[]).includes(purpose),
  );
  return {
    channels,
    interactiveChannelCount: channels.filter((channel) => channel !== "newsletter").length,
    emergencyServices: withoutNone(organisation.emergencyServices),
    contentiousTopics: withoutNone(organisation.contentiousTopics),
    purposes,
    governance: withoutNone(engagementModel.governance),
    staffSupport: withoutNone(capacity.staffSupport),
    tools: withoutNone(capacity.tools),
    groups,
    levels,
    waryGroups: groups.filter((group) => ["hostile", "sceptical"].includes(plannedSentiment(group.sentiment))),
    hostileGroups: groups.filter((group) => group.sentiment === "hostile"),
    soonProjects: stakeholders.projects.filter((project) => project.timing === "next-3-months"),
    invitesQuestions: wantsTwoWay || twoWayPurpose,
  };
}
