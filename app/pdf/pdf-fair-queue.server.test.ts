import { afterEach, describe, expect, it } from "vitest";
import type { ReportView } from "../report/report-view";
import { createFairQueue, createPdfPool, PdfRenderError, type PdfPool } from "./pdf-pool.server";

type TestJob = { group: string; rank?: number; options: { pageSize: string; document?: string }; name: string };

describe("the fair queue", () => {
  it("takes one job from each group in turn", () => {
    const queue = createFairQueue<TestJob>();
    const job = (group: string, name: string, pageSize = "A4") => ({
      group,
      name,
      options: { pageSize, document: "full" },
    });
    queue.push(job("a", "a1"));
    queue.push(job("a", "a2", "LETTER"));
    queue.push(job("b", "b1"));
    queue.push(job("c", "c1"));
    expect(queue.length).toBe(4);
    expect(queue.hasWaiting("a", { pageSize: "A4", document: "full" })).toBe(true);
    // The board summary of the same assessment may wait beside its full report.
    expect(queue.hasWaiting("a", { pageSize: "A4", document: "summary" })).toBe(false);
    expect(queue.hasWaiting("b", { pageSize: "LETTER", document: "full" })).toBe(false);
    const order = [];
    for (let next = queue.shift(); next; next = queue.shift()) order.push(next.name);
    expect(order).toEqual(["a1", "b1", "c1", "a2"]);
    expect(queue.length).toBe(0);
  });

  it("serves the front before the rest and the background last, taking turns within each", () => {
    const queue = createFairQueue<TestJob>();
    const job = (group: string, name: string, rank: number) => ({
      group,
      name,
      rank,
      options: { pageSize: "A4", document: "full" },
    });
    // Background (2), normal (1) and front (0), pushed in the worst order.
    queue.push(job("a", "a-ahead1", 2));
    queue.push(job("a", "a-ahead2", 2));
    queue.push(job("b", "b-ahead", 2));
    queue.push(job("a", "a-normal", 1));
    queue.push(job("a", "a-download1", 0));
    queue.push(job("a", "a-download2", 0));
    queue.push(job("b", "b-download", 0));
    // A repeat is looked for within the same priority only.
    expect(queue.hasWaiting("b", { pageSize: "A4", document: "full" }, 0)).toBe(true);
    expect(queue.hasWaiting("b", { pageSize: "A4", document: "full" }, 1)).toBe(false);
    const order = [];
    for (let next = queue.shift(); next; next = queue.shift()) order.push(next.name);
    expect(order).toEqual(["a-download1", "b-download", "a-download2", "a-normal", "a-ahead1", "b-ahead", "a-ahead2"]);
    expect(queue.length).toBe(0);
  });
});

/**
 * A stand-in worker that "renders" in 100 ms and echoes the job's id, so the pool's queueing is
 * tested without the cost of real PDFs.
 */
const FAKE_WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { parentPort } from "node:worker_threads";
parentPort.postMessage({ type: "ready" });
parentPort.on("message", (message) => {
  setTimeout(() => {
    const bytes = new TextEncoder().encode(String(message.view.name));
    parentPort.postMessage({ type: "done", id: message.id, pdf: bytes.buffer }, [bytes.buffer]);
  }, 100);
});`)}`,
);

let pool: PdfPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const viewNamed = (name: string) => ({ name }) as unknown as ReportView;

describe("the pool's queue", () => {
  it("one assessment asked for many times cannot hold up another's download", async () => {
    pool = createPdfPool({ size: 1, worker: { file: FAKE_WORKER, description: "fake" }, idleRecycleMs: 0 });
    const started = Date.now();
    const flood = Array.from({ length: 120 }, (_, index) =>
      pool!.render(viewNamed(`a${index}`), { pageSize: "A4", document: "full" }, "assessment-a").then(
        (pdf) => pdf.toString(),
        (error: unknown) => error,
      ),
    );
    const other = await pool.render(viewNamed("b"), { pageSize: "A4", document: "full" }, "assessment-b");
    const otherMs = Date.now() - started;
    expect(other.toString()).toBe("b");
    // At most the render in progress and the one of A's waiting come first: about 300 ms of
    // work; the bound leaves room for a busy machine and the worker's start.
    expect(otherMs).toBeLessThan(5000);
    const outcomes = await Promise.all(flood);
    const rendered = outcomes.filter((outcome) => typeof outcome === "string");
    const refused = outcomes.filter((outcome) => outcome instanceof PdfRenderError);
    // A render runs, one waits, and the rest of A's are refused at once, not queued.
    expect(rendered.length).toBeLessThanOrEqual(3);
    expect(rendered.length + refused.length).toBe(120);
    for (const error of refused) expect((error as PdfRenderError).code).toBe("queue-full");
  });

  it("keeps one waiting job per page size, and bounds the whole queue", async () => {
    pool = createPdfPool({
      size: 1,
      maxQueue: 3,
      worker: { file: FAKE_WORKER, description: "fake" },
      idleRecycleMs: 0,
    });
    const results = await Promise.allSettled([
      pool.render(viewNamed("a4"), { pageSize: "A4", document: "full" }, "a"),
      pool.render(viewNamed("letter"), { pageSize: "LETTER", document: "full" }, "a"),
      pool.render(viewNamed("b"), { pageSize: "A4", document: "full" }, "b"),
      pool.render(viewNamed("c"), { pageSize: "A4", document: "full" }, "c"),
      pool.render(viewNamed("d"), { pageSize: "A4", document: "full" }, "d"),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
    ]);
  });
});
