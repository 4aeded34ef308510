/**
 * The re-assessment section, rendered for real in a small tagged document (as the report document
 * would hold it) and read back twice: with poppler's pdftotext for what a reader sees, and with
 * the structure-tree reader for what a screen reader follows.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, View, renderToBuffer } from "@react-pdf/renderer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruralCouncilReassessment } from "../../test/fixtures/reassessment-pairs";
import {
  elementsOf,
  fullText,
  headingsOf,
  readTaggedPdf,
  skippedHeadingLevels,
  squash,
  type TaggedPdf,
} from "../../test/support/pdf-structure";
import { pdfFonts } from "./fonts.server";
import { createPageTracker } from "./pdf-blocks";
import { pdfSafeData } from "./pdf-text";
import { PAGE_MARGIN, styles } from "./pdf-theme";
import { ReassessmentSection } from "./reassessment-section";
import { PAGE_DIMENSIONS } from "./report-document";

const RENDER_TIMEOUT = 240_000;
const dir = mkdtempSync(path.join(tmpdir(), "reassessment-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { comparison, trend } = ruralCouncilReassessment();

let text = "";
let tagged: TaggedPdf;
let info = "";

beforeAll(async () => {
  const fonts = await pdfFonts();
  const safe = pdfSafeData({ comparison, trend }, fonts.covers);
  const tracker = createPageTracker();
  const pdf = await renderToBuffer(
    <Document tagged title="Re-assessment" language="en-GB">
      <Page size="A4" style={[styles.page, { fontFamily: [...fonts.fontFamily] }]}>
        <View style={styles.flow} tag="Sect">
          <ReassessmentSection
            comparison={safe.comparison}
            trend={safe.trend}
            number={3}
            marker={tracker.marker("reassessment")}
            chartWidth={PAGE_DIMENSIONS.A4.width - 2 * PAGE_MARGIN.horizontal}
          />
        </View>
      </Page>
    </Document>,
  );
  const file = path.join(dir, "reassessment.pdf");
  writeFileSync(file, pdf);
  text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 16 << 20 });
  info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  tagged = await readTaggedPdf(pdf);
}, RENDER_TIMEOUT);

describe("the re-assessment section in the PDF", () => {
  it("prints the summary, the time between and every area's change in words", () => {
    const flat = squash(text);
    expect(text).toMatch(/SECTION 3\b/i);
    expect(text).toContain("What has changed since the last assessment");
    expect(flat).toContain(
      squash("Assessed on 16 April 2026 and again on 16 November 2026: 7 months apart (214 days)."),
    );
    expect(flat).toContain(squash(comparison.summary.headline));
    for (const area of comparison.areas) expect(text).toContain(area.name);
    const safeguards = comparison.areas.find((area) => area.id === "safeguards");
    expect(text.toUpperCase()).toContain(`UP ${safeguards?.change} POINTS`);
    expect(flat).toContain(squash("Hostile groups, and no house rules (high risk)"));
    // Narrow table cells wrap, so pdftotext may interleave columns: read cells from the tags.
    const cells = elementsOf(tagged.root)
      .filter((element) => element.type === "TD")
      .map((element) => squash(fullText(element)));
    expect(cells).toContain(squash("Up from Not engaged online to Inform"));
  });

  it("prints every step of the last plan with its status, and says what done means", () => {
    const flat = squash(text);
    expect(flat).toContain(squash("This report cannot see whether a step was carried out."));
    // Tags are set in capitals; the words are the same.
    expect(text).toMatch(/PARTLY DONE/i);
    expect(text).toMatch(/STILL TO DO/i);
    // Each step heads its row, so a screen reader hears it before its status.
    const rowHeaders = elementsOf(tagged.root)
      .filter((element) => element.type === "TH" && element.scope === "Row")
      .map((element) => squash(fullText(element)));
    for (const step of comparison.steps) expect(rowHeaders, step.action).toContain(squash(step.action));
  });

  it("is tagged: headings in order without skipped levels, tables with header cells, the chart a figure with its figures", () => {
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(tagged.marked).toBe(true);
    expect(tagged.unmarked).toEqual([]);
    const headings = headingsOf(tagged.root);
    expect(headings.map(([level, title]) => [level, squash(title)])).toEqual(
      [
        [1, "What has changed since the last assessment"],
        [2, "In short"],
        [2, "Verdict and overall readiness"],
        [2, "Readiness by area"],
        [2, "Risks"],
        [3, "Risks no longer found"],
        [3, "New risks"],
        [3, "Risks found both times"],
        [2, "Stakeholder groups"],
        [2, "Steps from the last plan"],
        [2, "Readiness over time"],
      ].map(([level, title]) => [level, squash(String(title))]),
    );
    expect(skippedHeadingLevels(headings)).toEqual([]);
    const elements = elementsOf(tagged.root);
    const tables = elements.filter((element) => element.type === "Table");
    // The summary, verdict, areas, continuing risks, groups, steps and trend tables.
    expect(tables).toHaveLength(7);
    const columnHeaders = elements.filter((element) => element.type === "TH" && element.scope === "Column");
    expect(columnHeaders.map((element) => squash(fullText(element)))).toEqual(
      expect.arrayContaining(["Area", "Then", "Now", "Change", "Step", "Status", "16April2026", "16November2026"]),
    );
    const figures = elements.filter((element) => element.type === "Figure");
    expect(figures).toHaveLength(1);
    expect(figures[0]?.alt).toContain("Line chart of overall readiness, out of 100, at each of 3 assessments");
    for (const point of trend.points) expect(figures[0]?.alt).toContain(`: ${point.overall}`);
  });
});
