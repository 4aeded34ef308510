import { redirect } from "@remix-run/node";
import type { RespondentContext } from "../../db/repositories/assessments";
import { findParticipantState, type ParticipantState } from "../../db/repositories/workshops";
import { requireRespondent } from "../assessment-access.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { SECTIONS } from "../questionnaire/questionnaire";
import type { SectionDef } from "../questionnaire/section-types";
import { participantClosedPath } from "./paths";

/**
 * Whoever a private link belongs to, as the wizard's pages need them: the owner (or a member's
 * key) with `participant: null`, or a workshop participant with their workshop's state. Only a
 * participant's link costs the extra read, so an owner's saves stay as fast as before.
 *
 * A participant whose workshop has closed, or who was removed, is sent to the page that says so
 * (`/a/<token>/closed`), from a page load and from a post alike: nothing is saved.
 */
export type Answerer = { respondent: RespondentContext; participant: ParticipantState | null };

export async function requireAnswerer(token: string | undefined): Promise<Answerer> {
  const respondent = await requireRespondent(token);
  if (respondent.role !== "participant") return { respondent, participant: null };
  const participant = await findParticipantState(db, respondent.respondentId);
  if (!participant) throw notFound();
  if (participant.removedAt !== null || participant.closedAt !== null) {
    throw redirect(participantClosedPath(token as string), 303);
  }
  return { respondent, participant };
}

/**
 * As `requireRespondent`, for pages a workshop participant has no use for (the report, its PDFs
 * and downloads, the private-link page, the logo): they get the same "Page not found" as a wrong
 * link. The group's report is the facilitator's to share.
 */
export async function requireNotParticipant(token: string | undefined): Promise<RespondentContext> {
  const respondent = await requireRespondent(token);
  if (respondent.role === "participant") throw notFound();
  return respondent;
}

/** The sections this person answers: every section for an owner, the workshop's for a participant. */
export function sectionsFor(participant: ParticipantState | null): readonly SectionDef[] {
  if (!participant) return SECTIONS;
  const chosen = new Set(participant.participantSections);
  return SECTIONS.filter((section) => chosen.has(section.id));
}

/** Throws "Page not found" when a participant opens a section their workshop did not give them. */
export function requireSectionFor(participant: ParticipantState | null, sectionId: string): void {
  if (participant && !participant.participantSections.includes(sectionId)) throw notFound();
}
