import { beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { SECTIONS } from "../../app/questionnaire/questionnaire";
import * as capacityRoute from "../../app/routes/a.$token.capacity.$page";
import * as checkAnswersRoute from "../../app/routes/a.$token.check-answers";
import * as checkRoute from "../../app/routes/a.$token.check.$section";
import * as taskListRoute from "../../app/routes/a.$token._index";
import { getAnswers, saveAnswers, type StoredAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash, markSubmitted } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { ADDED_IN_2026_12, storedOn202611 } from "../support/questionnaire-2026-11";
import { actionArgs, loaderArgs, outcome } from "../support/route-helpers";

/*
 * An assessment started and finished on questionnaire 2026-11, stored exactly as that version
 * stored it, read by today's questionnaire.
 */

const example = EXAMPLE_ORGANISATIONS.find((candidate) => candidate.answers.capacity.coverHours === "extended-hours");
let token = "";
let respondentId = "";
let raw: StoredAnswers = {};

beforeAll(async () => {
  if (!example) throw new Error("no example with extended cover");
  token = newAccessToken();
  const ids = await createAssessment(db, { accessTokenHash: hashAccessToken(token), questionnaireVersion: "2026-11" });
  respondentId = ids.respondentId;
  raw = storedOn202611(example.answers);
  await saveAnswers(db, { ...ids, set: raw, clear: [], organisationName: example.answers.organisation.orgName });
  for (const section of SECTIONS)
    await setSectionCompleted(db, { respondentId, sectionId: section.id, completed: true });
  await markSubmitted(db, { respondentId, name: "Former respondent" });
});

async function respondent() {
  const found = await findRespondentByTokenHash(db, hashAccessToken(token));
  if (!found) throw new Error("no respondent");
  return found;
}

type SummaryRow = { questionId: string; value?: string[]; notAsked?: boolean };
type LoadedSection = { id: string; blocks: { rows: SummaryRow[] }[] };

async function checkAnswersRows(): Promise<Map<string, SummaryRow>> {
  const page = await outcome(() => checkAnswersRoute.loader(loaderArgs(`/a/${token}/check-answers`, { token })));
  if (page.kind !== "data") throw new Error("no check-answers page");
  const { sections, unfinished } = page.data as { sections: LoadedSection[]; unfinished: unknown[] };
  expect(unfinished).toEqual([]);
  const rows = sections.flatMap((section) => section.blocks.flatMap((block) => block.rows));
  return new Map(rows.map((row) => [row.questionId, row]));
}

describe("an assessment answered on questionnaire 2026-11", () => {
  it("is stored without the questions added since", async () => {
    const stored = await getAnswers(db, respondentId);
    for (const key of ADDED_IN_2026_12) expect(stored[key], key).toBeUndefined();
    expect((await respondent()).questionnaireVersion).toBe("2026-11");
  });

  it("shows every section as Completed on the task list, and the report as ready", async () => {
    const page = await outcome(() => taskListRoute.loader(loaderArgs(`/a/${token}`, { token })));
    if (page.kind !== "data") throw new Error("no task list");
    const data = page.data as {
      tasks: { id: string; status: string }[];
      finishing: { id: string; status: string }[];
      completedCount: number;
    };
    expect(data.tasks.map((task) => task.status)).toEqual(SECTIONS.map(() => "completed"));
    expect(data.completedCount).toBe(SECTIONS.length);
    expect(data.finishing).toEqual([
      expect.objectContaining({ id: "check-answers", status: "completed" }),
      expect.objectContaining({ id: "report", status: "available" }),
    ]);
  });

  it("says on the check-answers pages which questions were not asked, and how they are treated", async () => {
    const rows = await checkAnswersRows();
    for (const id of ["questionShare", "peaks", "abuseFrequency"]) {
      expect(rows.get(id), id).toMatchObject({
        value: ["Not asked when you answered: treated as I don't know"],
        notAsked: true,
      });
    }
    expect(rows.get("currency")?.value).toEqual(["Not asked when you answered: treated as another currency"]);
    expect(rows.get("teamPeople")?.notAsked).toBeUndefined();

    const capacity = await outcome(() =>
      checkRoute.loader(loaderArgs(`/a/${token}/check/capacity`, { token, section: "capacity" })),
    );
    if (capacity.kind !== "data") throw new Error("no check page");
    const data = capacity.data as { blocks: { rows: SummaryRow[] }[]; toAnswerCount: number };
    expect(data.toAnswerCount).toBe(0);
    expect(data.blocks.flatMap((block) => block.rows).find((row) => row.questionId === "coverDays")?.value).toEqual([
      "Not asked when you answered: treated as working days, and some hours at weekends",
    ]);
  });

  it("makes a report, whose answers appendix says the same", async () => {
    // NOTE: imported here, so a fault in scoring fails this test alone, not the whole file.
    const { loadReport } = await import("../../app/report.server");
    const loaded = await loadReport(await respondent(), { accessibleVersionUrl: null, sectionHref: null });
    expect(loaded.kind).toBe("ready");
    if (loaded.kind !== "ready") return;
    const capacity = loaded.view.appendix.sections.find((section) => section.id === "capacity");
    const values = capacity?.blocks.flatMap((block) => block.rows.map((row) => row.value.join(" "))) ?? [];
    expect(values).toContain("Not asked when you answered: treated as I don't know");
  });

  it("saves a changed page, and an answer to a new question, and stays complete", async () => {
    const team = await outcome(() =>
      capacityRoute.action(
        actionArgs(`/a/${token}/capacity/team`, { token, page: "team" }, [
          ["teamPeople", ""],
          ["teamPeopleUnknown", "unknown"],
          ["teamHoursPerWeek", "24"],
          ["accountAccess", "shared-managed"],
        ]),
      ),
    );
    expect(team).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/capacity/cover` });

    const share = await outcome(() =>
      capacityRoute.action(
        actionArgs(`/a/${token}/capacity/question-share?return=summary`, { token, page: "question-share" }, [
          ["questionShare", "most"],
        ]),
      ),
    );
    expect(share).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/check-answers` });

    const stored = await getAnswers(db, respondentId);
    expect(stored).toMatchObject({ teamPeople: "unknown", teamHoursPerWeek: 24, questionShare: "most" });
    // Reading never writes: the other added questions are still not stored.
    expect(stored.peaks).toBeUndefined();

    const rows = await checkAnswersRows();
    expect(rows.get("questionShare")).toMatchObject({ value: ["Most of them: three in four or more"] });
    expect(rows.get("questionShare")?.notAsked).toBeUndefined();
    expect(rows.get("teamPeople")?.value).toEqual(["I don't know"]);
    expect(rows.get("peaks")?.notAsked).toBe(true);

    const page = await outcome(() => taskListRoute.loader(loaderArgs(`/a/${token}`, { token })));
    const tasks = page.kind === "data" ? (page.data as { tasks: { status: string }[] }).tasks : [];
    expect(tasks.map((task) => task.status)).toEqual(SECTIONS.map(() => "completed"));
  });

  it("opens a question page added since with the assumed answer chosen", async () => {
    const page = await outcome(() =>
      capacityRoute.loader(loaderArgs(`/a/${token}/capacity/peaks`, { token, page: "peaks" })),
    );
    expect(page).toMatchObject({ kind: "data", data: { values: { peaks: ["unknown"] } } });
  });
});
