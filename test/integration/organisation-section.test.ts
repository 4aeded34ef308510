import { beforeEach, describe, expect, it } from "vitest";
import { getAnswers } from "../../db/repositories/answers";
import { findRespondentByTokenHash } from "../../db/repositories/assessments";
import { getSectionCompletion } from "../../db/repositories/section-progress";
import { hashAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import * as startRoute from "../../app/routes/_index";
import * as taskListRoute from "../../app/routes/a.$token._index";
import * as questionRoute from "../../app/routes/a.$token.organisation.$page";
import * as checkRoute from "../../app/routes/a.$token.check.$section";
import * as linkRoute from "../../app/routes/a.$token.your-link";
import { actionArgs, loaderArgs, outcome } from "../support/route-helpers";

async function startAssessment(): Promise<string> {
  const result = await outcome(() => startRoute.action());
  if (result.kind !== "redirect") throw new Error("start did not redirect");
  const token = /^\/a\/([^/]+)\/your-link\?started$/.exec(result.location)?.[1];
  if (!token) throw new Error(`unexpected redirect ${result.location}`);
  return token;
}

async function respondentFor(token: string) {
  const respondent = await findRespondentByTokenHash(db, hashAccessToken(token));
  if (!respondent) throw new Error("no respondent");
  return respondent;
}

function postPage(token: string, page: string, fields: [string, string][] | string, search = "") {
  const path = `/a/${token}/organisation/${page}${search}`;
  return outcome(() => questionRoute.action(actionArgs(path, { token, section: "organisation", page }, fields)));
}

let token: string;
beforeEach(async () => {
  token = await startAssessment();
});

describe("starting an assessment", () => {
  it("creates an assessment behind an unguessable 256-bit link and shows it", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const respondent = await respondentFor(token);
    expect(respondent.questionnaireVersion).toBe(QUESTIONNAIRE_VERSION);

    const page = await outcome(() => linkRoute.loader(loaderArgs(`/a/${token}/your-link?started`, { token })));
    // Built from the configured public address (in tests, http://localhost:<PORT>), never from
    // the request's own address (http://localhost, no port, here).
    const publicAddress = `http://localhost:${process.env.PORT ?? 3000}`;
    expect(page).toMatchObject({ kind: "data", data: { link: `${publicAddress}/a/${token}`, justStarted: true } });
  });

  it("gives every start a different link", async () => {
    expect(await startAssessment()).not.toBe(token);
  });
});

describe("unknown and malformed links", () => {
  it.each([
    ["a malformed token", "not-a-token"],
    ["an unknown token of the right shape", "A".repeat(43)],
    ["a token with a character outside the alphabet", `${"A".repeat(42)}!`],
  ])("answer 404 for %s", async (_label, bad) => {
    for (const run of [
      () => taskListRoute.loader(loaderArgs(`/a/${bad}`, { token: bad })),
      () => linkRoute.loader(loaderArgs(`/a/${bad}/your-link`, { token: bad })),
      () =>
        questionRoute.loader(
          loaderArgs(`/a/${bad}/organisation/name`, { token: bad, section: "organisation", page: "name" }),
        ),
      () => checkRoute.loader(loaderArgs(`/a/${bad}/check/organisation`, { token: bad, section: "organisation" })),
      () =>
        questionRoute.action(
          actionArgs(`/a/${bad}/organisation/name`, { token: bad, section: "organisation", page: "name" }, [
            ["orgName", "X"],
          ]),
        ),
    ]) {
      expect(await outcome(run)).toEqual({ kind: "response", status: 404 });
    }
  });

  it("answer 404 for a section or page that does not exist", async () => {
    expect(await outcome(() => questionRoute.loader(loaderArgs("/", { token, page: "nope" })))).toEqual({
      kind: "response",
      status: 404,
    });
    expect(await outcome(() => checkRoute.loader(loaderArgs("/", { token, section: "nope" })))).toEqual({
      kind: "response",
      status: 404,
    });
  });
});

