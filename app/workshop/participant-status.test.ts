import { describe, expect, it } from "vitest";
import type { WorkshopParticipant } from "../../db/repositories/workshops";
import { describeJoinedVia, describeParticipantProgress } from "./participant-status";

const base: WorkshopParticipant = {
  respondentId: "r1",
  name: "Aroha Ngata",
  roleLabel: null,
  joinedVia: "invitation",
  joinedAt: "2026-12-01T09:00:00.000Z",
  lastSeenAt: "2026-12-01T09:00:00.000Z",
  submittedAt: null,
  answerCount: 0,
  lastAnsweredAt: null,
  removedAt: null,
};

describe("a participant's progress, for the facilitator", () => {
  it.each([
    [{}, "Not started"],
    [{ answerCount: 1 }, "Answering: 1 question so far"],
    [{ answerCount: 12 }, "Answering: 12 questions so far"],
    [{ answerCount: 12, submittedAt: "2026-12-01T10:00:00.000Z" }, "Finished"],
    [{ answerCount: 12, submittedAt: "2026-12-01T10:00:00.000Z", removedAt: "2026-12-01T11:00:00.000Z" }, "Removed"],
  ] as const)("%o reads %s", (change, text) => {
    expect(describeParticipantProgress({ ...base, ...change }).text).toBe(text);
  });

  it("says how they joined", () => {
    expect(describeJoinedVia(base)).toBe("Invited by name");
    expect(describeJoinedVia({ ...base, joinedVia: "workshop-link" })).toBe("Joined with the workshop link");
  });
});
