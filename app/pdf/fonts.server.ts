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
  { family: BODY_FONT, module: `${PUBLIC_SANS}/400Regular/PublicSans_400Regular.ttf`, fontWeight: 400, fontStyle: "normal" },
  {
    family: BODY_FONT,
    module: `${PUBLIC_SANS}/400Regular_Italic/PublicSans_400Regular_Italic.ttf`,
    fontWeight: 400,
    fontStyle: "italic",
  },
  { family: BODY_FONT, module: `${PUBLIC_SANS}/600SemiBold/PublicSans_600SemiBold.ttf`, fontWeight: 600, fontStyle: "normal" },
  { family: BODY_FONT, module: `${PUBLIC_SANS}/700Bold/PublicSans_700Bold.ttf`, fontWeight: 700, fontStyle: "normal" },
  { family: FALLBACK_FONT, module: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", fontWeight: 400, fontStyle: "normal" },
  { family: FALLBACK_FONT, module: "dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf", fontWeight: 400, fontStyle: "italic" },
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
      if (file.family === BODY_FONT) throw new Error(`PDF font not found: ${file.module} (is ${PUBLIC_SANS} installed?)`);
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
  const faces = [...registered].map((family) => Font.getFont({ fontFamily: family }).data).filter((face) => face !== null);
  const covers: GlyphCoverage = (codePoint) => faces.some((face) => face.hasGlyphForCodePoint(codePoint));
  return { fontFamily: [...registered], covers };
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
