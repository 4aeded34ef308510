import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAssessment, type NewAssessment } from "../../db/repositories/assessments";
import { listRenderedFiles, saveRenderedFile } from "../../db/repositories/rendered-files";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import type { ReportView } from "../report/report-view";
import type { PdfJobOptions } from "./pdf-pool.server";
import { createPdfStore, pdfFileKey, PdfWaitTimeoutError, type PdfStorePool } from "./pdf-store.server";
import type { PdfLayout, RenderPdfOptions } from "./render-report.server";

const LAYOUT: PdfLayout = { totalPages: 41, subTotals: [1, 1, 39], sectionPages: { verdict: 3 } };

type Job = {
  view: ReportView;
  options: RenderPdfOptions;
  job: PdfJobOptions | undefined;
  finish: (text?: string) => void;
  fail: (error: Error) => void;
};

/** A pool that records its jobs and lets the test finish or fail each one; `workers` are idle until given jobs. */
function fakePool(workers = 2) {
  const jobs: Job[] = [];
  let running = 0;
  const pool: PdfStorePool & { jobs: Job[] } = {
    jobs,
    mode: "workers",
    get idle() {
      return Math.max(0, workers - running);
    },
    renderFile(view, options, job) {
      running += 1;
      return new Promise((resolve, reject) => {
        jobs.push({
          view,
          options,
          job,
          finish: (text = `pdf of ${(view as unknown as { name: string }).name} ${options.pageSize}`) => {
            running -= 1;
            resolve({ pdf: Buffer.from(text), layout: LAYOUT, rounds: job?.layoutHint ? 1 : 2, renders: 1 });
          },
          fail: (error) => {
            running -= 1;
            reject(error);
          },
        });
      });
    },
  };
  return pool;
}

const view = (name: string) => ({ name, reportUrl: `https://example.org/r/${name}` }) as unknown as ReportView;
const A4: RenderPdfOptions = { pageSize: "A4", document: "full" };
const SUMMARY: RenderPdfOptions = { pageSize: "A4", document: "summary" };
/** Lets the store's database reads and writes run. */
const settle = async (times = 20) => {
  for (let i = 0; i < times; i += 1) await new Promise((resolve) => setImmediate(resolve));
};
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
}

let t: TestDatabase;
let mine: NewAssessment;
let theirs: NewAssessment;

beforeEach(async () => {
  t = await createTestDatabase();
  mine = await createAssessment(t.db, { accessTokenHash: "edit-mine", questionnaireVersion: "v" });
  theirs = await createAssessment(t.db, { accessTokenHash: "edit-theirs", questionnaireVersion: "v" });
});
afterEach(async () => {
  await t.destroy();
});

describe("pdfFileKey", () => {
  it("is stable, and changes with anything the PDF shows and with any render option", () => {
    const key = pdfFileKey(view("one"), A4);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfFileKey(view("one"), { pageSize: "A4", document: "full" })).toBe(key);
    expect(pdfFileKey(view("two"), A4)).not.toBe(key);
    expect(pdfFileKey({ ...view("one"), reportUrl: null } as ReportView, A4)).not.toBe(key);
    expect(pdfFileKey(view("one"), { pageSize: "LETTER", document: "full" })).not.toBe(key);
    // The whole options object counts (the document as well as the page size), in any key order.
    const summary: RenderPdfOptions = { pageSize: "A4", document: "summary" };
    const reordered = { document: "summary", pageSize: "A4" } as RenderPdfOptions;
    expect(pdfFileKey(view("one"), summary)).not.toBe(key);
    expect(pdfFileKey(view("one"), reordered)).toBe(pdfFileKey(view("one"), summary));
  });
});

