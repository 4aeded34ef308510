/**
 * The tagged PDF, read back from the file: the structure tree a screen reader follows (headings in
 * order, lists, tables with header cells, a figure with alternate text, links), every drawn mark
 * inside a tagged sequence or an artifact, a table split across pages kept as one table, the
 * language and displayed title, and every font embedded. First on small documents that isolate
 * each rule of our react-pdf patch (patches/README.md), then on the real report.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Link, Page, Rect, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfFonts } from "../../app/pdf/fonts.server";
import { ANNEX_FROM, Table } from "../../app/pdf/pdf-blocks";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import { chartAltText } from "../../app/pdf/readiness-chart";
import { PDF_SECTIONS } from "../../app/pdf/report-document";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView, type ReportView } from "../../app/report/report-view";
import { scoreAssessment } from "../../scoring/score-assessment";
import { workshopFindings } from "../../scoring/workshop-findings";
import { questionSpread } from "../../scoring/workshop-spread";
import {
  LARGEST_EXAMPLE,
  REVENUE_OFFICE,
  RURAL_COUNCIL,
  type ExampleOrganisation,
} from "../fixtures/example-organisations";
import { renderReportPage } from "../support/report-markup";
import {
  elementsOf,
  fullText,
  headingsOf,
  readTaggedPdf,
  skippedHeadingLevels,
  squash,
  type StructElement,
  type TaggedPdf,
} from "../support/pdf-structure";

// Larger now that the report is set at 11 pt (about 50% more pages), with room for a busy machine.
const RENDER_TIMEOUT = 240_000;
const REPORT_URL = "https://example.org/a/TOKEN/report";
const dir = mkdtempSync(path.join(tmpdir(), "pdf-tagged-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fontFamily: string[] = [];
beforeAll(async () => {
  fontFamily = (await pdfFonts()).fontFamily;
});

function save(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function pdfinfo(file: string): Record<string, string> {
  return Object.fromEntries(
    execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" })
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] as string, (match[2] as string).trim()]),
  );
}

/** pdffonts' table as rows of { name, embedded }. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  return lines.map((line) => {
    // The columns after the name and type are: encoding, emb, sub, uni, object, generation.
    const columns = line.trim().split(/\s+/);
    return { name: columns[0] ?? "", embedded: columns[columns.length - 5] === "yes" };
  });
}

function byType(root: StructElement | null, type: string): StructElement[] {
  return elementsOf(root).filter((element) => element.type === type);
}

/** The pages an element's content (its own and its descendants') is drawn on. */
function pagesOf(element: StructElement): number[] {
  return [...new Set(elementsOf(element).flatMap((child) => child.pages))].sort((a, b) => a - b);
}

function expectWellMarked(tagged: TaggedPdf): void {
  // Every text-showing and painting operator sits inside a tagged sequence or an artifact, and
  // every tagged sequence belongs to a structure element.
  expect(tagged.unmarked).toEqual([]);
  expect(tagged.orphanMcids).toEqual([]);
  // Every link is in the structure tree, under a Link element, with a description.
  for (const link of tagged.links) {
    expect(link.parentType, `link to ${link.uri} on page ${link.page + 1}`).toBe("Link");
    expect(link.contents?.length ?? 0).toBeGreaterThan(0);
  }
}

const ROWS = Array.from({ length: 40 }, (_, index) => `Row ${index + 1}`);

