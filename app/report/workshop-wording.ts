/**
 * The words of "Where your team disagreed", shared by the report page, the full PDF, the board
 * summary and the Word document, so each says the same thing.
 */
import type { DivergentQuestion, WorkshopFindings } from "../../scoring/workshop-findings";
import { sectionPointer } from "./report-sections";

/** Before section 1, outside the numbering, as the re-assessment's comparison is. */
export const WORKSHOP_SECTION = { id: "where-your-team-disagreed", title: "Where your team disagreed" } as const;

/** A band as the report names it. */
export const BAND_WORDS: Record<DivergentQuestion["band"], string> = {
  strong: "Strong disagreement",
  some: "Some disagreement",
};

/** The opening paragraph: who answered, and what the report is built from. */
export function workshopIntro(findings: WorkshopFindings): string {
  const people = findings.participants === 1 ? "1 person" : `${findings.participants} people`;
  return `This assessment was answered in a workshop. ${people} from your team answered the questions on their own, then the group agreed one answer to each. The report is built from the answers the group agreed.`;
}

/** The line before the list, or the line in its place when the team broadly agreed throughout. */
export function workshopListIntro(findings: WorkshopFindings, shown: number): string {
  if (findings.divergent.length === 0) {
    return "The team broadly agreed on every question it answered: no question reached the level we count as disagreement.";
  }
  if (shown === 1) {
    return "This is the question where answers were furthest apart, with what the group agreed and why.";
  }
  return `These are the ${shown} questions where answers were furthest apart, most first, with what the group agreed and why.`;
}

/** Where the measure is explained. */
export function workshopMethodPointer(): string {
  return `How we measured disagreement is explained in ${sectionPointer("method")}.`;
}

/** The rows each question shows, in order: label and value. */
export function divergentRows(question: DivergentQuestion): { label: string; value: string }[] {
  return [
    { label: "What people said", value: question.spread },
    { label: "How far apart", value: BAND_WORDS[question.band] },
    { label: "What the group agreed", value: question.settled?.answer ?? "Not settled yet" },
    { label: "Why", value: question.settled?.reason ?? "No reason was recorded" },
  ];
}
