import { describe, expect, it } from "vitest";
import type { ReportView } from "../report/report-view";
import { createPdfCache, pdfCacheKey } from "./pdf-cache.server";
import type { RenderPdfOptions } from "./render-report.server";

/** A pool that records its jobs and lets the test finish or fail each one. */
function recordingPool(idle = 2) {
  const jobs: {
    view: ReportView;
    options: RenderPdfOptions;
    resolve: (pdf: Buffer) => void;
    reject: (e: Error) => void;
  }[] = [];
  return {
    jobs,
    idle,
    render(view: ReportView, options: RenderPdfOptions) {
      return new Promise<Buffer>((resolve, reject) => jobs.push({ view, options, resolve, reject }));
    },
  };
}

const view = (name: string) =>
  ({ reportUrl: `https://example.org/${name}`, report: { name } }) as unknown as ReportView;
const A4: RenderPdfOptions = { pageSize: "A4", document: "full" };
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("pdfCacheKey", () => {
  it("changes with anything the PDF shows, the page size and the document", () => {
    const key = pdfCacheKey(view("one"), A4);
    expect(pdfCacheKey(view("one"), A4)).toBe(key);
    expect(pdfCacheKey(view("two"), A4)).not.toBe(key);
    expect(pdfCacheKey(view("one"), { pageSize: "LETTER", document: "full" })).not.toBe(key);
    // The board summary and the full report of one assessment are different files.
    expect(pdfCacheKey(view("one"), { ...A4, document: "summary" })).not.toBe(key);
  });
});

describe("the PDF cache", () => {
  it("renders a report once, however many ask for it at once or later", async () => {
    const pool = recordingPool();
    const cache = createPdfCache(pool);
    const first = cache.render(view("one"), A4);
    const second = cache.render(view("one"), A4);
    expect(pool.jobs).toHaveLength(1);
    pool.jobs[0]?.resolve(Buffer.from("pdf one"));
    expect((await first).toString()).toBe("pdf one");
    expect((await second).toString()).toBe("pdf one");
    expect((await cache.render(view("one"), A4)).toString()).toBe("pdf one");
    expect(pool.jobs).toHaveLength(1);
    expect(cache.stats).toEqual({ entries: 1, bytes: 7 });
  });

  it("forgets a failed render, so the next request tries again", async () => {
    const pool = recordingPool();
    const cache = createPdfCache(pool);
    const failed = cache.render(view("one"), A4);
    pool.jobs[0]?.reject(new Error("boom"));
    await expect(failed).rejects.toThrow("boom");
    await settle();
    expect(cache.stats.entries).toBe(0);
    const retry = cache.render(view("one"), A4);
    expect(pool.jobs).toHaveLength(2);
    pool.jobs[1]?.resolve(Buffer.from("pdf"));
    expect((await retry).toString()).toBe("pdf");
  });

  it("drops the least recently used PDFs beyond its size limit", async () => {
    const pool = recordingPool();
    const cache = createPdfCache(pool, { maxBytes: 10 });
    for (const name of ["a", "b"]) {
      const pdf = cache.render(view(name), A4);
      pool.jobs.at(-1)?.resolve(Buffer.alloc(4));
      await pdf;
    }
    await settle();
    // "a" is used again, so "b" is now the least recently used.
    await cache.render(view("a"), A4);
    const c = cache.render(view("c"), A4);
    pool.jobs.at(-1)?.resolve(Buffer.alloc(4));
    await c;
    await settle();
    expect(cache.stats).toEqual({ entries: 2, bytes: 8 });
    const jobsBefore = pool.jobs.length;
    void cache.render(view("a"), A4);
    expect(pool.jobs).toHaveLength(jobsBefore);
    void cache.render(view("b"), A4);
    expect(pool.jobs).toHaveLength(jobsBefore + 1);
  });

  it("renders ahead only on idle worker threads, and never twice", async () => {
    const pool = recordingPool();
    const cache = createPdfCache(pool);
    cache.prefetch(view("one"), A4);
    cache.prefetch(view("one"), A4);
    expect(pool.jobs).toHaveLength(1);

    // Every worker busy (or rendering in-process, where the pool reports none idle).
    pool.idle = 0;
    cache.prefetch(view("busy"), A4);
    expect(pool.jobs).toHaveLength(1);
    // A request still renders when nothing is idle: it waits its turn.
    void cache.render(view("busy"), A4);
    expect(pool.jobs).toHaveLength(2);

    // A failed render ahead is not an unhandled rejection, and is forgotten.
    pool.jobs[0]?.reject(new Error("boom"));
    await settle();
    expect(cache.stats.entries).toBe(1);
    pool.jobs[1]?.resolve(Buffer.from("pdf"));
    await settle();
    expect(cache.stats).toEqual({ entries: 1, bytes: 3 });
  });

  it("renders ahead only while the machine has CPU to spare", () => {
    const pool = recordingPool();
    let spare = false;
    const cache = createPdfCache(pool, { spareCpu: () => spare });
    cache.prefetch(view("while busy"), A4);
    expect(pool.jobs).toHaveLength(0);
    // A request is never held back by the gate.
    void cache.render(view("asked for"), A4);
    expect(pool.jobs).toHaveLength(1);
    spare = true;
    cache.prefetch(view("while quiet"), A4);
    expect(pool.jobs).toHaveLength(2);
  });
});
