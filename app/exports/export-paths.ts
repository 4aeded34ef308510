import type { ExportKind } from "./download-name";

const FILES: Record<ExportKind, string> = {
  "report-docx": "report.docx",
  "report-json": "report.json",
  "answers-csv": "answers.csv",
  "answers-json": "answers.json",
};

/**
 * The downloads a read-only link offers: the report, as a Word document and as data. The answer
 * files are the owner's working data and stay behind the private link; the report's own annex
 * already lists every answer for its readers.
 */
export const READ_ONLY_EXPORTS = ["report-docx", "report-json"] as const satisfies readonly ExportKind[];
export type ReadOnlyExportKind = (typeof READ_ONLY_EXPORTS)[number];

/** "/a/<token>/report.docx" and the rest: where each export is downloaded under a private link. */
export function exportPath(token: string, kind: ExportKind): string {
  return `/a/${token}/${FILES[kind]}`;
}

/** "/r/<token>/report.docx": the same file through a read-only link. */
export function readOnlyExportPath(reportToken: string, kind: ReadOnlyExportKind): string {
  return `/r/${reportToken}/${FILES[kind]}`;
}

export function exportPaths(token: string): Record<ExportKind, string> {
  return {
    "report-docx": exportPath(token, "report-docx"),
    "report-json": exportPath(token, "report-json"),
    "answers-csv": exportPath(token, "answers-csv"),
    "answers-json": exportPath(token, "answers-json"),
  };
}

export function readOnlyExportPaths(reportToken: string): Record<ReadOnlyExportKind, string> {
  return {
    "report-docx": readOnlyExportPath(reportToken, "report-docx"),
    "report-json": readOnlyExportPath(reportToken, "report-json"),
  };
}