/** A small document with one of everything the patch handles, on A6 pages so the table splits. */
function sampleDocument(): ReactElement {
  const page = { fontFamily, fontSize: 10, padding: 24 };
  return (
    <Document tagged title="Parks & Trails <b>sample</b>" language="en-GB">
      <Page size="A6" style={page}>
        {/* Fixed and untagged: a running header, so an artifact on every page; its link is drawn
            but not made clickable. */}
        <View fixed style={{ borderBottomWidth: 1, borderBottomColor: "#999", marginBottom: 6 }}>
          <Text>
            Running header <Link src="https://example.org/in-the-header">with a link</Link>
          </Text>
        </View>
        <Text tag="H1">Sample title</Text>
        <Text>
          A paragraph with an <Link src="https://example.org/inline">inline link</Link> in it.
        </Text>
        {/* The body font has no glyph for a line break, so react-pdf gives it Helvetica; the break
            leaves an empty run of it at the end of the line. */}
        <Text>{"A line that ends here\nand another"}</Text>
        <Text tag="H2">A list</Text>
        <View tag="L">
          {["First item", "Second item"].map((item, index) => (
            <View key={item} tag="LI" style={{ flexDirection: "row" }}>
              <Text tag="Lbl" style={{ width: 14 }}>
                {`${index + 1}.`}
              </Text>
              <Text tag="LBody">{item}</Text>
            </View>
          ))}
        </View>
        <Text tag="H3">A figure</Text>
        <Svg width={60} height={30} tag="Figure" alt="A blue bar">
          <Rect x={0} y={0} width={60} height={30} fill="#0b4f5c" />
        </Svg>
        {/* Untagged graphics and boxes are decoration. */}
        <Svg width={20} height={10}>
          <Rect x={0} y={0} width={20} height={10} fill="#f2b134" />
        </Svg>
        <View style={{ backgroundColor: "#eef4f5", borderWidth: 1, borderColor: "#999", padding: 4 }}>
          <Text>Text in a box</Text>
        </View>
        <Link src="https://example.org/block">A link of its own</Link>
        <Text tag="H2">A long table</Text>
        <View tag="Table">
          <View tag="TR" style={{ flexDirection: "row" }}>
            <Text tag="TH" scope="Column" style={{ width: "50%" }}>
              Name
            </Text>
            <Text tag="TH" scope="Column" style={{ width: "50%" }}>
              Value
            </Text>
          </View>
          {ROWS.map((row, index) => (
            <View key={row} tag="TR" wrap={false} style={{ flexDirection: "row", borderTopWidth: 0.5 }}>
              <Text tag="TD" style={{ width: "50%" }}>
                {row}
              </Text>
              <Text tag="TD" style={{ width: "50%" }}>
                {String(index * 7)}
              </Text>
            </View>
          ))}
        </View>
        <Text>After the table.</Text>
      </Page>
    </Document>
  );
}

