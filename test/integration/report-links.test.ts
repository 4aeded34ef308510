/**
 * Private and read-only links through the app's own loaders and actions, against a real SQLite
 * file: sharing the report, revoking, replacing the private link, deleting the assessment, and
 * bad input to every action (never a 500).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { sealReportToken } from "../../app/links/link-seal.server";
import { NEW_LINK_SHOWN_FOR_MS } from "../../app/links/report-links.server";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import * as taskListRoute from "../../app/routes/a.$token._index";
import * as deleteRoute from "../../app/routes/a.$token.delete";
import * as replaceRoute from "../../app/routes/a.$token.replace-link";
import * as ownerReportRoute from "../../app/routes/a.$token.report";
import * as ownerPdfRoute from "../../app/routes/a.$token.report[.]pdf";
import * as createdRoute from "../../app/routes/a.$token.share.$linkId._index";
import * as revokeRoute from "../../app/routes/a.$token.share.$linkId.revoke";
import * as shareRoute from "../../app/routes/a.$token.share._index";
import * as yourLinkRoute from "../../app/routes/a.$token.your-link";
import * as readerReportRoute from "../../app/routes/r.$token._index";
import * as readerPdfRoute from "../../app/routes/r.$token.report[.]pdf";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "../../db/repositories/assessments";
import { createReportLink, listAccessEvents, listReportLinks } from "../../db/repositories/links";
import { RURAL_COUNCIL, SMALL_SHIRE } from "../fixtures/example-organisations";
import { createFinishedAssessment } from "../support/finished-assessment";
import { inThreadPdfStore } from "../support/in-thread-pdf";
import { actionArgs, loaderArgs, outcome, type Outcome } from "../support/route-helpers";

// Links are built from the configured public address: in tests, http://localhost:<PORT>.
const PUBLIC_ADDRESS = `http://localhost:${process.env.PORT ?? 3000}`;
const READ_ONLY_URL = new RegExp(`^${PUBLIC_ADDRESS.replace(/[.]/g, "\\.")}/r/([A-Za-z0-9_-]{43})$`);

beforeAll(() => {
  // PDFs are rendered in this thread: the worker pool is tested elsewhere.
  globalThis.__pdfStore = inThreadPdfStore(db).store;
});

function dataOf(result: Outcome): Record<string, unknown> {
  if (result.kind !== "data") throw new Error(`expected data, got ${JSON.stringify(result)}`);
  return result.data as Record<string, unknown>;
}

/** Creates a read-only link through the share page, and reads its address from the page after. */
async function createLink(token: string, label = ""): Promise<{ id: string; url: string; token: string }> {
  const created = await outcome(() =>
    shareRoute.action(actionArgs(`/a/${token}/share?index`, { token }, [["label", label]])),
  );
  if (created.kind !== "redirect") throw new Error(`not created: ${JSON.stringify(created)}`);
  const id = created.location.split("/").at(-1) ?? "";
  expect(created.location).toBe(`/a/${token}/share/${id}`);
  const page = dataOf(await outcome(() => createdRoute.loader(loaderArgs(created.location, { token, linkId: id }))));
  const url = String(page.link);
  const match = READ_ONLY_URL.exec(url);
  if (!match?.[1]) throw new Error(`not a read-only link: ${url}`);
  return { id, url, token: match[1] };
}

async function readerPage(token: string) {
  return outcome(() => readerReportRoute.loader(loaderArgs(`/r/${token}`, { token })));
}

/** Every page and action an owner's link opens, as loaders and actions see them. */
function ownerCalls(token: string, linkId = "A".repeat(22)) {
  const params = { token, linkId };
  return {
    taskList: () => taskListRoute.loader(loaderArgs(`/a/${token}`, params)),
    yourLink: () => yourLinkRoute.loader(loaderArgs(`/a/${token}/your-link`, params)),
    report: () => ownerReportRoute.loader(loaderArgs(`/a/${token}/report`, params)),
    share: () => shareRoute.loader(loaderArgs(`/a/${token}/share`, params)),
    shareAction: () => shareRoute.action(actionArgs(`/a/${token}/share?index`, params, [["label", "x"]])),
    created: () => createdRoute.loader(loaderArgs(`/a/${token}/share/${linkId}`, params)),
    revoke: () => revokeRoute.loader(loaderArgs(`/a/${token}/share/${linkId}/revoke`, params)),
    revokeAction: () => revokeRoute.action(actionArgs(`/a/${token}/share/${linkId}/revoke`, params, [])),
    replace: () => replaceRoute.loader(loaderArgs(`/a/${token}/replace-link`, params)),
    replaceAction: () => replaceRoute.action(actionArgs(`/a/${token}/replace-link`, params, [])),
    delete: () => deleteRoute.loader(loaderArgs(`/a/${token}/delete`, params)),
    deleteAction: () => deleteRoute.action(actionArgs(`/a/${token}/delete`, params, [])),
  };
}

