/**
 * Re-assessment through the database: a client's finished assessments, the next one started from
 * a finished one (blank or with its answers to review), and the report of a later assessment
 * carrying what changed since the previous one, worked out by the scoring module.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesThatMay } from "../../app/accounts/roles";
import { db } from "../../app/db.server";
import { buildReportDocx } from "../../app/exports/docx/report-docx.server";
import { loadExportSource } from "../../app/exports/export-source.server";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { COMPARISON_TITLE } from "../../app/reassessment/comparison-wording";
import { loadReport } from "../../app/report.server";
import type { ReportView } from "../../app/report/report-view";
import { getAnswers, saveAnswers } from "../../db/repositories/answers";
import { deleteAssessment, findRespondentByTokenHash, type RespondentContext } from "../../db/repositories/assessments";
import { findWorkspaceRespondent as findWorkspaceAssessment } from "../../db/repositories/clients";
import { startNextAssessment } from "../../db/repositories/reassessment";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { compareReports } from "../../scoring/reassessment";
import type { AssessmentAnswers } from "../../scoring/answers";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { RURAL_COUNCIL_HOUSE_RULES, RURAL_COUNCIL_IMPROVED, scoreOn } from "../fixtures/reassessment-pairs";
import { createTestAccount, type TestAccount } from "../support/accounts";
import { createFinishedAssessment } from "../support/finished-assessment";
import { outcome } from "../support/route-helpers";
import * as changesRoute from "../../app/routes/w.$workspaceId_.assessments.$assessmentId.changes";
import * as nextRoute from "../../app/routes/w.$workspaceId_.assessments.$assessmentId.next";

const RENDER_TIMEOUT = 240_000;
const CREATORS = rolesThatMay("create-assessments");
const dir = mkdtempSync(path.join(tmpdir(), "reassessment-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATES = ["2026-03-02T09:00:00.000Z", "2026-07-14T09:00:00.000Z", "2026-11-20T09:00:00.000Z"];

let owner: TestAccount;
let outsider: TestAccount;
let viewerId: string;
let viewerCookie: string;
const assessmentIds: string[] = [];

async function contextOf(assessmentId: string): Promise<RespondentContext> {
  const found = await findWorkspaceAssessment(
    db,
    { userId: owner.userId, workspaceId: owner.workspaceId },
    assessmentId,
  );
  if (!found) throw new Error(`assessment ${assessmentId} not found`);
  return found;
}

async function readyView(assessmentId: string) {
  const loaded = await loadReport(await contextOf(assessmentId), { accessibleVersionUrl: null, sectionHref: null });
  if (loaded.kind !== "ready") throw new Error("report not ready");
  return loaded.view;
}

/** Answers the new assessment as the client did, completes every section and finishes it on `date`. */
async function answerAndFinish(assessmentId: string, answers: AssessmentAnswers, date: string) {
  const context = await contextOf(assessmentId);
  await saveAnswers(db, {
    respondentId: context.respondentId,
    assessmentId,
    organisationId: context.organisationId,
    set: storedAnswersFrom(answers),
    clear: [],
    organisationName: answers.organisation.orgName,
    now: new Date(date),
  });
  for (const section of SECTIONS) {
    await setSectionCompleted(db, { respondentId: context.respondentId, sectionId: section.id, completed: true });
  }
  await db.updateTable("respondents").set({ submitted_at: date }).where("id", "=", context.respondentId).execute();
}

