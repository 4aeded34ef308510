/**
 * Facts derived once from the answers and shared by every part of the scoring: the lists
 * without their "none" markers, the groups by id, who is wary, which projects land soon.
 */
import type {
  AssessmentAnswers,
  Channel,
  ContentiousTopic,
  PeakKind,
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
import { groupPhrase } from "./group-names";
import { levelRank } from "./levels";
import { organisationProfile, type OrganisationProfile } from "./organisation-profile";
import { tidy } from "./text";

export interface AnswerFacts {
  profile: OrganisationProfile;
  channels: Exclude<Channel, "none" | "unknown">[];
  /** True when the person answering did not know which channels are in use. */
  channelsUnknown: boolean;
  /** Channels where people can comment or message: everything except "none", "unknown" and "newsletter". */
  interactiveChannelCount: number;
  /** Team hours a week, or null when not known. */
  teamHours: number | null;
  /** People on the team, or null when not known. */
  teamPeople: number | null;
  /** True when the organisation runs emergency-related services or communicates in emergencies. */
  emergency: boolean;
  /** The kinds of peak named (without "none" and "unknown"). */
  peakKinds: Exclude<PeakKind, "none" | "unknown">[];
  emergencyServices: Exclude<EmergencyService, "none">[];
  contentiousTopics: Exclude<ContentiousTopic, "none">[];
  purposes: Purpose[];
  governance: Exclude<GovernanceItem, "none">[];
  staffSupport: Exclude<StaffSupport, "none">[];
  tools: Exclude<Tool, "none">[];
  groups: FactGroup[];
  levels: Map<string, GroupLevels>;
  /** Groups known to be hostile, sceptical or mixed in their feelings. */
  waryGroups: FactGroup[];
  hostileGroups: FactGroup[];
  /** Groups whose mood is not known. They are not assumed wary: the report asks to find out first. */
  unknownMoodGroups: FactGroup[];
  /** Projects landing in the next three months. */
  soonProjects: KeyProject[];
  /** True when any purpose or desired level invites the public to talk back. */
  invitesQuestions: boolean;
}

/** A stakeholder group with its name tidied, and how to name it mid-sentence ("local businesses"). */
export type FactGroup = StakeholderGroup & { phrase: string };

/** True when a group's mood calls for rules and care before inviting its comment. */
export function isWary(sentiment: Sentiment): boolean {
  return sentiment === "hostile" || sentiment === "sceptical" || sentiment === "mixed";
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
  const channels = organisation.channels.filter(
    (channel): channel is Exclude<Channel, "none" | "unknown"> => channel !== "none" && channel !== "unknown",
  );
  const emergencyServices = withoutNone(organisation.emergencyServices);
  const levels = new Map<string, GroupLevels>();
  for (const entry of engagementModel.levels) levels.set(entry.groupId, entry);
  // NOTE: names are typed by people; tidy them once so every sentence that uses one reads cleanly.
  const groups = stakeholders.groups.map((group): FactGroup => {
    const name = tidy(group.name) || "Unnamed group";
    return { ...group, name, phrase: groupPhrase({ kind: group.kind, name }) };
  });
  const purposes = stakeholders.purposes;
  const wantsTwoWay = engagementModel.levels.some((entry) => levelRank(entry.desired) >= levelRank("consult"));
  const twoWayPurpose = purposes.some((purpose) =>
    (["consult", "involve", "service-requests", "listen"] as Purpose[]).includes(purpose),
  );
  return {
    profile: organisationProfile(answers),
    channels,
    channelsUnknown: organisation.channels.includes("unknown"),
    interactiveChannelCount: channels.filter((channel) => channel !== "newsletter").length,
    teamHours: capacity.teamHoursPerWeek === "unknown" ? null : Math.max(0, capacity.teamHoursPerWeek),
    teamPeople: capacity.teamPeople === "unknown" ? null : Math.max(0, capacity.teamPeople),
    emergency: emergencyServices.length > 0 || purposes.includes("emergency"),
    peakKinds: capacity.peaks.filter(
      (kind): kind is Exclude<PeakKind, "none" | "unknown"> => kind !== "none" && kind !== "unknown",
    ),
    emergencyServices,
    contentiousTopics: withoutNone(organisation.contentiousTopics),
    purposes,
    governance: withoutNone(engagementModel.governance),
    staffSupport: withoutNone(capacity.staffSupport),
    tools: withoutNone(capacity.tools),
    groups,
    levels,
    waryGroups: groups.filter((group) => isWary(group.sentiment)),
    hostileGroups: groups.filter((group) => group.sentiment === "hostile"),
    unknownMoodGroups: groups.filter((group) => group.sentiment === "unknown"),
    soonProjects: stakeholders.projects.filter((project) => project.timing === "next-3-months"),
    invitesQuestions: wantsTwoWay || twoWayPurpose,
  };
}
