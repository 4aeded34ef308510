import { listParticipantsWithAnswers, workshopVersion } from "../../db/repositories/workshops";
import { db } from "../db.server";
import { findSection } from "../questionnaire/questionnaire";
import { buildFacilitatorView, type FacilitatorView, type QuestionMeta } from "./facilitator";
import { spreadInputsFor, type WorkshopSpreadInput } from "./question-spreads";
import { versionTag } from "./event-stream.server";
import type { requireWorkshop } from "./workshop.server";

type WorkshopAccess = Awaited<ReturnType<typeof requireWorkshop>>;

/** What the pages say about a question: its wording, "Residents: ..." for a stakeholder group's. */
export function questionMetaOf(input: WorkshopSpreadInput): QuestionMeta {
  const { question } = input;
  return {
    questionId: input.questionId,
    sectionId: input.sectionId,
    sectionTitle: findSection(input.sectionId)?.title ?? input.sectionId,
    label: input.cardTitle ? `${input.cardTitle}: ${question.label}` : question.label,
    ...(question.kind === "number" && question.suffix ? { suffix: question.suffix } : {}),
  };
}

/**
 * The facilitator's view of the caller's workshop, and the version it was read at (the live
 * view's events compare with it). Current participants only: removed ones count nowhere.
 */
export async function loadFacilitatorView(access: WorkshopAccess): Promise<{ view: FacilitatorView; version: string }> {
  const { scope, workshop } = access;
  // NOTE: the version first: an answer saved while the rest is read then shows as a change.
  const version = (await workshopVersion(db, scope, workshop.assessmentId)) ?? "";
  const { participants, answers } = await listParticipantsWithAnswers(db, scope, workshop.assessmentId);
  const inputs = spreadInputsFor(
    workshop.participantSections,
    answers.map((entry) => ({ participantId: entry.respondentId, answers: entry.answers })),
  );
  const view = buildFacilitatorView({
    namesShown: workshop.namesShown,
    participants,
    questions: inputs.map(questionMetaOf),
    inputs,
  });
  return { view, version: versionTag(version) };
}
