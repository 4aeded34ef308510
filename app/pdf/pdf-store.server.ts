/**
 * Finished PDFs kept in the database, so a download reads one row: in every server process on
 * the same database, and after a restart.
 *
 * - The key is a SHA-256 of a renderer version, the whole render options object (the document,
 *   board summary or full report, and the page size) and the report view (everything the PDF
 *   shows, the read-only link it names included). Nothing comes from the request. A changed
 *   answer, name or link makes a new key, so a stale file is never found.
 * - A download (`get`) reads its row; with none, it joins a render of the same file already in
 *   progress in this process, or starts one at the front of the worker pool's queue, and keeps
 *   the result.
 * - Several processes on one database render each file once: a process claims the file in the
 *   database before rendering it (`render_claims`, a lease it renews while it renders), and a
 *   process that finds it claimed waits for the finished row instead. A claim whose process died
 *   lapses within seconds, and the waiting process renders the file itself.
 * - Rendering ahead (`prepare`, `prefetch`) happens only on idle worker threads, one job per
 *   idle worker, and only while the CPU has room (`createCpuGate`), so it never delays a
 *   download or a page and never runs on the main thread. A download for a file still waiting
 *   its turn takes it over at the front of the queue.
 * - Every render is queued under its assessment's id, so the pool's fair queue takes turns
 *   between assessments.
 * - `prepare` also removes the assessment's rows whose key is no longer current.
 * - No finished file is kept in memory: a whole download from the row takes under 10 ms (README,
 *   "Performance"), so a memory layer would save nothing a reader notices and cost memory.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { claimRender, releaseRenderClaim, renderClaimed, renewRenderClaim } from "../../db/repositories/render-claims";
import {
  deleteRenderedFilesExcept,
  findRenderedFile,
  latestRenderedLayout,
  renderedFileExists,
  saveRenderedFile,
} from "../../db/repositories/rendered-files";
import type { Database } from "../../db/schema";
import { getLogger } from "../logger.server";
import type { ReportView } from "../report/report-view";
import { findPdfWorkerEntry, PdfRenderError, type PdfJobPriority, type PdfPool } from "./pdf-pool.server";
import { PAGE_SIZES } from "./pdf-theme";
import { PDF_DOCUMENTS, type PdfLayout, type RenderPdfOptions } from "./render-report.server";

/**
 * Bump when the PDF's layout or renderer changes, so no server serves a file of an older design.
 * Stored files with another version in their key are never read again and go at the next change.
 */
export const RENDERER_VERSION = "2026-11-30.3";

/** The documents rendered ahead, in this order: the board summary (the first download), then the full report. */
const AHEAD: readonly RenderPdfOptions[] = [
  { pageSize: "A4", document: "summary" },
  { pageSize: "A4", document: "full" },
];

/**
 * True when the machine has CPU to spare for work nobody is waiting for. Worker threads share
 * the cores with the main thread: on two cores, PDFs rendered ahead for every report view took
 * the CPU the pages needed (`npm run bench:load`: README, "Performance"). So rendering ahead
 * waits while the main thread was more than a quarter busy over the last second or two, or the
 * machine's one-minute load average is at or above its number of cores.
 */
export function createCpuGate(): () => boolean {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let utilization = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    utilization = performance.eventLoopUtilization(now, last).utilization;
    last = now;
  }, 1000);
  timer.unref();
  const cores = availableParallelism();
  return () => utilization < 0.25 && (loadavg()[0] ?? 0) < cores;
}

/** JSON with object keys sorted, so equal options always give the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Each report view's digest, worked out once: a view is never changed, and reports are reused (`loadReport`). */
const viewDigests = new WeakMap<ReportView, string>();

function viewDigest(view: ReportView): string {
  let digest = viewDigests.get(view);
  if (digest === undefined) {
    digest = createHash("sha256").update(JSON.stringify(view)).digest("hex");
    viewDigests.set(view, digest);
  }
  return digest;
}

let fingerprint: string | undefined;

/**
 * The renderer's version for the key: `RENDERER_VERSION`, and in a production build the SHA-256
 * of the bundled worker (`build/server/pdf-worker.js`), which holds every PDF component. A build
 * that changes how a PDF looks then makes new keys by itself, even if nobody bumped the version.
 */
