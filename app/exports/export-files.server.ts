/**
 * The four export files, each built by one function from the assessment's data (never from the
 * request), and the HTTP response that offers a file as a download. A route for any link family
 * serves a file in one line: `exportResponse(reportDocxFile(source))`.
 */
import { createHash } from "node:crypto";
import { answersCsv, answersJson } from "./answers-export.server";
import { exportContentDisposition, exportFileName, type ExportKind } from "./download-name";
import { buildReportDocxOffThread } from "./docx/docx-thread.server";
import type { ExportSource } from "./export-source.server";
import { reportJson } from "./report-data.server";

export type ExportFile = {
  kind: ExportKind;
  body: Uint8Array;
  contentType: string;
  /** The name offered to the browser, as typed (the header also carries an ASCII form). */
  fileName: string;
  contentDisposition: string;
};

const CONTENT_TYPES: Record<ExportKind, string> = {
  "report-docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "answers-csv": "text/csv; charset=utf-8; header=present",
  "answers-json": "application/json; charset=utf-8",
  "report-json": "application/json; charset=utf-8",
};

function file(kind: ExportKind, body: Uint8Array, organisationName: string | null, isoDate: string): ExportFile {
  return {
    kind,
    body,
    contentType: CONTENT_TYPES[kind],
    fileName: exportFileName(kind, organisationName, isoDate),
    contentDisposition: exportContentDisposition(kind, organisationName, isoDate),
  };
}

const utf8 = new TextEncoder();

/** The answers as CSV, at any stage: dated the day it is made, since answers can still change. */
export function answersCsvFile(source: ExportSource): ExportFile {
  return file("answers-csv", utf8.encode(answersCsv(source)), source.meta.organisationName, source.meta.generatedAt);
}

export function answersJsonFile(source: ExportSource): ExportFile {
  return file("answers-json", utf8.encode(answersJson(source)), source.meta.organisationName, source.meta.generatedAt);
}

/** The report data as JSON; null while the assessment has no report. */
export function reportJsonFile(source: ExportSource): ExportFile | null {
  if (!source.view) return null;
  const body = utf8.encode(reportJson({ view: source.view, answers: source.answers, meta: source.meta }));
  return file("report-json", body, source.view.report.meta.organisationName, source.view.report.meta.assessedOn);
}

// ---------------------------------------------------------------------------------------------
// The Word document, cached by what it shows
// ---------------------------------------------------------------------------------------------

/** Finished documents kept in memory, newest last; about 130 KB each. */
const DOCX_CACHE_BYTES = 16 * 1024 * 1024;
const docxCache = new Map<string, Uint8Array>();
let docxCacheBytes = 0;

function cacheKey(source: ExportSource): string {
  // Everything the document shows is in the view; a changed answer changes the key.
  return createHash("sha256").update(JSON.stringify(source.view)).digest("hex");
}

function remember(key: string, body: Uint8Array): void {
  docxCache.set(key, body);
  docxCacheBytes += body.byteLength;
  for (const [oldKey, oldBody] of docxCache) {
    if (docxCacheBytes <= DOCX_CACHE_BYTES) break;
    docxCache.delete(oldKey);
    docxCacheBytes -= oldBody.byteLength;
  }
}

/**
 * The Word document of the report; null while the assessment has no report. Building it takes
 * 0.5 to 1.5 s (the docx library writes and zips synchronously), on a worker thread so other
 * requests are not held up; a built document is kept, keyed by a hash of everything it shows, so
 * a second download of the same report is immediate and a changed answer never gets an old one.
 */
export async function reportDocxFile(source: ExportSource): Promise<ExportFile | null> {
  if (!source.view) return null;
  const key = cacheKey(source);
  let body = docxCache.get(key);
  if (body) {
    // Most recently used last.
    docxCache.delete(key);
    docxCache.set(key, body);
  } else {
    body = new Uint8Array(await buildReportDocxOffThread(source.view));
    remember(key, body);
  }
  const { organisationName, assessedOn } = source.view.report.meta;
  return file("report-docx", body, organisationName, assessedOn);
}

/** Forgets every cached document: for tests. */
export function clearDocxCache(): void {
  docxCache.clear();
  docxCacheBytes = 0;
}

// ---------------------------------------------------------------------------------------------
// The response
// ---------------------------------------------------------------------------------------------

/**
 * The file as a download. The data is confidential to the organisation: never stored by any
 * cache, never indexed, never sniffed into another type.
 */
export function exportResponse(exported: ExportFile): Response {
  // A copy into a plain ArrayBuffer, which is what the fetch API's types accept.
  const body = new Uint8Array(exported.body.byteLength);
  body.set(exported.body);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": exported.contentType,
      "Content-Length": String(exported.body.byteLength),
      "Content-Disposition": exported.contentDisposition,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
