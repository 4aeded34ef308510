/**
 * Messages between the PDF pool (main thread) and its worker threads. Jobs carry the plain,
 * structured-clonable report view; results come back as a transferred ArrayBuffer.
 */
import type { ReportView } from "../report/report-view";
import type { RenderPdfOptions } from "./render-report.server";
import type { PdfLayout } from "./report-document";

export type PdfJobMessage = {
  type: "render";
  id: number;
  view: ReportView;
  options: RenderPdfOptions;
  /** The previous render's layout of the same document, to lay it out once (render-report.server.ts). */
  layoutHint: PdfLayout | null;
};

/** Makes a worker die mid-job. Honoured only when the pool was created with `faultInjection`. */
export type PdfFaultMessage = { type: "crash"; id: number };

export type PdfToWorker = PdfJobMessage | PdfFaultMessage;

export type PdfFromWorker =
  /** Fonts loaded and the renderer warmed up: the worker is ready for jobs. */
  | { type: "ready" }
  | { type: "done"; id: number; pdf: ArrayBuffer; layout: PdfLayout; rounds: number; renders: number }
  | { type: "failed"; id: number; message: string };

export type PdfWorkerData = { faultInjection: boolean };