export function rendererFingerprint(): string {
  if (fingerprint === undefined) {
    const entry = findPdfWorkerEntry();
    const bundled = entry && typeof entry.file === "string" ? entry.file : null;
    fingerprint = bundled
      ? `${RENDERER_VERSION}:${createHash("sha256").update(readFileSync(bundled)).digest("hex")}`
      : RENDERER_VERSION;
  }
  return fingerprint;
}

/** The file's key: what it shows, how it is rendered and by which version of the renderer. */
export function pdfFileKey(view: ReportView, options: RenderPdfOptions): string {
  return createHash("sha256")
    .update(rendererFingerprint())
    .update("\0")
    .update(stableJson(options))
    .update("\0")
    .update(viewDigest(view))
    .digest("hex");
}

export type PdfStorePool = Pick<PdfPool, "renderFile" | "idle" | "mode">;

export type PdfStore = {
  /** The PDF for a download: its row, a render in progress, or a new render at the front. */
  get(assessmentId: string, view: ReportView, options: RenderPdfOptions): Promise<Buffer>;
  /**
   * Renders ahead, at background priority, the A4 board summary and the A4 full report of these
   * views (one per audience: the owner's and each working read-only link's) not yet kept, and
   * removes the assessment's rows that none of these views (in any document or page size) would
   * show. Resolves when done; never rejects.
   */
  prepare(assessmentId: string, views: readonly ReportView[]): Promise<void>;
  /** Renders one file ahead if it is not kept yet; removes nothing. Never rejects. */
  prefetch(assessmentId: string, view: ReportView, options: RenderPdfOptions): Promise<void>;
  /** Files rendering now and waiting for an idle worker, and renders finished by this store. */
  readonly stats: { rendering: number; waiting: number; rendered: number; reusedLayouts: number };
};

export type PdfStoreOptions = {
  db: Kysely<Database>;
  pool: PdfStorePool;
  /** How often to look for an idle worker while files wait to be rendered ahead; default 250 ms. */
  pollMs?: number;
  /** Whether the CPU has room for rendering ahead now (`createCpuGate`); default always. */
  spareCpu?: () => boolean;
  /** This process's name in render claims; default a random id. */
  owner?: string;
  /** How long a render claim lasts unless renewed (it is renewed every third of this); default 15 s. */
  leaseMs?: number;
  /** How often a process waiting for another's render looks for the file; default 100 ms. */
  claimPollMs?: number;
  /** How long to wait for another process's render before giving up; default 2 minutes. */
  maxWaitMs?: number;
};

/**
 * Thrown when another process held a file's claim, renewing it, for longer than `maxWaitMs`: a
 * render timeout, so the reader gets the "server is busy, try again" answer (503).
 */