describe("unknown, malformed and read-only tokens on the owner's pages", () => {
  it("answer 404 on every owner page and action, and a read-only link opens none of them", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token, "Board");
    for (const bad of [newAccessToken(), "short", `${owner.token}x`, "%2e%2e", link.token]) {
      for (const [name, call] of Object.entries(ownerCalls(bad))) {
        expect(await outcome(call), `${name} with ${bad.slice(0, 6)}`).toEqual({ kind: "response", status: 404 });
      }
    }
    // Nothing was changed by all that: the owner's link and the read-only link still work.
    expect(await findRespondentByTokenHash(db, hashAccessToken(owner.token))).toBeDefined();
    expect((await readerPage(link.token)).kind).toBe("data");
  });

  it("answer 404 for unknown and malformed read-only links, and send their PDF to that page", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    for (const bad of [newAccessToken(), "nope", owner.token]) {
      expect(await readerPage(bad)).toEqual({ kind: "response", status: 404 });
      expect(await outcome(() => readerPdfRoute.loader(loaderArgs(`/r/${bad}/report.pdf`, { token: bad })))).toEqual({
        kind: "redirect",
        status: 303,
        location: `/r/${bad}`,
      });
    }
  });
});

describe("sharing the report with a read-only link", () => {
  it("creates a link, shows its address once on the page after, and lists it without the address", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const empty = dataOf(await outcome(ownerCalls(owner.token).share));
    expect(empty).toMatchObject({ ready: true, links: [], revoked: null });

    const link = await createLink(owner.token, "  Board papers, March  ");
    const list = dataOf(await outcome(ownerCalls(owner.token).share));
    expect(list.links).toEqual([
      {
        id: link.id,
        label: "Board papers, March",
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        lastUsedAt: null,
        revokeHref: `/a/${owner.token}/share/${link.id}/revoke`,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(link.token);
    // Opening the report through it is recorded as its last use.
    expect((await readerPage(link.token)).kind).toBe("data");
    const used = dataOf(await outcome(ownerCalls(owner.token).share)).links as { lastUsedAt: string | null }[];
    expect(used[0]?.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const events = await listAccessEvents(db, owner.assessmentId);
    expect(events.map((event) => event.event)).toEqual(["report-link-created"]);
  });

  it("stores only the link's hash and a sealed copy, never its token", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token);
    const row = await db.selectFrom("report_links").selectAll().where("id", "=", link.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashAccessToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(JSON.stringify(row)).not.toContain(owner.token);
    expect(row.label).toBeNull();
  });

  it("shows a new link's address only to its own assessment, only while it is new and working", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const other = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const theirs = await createLink(other.token);
    const shareHref = `/a/${owner.token}/share`;
    const back = { kind: "redirect", status: 302, location: shareHref };
    expect(await outcome(ownerCalls(owner.token, theirs.id).created)).toEqual(back);
    expect(await outcome(ownerCalls(owner.token, "not-an-id").created)).toEqual(back);

    // A link created more than ten minutes ago is listed, but its address is not shown again.
    const oldId = "B".repeat(22);
    const oldToken = newAccessToken();
    await createReportLink(db, {
      assessmentId: owner.assessmentId,
      id: oldId,
      tokenHash: hashAccessToken(oldToken),
      sealedToken: sealReportToken(oldToken, {
        editToken: owner.token,
        assessmentId: owner.assessmentId,
        linkId: oldId,
      }),
      label: null,
      now: new Date(Date.now() - NEW_LINK_SHOWN_FOR_MS - 1000),
    });
    expect(await outcome(ownerCalls(owner.token, oldId).created)).toEqual(back);
    // A revoked one neither.
    const revoked = await createLink(owner.token);
    await outcome(ownerCalls(owner.token, revoked.id).revokeAction);
    expect(await outcome(ownerCalls(owner.token, revoked.id).created)).toEqual(back);
  });

  it("refuses a name that is too long, has line breaks or is sent twice, keeping what was typed", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const post = (fields: [string, string][] | string, type?: string) =>
      outcome(() =>
        shareRoute.action(actionArgs(`/a/${owner.token}/share?index`, { token: owner.token }, fields, type)),
      );
    const tooLong = "x".repeat(81);
    expect(await post([["label", tooLong]])).toEqual({
      kind: "data",
      status: 400,
      data: {
        errors: { label: "The name must be 80 characters or fewer" },
        formErrors: [],
        values: { label: tooLong },
      },
    });
    expect(await post([["label", "Board\npapers"]])).toMatchObject({
      status: 400,
      data: { errors: { label: "The name must not contain line breaks or hidden characters" } },
    });
    expect(
      (
        await post([
          ["label", "one"],
          ["label", "two"],
        ])
      ).status,
    ).toBe(400);
    expect((await post("label=%E0%A4%A")).status).toBe(400);
    expect((await post(`label=${"x".repeat(20_000)}`)).status).toBe(413);
    expect((await post("label=x", "text/plain")).status).toBe(415);
    // 80 characters exactly is fine.
    expect((await post([["label", "y".repeat(80)]])).kind).toBe("redirect");
    expect(await listReportLinks(db, owner.assessmentId)).toHaveLength(1);
  });

  it("cannot share a report that is not finished yet", async () => {
    const token = newAccessToken();
    const ids = await createAssessment(db, {
      accessTokenHash: hashAccessToken(token),
      questionnaireVersion: QUESTIONNAIRE_VERSION,
    });
    await saveAnswers(db, { ...ids, set: { orgName: "Half done" }, clear: [] });
    expect(dataOf(await outcome(ownerCalls(token).share))).toMatchObject({ ready: false });
    const refused = await outcome(() =>
      shareRoute.action(actionArgs(`/a/${token}/share?index`, { token }, [["label", "Board"]])),
    );
    expect(refused).toMatchObject({
      kind: "data",
      status: 400,
      data: { formErrors: ["You can share your report once every section is complete"] },
    });
    expect(await listReportLinks(db, ids.assessmentId)).toEqual([]);
  });

  it("never answers random and hostile posts with a server error, and creates a link only for a 302", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const text = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.constantFrom("", "<script>alert(1)</script>", "\u0000", "🙂", "مرحبا", "x".repeat(5000)),
    );
    const pair = fc.oneof(
      fc
        .tuple(fc.constantFrom("label", "label", "id", "token", "__proto__", "intent"), text)
        .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
      fc.constantFrom("%E0%A4%A", "=", "&&", "label", "a=%"),
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { maxLength: 6 }), async (pairs) => {
        const result = await outcome(() =>
          shareRoute.action(actionArgs(`/a/${owner.token}/share?index`, { token: owner.token }, pairs.join("&"))),
        );
        expect([302, 400, 413, 415]).toContain(result.status);
        if (result.status === 302) created += 1;
      }),
      { numRuns: 100 },
    );
    expect(await listReportLinks(db, owner.assessmentId)).toHaveLength(created);
    expect(created).toBeGreaterThan(10);
  });
});

