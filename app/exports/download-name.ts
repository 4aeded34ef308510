/**
 * File names for the exports: "Readiness report - Te Kaunihera o Ōtautahi - 2026-11-29.docx" for
 * browsers that read RFC 5987's UTF-8 `filename*`, and an ASCII fallback
 * ("Readiness-report-Te-Kaunihera-o-Otautahi-2026-11-29.docx") for the rest. Both are safe on
 * Windows, macOS and Linux: no reserved or control characters, no leading or trailing dots or
 * spaces, never a Windows device name, and well under every file system's length limit.
 */

export const EXPORT_KINDS = {
  "report-docx": { title: "Readiness report", extension: "docx" },
  "answers-csv": { title: "Answers", extension: "csv" },
  "answers-json": { title: "Answers", extension: "json" },
  "report-json": { title: "Report data", extension: "json" },
} as const;

export type ExportKind = keyof typeof EXPORT_KINDS;

/** Characters of the organisation's name kept in a file name. */
const MAX_NAME_LENGTH = 80;

// Letters Unicode does not decompose into a base letter and an accent.
const FOLDS: Record<string, string> = {
  ß: "ss",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  Ø: "O",
  ø: "o",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ð: "D",
  ð: "d",
  Þ: "Th",
  þ: "th",
  ı: "i",
  "&": "and",
};

function safeDate(isoDate: string): string | null {
  const date = isoDate.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** "Ōtautahi & Co." -> "Otautahi-and-Co": ASCII letters, digits and single hyphens, cut at a word. */
function asciiSlug(text: string): string {
  const folded = Array.from(text.normalize("NFKD"), (char) => FOLDS[char] ?? char)
    .join("")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (folded.length <= MAX_NAME_LENGTH) return folded;
  const cut = folded.slice(0, MAX_NAME_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > MAX_NAME_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** The name as typed, minus what file systems forbid: control and bidi characters, <>:"/\|?*. */
function unicodeName(text: string): string {
  const cleaned = text
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F<>:"/\\|?*\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  // Cut by code point, so an emoji or accented letter is never split in half.
  return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join("").trim();
}

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

/** RFC 5987 value-chars: percent-encode everything but unreserved ASCII. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
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
 * 129 KB, the answers as CSV 13 to 24 KB and as JSON 42 to 67 KB, the report data 37 to 86 KB);
 * a test holds examples to them.
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
    hint: "DOCX, about 120 KB. The full report and starter strategy, to edit and brand.",
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