describe("answering a question page", () => {
  it("saves a valid answer and goes to the next page", async () => {
    const result = await postPage(token, "name", [["orgName", "Riverside District Council"]]);
    expect(result).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/organisation/type` });
    const respondent = await respondentFor(token);
    expect(await getAnswers(db, respondent.respondentId)).toEqual({ orgName: "Riverside District Council" });
    expect(respondent.organisationName).toBe("Riverside District Council");
  });

  it("goes back to check answers after a change", async () => {
    const result = await postPage(token, "name", [["orgName", "Riverside"]], "?return=check");
    expect(result).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/check/organisation` });
  });

  it("goes to check answers after the last page", async () => {
    const result = await postPage(token, "contentious-topics", [["contentiousTopics", "planning"]]);
    expect(result).toEqual({ kind: "redirect", status: 302, location: `/a/${token}/check/organisation` });
  });

  it.each<[string, string, [string, string][] | string, Record<string, unknown>]>([
    ["a missing answer", "name", [], { errors: { orgName: "Enter your organisation's name" } }],
    [
      "an oversized answer",
      "name",
      [["orgName", "x".repeat(5000)]],
      { errors: { orgName: "Organisation name must be 150 characters or fewer" } },
    ],
    [
      "an option not in the list",
      "type",
      [["orgType", "empire"]],
      { errors: { orgType: "Select the type of organisation" } },
    ],
    [
      "text where a number belongs",
      "size",
      [
        ["population", "many"],
        ["staffCount", "12"],
      ],
      { errors: { population: "Enter the number of people served as a whole number, like 45000" } },
    ],
    [
      "a single answer sent twice",
      "name",
      [
        ["orgName", "A"],
        ["orgName", "B"],
      ],
      { formErrors: ['The answer to "Organisation name" was sent more than once. Check it and try again.'] },
    ],
    [
      "an answer to a question from another page",
      "name",
      [
        ["orgName", "A"],
        ["staffCount", "4"],
      ],
      {
        formErrors: [
          "The form included an answer to a question that is not on this page. Check your answers and try again.",
        ],
      },
    ],
    [
      "a broken encoding",
      "name",
      "orgName=%E0%A4%A",
      { formErrors: ["The form contained characters we could not read. Check your answers and try again."] },
    ],
  ])(
    "rejects %s with 400, shows why, keeps what was typed and writes nothing",
    async (_label, page, fields, expected) => {
      const result = await postPage(token, page, fields);
      expect(result.kind).toBe("data");
      expect(result.status).toBe(400);
      expect((result as { data: unknown }).data).toMatchObject(expected);
      if (Array.isArray(fields) && fields.length > 0 && !("formErrors" in expected)) {
        expect((result as { data: { values: Record<string, unknown> } }).data.values).toEqual(
          Object.fromEntries(fields),
        );
      }
      const respondent = await respondentFor(token);
      expect(await getAnswers(db, respondent.respondentId)).toEqual({});
      expect(respondent.organisationName).toBeNull();
    },
  );

  it("stores markup exactly as typed, for React to show as text", async () => {
    const typed = `<img src=x onerror="alert(1)">Council`;
    await postPage(token, "name", [["orgName", typed]]);
    const loaded = await outcome(() =>
      questionRoute.loader(
        loaderArgs(`/a/${token}/organisation/name`, { token, section: "organisation", page: "name" }),
      ),
    );
    expect(loaded).toMatchObject({ kind: "data", data: { values: { orgName: typed } } });
  });

  it("clears a follow-up answer when its option is no longer chosen", async () => {
    await postPage(token, "type", [
      ["orgType", "other"],
      ["orgTypeOther", "Water board"],
    ]);
    await postPage(token, "type", [
      ["orgType", "council"],
      ["orgTypeOther", "Water board"],
    ]);
    const respondent = await respondentFor(token);
    expect(await getAnswers(db, respondent.respondentId)).toEqual({ orgType: "council" });
  });
});

