import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categoricalDisagreement,
  describeSpread,
  disagreementBand,
  jaccardDistance,
  numberDisagreement,
  orderedDisagreement,
  quantile,
  questionSpread,
  rankByDisagreement,
  type QuestionSpread,
  type SpreadAnswer,
  type SpreadInput,
  type SpreadOption,
} from "./workshop-spread";

const RUNS = 200;

const IAP2: SpreadOption[] = [
  { value: "inform", label: "Inform" },
  { value: "consult", label: "Consult" },
  { value: "involve", label: "Involve" },
  { value: "collaborate", label: "Collaborate" },
  { value: "empower", label: "Empower" },
];

const DURATION: SpreadOption[] = [
  { value: "under-6-months", label: "Less than 6 months" },
  { value: "6-12-months", label: "6 to 12 months" },
  { value: "1-2-years", label: "1 to 2 years" },
  { value: "ongoing", label: "For good" },
  { value: "not-decided", label: "Not decided yet", offScale: true },
];

const SENTIMENT: SpreadOption[] = [
  { value: "supportive", label: "Supportive" },
  { value: "neutral", label: "Neutral" },
  { value: "hostile", label: "Hostile" },
  { value: "unknown", label: "I don't know", dontKnow: true },
];

const CHANNELS: SpreadOption[] = [
  { value: "facebook", label: "Facebook" },
  { value: "instagram", label: "Instagram" },
  { value: "linkedin", label: "LinkedIn" },
  { value: "youtube", label: "YouTube" },
  { value: "none", label: "None yet", exclusive: true },
  { value: "unknown", label: "I don't know", dontKnow: true, exclusive: true },
];

function answers(values: readonly unknown[]): SpreadAnswer[] {
  return values.map((value, index) => ({ participantId: `p${index + 1}`, value }));
}

function spread(input: Omit<SpreadInput, "questionId" | "answers"> & { values: readonly unknown[] }): QuestionSpread {
  const { values, ...rest } = input;
  return questionSpread({ questionId: "q", ...rest, answers: answers(values) });
}

function only<M extends QuestionSpread["measure"]>(
  value: QuestionSpread,
  measure: M,
): Extract<QuestionSpread, { measure: M }> {
  expect(value.measure).toBe(measure);
  return value as Extract<QuestionSpread, { measure: M }>;
}

describe("categorical disagreement (worked examples)", () => {
  it("is 0 when everyone agrees and null with fewer than two answers", () => {
    expect(categoricalDisagreement([5, 0, 0])).toBe(0);
    expect(categoricalDisagreement([1, 0])).toBeNull();
    expect(categoricalDisagreement([0, 0])).toBeNull();
  });

  it("compares the pairs who differ with the most possible for that many people and options", () => {
    // 3-1-1 over 3 options: 7 of 10 pairs differ; at most 8 can (2-2-1).
    expect(categoricalDisagreement([3, 1, 1])).toBeCloseTo(7 / 8, 10);
    // 4-1 on a yes/no question: 4 pairs differ; at most 6 can (3-2).
    expect(categoricalDisagreement([4, 1])).toBeCloseTo(4 / 6, 10);
    // 4-1 with six options: at most all 10 pairs can differ.
    expect(categoricalDisagreement([4, 1, 0, 0, 0, 0])).toBeCloseTo(4 / 10, 10);
    // Three people, three different answers out of six options: as split as three people can be.
    expect(categoricalDisagreement([1, 1, 1, 0, 0, 0])).toBe(1);
    expect(categoricalDisagreement([3, 2])).toBe(1);
  });

  it("counts every option, suggests the most common and breaks ties by option order", () => {
    const result = only(
      spread({
        measure: "categorical",
        options: SENTIMENT,
        values: ["neutral", "supportive", "neutral", "supportive", "unknown"],
      }),
      "categorical",
    );
    expect(result.counts.map((count) => [count.value, count.count, count.participantIds])).toEqual([
      ["supportive", 2, ["p2", "p4"]],
      ["neutral", 2, ["p1", "p3"]],
      ["hostile", 0, []],
      ["unknown", 1, ["p5"]],
    ]);
    expect(result.answered).toBe(5);
    expect(result.dontKnow).toBe(1);
    expect(result.suggested).toBe("supportive");
    // "I don't know" is left out: 2-2 leaves 4 of 6 pairs differing; 2-1-1 over the three
    // options would leave 5.
    expect(result.disagreement).toBeCloseTo(4 / 5, 12);
  });

  it("suggests 'I don't know' only when nobody gave anything else", () => {
    const result = only(
      spread({ measure: "categorical", options: SENTIMENT, values: ["unknown", "unknown"] }),
      "categorical",
    );
    expect(result.suggested).toBe("unknown");
    expect(result.disagreement).toBeNull();
    expect(
      only(spread({ measure: "categorical", options: SENTIMENT, values: [] }), "categorical").suggested,
    ).toBeNull();
  });

  it("leaves out answers that are not options, and a participant's second answer", () => {
    const result = only(
      questionSpread({
        questionId: "q",
        measure: "categorical",
        options: SENTIMENT,
        answers: [
          { participantId: "a", value: "supportive" },
          { participantId: "b", value: "gone-option" },
          { participantId: "c", value: 3 },
          { participantId: "a", value: "hostile" },
        ],
      }),
      "categorical",
    );
    expect(result.answered).toBe(1);
    expect(result.counts.find((count) => count.value === "hostile")?.count).toBe(0);
  });
});

