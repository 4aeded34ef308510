/**
 * Finished PDFs, kept in memory by what they show, so a report is rendered once however often it
 * is downloaded, and can be rendered ahead while its reader looks at the report page.
 *
 * - The key is a SHA-256 of the report view (everything the PDF shows), the page size, the
 *   document (board summary or full report) and a renderer version: a changed answer, name or address makes a new key, so nothing goes stale.
 * - Concurrent requests for the same PDF share one render.
 * - A failed render is never kept: the next request tries again.
 * - Least recently used PDFs are dropped beyond `maxBytes` (default 32 MB, about a hundred
 *   reports). The cache lives in one server process; nothing is written to disk.
 */
import { createHash } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import type { ReportView } from "../report/report-view";
import { getPdfPool, type PdfPool } from "./pdf-pool.server";
import type { RenderPdfOptions } from "./render-report.server";

/** Bump when the PDF's layout changes, so a running server never serves an old design. */
const RENDERER_VERSION = "2026-11-29";
const DEFAULT_MAX_BYTES = 32 << 20;

export type PdfRenderer = Pick<PdfPool, "render">;

export type PdfCache = PdfRenderer & {
  /**
   * Starts rendering a PDF that is likely to be asked for, when the workers are free, and never
   * on the main thread. Never throws; a failure is forgotten and retried on request.
   */
  prefetch(view: ReportView, options: RenderPdfOptions): void;
  /** PDFs held (finished or rendering) and the bytes of those finished. */
  readonly stats: { entries: number; bytes: number };
};

type Entry = { pdf: Promise<Buffer>; bytes: number };

export function pdfCacheKey(view: ReportView, options: RenderPdfOptions): string {
  return createHash("sha256")
    .update(RENDERER_VERSION)
    .update("\0")
    .update(options.pageSize)
    .update("\0")
    .update(options.document)
    .update("\0")
    .update(JSON.stringify(view))
    .digest("hex");
}

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

export function createPdfCache(
  pool: Pick<PdfPool, "render" | "idle">,
  options: { maxBytes?: number; spareCpu?: () => boolean } = {},
): PdfCache {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  function evict(): void {
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes) break;
      // Only finished PDFs count towards the limit, and only they are dropped.
      if (entry.bytes === 0) continue;
      entries.delete(key);
      bytes -= entry.bytes;
    }
  }

  function obtain(view: ReportView, renderOptions: RenderPdfOptions, fairnessKey?: string): Promise<Buffer> {
    const key = pdfCacheKey(view, renderOptions);
    const held = entries.get(key);
    if (held) {
      // Most recently used goes to the end of the Map's order.
      entries.delete(key);
      entries.set(key, held);
      return held.pdf;
    }
    const entry: Entry = { pdf: pool.render(view, renderOptions, fairnessKey), bytes: 0 };
    entries.set(key, entry);
    entry.pdf.then(
      (pdf) => {
        if (entries.get(key) !== entry) return;
        entry.bytes = pdf.byteLength;
        bytes += entry.bytes;
        evict();
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry.pdf;
  }

  return {
    render: obtain,
    prefetch(view, renderOptions) {
      // Ahead-of-time work must never hold up a request: only on idle worker threads.
      // (`idle` is 0 when rendering in-process, and while every worker is busy or starting.)
      if (pool.idle === 0) return;
      if (options.spareCpu && !options.spareCpu()) return;
      if (entries.has(pdfCacheKey(view, renderOptions))) return;
      obtain(view, renderOptions).catch(() => undefined);
    },
    get stats() {
      return { entries: entries.size, bytes };
    },
  };
}

declare global {
  // Kept on globalThis so the Vite dev server's module reloads keep one cache.
  var __pdfCache: PdfCache | undefined;
}

/** The process's shared cache, in front of the shared worker pool. */
export function getPdfCache(): PdfCache {
  globalThis.__pdfCache ??= createPdfCache(getPdfPool(), { spareCpu: createCpuGate() });
  return globalThis.__pdfCache;
}
