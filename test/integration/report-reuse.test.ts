import { describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { loadReport, type ReportAudience } from "../../app/report.server";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "../../db/repositories/assessments";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";

const AUDIENCE: ReportAudience = { accessibleVersionUrl: null, sectionHref: null };

async function answered(index: number) {
  const example = EXAMPLE_ORGANISATIONS[index];
  if (!example) throw new Error("no example organisation");
  const token = newAccessToken();
  const ids = await createAssessment(db, {
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, { ...ids, set: storedAnswersFrom(example.answers), clear: [] });
  return { ids, respondent: async () => (await findRespondentByTokenHash(db, hashAccessToken(token)))! };
}

describe("a report is built once for the same answers and reader", () => {
  it("reuses the report while nothing changes, and builds a new one after any change", async () => {
    const { ids, respondent } = await answered(0);
    const first = await loadReport(await respondent(), AUDIENCE);
    expect(first.kind).toBe("ready");
    expect(await loadReport(await respondent(), AUDIENCE)).toBe(first);

    // Another reader (a read-only link names its own address) gets their own report.
    const shared = await loadReport(await respondent(), {
      ...AUDIENCE,
      accessibleVersionUrl: "https://example.org/r/x",
    });
    expect(shared).not.toBe(first);
    if (shared.kind !== "ready") throw new Error("report not ready");
    expect(shared.view.reportUrl).toBe("https://example.org/r/x");

    // One answer changed: the report must show it.
    await saveAnswers(db, { ...ids, set: { teamHoursPerWeek: 1 }, clear: [] });
    const changed = await loadReport(await respondent(), AUDIENCE);
    if (changed.kind !== "ready" || first.kind !== "ready") throw new Error("report not ready");
    expect(changed).not.toBe(first);
    expect(changed.view.appendix).not.toEqual(first.view.appendix);
    expect(await loadReport(await respondent(), AUDIENCE)).toBe(changed);
  });

  it("never gives one respondent another's report", async () => {
    const one = await answered(0);
    const two = await answered(0);
    const first = await loadReport(await one.respondent(), AUDIENCE);
    const second = await loadReport(await two.respondent(), AUDIENCE);
    expect(second).not.toBe(first);
  });
});
