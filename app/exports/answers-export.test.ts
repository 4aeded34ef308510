import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { storedAnswersFrom } from "../questionnaire/stored-answers";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { reviewSection } from "../questionnaire/section-review";
import { answerKeyOf } from "../questionnaire/section-types";
import { EXAMPLE_ORGANISATIONS, RURAL_COUNCIL } from "../../test/fixtures/example-organisations";
import { FORMULA, HOSTILE, hostileAnswers } from "../../test/support/hostile-input";
import { storedOn202611 } from "../../test/support/questionnaire-2026-11";
import { readStoredAnswers } from "../questionnaire/versions";
import {
  ANSWERS_CSV_HEADER,
  answersCsv,
  answersCsvRows,
  answersData,
  answersJson,
  AnswersDataSchema,
  type AnswersSource,
} from "./answers-export.server";

const META = {
  exportId: "era-0123456789abcdef0123",
  generatedAt: "2026-11-29T10:00:00.000Z",
  questionnaireVersion: "2026-12",
  organisationName: RURAL_COUNCIL.answers.organisation.orgName,
  finishedOn: "2026-11-29",
  completedBy: null,
};

function sourceFor(answers: AnswersSource["answers"], notAsked: string[] = []): AnswersSource {
  return { answers, notAsked, meta: META };
}

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

