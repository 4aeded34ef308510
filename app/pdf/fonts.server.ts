/**
 * The fonts the PDF embeds, all from npm packages on disk (never fetched at run time):
 * - Public Sans (the web app's typeface, TrueType from @expo-google-fonts/public-sans): Latin,
 *   Latin-1 and Latin Extended-A, so "Te Kaunihera o Tāmaki Makaurau" and "Municipalité de Lévis"
 *   are drawn in the body font.
 * - DejaVu Sans (dejavu-fonts-ttf) as the fallback for what Public Sans lacks: Arabic, Hebrew,
 *   Greek, Cyrillic, arrows and symbols. react-pdf picks it per character from the font stack.
 * Whatever neither font has (emoji, CJK) is handled by `pdfText` before layout.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";
import { breakLongWord, type GlyphCoverage } from "./pdf-text";
import { BODY_FONT, FALLBACK_FONT } from "./pdf-theme";

type FontFile = { family: string; module: string; fontWeight: number; fontStyle: "normal" | "italic" };

const PUBLIC_SANS = "@expo-google-fonts/public-sans";
const FONT_FILES: readonly FontFile[] = [
  {
    family: BODY_FONT,
    module: `${PUBLIC_SANS}/400Regular/PublicSans_400Regular.ttf`,
    fontWeight: 400,
    fontStyle: "normal",
  },
  {
    family: BODY_FONT,
    module: `${PUBLIC_SANS}/400Regular_Italic/PublicSans_400Regular_Italic.ttf`,
    fontWeight: 400,
    fontStyle: "italic",
  },
  {
    family: BODY_FONT,
    module: `${PUBLIC_SANS}/600SemiBold/PublicSans_600SemiBold.ttf`,
    fontWeight: 600,
    fontStyle: "normal",
  },
  { family: BODY_FONT, module: `${PUBLIC_SANS}/700Bold/PublicSans_700Bold.ttf`, fontWeight: 700, fontStyle: "normal" },
  { family: FALLBACK_FONT, module: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", fontWeight: 400, fontStyle: "normal" },
  {
    family: FALLBACK_FONT,
    module: "dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf",
    fontWeight: 400,
    fontStyle: "italic",
  },
  { family: FALLBACK_FONT, module: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", fontWeight: 700, fontStyle: "normal" },
];

export type PdfFonts = {
  /** The font stack for every style: the body font, then the fallback when it is installed. */
  fontFamily: string[];
  /** True when some embedded font can draw the code point. */
  covers: GlyphCoverage;
};