describe("the PDF store", () => {
  it("renders a missing file at the front of the queue, keeps it, and then reads it from the database", async () => {
    const pool = fakePool();
    const store = createPdfStore({ db: t.db, pool });
    const first = store.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 1);
    expect(pool.jobs[0]?.job?.priority).toBe("front");
    pool.jobs[0]?.finish();
    expect((await first).toString()).toBe("pdf of one A4");
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([
      { key: pdfFileKey(view("one"), A4), kind: "full", pageSize: "A4", byteLength: 13, pageCount: 41 },
    ]);
    expect((await store.get(mine.assessmentId, view("one"), A4)).toString()).toBe("pdf of one A4");
    expect(pool.jobs).toHaveLength(1);
  });

  it("after a restart (a new store, a new connection to the same file) serves the kept file without rendering", async () => {
    const pool = fakePool();
    const before = createPdfStore({ db: t.db, pool });
    const rendering = before.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 1);
    pool.jobs[0]?.finish();
    await rendering;

    const { openDatabase } = await import("../../db/connection");
    const reopened = openDatabase(t.url);
    try {
      const freshPool = fakePool();
      const after = createPdfStore({ db: reopened, pool: freshPool });
      expect((await after.get(mine.assessmentId, view("one"), A4)).toString()).toBe("pdf of one A4");
      expect(freshPool.jobs).toHaveLength(0);
    } finally {
      await reopened.destroy();
    }
  });

  it("lets downloads of the same file share one render", async () => {
    const pool = fakePool();
    const store = createPdfStore({ db: t.db, pool });
    const downloads = [1, 2, 3].map(() => store.get(mine.assessmentId, view("one"), A4));
    await until(() => pool.jobs.length === 1);
    await settle();
    expect(pool.jobs).toHaveLength(1);
    pool.jobs[0]?.finish();
    expect((await Promise.all(downloads)).map(String)).toEqual(["pdf of one A4", "pdf of one A4", "pdf of one A4"]);
  });

  it("never serves another assessment's file, even one with the same key", async () => {
    const pool = fakePool();
    const store = createPdfStore({ db: t.db, pool });
    await saveRenderedFile(t.db, {
      assessmentId: theirs.assessmentId,
      key: pdfFileKey(view("one"), A4),
      kind: "full",
      pageSize: "A4",
      bytes: Buffer.from("their pdf"),
      pageCount: 1,
      layoutJson: "{}",
    });
    const download = store.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 1);
    pool.jobs[0]?.finish("my pdf");
    expect((await download).toString()).toBe("my pdf");
  });

  it("serves no stale file after an answer changes", async () => {
    const pool = fakePool();
    const store = createPdfStore({ db: t.db, pool });
    const before = store.get(mine.assessmentId, view("before"), A4);
    await until(() => pool.jobs.length === 1);
    pool.jobs[0]?.finish();
    expect((await before).toString()).toBe("pdf of before A4");
    // The answer changes: the view is different, and so is the file, whether or not render-ahead
    // has run yet.
    const after = store.get(mine.assessmentId, view("after"), A4);
    await until(() => pool.jobs.length === 2);
    pool.jobs[1]?.finish();
    expect((await after).toString()).toBe("pdf of after A4");
  });

  it("keeps nothing when a render fails, and tries again on the next download", async () => {
    const pool = fakePool();
    const store = createPdfStore({ db: t.db, pool });
    const failing = store.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 1);
    pool.jobs[0]?.fail(new Error("boom"));
    await expect(failing).rejects.toThrow("boom");
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([]);
    const retry = store.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 2);
    pool.jobs[1]?.finish();
    expect((await retry).toString()).toBe("pdf of one A4");
  });

  it("renders every audience's A4 summary and full report ahead at background priority, once each, and removes stale files", async () => {
    const pool = fakePool(4);
    const store = createPdfStore({ db: t.db, pool });
    await saveRenderedFile(t.db, {
      assessmentId: mine.assessmentId,
      key: "an older version",
      kind: "full",
      pageSize: "A4",
      bytes: Buffer.from("old"),
      pageCount: 41,
      layoutJson: JSON.stringify(LAYOUT),
    });
    await saveRenderedFile(t.db, {
      assessmentId: theirs.assessmentId,
      key: "their file",
      kind: "full",
      pageSize: "A4",
      bytes: Buffer.from("theirs"),
      pageCount: 3,
      layoutJson: "{}",
    });
    // The owner's PDF names the newest link, so it is the same file as that link's.
    const prepared = store.prepare(mine.assessmentId, [view("newest"), view("newest"), view("older")]);
    await until(() => pool.jobs.length === 4);
    // All four start at once on the four idle workers, so their order does not matter (on
    // PostgreSQL, each render's claim is a query of its own, and they may finish in any order).
    const started = pool.jobs.map((job) => [job.job?.priority, job.options.document, job.options.pageSize].join(" "));
    expect(started.sort()).toEqual([
      "background full A4",
      "background full A4",
      "background summary A4",
      "background summary A4",
    ]);
    expect(new Set(pool.jobs.map((job) => (job.view as unknown as { name: string }).name))).toEqual(
      new Set(["newest", "older"]),
    );
    // Every render takes turns under its assessment's id.
    expect(pool.jobs.every((job) => job.job?.key === mine.assessmentId)).toBe(true);
    // The new full reports start from the previous full report's layout; the summaries had none.
    for (const job of pool.jobs) {
      expect(job.job?.layoutHint).toEqual(job.options.document === "full" ? LAYOUT : null);
    }
    // The older version went before the new files were made.
    expect((await listRenderedFiles(t.db, mine.assessmentId)).map((row) => row.key)).toEqual([]);
    for (const job of pool.jobs) job.finish();
    await prepared;
    expect((await listRenderedFiles(t.db, mine.assessmentId)).map((row) => row.key).sort()).toEqual(
      [
        pdfFileKey(view("newest"), SUMMARY),
        pdfFileKey(view("newest"), A4),
        pdfFileKey(view("older"), SUMMARY),
        pdfFileKey(view("older"), A4),
      ].sort(),
    );
    expect(await listRenderedFiles(t.db, theirs.assessmentId)).toHaveLength(1);
    expect(store.stats).toMatchObject({ rendered: 4, reusedLayouts: 2, rendering: 0, waiting: 0 });

    // Nothing changed: nothing to render.
    await store.prepare(mine.assessmentId, [view("newest"), view("older")]);
    expect(pool.jobs).toHaveLength(4);
    // A US Letter file of a current view stays; once the assessment cannot show a PDF, all go.
    const letter = store.get(mine.assessmentId, view("older"), { pageSize: "LETTER", document: "full" });
    await until(() => pool.jobs.length === 5);
    pool.jobs[4]?.finish();
    await letter;
    await store.prepare(mine.assessmentId, [view("newest"), view("older")]);
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toHaveLength(5);
    await store.prepare(mine.assessmentId, []);
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([]);
  });

  it("renders ahead only on idle workers, and a download takes a waiting file to the front", async () => {
    const pool = fakePool(1);
    const store = createPdfStore({ db: t.db, pool, pollMs: 5 });
    // The one worker is busy with someone's download.
    const busy = store.get(theirs.assessmentId, view("theirs"), A4);
    await until(() => pool.jobs.length === 1);
    const prepared = store.prepare(mine.assessmentId, [view("one")]);
    await until(() => store.stats.waiting === 2);
    await settle();
    expect(pool.jobs).toHaveLength(1);
    // The owner downloads the full report now: its waiting file is rendered at the front, not
    // behind the line (nor behind the summary waiting before it).
    const download = store.get(mine.assessmentId, view("one"), A4);
    await until(() => pool.jobs.length === 2);
    expect(pool.jobs[1]?.job?.priority).toBe("front");
    expect(pool.jobs[1]?.job?.key).toBe(mine.assessmentId);
    expect(pool.jobs[1]?.options).toEqual(A4);
    expect(store.stats.waiting).toBe(1);
    pool.jobs[1]?.finish();
    pool.jobs[0]?.finish();
    expect((await download).toString()).toBe("pdf of one A4");
    await busy;
    // The summary goes next, at the back.
    await until(() => pool.jobs.length === 3);
    expect(pool.jobs[2]?.job?.priority).toBe("background");
    expect(pool.jobs[2]?.options).toEqual(SUMMARY);
    pool.jobs[2]?.finish();
    await prepared;
    expect(pool.jobs).toHaveLength(3);
  });

  it("starts a waiting file once a worker is free", async () => {
    const pool = fakePool(1);
    const store = createPdfStore({ db: t.db, pool, pollMs: 5 });
    const busy = store.get(theirs.assessmentId, view("theirs"), A4);
    await until(() => pool.jobs.length === 1);
    const prepared = store.prepare(mine.assessmentId, [view("one")]);
    await until(() => store.stats.waiting === 2);
    pool.jobs[0]?.finish();
    await busy;
    await until(() => pool.jobs.length === 2);
    expect(pool.jobs[1]?.job?.priority).toBe("background");
    pool.jobs[1]?.finish();
    await until(() => pool.jobs.length === 3);
    pool.jobs[2]?.finish();
    await prepared;
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toHaveLength(2);
  });

  it("waits for the CPU to have room before rendering ahead", async () => {
    const pool = fakePool(2);
    let room = false;
    const store = createPdfStore({ db: t.db, pool, pollMs: 5, spareCpu: () => room });
    const prepared = store.prepare(mine.assessmentId, [view("one")]);
    await until(() => store.stats.waiting === 2);
    await settle();
    expect(pool.jobs).toHaveLength(0);
    // A download does not wait for the gate.
    const download = store.get(theirs.assessmentId, view("theirs"), SUMMARY);
    await until(() => pool.jobs.length === 1);
    pool.jobs[0]?.finish();
    await download;
    room = true;
    await until(() => pool.jobs.length === 3);
    for (const job of pool.jobs.slice(1)) job.finish();
    await prepared;
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toHaveLength(2);
  });

  it("never renders ahead on the main thread", async () => {
    const pool = { ...fakePool(), mode: "in-process" as const, idle: 0 };
    const store = createPdfStore({ db: t.db, pool });
    await store.prepare(mine.assessmentId, [view("one")]);
    await store.prefetch(mine.assessmentId, view("one"), A4);
    expect(pool.jobs).toHaveLength(0);
  });

  describe("with several server processes on one database", () => {
    /** A second process: its own connection, its own pool, its own name in render claims. */
    async function otherProcess(options: { leaseMs?: number } = {}) {
      const { openDatabase } = await import("../../db/connection");
      const db = openDatabase(t.url);
      const pool = fakePool();
      const store = createPdfStore({ db, pool, owner: "process-b", claimPollMs: 5, ...options });
      return { db, pool, store };
    }

    it("renders a file once when both are asked for it at the same moment, and both serve it", async () => {
      const b = await otherProcess();
      try {
        const poolA = fakePool();
        const a = createPdfStore({ db: t.db, pool: poolA, owner: "process-a", claimPollMs: 5 });
        const fromA = a.get(mine.assessmentId, view("one"), A4);
        const fromB = b.store.get(mine.assessmentId, view("one"), A4);
        await until(() => poolA.jobs.length + b.pool.jobs.length === 1);
        await settle();
        expect(poolA.jobs.length + b.pool.jobs.length).toBe(1);
        (poolA.jobs[0] ?? b.pool.jobs[0])?.finish();
        expect((await Promise.all([fromA, fromB])).map(String)).toEqual(["pdf of one A4", "pdf of one A4"]);
        expect(await t.db.selectFrom("render_claims").selectAll().execute()).toEqual([]);
      } finally {
        await b.db.destroy();
      }
    });

    it("renders the file itself when the process that claimed it fails", async () => {
      const b = await otherProcess();
      try {
        const poolA = fakePool();
        const a = createPdfStore({ db: t.db, pool: poolA, owner: "process-a", claimPollMs: 5 });
        const fromA = a.get(mine.assessmentId, view("one"), A4);
        await until(() => poolA.jobs.length === 1);
        const fromB = b.store.get(mine.assessmentId, view("one"), A4);
        await settle();
        expect(b.pool.jobs).toHaveLength(0);
        poolA.jobs[0]?.fail(new Error("boom"));
        await expect(fromA).rejects.toThrow("boom");
        await until(() => b.pool.jobs.length === 1);
        b.pool.jobs[0]?.finish();
        expect((await fromB).toString()).toBe("pdf of one A4");
      } finally {
        await b.db.destroy();
      }
    });

    it("takes over a claim whose process stopped without releasing it, once the lease lapses", async () => {
      const b = await otherProcess({ leaseMs: 60_000 });
      try {
        // A process that died mid-render: its claim stays, unrenewed, until it lapses.
        const { claimRender } = await import("../../db/repositories/render-claims");
        const key = pdfFileKey(view("one"), A4);
        expect(
          await claimRender(t.db, { assessmentId: mine.assessmentId, key, owner: "process-dead", leaseMs: 300 }),
        ).toBe(true);
        const fromB = b.store.get(mine.assessmentId, view("one"), A4);
        await settle();
        expect(b.pool.jobs).toHaveLength(0);
        await until(() => b.pool.jobs.length === 1);
        b.pool.jobs[0]?.finish();
        expect((await fromB).toString()).toBe("pdf of one A4");
      } finally {
        await b.db.destroy();
      }
    });

    it("renews its claim while a render runs longer than the lease, so no other process renders it too", async () => {
      const b = await otherProcess();
      try {
        const poolA = fakePool();
        const a = createPdfStore({ db: t.db, pool: poolA, owner: "process-a", leaseMs: 150 });
        const fromA = a.get(mine.assessmentId, view("one"), A4);
        await until(() => poolA.jobs.length === 1);
        const fromB = b.store.get(mine.assessmentId, view("one"), A4);
        // Four leases' time: process A renews, so B keeps waiting.
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(b.pool.jobs).toHaveLength(0);
        poolA.jobs[0]?.finish();
        expect((await Promise.all([fromA, fromB])).map(String)).toEqual(["pdf of one A4", "pdf of one A4"]);
      } finally {
        await b.db.destroy();
      }
    });

    it("does not render ahead a file another process is rendering", async () => {
      const b = await otherProcess();
      try {
        const poolA = fakePool();
        const a = createPdfStore({ db: t.db, pool: poolA, owner: "process-a" });
        const fromA = a.get(mine.assessmentId, view("one"), A4);
        await until(() => poolA.jobs.length === 1);
        await b.store.prefetch(mine.assessmentId, view("one"), A4);
        expect(b.pool.jobs).toHaveLength(0);
        poolA.jobs[0]?.finish();
        await fromA;
      } finally {
        await b.db.destroy();
      }
    });

    it("gives up with a clear error when another process holds the claim for too long", async () => {
      const b = await otherProcess();
      try {
        const { claimRender } = await import("../../db/repositories/render-claims");
        const key = pdfFileKey(view("one"), A4);
        await claimRender(t.db, { assessmentId: mine.assessmentId, key, owner: "process-slow", leaseMs: 60_000 });
        const impatient = createPdfStore({ db: b.db, pool: b.pool, owner: "process-b", claimPollMs: 5, maxWaitMs: 50 });
        const waited = impatient.get(mine.assessmentId, view("one"), A4);
        await expect(waited).rejects.toThrow(PdfWaitTimeoutError);
        // A render timeout: the reader is told the server is busy and to try again.
        await expect(waited).rejects.toMatchObject({ code: "timeout" });
        expect(b.pool.jobs).toHaveLength(0);
      } finally {
        await b.db.destroy();
      }
    });
  });
});

describe("the renderer's fingerprint in every key", () => {
  const original = process.env.PDF_WORKER_ENTRY;
  afterEach(() => {
    if (original === undefined) delete process.env.PDF_WORKER_ENTRY;
    else process.env.PDF_WORKER_ENTRY = original;
    vi.resetModules();
  });

  async function fingerprintWithWorker(contents: string): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), "pdf-worker-"));
    const file = path.join(dir, "pdf-worker.js");
    writeFileSync(file, contents);
    process.env.PDF_WORKER_ENTRY = file;
    vi.resetModules();
    const store = await import("./pdf-store.server");
    return store.rendererFingerprint();
  }

  it("changes with the built worker, so a new PDF design is never served from an old file", async () => {
    const first = await fingerprintWithWorker("export const layout = 1;");
    const same = await fingerprintWithWorker("export const layout = 1;");
    const changed = await fingerprintWithWorker("export const layout = 2;");
    expect(first).toMatch(/^[\w.-]+:[0-9a-f]{64}$/);
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });
});
