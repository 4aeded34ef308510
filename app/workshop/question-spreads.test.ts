import { describe, expect, it } from "vitest";
import { describeSpread, questionSpread } from "../../scoring/workshop-spread";
import { withRevealed, type Question } from "../questionnaire/question-types";
import { SECTIONS } from "../questionnaire/questionnaire";
import type { PageContext } from "../questionnaire/section-types";
import { objectives } from "../questionnaire/sections/commitment";
import { orgType, population } from "../questionnaire/sections/organisation";
import { teamPeople } from "../questionnaire/sections/capacity";
import { labelForAnswer, measureFor, spreadInputsFor, type WorkshopSpreadInput } from "./question-spreads";

function byKey(inputs: readonly WorkshopSpreadInput[], key: string): WorkshopSpreadInput {
  const found = inputs.find((input) => input.questionId === key);
  if (!found) throw new Error(`No input for ${key}`);
  return found;
}

function valuesOf(input: WorkshopSpreadInput): [string, unknown][] {
  return input.answers.map((answer) => [answer.participantId, answer.value]);
}

describe("spreadInputsFor: organisation", () => {
  const inputs = spreadInputsFor(
    ["organisation"],
    [
      {
        participantId: "ana",
        // A stale follow-up from an earlier answer: Ana now says "Local council".
        answers: { orgType: "council", orgTypeOther: "Water board", population: 45000, channels: ["facebook", "x"] },
      },
      { participantId: "ben", answers: { orgType: "council", population: 52000, channels: ["facebook"] } },
      {
        participantId: "cy",
        answers: { orgType: "other", orgTypeOther: "Water board", population: 40000, channels: ["unknown"] },
      },
    ],
  );

  it("lists every question of the section, follow-ups after their question", () => {
    expect(inputs.map((input) => input.questionId)).toEqual([
      "orgName",
      "orgType",
      "orgTypeOther",
      "population",
      "staffCount",
      "channels",
      "channelsOther",
      "emergencyServices",
      "emergencyServicesOther",
      "contentiousTopics",
      "contentiousTopicsOther",
    ]);
    expect(inputs.map((input) => input.measure)).toEqual([
      "text",
      "categorical",
      "text",
      "number",
      "number",
      "set",
      "text",
      "set",
      "text",
      "set",
      "text",
    ]);
    expect(byKey(inputs, "orgType")).toMatchObject({ sectionId: "organisation", pageId: "type", question: orgType });
  });

  it("counts a follow-up only from those who chose the option that reveals it", () => {
    expect(valuesOf(byKey(inputs, "orgTypeOther"))).toEqual([["cy", "Water board"]]);
    expect(valuesOf(byKey(inputs, "orgName"))).toEqual([]);
  });

  it("marks 'I don't know' and exclusive options, and whole-number questions", () => {
    const channels = byKey(inputs, "channels");
    expect(channels.options?.find((option) => option.value === "unknown")).toEqual({
      value: "unknown",
      label: "I don't know",
      dontKnow: true,
      exclusive: true,
    });
    expect(channels.options?.find((option) => option.value === "none")?.exclusive).toBe(true);
    expect(channels.options?.find((option) => option.value === "facebook")).toEqual({
      value: "facebook",
      label: "Facebook",
    });
    expect(byKey(inputs, "population")).toMatchObject({ wholeNumbers: true, question: population });
  });

  it("feeds the measure: channels chosen by at least half are the suggestion, 'I don't know' left out", () => {
    const spread = questionSpread(byKey(inputs, "channels"));
    // Two gave channels: Facebook by both, X by one of the two (half).
    expect(spread).toMatchObject({ measure: "set", answered: 3, dontKnow: 1, suggested: ["facebook", "x"] });
    // {facebook, x} against {facebook}: Jaccard distance 0.5.
    expect(spread.disagreement).toBeCloseTo(0.5, 12);
    expect(describeSpread(questionSpread(byKey(inputs, "orgType")))).toBe(
      "2 said Local council, 1 said Something else",
    );
  });
});

