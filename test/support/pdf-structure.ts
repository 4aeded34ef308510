/**
 * Reads a tagged PDF back as a screen reader's software would: the catalogue's accessibility
 * entries, the structure tree with the text each element holds, the link annotations and the
 * marked-content sequences of every page. Built on pdf-lib's object model plus a small content
 * stream scanner, so the tests check the file itself rather than what the renderer meant to write.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from "pdf-lib";

export type StructElement = {
  type: string;
  alt?: string;
  lang?: string;
  /** The `Scope` attribute of a table header cell. */
  scope?: string;
  /** The `BBox` layout attribute, in PDF units. */
  bbox?: number[];
  children: StructElement[];
  /** Zero-based pages of the marked content this element holds directly. */
  pages: number[];
  /** Marked-content ids this element holds directly, as [page, mcid]. */
  contents: [number, number][];
  /** Annotations (link objects) this element holds. */
  annotations: PDFRef[];
  /** The text this element holds directly (its own marked content, not its children's). */
  ownText: string;
  /** Its own text and its child elements, in the order of the file (reading order). */
  sequence: (string | StructElement)[];
};

export type ContentProblem = { page: number; operator: string; text: string };

export type TaggedPdf = {
  pageCount: number;
  marked: boolean;
  lang?: string;
  displayDocTitle: boolean;
  /** The single child of the StructTreeRoot, or null when the file has no structure tree. */
  root: StructElement | null;
  /** Link annotations by page: whether each has a StructParent that leads to a Link element. */
  links: { page: number; uri?: string; contents?: string; structParent?: number; parentType?: string }[];
  /** Text-showing and painting operators found outside any marked-content sequence. */
  unmarked: ContentProblem[];
  /** Operators (text or painting) inside an Artifact sequence, per page, with the artifact's text. */
  artifactText: string[];
  /** Every run of drawn text, page by page, with its size in points. */
  textRuns: TextRun[];
  /** Marked-content ids used on each page that no structure element claims. */
  orphanMcids: [number, number][];
};

const TEXT_OPERATORS = new Set(["Tj", "TJ", "'", '"']);
// Painting operators: what puts marks on the page (a path ended with `n` only clips).
const PAINT_OPERATORS = new Set(["f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI"]);

type Token =
  | { kind: "op"; value: string }
  | { kind: "name"; value: string }
  | { kind: "string"; bytes: number[] }
  | { kind: "number"; value: number }
  | { kind: "array"; items: Token[] }
  | { kind: "dict"; entries: Map<string, Token> };

