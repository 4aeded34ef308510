import type { StoredAnswers } from "../../db/repositories/answers";
import { organisationSection } from "./sections/organisation";
import { formInputFor, hasAnyAnswer, sectionQuestions, type PageDef, type SectionDef } from "./section-types";

/**
 * The questionnaire's version, stored on every assessment when it starts. Change it whenever a
 * question's meaning or options change, so old answers are always read the way they were asked.
 */
export const QUESTIONNAIRE_VERSION = "2026-11";

export const SECTIONS: readonly SectionDef[] = [organisationSection];

export function findSection(id: string | undefined): SectionDef | undefined {
  return SECTIONS.find((section) => section.id === id);
}

export function findPage(section: SectionDef, pageId: string | undefined): PageDef | undefined {
  return section.pages.find((page) => page.id === pageId);
}

export function pageAfter(section: SectionDef, page: PageDef): PageDef | undefined {
  return section.pages[section.pages.indexOf(page) + 1];
}

export function pageBefore(section: SectionDef, page: PageDef): PageDef | undefined {
  return section.pages[section.pages.indexOf(page) - 1];
}

export type SectionStatus = "cannot-start" | "not-started" | "in-progress" | "completed";

/** Whether the section's stored answers are all present and valid. */
export function isSectionValid(section: SectionDef, answers: StoredAnswers): boolean {
  return section.schema.safeParse(formInputFor(sectionQuestions(section), answers)).success;
}

/**
 * A section is Completed when the respondent has said so and its answers are still valid,
 * In progress once anything is answered, and Cannot start yet while a section it builds on is
 * not completed.
 */
export function sectionStatuses(
  answers: StoredAnswers,
  completion: Record<string, string | null>,
): Map<SectionDef["id"], SectionStatus> {
  const statuses = new Map<SectionDef["id"], SectionStatus>();
  for (const section of SECTIONS) {
    const completed = Boolean(completion[section.id]) && isSectionValid(section, answers);
    statuses.set(section.id, completed ? "completed" : hasAnyAnswer(section, answers) ? "in-progress" : "not-started");
  }
  for (const section of SECTIONS) {
    const blocked = section.dependsOn.some((dependency) => statuses.get(dependency) !== "completed");
    if (blocked && statuses.get(section.id) === "not-started") statuses.set(section.id, "cannot-start");
  }
  return statuses;
}
