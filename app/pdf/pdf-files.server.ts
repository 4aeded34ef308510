/**
 * The app's side of the PDF store: the process's store (over the app's database and worker pool)
 * and rendering ahead after the changes that alter what a PDF shows.
 *
 * Call `renderPdfsAhead(editToken)` after an assessment is finished and after any later change to
 * what its PDFs show: an answer saved on a finished assessment, a read-only link created or
 * revoked (the owner's PDF names the newest), the private link replaced. Several calls for one
 * assessment within `PDF_RENDER_AHEAD_DELAY_MS` render once, after the last.
 */
import { findRespondentByTokenHash, type RespondentContext } from "../../db/repositories/assessments";
import { listReportLinks } from "../../db/repositories/links";
import { hashAccessToken } from "../assessment-access.server";
import { db } from "../db.server";
import { getLogger } from "../logger.server";
import { readOnlyReportPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { loadReport } from "../report.server";
import type { ReportView } from "../report/report-view";
import { reportLinkToken } from "../links/report-links.server";
import { getPdfPool } from "./pdf-pool.server";
import type { PdfRenderer } from "./pdf-response.server";
import { createCpuGate, createPdfStore, type PdfStore } from "./pdf-store.server";

/** Saves in a row (someone correcting several answers) render once, this long after the last. */
export const PDF_RENDER_AHEAD_DELAY_MS = 3_000;

declare global {
  // Kept on globalThis so the Vite dev server's module reloads keep one store and one timer set.
  var __pdfStore: PdfStore | undefined;
  var __pdfRenderAhead: RenderAhead | undefined;
}

/** The process's store, in front of the shared worker pool; renders ahead only while the CPU has room. */
export function getPdfStore(): PdfStore {
  globalThis.__pdfStore ??= createPdfStore({ db, pool: getPdfPool(), spareCpu: createCpuGate() });
  return globalThis.__pdfStore;
}

/** How long after a report page is sent its missing PDFs are looked for. */
const PREFETCH_AFTER_PAGE_MS = 500;

/**
 * After a report page is sent, renders ahead any of its PDFs not kept yet (finished before files
 * were kept, or a new read-only link's), on idle workers: the board summary first, as the first
 * download, then the full report. Later, so that looking for them (hashing the report, reading
 * the database) never adds to the page's own time.
 */
export function prefetchReportPdfs(assessmentId: string, view: ReportView): void {
  setTimeout(() => {
    const store = getPdfStore();
    void store.prefetch(assessmentId, view, { pageSize: "A4", document: "summary" });
    void store.prefetch(assessmentId, view, { pageSize: "A4", document: "full" });
  }, PREFETCH_AFTER_PAGE_MS).unref();
}

/**
 * The assessment's PDFs through the store, for a download: a kept file is one row read; a render
 * in progress is joined; otherwise one starts at the front of the queue.
 */
export function storedPdfRenderer(assessmentId: string): PdfRenderer {
  return { render: (view, options) => getPdfStore().get(assessmentId, view, options) };
}

/**
 * Every view of the assessment's report that a PDF can show: the owner's (naming their newest
 * working read-only link) and one per working read-only link (naming itself). None when the
 * report cannot be shown (not finished). Null when the private link no longer opens the
 * assessment (replaced since, or deleted): then nothing is known and nothing is done.
 */
export async function reportViewsFor(
  editToken: string,
): Promise<{ owner: RespondentContext; views: ReportView[] } | null> {
  const owner = await findRespondentByTokenHash(db, hashAccessToken(editToken));
  if (!owner || owner.role !== "owner") return null;
  if (!owner.submittedAt) return { owner, views: [] };
  const urls: string[] = [];
  for (const link of await listReportLinks(db, owner.assessmentId)) {
    const token = reportLinkToken(owner, editToken, link);
    if (token) urls.push(`${publicOrigin()}${readOnlyReportPath(token)}`);
  }
  const views: ReportView[] = [];
  // The owner's PDF names the newest link (the list is newest first), or none.
  for (const url of [urls[0] ?? null, ...urls]) {
    const loaded = await loadReport(owner, { accessibleVersionUrl: url, sectionHref: null });
    if (loaded.kind !== "ready") return { owner, views: [] };
    views.push(loaded.view);
  }
  return { owner, views };
}

export type RenderAhead = {
  /**
   * Renders the assessment's PDFs ahead once no further call has come for the delay. `load`
   * gives the views then: none removes every file, null does nothing.
   */
  schedule(assessmentId: string, load: () => Promise<ReportView[] | null>): void;
  /** Runs every scheduled render now and waits for all of them (tests). */
  flush(): Promise<void>;
  /** Drops scheduled renders and waits for those running (shutdown: before the pool and database close). */
  close(): Promise<void>;
  readonly scheduled: number;
};

/**
 * Debounces render-ahead per assessment and runs one assessment's renders one after another, so
 * an older version can never finish after a newer one and leave its file behind.
 */
export function createRenderAhead(store: PdfStore, delayMs = PDF_RENDER_AHEAD_DELAY_MS): RenderAhead {
  const timers = new Map<string, { timer: NodeJS.Timeout; load: () => Promise<ReportView[] | null> }>();
  const chains = new Map<string, Promise<void>>();

  function run(assessmentId: string, load: () => Promise<ReportView[] | null>): Promise<void> {
    const previous = chains.get(assessmentId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const views = await load();
        // With no views (not finished) `prepare` removes every file and renders none.
        if (views !== null) await store.prepare(assessmentId, views);
      } catch (error) {
        getLogger().error({ component: "pdf-store", assessmentId, err: error }, "PDFs could not be rendered ahead");
      }
    });
    chains.set(assessmentId, next);
    void next.then(() => {
      if (chains.get(assessmentId) === next) chains.delete(assessmentId);
    });
    return next;
  }

  return {
    schedule(assessmentId, load) {
      const held = timers.get(assessmentId);
      if (held) clearTimeout(held.timer);
      const timer = setTimeout(() => {
        timers.delete(assessmentId);
        void run(assessmentId, load);
      }, delayMs);
      // A pending render must not keep a stopping process alive.
      timer.unref();
      timers.set(assessmentId, { timer, load });
    },
    async flush() {
      for (const [assessmentId, { timer, load }] of [...timers]) {
        clearTimeout(timer);
        timers.delete(assessmentId);
        void run(assessmentId, load);
      }
      await Promise.all([...chains.values()]);
    },
    async close() {
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...chains.values()]);
    },
    get scheduled() {
      return timers.size;
    },
  };
}

export function getRenderAhead(): RenderAhead {
  globalThis.__pdfRenderAhead ??= createRenderAhead(getPdfStore());
  return globalThis.__pdfRenderAhead;
}

/**
 * Renders the assessment's PDFs ahead (after the delay), reading everything afresh when the
 * time comes. `editToken` is the owner's current private link: it opens the read-only links'
 * sealed tokens, which the PDFs name. It stays in memory only until the render starts.
 */
export function renderPdfsAhead(assessmentId: string, editToken: string): void {
  getRenderAhead().schedule(assessmentId, async () => (await reportViewsFor(editToken))?.views ?? null);
}