describe("spreadInputsFor: questions that depend on earlier answers", () => {
  const inputs = spreadInputsFor(
    ["stakeholders", "engagement-model"],
    [
      {
        participantId: "ana",
        answers: {
          purposes: ["share", "consult"],
          suggestedGroups: ["staff", "residents"],
          "current@residents": "inform",
          "desired@residents": "consult",
          "current@staff": "consult",
          projects: [
            {
              id: "project-a1",
              name: "Bypass",
              timing: "next-3-months",
              contentiousness: "high",
              groupIds: ["residents"],
            },
          ],
        },
      },
      {
        participantId: "ben",
        answers: {
          purposes: ["listen"],
          suggestedGroups: ["residents", "media"],
          customGroups: [{ id: "custom-b1", name: "Surf club" }],
          "current@residents": "empower",
          "current@media": "inform",
          projects: [],
        },
      },
    ],
  );
  const keys = inputs.map((input) => input.questionId);

  it("asks about every group anyone chose, in the questionnaire's order", () => {
    const levels = keys.filter((key) => key.startsWith("current@") || key.startsWith("desired@"));
    expect(levels).toEqual([
      "current@residents",
      "desired@residents",
      "current@media",
      "desired@media",
      "current@staff",
      "desired@staff",
      "current@custom-b1",
      "desired@custom-b1",
    ]);
    expect(byKey(inputs, "current@media").cardTitle).toBe("News media");
    expect(byKey(inputs, "current@custom-b1").cardTitle).toBe("Surf club");
  });

  it("takes answers about a group only from those who chose it", () => {
    expect(valuesOf(byKey(inputs, "current@residents"))).toEqual([
      ["ana", "inform"],
      ["ben", "empower"],
    ]);
    expect(valuesOf(byKey(inputs, "current@staff"))).toEqual([["ana", "consult"]]);
    const spread = questionSpread(byKey(inputs, "current@residents"));
    // "We do not engage them online yet" is the first of six points: Inform to Empower is 4 of 5 steps.
    expect(spread).toMatchObject({ measure: "ordered", disagreement: 0.8 });
  });

  it("puts each purpose's reason in the purposes' order, whoever chose it", () => {
    expect(keys.filter((key) => key.startsWith("purposeReason@"))).toEqual([
      "purposeReason@share",
      "purposeReason@listen",
      "purposeReason@consult",
    ]);
    expect(keys.indexOf("purposeReason@consult")).toBeLessThan(keys.indexOf("suggestedGroups"));
  });

  it("summarises each participant's list in one line, with their own group names", () => {
    const projects = byKey(inputs, "projects");
    expect(projects.measure).toBe("text");
    expect(valuesOf(projects)).toEqual([
      ["ana", "Bypass: in the next 3 months; people feel very strongly about it; affects Residents"],
      ["ben", "None"],
    ]);
  });
});

describe("spreadInputsFor: pages switched on for some", () => {
  const inputs = spreadInputsFor(
    ["capacity"],
    [
      { participantId: "ana", answers: { teamPeople: 3, approvalNeed: "none", approvalTime: "same-day" } },
      {
        participantId: "ben",
        answers: { teamPeople: "unknown", approvalNeed: "most-replies", approvalTime: "1-2-days" },
      },
      { participantId: "cy", answers: { teamPeople: 5, approvalNeed: "sensitive-only", approvalTime: "same-day" } },
    ],
  );
  const keys = inputs.map((input) => input.questionId);

  it("places a question only some were asked where the questionnaire asks it", () => {
    expect(keys.indexOf("approvalTime")).toBe(keys.indexOf("approvalNeed") + 1);
    expect(keys.indexOf("keyMessages")).toBe(keys.indexOf("approvalTime") + 1);
  });

  it("ignores an answer left over from a page the participant is no longer asked", () => {
    expect(valuesOf(byKey(inputs, "approvalTime"))).toEqual([
      ["ben", "1-2-days"],
      ["cy", "same-day"],
    ]);
  });

  it("passes numbers and 'I don't know' through to the measure", () => {
    const people = byKey(inputs, "teamPeople");
    expect(people).toMatchObject({ measure: "number", wholeNumbers: true, question: teamPeople });
    expect(questionSpread(people)).toMatchObject({ dontKnow: 1, median: 4, suggested: 4 });
    expect(byKey(inputs, "teamHoursPerWeek").wholeNumbers).toBe(false);
  });

  it("marks answers off an ordered scale", () => {
    const target = byKey(inputs, "targetResponse");
    expect(target.measure).toBe("ordered");
    expect(target.options?.find((option) => option.value === "no-target")?.offScale).toBe(true);
    const actual = byKey(inputs, "actualResponse");
    expect(actual.options?.find((option) => option.value === "unknown")).toMatchObject({ dontKnow: true });
    expect(actual.options?.find((option) => option.value === "unknown")?.offScale).toBeUndefined();
  });

  it("leaves out sections not asked for and gives nothing for nobody", () => {
    expect(keys).not.toContain("orgType");
    expect(spreadInputsFor([], [{ participantId: "ana", answers: { orgType: "council" } }])).toEqual([]);
    expect(spreadInputsFor(["organisation"], []).every((input) => input.answers.length === 0)).toBe(true);
  });
});

