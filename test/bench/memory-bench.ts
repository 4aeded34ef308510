/**
 * Memory benchmark: the production server's resident memory (RSS, the whole process with its
 * PDF worker threads) at start, after a short load, and while idle afterwards.
 *
 *   start   once the server answers and its PDF workers have warmed up
 *   load    200 page views (start page, task lists, question pages, report pages) and 20 PDF
 *           downloads of 20 different finished assessments, 4 requests at a time
 *   idle    every 10 s for 60 s after the load, and the last reading
 *
 * Run with `npm run bench:memory` after `npm run build`. Options (environment): BENCH_IDLE_S
 * (default 60), BENCH_PAGE_VIEWS (default 200), BENCH_PDFS (default 20), and any of the
 * server's own settings, which it passes on. Linux only (it reads
 * /proc). A measurement, not a test: it never fails CI.
 */
import { readFileSync } from "node:fs";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { addFinishedAssessment } from "../support/finished-assessment";
import { startAssessment, startServer, type RunningServer } from "../server/server-process";

const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 60);
const PAGE_VIEWS = Number(process.env.BENCH_PAGE_VIEWS ?? 200);
const PDFS = Number(process.env.BENCH_PDFS ?? 20);
const CONCURRENCY = 4;

type Reading = { label: string; rssMb: number; peakMb: number };

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  });
  await Promise.all(workers);
}

async function fetchOk(url: string): Promise<number> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`${url.replace(/\/a\/[^/]+/, "/a/[token]")} answered ${response.status}`);
  return body.byteLength;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  if (process.platform !== "linux") throw new Error("bench:memory reads /proc, so it runs on Linux only.");
  const finished: string[] = [];
  const server: RunningServer = await startServer({
    env: { LOG_LEVEL: "warn" },
    seed: async (db) => {
      for (let index = 0; index < PDFS; index += 1) {
        const example = EXAMPLE_ORGANISATIONS[index % EXAMPLE_ORGANISATIONS.length];
        if (example) finished.push(await addFinishedAssessment(db, example));
      }
    },
  });
  const pid = server.child.pid ?? 0;
  const readings: Reading[] = [];
  const read = (label: string) => {
    const reading = { label, ...memoryOf(pid) };
    readings.push(reading);
    console.log(
      `${label.padEnd(34)} RSS ${reading.rssMb.toFixed(0).padStart(4)} MB   (peak ${reading.peakMb.toFixed(0)} MB)`,
    );
  };
  try {
    // Workers load their fonts and render four small documents before they take work.
    await sleep(8_000);
    read("start (workers warm)");

    const drafts = await Promise.all(Array.from({ length: 10 }, () => startAssessment(server.baseUrl)));
    const pages: string[] = [];
    for (let index = 0; pages.length < PAGE_VIEWS; index += 1) {
      const draft = drafts[index % drafts.length] ?? "";
      const done = finished[index % finished.length] ?? "";
      pages.push(
        "/",
        `/a/${draft}`,
        `/a/${draft}/organisation/name`,
        `/a/${draft}/stakeholders/purposes`,
        `/a/${done}/report`,
      );
    }
    const started = Date.now();
    let bytes = 0;
    await inParallel(pages.slice(0, PAGE_VIEWS), CONCURRENCY, async (page) => {
      bytes += await fetchOk(`${server.baseUrl}${page}`);
    });
    read(`after ${PAGE_VIEWS} page views`);
    await inParallel(finished.slice(0, PDFS), CONCURRENCY, async (token) => {
      bytes += await fetchOk(`${server.baseUrl}/a/${token}/report.pdf`);
    });
    read(`after ${PDFS} PDFs`);
    console.log(`  (load took ${((Date.now() - started) / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB sent)`);

    for (let elapsed = 10; elapsed <= IDLE_S; elapsed += 10) {
      await sleep(10_000);
      read(`idle ${elapsed} s`);
    }
  } finally {
    await server.stop();
    await server.cleanUp();
  }
  const first = readings[0];
  const last = readings.at(-1);
  const highest = Math.max(...readings.map((reading) => reading.rssMb));
  if (first && last) {
    console.log(
      `\nStart ${first.rssMb.toFixed(0)} MB, highest ${highest.toFixed(0)} MB, after ${IDLE_S} s idle ${last.rssMb.toFixed(0)} MB.`,
    );
  }
}

await main();
