/**
 * The accent colour a workspace's reports are drawn with, and the check that keeps it readable:
 * white text on it, and it beside white, must have a contrast of at least 4.5 to 1 (WCAG 2.2
 * success criterion 1.4.3, AA for normal text). Pure functions, used by the page and the server.
 */

/** The least contrast with white an accent colour may have (WCAG AA, normal text). */
export const MIN_CONTRAST_WITH_WHITE = 4.5;

const HEX_COLOUR = /^#?([0-9a-f]{6})$/i;

/** `#rrggbb` in lower case from what someone typed (the `#` may be left out), or null if it is not one. */
export function normaliseHexColour(typed: string): string | null {
  const match = HEX_COLOUR.exec(typed.trim());
  return match ? `#${(match[1] as string).toLowerCase()}` : null;
}

/** One sRGB channel (0 to 255) as linear light (0 to 1), as WCAG 2.2 defines it. */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG relative luminance of a `#rrggbb` colour: 0.2126 R + 0.7152 G + 0.0722 B of the
 * linearised channels; 0 for black, 1 for white.
 */
export function relativeLuminance(hex: string): number {
  const value = normaliseHexColour(hex);
  if (!value) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const r = parseInt(value.slice(1, 3), 16);
  const g = parseInt(value.slice(3, 5), 16);
  const b = parseInt(value.slice(5, 7), 16);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A ratio as people read it: one decimal, but never rounded up to the limit it falls short of. */
export function formatRatio(ratio: number): string {
  const rounded = Math.round(ratio * 10) / 10;
  const shown =
    ratio < MIN_CONTRAST_WITH_WHITE && rounded >= MIN_CONTRAST_WITH_WHITE ? Math.floor(ratio * 10) / 10 : rounded;
  return shown.toFixed(1);
}

export type AccentColourCheck = { ok: true; colour: string | null } | { ok: false; message: string };

/**
 * Checks a typed accent colour: empty means none; otherwise `#rrggbb` with enough contrast
 * with white. The message says what is wrong and what would do.
 */
export function checkAccentColour(typed: string): AccentColourCheck {
  if (typed.trim() === "") return { ok: true, colour: null };
  const colour = normaliseHexColour(typed);
  if (!colour) {
    return {
      ok: false,
      message: "Enter the accent colour as # followed by 6 numbers or letters from a to f, like #1d70b8",
    };
  }
  const ratio = contrastRatio(colour, "#ffffff");
  if (ratio < MIN_CONTRAST_WITH_WHITE) {
    return {
      ok: false,
      message: `${colour} has a contrast of ${formatRatio(ratio)} to 1 with white. Choose a darker colour: it needs at least ${MIN_CONTRAST_WITH_WHITE} to 1 so that white text on it, and text beside it on white, can be read`,
    };
  }
  return { ok: true, colour };
}
