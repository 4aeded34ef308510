/**
 * Makes any text safe to typeset with react-pdf: what people type (organisation names, free-text
 * answers) can hold control characters, emoji, right-to-left scripts, characters no embedded font
 * has, or one enormous "word". None of it may crash the renderer or push text off the page.
 *
 * Pure: the font coverage is passed in, so the rules are unit-tested without loading fonts.
 */

/** True when some embedded font has a glyph for the code point. */
export type GlyphCoverage = (codePoint: number) => boolean;

/** Stands in for a character no embedded font can draw, so the reader sees that something was there. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/** Words longer than this are split into chunks the line breaker may wrap between. */
export const LONG_WORD_LIMIT = 30;
const CHUNK_LENGTH = 15;
const MAX_UNBROKEN_URL = 100;

// Everything in this range is drawn by Public Sans as is, so most strings skip the slow path.
const PLAIN_TEXT = /^[\n\x20-\x7E\u00A0-\u017F\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]*$/;

// C0 and C1 controls (but not \n), and the invisible bidi embedding, override and isolate controls:
// typed into a name they reorder the rest of the line; react-pdf runs its own bidi algorithm.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const EMOJI_PART =
  /^(\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u20E3|[\u{E0020}-\u{E007F}])$/u;

/** Joiners and variation selectors only shape their neighbours; on their own they draw a blank box. */
function isShapingOnly(codePoint: number): boolean {
  return (
    (codePoint >= 0x200b && codePoint <= 0x200d) || codePoint === 0x2060 || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  );
}

let graphemes: Intl.Segmenter | undefined;

function segments(text: string): Iterable<string> {
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

function isEmoji(cluster: string): boolean {
  for (const char of cluster) if (EMOJI_PART.test(char)) return true;
  return false;
}

function typesetCluster(cluster: string, covers: GlyphCoverage): string {
  let kept = "";
  for (const char of cluster) if (!isShapingOnly(char.codePointAt(0) ?? 0)) kept += char;
  if (kept === "") return "";
  let drawable = true;
  for (const char of kept) {
    if (!covers(char.codePointAt(0) ?? 0)) {
      drawable = false;
      break;
    }
  }
  if (drawable) return kept;
  // NOTE: no embedded font has colour emoji, and react-pdf would fetch emoji images over the
  // network; the accessible HTML version shows them, the PDF leaves them out.
  if (isEmoji(cluster)) return "";
  return covers(REPLACEMENT_CHARACTER.codePointAt(0) ?? 0) ? REPLACEMENT_CHARACTER : "?";
}

/**
 * Text as it can be typeset: NFC-normalised, line endings unified, control and bidi-override
 * characters removed, emoji the fonts lack dropped, and any other character no font covers
 * replaced with U+FFFD. Markup is left as literal text (react-pdf never interprets it).
 */
export function pdfText(text: string, covers: GlyphCoverage): string {
  if (PLAIN_TEXT.test(text)) return text;
  const cleaned = text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(INVISIBLE, "");
  let out = "";
  let dropped = false;
  for (const cluster of segments(cleaned)) {
    const typeset = typesetCluster(cluster, covers);
    if (typeset === "" && cluster !== "") dropped = true;
    out += typeset;
  }
  // Dropping an emoji between two words leaves two spaces; dropping one at the edge leaves one.
  return dropped ? out.replace(/ {2,}/g, " ").trim() : out;
}

/**
 * Every string in a plain-data value passed through `pdfText`, keeping its shape. Used on the
 * whole report view, so no string can reach the document unsanitised.
 */
export function pdfSafeData<T>(value: T, covers: GlyphCoverage): T {
  if (typeof value === "string") return pdfText(value, covers) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => pdfSafeData(item, covers)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = pdfSafeData(item, covers);
    return out as T;
  }
  return value;
}

function chunk(part: string): string[] {
  if (part.length <= CHUNK_LENGTH) return [part];
  const chars = Array.from(part);
  const chunks: string[] = [];
  for (let index = 0; index < chars.length; index += CHUNK_LENGTH) {
    chunks.push(chars.slice(index, index + CHUNK_LENGTH).join(""));
  }
  return chunks;
}

/**
 * The hyphenation callback: normal words stay whole (hyphenation is off), but a word longer than
 * `LONG_WORD_LIMIT` characters is split after URL-ish punctuation and then into chunks, so it
 * wraps inside its column instead of running off the page. react-pdf draws a hyphen where it
 * breaks between chunks.
 */
export function breakLongWord(word: string): string[] {
  if (word.length <= LONG_WORD_LIMIT) return [word];
  // An address stays whole (it is set where a line can hold it): react-pdf would draw a hyphen
  // at any break, and a reader could not tell it from the address.
  if (word.length <= MAX_UNBROKEN_URL && /^https?:\/\//.test(word)) return [word];
  // NOTE: not after hyphens: react-pdf draws its own hyphen at the break, which would double it.
  const parts = word.split(/(?<=[/\\.?&=_@:;,])/).filter((part) => part !== "");
  return parts.flatMap(chunk);
}

/**
 * The value with every occurrence of `name` shortened to `limit` characters and an ellipsis, when
 * it is longer. For the board summary, which must stay within four pages: the form accepts names
 * of up to 150 characters, but older or imported data may hold longer ones, and the name is
 * repeated in the verdict, the decision and the risks. Other names are untouched.
 */
export function withShortenedName<T>(value: T, name: string, limit: number): T {
  const chars = Array.from(name);
  if (chars.length <= limit) return value;
  const short = `${chars.slice(0, limit).join("").trimEnd()}…`;
  function walk(item: unknown): unknown {
    if (typeof item === "string") return item.split(name).join(short);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === "object") {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    }
    return item;
  }
  return walk(value) as T;
}
