/**
 * PDFs ready before they are asked for, through the app's own routes: finishing an assessment
 * renders its board summary and full report in the background; a download then reads the kept file without rendering, also
 * after a restart (a new store on a new connection to the same database file); an answer saved
 * on the finished assessment renders it again, once for several saves, and removes the old file;
 * a read-only link created or revoked does the same; and a download right after an answer
 * changes never gets the old file, whether or not the new one is ready.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { createRenderAhead } from "../../app/pdf/pdf-files.server";
import { createPdfStore, type PdfStore, type PdfStorePool } from "../../app/pdf/pdf-store.server";
import { renderReportPdfFile } from "../../app/pdf/render-report.server";
import { QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import * as checkAnswersRoute from "../../app/routes/a.$token.check-answers";
import * as organisationRoute from "../../app/routes/a.$token.organisation.$page";
import * as ownerPdfRoute from "../../app/routes/a.$token.report[.]pdf";
import * as ownerSummaryRoute from "../../app/routes/a.$token.summary[.]pdf";
import * as revokeRoute from "../../app/routes/a.$token.share.$linkId.revoke";
import * as shareRoute from "../../app/routes/a.$token.share._index";
import { openDatabase } from "../../db/connection";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "../../db/repositories/assessments";
import { listReportLinks } from "../../db/repositories/links";
import { findRenderedFile, listRenderedFiles } from "../../db/repositories/rendered-files";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { SMALL_SHIRE } from "../fixtures/example-organisations";
import { actionArgs, loaderArgs, outcome } from "../support/route-helpers";

const TIMEOUT = 240_000;
const dir = mkdtempSync(path.join(tmpdir(), "pdf-store-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A one-worker pool that renders in this thread: the real renderer, counted, with the pool's
 * idle count so that the store renders ahead as it does with worker threads.
 */
function countingPool(): PdfStorePool & { renders: number; priorities: string[] } {
  let running = 0;
  const pool = {
    renders: 0,
    priorities: [] as string[],
    mode: "workers" as const,
    get idle() {
      return running === 0 ? 1 : 0;
    },
    async renderFile(...[view, options, job]: Parameters<PdfStorePool["renderFile"]>) {
      running += 1;
      pool.renders += 1;
      pool.priorities.push(job?.priority ?? "normal");
      try {
        return await renderReportPdfFile(view, options, job?.layoutHint ?? null);
      } finally {
        running -= 1;
      }
    },
  };
  return pool;
}

let pool: ReturnType<typeof countingPool>;
let store: PdfStore;

beforeAll(() => {
  pool = countingPool();
  store = createPdfStore({ db, pool, pollMs: 10 });
  globalThis.__pdfStore = store;
});

beforeEach(() => {
  // A short delay, so the tests can show that saves in a row render once.
  globalThis.__pdfRenderAhead = createRenderAhead(store, 200);
});

function renderAhead() {
  const ahead = globalThis.__pdfRenderAhead;
  if (!ahead) throw new Error("no render-ahead");
  return ahead;
}

