/**
 * The PDF worker thread: renders one report at a time for the pool in `pdf-pool.server.ts`.
 *
 * In production this file is bundled by esbuild into `build/server/pdf-worker.js`, beside the
 * server bundle; in development, tests and benchmarks it runs from source through tsx.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { PdfFromWorker, PdfToWorker, PdfWorkerData } from "./pdf-worker-protocol";
import { renderReportPdfFile, warmUpPdfRenderer } from "./render-report.server";

const port = parentPort;
if (!port) throw new Error("pdf-worker.server.ts must run in a worker thread (use the PDF pool).");
const { faultInjection } = (workerData ?? { faultInjection: false }) as PdfWorkerData;

// Renders should give way to the server's main thread: when every core is busy rendering, a
// request must still be answered promptly. NOTE: on Linux a thread has its own nice value and
// setpriority(0) changes only the calling thread; elsewhere it would lower the whole process,
// so this is Linux-only.
if (process.platform === "linux") {
  try {
    setPriority(10);
  } catch {
    // Not allowed here (some containers): render at normal priority.
  }
}

function send(message: PdfFromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** The PDF's bytes as an ArrayBuffer of their own, so it can be transferred without a copy. */
function ownArrayBuffer(pdf: Buffer): ArrayBuffer {
  if (pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer) {
    return pdf.buffer;
  }
  return new Uint8Array(pdf).buffer;
}

// Jobs arrive one at a time (the pool never sends a second before the first is answered), so
// renders never interleave inside a worker.
port.on("message", (message: PdfToWorker) => {
  if (message.type === "crash") {
    if (faultInjection) process.exit(70);
    send({ type: "failed", id: message.id, message: "Fault injection is not enabled for this pool." });
    return;
  }
  renderReportPdfFile(message.view, message.options, message.layoutHint).then(
    ({ pdf, layout, rounds, renders }) => {
      const bytes = ownArrayBuffer(pdf);
      send({ type: "done", id: message.id, pdf: bytes, layout, rounds, renders }, [bytes]);
    },
    (error: unknown) => {
      send({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) });
    },
  );
});

// Load the fonts and warm the renderer up before saying we are ready, so the first job pays
// for neither.
warmUpPdfRenderer().then(
  () => send({ type: "ready" }),
  (error: unknown) => {
    // Without fonts nothing can render. Thrown from the worker, the error reaches the pool's
    // log (with the server's logger) and the worker exits; the pool falls back to rendering
    // in-process after repeated failures.
    setImmediate(() => {
      throw error;
    });
  },
);