/** A small tokenizer for content streams: enough for what pdfkit writes. */
function tokenize(source: string): Token[] {
  let position = 0;
  const isWhite = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";
  const isDelimiter = (c: string) => "()<>[]{}/%".includes(c);

  function literalString(): Token {
    const bytes: number[] = [];
    let depth = 1;
    position += 1;
    while (position < source.length) {
      const c = source[position] as string;
      if (c === "\\") {
        const next = source[position + 1] as string;
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
        if (next in escapes) {
          bytes.push(escapes[next] as number);
          position += 2;
        } else if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(source.slice(position + 1))?.[0] ?? "0";
          bytes.push(parseInt(octal, 8) & 0xff);
          position += 1 + octal.length;
        } else {
          position += 2;
        }
        continue;
      }
      if (c === "(") depth += 1;
      if (c === ")") {
        depth -= 1;
        if (depth === 0) {
          position += 1;
          break;
        }
      }
      bytes.push(c.charCodeAt(0) & 0xff);
      position += 1;
    }
    return { kind: "string", bytes };
  }

  function hexString(): Token {
    const end = source.indexOf(">", position);
    const hex = source.slice(position + 1, end).replace(/\s+/g, "");
    position = end + 1;
    const padded = hex.length % 2 === 1 ? `${hex}0` : hex;
    const bytes: number[] = [];
    for (let index = 0; index < padded.length; index += 2) bytes.push(parseInt(padded.slice(index, index + 2), 16));
    return { kind: "string", bytes };
  }

  function next(): Token | "]" | ">>" | null {
    while (position < source.length) {
      const c = source[position] as string;
      if (isWhite(c)) {
        position += 1;
        continue;
      }
      if (c === "%") {
        while (position < source.length && source[position] !== "\n") position += 1;
        continue;
      }
      break;
    }
    if (position >= source.length) return null;
    const c = source[position] as string;
    if (c === "(") return literalString();
    if (c === "<" && source[position + 1] === "<") {
      position += 2;
      const entries = new Map<string, Token>();
      for (;;) {
        const key = next();
        if (key === ">>" || key === null) break;
        const value = next();
        if (key !== "]" && key.kind === "name" && value !== null && value !== "]" && value !== ">>") {
          entries.set(key.value, value);
        }
      }
      return { kind: "dict", entries };
    }
    if (c === ">" && source[position + 1] === ">") {
      position += 2;
      return ">>";
    }
    if (c === "<") return hexString();
    if (c === "[") {
      position += 1;
      const items: Token[] = [];
      for (;;) {
        const item = next();
        if (item === "]" || item === null) break;
        if (item !== ">>") items.push(item);
      }
      return { kind: "array", items };
    }
    if (c === "]") {
      position += 1;
      return "]";
    }
    let end = position + 1;
    if (c === "/") {
      while (end < source.length && !isWhite(source[end] as string) && !isDelimiter(source[end] as string)) end += 1;
      const name = source.slice(position + 1, end);
      position = end;
      return { kind: "name", value: name };
    }
    while (end < source.length && !isWhite(source[end] as string) && !isDelimiter(source[end] as string)) end += 1;
    const word = source.slice(position, end);
    position = end;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: "number", value: Number(word) };
    return { kind: "op", value: word };
  }

  const tokens: Token[] = [];
  for (;;) {
    const token = next();
    if (token === null) break;
    if (token !== "]" && token !== ">>") tokens.push(token);
  }
  return tokens;
}

/** A ToUnicode CMap as pdfkit writes it: bfrange lines with arrays or a start value, bfchar lines. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let index = 0; index < hex.length; index += 4) units.push(parseInt(hex.slice(index, index + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const low = parseInt(line[1] as string, 16);
      const high = parseInt(line[2] as string, 16);
      const target = line[3] as string;
      if (target.startsWith("[")) {
        // NOTE: a value of several code units (a ligature) is written with spaces: <0066 0069>.
        const values = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((value) =>
          (value[1] as string).replace(/\s+/g, ""),
        );
        values.forEach((value, index) => map.set(low + index, utf16(value)));
      } else {
        const start = parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code += 1) map.set(code, String.fromCodePoint(start + (code - low)));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(parseInt(line[1] as string, 16), utf16((line[2] as string).replace(/\s+/g, "")));
    }
  }
  return map;
}

type FontDecoder = (bytes: number[]) => string;

function streamText(document: PDFDocument, object: PDFObject | undefined): string {
  const stream = object instanceof PDFRef ? document.context.lookup(object) : object;
  if (!(stream instanceof PDFRawStream)) return "";
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

function fontDecoders(document: PDFDocument, resources: PDFDict | undefined): Map<string, FontDecoder> {
  const decoders = new Map<string, FontDecoder>();
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!fonts) return decoders;
  for (const [name, ref] of fonts.entries()) {
    const font = document.context.lookup(ref, PDFDict);
    const toUnicode = font.get(PDFName.of("ToUnicode"));
    const twoBytes = font.get(PDFName.of("Subtype"))?.toString() === "/Type0";
    const map = toUnicode ? parseToUnicode(streamText(document, toUnicode)) : null;
    decoders.set(name.decodeText(), (bytes) => {
      let text = "";
      const step = twoBytes ? 2 : 1;
      for (let index = 0; index + step <= bytes.length; index += step) {
        const code = twoBytes
          ? ((bytes[index] as number) << 8) | (bytes[index + 1] as number)
          : (bytes[index] as number);
        text += map?.get(code) ?? (twoBytes ? "\uFFFD" : String.fromCharCode(code));
      }
      return text;
    });
  }
  return decoders;
}

/** A run of drawn text and the size it is set in (points: the content streams scale nothing). */
export type TextRun = { page: number; size: number; text: string; artifact: boolean };