async function countRows(table: "assessments" | "answers" | "audit_events"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

beforeAll(async () => {
  owner = await createTestAccount(db, { workspaceName: "Harbour Consulting" });
  outsider = await createTestAccount(db, { workspaceName: "Other Consultancy" });
  const viewer = await createTestAccount(db, { workspaceName: "Viewer's own" });
  viewerId = viewer.userId;
  viewerCookie = viewer.cookieValue;
  await db
    .insertInto("workspace_members")
    .values({ workspace_id: owner.workspaceId, user_id: viewerId, role: "viewer", created_at: DATES[0] as string })
    .execute();

  // The first assessment, finished, then made a client of the owner's workspace.
  const first = await createFinishedAssessment(db, RURAL_COUNCIL.answers);
  await db
    .updateTable("organisations")
    .set({ workspace_id: owner.workspaceId, client_name: "Ridgeline District Council" })
    .where("id", "=", first.organisationId)
    .execute();
  await db
    .updateTable("assessments")
    .set({ created_at: DATES[0] as string, run_by_user_id: owner.userId })
    .where("id", "=", first.assessmentId)
    .execute();
  await db
    .updateTable("respondents")
    .set({ submitted_at: DATES[0] as string })
    .where("id", "=", first.respondentId)
    .execute();
  assessmentIds.push(first.assessmentId);
});

describe("starting the next assessment", () => {
  it("copies every answer of the finished one when asked to, but no section is marked complete", async () => {
    const from = await contextOf(assessmentIds[0] as string);
    const earlierAnswers = await getAnswers(db, from.respondentId);
    const next = await startNextAssessment(
      db,
      { userId: owner.userId, workspaceId: owner.workspaceId, allowedRoles: CREATORS },
      {
        fromAssessmentId: from.assessmentId,
        accessTokenHash: "a".repeat(64),
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        answers: earlierAnswers,
        now: new Date(DATES[1] as string),
      },
    );
    if (!next) throw new Error("not started");
    expect(next.organisationId).toBe(from.organisationId);
    expect(await getAnswers(db, next.respondentId)).toEqual(earlierAnswers);
    const progress = await db
      .selectFrom("section_progress")
      .selectAll()
      .where("respondent_id", "=", next.respondentId)
      .execute();
    expect(progress).toEqual([]);
    const row = await db
      .selectFrom("assessments")
      .select(["previous_assessment_id", "run_by_user_id"])
      .where("id", "=", next.assessmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ previous_assessment_id: from.assessmentId, run_by_user_id: owner.userId });
    const audit = await db
      .selectFrom("audit_events")
      .select(["action", "workspace_id", "actor_user_id", "detail_json"])
      .where("subject", "=", next.assessmentId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "reassessment-started", workspace_id: owner.workspaceId });
    expect(JSON.parse(audit[0]?.detail_json ?? "{}")).toMatchObject({ follows: from.assessmentId, prefilled: true });
    // The private link's hash is the new owner's, so the link opens the new assessment.
    const opened = await findRespondentByTokenHash(db, "a".repeat(64));
    expect(opened?.assessmentId).toBe(next.assessmentId);
    assessmentIds.push(next.assessmentId);
  });

  it("starts blank when asked to", async () => {
    const next = await startNextAssessment(
      db,
      { userId: owner.userId, workspaceId: owner.workspaceId, allowedRoles: CREATORS },
      {
        fromAssessmentId: assessmentIds[0] as string,
        accessTokenHash: "b".repeat(64),
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        answers: null,
      },
    );
    if (!next) throw new Error("not started");
    expect(await getAnswers(db, next.respondentId)).toEqual({});
    // Not part of the history that follows: remove it again.
    expect(await deleteAssessment(db, next.assessmentId)).toBe(true);
  });

  it("writes nothing for a viewer, a non-member, or an assessment that is not finished", async () => {
    const before = await Promise.all([countRows("assessments"), countRows("answers"), countRows("audit_events")]);
    const attempt = (userId: string, workspaceId: string, fromAssessmentId: string) =>
      startNextAssessment(
        db,
        { userId, workspaceId, allowedRoles: CREATORS },
        {
          fromAssessmentId,
          accessTokenHash: "c".repeat(64),
          questionnaireVersion: QUESTIONNAIRE_VERSION,
          answers: { "org-name": "x" },
        },
      );
    expect(await attempt(viewerId, owner.workspaceId, assessmentIds[0] as string)).toBeUndefined();
    expect(await attempt(outsider.userId, owner.workspaceId, assessmentIds[0] as string)).toBeUndefined();
    expect(await attempt(outsider.userId, outsider.workspaceId, assessmentIds[0] as string)).toBeUndefined();
    // The second assessment has answers but is not finished yet.
    expect(await attempt(owner.userId, owner.workspaceId, assessmentIds[1] as string)).toBeUndefined();
    const after = await Promise.all([countRows("assessments"), countRows("answers"), countRows("audit_events")]);
    expect(after).toEqual(before);
  });

  it("finds a workspace's assessment only for its members", async () => {
    const id = assessmentIds[0] as string;
    expect(await findWorkspaceAssessment(db, { userId: viewerId, workspaceId: owner.workspaceId }, id)).toBeDefined();
    expect(
      await findWorkspaceAssessment(db, { userId: outsider.userId, workspaceId: owner.workspaceId }, id),
    ).toBeUndefined();
    expect(
      await findWorkspaceAssessment(db, { userId: outsider.userId, workspaceId: outsider.workspaceId }, id),
    ).toBeUndefined();
  });
});