describe("ordered disagreement (worked examples)", () => {
  it("is 1 for two people at opposite ends and 1/(k−1) for neighbouring levels", () => {
    expect(orderedDisagreement([1, 0, 0, 0, 1])).toBe(1);
    expect(orderedDisagreement([0, 1, 1, 0, 0])).toBeCloseTo(0.25, 10);
  });

  it("is 1 for half at each end, whatever the number of people", () => {
    expect(orderedDisagreement([2, 0, 0, 0, 2])).toBe(1);
    // Five people: 3-2 at the ends is the most possible.
    expect(orderedDisagreement([3, 0, 0, 0, 2])).toBe(1);
  });

  it("gives 0.25 for 3 Consult and 2 Involve on the five IAP2 levels", () => {
    // 6 pairs, each one step of four apart; the most possible is 6 pairs a whole scale apart.
    const result = only(
      spread({ measure: "ordered", options: IAP2, values: ["consult", "involve", "consult", "involve", "consult"] }),
      "ordered",
    );
    expect(result.disagreement).toBeCloseTo(0.25, 10);
    expect(result.suggested).toBe("consult");
    expect(disagreementBand(result.disagreement ?? 0)).toBe("some");
  });

  it("takes the lower median on an even split", () => {
    const result = only(
      spread({ measure: "ordered", options: IAP2, values: ["involve", "consult", "involve", "consult"] }),
      "ordered",
    );
    expect(result.suggested).toBe("consult");
    const upper = only(
      spread({ measure: "ordered", options: IAP2, values: ["inform", "empower", "empower"] }),
      "ordered",
    );
    expect(upper.suggested).toBe("empower");
  });

  it("puts an off-scale answer as far from the others as the two ends", () => {
    // 2 "For good", 1 "1 to 2 years", 1 "Not decided yet": 2 pairs one step apart (of 3 steps),
    // 3 pairs with the undecided person (a whole scale each): 11/3 scale-lengths. The most
    // possible over three poles for four people is 5 pairs (2-1-1). 11 / 15.
    const result = only(
      spread({ measure: "ordered", options: DURATION, values: ["ongoing", "1-2-years", "ongoing", "not-decided"] }),
      "ordered",
    );
    expect(result.disagreement).toBeCloseTo(11 / 15, 10);
    expect(result.suggested).toBe("ongoing");
  });

  it("suggests an off-scale answer only when more gave it than gave any answer on the scale", () => {
    const undecided = only(
      spread({ measure: "ordered", options: DURATION, values: ["not-decided", "ongoing", "not-decided"] }),
      "ordered",
    );
    expect(undecided.suggested).toBe("not-decided");
    const split = only(
      spread({ measure: "ordered", options: DURATION, values: ["not-decided", "ongoing", "not-decided", "1-2-years"] }),
      "ordered",
    );
    expect(split.suggested).toBe("1-2-years");
  });
});

