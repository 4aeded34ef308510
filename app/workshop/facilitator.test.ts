import { describe, expect, it } from "vitest";
import type { WorkshopParticipant } from "../../db/repositories/workshops";
import type { SpreadInput } from "../../scoring/workshop-spread";
import { buildFacilitatorView, projectorStep, progressOf, withOneSection, type QuestionMeta } from "./facilitator";
import { describeChanges, finishedSentence } from "./facilitator-text";

function person(id: string, name: string, over: Partial<WorkshopParticipant> = {}): WorkshopParticipant {
  return {
    respondentId: id,
    name,
    roleLabel: null,
    joinedVia: "invitation",
    joinedAt: "2026-12-01T09:00:00Z",
    lastSeenAt: "2026-12-01T09:00:00Z",
    submittedAt: null,
    answerCount: 0,
    lastAnsweredAt: null,
    removedAt: null,
    ...over,
  };
}

const PEOPLE = [
  person("p1", "Aroha", { answerCount: 4, submittedAt: "2026-12-01T10:00:00Z" }),
  person("p2", "Ben", { answerCount: 2 }),
  person("p3", "Cara", { answerCount: 3 }),
  person("p4", "Dev"),
  person("p5", "Eli", { removedAt: "2026-12-01T09:30:00Z", answerCount: 5 }),
];

const LEVELS = [
  { value: "inform", label: "Inform" },
  { value: "consult", label: "Consult" },
  { value: "involve", label: "Involve" },
  { value: "unknown", label: "I don't know", dontKnow: true as const },
];

const META: QuestionMeta[] = [
  { questionId: "level", sectionId: "engagement-model", sectionTitle: "How you engage", label: "Level" },
  { questionId: "hours", sectionId: "capacity", sectionTitle: "Capacity", label: "Hours", suffix: "hours" },
  { questionId: "tone", sectionId: "engagement-model", sectionTitle: "How you engage", label: "Tone" },
  { questionId: "notes", sectionId: "capacity", sectionTitle: "Capacity", label: "Notes" },
];

function inputs(): SpreadInput[] {
  return [
    {
      questionId: "level",
      measure: "ordered",
      options: LEVELS,
      answers: [
        { participantId: "p1", value: "inform" },
        { participantId: "p2", value: "involve" },
        { participantId: "p3", value: "unknown" },
      ],
    },
    {
      questionId: "hours",
      measure: "number",
      answers: [
        { participantId: "p1", value: 4 },
        { participantId: "p2", value: 40 },
      ],
    },
    {
      questionId: "tone",
      measure: "categorical",
      options: LEVELS.slice(0, 3),
      answers: [
        { participantId: "p1", value: "inform" },
        { participantId: "p2", value: "inform" },
        { participantId: "p3", value: "consult" },
      ],
    },
    {
      questionId: "notes",
      measure: "text",
      answers: [
        { participantId: "p3", value: "Zebra crossings" },
        { participantId: "p1", value: "Agendas first" },
        { participantId: "p2", value: "Minutes" },
      ],
    },
  ];
}

describe("progress", () => {
  it("sorts people into not started, answering and finished, and keeps removed ones apart", () => {
    const progress = progressOf(PEOPLE);
    expect(progress.current.map((p) => [p.name, p.status])).toEqual([
      ["Aroha", "finished"],
      ["Ben", "answering"],
      ["Cara", "answering"],
      ["Dev", "not-started"],
    ]);
    expect(progress.removed).toEqual([{ id: "p5", name: "Eli" }]);
    expect(progress.counts).toEqual({ total: 4, finished: 1, answering: 2, "not-started": 1 });
    expect(finishedSentence(progress.counts)).toBe("1 of 4 have finished");
  });

  it("says what changed since the last update", () => {
    const before = progressOf(PEOPLE);
    const after = progressOf([
      person("p1", "Aroha", { answerCount: 4, submittedAt: "x" }),
      person("p2", "Ben", { answerCount: 4, submittedAt: "y" }),
      person("p3", "Cara", { answerCount: 5 }),
      person("p4", "Dev", { answerCount: 1 }),
      person("p5", "Eli", { removedAt: "z" }),
      person("p6", "Fay"),
    ]);
    expect(describeChanges(before, after)).toBe("Updated: Ben finished, Dev started, Fay joined, 2 new answers");
    expect(describeChanges(after, after)).toBe("Updated");
  });
});

describe("names shown", () => {
  const view = buildFacilitatorView({ namesShown: true, participants: PEOPLE, questions: META, inputs: inputs() });
  const all = view.sections.flatMap((s) => s.questions);
  const byId = (id: string) => all.find((q) => q.questionId === id);

  it("ranks measured questions by disagreement, most first, and leaves text out", () => {
    // Inform against Involve: the two ends of the scale (1); 4 hours against 40 (0.82); 2 to 1 (0.67).
    expect(view.ranked.map((q) => q.questionId)).toEqual(["level", "hours", "tone"]);
    expect(view.ranked.map((q) => q.rank)).toEqual([1, 2, 3]);
    expect(view.ranked[0]?.band?.short).toBe("Strong");
    expect(byId("notes")?.rank).toBeNull();
  });

  it("groups the questions by section in questionnaire order", () => {
    expect(view.sections.map((s) => [s.title, s.questions.map((q) => q.questionId)])).toEqual([
      ["How you engage", ["level", "tone"]],
      ["Capacity", ["hours", "notes"]],
    ]);
  });

  it("names who gave each answer, and counts I don't know as a bar of its own", () => {
    const level = byId("level")?.display;
    expect(level?.kind).toBe("bars");
    if (level?.kind !== "bars") return;
    const names = (who: number[]) => who.map((place) => view.people[place]);
    expect(level.bars.map((b) => [b.label, b.count, names(b.who), b.dontKnow])).toEqual([
      ["Inform", 1, ["Aroha"], false],
      ["Consult", 0, [], false],
      ["Involve", 1, ["Ben"], false],
      ["I don't know", 1, ["Cara"], true],
    ]);
    expect(level.bars[0]?.percent).toBe(33);
    const hours = byId("hours")?.display;
    expect(hours).toMatchObject({ kind: "numbers", median: 22, min: 4, max: 40 });
    if (hours?.kind === "numbers") {
      expect(hours.points.map((p) => (p.who === null ? null : view.people[p.who]))).toEqual(["Aroha", "Ben"]);
    }
  });

  it("shows a question with fewer than 3 answers", () => {
    expect(byId("hours")?.display.kind).toBe("numbers");
  });
});

