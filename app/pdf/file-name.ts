/**
 * The PDF's file name (the full report's, or the board summary's with "board-summary"): the organisation's name and the assessment date, safe to save on Windows,
 * macOS and Linux, and the Content-Disposition header that offers it (RFC 6266, with the
 * UTF-8 form from RFC 5987 so browsers that understand it keep the accents).
 */

/** What the file is, after the organisation's name: the full report or the board summary. */
const SUFFIX = { full: "readiness-report", summary: "board-summary" } as const;
const WORDS = { full: "readiness report", summary: "board summary" } as const;
type DocumentKind = keyof typeof SUFFIX;
/** Characters for the name part; the whole name stays well under every file system's limit. */
const MAX_NAME_LENGTH = 80;

// Letters that Unicode does not decompose into a base letter and an accent.
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
  Ħ: "H",
  ħ: "h",
  "&": "and",
};

/** "Municipalité de Lévis" -> "Municipalite-de-Levis": ASCII letters, digits and single hyphens. */
function asciiSlug(text: string): string {
  const folded = Array.from(text.normalize("NFKD"), (char) => FOLDS[char] ?? char)
    .join("")
    // Combining marks (the accents NFKD split off), then anything else outside plain ASCII.
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (folded.length <= MAX_NAME_LENGTH) return folded;
  // Cut at a word boundary where there is one, so the name stays readable.
  const cut = folded.slice(0, MAX_NAME_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > MAX_NAME_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

function safeDate(isoDate: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate : null;
}

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
  const name = organisationName
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F<>:"/\\|?*\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const bounded = Array.from(name).slice(0, MAX_NAME_LENGTH).join("").trim();
  const date = safeDate(isoDate);
  const parts = [bounded || null, WORDS[document], date].filter(Boolean);
  return `${parts.join(" ")}.pdf`;
}

/** RFC 5987 value-chars: percent-encode everything but unreserved ASCII and a few safe marks. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
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
