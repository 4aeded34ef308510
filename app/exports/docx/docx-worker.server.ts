/**
 * The Word document's worker thread: builds one document at a time for `docx-thread.server.ts`,
 * so the docx library's synchronous writing and zipping (0.5 to 1.5 s) never holds up the
 * server's main thread.
 *
 * In production this file is bundled by esbuild into `build/server/docx-worker.js`, beside the
 * server bundle; in development and tests it runs from source through tsx.
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { DocxFromWorker, DocxToWorker } from "./docx-thread.server";
import { buildReportDocx } from "./report-docx.server";

const port = parentPort;
if (!port) throw new Error("docx-worker.server.ts must run in a worker thread (use buildReportDocxOffThread).");

// Builds give way to the main thread when the cores are busy. NOTE: on Linux a thread has its own
// nice value; elsewhere setpriority(0) would lower the whole process, so this is Linux-only.
if (process.platform === "linux") {
  try {
    setPriority(10);
  } catch {
    // Not allowed here (some containers): build at normal priority.
  }
}

port.on("message", (message: DocxToWorker) => {
  buildReportDocx(message.view).then(
    (docx) => {
      // The bytes in an ArrayBuffer of their own, transferred without a copy.
      const body = new Uint8Array(docx).buffer;
      const reply: DocxFromWorker = { id: message.id, ok: true, body };
      port.postMessage(reply, [body]);
    },
    (error: unknown) => {
      const reply: DocxFromWorker = {
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    },
  );
});
