import type { WorkshopParticipant } from "../../db/repositories/workshops";

/** How far a participant has got, in words and a GOV.UK tag colour, for the facilitator. */
export function describeParticipantProgress(participant: WorkshopParticipant): { text: string; colour: string } {
  if (participant.removedAt !== null) return { text: "Removed", colour: "grey" };
  if (participant.submittedAt !== null) return { text: "Finished", colour: "green" };
  if (participant.answerCount === 0) return { text: "Not started", colour: "grey" };
  const count = participant.answerCount;
  return { text: `Answering: ${count} ${count === 1 ? "question" : "questions"} so far`, colour: "blue" };
}

/** How they came to be in the workshop. */
export function describeJoinedVia(participant: WorkshopParticipant): string {
  return participant.joinedVia === "invitation" ? "Invited by name" : "Joined with the workshop link";
}