describe("names hidden", () => {
  const view = buildFacilitatorView({ namesShown: false, participants: PEOPLE, questions: META, inputs: inputs() });
  const all = view.sections.flatMap((s) => s.questions);
  const byId = (id: string) => all.find((q) => q.questionId === id);

  it("shows no distribution, band or rank for a question fewer than 3 have answered", () => {
    expect(byId("hours")).toMatchObject({
      display: { kind: "hidden", answered: 2, needed: 3 },
      band: null,
      rank: null,
    });
    expect(view.ranked.map((q) => q.questionId)).toEqual(["level", "tone"]);
    expect(view.waitingCount).toBe(1);
  });

  it("names nobody beside an answer", () => {
    expect(view.people).toEqual([]);
    expect(JSON.stringify(view.sections)).not.toMatch(/Aroha|Ben|Cara|p1|p2|p3/);
    expect(JSON.stringify(view.ranked)).not.toMatch(/Aroha|Ben|Cara|p1|p2|p3/);
  });

  it("lists written answers in an order that does not follow who joined", () => {
    const notes = byId("notes")?.display;
    expect(notes).toEqual({
      kind: "texts",
      answers: [
        { text: "Agendas first", who: null },
        { text: "Minutes", who: null },
        { text: "Zebra crossings", who: null },
      ],
    });
  });

  it("shows the distribution once a third person answers", () => {
    const more = inputs().map((one) =>
      one.questionId === "hours" ? { ...one, answers: [...one.answers, { participantId: "p3", value: 10 }] } : one,
    );
    const again = buildFacilitatorView({ namesShown: false, participants: PEOPLE, questions: META, inputs: more });
    const hours = again.sections.flatMap((s) => s.questions).find((q) => q.questionId === "hours");
    expect(hours?.display.kind).toBe("numbers");
    expect(hours?.rank).not.toBeNull();
  });
});

describe("projector steps", () => {
  const view = buildFacilitatorView({ namesShown: true, participants: PEOPLE, questions: META, inputs: inputs() });

  it("starts at the most divergent question and moves along the ranking", () => {
    expect(projectorStep(view, null)).toMatchObject({ position: 1, of: 3, previousId: null, nextId: "hours" });
    expect(projectorStep(view, "hours")).toMatchObject({ position: 2, previousId: "level", nextId: "tone" });
    expect(projectorStep(view, "tone")).toMatchObject({ position: 3, previousId: "hours", nextId: null });
  });

  it("shows an unranked question, with Next to the most divergent, and nothing for an unknown one", () => {
    expect(projectorStep(view, "notes")).toMatchObject({ position: null, nextId: "level", previousId: null });
    expect(projectorStep(view, "nope").question).toBeNull();
  });
});

describe("one section at a time", () => {
  const view = buildFacilitatorView({ namesShown: true, participants: PEOPLE, questions: META, inputs: inputs() });

  it("keeps the whole ranking but one section's questions, and lists every section", () => {
    const second = view.sections[1];
    if (!second) throw new Error("the fixture has two sections");
    const shown = withOneSection(view, second.sectionId);
    expect(shown.sections).toEqual([second]);
    expect(shown.ranked).toEqual(view.ranked);
    expect(shown.shownSectionId).toBe(second.sectionId);
    expect(shown.top).toEqual([]);
    expect(shown.sectionTabs).toEqual(
      view.sections.map((s) => ({ sectionId: s.sectionId, title: s.title, questionCount: s.questions.length })),
    );
  });

  it("leaves a question everyone agrees on out of the overview's questions to discuss, but in the ranking", () => {
    const agreed: SpreadInput = {
      questionId: "agreed",
      measure: "categorical",
      options: LEVELS.slice(0, 3),
      answers: ["p1", "p2", "p3"].map((participantId) => ({ participantId, value: "inform" })),
    };
    const withAgreed = buildFacilitatorView({
      namesShown: true,
      participants: PEOPLE,
      questions: [...META, { ...META[0]!, questionId: "agreed", label: "Agreed" }],
      inputs: [...inputs(), agreed],
    });
    expect(withAgreed.ranked.map((q) => q.questionId)).toContain("agreed");
    const overview = withOneSection(withAgreed, null);
    expect(overview.top.map((q) => q.questionId)).not.toContain("agreed");
    expect(overview.top.length).toBeGreaterThan(0);
  });

  it("shows the overview, the most divergent questions in full, for a missing or unknown section", () => {
    for (const asked of [null, "no-such-section"]) {
      const overview = withOneSection(view, asked);
      expect(overview.shownSectionId).toBeNull();
      expect(overview.sections).toEqual([]);
      const divergent = view.ranked.filter((q) => q.band?.band === "some" || q.band?.band === "strong");
      expect(overview.top.map((q) => q.questionId)).toEqual(divergent.slice(0, 10).map((q) => q.questionId));
      expect(overview.top.length).toBeGreaterThan(0);
      expect(overview.top.every((q) => q.band?.band !== "agree")).toBe(true);
    }
  });
});