describe("the answers as CSV", () => {
  const stored = storedAnswersFrom(RURAL_COUNCIL.answers);
  const rows = parseCsv(answersCsv(sourceFor(stored)));
  const [header, ...body] = rows;
  const byKey = new Map(body.map((row) => [row[1], row]));

  it("has a header and one row per question, keyed by the stored answer's key", () => {
    expect(header).toEqual([...ANSWERS_CSV_HEADER]);
    expect(new Set(body.map((row) => row[1])).size).toBe(body.length);
    expect(byKey.get("orgName")).toEqual([
      "Describe your organisation",
      "orgName",
      "",
      "What is your organisation's name?",
      RURAL_COUNCIL.answers.organisation.orgName,
    ]);
  });

  it("gives each stakeholder group's answers a row of their own, naming the group", () => {
    const group = RURAL_COUNCIL.answers.stakeholders.groups.find((candidate) => candidate.kind === "custom");
    if (!group) throw new Error("no custom group");
    const why = byKey.get(`why@${group.id}`);
    expect(why?.[2]).toBe(group.name);
    expect(why?.[3]).toBe("Why do you need to engage them?");
    expect(why?.[4]).toBe(group.why);
    expect(byKey.get(`sentiment@${group.id}`)?.[4]).toBe("Hostile");
  });

  it("gives each item of a list one row per field", () => {
    const project = RURAL_COUNCIL.answers.stakeholders.projects[0];
    if (!project) throw new Error("no project");
    const name = byKey.get(`projects[${project.id}].name`);
    expect(name?.[2]).toBe("Project 1");
    expect(name?.[4]).toBe(project.name);
    expect(byKey.get(`projects[${project.id}].timing`)?.[4]).toMatch(/\w/);
  });

  it("shows every answer as the check-answers page does", () => {
    const ctx = pageContext(stored);
    let compared = 0;
    for (const section of SECTIONS) {
      const pages = new Map(section.pages(ctx).map((page) => [page.id, page]));
      for (const row of reviewSection(section, stored, ctx).flatMap((block) => block.rows)) {
        const page = pages.get(row.pageId);
        const question = page?.questions.find((candidate) => candidate.id === row.questionId);
        if (!page || !question || question.kind === "repeating") continue;
        const csvRow = byKey.get(answerKeyOf(page, row.questionId));
        expect(csvRow?.[0]).toBe(section.title);
        expect(csvRow?.[4], row.label).toBe(row.value ? row.value.join("\n") : "Not answered");
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it("defuses formulas and still parses back to what was typed", () => {
    const answers = hostileAnswers(RURAL_COUNCIL.answers);
    const parsed = parseCsv(answersCsv(sourceFor(storedAnswersFrom(answers))));
    const byKeyHostile = new Map(parsed.map((row) => [row[1], row]));
    const group = answers.stakeholders.groups[0]!;
    expect(byKeyHostile.get(`why@${group.id}`)?.[4]).toBe(HOSTILE);
    expect(byKeyHostile.get("purposeReason@share")?.[4]).toBe(`'${FORMULA}\n${HOSTILE.split("\n")[0]}`);
    expect(byKeyHostile.get(`expectations@${group.id}`)?.[4]?.startsWith("'@SUM(1+1)")).toBe(true);
    expect(byKeyHostile.get("orgName")?.[4]).toBe(answers.organisation.orgName);
    // Every cell a spreadsheet could run starts with the apostrophe.
    for (const row of parsed) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("works for an unfinished assessment: the questions not reached say so", () => {
    const partial = { orgName: "Half-done Council", orgType: "council" };
    const partialRows = answersCsvRows(sourceFor(partial));
    expect(partialRows.find((row) => row[1] === "orgName")?.[4]).toBe("Half-done Council");
    expect(partialRows.find((row) => row[1] === "population")?.[4]).toBe("Not answered");
  });

  it("says which answers were filled in for questions added since", () => {
    const { answers, notAsked } = readStoredAnswers("2026-11", storedOn202611(RURAL_COUNCIL.answers));
    expect(notAsked.length).toBeGreaterThan(0);
    const csvRows = answersCsvRows(sourceFor(answers, notAsked));
    const filled = csvRows.find((row) => row[1] === notAsked[0]);
    expect(filled?.[4]).toMatch(/^Not asked when you answered/);
  });
});

describe("the answers as JSON", () => {
  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.key, example] as const))(
    "matches its schema and keeps typed values for %s",
    (_key, example) => {
      const stored = storedAnswersFrom(example.answers);
      const data = AnswersDataSchema.parse(JSON.parse(answersJson(sourceFor(stored))));
      expect(data.questionnaireVersion).toBe("2026-12");
      expect(data.exportId).toBe(META.exportId);
      const questions = new Map(data.sections.flatMap((section) => section.questions).map((q) => [q.key, q]));
      expect(questions.get("staffCount")?.value).toBe(example.answers.organisation.staffCount);
      expect(questions.get("channels")?.value).toEqual(example.answers.organisation.channels);
      expect(questions.get("channels")?.answerText.length).toBe(example.answers.organisation.channels.length);
      expect(questions.get("projects")?.value).toEqual(example.answers.stakeholders.projects);
    },
  );

  it("round-trips hostile text exactly, and never carries a link or database id", () => {
    const answers = hostileAnswers(RURAL_COUNCIL.answers);
    const text = answersJson(sourceFor(storedAnswersFrom(answers)));
    const data = AnswersDataSchema.parse(JSON.parse(text));
    const questions = new Map(data.sections.flatMap((section) => section.questions).map((q) => [q.key, q]));
    expect(questions.get("orgName")?.value).toBe(answers.organisation.orgName);
    expect(questions.get(`why@${answers.stakeholders.groups[0]!.id}`)?.value).toBe(HOSTILE);
    expect(text).not.toMatch(/\/a\/|https?:\/\/(?!example\.invalid)/);
  });

  it("gives follow-up questions their own entry, pointing at their question", () => {
    const data = answersData(sourceFor(storedAnswersFrom(RURAL_COUNCIL.answers)));
    const followUp = data.sections[0]?.questions.find((question) => question.key === "channelsOther");
    expect(followUp?.followUpOf).toBe("channels");
    expect(followUp?.value).toBeNull();
  });
});

describe("a workshop's answers in the exports", () => {
  const stored = { ...storedAnswersFrom(RURAL_COUNCIL.answers), teamPeople: 4 };
  const workshop = {
    participantSections: ["capacity"],
    namesShown: false,
    participants: [
      { label: "Participant 1", answers: { teamPeople: 2, accountAccess: "one-person" } },
      { label: "Participant 2", answers: { teamPeople: 9, orgName: "Outside their sections" } },
    ],
    settlements: [
      {
        key: "teamPeople",
        value: 4,
        reason: "Two officers and two casuals",
        settledBy: "Ana Lopez",
        settledAt: "2026-11-30T10:00:00.000Z",
      },
    ],
  };
  const source: AnswersSource = { ...sourceFor(stored), workshop };

  it("puts who settled each answer, when and why, and each participant's answer, beside the group's", () => {
    const [header, ...rows] = parseCsv(answersCsv(source));
    expect(header).toEqual([
      ...ANSWERS_CSV_HEADER,
      "Settled by",
      "Settled at (UTC)",
      "Why the group chose this",
      "Answer of Participant 1",
      "Answer of Participant 2",
    ]);
    const people = rows.find((row) => row[1] === "teamPeople");
    expect(people?.slice(4)).toEqual([
      "4 people",
      "Ana Lopez",
      "2026-11-30T10:00:00.000Z",
      "Two officers and two casuals",
      "2 people",
      "9 people",
    ]);
    // Outside the participants' sections, their columns stay empty.
    expect(rows.find((row) => row[1] === "orgName")?.slice(-2)).toEqual(["", ""]);
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
  });

  it("lists each participant's answers and the settled ones in the JSON, valid against its schema", () => {
    const data = answersData(source);
    expect(AnswersDataSchema.safeParse(data).success).toBe(true);
    expect(data.workshop?.participants.map((participant) => participant.label)).toEqual([
      "Participant 1",
      "Participant 2",
    ]);
    expect(data.workshop?.participants[0]?.answers.map((answer) => [answer.key, answer.value])).toEqual([
      ["teamPeople", 2],
      ["accountAccess", "one-person"],
    ]);
    // Only the sections participants were asked.
    expect(data.workshop?.participants[1]?.answers.map((answer) => answer.key)).toEqual(["teamPeople"]);
    expect(data.workshop?.settled).toEqual([
      {
        key: "teamPeople",
        question: "How many people help run your online channels?",
        value: 4,
        answerText: ["4 people"],
        reason: "Two officers and two casuals",
        settledBy: "Ana Lopez",
        settledAt: "2026-11-30T10:00:00.000Z",
      },
    ]);
    expect(answersData(sourceFor(stored)).workshop).toBeNull();
    expect(answersJson(source)).not.toMatch(/\/a\/|\/join\/|token/i);
  });
});
