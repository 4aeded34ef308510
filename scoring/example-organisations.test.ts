import { describe, expect, it } from "vitest";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { withAnswers } from "../test/fixtures/answer-builders";
import { EXAMPLE_ORGANISATIONS, LARGEST_EXAMPLE } from "../test/fixtures/example-organisations";
import { containsPhrase, generatedText } from "../test/support/report-text";
import { BAND_IDS } from "./report-model";
import { scoreAssessment } from "./score-assessment";

/**
 * The panel: each example organisation's report is held to the reading a consultant wrote from
 * its answers alone (test/fixtures/example-organisations.ts).
 */
describe.each(EXAMPLE_ORGANISATIONS)("$name", (example) => {
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: example.questionnaireVersion,
    assessedOn: example.assessedOn,
  });
  const expected = example.expected;

  it("gives the verdict band a consultant would give", () => {
    expect(report.verdict.band).toBe(expected.band);
  });

  it("writes the verdict as one sentence naming the organisation, with the reasons a consultant would give", () => {
    const sentence = report.verdict.sentence;
    expect(sentence.startsWith(example.name)).toBe(true);
    expect(sentence.endsWith(".")).toBe(true);
    for (const words of expected.verdictMentions) expect(sentence).toContain(words);
  });

  it("puts the risks a consultant would expect among the top five", () => {
    const topFive = report.risks.slice(0, 5).map((risk) => risk.id);
    for (const id of expected.topRisks) expect(topFive, id).toContain(id);
  });

  it("raises none of the risks the answers rule out", () => {
    const raised = report.risks.map((risk) => risk.id);
    for (const id of expected.absentRisks) expect(raised, id).not.toContain(id);
  });

  it("starts on the consultant's first steps in the first 30 days", () => {
    const phaseOne = report.strategy.roadmap[0]?.actions.map((action) => action.recommendationId) ?? [];
    for (const id of expected.firstSteps) expect(phaseOne, id).toContain(`rec-${id}`);
  });

  it("sets the sustainable level a consultant would expect for every group", () => {
    const levels = Object.fromEntries(report.engagementGaps.map((gap) => [gap.groupId, gap.sustainable]));
    expect(levels).toEqual(expected.sustainableLevels);
  });

  it("never uses words that do not fit the organisation", () => {
    const found = generatedText(report, example.answers).flatMap(({ path, text }) =>
      expected.mustNotMention.filter((phrase) => containsPhrase(text, phrase)).map((phrase) => `${phrase} in ${path}`),
    );
    expect(found).toEqual([]);
  });

  it("records the reasoning behind the expectations", () => {
    expect(expected.reasoning.length).toBeGreaterThan(200);
    expect(example.answers.organisation.orgName).toBe(example.name);
  });
});

describe("the examples as a set", () => {
  it("cover every kind of organisation", () => {
    const types = new Set(EXAMPLE_ORGANISATIONS.map((example) => example.answers.organisation.orgType));
    expect(types).toEqual(
      new Set(["council", "state-agency", "national-agency", "statutory-body", "non-profit", "other"]),
    );
  });

  it("cover every band from not ready to collaborate, so they really contrast", () => {
    const bands = new Set(EXAMPLE_ORGANISATIONS.map((example) => example.expected.band));
    expect(bands).toEqual(new Set(BAND_IDS));
  });

  it("mark the example with the most groups and projects as the largest", () => {
    const size = (example: (typeof EXAMPLE_ORGANISATIONS)[number]): number =>
      example.answers.stakeholders.groups.length + example.answers.stakeholders.projects.length;
    for (const example of EXAMPLE_ORGANISATIONS) expect(size(LARGEST_EXAMPLE)).toBeGreaterThanOrEqual(size(example));
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
    draft.commitment.objectivesSet = "yes";
    draft.commitment.objectives = [{ id: "objective-0", objective: "Keep people informed" }];
  });
  it.each([
    ...EXAMPLE_ORGANISATIONS.map((example) => [example.name, example.answers] as const),
    ["one of everything", single] as const,
  ])("%s: numbers and nouns agree", (_name, answers) => {
    const text = JSON.stringify(
      scoreAssessment({ answers, questionnaireVersion: "2026-12", assessedOn: "2026-11-21" }),
    );
    expect(text).not.toMatch(/\(s\)/);
    expect(text).not.toMatch(/\b1 of your 1\b/);
    expect(text).not.toMatch(/\b1 (people|groups|objectives|purposes|channels|replies|projects)\b/);
  });
});
