import { describe, expect, it } from "vitest";
import { checkAccentColour, contrastRatio, formatRatio, normaliseHexColour, relativeLuminance } from "./accent-colour";

describe("WCAG contrast", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    // Known values (WebAIM's contrast checker).
    ["#767676", "#ffffff", 4.54],
    ["#777777", "#ffffff", 4.48],
    ["#1d70b8", "#ffffff", 5.17],
    ["#0b0c0c", "#ffffff", 19.59],
    ["#f4a261", "#ffffff", 2.06],
    ["#ff0000", "#ffffff", 4.0],
  ])("%s on %s is %f to 1", (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(expected, 2);
  });

  it("gives luminance 0 for black and 1 for white", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 10);
  });

  it("never rounds a ratio up to the limit it misses", () => {
    expect(formatRatio(4.48)).toBe("4.4");
    expect(formatRatio(4.5)).toBe("4.5");
    expect(formatRatio(4.46)).toBe("4.4");
    expect(formatRatio(2.06)).toBe("2.1");
  });
});

describe("accent colour check", () => {
  it("takes an empty field as no colour", () => {
    expect(checkAccentColour("  ")).toEqual({ ok: true, colour: null });
  });

  it("accepts a dark enough colour, with or without #, in any case", () => {
    expect(checkAccentColour("#1D70B8")).toEqual({ ok: true, colour: "#1d70b8" });
    expect(checkAccentColour(" 0b0c0c ")).toEqual({ ok: true, colour: "#0b0c0c" });
    expect(checkAccentColour("#767676")).toEqual({ ok: true, colour: "#767676" });
  });

  it("refuses a light colour, giving its ratio and what it needs", () => {
    expect(checkAccentColour("#F4A261")).toEqual({
      ok: false,
      message:
        "#f4a261 has a contrast of 2.1 to 1 with white. Choose a darker colour: it needs at least 4.5 to 1 so that white text on it, and text beside it on white, can be read",
    });
    const justUnder = checkAccentColour("#777777");
    expect(justUnder.ok).toBe(false);
    expect(!justUnder.ok && justUnder.message).toContain("4.4 to 1");
  });

  it.each(["red", "#12345", "#1234567", "#ggg000", "rgb(0,0,0)", "#fff"])("refuses %s as not #rrggbb", (typed) => {
    const result = checkAccentColour(typed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Enter the accent colour as #/);
    expect(normaliseHexColour(typed)).toBeNull();
  });
});
