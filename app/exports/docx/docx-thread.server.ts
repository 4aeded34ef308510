/**
 * Builds the Word document on a worker thread, one at a time, so a download never stalls other
 * requests: the docx library writes and zips the whole document synchronously. One worker is
 * started on first use and kept; one that crashes or takes longer than 30 s is ended, the
 * download fails with a clear page (logged by the route), and the next download starts a fresh
 * worker. Where no worker script exists it builds in this thread instead.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReportView } from "../../report/report-view";
import { buildReportDocx } from "./report-docx.server";

export type DocxToWorker = { id: number; view: ReportView };
export type DocxFromWorker = { id: number; ok: true; body: ArrayBuffer } | { id: number; ok: false; message: string };

const BUILD_TIMEOUT_MS = 30_000;

type WorkerEntry = { file: string | URL; description: string };

/**
 * Where the worker script is: `docx-worker.js` beside the server bundle in a production build
 * (the build step writes it there), or the TypeScript source, through tsx, in the source tree.
 * Null when neither is there: the document is then built in this thread.
 */
export function findDocxWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry | null {
  if (!moduleUrl.startsWith("file:")) return null;
  const here = path.dirname(fileURLToPath(moduleUrl));
  const bundled = path.join(here, "docx-worker.js");
  if (existsSync(bundled)) return { file: bundled, description: bundled };
  const source = path.join(here, "docx-worker.server.ts");
  const tsxApi = resolveTsxApi(moduleUrl);
  if (!existsSync(source) || !tsxApi) return null;
  // NOTE: `execArgv: ["--import", "tsx"]` does not reach a worker's entry module on Node 20 (the
  // PDF pool found the same), so the worker starts from a small ES module that registers tsx
  // and then imports the TypeScript entry.
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
    const esm = createRequire(moduleUrl)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs");
    return existsSync(esm) ? esm : null;
  } catch {
    return null;
  }
}

let worker: Worker | null = null;
let nextId = 1;
/** Builds wait their turn: the worker takes one at a time. */
let queue: Promise<unknown> = Promise.resolve();

function startWorker(entry: WorkerEntry): Worker {
  const started = new Worker(entry.file);
  // An idle worker must not keep the process alive at shutdown.
  started.unref();
  const forget = () => {
    if (worker === started) worker = null;
  };
  started.once("exit", forget);
  started.once("error", forget);
  return started;
}

function buildOn(entry: WorkerEntry, view: ReportView): Promise<Buffer> {
  worker ??= startWorker(entry);
  const current = worker;
  const id = nextId;
  nextId += 1;
  return new Promise<Buffer>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      current.off("message", onMessage);
      current.off("error", onError);
      current.off("exit", onExit);
    };
    const fail = (error: Error) => {
      finish();
      reject(error);
    };
    const onMessage = (message: DocxFromWorker) => {
      if (message.id !== id) return;
      finish();
      if (message.ok) resolve(Buffer.from(message.body));
      else reject(new Error(`The Word document could not be built: ${message.message}`));
    };
    const onError = (error: Error) => fail(new Error(`The Word document's worker failed: ${error.message}`));
    const onExit = (code: number) => fail(new Error(`The Word document's worker stopped (exit code ${code}).`));
    const timer = setTimeout(() => {
      fail(new Error(`The Word document took longer than ${BUILD_TIMEOUT_MS / 1000} s.`));
      void current.terminate();
    }, BUILD_TIMEOUT_MS);
    current.on("message", onMessage);
    current.once("error", onError);
    current.once("exit", onExit);
    current.ref();
    const message: DocxToWorker = { id, view };
    current.postMessage(message);
  }).finally(() => current.unref());
}

/** The Word document of a report, built off the main thread where a worker script exists. */
export function buildReportDocxOffThread(view: ReportView, entry = findDocxWorkerEntry()): Promise<Buffer> {
  if (entry === null) return buildReportDocx(view);
  const turn = queue.then(() => buildOn(entry, view));
  queue = turn.catch(() => undefined);
  return turn;
}

/** Ends the worker, if one is running: for tests and shutdown. */
export async function stopDocxWorker(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.terminate();
}
