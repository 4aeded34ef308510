import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { createPdfStore, type PdfStore, type PdfStorePool } from "../../app/pdf/pdf-store.server";
import { renderReportPdfFile } from "../../app/pdf/render-report.server";

/**
 * A stand-in for the worker pool that renders in this thread and counts its renders. It says it
 * renders in-process, so the store never renders ahead with it (as with the real pool then).
 */
export function inThreadPdfPool(): PdfStorePool & { renders: number } {
  const pool = {
    renders: 0,
    mode: "in-process" as const,
    idle: 0,
    renderFile: (...[view, options, job]: Parameters<PdfStorePool["renderFile"]>) => {
      pool.renders += 1;
      return renderReportPdfFile(view, options, job?.layoutHint ?? null);
    },
  };
  return pool;
}

/** The real store over `db`, rendering in this thread: set as the app's store for route tests. */
export function inThreadPdfStore(db: Kysely<Database>): { store: PdfStore; pool: ReturnType<typeof inThreadPdfPool> } {
  const pool = inThreadPdfPool();
  return { store: createPdfStore({ db, pool }), pool };
}
