/**
 * A small pool of worker threads that render report PDFs off the main thread, so a render (a
 * second or more of CPU) never holds up other requests.
 *
 * - Sized to the machine: `os.availableParallelism()`, at least 1 and at most 4 workers.
 * - A job that throws rejects with a `PdfRenderError` carrying the renderer's message; a worker
 *   that crashes is replaced and its job rejected; a job that runs past its time limit is
 *   rejected and its worker recycled. Nothing a render does can take the server down.
 * - Finds its worker script in the production build (`build/server/pdf-worker.js`, bundled by
 *   esbuild after `remix vite:build`) or, in development, tests and benchmarks, runs the
 *   TypeScript source through tsx. With neither, or when workers keep failing to start, it
 *   renders in-process (one job at a time) and says so in the log.
 * - Bounded memory (README, "Memory"): each worker's V8 heap is capped well above what the
 *   largest report needs, and a worker that has rendered and then sat idle is replaced by a
 *   fresh one, so an idle server returns to its start-up size instead of keeping every
 *   worker's grown heap.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { getLogger } from "../logger.server";
import type { ReportView } from "../report/report-view";
import type { PdfFromWorker, PdfToWorker, PdfWorkerData } from "./pdf-worker-protocol";
import { renderReportPdfFile, type PdfLayout, type RenderedPdf, type RenderPdfOptions } from "./render-report.server";

export type PdfErrorCode = "render-failed" | "timeout" | "worker-crashed" | "queue-full" | "pool-closed";

/** Why a PDF could not be made. `message` is safe to log; it never contains the report. */
export class PdfRenderError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, message: string) {
    super(message);
    this.name = "PdfRenderError";
    this.code = code;
  }
}

/** How to start a worker: a script path, or a URL (for the TypeScript source, a small loader). */
export type PdfWorkerEntry = { file: string | URL; description: string };

export type PdfPool = {
  /** Worker threads, or 0 when rendering in-process. */
  readonly size: number;
  readonly mode: "workers" | "in-process";
  /** Jobs waiting for a worker (not counting those being rendered). */
  readonly waiting: number;
  /** Workers ready and without a job, less the jobs waiting: what a new job would find free now. */
  readonly idle: number;
  /**
   * Queues a render at normal priority. `fairnessKey` (the assessment id) groups jobs: within a
   * priority, the queue takes one job from each group in turn, so one assessment asked for many
   * times cannot hold up the others, and holds at most one waiting job per group, priority,
   * document and page size (a second is refused as "queue-full").
   */
  render(view: ReportView, options: RenderPdfOptions, fairnessKey?: string): Promise<Buffer>;
  /**
   * Renders with a priority, a group (`key`, as `fairnessKey` above) and a layout hint, and says
   * how the file was laid out.
   */
  renderFile(view: ReportView, options: RenderPdfOptions, job?: PdfJobOptions): Promise<RenderedPdf>;
  /** Workers started so far, replacements included (for tests and diagnostics). */
  readonly started: number;
  /** Rejects queued jobs and stops the workers. */
  close(): Promise<void>;
};

/**
 * Where a job joins the queue: `front` (someone is waiting for this file) before everything
 * else, `background` (rendering ahead) after everything else; `normal` between. Within a
 * priority, assessments take turns (`createFairQueue`).
 */
export type PdfJobPriority = "front" | "normal" | "background";

export type PdfJobOptions = {
  priority?: PdfJobPriority;
  /** The previous render's layout of the same document (see `renderReportPdfFile`). */
  layoutHint?: PdfLayout | null;
  /** The group the job takes turns with: the assessment id. */
  key?: string;
};

const PRIORITY_RANK: Record<PdfJobPriority, number> = { front: 0, normal: 1, background: 2 };