export class PdfWaitTimeoutError extends PdfRenderError {
  constructor() {
    super("timeout", "another server process has been rendering this file for too long");
    this.name = "PdfWaitTimeoutError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Entry = {
  id: string;
  assessmentId: string;
  key: string;
  view: ReportView;
  options: RenderPdfOptions;
  /** The layout to start from when known before the entry was queued (`prepare` reads it first). */
  hint: PdfLayout | null | undefined;
  started: boolean;
  promise: Promise<Buffer>;
  resolve: (pdf: Buffer) => void;
  reject: (error: unknown) => void;
};

function parseLayout(json: string): PdfLayout | null {
  try {
    const value = JSON.parse(json) as Partial<PdfLayout>;
    if (typeof value.totalPages !== "number" || !Array.isArray(value.subTotals) || !value.sectionPages) return null;
    return value as PdfLayout;
  } catch {
    return null;
  }
}

function log(assessmentId: string, message: string, error: unknown): void {
  getLogger().error({ component: "pdf-store", assessmentId, err: error }, message);
}

export function createPdfStore({
  db,
  pool,
  pollMs = 250,
  spareCpu = () => true,
  owner = randomUUID(),
  leaseMs = 15_000,
  claimPollMs = 100,
  maxWaitMs = 120_000,
}: PdfStoreOptions): PdfStore {
  /** Files being rendered or waiting to be, by assessment and key. */
  const entries = new Map<string, Entry>();
  /** Waiting for an idle worker, oldest first. */
  const waiting: Entry[] = [];
  /** Started, but still reading their layout hint: not yet in the pool's count. */
  let starting = 0;
  let rendered = 0;
  let reusedLayouts = 0;
  let poll: NodeJS.Timeout | undefined;

  async function hintFor(entry: Entry): Promise<PdfLayout | null> {
    if (entry.hint !== undefined) return entry.hint;
    const row = await latestRenderedLayout(db, {
      assessmentId: entry.assessmentId,
      kind: entry.options.document,
      pageSize: entry.options.pageSize,
    });
    return row ? parseLayout(row.layoutJson) : null;
  }

  const claimOf = (entry: Entry) => ({ assessmentId: entry.assessmentId, key: entry.key, owner });

  /**
   * Renders the file, or waits for another process that is rendering it. `counted` is called
   * once the entry no longer needs a place in `starting` (its render is in the pool's count, or
   * it uses no worker here).
   */
  async function run(entry: Entry, priority: PdfJobPriority, counted: () => void): Promise<Buffer> {
    try {
      if (!(await claimRender(db, { ...claimOf(entry), leaseMs }))) {
        counted();
        return await waitForElsewhere(entry, priority);
      }
      return await renderHoldingClaim(entry, priority, counted);
    } finally {
      counted();
    }
  }

  /** Another process holds the claim: its row, once kept; or the render here, if it gives up. */
  async function waitForElsewhere(entry: Entry, priority: PdfJobPriority): Promise<Buffer> {
    const deadline = Date.now() + maxWaitMs;
    while (Date.now() < deadline) {
      await sleep(claimPollMs);
      const row = await findRenderedFile(db, { assessmentId: entry.assessmentId, key: entry.key });
      if (row) return row.bytes;
      const now = new Date();
      if (!(await renderClaimed(db, { assessmentId: entry.assessmentId, key: entry.key, now }))) {
        // Its render failed or its process stopped: render here, unless a third process got there first.
        if (await claimRender(db, { ...claimOf(entry), leaseMs, now })) {
          return renderHoldingClaim(entry, priority, () => undefined);
        }
      }
    }
    throw new PdfWaitTimeoutError();
  }

  /** Renders the file while holding its claim, renewing it, and keeps the result. */
  async function renderHoldingClaim(entry: Entry, priority: PdfJobPriority, counted: () => void): Promise<Buffer> {
    const renewal = setInterval(
      () => {
        renewRenderClaim(db, { ...claimOf(entry), leaseMs }).catch((error: unknown) => {
          log(entry.assessmentId, "a render claim could not be renewed", error);
        });
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    try {
      // Another process may have finished it between the last look and the claim.
      const kept = await findRenderedFile(db, { assessmentId: entry.assessmentId, key: entry.key });
      if (kept) return kept.bytes;
      let hint: PdfLayout | null;
      try {
        hint = await hintFor(entry);
      } finally {
        counted();
      }
      const started = performance.now();
      const file = await pool.renderFile(entry.view, entry.options, {
        priority,
        layoutHint: hint,
        key: entry.assessmentId,
      });
      rendered += 1;
      getLogger().info(
        {
          component: "pdf-store",
          assessmentId: entry.assessmentId,
          document: entry.options.document,
          pageSize: entry.options.pageSize,
          priority,
          pages: file.layout.totalPages,
          ms: Math.round(performance.now() - started),
        },
        "PDF rendered",
      );
      if (file.rounds === 1 && hint) reusedLayouts += 1;
      try {
        await saveRenderedFile(db, {
          assessmentId: entry.assessmentId,
          key: entry.key,
          kind: entry.options.document,
          pageSize: entry.options.pageSize,
          bytes: file.pdf,
          pageCount: file.layout.totalPages,
          layoutJson: JSON.stringify(file.layout),
        });
      } catch (error) {
        // The reader still gets the file; the next download renders it again.
        log(entry.assessmentId, "a finished PDF could not be kept", error);
      }
      return file.pdf;
    } finally {
      clearInterval(renewal);
      await releaseRenderClaim(db, claimOf(entry)).catch((error: unknown) => {
        // The claim lapses by itself within `leaseMs`.
        log(entry.assessmentId, "a render claim could not be released", error);
      });
    }
  }

  function start(entry: Entry, priority: PdfJobPriority): void {
    entry.started = true;
    starting += 1;
    let inStarting = true;
    const counted = () => {
      if (inStarting) starting -= 1;
      inStarting = false;
    };
    run(entry, priority, counted)
      .then(entry.resolve, entry.reject)
      .finally(() => {
        entries.delete(entry.id);
        pump();
      });
  }

  /** Starts waiting files on idle workers while the CPU has room; looks again shortly while any wait. */
  function pump(): void {
    if (poll) clearTimeout(poll);
    poll = undefined;
    while (waiting.length > 0 && pool.idle - starting > 0 && spareCpu()) {
      start(waiting.shift() as Entry, "background");
    }
    if (waiting.length > 0) {
      poll = setTimeout(pump, pollMs);
      // Waiting files must not keep a process alive that has nothing else to do.
      poll.unref();
    }
  }

  function entryFor(
    assessmentId: string,
    key: string,
    view: ReportView,
    options: RenderPdfOptions,
    hint?: PdfLayout | null,
  ): Entry {
    let resolve!: (pdf: Buffer) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<Buffer>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Entry = {
      id: `${assessmentId}\0${key}`,
      assessmentId,
      key,
      view,
      options,
      hint,
      started: false,
      promise,
      resolve,
      reject,
    };
    entries.set(entry.id, entry);
    return entry;
  }

  /** Queues a file to render ahead, unless it is kept or already on its way. */
  async function queueAhead(
    assessmentId: string,
    view: ReportView,
    options: RenderPdfOptions,
    hint?: PdfLayout | null,
  ): Promise<{ done: Promise<Buffer> } | null> {
    // Ahead-of-time work never runs on the main thread.
    if (pool.mode !== "workers") return null;
    const key = pdfFileKey(view, options);
    const held = entries.get(`${assessmentId}\0${key}`);
    if (held) return { done: held.promise };
    if (await renderedFileExists(db, { assessmentId, key })) return null;
    // Another process is rendering it now.
    if (await renderClaimed(db, { assessmentId, key })) return null;
    // Checked again: a download may have started it while the row was being looked for.
    const again = entries.get(`${assessmentId}\0${key}`);
    if (again) return { done: again.promise };
    const entry = entryFor(assessmentId, key, view, options, hint);
    waiting.push(entry);
    pump();
    return { done: entry.promise };
  }

  return {
    async get(assessmentId, view, options) {
      const key = pdfFileKey(view, options);
      const id = `${assessmentId}\0${key}`;
      const held = entries.get(id);
      if (held) {
        if (!held.started) {
          // Someone is waiting for it now: it leaves the ahead-of-time line for the front.
          waiting.splice(waiting.indexOf(held), 1);
          start(held, "front");
        }
        return held.promise;
      }
      const row = await findRenderedFile(db, { assessmentId, key });
      if (row) return row.bytes;
      const joined = entries.get(id);
      if (joined) return joined.promise;
      const entry = entryFor(assessmentId, key, view, options);
      start(entry, "front");
      return entry.promise;
    },

    async prepare(assessmentId, views) {
      try {
        const currentKeys = views.flatMap((view) =>
          PDF_DOCUMENTS.flatMap((document) => PAGE_SIZES.map((pageSize) => pdfFileKey(view, { pageSize, document }))),
        );
        // The newest layouts are read before stale rows go: the new files start from them.
        const hints = new Map<RenderPdfOptions, PdfLayout | null>();
        for (const options of AHEAD) {
          const previous = await latestRenderedLayout(db, {
            assessmentId,
            kind: options.document,
            pageSize: options.pageSize,
          });
          hints.set(options, previous ? parseLayout(previous.layoutJson) : null);
        }
        await deleteRenderedFilesExcept(db, { assessmentId, currentKeys });
        const queued: Promise<Buffer>[] = [];
        for (const view of views) {
          for (const options of AHEAD) {
            const queuedFile = await queueAhead(assessmentId, view, options, hints.get(options));
            if (queuedFile) queued.push(queuedFile.done);
          }
        }
        const results = await Promise.allSettled(queued);
        for (const result of results) {
          if (result.status === "rejected") log(assessmentId, "a PDF rendered ahead failed", result.reason);
        }
        // A download of the previous version may have finished and kept its file meanwhile.
        await deleteRenderedFilesExcept(db, { assessmentId, currentKeys });
      } catch (error) {
        log(assessmentId, "PDFs could not be prepared", error);
      }
    },

    async prefetch(assessmentId, view, options) {
      try {
        await (
          await queueAhead(assessmentId, view, options)
        )?.done.catch((error: unknown) => {
          log(assessmentId, "a PDF rendered ahead failed", error);
        });
      } catch (error) {
        log(assessmentId, "a PDF could not be rendered ahead", error);
      }
    },

    get stats() {
      return { rendering: entries.size - waiting.length, waiting: waiting.length, rendered, reusedLayouts };
    },
  };
}