describe("the report of a re-assessment", () => {
  beforeAll(async () => {
    await answerAndFinish(assessmentIds[1] as string, RURAL_COUNCIL_HOUSE_RULES, DATES[1] as string);
    const third = await startNextAssessment(
      db,
      { userId: owner.userId, workspaceId: owner.workspaceId, allowedRoles: CREATORS },
      {
        fromAssessmentId: assessmentIds[1] as string,
        accessTokenHash: "d".repeat(64),
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        answers: null,
        now: new Date(DATES[2] as string),
      },
    );
    if (!third) throw new Error("not started");
    assessmentIds.push(third.assessmentId);
    await answerAndFinish(third.assessmentId, RURAL_COUNCIL_IMPROVED, DATES[2] as string);
  });

  it("has no comparison for the client's first assessment", async () => {
    expect((await readyView(assessmentIds[0] as string)).progress).toBeNull();
  });

  it("compares the second with the first, without a trend", async () => {
    const view = await readyView(assessmentIds[1] as string);
    expect(view.progress?.trend).toBeNull();
    expect(view.progress?.comparison.earlier.assessedOn).toBe("2026-03-02");
    expect(view.progress?.comparison.later.assessedOn).toBe("2026-07-14");
  });

  it("compares the third with the second exactly as the scoring module does, with a trend over all three", async () => {
    const view = await readyView(assessmentIds[2] as string);
    const expected = compareReports(
      scoreOn(RURAL_COUNCIL_HOUSE_RULES, "2026-07-14"),
      scoreOn(RURAL_COUNCIL_IMPROVED, "2026-11-20"),
    );
    expect(view.progress?.comparison.overall).toEqual(expected.overall);
    expect(view.progress?.comparison.areas).toEqual(expected.areas);
    expect(view.progress?.comparison.risks).toEqual(expected.risks);
    expect(view.progress?.comparison.stepCounts).toEqual(expected.stepCounts);
    expect(view.progress?.trend?.points.map((point) => point.assessedOn)).toEqual([
      "2026-03-02",
      "2026-07-14",
      "2026-11-20",
    ]);
    // The comparison's "now" is this report's own judgement.
    expect(view.progress?.comparison.verdict.now).toBe(view.report.verdict.band);
    expect(view.progress?.comparison.overall.now).toBe(view.report.overall.score);
  });

  it("reaches the client's executive too, through their private link", async () => {
    const opened = await findRespondentByTokenHash(db, "d".repeat(64));
    if (!opened) throw new Error("no respondent");
    const loaded = await loadReport(opened, { accessibleVersionUrl: null, sectionHref: null });
    expect(loaded.kind === "ready" && loaded.view.progress?.trend?.points).toHaveLength(3);
  });

  it("never compares an anonymous assessment", async () => {
    const anonymous = await createFinishedAssessment(db, RURAL_COUNCIL_IMPROVED);
    const opened = await findRespondentByTokenHash(db, (await contextHash(anonymous.token)) as string);
    if (!opened) throw new Error("no respondent");
    expect(opened.workspaceId).toBeNull();
    const loaded = await loadReport(opened, { accessibleVersionUrl: null, sectionHref: null });
    expect(loaded.kind === "ready" && loaded.view.progress).toBeNull();
  });

  it(
    "puts the comparison in the PDF before section 1, in the contents and outside the numbering",
    async () => {
      const view = await readyView(assessmentIds[2] as string);
      const pdf = await renderReportPdf(view, { pageSize: "A4", document: "full" });
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
        encoding: "utf8",
        maxBuffer: 16 << 20,
      });
      const pages = text.split("\f");
      const contents = pages[1] ?? "";
      expect(contents.indexOf(COMPARISON_TITLE)).toBeGreaterThan(-1);
      expect(contents.indexOf(COMPARISON_TITLE)).toBeLessThan(contents.indexOf("The verdict"));
      const progressPage = pages[2] ?? "";
      // The label above the title is set in spaced capitals, which pdftotext -layout spreads out.
      const squashed = (page: string) => page.replace(/\s+/g, "").toUpperCase();
      expect(squashed(progressPage)).toContain("SINCETHELASTASSESSMENT");
      expect(progressPage).toContain(COMPARISON_TITLE);
      expect(squashed(progressPage)).not.toContain("SECTION1");
      expect(squashed(pages.slice(3).join(""))).toContain("SECTION1");
    },
    RENDER_TIMEOUT,
  );

  it("puts the same comparison in the Word document, and none for the first assessment", async () => {
    const third = await loadExportSource(await contextOf(assessmentIds[2] as string));
    const page = await readyView(assessmentIds[2] as string);
    expect(third.view?.progress).toEqual(page.progress);
    expect(third.view?.progress?.trend?.points).toHaveLength(3);
    const documentXml = (view: ReportView) =>
      buildReportDocx(view).then((docx) =>
        strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"] ?? new Uint8Array()),
      );
    expect(await documentXml(third.view as ReportView)).toContain(COMPARISON_TITLE);
    const first = await loadExportSource(await contextOf(assessmentIds[0] as string));
    expect(first.view?.progress).toBeNull();
    expect(await documentXml(first.view as ReportView)).not.toContain(COMPARISON_TITLE);
  });

  it("shows a member the comparison page, and anyone else the page-not-found answer", async () => {
    const id = assessmentIds[2] as string;
    const page = await outcome(() =>
      changesRoute.loader(signedIn(owner.cookieValue, owner.workspaceId, id, "changes")),
    );
    expect(page.kind).toBe("data");
    const loaded = (page as { data: Awaited<ReturnType<typeof changesRoute.loader>> }).data;
    expect(loaded.state).toBe("compared");
    expect(loaded.progress?.trend?.points).toHaveLength(3);
    expect(loaded.nextHref).toBe(`/w/${owner.workspaceId}/assessments/${id}/next`);
    // The outsider, in their own workspace or in this one, by this assessment's id.
    for (const workspaceId of [outsider.workspaceId, owner.workspaceId]) {
      const refused = await outcome(() =>
        changesRoute.loader(signedIn(outsider.cookieValue, workspaceId, id, "changes")),
      );
      expect(refused).toMatchObject({ kind: "response", status: 404 });
    }
    const first = await outcome(() =>
      changesRoute.loader(signedIn(owner.cookieValue, owner.workspaceId, assessmentIds[0] as string, "changes")),
    );
    expect((first as { data: { state: string } }).data.state).toBe("first");
  });

  it("starts the next assessment from the page, showing its private link once, and refuses a viewer", async () => {
    const id = assessmentIds[2] as string;
    const missing = await outcome(() => nextRoute.action(signedInPost(owner.cookieValue, owner.workspaceId, id, [])));
    expect(missing).toMatchObject({ kind: "data", status: 400 });
    expect((missing as { data: { errors: { start?: string } } }).data.errors.start).toBe(
      "Choose how the next assessment should start",
    );
    const before = await countRows("assessments");
    const started = await outcome(() =>
      nextRoute.action(signedInPost(owner.cookieValue, owner.workspaceId, id, [["start", "copy"]])),
    );
    expect(started.kind).toBe("data");
    const link = (started as { data: { started: { link: string } } }).data.started.link;
    const token = link.split("/a/")[1] ?? "";
    const opened = await findRespondentByTokenHash(db, await contextHash(token));
    expect(opened?.organisationId).toBe((await contextOf(id)).organisationId);
    expect(await countRows("assessments")).toBe(before + 1);
    if (!opened) throw new Error("not opened");
    assessmentIds.push(opened.assessmentId);
    // Copied answers: the new one has as many answers as the one it follows.
    expect(Object.keys(await getAnswers(db, opened.respondentId)).length).toBe(
      Object.keys(await getAnswers(db, (await contextOf(id)).respondentId)).length,
    );

    // A viewer reads the comparison but cannot start an assessment: the page and the post are "not found".
    const reads = await outcome(() => changesRoute.loader(signedIn(viewerCookie, owner.workspaceId, id, "changes")));
    expect(reads.kind).toBe("data");
    expect((reads as { data: { nextHref: string | null } }).data.nextHref).toBeNull();
    const count = await countRows("assessments");
    const page = await outcome(() => nextRoute.loader(signedIn(viewerCookie, owner.workspaceId, id, "next")));
    expect(page).toMatchObject({ kind: "response", status: 404 });
    const post = await outcome(() =>
      nextRoute.action(signedInPost(viewerCookie, owner.workspaceId, id, [["start", "blank"]])),
    );
    expect(post).toMatchObject({ kind: "response", status: 404 });
    expect(await countRows("assessments")).toBe(count);
  });

  it("keeps the client when its only assessment is deleted", async () => {
    const context = await contextOf(assessmentIds[0] as string);
    const client = await db
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", context.organisationId)
      .executeTakeFirst();
    expect(client).toBeDefined();
    for (const id of [...assessmentIds].reverse()) expect(await deleteAssessment(db, id)).toBe(true);
    const kept = await db
      .selectFrom("organisations")
      .select(["id", "client_name"])
      .where("id", "=", context.organisationId)
      .executeTakeFirst();
    expect(kept?.client_name).toBe("Ridgeline District Council");
  });
});

function signedIn(cookie: string, workspaceId: string, assessmentId: string, page: string) {
  const path = `/w/${workspaceId}/assessments/${assessmentId}/${page}`;
  return {
    request: new Request(`http://localhost${path}`, { headers: { cookie: `session=${cookie}` } }),
    params: { workspaceId, assessmentId },
    context: {},
  };
}

function signedInPost(cookie: string, workspaceId: string, assessmentId: string, fields: [string, string][]) {
  const path = `/w/${workspaceId}/assessments/${assessmentId}/next`;
  return {
    request: new Request(`http://localhost${path}`, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: { cookie: `session=${cookie}`, "content-type": "application/x-www-form-urlencoded" },
    }),
    params: { workspaceId, assessmentId },
    context: {},
  };
}

async function contextHash(token: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(token).digest("hex");
}
