import type { ExportKind } from "./download-name";

const FILES: Record<ExportKind, string> = {
  "report-docx": "report.docx",
  "report-json": "report.json",
  "answers-csv": "answers.csv",
  "answers-json": "answers.json",
};

/** "/a/<token>/report.docx" and the rest: where each export is downloaded under a private link. */
export function exportPath(token: string, kind: ExportKind): string {
  return `/a/${token}/${FILES[kind]}`;
}

export function exportPaths(token: string): Record<ExportKind, string> {
  return {
    "report-docx": exportPath(token, "report-docx"),
    "report-json": exportPath(token, "report-json"),
    "answers-csv": exportPath(token, "answers-csv"),
    "answers-json": exportPath(token, "answers-json"),
  };
}
