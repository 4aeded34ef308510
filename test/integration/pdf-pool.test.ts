/**
 * The PDF worker pool and the download response: renders off the main thread, survives a job
 * that throws, a worker that dies and a job that hangs, and answers a failed render with a clear
 * error page that is logged with the assessment id.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, getLogger, setLogger } from "../../app/logger.server";
import {
  createPdfPool,
  findPdfWorkerEntry,
  PdfRenderError,
  type FaultInjectingPdfPool,
  type PdfPool,
} from "../../app/pdf/pdf-pool.server";
import { pageSizeFromUrl, reportPdfResponse } from "../../app/pdf/pdf-response.server";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView, type ReportView } from "../../app/report/report-view";
import { scoreAssessment } from "../../scoring/score-assessment";
import { LARGEST_EXAMPLE, STATUTORY_BODY } from "../fixtures/example-organisations";

const TIMEOUT = 180_000;

function viewFor(example: typeof LARGEST_EXAMPLE): ReportView {
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: "2026-11",
    assessedOn: "2026-11-21",
  });
  return buildReportView(report, storedAnswersFrom(example.answers), {
    completedBy: null,
    reportUrl: "https://example.org/a/TOKEN/report",
  });
}

function isPdf(pdf: Buffer): boolean {
  return pdf.subarray(0, 5).toString("latin1") === "%PDF-" && pdf.subarray(-6).toString("latin1").includes("%%EOF");
}

/** A view the renderer cannot handle: it has no report. Plain data, so it reaches the worker. */
const BROKEN_VIEW = { reportUrl: "https://example.org/a/TOKEN/report" } as unknown as ReportView;

const pools: PdfPool[] = [];
function pool(options: Parameters<typeof createPdfPool>[0]): PdfPool {
  const created = createPdfPool(options);
  pools.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

/** Sends the process's log to memory for one test, and gives back its lines as JSON. */
function captureLog(): () => Record<string, unknown>[] {
  let output = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString();
      callback();
    },
  });
  const previous = getLogger();
  setLogger(createLogger("info", stream));
  restoreLogger = () => setLogger(previous);
  return () =>
    output
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}
let restoreLogger: (() => void) | undefined;
afterEach(() => {
  restoreLogger?.();
  restoreLogger = undefined;
});

describe("findPdfWorkerEntry", () => {
  it("finds the TypeScript worker beside the pool in the source tree, loaded through tsx", () => {
    const entry = findPdfWorkerEntry();
    expect(entry).not.toBeNull();
    expect(String(entry?.file)).toMatch(/^data:text\/javascript,/);
    expect(decodeURIComponent(String(entry?.file))).toContain("app/pdf/pdf-worker.server.ts");
    expect(entry?.description).toContain("through tsx");
  });

  it("prefers the bundled worker next to the server build, and gives up where there is neither", () => {
    const here = new URL("../../app/pdf/pdf-pool.server.ts", import.meta.url).href;
    expect(findPdfWorkerEntry(here)).not.toBeNull();
    expect(findPdfWorkerEntry("file:///nonexistent/build/server/index.js")).toBeNull();
    expect(findPdfWorkerEntry("data:text/javascript,")).toBeNull();
  });
});

