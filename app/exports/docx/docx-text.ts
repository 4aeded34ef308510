/**
 * Text as a Word document can hold it. WordprocessingML is XML 1.0, which cannot carry most
 * control characters, unpaired surrogates or U+FFFE and U+FFFF: one of them in an answer would
 * make Word refuse to open the file. Invisible bidi overrides are dropped too, as in the PDF:
 * typed into a name, they would reorder the rest of its line. Everything else (markup, emoji,
 * right-to-left scripts, very long words) is kept exactly as typed; Word shows it as text.
 */

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** One string made safe for the document, line breaks as "\n". */
export function docxText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(NOT_XML, "")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(BIDI_CONTROLS, "");
}

/** Every string in a plain-data value made safe, keeping its shape. */
export function docxSafeData<T>(value: T): T {
  if (typeof value === "string") return docxText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => docxSafeData(item)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = docxSafeData(item);
    return out as T;
  }
  return value;
}
