/**
 * PDF benchmark: the full report for the largest example organisation, rendered with react-pdf.
 *
 *   first      a fresh worker pool, as the server starts one: how long its workers take to load
 *              and warm up, then the first PDF after that (the "first render after start"); and,
 *              for reference, a fresh process rendering with no warm-up at all
 *   warm       median and p95 over 30+ renders, A4 and US Letter; the full report rendered again
 *              with the page count of its previous render (one layout round instead of two,
 *              as after an answer changes) against without it, interleaved, with the ratio;
 *              and with the page count, the text layout cache emptied before each render
 *              against turned off (patches/README.md, "Text layout cache")
 *   summary    the board summary's warm render (A4): median and p95 over BENCH_RUNS renders, with
 *              the page count of its previous render as the server passes it, and how many of
 *              them really ran one layout round
 *   stall      the longest main-thread event-loop delay while 20 PDFs render through the pool
 *   memory     resident memory growth over 200 consecutive renders through the pool (median of
 *              the first 20 readings against the last 20)
 *   download   a download of a finished assessment's PDF, kept in the database (a SQLite file):
 *              the first request in a fresh process (a restart, or another server process on
 *              the same file), and the median of later ones
 *   chromium   Debian's Chromium (one browser kept warm) printing the HTML report to PDF, and
 *              the ratio to react-pdf
 *
 * Run with `npm run bench:pdf`, which sets NODE_ENV=production as the server does (React's
 * development build is slower). It re-runs itself with
 * --expose-gc so memory is measured after garbage collection. Options (environment):
 * BENCH_RUNS (default 30), BENCH_MEMORY_RENDERS (default 200), BENCH_REPORT_URL (print this live
 * report page with Chromium instead of the static rendering), BENCH_SKIP_CHROMIUM=1.
 * Timings depend on the machine: this is a measurement, not a test, so it never fails CI.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { configureTextLayoutCache, getTextLayoutCacheStats } from "@react-pdf/layout";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReportView } from "../../app/report/report-view";
import { exampleReportView } from "../support/example-report-view";
import { LARGEST_EXAMPLE } from "../fixtures/example-organisations";
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from "../e2e/chromium";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const MEMORY_RENDERS = Number(process.env.BENCH_MEMORY_RENDERS ?? 200);
const CONCURRENT = 20;
const BUDGET = { warmMedianMs: 700, summaryWarmMs: 250, downloadMs: 100, coldMs: 1500, stallMs: 20, rssGrowthMb: 50 };

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;

function view(): ReportView {
  return exampleReportView(LARGEST_EXAMPLE);
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function stats(times: number[]): { median: number; p95: number; min: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    runs: times.length,
  };
}

function verdict(value: number, budget: number): string {
  return value < budget ? "PASS" : "FAIL";
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------
// A fresh process: how long the first PDF takes after start.
// ---------------------------------------------------------------------------------------------

async function coldChild(): Promise<void> {
  const started = performance.now();
  const { renderReportPdf } = await import("../../app/pdf/render-report.server");
  const imported = performance.now();
  const pdf = await renderReportPdf(view(), { pageSize: "A4", document: "full" });
  const done = performance.now();
  process.stdout.write(
    JSON.stringify({
      importMs: imported - started,
      renderMs: done - imported,
      totalMs: done - started,
      bytes: pdf.length,
    }),
  );
}

/**
 * A fresh process on the same database file: the first download after a restart. Opens the
 * database as the server does at start, then times the first download and the next ones. The
 * pool it is given refuses to render, so a kept file is the only way to answer.
 */
async function downloadChild(file: string, assessmentId: string): Promise<void> {
  const started = performance.now();
  const { openDatabase } = await import("../../db/connection");
  const { createPdfStore } = await import("../../app/pdf/pdf-store.server");
  const { reportPdfResponse } = await import("../../app/pdf/pdf-response.server");
  const db = openDatabase(`file:${file}`);
  const store = createPdfStore({
    db,
    pool: {
      mode: "workers",
      idle: 0,
      renderFile: () => Promise.reject(new Error("the download rendered instead of reading the kept file")),
    },
  });
  const reportView = view();
  const ready = performance.now();
  const download = async () => {
    const response = await reportPdfResponse(reportView, {
      pageSize: "A4",
      document: "full",
      assessmentId,
      reportHref: "/",
      pool: { render: (pdfView, options) => store.get(assessmentId, pdfView, options) },
    });
    if (response.status !== 200) throw new Error(`download failed: ${response.status}`);
    return (await response.arrayBuffer()).byteLength;
  };
  const firstStart = performance.now();
  const bytes = await download();
  const firstMs = performance.now() - firstStart;
  const later: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await download();
    later.push(performance.now() - start);
  }
  await db.destroy();
  process.stdout.write(
    JSON.stringify({ startMs: ready - started, firstMs, laterMedianMs: stats(later).median, bytes }),
  );
}