describe("revoking a read-only link", () => {
  it("asks first, then revokes: the link answers 404 and the list says which was revoked", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token, "Partners");
    const calls = ownerCalls(owner.token, link.id);
    expect(dataOf(await outcome(calls.revoke))).toMatchObject({ label: "Partners", lastUsedAt: null });

    const revoked = await outcome(calls.revokeAction);
    expect(revoked).toEqual({
      kind: "redirect",
      status: 302,
      location: `/a/${owner.token}/share?revoked=${link.id}`,
    });
    expect(await readerPage(link.token)).toEqual({ kind: "response", status: 404 });
    const page = dataOf(
      await outcome(() =>
        shareRoute.loader(loaderArgs(`/a/${owner.token}/share?revoked=${link.id}`, { token: owner.token })),
      ),
    );
    expect(page).toMatchObject({ revoked: { label: "Partners" }, links: [] });
    // Twice is not possible: the confirmation and the action both say "not found".
    expect(await outcome(calls.revoke)).toEqual({ kind: "response", status: 404 });
    expect(await outcome(calls.revokeAction)).toEqual({ kind: "response", status: 404 });
  });

  it("cannot revoke, or learn the name of, another assessment's link", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const other = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const theirs = await createLink(other.token, "Their board");
    const calls = ownerCalls(owner.token, theirs.id);
    expect(await outcome(calls.revoke)).toEqual({ kind: "response", status: 404 });
    expect(await outcome(calls.revokeAction)).toEqual({ kind: "response", status: 404 });
    expect((await readerPage(theirs.token)).kind).toBe("data");
    await outcome(ownerCalls(other.token, theirs.id).revokeAction);
    const page = dataOf(
      await outcome(() =>
        shareRoute.loader(loaderArgs(`/a/${owner.token}/share?revoked=${theirs.id}`, { token: owner.token })),
      ),
    );
    expect(page.revoked).toBeNull();
    expect(JSON.stringify(page)).not.toContain("Their board");
  });
});