describe("number disagreement (worked examples)", () => {
  it("averages the relative difference of every pair", () => {
    // 4 v 10: 6/14; 4 v 40: 36/44; 10 v 40: 30/50.
    expect(numberDisagreement([4, 10, 40])).toBeCloseTo((6 / 14 + 36 / 44 + 30 / 50) / 3, 12);
    expect(numberDisagreement([10, 20])).toBeCloseTo(1 / 3, 12);
    expect(numberDisagreement([0, 10])).toBe(1);
    expect(numberDisagreement([0, 0, 0])).toBe(0);
    expect(numberDisagreement([7])).toBeNull();
  });

  it("reports the median, quartiles, range and suggestion", () => {
    const result = only(spread({ measure: "number", values: [40, 4, 10] }), "number");
    expect(result.values.map((entry) => entry.value)).toEqual([4, 10, 40]);
    expect(result.values.map((entry) => entry.participantId)).toEqual(["p2", "p3", "p1"]);
    expect(result).toMatchObject({ median: 10, min: 4, max: 40, q1: 7, q3: 25, suggested: 10, outliers: [] });
    expect(describeSpread(result, { suffix: "hours" })).toBe(
      "Answers ranged from 4 to 40 hours; the middle answer was 10",
    );
  });

  it("flags answers beyond Tukey's fences only with at least four numbers", () => {
    // Sorted 9, 10, 11, 12, 100: Q1 10, Q3 12, fences 7 and 15.
    const five = only(spread({ measure: "number", values: [10, 12, 100, 11, 9] }), "number");
    expect(five.outliers).toEqual(["p3"]);
    const three = only(spread({ measure: "number", values: [1, 2, 100] }), "number");
    expect(three.outliers).toEqual([]);
  });

  it("leaves 'I don't know' out of the measure and the median but counts it as answered", () => {
    const result = only(spread({ measure: "number", values: [10, "unknown", 30, "unknown"] }), "number");
    expect(result.answered).toBe(4);
    expect(result.dontKnow).toBe(2);
    expect(result.dontKnowParticipantIds).toEqual(["p2", "p4"]);
    expect(result.disagreement).toBeCloseTo(0.5, 12);
    expect(result.median).toBe(20);
    expect(describeSpread(result, { suffix: "people" })).toBe(
      "Answers ranged from 10 to 30 people; the middle two answers were 10 and 30; 2 did not know",
    );
    const lone = only(spread({ measure: "number", values: [10, "unknown"] }), "number");
    expect(lone.disagreement).toBeNull();
    expect(only(spread({ measure: "number", values: ["unknown"] }), "number").suggested).toBe("unknown");
  });

  it("rounds the suggestion for whole-number questions and ignores unreadable numbers", () => {
    const result = only(
      spread({ measure: "number", wholeNumbers: true, values: [2, 3, -1, "7", Number.NaN] }),
      "number",
    );
    expect(result.answered).toBe(2);
    expect(result.median).toBe(2.5);
    expect(result.suggested).toBe(3);
  });
});

