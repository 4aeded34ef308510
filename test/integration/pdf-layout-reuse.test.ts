/**
 * Rendering with the previous render's layout (one react-pdf layout round instead of two) makes
 * the same file as rendering without it: every word in the same place, "Page N of M" and the
 * contents page's numbers included. Also when the hint is wrong: a different page count makes
 * react-pdf run its second round, and a section that moved makes the report render again.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportPdfFile, type PdfLayout, type RenderedPdf } from "../../app/pdf/render-report.server";
import { LARGEST_EXAMPLE, SMALL_SHIRE } from "../fixtures/example-organisations";
import { exampleReportView } from "../support/example-report-view";

const TIMEOUT = 240_000;
const dir = mkdtempSync(path.join(tmpdir(), "pdf-layout-reuse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
/** Every word with its box on every page: equal only when the layout is the same. */
function words(pdf: Buffer): string {
  const file = path.join(dir, `${(count += 1)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).replace(
    /<head>[\s\S]*?<\/head>/,
    "",
  );
}

const largest = exampleReportView(LARGEST_EXAMPLE);
let baseline: RenderedPdf;
let baselineWords: string;

beforeAll(async () => {
  baseline = await renderReportPdfFile(largest, { pageSize: "A4", document: "full" });
  baselineWords = words(baseline.pdf);
}, TIMEOUT);

describe("reusing the previous render's layout", () => {
  it("without a hint, takes two rounds and reports the layout", () => {
    expect(baseline.rounds).toBe(2);
    expect(baseline.renders).toBe(1);
    expect(baseline.layout.totalPages).toBeGreaterThan(30);
    expect(baseline.layout.subTotals.reduce((sum, pages) => sum + pages, 0)).toBe(baseline.layout.totalPages);
    expect(baseline.layout.sectionPages.answers).toBeGreaterThan(baseline.layout.sectionPages.verdict ?? 0);
    // The last page's footer: "Page M of M".
    const total = baseline.layout.totalPages;
    expect(baselineWords).toMatch(new RegExp(`>${total}</word>\\s*<word[^>]*>of</word>\\s*<word[^>]*>${total}</word>`));
  });

  it(
    "with the right layout, takes one round and makes the same file",
    async () => {
      const again = await renderReportPdfFile(largest, { pageSize: "A4", document: "full" }, baseline.layout);
      expect([again.rounds, again.renders]).toEqual([1, 1]);
      expect(again.layout).toEqual(baseline.layout);
      expect(words(again.pdf)).toBe(baselineWords);
    },
    TIMEOUT,
  );

  it(
    "with a wrong page count, runs the second round and makes the same file",
    async () => {
      const wrong: PdfLayout = {
        ...baseline.layout,
        totalPages: baseline.layout.totalPages + 1,
        subTotals: baseline.layout.subTotals.map((pages, index) => (index === 0 ? pages + 1 : pages)),
      };
      const again = await renderReportPdfFile(largest, { pageSize: "A4", document: "full" }, wrong);
      expect([again.rounds, again.renders]).toEqual([2, 1]);
      expect(words(again.pdf)).toBe(baselineWords);
    },
    TIMEOUT,
  );

  it(
    "with the right page count but a section on another page, renders again and makes the same file",
    async () => {
      const moved: PdfLayout = {
        ...baseline.layout,
        sectionPages: { ...baseline.layout.sectionPages, answers: (baseline.layout.sectionPages.answers ?? 0) - 1 },
      };
      const again = await renderReportPdfFile(largest, { pageSize: "A4", document: "full" }, moved);
      expect([again.rounds, again.renders]).toEqual([2, 2]);
      expect(words(again.pdf)).toBe(baselineWords);
    },
    TIMEOUT,
  );

  it(
    "with another report's layout, makes that report's own file",
    async () => {
      const small = exampleReportView(SMALL_SHIRE);
      const own = await renderReportPdfFile(small, { pageSize: "A4", document: "full" });
      const hinted = await renderReportPdfFile(small, { pageSize: "A4", document: "full" }, baseline.layout);
      expect(own.layout.totalPages).not.toBe(baseline.layout.totalPages);
      expect(hinted.rounds).toBe(2);
      expect(hinted.layout).toEqual(own.layout);
      expect(words(hinted.pdf)).toBe(words(own.pdf));
    },
    TIMEOUT,
  );
});