describe("a tagged document", () => {
  let file = "";
  let tagged: TaggedPdf;
  beforeAll(async () => {
    const pdf = await renderToBuffer(sampleDocument());
    file = save(pdf, "sample");
    tagged = await readTaggedPdf(pdf);
  }, RENDER_TIMEOUT);

  it("is tagged, in its language, with its title displayed and every font embedded", () => {
    const info = pdfinfo(file);
    expect(info.Tagged).toBe("yes");
    expect(info["PDF version"]).toBe("1.7");
    expect(tagged.marked).toBe(true);
    expect(tagged.lang).toBe("en-GB");
    expect(tagged.displayDocTitle).toBe(true);
    const fonts = fontsOf(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.map((font) => font.name).join(" ")).not.toMatch(/Helvetica/);
  });

  it("keeps its XMP metadata well-formed when the title has an ampersand and markup", () => {
    const raw = readFileSync(file, "utf8");
    const xmp = raw.slice(raw.indexOf("<?xpacket begin"), raw.indexOf("<?xpacket end"));
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Parks &amp; Trails &lt;b&gt;sample&lt;/b&gt;</rdf:li>');
    expect(xmp).not.toContain("Parks & Trails <b>");
  });

  it("puts every drawn mark in a tagged sequence or an artifact", () => {
    expectWellMarked(tagged);
    expect(tagged.root?.type).toBe("Document");
  });

  it("has its headings in order, with no level skipped", () => {
    const headings = headingsOf(tagged.root);
    expect(headings).toEqual([
      [1, "Sample title"],
      [2, "A list"],
      [3, "A figure"],
      [2, "A long table"],
    ]);
    expect(skippedHeadingLevels(headings)).toEqual([]);
    expect(
      skippedHeadingLevels([
        [1, "a"],
        [3, "b"],
      ]),
    ).toEqual(['H3 "b" follows H1']);
  });

  it("makes untagged text a paragraph and keeps an inline link inside it", () => {
    const paragraphs = byType(tagged.root, "P").map((element) => squash(fullText(element)));
    expect(paragraphs).toContain(squash("A paragraph with an inline link in it."));
    expect(paragraphs).toContain(squash("Text in a box"));
    expect(paragraphs).toContain(squash("A line that ends here and another"));
    expect(paragraphs).toContain(squash("After the table."));
    const paragraph = byType(tagged.root, "P").find((element) => fullText(element).startsWith("A paragraph"));
    const link = paragraph?.children.find((child) => child.type === "Link");
    expect(link && fullText(link)).toBe("inline link");
    expect(link?.annotations.length).toBe(1);
  });

  it("gives every link a Link element with its annotation, and none to the link in the header", () => {
    const uris = tagged.links.map((link) => link.uri);
    expect(uris).toContain("https://example.org/inline");
    expect(uris).toContain("https://example.org/block");
    expect(uris).not.toContain("https://example.org/in-the-header");
    expect(tagged.links.find((link) => link.uri === "https://example.org/block")?.contents).toBe(
      "https://example.org/block",
    );
    const block = byType(tagged.root, "Link").find((element) => fullText(element) === "A link of its own");
    expect(block?.annotations.length).toBe(1);
  });

  it("marks the fixed header as an artifact on every page, link text and all", () => {
    expect(tagged.pageCount).toBeGreaterThanOrEqual(2);
    for (const text of tagged.artifactText) expect(text).toContain("Running header with a link");
    const everything = squash(fullText(tagged.root as StructElement));
    expect(everything).not.toContain("Runningheader");
  });

  it("builds lists of items with a label and a body", () => {
    const [list, ...others] = byType(tagged.root, "L");
    expect(others).toEqual([]);
    expect(list?.children.map((item) => item.type)).toEqual(["LI", "LI"]);
    for (const item of list?.children ?? []) expect(item.children.map((child) => child.type)).toEqual(["Lbl", "LBody"]);
    expect(list?.children.map((item) => fullText(item))).toEqual(["1.First item", "2.Second item"]);
  });

  it("gives the figure its alternate text and bounding box, and leaves untagged graphics as artifacts", () => {
    const figures = byType(tagged.root, "Figure");
    expect(figures).toHaveLength(1);
    expect(figures[0]?.alt).toBe("A blue bar");
    expect(figures[0]?.contents.length).toBeGreaterThan(0);
    const [x1, y1, x2, y2] = figures[0]?.bbox ?? [];
    expect((x2 ?? 0) - (x1 ?? 0)).toBeCloseTo(60, 0);
    expect((y2 ?? 0) - (y1 ?? 0)).toBeCloseTo(30, 0);
  });

  it("keeps a table split across pages as one table, header cells first, rows in order", () => {
    const tables = byType(tagged.root, "Table");
    expect(tables).toHaveLength(1);
    const table = tables[0] as StructElement;
    expect(pagesOf(table).length).toBeGreaterThanOrEqual(2);
    const [header, ...rows] = table.children;
    expect(table.children.every((row) => row.type === "TR")).toBe(true);
    expect(header?.children.map((cell) => [cell.type, cell.scope, fullText(cell)])).toEqual([
      ["TH", "Column", "Name"],
      ["TH", "Column", "Value"],
    ]);
    expect(rows.map((row) => fullText(row.children[0] as StructElement))).toEqual(ROWS);
    expect(rows.every((row) => row.children.every((cell) => cell.type === "TD"))).toBe(true);
  });
});

