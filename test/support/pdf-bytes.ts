/**
 * A PDF's bytes as text a test can search: the file itself, and every compressed stream
 * inflated. Text in a PDF hides in several forms: literal strings in the file (link addresses,
 * metadata), the same as UTF-16 when a string has any character outside ASCII, and drawn text
 * inside (usually compressed) content streams.
 */
import { inflateSync } from "node:zlib";

export type PdfBytes = {
  /** The file as Latin-1 text: one character per byte. */
  raw: string;
  /** Each FlateDecode stream, inflated, as Latin-1 text. */
  inflated: string[];
};

export function readPdfBytes(pdf: Buffer): PdfBytes {
  const raw = pdf.toString("latin1");
  const inflated: string[] = [];
  // Each stream's own dictionary: from its object's "obj" to "stream", never across an "endobj".
  const streamStart = /\d+ \d+ obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let match = streamStart.exec(raw); match; match = streamStart.exec(raw)) {
    const dictionary = match[1] ?? "";
    const begin = match.index + match[0].length;
    const declared = /\/Length (\d+)(?! \d+ R)/.exec(dictionary);
    const end = declared ? begin + Number(declared[1]) : raw.indexOf("endstream", begin);
    if (!/\/FlateDecode/.test(dictionary) || end <= begin) continue;
    try {
      inflated.push(inflateSync(pdf.subarray(begin, end)).toString("latin1"));
    } catch {
      // A stream that is not really deflated (or a miscounted length): nothing to search in it.
    }
    streamStart.lastIndex = end;
  }
  return { raw, inflated };
}

/** Where `needle` appears: as bytes, as UTF-16 (big or little endian), or as hex digits. */
export function findInPdf(bytes: PdfBytes, needle: string): string[] {
  const forms = {
    ascii: needle,
    "utf-16be": Buffer.from(needle, "utf16le").swap16().toString("latin1"),
    "utf-16le": Buffer.from(needle, "utf16le").toString("latin1"),
    hex: Buffer.from(needle).toString("hex"),
    "utf-16be hex": Buffer.from(needle, "utf16le").swap16().toString("hex"),
  };
  const places: string[] = [];
  for (const [form, text] of Object.entries(forms)) {
    const inFile = form.includes("hex") ? bytes.raw.toLowerCase().includes(text) : bytes.raw.includes(text);
    if (inFile) places.push(`file (${form})`);
    bytes.inflated.forEach((stream, index) => {
      const found = form.includes("hex") ? stream.toLowerCase().includes(text) : stream.includes(text);
      if (found) places.push(`stream ${index} (${form})`);
    });
  }
  return places;
}

/**
 * The file as text with what differs between any two renders blanked: the creation date (Info
 * and XMP) and the file identifier. Everything else, compressed page content included, is kept,
 * so two renders of the same document compare equal exactly when they draw the same.
 */
export function comparablePdf(pdf: Buffer): string {
  return pdf
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/g, "(D:DATE)")
    .replace(/<xmp:(\w+)Date>[^<]*<\/xmp:\1Date>/g, "<xmp:$1Date>DATE</xmp:$1Date>")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, "/ID [ID]");
}