describe("set disagreement (worked examples)", () => {
  it("is the mean Jaccard distance over pairs", () => {
    expect(jaccardDistance(new Set(["a", "b"]), new Set(["a"]))).toBe(0.5);
    expect(jaccardDistance(new Set(), new Set())).toBe(0);
    // {fb, ig} v {fb}: 0.5; each v {li}: 1. (0.5 + 1 + 1) / 3.
    const result = only(
      spread({ measure: "set", options: CHANNELS, values: [["facebook", "instagram"], ["facebook"], ["linkedin"]] }),
      "set",
    );
    expect(result.disagreement).toBeCloseTo(2.5 / 3, 12);
    expect(result.suggested).toEqual(["facebook"]);
    expect(result.counts.map((count) => count.count)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(describeSpread(result)).toBe("2 of 3 chose Facebook, 1 chose Instagram, 1 chose LinkedIn");
  });

  it("never suggests an exclusive option together with others", () => {
    const tie = only(
      spread({ measure: "set", options: CHANNELS, values: [["none"], ["facebook"], ["none"], ["facebook"]] }),
      "set",
    );
    expect(tie.suggested).toEqual(["facebook"]);
    const none = only(
      spread({ measure: "set", options: CHANNELS, values: [["none"], ["facebook", "instagram"], ["none"]] }),
      "set",
    );
    expect(none.suggested).toEqual(["none"]);
  });

  it("leaves 'I don't know' out of the measure", () => {
    const result = only(
      spread({ measure: "set", options: CHANNELS, values: [["facebook"], ["unknown"], ["facebook"]] }),
      "set",
    );
    expect(result).toMatchObject({ answered: 3, dontKnow: 1, disagreement: 0, suggested: ["facebook"] });
    const all = only(spread({ measure: "set", options: CHANNELS, values: [["unknown"], ["unknown"]] }), "set");
    expect(all.suggested).toEqual(["unknown"]);
    expect(all.disagreement).toBeNull();
  });
});

describe("text", () => {
  it("lists the answers and measures nothing", () => {
    const result = only(spread({ measure: "text", values: ["  Faster replies ", "", "More staff", 4] }), "text");
    expect(result.answers).toEqual([
      { participantId: "p1", text: "Faster replies" },
      { participantId: "p3", text: "More staff" },
    ]);
    expect(result.answered).toBe(2);
    expect(result.disagreement).toBeNull();
    expect(describeSpread(result)).toBe("2 people answered");
  });
});

describe("describeSpread", () => {
  it("says who said what, most common first", () => {
    const result = spread({
      measure: "ordered",
      options: IAP2,
      values: ["consult", "inform", "consult", "involve", "consult"],
    });
    expect(describeSpread(result)).toBe("3 said Consult, 1 said Inform, 1 said Involve");
    expect(describeSpread(spread({ measure: "ordered", options: IAP2, values: ["consult", "consult"] }))).toBe(
      "All 2 said Consult",
    );
    expect(describeSpread(spread({ measure: "ordered", options: IAP2, values: [] }))).toBe("No answers yet");
  });

  it("writes numbers with separators and a unit", () => {
    expect(describeSpread(spread({ measure: "number", values: [12000, 12000, 12000] }), { suffix: "people" })).toBe(
      "All 3 said 12,000 people",
    );
    expect(describeSpread(spread({ measure: "number", values: [5, "unknown"] }), { suffix: "hours" })).toBe(
      "1 person said 5 hours; 1 did not know",
    );
  });
});

describe("disagreementBand", () => {
  it.each([
    [0, "agree"],
    [0.2499, "agree"],
    [0.25, "some"],
    [0.5999, "some"],
    [0.6, "strong"],
    [1, "strong"],
  ] as const)("puts %s in %s", (value, band) => {
    expect(disagreementBand(value)).toBe(band);
  });
});

describe("rankByDisagreement", () => {
  it("puts the most disagreement first, then more answers, then input order, and drops the unmeasured", () => {
    const inputs: SpreadInput[] = [
      { questionId: "text", measure: "text", answers: answers(["a", "b"]) },
      { questionId: "low", measure: "ordered", options: IAP2, answers: answers(["consult", "involve"]) },
      { questionId: "high-few", measure: "ordered", options: IAP2, answers: answers(["inform", "empower"]) },
      { questionId: "one", measure: "number", answers: answers([3]) },
      {
        questionId: "high-many",
        measure: "ordered",
        options: IAP2,
        answers: answers(["inform", "empower", "inform", "empower"]),
      },
      { questionId: "high-few-later", measure: "ordered", options: IAP2, answers: answers(["empower", "inform"]) },
    ];
    const ranked = rankByDisagreement(inputs.map(questionSpread));
    expect(ranked.map((entry) => entry.questionId)).toEqual(["high-many", "high-few", "high-few-later", "low"]);
  });
});

// --- Properties ---------------------------------------------------------------------------------

const participants = (count: number) => Array.from({ length: count }, (_, index) => `p${index}`);

const categoricalCase = fc.integer({ min: 2, max: 8 }).chain((k) =>
  fc.record({
    options: fc.constant(Array.from({ length: k }, (_, index) => ({ value: `o${index}`, label: `Option ${index}` }))),
    picks: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: 0, maxLength: 30 }),
  }),
);

function choiceInput(
  measure: "categorical" | "ordered",
  options: SpreadOption[],
  picks: readonly number[],
): SpreadInput {
  const ids = participants(picks.length);
  return {
    questionId: "q",
    measure,
    options,
    answers: picks.map((pick, index) => ({ participantId: ids[index] ?? "", value: options[pick]?.value })),
  };
}

function permuted<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.item);
}

function inRange(value: number | null): boolean {
  return value === null || (Number.isFinite(value) && value >= 0 && value <= 1);
}