/** Answered, every section complete, not yet finished. */
async function readyToFinish(): Promise<{ token: string; assessmentId: string }> {
  const token = newAccessToken();
  const ids = await createAssessment(db, {
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  await saveAnswers(db, {
    ...ids,
    set: storedAnswersFrom(SMALL_SHIRE.answers),
    clear: [],
    organisationName: SMALL_SHIRE.answers.organisation.orgName,
  });
  for (const section of SECTIONS) {
    await setSectionCompleted(db, { respondentId: ids.respondentId, sectionId: section.id, completed: true });
  }
  return { token, assessmentId: ids.assessmentId };
}

async function finish(token: string) {
  const result = await outcome(() =>
    checkAnswersRoute.action(
      actionArgs(`/a/${token}/check-answers`, { token }, [
        ["completedByName", "Aroha Ngata"],
        ["completedByRole", "Director of Communications"],
      ]),
    ),
  );
  expect(result).toMatchObject({ kind: "redirect", location: `/a/${token}/complete` });
}

async function renameOrganisation(token: string, name: string) {
  const result = await outcome(() =>
    organisationRoute.action(
      actionArgs(`/a/${token}/organisation/name`, { token, section: "organisation", page: "name" }, [
        ["orgName", name],
      ]),
    ),
  );
  expect(result).toMatchObject({ kind: "redirect" });
}

async function download(token: string, document: "full" | "summary" = "full"): Promise<Buffer> {
  const response =
    document === "full"
      ? await ownerPdfRoute.loader(loaderArgs(`/a/${token}/report.pdf`, { token }))
      : await ownerSummaryRoute.loader(loaderArgs(`/a/${token}/summary.pdf`, { token }));
  if (!(response instanceof Response)) throw new Error("no response");
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

/** The kept files, the board summary's first, and the full report's key. */
async function keptFiles(assessmentId: string) {
  const rows = await listRenderedFiles(db, assessmentId);
  const sorted = [...rows].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "summary" ? -1 : 1));
  return { rows: sorted, fullKey: rows.find((row) => row.kind === "full")?.key };
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
}

describe("PDFs kept in the database", () => {
  it(
    "are rendered in the background when an assessment is finished, and a download then reads the file",
    async () => {
      const { token, assessmentId } = await readyToFinish();
      await finish(token);
      // Nothing is rendered while the person is still being answered.
      expect(pool.renders).toBe(0);
      await renderAhead().flush();
      // The A4 board summary and the A4 full report, in separate rows.
      expect(pool.renders).toBe(2);
      expect(pool.priorities).toEqual(["background", "background"]);
      const kept = (await keptFiles(assessmentId)).rows;
      expect(kept).toEqual([
        expect.objectContaining({ kind: "summary", pageSize: "A4" }),
        expect.objectContaining({ kind: "full", pageSize: "A4" }),
      ]);
      expect(kept[0]?.pageCount).toBeGreaterThanOrEqual(2);
      expect(kept[1]?.pageCount).toBeGreaterThan(5);

      const pdf = await download(token);
      expect(pool.renders).toBe(2);
      const row = await findRenderedFile(db, { assessmentId, key: kept[1]?.key ?? "" });
      expect(row?.bytes.equals(pdf)).toBe(true);
      expect(pdfText(pdf, "finished")).toContain(SMALL_SHIRE.answers.organisation.orgName);
      // The board summary's download reads its own row too.
      const summary = await download(token, "summary");
      expect(pool.renders).toBe(2);
      const summaryRow = await findRenderedFile(db, { assessmentId, key: kept[0]?.key ?? "" });
      expect(summaryRow?.bytes.equals(summary)).toBe(true);

      // A restart, or a second server process on the same file: a new connection and a store
      // whose pool cannot render. The download is the same file, read from its row.
      const reopened = openDatabase(process.env.DATABASE_URL);
      try {
        const restarted = createPdfStore({
          db: reopened,
          pool: {
            mode: "workers",
            idle: 1,
            renderFile: () => Promise.reject(new Error("rendered instead of reading the kept file")),
          },
        });
        globalThis.__pdfStore = restarted;
        expect((await download(token)).equals(pdf)).toBe(true);
        expect((await download(token, "summary")).equals(summary)).toBe(true);
      } finally {
        globalThis.__pdfStore = store;
        await reopened.destroy();
      }
    },
    TIMEOUT,
  );

  it(
    "are rendered again once after several saves on a finished assessment, the old file removed, and never served stale",
    async () => {
      // Rendering ahead waits until flushed here, so the download below is first on a slow machine.
      globalThis.__pdfRenderAhead = createRenderAhead(store, 60_000);
      const { token, assessmentId } = await readyToFinish();
      await finish(token);
      await renderAhead().flush();
      const before = (await keptFiles(assessmentId)).fullKey;
      const rendersBefore = pool.renders;

      // Three saves in a row: one render, after the last.
      await renameOrganisation(token, "Shire of First Thoughts");
      await renameOrganisation(token, "Shire of Second Thoughts");
      await renameOrganisation(token, "Shire of Final Thoughts");
      expect(renderAhead().scheduled).toBe(1);
      // A download straight after the change, before the new file is ready, shows the change: it
      // renders at the front of the queue rather than serving the kept file.
      const immediate = pdfText(await download(token), "immediate");
      expect(immediate).toContain("Shire of Final Thoughts");
      expect(immediate).not.toContain(SMALL_SHIRE.answers.organisation.orgName);
      expect(pool.priorities.at(-1)).toBe("front");
      expect(pool.renders).toBe(rendersBefore + 1);

      await renderAhead().flush();
      // The download already kept the current full report: the render-ahead found it and made
      // only the board summary.
      expect(pool.renders).toBe(rendersBefore + 2);
      const after = await keptFiles(assessmentId);
      expect(after.rows).toHaveLength(2);
      expect(after.fullKey).not.toBe(before);

      // Another change, this time left to the background: the old file goes, the new one is read.
      globalThis.__pdfRenderAhead = createRenderAhead(store, 200);
      await renameOrganisation(token, "Shire of Afterthoughts");
      await new Promise((resolve) => setTimeout(resolve, 400));
      await renderAhead().flush();
      expect(pool.renders).toBe(rendersBefore + 4);
      const latest = await keptFiles(assessmentId);
      expect(latest.rows).toHaveLength(2);
      expect(latest.fullKey).not.toBe(after.fullKey);
      const text = pdfText(await download(token), "afterthoughts");
      expect(pool.renders).toBe(rendersBefore + 4);
      expect(text).toContain("Shire of Afterthoughts");
      expect(text).not.toContain("Shire of Final Thoughts");
    },
    TIMEOUT,
  );

  it(
    "are rendered again when a read-only link is created or revoked, since the owner's PDF names the newest",
    async () => {
      const { token, assessmentId } = await readyToFinish();
      await finish(token);
      await renderAhead().flush();
      const unshared = (await keptFiles(assessmentId)).fullKey;

      const created = await outcome(() =>
        shareRoute.action(actionArgs(`/a/${token}/share?index`, { token }, [["label", "Board papers"]])),
      );
      expect(created).toMatchObject({ kind: "redirect" });
      await renderAhead().flush();
      // The owner's PDFs and the link's own name the same address: one file of each for both.
      const shared = await keptFiles(assessmentId);
      expect(shared.rows).toHaveLength(2);
      expect(shared.fullKey).not.toBe(unshared);
      const owner = await findRespondentByTokenHash(db, hashAccessToken(token));
      const [link] = await listReportLinks(db, owner?.assessmentId ?? "");
      const rendersShared = pool.renders;
      expect(pdfText(await download(token), "shared")).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
      expect(pool.renders).toBe(rendersShared);

      const revoked = await outcome(() =>
        revokeRoute.action(actionArgs(`/a/${token}/share/${link?.id}/revoke`, { token, linkId: link?.id ?? "" }, [])),
      );
      expect(revoked).toMatchObject({ kind: "redirect" });
      await renderAhead().flush();
      const after = await keptFiles(assessmentId);
      expect(after.rows).toHaveLength(2);
      expect(after.fullKey).not.toBe(shared.fullKey);
      // With the same page count as before, react-pdf laid it out once.
      expect(store.stats.reusedLayouts).toBeGreaterThan(0);
      const rendersRevoked = pool.renders;
      expect(pdfText(await download(token), "revoked")).not.toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
      expect(pool.renders).toBe(rendersRevoked);
    },
    TIMEOUT,
  );
});