function resolveFontFile(specifier: string): string | null {
  // NOTE: resolved from this module's own location, which works from the source tree (dev,
  // vitest, tsx), from the Vite server bundle and from the esbuild-bundled worker alike, because
  // each of them sits inside the project and Node walks up to its node_modules.
  try {
    const file = createRequire(import.meta.url).resolve(specifier);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

async function loadFonts(): Promise<PdfFonts> {
  const registered = new Set<string>();
  for (const file of FONT_FILES) {
    const src = resolveFontFile(file.module);
    if (!src) {
      if (file.family === BODY_FONT)
        throw new Error(`PDF font not found: ${file.module} (is ${PUBLIC_SANS} installed?)`);
      continue;
    }
    Font.register({ family: file.family, src, fontWeight: file.fontWeight, fontStyle: file.fontStyle });
    registered.add(file.family);
  }
  // Hyphenation is off: words stay whole, except pathological ones that would overflow a column.
  Font.registerHyphenationCallback((word) => breakLongWord(word));

  // Load every face now, so the first render does not pay for parsing fonts and coverage can be
  // read from the real character maps.
  await Promise.all(
    FONT_FILES.filter((file) => registered.has(file.family)).map((file) =>
      Font.load({ fontFamily: file.family, fontWeight: file.fontWeight, fontStyle: file.fontStyle }),
    ),
  );
  // Every registered face (each weight and style), for glyph coverage and the shaping fixes.
  const faces = FONT_FILES.filter((file) => registered.has(file.family))
    .map(
      (file) => Font.getFont({ fontFamily: file.family, fontWeight: file.fontWeight, fontStyle: file.fontStyle }).data,
    )
    .filter((face) => face !== null);
  for (const face of faces) {
    keepGlyphCharacters(face);
    memoiseShaping(face);
    cheapFontComparison(face);
  }
  const covers: GlyphCoverage = (codePoint) => faces.some((face) => face.hasGlyphForCodePoint(codePoint));
  return { fontFamily: [...registered], covers };
}

type Face = NonNullable<ReturnType<typeof Font.getFont>["data"]>;
type ShapingArgs = Parameters<Face["layout"]>;

type GlyphLookup = { codePoints: number[] };
type GlyphCache = Record<number, GlyphLookup | undefined>;

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((codePoint, index) => codePoint === b[index]);
}

/**
 * Makes fontkit hand out a glyph that knows the characters it was asked for.
 *
 * NOTE: works around a fontkit 2.0 behaviour that dropped letters from PDFs. fontkit keeps one
 * glyph object per glyph id, holding the characters it was first looked up with, and returns
 * that object for every later lookup. react-pdf maps glyphs back to the text by those
 * characters, so a glyph holding the wrong number of characters shifts everything after it:
 * - when a PDF embeds an accented letter drawn as a composite (é is e plus an accent), the font
 *   subsetter looks the plain e up with no characters, and every later PDF rendered by the same
 *   worker lost its e's and broke lines mid-word ("xecutive", "Ex cutiv");
 * - a ligature glyph (fi) is also the glyph of a character of its own (U+FB01), and text with the
 *   one must not get the other's characters.
 * So a lookup with no characters, or with characters other than the remembered ones, gets a
 * glyph object of its own, and only the first lookup with characters is remembered. Tested in
 * pdf-pool.test.ts (a fresh worker) and pdf-report.test.ts (words and ligatures read back).
 */
function keepGlyphCharacters(face: Face): void {
  const fontkitFace = face as unknown as {
    _glyphs: GlyphCache;
    getGlyph: (id: number, codePoints?: number[]) => GlyphLookup | null;
  };
  const lookUp = fontkitFace.getGlyph.bind(fontkitFace);
  fontkitFace.getGlyph = (id, codePoints = []) => {
    const cache = fontkitFace._glyphs;
    const remembered = cache[id];
    if (remembered && (codePoints.length === 0 || sameCodePoints(remembered.codePoints, codePoints))) {
      return remembered;
    }
    if (!remembered && codePoints.length > 0) return lookUp(id, codePoints);
    // A glyph object of its own, leaving the remembered one (or none) in place.
    delete cache[id];
    const glyph = lookUp(id, codePoints);
    if (remembered) cache[id] = remembered;
    else delete cache[id];
    return glyph;
  };
}

/**
 * Makes pdfkit's check "is this the font I already embedded?" cheap.
 *
 * NOTE: react-pdf hands pdfkit the font face for every run of text it draws, and pdfkit then
 * compares the face with the one it has by serialising the whole naming table to JSON: about a
 * tenth of the render time for this report. Giving that table a fixed JSON form, unique to the
 * face, keeps the answer the same (same face, same text) at almost no cost.
 */
function cheapFontComparison(face: Face): void {
  const names = (face as unknown as { name?: { records?: object } }).name;
  if (!names?.records) return;
  const identity = `${face.postscriptName}|${face.numGlyphs}|${face.unitsPerEm}`;
  Object.defineProperty(names.records, "toJSON", { value: () => identity, enumerable: false });
}

/** Shaped runs kept per font face; about two reports' worth of distinct strings. */
const SHAPING_CACHE_ENTRIES = 6000;

/**
 * Remembers the glyphs fontkit shapes for each string, per face. Shaping (OpenType substitution
 * and kerning) is a fifth of react-pdf's render time, and most strings recur: every fixed
 * label, the whole method appendix, and everything in a report rendered again.
 * NOTE: this relies on react-pdf treating a shaped run as read-only: it copies positions before
 * scaling or justifying them. The PDF integration tests render the same report twice and
 * compare every word's position, so a change in react-pdf that broke this would be caught.
 */
function memoiseShaping(face: Face): void {
  const shape = face.layout.bind(face);
  const cache = new Map<string, ReturnType<Face["layout"]>>();
  face.layout = (...args: ShapingArgs) => {
    const [text, features, script, language, direction] = args;
    const key = `${String(script)}|${String(language)}|${String(direction)}|${JSON.stringify(features ?? null)}|${text}`;
    const cached = cache.get(key);
    if (cached) {
      // Re-inserting keeps the most recently used entries at the end of the Map's order.
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const run = shape(...args);
    cache.set(key, run);
    if (cache.size > SHAPING_CACHE_ENTRIES) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return run;
  };
}

let fonts: Promise<PdfFonts> | undefined;

/** Registers and loads the PDF fonts once per process or worker thread. */
export function pdfFonts(): Promise<PdfFonts> {
  fonts ??= loadFonts().catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