export type PdfPoolOptions = {
  /** Worker threads; default `os.availableParallelism()` clamped to 1 to 4. */
  size?: number;
  /** Per-job time limit once a worker has the job; default 30 s. */
  timeoutMs?: number;
  /** Jobs allowed to wait for a worker before new ones are refused; default 100. */
  maxQueue?: number;
  /** The worker script; default `findPdfWorkerEntry()`. Null renders in-process. */
  worker?: PdfWorkerEntry | null;
  /** V8 limits for each worker; default `DEFAULT_RESOURCE_LIMITS`. */
  resourceLimits?: ResourceLimits;
  /**
   * A worker that has rendered and then had no job for this long is replaced by a fresh one;
   * default 30 s. 0 keeps workers for ever.
   */
  idleRecycleMs?: number;
  /** Tests only: lets a job make its worker exit, to exercise crash recovery. */
  faultInjection?: boolean;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_QUEUE = 100;
// A worker that dies before it is ready this many times in a row means workers cannot start
// here (a missing dependency, a broken bundle): render in-process rather than respawn forever.
const MAX_START_FAILURES = 3;
/**
 * V8 lets garbage pile up to near its heap limit before a full collection, and keeps the pages it
 * grew into. A worker's live data while rendering the largest example (41 pages) peaks at about
 * 65 MB, and all examples render with a 128 MB old generation; with V8's default limit a worker
 * grew by about 90 MB per busy spell and kept it. 256 MB leaves room for the longest answers the
 * forms accept while bounding each worker; a render that needs more ends its worker (logged, the
 * download fails cleanly) and a fresh worker takes its place.
 *
 * The young generation is 48 MB: a render makes a great deal of short-lived garbage, and with
 * 16 MB the worker collected it so often that a full report through the pool took 1,405 ms
 * against 1,043 ms with 48 MB (median of 7 each, interleaved; 32 and 64 MB were close to 48).
 * It costs at most 32 MB more per worker.
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 48 };
export const DEFAULT_IDLE_RECYCLE_MS = 30_000;

export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

/**
 * Where the worker script is, relative to this module:
 * - `PDF_WORKER_ENTRY` (a path), if set;
 * - `pdf-worker.js` in the same folder: the production build, where this module is bundled into
 *   `build/server/index.js` and the build step writes `build/server/pdf-worker.js` beside it;
 * - `pdf-worker.server.ts` in the same folder, run through tsx: the source tree (Vite dev
 *   server, vitest, tsx scripts).
 * Null when none is there (the pool then renders in-process).
 */
export function findPdfWorkerEntry(moduleUrl: string = import.meta.url): PdfWorkerEntry | null {
  const explicit = process.env.PDF_WORKER_ENTRY;
  if (explicit) return existsSync(explicit) ? { file: path.resolve(explicit), description: explicit } : null;
  // NOTE: Vite's dev server and vitest give modules file: URLs; anything else (a data: or
  // virtual module) has no folder to look in.
  if (!moduleUrl.startsWith("file:")) return null;
  const here = path.dirname(fileURLToPath(moduleUrl));
  const bundled = path.join(here, "pdf-worker.js");
  if (existsSync(bundled)) return { file: bundled, description: bundled };
  const source = path.join(here, "pdf-worker.server.ts");
  if (!existsSync(source)) return null;
  const tsxApi = resolveTsxApi(moduleUrl);
  if (!tsxApi) return null;
  // NOTE: `execArgv: ["--import", "tsx"]` does not reach a worker's entry module on Node 20, so
  // the worker starts from this two-line ES module instead: it registers tsx, then imports the
  // TypeScript entry.
  const loader = [
    `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};`,
    "register();",
    `await import(${JSON.stringify(pathToFileURL(source).href)});`,
  ].join("\n");
  return {
    file: new URL(`data:text/javascript,${encodeURIComponent(loader)}`),
    description: `${source} (through tsx)`,
  };
}

/** tsx's ES module API, when tsx (a development dependency) is installed. */
function resolveTsxApi(moduleUrl: string): string | null {
  try {
    const cjs = createRequire(moduleUrl).resolve("tsx/esm/api");
    const esm = cjs.replace(/\.cjs$/, ".mjs");
    return existsSync(esm) ? esm : null;
  } catch {
    return null;
  }
}

type Job = {
  id: number;
  /** The group the job takes turns with (an assessment), and its page size within it. */
  group: string;
  view: ReportView;
  options: RenderPdfOptions;
  rank: number;
  layoutHint: PdfLayout | null;
  resolve: (rendered: RenderedPdf) => void;
  reject: (error: PdfRenderError) => void;
  timer?: NodeJS.Timeout;
  crash?: boolean;
};

type Slot = {
  worker: Worker;
  job: Job | null;
  ready: boolean;
  retired: boolean;
  /** Has rendered since it started: only such a worker has grown and is worth replacing. */
  used: boolean;
  idleTimer?: NodeJS.Timeout;
};

function log(message: string, error?: unknown): void {
  getLogger().error({ component: "pdf-pool", ...(error === undefined ? {} : { err: error }) }, message);
}

/** Creates a pool. Most code wants the shared one from `getPdfPool()`. */
export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const idleRecycleMs = options.idleRecycleMs ?? DEFAULT_IDLE_RECYCLE_MS;
  const entry = options.worker === undefined ? findPdfWorkerEntry() : options.worker;
  const workerData: PdfWorkerData = { faultInjection: options.faultInjection === true };

  const queue = createFairQueue<Job>();
  const slots = new Set<Slot>();
  let nextId = 1;
  let closed = false;
  let startFailures = 0;
  let started = 0;
  let inProcess = entry === null;
  let inProcessTail: Promise<unknown> = Promise.resolve();

  if (entry === null) log("no PDF worker script found: rendering PDFs on the main thread.");

  function settle(job: Job, outcome: { rendered: RenderedPdf } | { error: PdfRenderError }): void {
    if (job.timer) clearTimeout(job.timer);
    if ("rendered" in outcome) job.resolve(outcome.rendered);
    else job.reject(outcome.error);
  }

  function renderInProcess(job: Job): void {
    // One at a time: concurrent in-process renders would only compete for the same thread.
    inProcessTail = inProcessTail.then(() =>
      renderReportPdfFile(job.view, job.options, job.layoutHint).then(
        (rendered) => settle(job, { rendered }),
        (error: unknown) => settle(job, { error: renderFailed(error) }),
      ),
    );
  }

  function fallBackToInProcess(reason: string): void {
    if (inProcess) return;
    inProcess = true;
    log(`${reason}: rendering PDFs on the main thread from now on.`);
    for (const slot of slots) retire(slot);
    while (queue.length > 0) renderInProcess(queue.shift() as Job);
  }

  function retire(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.retired = true;
    slots.delete(slot);
    void slot.worker.terminate();
  }

  function spawn(): void {
    if (closed || inProcess || entry === null) return;
    let worker: Worker;
    try {
      worker = new Worker(entry.file, {
        workerData,
        resourceLimits: options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      log("could not start a PDF worker", error);
      fallBackToInProcess("PDF workers cannot start");
      return;
    }
    started += 1;
    const slot: Slot = { worker, job: null, ready: false, retired: false, used: false };
    slots.add(slot);
    updateRefs();
    worker.on("message", (message: PdfFromWorker) => onMessage(slot, message));
    worker.on("error", (error) => {
      // An uncaught exception or out-of-memory in the worker; 'exit' follows.
      log("a PDF worker failed", error);
    });
    worker.on("exit", (code) => onExit(slot, code));
  }

  function onMessage(slot: Slot, message: PdfFromWorker): void {
    if (message.type === "ready") {
      slot.ready = true;
      startFailures = 0;
      dispatch();
      // A replacement is ready: the next worker waiting its turn can be replaced now.
      recycleDue();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    slot.job = null;
    slot.used = true;
    if (message.type === "done") {
      const { layout, rounds, renders } = message;
      settle(job, { rendered: { pdf: Buffer.from(message.pdf), layout, rounds, renders } });
    } else
      settle(job, { error: new PdfRenderError("render-failed", `The PDF could not be rendered: ${message.message}`) });
    dispatch();
    watchIdle(slot);
  }

  function onExit(slot: Slot, code: number): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const wasReady = slot.ready;
    slots.delete(slot);
    const job = slot.job;
    slot.job = null;
    if (job) {
      settle(job, {
        error: new PdfRenderError("worker-crashed", `The PDF worker stopped unexpectedly (exit code ${code}).`),
      });
    }
    if (slot.retired || closed) return;
    if (!wasReady) {
      startFailures += 1;
      if (startFailures >= MAX_START_FAILURES) {
        fallBackToInProcess(`PDF workers exited ${startFailures} times before they were ready`);
        return;
      }
    }
    spawn();
    dispatch();
  }

  /**
   * Replaces a worker that has rendered and then stayed idle, so its grown heap is given back.
   * One at a time, and never while another worker is still starting: the pool always keeps
   * its other workers ready, and a download that arrives meanwhile waits at most for them.
   */
  function watchIdle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    if (idleRecycleMs <= 0 || !slot.used || slot.job || slot.retired || closed) return;
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      recycle(slot);
    }, idleRecycleMs);
    // An idle timer must not keep the process alive on its own.
    slot.idleTimer.unref();
  }

  function recycle(slot: Slot): boolean {
    if (closed || inProcess || slot.retired || slot.job || !slot.used) return false;
    for (const other of slots) if (!other.ready) return false;
    retire(slot);
    spawn();
    return true;
  }

  function recycleDue(): void {
    for (const slot of slots) {
      // Its timer has fired (it was skipped while another worker started) and it is still idle.
      if (slot.used && !slot.job && !slot.idleTimer && !slot.retired && recycle(slot)) return;
    }
  }

  /** Workers keep the process alive only while there is work; idle ones must not hold it open. */
  function updateRefs(): void {
    const waiting = queue.length > 0;
    for (const slot of slots) {
      if (waiting || slot.job) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  function dispatch(): void {
    if (inProcess) {
      while (queue.length > 0) renderInProcess(queue.shift() as Job);
      return;
    }
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.ready || slot.job || slot.retired) continue;
      const job = queue.shift() as Job;
      slot.job = job;
      watchIdle(slot);
      job.timer = setTimeout(() => {
        if (slot.job !== job) return;
        slot.job = null;
        settle(job, {
          error: new PdfRenderError("timeout", `The PDF took longer than ${Math.round(timeoutMs / 1000)} s to render.`),
        });
        retire(slot);
        spawn();
      }, timeoutMs);
      const message: PdfToWorker = job.crash
        ? { type: "crash", id: job.id }
        : { type: "render", id: job.id, view: job.view, options: job.options, layoutHint: job.layoutHint };
      try {
        slot.worker.postMessage(message);
      } catch (error) {
        // The view could not be cloned (it is not plain data): that is the caller's error.
        slot.job = null;
        settle(job, { error: renderFailed(error) });
      }
    }
    updateRefs();
  }

  function submit(
    view: ReportView,
    renderOptions: RenderPdfOptions,
    jobOptions: PdfJobOptions = {},
    crash = false,
  ): Promise<RenderedPdf> {
    if (closed) return Promise.reject(new PdfRenderError("pool-closed", "The PDF pool has been closed."));
    const id = nextId++;
    const group = jobOptions.key ?? `job-${id}`;
    const rank = PRIORITY_RANK[jobOptions.priority ?? "normal"];
    // Rendering ahead is never refused as a repeat: the PDF store starts it only on idle workers.
    const repeat = rank !== PRIORITY_RANK.background && queue.hasWaiting(group, renderOptions, rank);
    if (queue.length >= maxQueue || repeat) {
      return Promise.reject(
        new PdfRenderError("queue-full", "Too many PDFs are waiting to be rendered; try again shortly."),
      );
    }
    return new Promise<RenderedPdf>((resolve, reject) => {
      const job: Job = {
        id,
        group,
        view,
        options: renderOptions,
        rank,
        layoutHint: jobOptions.layoutHint ?? null,
        resolve,
        reject,
        crash,
      };
      if (inProcess) {
        renderInProcess(job);
        return;
      }
      queue.push(job);
      dispatch();
    });
  }

  for (let index = 0; index < size && !inProcess; index += 1) spawn();

  const pool: PdfPool & { crashNextJob?: () => Promise<Buffer> } = {
    get size() {
      return inProcess ? 0 : size;
    },
    get mode() {
      return inProcess ? "in-process" : "workers";
    },
    get waiting() {
      return queue.length;
    },
    get started() {
      return started;
    },
    get idle() {
      if (inProcess) return 0;
      let free = 0;
      for (const slot of slots) if (slot.ready && !slot.job && !slot.retired) free += 1;
      return Math.max(0, free - queue.length);
    },
    render: (view, renderOptions, fairnessKey) =>
      submit(view, renderOptions, { key: fairnessKey }).then((rendered) => rendered.pdf),
    renderFile: (view, renderOptions, jobOptions) => submit(view, renderOptions, jobOptions),
    async close() {
      closed = true;
      for (const job of queue.drain()) {
        settle(job, {
          error: new PdfRenderError("pool-closed", "The PDF pool was closed before this PDF was rendered."),
        });
      }
      const stopping = [...slots].map((slot) => {
        retire(slot);
        return slot.worker.terminate();
      });
      await Promise.allSettled([...stopping, inProcessTail]);
    },
  };
  if (options.faultInjection) {
    pool.crashNextJob = () =>
      submit({} as ReportView, { pageSize: "A4", document: "full" }, {}, true).then((rendered) => rendered.pdf);
  }
  return pool;
}

