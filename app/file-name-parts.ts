/**
 * The pieces every downloaded file's name is made of (the PDFs in `app/pdf/file-name.ts`, the
 * Word document and data in `app/exports/download-name.ts`): a name safe on Windows, macOS and
 * Linux in ASCII and as typed, a checked date, and RFC 5987's encoding for `filename*`.
 */

/** Characters for the name part; the whole name stays well under every file system's limit. */
export const MAX_NAME_LENGTH = 80;

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
export function asciiSlug(text: string): string {
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

export function safeDate(isoDate: string): string | null {
  const date = isoDate.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** The name as typed, minus what file systems forbid: control and bidi characters, <>:"/\\|?*. */
export function unicodeName(text: string): string {
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

/** RFC 5987 value-chars: percent-encode everything but unreserved ASCII and a few safe marks. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
