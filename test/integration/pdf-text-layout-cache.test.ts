/**
 * The text layout cache in our react-pdf layout patch (patches/@react-pdf+layout+5.2.0.patch)
 * reuses the lines of a paragraph already laid out with the same string, attributes, width and
 * options. It must change nothing in the file: the same report rendered with the cache off, with
 * an empty cache and with a full one is the same PDF byte for byte, apart from the creation date
 * and the file identifier. And it must stay within its bound.
 */
import { configureTextLayoutCache, getTextLayoutCacheStats } from "@react-pdf/layout";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportPdf, type RenderPdfOptions } from "../../app/pdf/render-report.server";
import type { ReportView } from "../../app/report/report-view";
import { LARGEST_EXAMPLE, SMALL_SHIRE } from "../fixtures/example-organisations";
import { exampleReportView } from "../support/example-report-view";
import { comparablePdf } from "../support/pdf-bytes";

const TIMEOUT = 240_000;
const defaultEntries = getTextLayoutCacheStats().maxEntries;
afterAll(() => configureTextLayoutCache({ maxEntries: defaultEntries }));

async function renderWith(maxEntries: number, view: ReportView, options: RenderPdfOptions): Promise<string> {
  configureTextLayoutCache({ maxEntries });
  return comparablePdf(await renderReportPdf(view, options));
}

describe("the text layout cache", () => {
  it(
    "makes the same full report with the cache off, empty and full",
    async () => {
      const view = exampleReportView(LARGEST_EXAMPLE);
      const options = { pageSize: "A4", document: "full" } as const;
      const without = await renderWith(0, view, options);
      expect(getTextLayoutCacheStats().entries).toBe(0);

      // Empty cache: only the paragraphs repeated within the report (running headers and
      // footers, table labels) come from it.
      configureTextLayoutCache({ maxEntries: defaultEntries });
      const before = getTextLayoutCacheStats();
      const cold = await renderWith(defaultEntries, view, options);
      const afterCold = getTextLayoutCacheStats();
      expect(afterCold.misses).toBeGreaterThan(before.misses);
      expect(afterCold.hits).toBeGreaterThan(before.hits);
      expect(cold).toBe(without);

      // Full cache: every paragraph comes from it.
      const warm = await renderWith(defaultEntries, view, options);
      const afterWarm = getTextLayoutCacheStats();
      expect(afterWarm.misses).toBe(afterCold.misses);
      expect(afterWarm.hits).toBeGreaterThan(afterCold.hits);
      expect(warm).toBe(without);
    },
    TIMEOUT,
  );

  it(
    "keys by width: a US Letter summary after an A4 one is the same as without the cache",
    async () => {
      const view = exampleReportView(SMALL_SHIRE);
      const letter = { pageSize: "LETTER", document: "summary" } as const;
      const without = await renderWith(0, view, letter);
      configureTextLayoutCache({ maxEntries: defaultEntries });
      await renderReportPdf(view, { pageSize: "A4", document: "summary" });
      const withA4Cached = await renderWith(defaultEntries, view, letter);
      expect(withA4Cached).toBe(without);
    },
    TIMEOUT,
  );

  it(
    "stays within its bound, dropping the least recently used paragraphs",
    async () => {
      const view = exampleReportView(SMALL_SHIRE);
      const options = { pageSize: "A4", document: "summary" } as const;
      const without = await renderWith(0, view, options);
      const bounded = await renderWith(25, view, options);
      const stats = getTextLayoutCacheStats();
      expect(stats.maxEntries).toBe(25);
      expect(stats.entries).toBe(25);
      expect(bounded).toBe(without);
      // A smaller bound drops entries at once.
      configureTextLayoutCache({ maxEntries: 10 });
      expect(getTextLayoutCacheStats().entries).toBe(10);
      configureTextLayoutCache({ maxEntries: 0 });
      expect(getTextLayoutCacheStats().entries).toBe(0);
    },
    TIMEOUT,
  );
});