describe("reading the report through a read-only link", () => {
  it("gives the report and its downloads, with no way into the questions and no private link", async () => {
    const owner = await createFinishedAssessment(db, RURAL_COUNCIL.answers, { completedBy: "Aroha Ngata" });
    const link = await createLink(owner.token);
    const page = dataOf(await readerPage(link.token));
    expect(page).toMatchObject({
      kind: "ready",
      downloads: {
        summaryA4Href: `/r/${link.token}/summary.pdf`,
        summaryLetterHref: `/r/${link.token}/summary.pdf?size=letter`,
        pdfA4Href: `/r/${link.token}/report.pdf`,
        pdfLetterHref: `/r/${link.token}/report.pdf?size=letter`,
        pdfFailed: false,
      },
    });
    const view = page.view as { reportUrl: string; report: { meta: { organisationName: string } } };
    expect(view.reportUrl).toBe(link.url);
    expect(view.report.meta.organisationName).toBe(RURAL_COUNCIL.answers.organisation.orgName);
    const json = JSON.stringify(page);
    expect(json).not.toContain(owner.token);
    expect(json).not.toMatch(/\/a\//);
  });

  it("says the report is not available, with no links, while the owner's answers are unfinished", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token);
    // The owner removes an answer the report needs.
    await db
      .deleteFrom("answers")
      .where("assessment_id", "=", owner.assessmentId)
      .where("question_id", "=", "orgType")
      .execute();
    expect(dataOf(await readerPage(link.token))).toEqual({ kind: "incomplete" });
    expect(
      await outcome(() => readerPdfRoute.loader(loaderArgs(`/r/${link.token}/report.pdf`, { token: link.token }))),
    ).toEqual({ kind: "redirect", status: 303, location: `/r/${link.token}` });
    // The owner's own report page still lists what to finish, with links.
    const mine = dataOf(await outcome(ownerCalls(owner.token).report));
    expect(mine.sections).toEqual([
      { title: "Describe your organisation", href: `/a/${owner.token}/check/organisation` },
    ]);
  });
});

describe("the owner's report page", () => {
  it("names the newest working read-only link, or none, and never the private link", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const reportUrl = async () => {
      const page = dataOf(await outcome(ownerCalls(owner.token).report));
      expect(JSON.stringify(page.view)).not.toContain(owner.token);
      return { url: (page.view as { reportUrl: string | null }).reportUrl, label: page.pdfLinkLabel };
    };
    expect(await reportUrl()).toEqual({ url: null, label: null });
    const first = await createLink(owner.token, "First");
    expect(await reportUrl()).toEqual({ url: first.url, label: "First" });
    const second = await createLink(owner.token);
    expect(await reportUrl()).toEqual({ url: second.url, label: "" });
    await outcome(ownerCalls(owner.token, second.id).revokeAction);
    expect(await reportUrl()).toEqual({ url: first.url, label: "First" });
    await outcome(ownerCalls(owner.token, first.id).revokeAction);
    expect(await reportUrl()).toEqual({ url: null, label: null });
  });

  it("offers sharing, replacing and deleting from the task list and the private link page", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    expect(dataOf(await outcome(ownerCalls(owner.token).taskList)).manage).toEqual({
      shareHref: `/a/${owner.token}/share`,
      replaceHref: `/a/${owner.token}/replace-link`,
      deleteHref: `/a/${owner.token}/delete`,
    });
    expect(dataOf(await outcome(ownerCalls(owner.token).yourLink))).toMatchObject({
      justReplaced: false,
      owner: {
        replaceHref: `/a/${owner.token}/replace-link`,
        shareHref: `/a/${owner.token}/share`,
        lastReplacedOn: null,
      },
    });
  });
});

