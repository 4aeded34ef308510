/**
 * The PDF's file name (the full report's, or the board summary's with "board-summary"): the organisation's name and the assessment date, safe to save on Windows,
 * macOS and Linux, and the Content-Disposition header that offers it (RFC 6266, with the
 * UTF-8 form from RFC 5987 so browsers that understand it keep the accents).
 */

import { asciiSlug, encodeRfc5987, safeDate, unicodeName } from "../file-name-parts";

/** What the file is, after the organisation's name: the full report or the board summary. */
const SUFFIX = { full: "readiness-report", summary: "board-summary" } as const;
const WORDS = { full: "readiness report", summary: "board summary" } as const;
type DocumentKind = keyof typeof SUFFIX;

/**
 * "Municipalité de Lévis", "2026-11-21" -> "Municipalite-de-Levis-readiness-report-2026-11-21.pdf".
 * Only ASCII letters, digits, hyphens and one dot: nothing any operating system reserves, no
 * control characters, no leading or trailing dots or spaces, never a Windows device name (the
 * base name always ends in "readiness-report..."), and at most about 120 characters. A name with no Latin letters (Arabic, Chinese) gives
 * "readiness-report-2026-11-21.pdf".
 */
export function pdfFileName(organisationName: string, isoDate: string, document: DocumentKind = "full"): string {
  const name = asciiSlug(organisationName);
  const date = safeDate(isoDate);
  // The base name always ends in "readiness-report" (or "board-summary"), so it can never be a
  // Windows device name (CON, NUL, COM1...), which are reserved only as a whole base name.
  const parts = [name || null, SUFFIX[document], date].filter(Boolean);
  return `${parts.join("-")}.pdf`;
}

/**
 * The same name as typed, for the header's UTF-8 `filename*`: accents kept, but with the
 * characters Windows, macOS or Linux forbid, and control characters, replaced.
 */
export function unicodeFileName(organisationName: string, isoDate: string, document: DocumentKind = "full"): string {
  const bounded = unicodeName(organisationName);
  const date = safeDate(isoDate);
  const parts = [bounded || null, WORDS[document], date].filter(Boolean);
  return `${parts.join(" ")}.pdf`;
}

/**
 * The Content-Disposition header for the PDF download, for example:
 * `attachment; filename="Municipalite-de-Levis-readiness-report-2026-11-21.pdf";
 * filename*=UTF-8''Municipalit%C3%A9%20de%20L%C3%A9vis%20readiness%20report%202026-11-21.pdf`.
 * The plain `filename` is the ASCII name for old clients; browsers prefer `filename*`.
 */
export function pdfContentDisposition(
  organisationName: string,
  isoDate: string,
  disposition: "attachment" | "inline" = "attachment",
  document: DocumentKind = "full",
): string {
  const ascii = pdfFileName(organisationName, isoDate, document);
  const unicode = unicodeFileName(organisationName, isoDate, document);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(unicode)}`;
}