type DownloadResult = { startMs: number; firstMs: number; laterMedianMs: number; bytes: number };

function runDownloadChild(file: string, assessmentId: string): DownloadResult {
  const child = spawnSync(process.execPath, [...process.execArgv, SCRIPT, "--download", file, assessmentId], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`download run failed: ${child.stderr}`);
  return JSON.parse(line) as DownloadResult;
}

function runColdChild(): { importMs: number; renderMs: number; totalMs: number; bytes: number } {
  const child = spawnSync(process.execPath, [...process.execArgv, SCRIPT, "--cold"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`cold run failed: ${child.stderr}`);
  return JSON.parse(line) as { importMs: number; renderMs: number; totalMs: number; bytes: number };
}

// ---------------------------------------------------------------------------------------------
// Chromium printing the HTML report, one browser kept warm.
// ---------------------------------------------------------------------------------------------

function builtCss(): string {
  const assets = path.join(ROOT, "build/client/assets");
  if (!existsSync(assets)) return "";
  return readdirSync(assets)
    .filter((file) => file.endsWith(".css"))
    .map((file) => readFileSync(path.join(assets, file), "utf8"))
    .join("\n");
}

async function staticReportHtml(reportView: ReportView): Promise<{ html: string; label: string }> {
  const css = builtCss();
  const cssNote = css ? "with the built app CSS" : "without CSS (no build/client/assets)";
  try {
    const { ReportBody } = await import("../../app/components/report/report-body");
    const body = renderToStaticMarkup(createElement(ReportBody, { view: reportView }));
    return {
      html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${css}</style></head><body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper">${body}</main></div></body></html>`,
      label: `static rendering of the app's ReportBody component, ${cssNote}`,
    };
  } catch (error) {
    const { report } = reportView;
    const rows = report.dimensions
      .map((d) => `<tr><td>${d.name}</td><td>${d.score}</td><td>${d.summary}</td></tr>`)
      .join("");
    return {
      html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${css}</style></head><body><h1>${report.meta.organisationName}</h1><p>${report.verdict.sentence}</p><table>${rows}</table></body></html>`,
      label: `minimal static report (ReportBody unavailable: ${(error as Error).message})`,
    };
  }
}

async function chromiumBench(
  reportView: ReportView,
): Promise<
  { label: string; cold: number; median: number; p95: number; pages: number; bytes: number } | { skipped: string }
> {
  if (process.env.BENCH_SKIP_CHROMIUM) return { skipped: "BENCH_SKIP_CHROMIUM is set" };
  const executablePath = findChromium();
  if (!executablePath) return { skipped: `no Chromium found. ${INSTALL_HINT}` };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const live = process.env.BENCH_REPORT_URL;
    const { html, label } = live ? { html: "", label: `live report page ${live}` } : await staticReportHtml(reportView);
    const page = await browser.newPage();
    const once = async (): Promise<Buffer> => {
      if (live) await page.goto(live, { waitUntil: "load" });
      else await page.setContent(html, { waitUntil: "load" });
      return page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "20mm", bottom: "20mm", left: "15mm", right: "15mm" },
      });
    };
    const coldStart = performance.now();
    const first = await once();
    const cold = performance.now() - coldStart;
    const times: number[] = [];
    for (let run = 0; run < Math.max(10, Math.round(RUNS / 2)); run += 1) {
      const start = performance.now();
      await once();
      times.push(performance.now() - start);
    }
    const { median, p95 } = stats(times);
    return { label, cold, median, p95, pages: pageCount(first), bytes: first.length };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const reportView = view();
  console.log(`PDF benchmark: ${LARGEST_EXAMPLE.name} (largest example), node ${process.version}, ${RUNS} runs`);
  console.log("");

  // 1. Cold: a fresh process, then a fresh pool.
  const cold = runColdChild();
  const { createPdfPool } = await import("../../app/pdf/pdf-pool.server");
  const { renderReportPdf, renderReportPdfFile } = await import("../../app/pdf/render-report.server");
  // The server creates its pool as it starts; the workers load and warm up in the background
  // while the server already answers. The first PDF anyone asks for after that is the one the
  // "first render after start" budget is about.
  const poolStart = performance.now();
  // A generous time limit: on a machine busy with other work one render has taken over 30 s, and
  // a measurement should record that rather than stop.
  const pool = createPdfPool({ timeoutMs: 300_000 });
  while (pool.idle < pool.size) await new Promise((resolve) => setTimeout(resolve, 5));
  const poolReady = performance.now() - poolStart;
  const firstStart = performance.now();
  const firstPoolPdf = await pool.render(reportView, { pageSize: "A4", document: "full" });
  const poolFirst = performance.now() - firstStart;
  if (pageCount(firstPoolPdf) < 2) throw new Error("the pool returned a broken PDF");

  // 2. Memory over consecutive renders through the pool (workers live in this process, so the
  // process's resident memory includes theirs). Each worker's heap grows and shrinks as its own
  // garbage collector runs, so one reading before and one after would mostly measure where those
  // collections happened to fall. A leak shows as a rising floor instead: compare the median of
  // the readings after the first 20 renders (caches and heaps settled) with that of the last 20.
  // Measured before the in-process renders below, whose heap would inflate the first readings.
  gc?.();
  const rssSamples: number[] = [];
  const poolTimes: number[] = [];
  for (let run = 0; run < MEMORY_RENDERS; run += 1) {
    const start = performance.now();
    await pool.render(reportView, { pageSize: run % 2 ? "LETTER" : "A4", document: "full" });
    poolTimes.push(performance.now() - start);
    rssSamples.push(process.memoryUsage.rss());
  }
  // What one request waits for on a quiet server: the render plus the trip to the worker and back.
  const poolWarm = stats(poolTimes.slice(20));
  const rssBefore = stats(rssSamples.slice(0, 20)).median;
  const rssAfter = stats(rssSamples.slice(-20)).median;
  const rssPeak = Math.max(...rssSamples);
  const rssGrowth = rssAfter - rssBefore;

  // 3. Warm, in-process: without and with the previous render's page count, interleaved so
  // that the machine's noise falls on both alike.
  for (let run = 0; run < 5; run += 1) await renderReportPdf(reportView, { pageSize: "A4", document: "full" });
  const { layout: previousLayout } = await renderReportPdfFile(reportView, { pageSize: "A4", document: "full" });
  const a4: number[] = [];
  const a4Reused: number[] = [];
  let reusedRounds = 0;
  let pdf: Buffer = Buffer.alloc(0);
  for (let run = 0; run < RUNS; run += 1) {
    let start = performance.now();
    pdf = await renderReportPdf(reportView, { pageSize: "A4", document: "full" });
    a4.push(performance.now() - start);
    start = performance.now();
    const again = await renderReportPdfFile(reportView, { pageSize: "A4", document: "full" }, previousLayout);
    a4Reused.push(performance.now() - start);
    if (again.rounds === 1 && again.renders === 1) reusedRounds += 1;
  }
  // The text layout cache (patches/README.md): the renders above find every paragraph in it, as
  // a re-render of an assessment after an answer changes mostly does. A new assessment's first
  // render in a warm worker starts with other assessments' paragraphs; these two bracket it:
  // the cache emptied before each render (only paragraphs repeated within the report reused)
  // and the cache off. Interleaved, with the page count reused; the bound is put back after.
  const { maxEntries: cacheEntries } = getTextLayoutCacheStats();
  const emptyCache: number[] = [];
  const noCache: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    configureTextLayoutCache({ maxEntries: 0 });
    let start = performance.now();
    await renderReportPdfFile(reportView, { pageSize: "A4", document: "full" }, previousLayout);
    noCache.push(performance.now() - start);
    configureTextLayoutCache({ maxEntries: cacheEntries });
    start = performance.now();
    await renderReportPdfFile(reportView, { pageSize: "A4", document: "full" }, previousLayout);
    emptyCache.push(performance.now() - start);
  }
  const warmEmptyCache = stats(emptyCache);
  const warmNoCache = stats(noCache);
  const letter: number[] = [];
  let letterPdf: Buffer = Buffer.alloc(0);
  for (let run = 0; run < Math.max(10, Math.round(RUNS / 3)); run += 1) {
    const start = performance.now();
    letterPdf = await renderReportPdf(reportView, { pageSize: "LETTER", document: "full" });
    letter.push(performance.now() - start);
  }
  // The board summary (the default download), warm, A4, with its previous layout as the server
  // passes it (pdf-store.server.ts): BENCH_RUNS renders after a few to warm up.
  const summaryOptions = { pageSize: "A4", document: "summary" } as const;
  for (let run = 0; run < 5; run += 1) await renderReportPdf(reportView, summaryOptions);
  const { layout: summaryLayout } = await renderReportPdfFile(reportView, summaryOptions);
  const summaryTimes: number[] = [];
  let summaryReused = 0;
  let summaryPdf: Buffer = Buffer.alloc(0);
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const file = await renderReportPdfFile(reportView, summaryOptions, summaryLayout);
    summaryTimes.push(performance.now() - start);
    summaryPdf = file.pdf;
    if (file.rounds === 1 && file.renders === 1) summaryReused += 1;
  }
  const warmSummary = stats(summaryTimes);
  const warmA4 = stats(a4);
  const warmReused = stats(a4Reused);
  const warmLetter = stats(letter);

  // 4. Main-thread stall while 20 PDFs render through the pool.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const concurrentStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, () => pool.render(reportView, { pageSize: "A4", document: "full" })),
  );
  const concurrentMs = performance.now() - concurrentStart;
  delay.disable();
  const stallMs = delay.max / 1e6;

  // 5. A finished assessment's PDF, rendered ahead into a database file as the server does, then
  // downloaded by a fresh process on that file (a restart, or a second server process).
  const download = await (async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { openDatabase } = await import("../../db/connection");
    const { migrateToLatest } = await import("../../db/migrator");
    const { createAssessment } = await import("../../db/repositories/assessments");
    const { createPdfStore } = await import("../../app/pdf/pdf-store.server");
    const dir = mkdtempSync(path.join(tmpdir(), "pdf-bench-"));
    const file = path.join(dir, "bench.sqlite");
    const db = openDatabase(`file:${file}`);
    try {
      await migrateToLatest(db);
      const { assessmentId } = await createAssessment(db, {
        accessTokenHash: "bench",
        questionnaireVersion: "2026-11",
      });
      await createPdfStore({ db, pool }).prepare(assessmentId, [reportView]);
      return runDownloadChild(file, assessmentId);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  await pool.close();

  // 6. Chromium.
  const chrome = await chromiumBench(reportView);

  // Report.
  const line = (label: string, value: string, budget = "") =>
    console.log(`${label.padEnd(58)} ${value.padStart(12)}  ${budget}`);
  line("Pages (A4 / US Letter)", `${pageCount(pdf)} / ${pageCount(letterPdf)}`);
  line("File size (A4 / US Letter)", `${(pdf.length / 1024).toFixed(0)} / ${(letterPdf.length / 1024).toFixed(0)} kB`);
  line("Pool size (workers)", String(pool.size || "in-process"));
  console.log("");
  line("Server start: workers load and warm up (in the background)", ms(poolReady));
  line(
    "First PDF after start (workers warmed up, through the pool)",
    ms(poolFirst),
    `budget ${BUDGET.coldMs} ms: ${verdict(poolFirst, BUDGET.coldMs)}`,
  );
  line("Fresh process, no warm-up: import + fonts + first render", ms(cold.totalMs));
  line("  of which module import", ms(cold.importMs));
  line("  of which fonts + first render", ms(cold.renderMs));
  line(
    `Full report warm A4 median, page count reused (${warmReused.runs} runs)`,
    ms(warmReused.median),
    `budget ${BUDGET.warmMedianMs} ms: ${verdict(warmReused.median, BUDGET.warmMedianMs)}  (one round in ${reusedRounds} of ${warmReused.runs})`,
  );
  line(
    `Full report warm A4 median, no page count (${warmA4.runs} runs)`,
    ms(warmA4.median),
    `budget ${BUDGET.warmMedianMs} ms: ${verdict(warmA4.median, BUDGET.warmMedianMs)}`,
  );
  line("  Ratio reused / not", `${(warmReused.median / warmA4.median).toFixed(2)}x`);
  line(
    `Full report warm A4 median, reused, text layout cache emptied first (${warmEmptyCache.runs})`,
    ms(warmEmptyCache.median),
    `budget ${BUDGET.warmMedianMs} ms: ${verdict(warmEmptyCache.median, BUDGET.warmMedianMs)}  (a new assessment's first render)`,
  );
  line(
    `Full report warm A4 median, reused, text layout cache off (${warmNoCache.runs} runs)`,
    ms(warmNoCache.median),
    `budget ${BUDGET.warmMedianMs} ms: ${verdict(warmNoCache.median, BUDGET.warmMedianMs)}  (as before the cache)`,
  );
  line(
    `Board summary warm A4 median / p95, page count reused (${warmSummary.runs} runs)`,
    `${ms(warmSummary.median)} / ${ms(warmSummary.p95)}`,
    `budget ${BUDGET.summaryWarmMs} ms: ${verdict(warmSummary.median, BUDGET.summaryWarmMs)}  (one round in ${summaryReused} of ${warmSummary.runs}; ${pageCount(summaryPdf)} pages)`,
  );
  line(
    `Warm through the pool, one at a time, median / p95 (${poolWarm.runs} runs)`,
    `${ms(poolWarm.median)} / ${ms(poolWarm.p95)}`,
  );
  line("Warm A4 p95 / fastest", `${ms(warmA4.p95)} / ${ms(warmA4.min)}`);
  line(`Warm US Letter median / p95 (${warmLetter.runs} runs)`, `${ms(warmLetter.median)} / ${ms(warmLetter.p95)}`);
  line(
    "Download of a finished assessment's PDF, first after a restart",
    `${download.firstMs.toFixed(1)} ms`,
    `budget ${BUDGET.downloadMs} ms: ${verdict(download.firstMs, BUDGET.downloadMs)}  (fresh process; it started in ${ms(download.startMs)})`,
  );
  line(
    `Download of a finished assessment's PDF, later ones, median (${RUNS} runs)`,
    `${download.laterMedianMs.toFixed(1)} ms`,
    `budget ${BUDGET.downloadMs} ms: ${verdict(download.laterMedianMs, BUDGET.downloadMs)}  (one row read, ${(download.bytes / 1024).toFixed(0)} kB)`,
  );
  line(
    `Longest main-thread stall, ${CONCURRENT} concurrent PDFs via pool`,
    `${stallMs.toFixed(1)} ms`,
    `budget ${BUDGET.stallMs} ms: ${verdict(stallMs, BUDGET.stallMs)}`,
  );
  line(`  ${CONCURRENT} PDFs took`, ms(concurrentMs), `(${(concurrentMs / CONCURRENT).toFixed(0)} ms each on average)`);
  line(
    `RSS growth over ${MEMORY_RENDERS} renders (median of first 20 vs last 20)`,
    mb(rssGrowth),
    `budget ${BUDGET.rssGrowthMb} MB: ${verdict(rssGrowth / (1 << 20), BUDGET.rssGrowthMb)}  (${mb(rssBefore)} -> ${mb(rssAfter)}, peak ${mb(rssPeak)})`,
  );
  console.log("");
  if ("skipped" in chrome) {
    console.log(`Chromium comparison skipped: ${chrome.skipped}`);
  } else {
    console.log(`Chromium comparison (${chrome.label}):`);
    line("  Chromium first print (browser already started)", ms(chrome.cold));
    line("  Chromium warm median / p95", `${ms(chrome.median)} / ${ms(chrome.p95)}`);
    line("  Chromium pages / size", `${chrome.pages} / ${(chrome.bytes / 1024).toFixed(0)} kB`);
    line(
      "  Ratio react-pdf warm median / Chromium warm median",
      `${(warmReused.median / chrome.median).toFixed(2)}x`,
      `(page count reused; ${(warmA4.median / chrome.median).toFixed(2)}x without)`,
    );
  }
}

if (process.argv.includes("--cold")) {
  await coldChild();
} else if (process.argv.includes("--download")) {
  const [file, assessmentId] = process.argv.slice(process.argv.indexOf("--download") + 1);
  await downloadChild(file ?? "", assessmentId ?? "");
} else if (!gc && !process.env.PDF_BENCH_CHILD) {
  // Re-run with --expose-gc (keeping tsx's loader flags) so memory is measured after collection.
  const child = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, SCRIPT, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PDF_BENCH_CHILD: "1" },
  });
  process.exitCode = child.status ?? 1;
} else {
  await main();
}