describe("replacing the private link", () => {
  it("asks first, then gives a new link; the old one answers 404 everywhere, at once", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token, "Board");
    expect(dataOf(await outcome(ownerCalls(owner.token).replace))).toMatchObject({
      backHref: `/a/${owner.token}/your-link`,
    });

    const replaced = await outcome(ownerCalls(owner.token).replaceAction);
    if (replaced.kind !== "redirect") throw new Error("not replaced");
    const match = /^\/a\/([A-Za-z0-9_-]{43})\/your-link\?replaced$/.exec(replaced.location);
    const fresh = match?.[1] ?? "";
    expect(fresh).not.toBe("");
    expect(fresh).not.toBe(owner.token);

    for (const [name, call] of Object.entries(ownerCalls(owner.token, link.id))) {
      expect(await outcome(call), name).toEqual({ kind: "response", status: 404 });
    }
    expect(
      await outcome(() => ownerPdfRoute.loader(loaderArgs(`/a/${owner.token}/report.pdf`, { token: owner.token }))),
    ).toEqual({ kind: "redirect", status: 303, location: `/a/${owner.token}/report` });

    const page = dataOf(
      await outcome(() => yourLinkRoute.loader(loaderArgs(`/a/${fresh}/your-link?replaced`, { token: fresh }))),
    );
    expect(page).toMatchObject({ justReplaced: true, link: `${PUBLIC_ADDRESS}/a/${fresh}` });
    expect((page.owner as { lastReplacedOn: string }).lastReplacedOn).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await listAccessEvents(db, owner.assessmentId)).map((event) => event.event)).toEqual([
      "report-link-created",
      "edit-link-replaced",
    ]);
    // Only hashes are stored: neither link appears in the respondent's row.
    const row = await db
      .selectFrom("respondents")
      .selectAll()
      .where("id", "=", owner.respondentId)
      .executeTakeFirstOrThrow();
    expect(row.access_token_hash).toBe(hashAccessToken(fresh));
    expect(JSON.stringify(row)).not.toContain(fresh);

    // The read-only link keeps working, and the new private link's PDF still names it.
    expect((await readerPage(link.token)).kind).toBe("data");
    const report = dataOf(await outcome(ownerCalls(fresh).report));
    expect((report.view as { reportUrl: string }).reportUrl).toBe(link.url);
  });
});

describe("deleting the assessment", () => {
  it("asks first, then deletes everything: every link to it answers 404", async () => {
    const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    const link = await createLink(owner.token);
    const other = await createFinishedAssessment(db, SMALL_SHIRE.answers);
    expect(dataOf(await outcome(ownerCalls(owner.token).delete))).toMatchObject({
      taskListHref: `/a/${owner.token}`,
    });
    expect(await outcome(ownerCalls(owner.token).deleteAction)).toEqual({
      kind: "redirect",
      status: 302,
      location: "/deleted",
    });
    for (const [name, call] of Object.entries(ownerCalls(owner.token, link.id))) {
      expect(await outcome(call), name).toEqual({ kind: "response", status: 404 });
    }
    expect(await readerPage(link.token)).toEqual({ kind: "response", status: 404 });
    for (const table of ["assessments", "respondents", "answers", "report_links", "access_events"] as const) {
      const column = table === "assessments" ? "id" : "assessment_id";
      const rows = await db.selectFrom(table).select(column).where(column, "=", owner.assessmentId).execute();
      expect(rows, table).toEqual([]);
    }
    expect(await findRespondentByTokenHash(db, hashAccessToken(other.token))).toBeDefined();
  });
});

describe("actions that take no input", () => {
  it("ignore whatever body is sent: never a server error", async () => {
    const bodies: [string, string][] = [
      ["%FF=%FE&&", "application/x-www-form-urlencoded"],
      ["x".repeat(300_000), "application/x-www-form-urlencoded"],
      ['{"a":1}', "application/json"],
      ["--b\r\n", "multipart/form-data; boundary=b"],
    ];
    for (const [body, type] of bodies) {
      const owner = await createFinishedAssessment(db, SMALL_SHIRE.answers);
      const link = await createLink(owner.token);
      const params = { token: owner.token, linkId: link.id };
      const revoke = await outcome(() =>
        revokeRoute.action(actionArgs(`/a/${owner.token}/share/${link.id}/revoke`, params, body, type)),
      );
      expect(revoke.status).toBe(302);
      const replace = await outcome(() =>
        replaceRoute.action(actionArgs(`/a/${owner.token}/replace-link`, params, body, type)),
      );
      expect(replace.status).toBe(302);
      const fresh = replace.kind === "redirect" ? (replace.location.split("/")[2] ?? "") : "";
      const remove = await outcome(() =>
        deleteRoute.action(actionArgs(`/a/${fresh}/delete`, { token: fresh }, body, type)),
      );
      expect(remove).toEqual({ kind: "redirect", status: 302, location: "/deleted" });
    }
  });
});
