import { describe, expect, it } from "vitest";
import { resolveAnswerRefs } from "./answer-refs";

const stored = {
  approvalNeed: "not-defined",
  objectivesSet: "not-yet",
  peaks: ["unknown"],
  questionShare: "unknown",
  teamPeople: "unknown",
};

describe("the answers behind a finding", () => {
  it("explains a follow-up that was not asked by the answer that left it out", () => {
    expect(
      resolveAnswerRefs(
        [
          { section: "capacity", questionId: "approvalTime" },
          { section: "commitment", questionId: "objectives" },
          { section: "capacity", questionId: "peakSize" },
        ],
        stored,
      ).map((answer) => [answer.label, answer.value]),
    ).toEqual([
      ["Approval before replying", "There is no agreed process: it depends on the reply and who is around"],
      ["Objectives set", "Not yet"],
      ["When questions rise sharply", "I don't know"],
    ]);
  });

  it("says when an answer was filled in because the question came later", () => {
    const [share, people] = resolveAnswerRefs(
      [
        { section: "capacity", questionId: "questionShare" },
        { section: "capacity", questionId: "teamPeople" },
      ],
      stored,
      undefined,
      ["questionShare"],
    );
    expect(share?.value).toBe("Not asked when you answered: treated as I don't know");
    expect(people?.value).toBe("I don't know");
  });
});