describe("the PDF pool", () => {
  it(
    "renders on worker threads, several at once, and the main thread stays free meanwhile",
    async () => {
      const workers = pool({ size: 2 });
      expect(workers.mode).toBe("workers");
      expect(workers.size).toBe(2);
      const view = viewFor(LARGEST_EXAMPLE);
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 10);
      const started = performance.now();
      const rendering = [
        workers.render(view, { pageSize: "A4", document: "full" }),
        workers.render(view, { pageSize: "LETTER", document: "full" }),
        workers.render(viewFor(STATUTORY_BODY), { pageSize: "A4", document: "full" }),
      ];
      // Starting or busy: nothing free for work that could wait (the cache's render-ahead).
      expect(workers.idle).toBe(0);
      const pdfs = await Promise.all(rendering);
      expect(workers.idle).toBe(2);
      const elapsed = performance.now() - started;
      clearInterval(ticker);
      for (const pdf of pdfs) expect(isPdf(pdf)).toBe(true);
      expect(pdfs[0]?.length).not.toBe(pdfs[2]?.length);
      // A 10 ms timer kept firing while three PDFs rendered: the event loop was never blocked
      // for long. (Rendering in-process would have frozen it for seconds at a time.)
      expect(ticks).toBeGreaterThan((elapsed / 10) * 0.5);
    },
    TIMEOUT,
  );

  it(
    "keeps every letter in later PDFs after one with accented capitals and vowels (a fresh worker)",
    async () => {
      // A fresh worker has fresh font caches, like a worker in production. Its warm-up, then a
      // report whose name has accented letters drawn as composites (É is E plus an accent),
      // once made every later PDF from that worker drop the plain letters: "xecutive sponsor".
      const workers = pool({ size: 1 });
      const accented = viewFor({
        ...STATUTORY_BODY,
        answers: {
          ...STATUTORY_BODY.answers,
          organisation: { ...STATUTORY_BODY.answers.organisation, orgName: "Éa Āo Ōu Īe Ūi Ça éa āo ōu īe ūi ça" },
        },
      });
      await workers.render(accented, { pageSize: "A4", document: "full" });
      const pdf = await workers.render(viewFor(LARGEST_EXAMPLE), { pageSize: "A4", document: "full" });
      const dir = mkdtempSync(path.join(tmpdir(), "pdf-letters-"));
      try {
        const file = path.join(dir, "after-accents.pdf");
        writeFileSync(file, pdf);
        const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], {
          encoding: "utf8",
          maxBuffer: 64 << 20,
        }).replace(/\s+/g, " ");
        for (const phrase of [
          "Executive sponsor",
          "How far to go with each group",
          "Appendix: your answers",
          "Things to find out",
          "Can you answer the questions you invite?",
          "Everything needed for Inform",
          LARGEST_EXAMPLE.answers.organisation.orgName,
        ]) {
          expect(text).toContain(phrase);
        }
        // Ligatures read back as their letters ("find", not a single "ﬁ" character).
        expect(text).not.toMatch(/[\uFB00-\uFB06]/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it(
    "rejects a job that throws with the renderer's message, and renders the next job",
    async () => {
      const workers = pool({ size: 1 });
      const failure = await workers
        .render(BROKEN_VIEW, { pageSize: "A4", document: "full" })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PdfRenderError);
      expect((failure as PdfRenderError).code).toBe("render-failed");
      expect((failure as PdfRenderError).message).toMatch(/^The PDF could not be rendered: .+/);
      expect(isPdf(await workers.render(viewFor(STATUTORY_BODY), { pageSize: "A4", document: "full" }))).toBe(true);
      expect(workers.mode).toBe("workers");
    },
    TIMEOUT,
  );

  it(
    "replaces a worker that dies, rejecting only the job it had",
    async () => {
      const workers = pool({ size: 1, faultInjection: true }) as FaultInjectingPdfPool;
      const view = viewFor(STATUTORY_BODY);
      const [crashed, after] = await Promise.allSettled([
        workers.crashNextJob(),
        workers.render(view, { pageSize: "A4", document: "full" }),
      ]);
      expect(crashed.status).toBe("rejected");
      expect(crashed.status === "rejected" && (crashed.reason as PdfRenderError).code).toBe("worker-crashed");
      expect(crashed.status === "rejected" && (crashed.reason as Error).message).toMatch(/stopped unexpectedly/);
      expect(after.status === "fulfilled" && isPdf(after.value)).toBe(true);
      expect(workers.mode).toBe("workers");
    },
    TIMEOUT,
  );

  it(
    "rejects a job that runs past its time limit, and recycles the worker",
    async () => {
      const workers = pool({ size: 1, timeoutMs: 50 });
      const slow = await workers
        .render(viewFor(LARGEST_EXAMPLE), { pageSize: "A4", document: "full" })
        .catch((error: unknown) => error);
      expect((slow as PdfRenderError).code).toBe("timeout");
      expect((slow as Error).message).toMatch(/took longer than/);
      expect(workers.mode).toBe("workers");
    },
    TIMEOUT,
  );

  it(
    "replaces a worker that has rendered and then sat idle, one at a time, and keeps rendering",
    async () => {
      const workers = pool({ size: 2, idleRecycleMs: 200 });
      const view = viewFor(STATUTORY_BODY);
      await Promise.all([
        workers.render(view, { pageSize: "A4", document: "full" }),
        workers.render(view, { pageSize: "A4", document: "full" }),
      ]);
      // Both have rendered and gone idle: each is replaced (the second once the first's
      // replacement is ready), giving back the heap that the renders grew.
      await vi.waitFor(() => expect(workers.started).toBe(4), { timeout: 120_000, interval: 100 });
      await vi.waitFor(() => expect(workers.idle).toBe(2), { timeout: 120_000, interval: 100 });
      expect(isPdf(await workers.render(view, { pageSize: "A4", document: "full" }))).toBe(true);
      // A worker that has not rendered is never replaced: a fresh one is as small as it gets.
      const fresh = pool({ size: 1, idleRecycleMs: 50 });
      await vi.waitFor(() => expect(fresh.idle).toBe(1), { timeout: 120_000, interval: 100 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fresh.started).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "takes front jobs first and background jobs last, each in the order they came",
    async () => {
      // Jobs queue until the worker is ready; each fails fast, in the order the worker takes them.
      const workers = pool({ size: 1 });
      const order: string[] = [];
      const job = (name: string, priority?: "front" | "normal" | "background") =>
        workers
          .renderFile(BROKEN_VIEW, { pageSize: "A4", document: "full" }, priority ? { priority } : {})
          .catch(() => order.push(name));
      await Promise.all([
        job("background 1", "background"),
        job("normal 1"),
        job("front 1", "front"),
        job("background 2", "background"),
        job("normal 2", "normal"),
        job("front 2", "front"),
      ]);
      expect(order).toEqual(["front 1", "front 2", "normal 1", "normal 2", "background 1", "background 2"]);
    },
    TIMEOUT,
  );

  it("refuses jobs beyond its queue, and after it is closed", async () => {
    // Jobs queue until the worker is ready, so two fill a queue of two.
    const workers = pool({ size: 1, maxQueue: 2 });
    expect(workers.idle).toBe(0);
    const view = viewFor(STATUTORY_BODY);
    const first = workers.render(view, { pageSize: "A4", document: "full" }).catch((error: unknown) => error);
    const second = workers.render(view, { pageSize: "A4", document: "full" }).catch((error: unknown) => error);
    await expect(workers.render(view, { pageSize: "A4", document: "full" })).rejects.toMatchObject({
      code: "queue-full",
    });
    await workers.close();
    expect(await first).toMatchObject({ code: "pool-closed" });
    expect(await second).toMatchObject({ code: "pool-closed" });
    await expect(workers.render(view, { pageSize: "A4", document: "full" })).rejects.toMatchObject({
      code: "pool-closed",
    });
  });

  it(
    "renders in-process when there is no worker script, with the same errors",
    async () => {
      const inProcess = pool({ worker: null });
      expect(inProcess.mode).toBe("in-process");
      expect(isPdf(await inProcess.render(viewFor(STATUTORY_BODY), { pageSize: "A4", document: "full" }))).toBe(true);
      await expect(inProcess.render(BROKEN_VIEW, { pageSize: "A4", document: "full" })).rejects.toMatchObject({
        code: "render-failed",
      });
    },
    TIMEOUT,
  );

  it(
    "falls back to in-process rendering when workers cannot start",
    async () => {
      const logged = captureLog();
      const broken = pool({
        size: 1,
        worker: { file: new URL("data:text/javascript,process.exit(3)"), description: "exits" },
      });
      const pdf = await broken.render(viewFor(STATUTORY_BODY), { pageSize: "A4", document: "full" });
      expect(isPdf(pdf)).toBe(true);
      expect(broken.mode).toBe("in-process");
      expect(logged()).toContainEqual(
        expect.objectContaining({
          level: "error",
          component: "pdf-pool",
          msg: expect.stringMatching(/rendering PDFs on the main thread/),
        }),
      );
    },
    TIMEOUT,
  );
});

describe("the PDF download response", () => {
  it("reads the page size from the address", () => {
    expect(pageSizeFromUrl("http://x/a/t/report.pdf?size=letter")).toBe("LETTER");
    expect(pageSizeFromUrl("http://x/a/t/report.pdf?size=LETTER")).toBe("LETTER");
    expect(pageSizeFromUrl("http://x/a/t/report.pdf")).toBe("A4");
    expect(pageSizeFromUrl("http://x/a/t/report.pdf?size=a3")).toBe("A4");
  });

  it(
    "sends the PDF as a private download with a safe file name",
    async () => {
      const workers = pool({ size: 1 });
      const response = await reportPdfResponse(viewFor(LARGEST_EXAMPLE), {
        pageSize: "A4",
        document: "full",
        assessmentId: "asmt-1",
        reportHref: "/r/READER",
        pool: workers,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="Ville-de-Riviere-des-Erables-readiness-report-2026-11-21.pdf"; ` +
          `filename*=UTF-8''Ville%20de%20Rivi%C3%A8re-des-%C3%89rables%20readiness%20report%202026-11-21.pdf`,
      );
      const body = Buffer.from(await response.arrayBuffer());
      expect(isPdf(body)).toBe(true);
      expect(response.headers.get("Content-Length")).toBe(String(body.length));
    },
    TIMEOUT,
  );

  it(
    "answers a failed render with an error page, logged with the assessment id",
    async () => {
      const logged = captureLog();
      const workers = pool({ size: 1 });
      const view = {
        ...BROKEN_VIEW,
        report: { meta: { organisationName: "X", assessedOn: "2026-11-21" } },
      } as ReportView;
      const response = await reportPdfResponse(view, {
        pageSize: "A4",
        document: "full",
        assessmentId: "asmt-42",
        reportHref: "/r/READER",
        pool: workers,
      });
      expect(response.status).toBe(500);
      expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
      const html = await response.text();
      expect(html).toContain("Sorry, we could not make the PDF");
      // Back to the page the reader came from, not to any address the report view holds.
      expect(html).toContain('href="/r/READER"');
      expect(html).not.toContain("Cannot read");
      expect(logged()).toContainEqual(
        expect.objectContaining({ level: "error", assessmentId: "asmt-42", pageSize: "A4", code: "render-failed" }),
      );
      // The page the person sees names no key, and nor does the log line.
      expect(JSON.stringify(logged())).not.toContain("TOKEN");
    },
    TIMEOUT,
  );
});
