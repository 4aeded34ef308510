/**
 * File names for the exports: "Readiness report - Te Kaunihera o Ōtautahi - 2026-11-29.docx" for
 * browsers that read RFC 5987's UTF-8 `filename*`, and an ASCII fallback
 * ("Readiness-report-Te-Kaunihera-o-Otautahi-2026-11-29.docx") for the rest. Both are safe on
 * Windows, macOS and Linux: no reserved or control characters, no leading or trailing dots or
 * spaces, never a Windows device name, and well under every file system's length limit.
 */

import { asciiSlug, encodeRfc5987, safeDate, unicodeName } from "../file-name-parts";

export const EXPORT_KINDS = {
  "report-docx": { title: "Readiness report", extension: "docx" },
  "answers-csv": { title: "Answers", extension: "csv" },
  "answers-json": { title: "Answers", extension: "json" },
  "report-json": { title: "Report data", extension: "json" },
} as const;

export type ExportKind = keyof typeof EXPORT_KINDS;

/**
 * "Readiness report - Te Kaunihera o Ōtautahi - 2026-11-29.docx". The base name always starts with
 * the export's title, so it can never be a Windows device name (CON, NUL...).
 */
export function exportFileName(kind: ExportKind, organisationName: string | null, isoDate: string): string {
  const { title, extension } = EXPORT_KINDS[kind];
  const parts = [title, unicodeName(organisationName ?? "") || null, safeDate(isoDate)].filter(Boolean);
  return `${parts.join(" - ")}.${extension}`;
}

/** "Readiness-report-Te-Kaunihera-o-Otautahi-2026-11-29.docx": for clients that ignore `filename*`. */
export function asciiExportFileName(kind: ExportKind, organisationName: string | null, isoDate: string): string {
  const { title, extension } = EXPORT_KINDS[kind];
  const parts = [asciiSlug(title), asciiSlug(organisationName ?? "") || null, safeDate(isoDate)].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}

/**
 * `attachment; filename="Readiness-report-...docx"; filename*=UTF-8''Readiness%20report%20-%20...`:
 * browsers prefer the UTF-8 name, older clients take the ASCII one (RFC 6266).
 */
export function exportContentDisposition(kind: ExportKind, organisationName: string | null, isoDate: string): string {
  const ascii = asciiExportFileName(kind, organisationName, isoDate);
  const unicode = exportFileName(kind, organisationName, isoDate);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(unicode)}`;
}

/**
 * What each download is, in plain words, with its file type and usual size for the page's
 * download list. The sizes were measured across the twelve example organisations (Word 117 to
 * 129 KB, and up to 148 KB for a re-assessment with its trend chart; the answers as CSV 13 to
 * 24 KB and as JSON 42 to 67 KB; the report data 37 to 86 KB); a test holds examples to them.
 */
export const EXPORT_DOWNLOADS: readonly {
  kind: ExportKind;
  label: string;
  hint: string;
  /** Usual size, in KB, as the hint gives it. */
  sizeKb: { min: number; max: number };
}[] = [
  {
    kind: "report-docx",
    label: "Word document (editable)",
    hint: "DOCX, 110 to 150 KB. The full report and starter strategy, to edit and brand.",
    sizeKb: { min: 100, max: 150 },
  },
  {
    kind: "answers-csv",
    label: "Your answers (spreadsheet, CSV)",
    hint: "CSV, about 20 KB. One row per question, for Excel or any spreadsheet.",
    sizeKb: { min: 10, max: 30 },
  },
  {
    kind: "answers-json",
    label: "Your answers (JSON, for analysis)",
    hint: "JSON, about 60 KB. Every answer as data, with the questionnaire version.",
    sizeKb: { min: 40, max: 80 },
  },
  {
    kind: "report-json",
    label: "Report data (JSON)",
    hint: "JSON, 40 to 90 KB. Scores, levels, risks and actions as data, to compare across assessments.",
    sizeKb: { min: 35, max: 90 },
  },
];
