import { describe, expect, it } from "vitest";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { withAnswers } from "../test/fixtures/answer-builders";
import { EXAMPLE_ORGANISATIONS, LARGEST_EXAMPLE } from "../test/fixtures/example-organisations";
import { scoreAssessment } from "./score-assessment";

describe.each(EXAMPLE_ORGANISATIONS)("$name", (example) => {
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: example.questionnaireVersion,
    assessedOn: example.assessedOn,
  });

  it("gives the verdict band a consultant would give", () => {
    expect(report.verdict.band).toBe(example.expected.band);
  });

  it("writes the verdict as one sentence naming the organisation", () => {
    const sentence = report.verdict.sentence;
    expect(sentence.startsWith(example.name)).toBe(true);
    expect(sentence.endsWith(".")).toBe(true);
    // One sentence: no full stop followed by a new sentence.
    expect(sentence.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
    for (const words of example.expected.verdictMentions) expect(sentence).toContain(words);
  });

  it("puts the risks a consultant would expect among the top five", () => {
    const topFive = report.risks.slice(0, 5).map((risk) => risk.id);
    for (const id of example.expected.topRisks) expect(topFive).toContain(id);
  });

  it("sets the sustainable level a consultant would expect for every group", () => {
    const levels = Object.fromEntries(report.engagementGaps.map((gap) => [gap.groupId, gap.sustainable]));
    expect(levels).toEqual(example.expected.sustainableLevels);
  });

  it("records the reasoning behind the expectations", () => {
    expect(example.expected.reasoning.length).toBeGreaterThan(200);
    expect(example.answers.organisation.orgName).toBe(example.name);
  });
});

describe("the examples as a set", () => {
  it("cover every band from not ready to involve, so they really contrast", () => {
    const bands = new Set(EXAMPLE_ORGANISATIONS.map((example) => example.expected.band));
    expect(bands).toEqual(new Set(["not-ready", "inform-and-listen", "inform-and-consult", "involve"]));
  });

  it("mark the example with the most groups and projects as the largest", () => {
    const size = (example: (typeof EXAMPLE_ORGANISATIONS)[number]): number =>
      example.answers.stakeholders.groups.length + example.answers.stakeholders.projects.length;
    for (const example of EXAMPLE_ORGANISATIONS) expect(size(LARGEST_EXAMPLE)).toBeGreaterThanOrEqual(size(example));
  });

  it("give the small rural council its most important first step: house rules before conversation", () => {
    const rural = EXAMPLE_ORGANISATIONS.find((example) => example.key === "rural-council");
    if (!rural) throw new Error("missing rural example");
    const report = scoreAssessment({
      answers: rural.answers,
      questionnaireVersion: "2026-11",
      assessedOn: rural.assessedOn,
    });
    const phaseOne = report.strategy.roadmap[0]?.actions.map((action) => action.recommendationId) ?? [];
    expect(phaseOne).toContain("rec-hostile-without-rules");
    expect(phaseOne).toContain("rec-unanswerable-questions");
  });
});

describe("wording of counts", () => {
  // A report reads as written by a person: "One person", "your one objective", never "1 people",
  // "1 of your 1 objectives" or "channel(s)".
  const single = withAnswers(minimalAnswers(), (draft) => {
    draft.organisation.channels = ["facebook"];
    draft.capacity.teamPeople = 1;
    draft.capacity.teamHoursPerWeek = 4;
    draft.capacity.volumeKnowledge = "not-sure";
    draft.capacity.weeklyVolume = undefined;
    draft.capacity.followers = "1k-10k";
    draft.capacity.postingFrequency = "1-3-a-week";
    draft.capacity.commentsPerPost = "2-10";
  });
  it.each([
    ...EXAMPLE_ORGANISATIONS.map((example) => [example.name, example.answers] as const),
    ["one of everything", single] as const,
  ])("%s: numbers and nouns agree", (_name, answers) => {
    const text = JSON.stringify(
      scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" }),
    );
    expect(text).not.toMatch(/\(s\)/);
    expect(text).not.toMatch(/\b1 of your 1\b/);
    expect(text).not.toMatch(/\b1 (people|groups|objectives|purposes|channels|replies|projects)\b/);
  });
});
