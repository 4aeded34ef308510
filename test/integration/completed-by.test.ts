import { beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { loadReport } from "../../app/report.server";
import * as checkAnswersRoute from "../../app/routes/a.$token.check-answers";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash, markSubmitted } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { actionArgs, loaderArgs, outcome } from "../support/route-helpers";

/** A fully answered assessment, every section marked complete, ready to finish. */
async function readyToFinish(): Promise<{ token: string; respondentId: string }> {
  const example = EXAMPLE_ORGANISATIONS[0];
  if (!example) throw new Error("no example organisations");
  const token = newAccessToken();
  const ids = await createAssessment(db, {
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, {
    ...ids,
    set: storedAnswersFrom(example.answers),
    clear: [],
    organisationName: example.answers.organisation.orgName,
  });
  for (const section of SECTIONS) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId: section.id, completed: true });
  }
  return { token, respondentId: ids.respondentId };
}

async function respondentFor(token: string) {
  const found = await findRespondentByTokenHash(db, hashAccessToken(token));
  if (!found) throw new Error("no respondent");
  return found;
}

function finish(token: string, fields: [string, string][]) {
  return outcome(() => checkAnswersRoute.action(actionArgs(`/a/${token}/check-answers`, { token }, fields)));
}

async function coverLine(token: string): Promise<string | null> {
  const loaded = await loadReport(await respondentFor(token), { accessibleVersionUrl: null, sectionHref: null });
  if (loaded.kind !== "ready") throw new Error("report not ready");
  return loaded.view.completedBy;
}

describe("who completed the assessment, asked as a name and a role", () => {
  let token = "";
  beforeAll(async () => {
    ({ token } = await readyToFinish());
  });

  it("stores both, and the report's cover shows 'Name, role' as before", async () => {
    const result = await finish(token, [
      ["completedByName", "  Aroha Ngata "],
      ["completedByRole", "Director of Communications"],
    ]);
    expect(result).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/complete` });
    expect((await respondentFor(token)).completedBy).toEqual({
      name: "Aroha Ngata",
      jobTitle: "Director of Communications",
    });
    expect(await coverLine(token)).toBe("Aroha Ngata, Director of Communications");
  });

  it("fills both fields again on the check-answers page", async () => {
    const page = await outcome(() => checkAnswersRoute.loader(loaderArgs(`/a/${token}/check-answers`, { token })));
    if (page.kind !== "data") throw new Error("no page");
    expect((page.data as { completedBy: unknown }).completedBy).toEqual({
      name: "Aroha Ngata",
      jobTitle: "Director of Communications",
    });
  });

  it("accepts either part alone, or neither", async () => {
    await finish(token, [
      ["completedByName", ""],
      ["completedByRole", "Chief Executive"],
    ]);
    expect(await coverLine(token)).toBe("Chief Executive");
    await finish(token, [
      ["completedByName", ""],
      ["completedByRole", ""],
    ]);
    expect(await coverLine(token)).toBeNull();
  });

  it("refuses a name that is too long, keeps what was typed, and saves nothing", async () => {
    await finish(token, [["completedByName", "Kept"]]);
    const long = "N".repeat(121);
    const result = await finish(token, [
      ["completedByName", long],
      ["completedByRole", "Director"],
    ]);
    expect(result.kind).toBe("data");
    expect(result.status).toBe(400);
    const data = (result as { data: { errors: Record<string, string>; values: Record<string, string> } }).data;
    expect(data.errors.completedByName).toBe("Your name must be 120 characters or fewer");
    expect(data.values).toEqual({ completedByName: long, completedByRole: "Director" });
    expect(await coverLine(token)).toBe("Kept");
  });

  it("refuses the old single field as a field that is not on the page", async () => {
    const result = await finish(token, [["completedBy", "Aroha Ngata, Director"]]);
    expect(result.status).toBe(400);
    expect(await coverLine(token)).toBe("Kept");
  });
});

describe("an assessment finished before name and role were asked apart", () => {
  it("shows its one line on the report's cover and in the name field, as it was typed", async () => {
    const { token, respondentId } = await readyToFinish();
    // What the earlier check-answers page stored: one line, in the name column.
    await markSubmitted(db, { respondentId, name: "Aroha Ngata, Director of Communications" });
    expect(await coverLine(token)).toBe("Aroha Ngata, Director of Communications");
    const page = await outcome(() => checkAnswersRoute.loader(loaderArgs(`/a/${token}/check-answers`, { token })));
    if (page.kind !== "data") throw new Error("no page");
    expect((page.data as { completedBy: unknown }).completedBy).toEqual({
      name: "Aroha Ngata, Director of Communications",
      jobTitle: null,
    });
  });
});