describe("a table that runs over pages (the report's Table block)", () => {
  it("repeats its header row on each page as an artifact, and keeps one TH row in the structure", async () => {
    const rows = ROWS.map((row, index) => [row, String(index * 7)] as const);
    const pdf = await renderToBuffer(
      <Document tagged title="Repeated header" language="en-GB">
        <Page size="A6" style={{ fontFamily, fontSize: 10, padding: 24 }}>
          <Text tag="H1">A long table</Text>
          <View style={{ fontSize: 11, lineHeight: 1.4 }}>
            <Table
              columns={[
                { header: "Name", width: 50, cell: (row: (typeof rows)[number]) => row[0] },
                { header: "Value", width: 50, cell: (row: (typeof rows)[number]) => row[1] },
              ]}
              rows={rows}
            />
            <Text>After the table.</Text>
          </View>
        </Page>
      </Document>,
    );
    const file = save(pdf, "repeated-header");
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
    const withRows = pages.filter((page) => /Row \d+/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    // Every page the table is on starts it with the header row, above its first row there.
    for (const page of withRows) {
      expect(page.indexOf("Name"), page).toBeGreaterThanOrEqual(0);
      expect(page.indexOf("Name")).toBeLessThan(page.search(/Row \d+/));
    }

    const tagged = await readTaggedPdf(pdf);
    expectWellMarked(tagged);
    const tables = byType(tagged.root, "Table");
    expect(tables).toHaveLength(1);
    const [header, ...body] = (tables[0] as StructElement).children;
    expect(header?.children.map((cell) => [cell.type, fullText(cell)])).toEqual([
      ["TH", "Name"],
      ["TH", "Value"],
    ]);
    // The repeats are decoration: two header cells in the tree, every data row once, in order.
    expect(byType(tagged.root, "TH")).toHaveLength(2);
    expect(body.map((row) => fullText(row.children[0] as StructElement))).toEqual(ROWS);
    const firstPage = pagesOf(tables[0] as StructElement)[0] ?? 0;
    for (const [index, artifact] of tagged.artifactText.entries()) {
      if (index > firstPage && withRows.length > index) expect(squash(artifact)).toContain("NameValue");
    }
    expect(squash(tagged.artifactText[firstPage] ?? "")).not.toContain("NameValue");
  });
});

describe("a tagged document without tags", () => {
  it("tags its text as paragraphs and its decoration as artifacts", async () => {
    const pdf = await renderToBuffer(
      <Document tagged>
        <Page size="A6" style={{ fontFamily, padding: 24 }}>
          <View style={{ backgroundColor: "#eef4f5", padding: 4 }}>
            <Text>One</Text>
            <Text>Two</Text>
          </View>
        </Page>
      </Document>,
    );
    const tagged = await readTaggedPdf(pdf);
    expectWellMarked(tagged);
    expect(tagged.root?.children.map((element) => [element.type, fullText(element)])).toEqual([
      ["P", "One"],
      ["P", "Two"],
    ]);
  });
});

describe("a document that does not ask to be tagged", () => {
  it("is written as react-pdf writes it, without a structure tree, even with tag props", async () => {
    const pdf = await renderToBuffer(
      <Document>
        <Page size="A6" style={{ fontFamily, padding: 24 }}>
          <Text tag="H1">Heading</Text>
        </Page>
      </Document>,
    );
    const file = save(pdf, "untagged");
    expect(pdfinfo(file).Tagged).toBe("no");
    const tagged = await readTaggedPdf(pdf);
    expect(tagged.root).toBeNull();
    expect(tagged.marked).toBe(false);
    expect(pdf.includes("BDC")).toBe(false);
  });
});

function viewFor(example: ExampleOrganisation): ReportView {
  const report = scoreAssessment({
    answers: example.answers,
    questionnaireVersion: example.questionnaireVersion,
    assessedOn: example.assessedOn,
  });
  return buildReportView(report, storedAnswersFrom(example.answers), {
    completedBy: "Aroha Ngata",
    reportUrl: REPORT_URL,
  });
}

describe("the tagged report PDF", () => {
  for (const example of [LARGEST_EXAMPLE, RURAL_COUNCIL, REVENUE_OFFICE]) {
    it(
      `${example.name}: headings as on the page, tables with header cells, the chart's alternate text, all marked`,
      async () => {
        const view = viewFor(example);
        const pdf = await renderReportPdf(view, { pageSize: "A4", document: "full" });
        const file = save(pdf, example.key);
        const info = pdfinfo(file);
        expect(info.Tagged).toBe("yes");
        expect(fontsOf(file).filter((font) => !font.embedded)).toEqual([]);
        const tagged = await readTaggedPdf(pdf);
        expect(tagged.lang).toBe("en-GB");
        expect(tagged.displayDocTitle).toBe(true);
        expectWellMarked(tagged);

        // Headings: the organisation's name, the contents, then every section as the page has
        // it, its sub-headings one level down, in the same order, with no level skipped.
        const headings = headingsOf(tagged.root);
        expect(skippedHeadingLevels(headings)).toEqual([]);
        expect(headings.slice(0, 2)).toEqual([
          [1, example.name],
          [1, "Contents"],
        ]);
        const sectionTitles = headings.filter(([level]) => level === 1).map(([, text]) => text);
        expect(sectionTitles.slice(2)).toEqual(PDF_SECTIONS.map((section) => section.title));
        // The page's h2, h3 and h4 are the PDF's H1, H2 and H3, all of them and in order; the PDF
        // adds only a heading per thing to find out (a table on the page), one per area in "How
        // this was scored", and its answers appendix.
        const pageHeadings = renderReportPage(view).headings.map(({ level, title }) => `H${level - 1} ${title}`);
        const pdfHeadings = headings.slice(2).map(([level, text]) => `H${level} ${text}`);
        const unmatched = pageHeadings.filter(
          (heading, index) =>
            pdfHeadings.indexOf(heading) < 0 ||
            (index > 0 && pdfHeadings.indexOf(heading) < pdfHeadings.indexOf(pageHeadings[index - 1] as string)),
        );
        expect(unmatched).toEqual([]);
        const extra = pdfHeadings.filter((heading) => !pageHeadings.includes(heading));
        const appendix = extra.indexOf(`H1 ${PDF_SECTIONS.at(-1)?.title}`);
        expect(appendix).toBeGreaterThanOrEqual(0);
        expect(extra.slice(0, appendix)).toEqual([
          ...view.report.thingsToFindOut.map((item) => `H2 ${item.question}`),
          ...view.report.dimensions.map((dimension) => `H3 ${dimension.name}: ${dimension.score} out of 100`),
        ]);

        // Each section is a Sect holding its own heading first.
        const sections = byType(tagged.root, "Sect");
        expect(sections.map((section) => fullText(section.children[0] as StructElement).toLowerCase())).toEqual(
          // The method and the answers are the annex at the end.
          PDF_SECTIONS.map((_, index) =>
            index + 1 >= ANNEX_FROM ? `annex · section ${index + 1}` : `section ${index + 1}`,
          ),
        );
        expect(sections.map((section) => fullText(section.children[1] as StructElement))).toEqual(
          PDF_SECTIONS.map((section) => section.title),
        );

        // Tables: every one has rows of cells, and header cells (for columns or rows).
        const tables = byType(tagged.root, "Table");
        expect(tables.length).toBeGreaterThan(10);
        for (const table of tables) {
          expect(table.children.every((row) => row.type === "TR")).toBe(true);
          expect(elementsOf(table).some((cell) => cell.type === "TH")).toBe(true);
        }
        // Some table runs onto a second page, and is still one element.
        expect(tables.some((table) => pagesOf(table).length > 1)).toBe(true);

        // Lists: items with a label and a body.
        for (const list of byType(tagged.root, "L")) {
          for (const item of list.children) {
            expect(item.type).toBe("LI");
            expect(item.children.map((child) => child.type)).toEqual(["Lbl", "LBody"]);
          }
        }

        // The chart is a figure whose alternate text gives every area's score.
        const figures = byType(tagged.root, "Figure");
        expect(figures.map((figure) => figure.alt)).toEqual([
          chartAltText(
            view.report.dimensions.map((dimension) => ({
              id: dimension.id,
              label: dimension.name,
              score: dimension.score,
            })),
          ),
        ]);
        for (const dimension of view.report.dimensions) {
          expect(figures[0]?.alt).toContain(`${dimension.name}: ${dimension.score}`);
        }

        // The address of the web version: a real link on the cover and the contents page, plain
        // text in the running footer (an artifact, so no link there).
        expect(tagged.links.map((link) => [link.page, link.uri])).toEqual([
          [0, REPORT_URL],
          [1, REPORT_URL],
        ]);
        for (const text of tagged.artifactText.slice(1)) {
          expect(text).toContain(`Accessible version of this report: ${REPORT_URL}`);
        }
        // The verdict is read out, and the running header is not.
        const everything = squash(fullText(tagged.root as StructElement));
        expect(everything).toContain(squash(view.report.verdict.sentence));
        expect(everything.split(squash("Accessible version of this report")).length).toBe(1);
      },
      RENDER_TIMEOUT,
    );
  }
});

describe("react-pdf is patched", () => {
  it("by patch-package, from the patches folder, for the exact versions installed", () => {
    const patches = ["@react-pdf+render+4.7.0.patch", "@react-pdf+renderer+4.9.0.patch", "pdfkit+0.20.1.patch"];
    const root = path.resolve(import.meta.dirname, "../..");
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      overrides: Record<string, string>;
    };
    expect(manifest.scripts.postinstall).toMatch(/^patch-package\b/);
    for (const name of patches) {
      const [, pkg, version] = /^(.+)\+(\d+\.\d+\.\d+)\.patch$/.exec(name) ?? [];
      const installed = JSON.parse(
        readFileSync(path.join(root, "node_modules", (pkg ?? "").replace("+", "/"), "package.json"), "utf8"),
      ) as { version: string };
      expect(installed.version, name).toBe(version);
      expect(readFileSync(path.join(root, "patches", name), "utf8").length).toBeGreaterThan(0);
    }
    expect(manifest.overrides["@react-pdf/render"]).toBe("4.7.0");
  });
});

