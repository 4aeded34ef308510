import type { StoredAnswers } from "../../db/repositories/answers";
import type { AssessmentAnswers } from "../../scoring/answers";
import { CapacitySchema, capacitySection } from "./sections/capacity";
import { CommitmentSchema, commitmentSection } from "./sections/commitment";
import { EngagementModelSchema, engagementModelSection } from "./sections/engagement-model";
import { OrganisationSchema, organisationSection } from "./sections/organisation";
import { groupsFrom, stakeholdersSchemaFor, stakeholdersSection } from "./sections/stakeholders";
import {
  isPageValid,
  pageHasAnswer,
  type PageContext,
  type PageDef,
  type SectionDef,
  type SectionId,
} from "./section-types";

/**
 * The questionnaire's version, stored on every assessment when it starts. Change it whenever a
 * question's meaning or options change, so old answers are always read the way they were asked.
 */
export const QUESTIONNAIRE_VERSION = "2026-12";

export const SECTIONS: readonly SectionDef[] = [
  organisationSection,
  stakeholdersSection,
  engagementModelSection,
  capacitySection,
  commitmentSection,
];

/** Answers that switch pages on or off, by question id. */
const SWITCHES = [
  "purposes",
  "coverHours",
  "volumeKnowledge",
  "peaks",
  "approvalNeed",
  "objectivesSet",
  "currency",
] as const;

/** What pages need to know about earlier answers: the groups, and the answers that add pages. */
export function pageContext(answers: StoredAnswers): PageContext {
  const switches: Record<string, string | readonly string[] | undefined> = {};
  for (const id of SWITCHES) {
    const value = answers[id];
    if (typeof value === "string") switches[id] = value;
    else if (Array.isArray(value)) switches[id] = value.filter((item): item is string => typeof item === "string");
  }
  return { groups: groupsFrom(answers), switches };
}

/**
 * How long the given sections take, in words: "about 20 to 30 minutes". Unknown ids count for
 * nothing; with none, the whole questionnaire.
 */
export function timeToAnswer(sectionIds: readonly string[] = SECTIONS.map((section) => section.id)): string {
  const chosen = SECTIONS.filter((section) => sectionIds.includes(section.id));
  const low = chosen.reduce((sum, section) => sum + section.minutes[0], 0);
  const high = chosen.reduce((sum, section) => sum + section.minutes[1], 0);
  if (high === 0) return "a few minutes";
  // Above ten minutes, to the nearest five, so the estimate does not look more exact than it is.
  const rounded = (value: number) => (value > 10 ? Math.round(value / 5) * 5 : value);
  const from = rounded(low);
  const to = Math.max(rounded(high), from + 1);
  return `about ${from} to ${to} minutes`;
}

export function findSection(id: string | undefined): SectionDef | undefined {
  return SECTIONS.find((section) => section.id === id);
}

/** Whether every page of the section is answered and valid, and the whole section reads cleanly. */
export function isSectionValid(section: SectionDef, answers: StoredAnswers, ctx = pageContext(answers)): boolean {
  return (
    section.pages(ctx).every((page) => isPageValid(page, answers)) &&
    section.schema(ctx).safeParse(section.collect(answers, ctx)).success
  );
}

export function hasAnyAnswer(section: SectionDef, answers: StoredAnswers, ctx = pageContext(answers)): boolean {
  return section.pages(ctx).some((page) => pageHasAnswer(page, answers));
}

/** The first page still to answer, if any. */
export function firstIncompletePage(
  section: SectionDef,
  answers: StoredAnswers,
  ctx = pageContext(answers),
): PageDef | undefined {
  return section.pages(ctx).find((page) => !isPageValid(page, answers));
}

/**
 * - completed: the respondent said so and every answer is still valid;
 * - needs-review: they said so, but later changes (a new group, say) left questions to answer;
 * - in-progress: something is answered;
 * - cannot-start: a section it builds on is not completed yet;
 * - not-started.
 */
export type SectionStatus = "cannot-start" | "not-started" | "in-progress" | "needs-review" | "completed";

export function sectionStatuses(
  answers: StoredAnswers,
  completion: Record<string, string | null>,
): Map<SectionId, SectionStatus> {
  const ctx = pageContext(answers);
  const statuses = new Map<SectionId, SectionStatus>();
  for (const section of SECTIONS) {
    const saidComplete = Boolean(completion[section.id]);
    const valid = isSectionValid(section, answers, ctx);
    const status: SectionStatus =
      saidComplete && valid
        ? "completed"
        : saidComplete
          ? "needs-review"
          : hasAnyAnswer(section, answers, ctx)
            ? "in-progress"
            : "not-started";
    statuses.set(section.id, status);
  }
  for (const section of SECTIONS) {
    const blocked = section.dependsOn.some((dependency) => statuses.get(dependency) !== "completed");
    if (blocked && statuses.get(section.id) === "not-started") statuses.set(section.id, "cannot-start");
  }
  return statuses;
}

/**
 * Whether the respondent may open a section's pages: it depends on nothing, or what it depends on
 * is completed, or it is already begun. Cheap for most sections, as every page load asks.
 */
export function canOpenSection(section: SectionDef, answers: StoredAnswers, completion: Record<string, string | null>) {
  if (section.dependsOn.length === 0) return true;
  const ctx = pageContext(answers);
  if (hasAnyAnswer(section, answers, ctx)) return true;
  return section.dependsOn.every((dependency) => {
    const required = findSection(dependency);
    return Boolean(required && completion[dependency] && isSectionValid(required, answers, ctx));
  });
}

export type CollectedAnswers = { ok: true; answers: AssessmentAnswers } | { ok: false; incomplete: SectionId[] };

/** Every section's answers in the scoring module's types, or the sections still to finish. */
export function collectAssessment(answers: StoredAnswers): CollectedAnswers {
  const ctx = pageContext(answers);
  const incomplete = SECTIONS.filter((section) => !isSectionValid(section, answers, ctx)).map((section) => section.id);
  // Each schema is typed to produce exactly its part of AssessmentAnswers: no casts here.
  const organisation = OrganisationSchema.safeParse(organisationSection.collect(answers, ctx));
  const stakeholders = stakeholdersSchemaFor(ctx).safeParse(stakeholdersSection.collect(answers, ctx));
  const engagementModel = EngagementModelSchema.safeParse(engagementModelSection.collect(answers, ctx));
  const capacity = CapacitySchema.safeParse(capacitySection.collect(answers, ctx));
  const commitment = CommitmentSchema.safeParse(commitmentSection.collect(answers, ctx));
  if (
    incomplete.length > 0 ||
    !organisation.success ||
    !stakeholders.success ||
    !engagementModel.success ||
    !capacity.success ||
    !commitment.success
  ) {
    return { ok: false, incomplete };
  }
  return {
    ok: true,
    answers: {
      organisation: organisation.data,
      stakeholders: stakeholders.data,
      engagementModel: engagementModel.data,
      capacity: capacity.data,
      commitment: commitment.data,
    },
  };
}