describe("checking answers and completing the section", () => {
  async function answerEverything() {
    await postPage(token, "name", [["orgName", "Riverside"]]);
    await postPage(token, "type", [["orgType", "council"]]);
    await postPage(token, "size", [
      ["population", "45,000"],
      ["staffCount", "350"],
    ]);
    await postPage(token, "channels", [
      ["channels", "facebook"],
      ["channels", "other"],
      ["channelsOther", "Snapchat"],
    ]);
    await postPage(token, "emergency-services", [["emergencyServices", "none"]]);
    await postPage(token, "contentious-topics", [["contentiousTopics", "planning"]]);
  }

  function check() {
    return outcome(() =>
      checkRoute.loader(loaderArgs(`/a/${token}/check/organisation`, { token, section: "organisation" })),
    );
  }

  function complete(answer: string) {
    return outcome(() =>
      checkRoute.action(
        actionArgs(`/a/${token}/check/organisation`, { token, section: "organisation" }, [["completed", answer]]),
      ),
    );
  }

  function statuses() {
    return outcome(() => taskListRoute.loader(loaderArgs(`/a/${token}`, { token })));
  }

  it("shows each answer as people read it, with a link to change it", async () => {
    await answerEverything();
    const result = await check();
    expect(result).toMatchObject({ kind: "data", data: { toAnswerCount: 0 } });
    const blocks = (result as { data: { blocks: { rows: { label: string; value?: string[]; href: string }[] }[] } })
      .data.blocks;
    expect(blocks).toHaveLength(1);
    const rows = blocks[0]?.rows ?? [];
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ["Organisation name", ["Riverside"]],
      ["Type of organisation", ["Local council"]],
      ["People served", ["45,000"]],
      ["Staff", ["350"]],
      ["Online channels in use", ["Facebook", "Other channels: Snapchat"]],
      ["Emergency-related services", ["None of these"]],
      ["Topics that draw strong feeling", ["Planning and development decisions"]],
    ]);
    expect(rows[2]?.href).toBe(`/a/${token}/organisation/size?return=check`);
  });

  it("counts the questions left and points to the first", async () => {
    await postPage(token, "name", [["orgName", "Riverside"]]);
    expect(await check()).toMatchObject({
      data: { toAnswerCount: 6, nextToAnswerHref: `/a/${token}/organisation/type` },
    });
  });

  it("moves the section from Not yet started to In progress to Completed", async () => {
    const status = async () =>
      ((await statuses()) as { data: { tasks: { id: string; status: string }[] } }).data.tasks.find(
        (task) => task.id === "organisation",
      )?.status;
    expect(await status()).toBe("not-started");
    await postPage(token, "name", [["orgName", "Riverside"]]);
    expect(await status()).toBe("in-progress");
    await answerEverything();
    expect(await complete("yes")).toEqual({ kind: "redirect", status: 302, location: `/a/${token}` });
    expect(await status()).toBe("completed");
    expect(await complete("no")).toEqual({ kind: "redirect", status: 302, location: `/a/${token}` });
    expect(await status()).toBe("in-progress");
  });

  it("refuses to mark an unfinished section complete", async () => {
    await postPage(token, "name", [["orgName", "Riverside"]]);
    const result = await complete("yes");
    expect(result).toMatchObject({
      kind: "data",
      status: 400,
      data: { errors: { completed: "Answer every question in this section before you mark it as complete" } },
    });
    const respondent = await respondentFor(token);
    expect(await getSectionCompletion(db, respondent.respondentId)).toEqual({});
  });

  it("asks for a yes or no", async () => {
    expect(await complete("maybe")).toMatchObject({
      status: 400,
      data: { errors: { completed: "Select whether you have completed this section" } },
    });
  });
});