/**
 * The waiting jobs, by priority rank (0 first) and, within a rank, one line per group
 * (assessment), served in turn: the next job comes from the highest priority that has any, and
 * within it from the group after the one served last, so a group with many requests gets one
 * render in turn like any other. Groups are kept in a Map, whose order is the order of their
 * turns. A job without a rank is rank 1 (`normal`).
 */
export function createFairQueue<
  T extends { group: string; rank?: number; options: { pageSize: string; document?: string } },
>() {
  /** Ranks in ascending order, each with its groups' lines. */
  const ranks = new Map<number, Map<string, T[]>>();
  let length = 0;
  const rankOf = (job: T) => job.rank ?? PRIORITY_RANK.normal;
  return {
    get length() {
      return length;
    },
    /** Whether the group already has this document, at this page size, waiting (at this rank). */
    hasWaiting(group: string, options: T["options"], rank: number = PRIORITY_RANK.normal): boolean {
      return (
        ranks
          .get(rank)
          ?.get(group)
          ?.some((job) => job.options.pageSize === options.pageSize && job.options.document === options.document) ??
        false
      );
    },
    push(job: T): void {
      const rank = rankOf(job);
      let groups = ranks.get(rank);
      if (!groups) {
        groups = new Map();
        ranks.set(rank, groups);
        // Keep the ranks in ascending order.
        const sorted = [...ranks.entries()].sort(([a], [b]) => a - b);
        ranks.clear();
        for (const [key, value] of sorted) ranks.set(key, value);
      }
      const line = groups.get(job.group);
      if (line) line.push(job);
      else groups.set(job.group, [job]);
      length += 1;
    },
    shift(): T | undefined {
      for (const groups of ranks.values()) {
        for (const [group, line] of groups) {
          const job = line.shift();
          groups.delete(group);
          // Back of the turn order, if it has more waiting.
          if (line.length > 0) groups.set(group, line);
          if (job) {
            length -= 1;
            return job;
          }
        }
      }
      return undefined;
    },
    drain(): T[] {
      const all = [...ranks.values()].flatMap((groups) => [...groups.values()].flat());
      ranks.clear();
      length = 0;
      return all;
    },
  };
}

function renderFailed(error: unknown): PdfRenderError {
  const message = error instanceof Error ? error.message : String(error);
  return new PdfRenderError("render-failed", `The PDF could not be rendered: ${message}`);
}

/** A pool created with `faultInjection`, as tests see it. */
export type FaultInjectingPdfPool = PdfPool & { crashNextJob: () => Promise<Buffer> };

declare global {
  // Kept on globalThis so the Vite dev server's module reloads do not start a pool per edit.
  var __pdfPool: PdfPool | undefined;
}

/**
 * The process's shared pool, created (and its workers started) on first use. Call it once at
 * start-up to have the workers warm before the first request.
 */
export function getPdfPool(): PdfPool {
  globalThis.__pdfPool ??= createPdfPool();
  return globalThis.__pdfPool;
}
