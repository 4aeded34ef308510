import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workshopFindings, type FindingQuestion } from "./workshop-findings";
import { questionSpread, type SpreadInput } from "./workshop-spread";

const IAP2 = ["inform", "consult", "involve", "collaborate", "empower"].map((value) => ({
  value,
  label: value.charAt(0).toUpperCase() + value.slice(1),
}));

function ordered(questionId: string, values: string[]): SpreadInput {
  return {
    questionId,
    measure: "ordered",
    options: IAP2,
    answers: values.map((value, index) => ({ participantId: `p${index}`, value })),
  };
}

function numbers(questionId: string, values: number[]): SpreadInput {
  return {
    questionId,
    measure: "number",
    wholeNumbers: true,
    answers: values.map((value, index) => ({ participantId: `p${index}`, value })),
  };
}

function question(input: SpreadInput, settled: FindingQuestion["settled"] = null): FindingQuestion {
  return { spread: questionSpread(input), label: `Label of ${input.questionId}`, settled };
}

const SETTLED = {
  answer: "Consult",
  reason: "We consult now",
  settledBy: "Ana Lopez",
  settledAt: "2026-11-30T10:00:00Z",
};

describe("workshopFindings", () => {
  const questions = [
    question(ordered("agreed", ["consult", "consult", "consult"]), SETTLED),
    question(ordered("apart", ["inform", "empower", "inform", "empower"]), SETTLED),
    question(ordered("neighbours", ["consult", "involve", "consult"])),
    question(numbers("hours", [4, 10, 40]), { ...SETTLED, answer: "10 hours a week", reason: null }),
    question({ questionId: "why", measure: "text", answers: [{ participantId: "p0", value: "Because" }] }),
  ];

  it("lists the divergent questions, most first, with the spread in words, the settled answer and the band", () => {
    const findings = workshopFindings({
      participants: 4,
      namesShown: true,
      minAnswersWhenHidden: 3,
      questions,
      limit: 8,
    });
    expect(findings.participants).toBe(4);
    expect(findings.settledCount).toBe(3);
    expect(findings.measuredCount).toBe(4);
    expect(findings.divergent.map((entry) => entry.questionId)).toEqual(["apart", "hours", "neighbours"]);
    expect(findings.divergent[0]).toMatchObject({
      label: "Label of apart",
      spread: "2 said Inform, 2 said Empower",
      band: "strong",
      disagreement: 1,
      settled: SETTLED,
    });
    expect(findings.divergent[1]).toMatchObject({ band: "strong", settled: { answer: "10 hours a week" } });
    expect(findings.divergent[2]).toMatchObject({ band: "some", settled: null });
    expect(findings.method.join(" ")).toMatch(/from 0, where everyone gave the same answer, to 1/);
  });

  it("keeps to the limit and, with names hidden, leaves out questions fewer than 3 people answered", () => {
    expect(
      workshopFindings({ participants: 4, namesShown: true, minAnswersWhenHidden: 3, questions, limit: 1 }).divergent,
    ).toHaveLength(1);
    const twoAnswers = question(ordered("pair", ["inform", "empower"]));
    const hidden = workshopFindings({
      participants: 4,
      namesShown: false,
      minAnswersWhenHidden: 3,
      questions: [...questions, twoAnswers],
      limit: 8,
    });
    expect(hidden.divergent.map((entry) => entry.questionId)).not.toContain("pair");
    const shown = workshopFindings({
      participants: 4,
      namesShown: true,
      minAnswersWhenHidden: 3,
      questions: [...questions, twoAnswers],
      limit: 8,
    });
    expect(shown.divergent.map((entry) => entry.questionId)).toContain("pair");
  });

  it("properties: each listed question is one given, settled or flagged unsettled, in order of disagreement", () => {
    const level = fc.constantFrom(...IAP2.map((option) => option.value));
    const arbitraryQuestion = fc.record({
      values: fc.array(level, { minLength: 0, maxLength: 8 }),
      settled: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryQuestion, { maxLength: 12 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (specs, limit, namesShown) => {
          const given = specs.map((spec, index) =>
            question(ordered(`q${index}`, spec.values), spec.settled ? SETTLED : null),
          );
          const findings = workshopFindings({
            participants: 8,
            namesShown,
            minAnswersWhenHidden: 3,
            questions: given,
            limit,
          });
          const byId = new Map(given.map((entry) => [entry.spread.questionId, entry]));
          expect(findings.divergent.length).toBeLessThanOrEqual(limit);
          for (const entry of findings.divergent) {
            const source = byId.get(entry.questionId);
            expect(source).toBeDefined();
            expect(entry.settled).toEqual(source?.settled ?? null);
            expect(entry.disagreement).toBeGreaterThanOrEqual(0.25);
            if (!namesShown) expect(entry.answered).toBeGreaterThanOrEqual(3);
          }
          for (let i = 1; i < findings.divergent.length; i += 1) {
            expect(findings.divergent[i - 1]?.disagreement).toBeGreaterThanOrEqual(
              findings.divergent[i]?.disagreement ?? 0,
            );
          }
          // Nothing divergent enough is missed while there is room.
          if (findings.divergent.length < limit) {
            const missed = given.filter(
              (entry) =>
                (entry.spread.disagreement ?? 0) >= 0.25 &&
                (namesShown || entry.spread.answered >= 3) &&
                !findings.divergent.some((listed) => listed.questionId === entry.spread.questionId),
            );
            expect(missed).toEqual([]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