describe("properties", () => {
  it("keeps every disagreement in 0..1 and never NaN", () => {
    fc.assert(
      fc.property(
        categoricalCase,
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant("unknown")), { maxLength: 30 }),
        fc.array(fc.subarray(["a", "b", "c", "d", "e"]), { maxLength: 30 }),
        ({ options, picks }, numbers, sets) => {
          expect(inRange(questionSpread(choiceInput("categorical", options, picks)).disagreement)).toBe(true);
          expect(inRange(questionSpread(choiceInput("ordered", options, picks)).disagreement)).toBe(true);
          const number = questionSpread({ questionId: "n", measure: "number", answers: answers(numbers) });
          expect(inRange(number.disagreement)).toBe(true);
          const setOptions = ["a", "b", "c", "d", "e"].map((value) => ({ value, label: value }));
          const set = questionSpread({ questionId: "s", measure: "set", options: setOptions, answers: answers(sets) });
          expect(inRange(set.disagreement)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("gives 0 when everyone gives the same answer", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.subarray(["a", "b", "c"]),
        (count, pick, number, set) => {
          const picks = Array.from({ length: count }, () => pick);
          expect(questionSpread(choiceInput("categorical", IAP2, picks)).disagreement).toBe(0);
          expect(questionSpread(choiceInput("ordered", IAP2, picks)).disagreement).toBe(0);
          const numbers = Array.from({ length: count }, () => number);
          expect(questionSpread({ questionId: "n", measure: "number", answers: answers(numbers) }).disagreement).toBe(
            0,
          );
          const options = ["a", "b", "c"].map((value) => ({ value, label: value }));
          const sets = Array.from({ length: count }, () => set);
          expect(
            questionSpread({ questionId: "s", measure: "set", options, answers: answers(sets) }).disagreement,
          ).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the order of the answers", () => {
    fc.assert(
      fc.property(
        categoricalCase,
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 30 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 30, maxLength: 30 }),
        ({ options, picks }, numbers, keys) => {
          for (const measure of ["categorical", "ordered"] as const) {
            const input = choiceInput(measure, options, picks);
            const shuffled = { ...input, answers: permuted(input.answers, keys) };
            const a = questionSpread(input);
            const b = questionSpread(shuffled);
            expect(b.disagreement).toBe(a.disagreement);
            expect(b.suggested).toEqual(a.suggested);
          }
          const numberInput: SpreadInput = { questionId: "n", measure: "number", answers: answers(numbers) };
          const a = only(questionSpread(numberInput), "number");
          const b = only(questionSpread({ ...numberInput, answers: permuted(numberInput.answers, keys) }), "number");
          if (a.disagreement === null) expect(b.disagreement).toBeNull();
          else expect(b.disagreement).toBeCloseTo(a.disagreement, 9);
          expect(b.median).toBe(a.median);
          expect(b.values.map((entry) => entry.value)).toEqual(a.values.map((entry) => entry.value));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("never raises categorical disagreement when someone joins the most common answer", () => {
    fc.assert(
      fc.property(categoricalCase, ({ options, picks }) => {
        const before = only(questionSpread(choiceInput("categorical", options, picks)), "categorical");
        if (before.suggested === null || before.disagreement === null) return;
        const mode = options.findIndex((option) => option.value === before.suggested);
        const after = questionSpread(choiceInput("categorical", options, [...picks, mode]));
        expect(after.disagreement ?? 0).toBeLessThanOrEqual(before.disagreement + 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it("rates answers at both ends of a scale above the same split between neighbouring levels", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 15 }),
        fc.nat(),
        (k, low, high, start) => {
          const adjacentAt = start % (k - 1);
          const scale = (first: number, second: number) =>
            Array.from({ length: k }, (_, index) => (index === first ? low : index === second ? high : 0));
          const ends = orderedDisagreement(scale(0, k - 1)) ?? 0;
          const neighbours = orderedDisagreement(scale(adjacentAt, adjacentAt + 1)) ?? 0;
          expect(ends).toBeGreaterThan(neighbours);
          expect(neighbours).toBeCloseTo(ends / (k - 1), 12);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("gives the same number disagreement whatever the unit", () => {
    fc.assert(
      fc.property(
        // Amounts as people type them: up to two decimals (no subnormal doubles, which underflow).
        fc.array(
          fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
          { minLength: 2, maxLength: 30 },
        ),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (values, factor) => {
          const a = numberDisagreement(values) ?? 0;
          const b = numberDisagreement(values.map((value) => value * factor)) ?? 0;
          expect(b).toBeCloseTo(a, 6);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("keeps the quartiles in order and within the answers", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const q1 = quantile(sorted, 0.25);
        const median = quantile(sorted, 0.5);
        const q3 = quantile(sorted, 0.75);
        expect(sorted[0] ?? 0).toBeLessThanOrEqual(q1);
        expect(q1).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(q3);
        expect(q3).toBeLessThanOrEqual(sorted[sorted.length - 1] ?? 0);
      }),
      { numRuns: RUNS },
    );
  });

  it("ranks in non-increasing order, keeping exactly the measured spreads", () => {
    fc.assert(
      fc.property(fc.array(categoricalCase, { maxLength: 12 }), (cases) => {
        const spreads = cases.map(({ options, picks }, index) => ({
          ...questionSpread(choiceInput(index % 2 === 0 ? "categorical" : "ordered", options, picks)),
          questionId: `q${index}`,
        }));
        const ranked = rankByDisagreement(spreads);
        expect(ranked.length).toBe(spreads.filter((entry) => entry.disagreement !== null).length);
        for (let index = 1; index < ranked.length; index += 1) {
          expect(ranked[index]?.disagreement ?? 0).toBeLessThanOrEqual(ranked[index - 1]?.disagreement ?? 0);
        }
        expect(rankByDisagreement(spreads)).toEqual(ranked);
      }),
      { numRuns: RUNS },
    );
  });
});
