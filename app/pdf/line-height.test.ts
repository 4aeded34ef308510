/**
 * react-pdf turns a unitless line height into points using the font size in the same style, and
 * when that style has none, its own default of 18 pt, not the size the text inherits: a title at
 * 11 pt with `lineHeight: 1.3` got 23 pt lines. So every style that sets a line height must also
 * set its font size. Styles from the theme (`styles.*`) are checked as objects; inline styles in
 * the documents as source text.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { styles } from "./pdf-theme";

describe("line heights in the PDFs", () => {
  it("come with a font size in every theme style", () => {
    const missing = Object.entries(styles)
      .filter(([, style]) => "lineHeight" in style && !("fontSize" in style))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("come with a font size in every inline style of the documents", () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".tsx"))) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const match of source.matchAll(/lineHeight:/g)) {
        const start = source.lastIndexOf("{", match.index);
        const end = source.indexOf("}", match.index);
        const style = source.slice(start, end);
        if (!style.includes("fontSize")) missing.push(`${file}: ${style.replace(/\s+/g, " ")}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