describe("a workshop's tagged report PDF", () => {
  it(
    "tags 'Where your team disagreed' as a section before section 1, its questions as headings, its rows as tables",
    async () => {
      const base = viewFor(RURAL_COUNCIL);
      const spread = (questionId: string, values: number[]) =>
        questionSpread({
          questionId,
          measure: "number",
          answers: values.map((value, index) => ({ participantId: `p${index}`, value })),
        });
      const workshop = workshopFindings({
        participants: 3,
        namesShown: false,
        minAnswersWhenHidden: 3,
        limit: 8,
        questions: [
          {
            label: "Hours a week, in total",
            describe: { suffix: "hours a week" },
            spread: spread("teamHoursPerWeek", [4, 10, 40]),
            settled: { answer: "12 hours a week", reason: "Two part-time officers", settledBy: null, settledAt: "x" },
          },
          {
            label: "People who help",
            spread: spread("teamPeople", [2, 5, 9]),
            settled: { answer: "5 people", reason: null, settledBy: null, settledAt: "x" },
          },
        ],
      });
      const view: ReportView = { ...base, workshop };
      const pdf = await renderReportPdf(view, { pageSize: "A4", document: "full" });
      const tagged = await readTaggedPdf(pdf);
      expectWellMarked(tagged);
      const headings = headingsOf(tagged.root);
      expect(skippedHeadingLevels(headings)).toEqual([]);
      const flat = headings.map(([level, text]) => `H${level} ${text}`);
      const at = flat.indexOf("H1 Where your team disagreed");
      expect(at).toBeGreaterThan(flat.indexOf("H1 Contents"));
      expect(at).toBeLessThan(flat.indexOf("H1 The verdict"));
      expect(flat.slice(at + 1, at + 3)).toEqual(["H2 Hours a week, in total", "H2 People who help"]);
      expect(flat).toContain("H2 How the team's disagreement was measured");
      // The report body's headings (the method's new one included), in the PDF in the same order.
      const pageHeadings = renderReportPage(view).headings.map(({ level, title }) => `H${level - 1} ${title}`);
      expect(pageHeadings).toContain("H2 How the team's disagreement was measured");
      const unmatched = pageHeadings.filter(
        (heading, index) =>
          flat.indexOf(heading) < 0 ||
          (index > 0 && flat.indexOf(heading) < flat.indexOf(pageHeadings[index - 1] as string)),
      );
      expect(unmatched).toEqual([]);
      // Its own Sect, opened by its label and title, holding a table per question with header cells.
      const section = byType(tagged.root, "Sect").find(
        (candidate) => fullText(candidate.children[1] as StructElement) === "Where your team disagreed",
      );
      expect(fullText(section?.children[0] as StructElement).toLowerCase()).toBe("from the workshop");
      const tables = byType(section ?? null, "Table");
      expect(tables).toHaveLength(2);
      for (const table of tables) expect(elementsOf(table).some((cell) => cell.type === "TH")).toBe(true);
      expect(squash(fullText(section as StructElement))).toContain(squash("Two part-time officers"));
    },
    RENDER_TIMEOUT,
  );
});
