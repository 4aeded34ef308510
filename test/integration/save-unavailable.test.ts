// When the database still fails after the transaction's retries (db/transaction.ts), a question
// page comes back with everything that was typed and a message saying nothing was saved: never
// an error page that loses the page's answers.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { SAVE_FAILED_MESSAGE } from "../../app/question-page.server";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import * as capacityRoute from "../../app/routes/a.$token.capacity.$page";
import type * as AnswersModule from "../../db/repositories/answers";
import { getAnswers } from "../../db/repositories/answers";
import { createAssessment } from "../../db/repositories/assessments";
import { DatabaseUnavailableError } from "../../db/transaction";
import { actionArgs, outcome } from "../support/route-helpers";

const failing = vi.hoisted(() => ({ times: 0 }));

vi.mock("../../db/repositories/answers", async (importOriginal) => {
  const original = await importOriginal<typeof AnswersModule>();
  return {
    ...original,
    saveAnswers: async (...args: Parameters<typeof original.saveAnswers>) => {
      if (failing.times > 0) {
        failing.times -= 1;
        throw new DatabaseUnavailableError(3, Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }));
      }
      return original.saveAnswers(...args);
    },
  };
});

let token = "";
let respondentId = "";

beforeAll(async () => {
  token = newAccessToken();
  ({ respondentId } = await createAssessment(db, {
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  }));
});

const TEAM_FIELDS: [string, string][] = [
  ["teamPeople", "3"],
  ["teamHoursPerWeek", "22.5"],
  ["accountAccess", "shared-managed"],
];

function postTeam() {
  return outcome(() =>
    capacityRoute.action(actionArgs(`/a/${token}/capacity/team`, { token, page: "team" }, TEAM_FIELDS)),
  );
}

describe("a save the database cannot take", () => {
  it("comes back as a 503 with what was typed and a message, and saves nothing", async () => {
    failing.times = 1;
    const result = await postTeam();
    expect(result.kind).toBe("data");
    if (result.kind !== "data") return;
    expect(result.status).toBe(503);
    expect(result.data).toMatchObject({
      formErrors: [SAVE_FAILED_MESSAGE],
      values: { teamPeople: "3", teamHoursPerWeek: "22.5", accountAccess: "shared-managed" },
    });
    expect(await getAnswers(db, respondentId)).toEqual({});
  });

  it("saves and moves on when the same page is sent again", async () => {
    expect(failing.times).toBe(0);
    expect(await postTeam()).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/capacity/cover` });
    expect(await getAnswers(db, respondentId)).toMatchObject({ teamPeople: 3, teamHoursPerWeek: 22.5 });
  });
});