type PageScan = {
  textByMcid: Map<number, string>;
  unmarked: ContentProblem[];
  artifactText: string;
  runs: TextRun[];
};

/** Walks one page's content: marked-content nesting, the text in each MCID, anything unmarked. */
function scanPage(document: PDFDocument, pageIndex: number): PageScan {
  const page = document.getPages()[pageIndex];
  if (!page) throw new Error(`No page ${pageIndex}`);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const source = streams.map((stream) => streamText(document, stream)).join("\n");
  const decoders = fontDecoders(document, page.node.Resources());
  const textByMcid = new Map<number, string>();
  const unmarked: ContentProblem[] = [];
  let artifactText = "";
  // Each open sequence: its MCID (or null) and whether it is an artifact.
  const marked: { mcid: number | null; artifact: boolean }[] = [];
  let decode: FontDecoder = () => "";
  let size = 0;
  const runs: TextRun[] = [];
  const operands: Token[] = [];
  for (const token of tokenize(source)) {
    if (token.kind !== "op") {
      operands.push(token);
      continue;
    }
    const operator = token.value;
    if (operator === "BDC" || operator === "BMC") {
      const tag = operands[0]?.kind === "name" ? operands[0].value : "";
      const properties = operands[1];
      const mcidToken = properties?.kind === "dict" ? properties.entries.get("MCID") : undefined;
      marked.push({ mcid: mcidToken?.kind === "number" ? mcidToken.value : null, artifact: tag === "Artifact" });
    } else if (operator === "EMC") {
      if (marked.pop() === undefined) unmarked.push({ page: pageIndex, operator: "EMC without BDC", text: "" });
    } else if (operator === "Tf") {
      const name = operands[0]?.kind === "name" ? operands[0].value : "";
      decode = decoders.get(name) ?? (() => "\uFFFD");
      size = operands[1]?.kind === "number" ? operands[1].value : 0;
    } else if (TEXT_OPERATORS.has(operator) || PAINT_OPERATORS.has(operator)) {
      let text = "";
      if (TEXT_OPERATORS.has(operator)) {
        const shown = operands[operands.length - 1];
        const pieces = shown?.kind === "array" ? shown.items : shown ? [shown] : [];
        text = pieces.map((piece) => (piece.kind === "string" ? decode(piece.bytes) : "")).join("");
        runs.push({ page: pageIndex, size, text, artifact: marked.some((sequence) => sequence.artifact) });
      }
      const innermost = marked[marked.length - 1];
      if (!innermost) {
        unmarked.push({ page: pageIndex, operator, text });
      } else if (marked.some((sequence) => sequence.artifact)) {
        artifactText += text;
      } else {
        const withId = [...marked].reverse().find((sequence) => sequence.mcid !== null);
        if (withId?.mcid === null || withId === undefined) {
          unmarked.push({ page: pageIndex, operator: `${operator} (marked without MCID)`, text });
        } else {
          textByMcid.set(withId.mcid, (textByMcid.get(withId.mcid) ?? "") + text);
        }
      }
    }
    operands.length = 0;
  }
  if (marked.length > 0) unmarked.push({ page: pageIndex, operator: "BDC left open at the end of the page", text: "" });
  return { textByMcid, unmarked, artifactText, runs };
}

function textOf(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return undefined;
}