describe("which radios questions are ordered scales", () => {
  const everything: PageContext = {
    groups: [{ id: "residents", name: "Residents", phrase: "residents" }],
    switches: {
      purposes: ["share"],
      coverHours: "extended-hours",
      volumeKnowledge: "not-sure",
      peaks: ["seasonal"],
      approvalNeed: "sensitive-only",
    },
  };
  const questions: Question[] = SECTIONS.flatMap((section) =>
    section.pages(everything).flatMap((page) => withRevealed(page.questions)),
  ).flatMap((question): Question[] => (question.kind === "repeating" ? [question, ...question.fields] : [question]));
  const radios = questions.flatMap((question) => (question.kind === "radios" ? [question] : []));
  const ordered = radios.filter((question) => question.ordered).map((question) => question.id);

  it("treats levels, frequencies, sizes and degrees as scales, and kinds of thing as categories", () => {
    expect(ordered.sort()).toEqual(
      [
        "current",
        "desired",
        "contentCalendar",
        "evergreenReserve",
        "consistentTone",
        "monitoringReach",
        "actingOnInsight",
        "replyPractice",
        "adoptionStage",
        "influence",
        "interest",
        "sentiment",
        "timing",
        "contentiousness",
        "coverHours",
        "coverDays",
        "outOfHoursProtocol",
        "followers",
        "postingFrequency",
        "commentsPerPost",
        "questionShare",
        "peakSize",
        "targetResponse",
        "actualResponse",
        "approvalNeed",
        "approvalTime",
        "keyMessages",
        "expertAccess",
        "houseRules",
        "moderationModel",
        "escalationPath",
        "offlineGuidance",
        "abuseFrequency",
        "training",
        "recordsCapture",
        "twoFactor",
        "budget",
        "reviewCadence",
        "duration",
      ].sort(),
    );
    const categorical = radios.filter((question) => !question.ordered).map((question) => question.id);
    expect(categorical.sort()).toEqual(
      ["orgType", "accountAccess", "volumeKnowledge", "objectivesSet", "sponsor", "currency"].sort(),
    );
  });

  it("gives every scale at least three points", () => {
    for (const question of radios.filter((candidate) => candidate.ordered)) {
      const points = question.options.filter((option) => !option.offScale && option.value !== "unknown");
      expect(points.length, question.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("maps each kind of question to its measure", () => {
    expect(measureFor(orgType)).toBe("categorical");
    expect(measureFor(objectives)).toBe("text");
    expect(questions.every((question) => measureFor(question).length > 0)).toBe(true);
  });
});

describe("labelForAnswer", () => {
  it("reads stored answers as people read them", () => {
    expect(labelForAnswer(orgType, "other")).toBe("Something else");
    expect(labelForAnswer(orgType, "gone")).toBeUndefined();
    expect(labelForAnswer(population, 45000)).toBe("45,000");
    expect(labelForAnswer(teamPeople, "unknown")).toBe("I don't know");
    expect(labelForAnswer(teamPeople, 4)).toBe("4 people");
    expect(labelForAnswer(objectives, [])).toBe("None");
    expect(
      labelForAnswer(objectives, [
        { id: "objective-1", objective: "More views on the plan", measure: "1,000 responses" },
        { id: "objective-2", objective: "Fewer calls" },
      ]),
    ).toBe("More views on the plan (measured by: 1,000 responses); Fewer calls (no measure set yet)");
  });

  it("leaves out list items it cannot read rather than failing", () => {
    expect(
      labelForAnswer(objectives, [{ id: "objective-1", objective: "Fewer calls" }, { id: "objective-2" }, "junk"]),
    ).toBe("Fewer calls (no measure set yet)");
    expect(labelForAnswer(objectives, "junk")).toBeUndefined();
  });
});