/** Reads the structure tree, the links and every page's marked content. */
export async function readTaggedPdf(bytes: Uint8Array): Promise<TaggedPdf> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = document;
  const pages = document.getPages();
  const pageIndexByRef = new Map(pages.map((page, index) => [page.ref.toString(), index]));
  const scans = pages.map((_, index) => scanPage(document, index));

  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const viewerPreferences = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  const structTreeRoot = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const claimed = new Set<string>();

  function readElement(dict: PDFDict): StructElement {
    const element: StructElement = {
      type: dict.lookup(PDFName.of("S"), PDFName).decodeText(),
      children: [],
      pages: [],
      contents: [],
      annotations: [],
      ownText: "",
      sequence: [],
    };
    const alt = textOf(dict.lookup(PDFName.of("Alt")));
    if (alt !== undefined) element.alt = alt;
    const lang = textOf(dict.lookup(PDFName.of("Lang")));
    if (lang !== undefined) element.lang = lang;
    const attributes = dict.lookup(PDFName.of("A"));
    if (attributes instanceof PDFDict) {
      const scope = attributes.lookupMaybe(PDFName.of("Scope"), PDFName);
      if (scope) element.scope = scope.decodeText();
      const bbox = attributes.lookupMaybe(PDFName.of("BBox"), PDFArray);
      if (bbox) element.bbox = bbox.asArray().map((value) => (value as PDFNumber).asNumber());
    }
    const elementPage = dict.get(PDFName.of("Pg"));
    const kids = dict.lookup(PDFName.of("K"));
    const items = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
    const addContent = (pageRef: PDFObject | undefined, mcid: number) => {
      const pageIndex = pageRef ? pageIndexByRef.get(pageRef.toString()) : undefined;
      if (pageIndex === undefined) throw new Error(`Marked content ${mcid} of a ${element.type} names no page`);
      element.contents.push([pageIndex, mcid]);
      if (!element.pages.includes(pageIndex)) element.pages.push(pageIndex);
      claimed.add(`${pageIndex}:${mcid}`);
      const text = scans[pageIndex]?.textByMcid.get(mcid) ?? "";
      element.ownText += text;
      element.sequence.push(text);
    };
    for (const item of items) {
      const resolved = item instanceof PDFRef ? context.lookup(item) : item;
      if (resolved instanceof PDFNumber) {
        addContent(elementPage, resolved.asNumber());
      } else if (resolved instanceof PDFDict) {
        const kind = resolved.lookupMaybe(PDFName.of("Type"), PDFName)?.decodeText();
        if (kind === "MCR") {
          addContent(
            resolved.get(PDFName.of("Pg")) ?? elementPage,
            resolved.lookup(PDFName.of("MCID"), PDFNumber).asNumber(),
          );
        } else if (kind === "OBJR") {
          element.annotations.push(resolved.get(PDFName.of("Obj")) as PDFRef);
        } else {
          const child = readElement(resolved);
          element.children.push(child);
          element.sequence.push(child);
        }
      }
    }
    return element;
  }

  let root: StructElement | null = null;
  const typeByElement = new Map<string, string>();
  if (structTreeRoot) {
    const kids = structTreeRoot.lookup(PDFName.of("K"));
    const first = kids instanceof PDFArray ? kids.lookup(0, PDFDict) : (kids as PDFDict | undefined);
    if (kids instanceof PDFArray && kids.size() !== 1)
      throw new Error("The structure tree should have one root element");
    if (first) root = readElement(first);
    // The parent tree, for the annotations' StructParent keys.
    const parentTree = structTreeRoot.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
    const nums = parentTree?.lookupMaybe(PDFName.of("Nums"), PDFArray)?.asArray() ?? [];
    for (let index = 0; index + 1 < nums.length; index += 2) {
      const value = nums[index + 1];
      const resolved = value instanceof PDFRef ? context.lookup(value) : value;
      if (resolved instanceof PDFDict) {
        typeByElement.set(
          String((nums[index] as PDFNumber).asNumber()),
          resolved.lookup(PDFName.of("S"), PDFName).decodeText(),
        );
      }
    }
  }

  const links: TaggedPdf["links"] = [];
  pages.forEach((page, pageIndex) => {
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (const ref of annotations?.asArray() ?? []) {
      const annotation = context.lookup(ref, PDFDict);
      if (annotation.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() !== "Link") continue;
      const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
      const structParent = annotation.lookupMaybe(PDFName.of("StructParent"), PDFNumber)?.asNumber();
      links.push({
        page: pageIndex,
        uri: textOf(action?.lookup(PDFName.of("URI"))),
        contents: textOf(annotation.lookup(PDFName.of("Contents"))),
        structParent,
        parentType: structParent === undefined ? undefined : typeByElement.get(String(structParent)),
      });
    }
  });

  const orphanMcids: [number, number][] = [];
  scans.forEach((scan, pageIndex) => {
    for (const mcid of scan.textByMcid.keys())
      if (!claimed.has(`${pageIndex}:${mcid}`)) orphanMcids.push([pageIndex, mcid]);
  });

  return {
    pageCount: pages.length,
    marked: markInfo?.lookupMaybe(PDFName.of("Marked"), PDFBool)?.asBoolean() ?? false,
    lang: textOf(catalog.lookup(PDFName.of("Lang"))),
    displayDocTitle: viewerPreferences?.lookupMaybe(PDFName.of("DisplayDocTitle"), PDFBool)?.asBoolean() ?? false,
    root,
    links,
    unmarked: scans.flatMap((scan) => scan.unmarked),
    artifactText: scans.map((scan) => scan.artifactText),
    textRuns: scans.flatMap((scan) => scan.runs),
    orphanMcids,
  };
}

/** Every element of the tree in reading order (depth first), the root first. */
export function elementsOf(root: StructElement | null): StructElement[] {
  if (!root) return [];
  return [root, ...root.children.flatMap((child) => elementsOf(child))];
}

/** An element's text with its children's, in reading order. */
export function fullText(element: StructElement): string {
  return element.sequence.map((part) => (typeof part === "string" ? part : fullText(part))).join("");
}

/** Text with every space removed, for comparing lines that wrap differently. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Headings in reading order as [level, text]. */
export function headingsOf(root: StructElement | null): [number, string][] {
  return elementsOf(root)
    .filter((element) => /^H[1-6]$/.test(element.type))
    .map((element) => [Number(element.type.slice(1)), fullText(element)]);
}

/** Levels that jump by more than one below the previous heading (an H1 followed by an H3). */
export function skippedHeadingLevels(headings: readonly [number, string][]): string[] {
  const problems: string[] = [];
  let previous = 0;
  for (const [level, text] of headings) {
    if (level > previous + 1) problems.push(`H${level} "${text}" follows H${previous || "(none)"}`);
    previous = level;
  }
  return problems;
}

/**
 * What sizes a PDF's text is set in: the smallest, the body size (the size that carries the most
 * characters outside page decoration) and the share of those characters at 11 pt or more.
 */
export function typeSizes(runs: readonly TextRun[]): {
  smallest: number;
  body: number;
  shareAtLeast11: number;
  bySize: Map<number, number>;
} {
  const bySize = new Map<number, number>();
  let total = 0;
  let large = 0;
  for (const run of runs) {
    const chars = run.text.replace(/\s+/g, "").length;
    if (chars === 0 || run.artifact) continue;
    bySize.set(run.size, (bySize.get(run.size) ?? 0) + chars);
    total += chars;
    if (run.size >= 11) large += chars;
  }
  const drawn = runs.filter((run) => run.text.trim() !== "");
  const smallest = Math.min(...drawn.map((run) => run.size));
  const body = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return { smallest, body, shareAtLeast11: total === 0 ? 0 : large / total, bySize };
}
