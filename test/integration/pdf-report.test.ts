/**
 * The report PDF, rendered for real and read back with poppler's pdftotext and pdfinfo: what a
 * reader (or a screen reader falling back to the text layer) would find in it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView, type ReportView } from "../../app/report/report-view";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import { PDF_SECTIONS } from "../../app/pdf/report-document";
import { decisionFor } from "../../app/report/report-wording";
import type { AssessmentAnswers } from "../../scoring/answers";
import { scoreAssessment } from "../../scoring/score-assessment";
import {
  EXAMPLE_ORGANISATIONS,
  LARGEST_EXAMPLE,
  REVENUE_OFFICE,
  RURAL_COUNCIL,
  SMALL_SHIRE,
} from "../fixtures/example-organisations";
import { readTaggedPdf, typeSizes } from "../support/pdf-structure";
import { renderReportPage } from "../support/report-markup";

const RENDER_TIMEOUT = 120_000;
const SECTION_HEADINGS = PDF_SECTIONS.map((section) => section.title);
/** Scoring internals and framework names a board should not meet before "How this was scored". */
const INTERNALS = /\b(impact|urgency|priority score|IAP2|Mendelow|quadrants?|Spectrum)\b/i;
/** Page counts of every example, for the report. */
const pageCounts = new Map<string, number>();
/** Each example's share of characters set at 11 pt or more, for the report. */
const typeShares = new Map<string, number>();
const REPORT_URL = "https://example.org/a/TOKEN/report";
const COMPLETED_BY = "Aroha Ngata, Director of Communications";

const dir = mkdtempSync(path.join(tmpdir(), "pdf-report-test-"));
/** Every word's position in the first render of the first example, for the repeat test. */
let firstRenderWords: string | undefined;

function wordBoxes(file: string): string {
  return execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).replace(
    /<meta[^>]*>/g,
    "",
  );
}
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (pageCounts.size > 0) {
    console.info(`PDF pages (A4): ${[...pageCounts].map(([key, pages]) => `${key} ${pages}`).join(", ")}`);
    console.info(
      `Share of characters at 11 pt or more: ${[...typeShares].map(([key, share]) => `${key} ${Math.round(share * 100)}%`).join(", ")}`,
    );
  }
});

function viewFor(answers: AssessmentAnswers): ReportView {
  const report = scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
  return buildReportView(report, storedAnswersFrom(answers), { completedBy: COMPLETED_BY, reportUrl: REPORT_URL });
}

function withName(answers: AssessmentAnswers, orgName: string): AssessmentAnswers {
  return { ...answers, organisation: { ...answers.organisation, orgName } };
}

type ReadPdf = { file: string; pages: string[]; text: string; info: Record<string, string>; raw: string };

function readPdf(pdf: Buffer, name: string): ReadPdf {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const layout = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const info = Object.fromEntries(
    execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" })
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] as string, (match[2] as string).trim()]),
  );
  return { file, pages: layout.split("\f"), text: layout, info, raw: readFileSync(file, "latin1") };
}

/** Collapses line breaks and runs of spaces, so wrapped sentences compare equal. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The page (1-based) on which a section's opening ("SECTION N" then its title) appears. */
function sectionStartPage(pages: string[], number: number, title: string): number {
  const opening = new RegExp(`Section ${number}\\s+${escapeRegExp(title)}`, "i");
  const index = pages.findIndex((page) => opening.test(page));
  return index + 1;
}

/** The text of "Can you answer the questions you invite?", from its opening to the next section's. */
function capacityText(pdf: ReadPdf): string {
  const start = sectionStartPage(pdf.pages, 5, "Can you answer the questions you invite?");
  const end = sectionStartPage(pdf.pages, 6, "The main risks");
  return flat(pdf.pages.slice(start - 1, end - 1).join(" "));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the report PDF for each example organisation", () => {
  for (const example of EXAMPLE_ORGANISATIONS) {
    it(
      `${example.name}: verdict, every section, the name with its accents, metadata and page count`,
      async () => {
        const view = viewFor(example.answers);
        const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4", document: "full" }), example.key);
        const text = flat(pdf.text);
        if (example === EXAMPLE_ORGANISATIONS[0]) firstRenderWords = wordBoxes(pdf.file);

        expect(text).toContain(flat(view.report.verdict.sentence));
        for (const heading of SECTION_HEADINGS) expect(text).toContain(heading);
        expect(text).toContain(example.name);
        expect(pdf.pages[0]).toContain("Engagement readiness report and starter strategy");
        expect(pdf.pages[0]).toContain(example.name);
        expect(pdf.pages[0]).toContain(COMPLETED_BY);
        expect(pdf.pages[0]).toContain("21 November 2026");
        // The PDF names the accessible HTML version early and on every page after the cover.
        expect(flat(pdf.pages[0] ?? "")).toContain(
          `This PDF is tagged, so screen readers can follow its headings, lists and tables. The same report is also a web page, which you can resize and read in any browser, at ${REPORT_URL}`,
        );

        const pageCount = Number(pdf.info.Pages);
        expect(pageCount).toBeGreaterThanOrEqual(25);
        // Body text at 11 pt (it was 8.5 pt and smaller) took the examples from 41-45 pages to 62-67.
        expect(pageCount).toBeLessThanOrEqual(80);

        // Type a board can read: nothing under 9 pt and body text (the size that carries the most
        // characters) at 11 pt, read back from the content streams.
        const sizes = typeSizes((await readTaggedPdf(readFileSync(pdf.file))).textRuns);
        expect(sizes.smallest, `${example.key}: smallest type`).toBeGreaterThanOrEqual(9);
        expect(sizes.body, `${example.key}: body type`).toBeGreaterThanOrEqual(11);
        expect(sizes.shareAtLeast11, `${example.key}: share at 11 pt or more`).toBeGreaterThan(0.7);
        typeShares.set(example.key, sizes.shareAtLeast11);
        expect(pdf.info["Page size"]).toContain("A4");
        expect(pdf.info.Title).toBe(`Engagement readiness report and starter strategy: ${example.name}`);
        expect(pdf.info.Author).toBe(COMPLETED_BY);
        expect(pdf.info.Subject).toContain(view.report.verdict.bandLabel);
        expect(pdf.raw).toContain("/Lang (en-GB)");
        // Every page after the cover carries the footer, and the count in it is the real one; and
        // none is blank between its header and footer (react-pdf can push a margin onto a page of
        // its own).
        for (let page = 2; page <= pageCount; page += 1) {
          const pageText = flat(pdf.pages[page - 1] ?? "");
          expect(pageText).toContain(`Page ${page} of ${pageCount}`);
          expect(pageText).toContain(`Accessible version of this report: ${REPORT_URL}`);
          const content = pageText
            .replace(`Page ${page} of ${pageCount}`, "")
            .replace(`Accessible version of this report: ${REPORT_URL}`, "")
            .replace("Engagement readiness report and starter strategy", "")
            .replace(example.name, "")
            .trim();
          expect(content.length, `page ${page} has content`).toBeGreaterThan(40);
        }
        // Each section's opening is on the page the contents page gives for it.
        const contents = pdf.pages[1] ?? "";
        SECTION_HEADINGS.forEach((heading, index) => {
          const listed = new RegExp(`^\\s*${index + 1}\\s+${escapeRegExp(heading)}\\s+(\\d+)\\s*$`, "m").exec(contents);
          expect(listed, `contents entry for ${heading}`).not.toBeNull();
          expect(Number(listed?.[1])).toBe(sectionStartPage(pdf.pages, index + 1, heading));
        });
        pageCounts.set(example.key, pageCount);

        // The page's headings, section titles and sub-headings alike, are the PDF's, in the same order.
        const page = renderReportPage(view);
        const afterContents = flat(pdf.pages.slice(2).join(" "));
        let from = 0;
        for (const heading of page.headings) {
          const at = afterContents.indexOf(heading.title, from);
          expect(at, `"${heading.title}" in the PDF after position ${from}`).toBeGreaterThanOrEqual(0);
          from = at + heading.title.length;
        }

        // No scoring internals before "How this was scored", and no factor tables.
        const methodPage = sectionStartPage(
          pdf.pages,
          SECTION_HEADINGS.indexOf("How this was scored") + 1,
          "How this was scored",
        );
        const body = flat(pdf.pages.slice(2, methodPage - 1).join(" "));
        expect(body).not.toMatch(INTERNALS);
        expect(body).not.toContain("What counts");
        expect(flat(pdf.pages.slice(methodPage - 1).join(" "))).toMatch(/Impact\s+Urgency\s+Effort\s+Priority/);

        // The decision for leadership opens on a page of its own, right after the verdict; at 11 pt
        // its first steps may run onto the next page, before "Readiness by area".
        const { decision } = view.report;
        const decisionStart = sectionStartPage(pdf.pages, 2, "Decision for leadership");
        const readinessStart = sectionStartPage(pdf.pages, 3, "Readiness by area");
        expect(readinessStart - decisionStart).toBeLessThanOrEqual(2);
        const decisionPage = flat(pdf.pages.slice(decisionStart - 1, readinessStart - 1).join(" "));
        expect(decisionPage).toContain(decisionFor(decision.decisionMaker).toUpperCase());
        expect(decisionPage).toContain(flat(decision.ask));
        for (const item of decision.approve) expect(decisionPage).toContain(flat(item));
        for (const step of decision.firstSteps) expect(decisionPage).toContain(flat(step.action));
      },
      RENDER_TIMEOUT,
    );
  }
});

describe("the report PDF", () => {
  it(
    "has an outline with an entry for every section, nested subsections, and opens with it shown",
    async () => {
      const pdf = readPdf(
        await renderReportPdf(viewFor(LARGEST_EXAMPLE.answers), { pageSize: "A4", document: "full" }),
        "outline",
      );
      expect(pdf.raw).toMatch(/\/Outlines \d+ 0 R/);
      expect(pdf.raw).toContain("/PageMode /UseOutlines");
      const objects = new Map(
        [...pdf.raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map((match) => [match[1], match[2] ?? ""]),
      );
      const entries = [...objects.values()].filter((body) => /\/Title \(/.test(body) && /\/Dest \[/.test(body));
      const titleOf = (body: string) => /\/Title \(([^)]*)\)/.exec(body)?.[1];
      const titles = entries.map(titleOf);
      SECTION_HEADINGS.forEach((heading, index) => expect(titles).toContain(`${index + 1}. ${heading}`));
      for (const subsection of [
        "What to approve",
        "How fast you can reply",
        "Response plan",
        "Three months of content",
        "The first 90 days",
        "How each area was scored",
        "Sources",
      ]) {
        expect(titles).toContain(subsection);
      }
      // Subsections nest under their section, and every entry opens its page whole.
      const responsePlan = entries.find((body) => titleOf(body) === "Response plan") ?? "";
      const parent = objects.get(/\/Parent (\d+) 0 R/.exec(responsePlan)?.[1] ?? "") ?? "";
      expect(titleOf(parent)).toBe("8. Your starter strategy");
      for (const entry of entries) expect(entry).toMatch(/\/Dest \[\d+ 0 R \/Fit\]/);
    },
    RENDER_TIMEOUT,
  );

  it(
    "renders organisation names in Latin Extended as real text",
    async () => {
      for (const name of [
        "Te Kaunihera o Tāmaki Makaurau",
        "Municipalité de Lévis",
        "Gmina Łódź-Śródmieście, Ørsta kommune",
      ]) {
        const view = viewFor(withName(LARGEST_EXAMPLE.answers, name));
        const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4", document: "full" }), `name-${name.length}`);
        expect(pdf.pages[0]).toContain(name);
        expect(pdf.info.Title).toContain(name);
        expect(flat(pdf.text)).toContain(flat(view.report.verdict.sentence));
        // The body font is embedded, not a standard PDF font.
        const fonts = execFileSync("pdffonts", [pdf.file], { encoding: "utf8" });
        expect(fonts).toMatch(/PublicSans.*TrueType.*yes/);
      }
    },
    RENDER_TIMEOUT,
  );

  it(
    "comes in US Letter, with the same content",
    async () => {
      const view = viewFor(LARGEST_EXAMPLE.answers);
      const pdf = readPdf(await renderReportPdf(view, { pageSize: "LETTER", document: "full" }), "letter");
      expect(pdf.info["Page size"]).toContain("612 x 792");
      expect(flat(pdf.text)).toContain(flat(view.report.verdict.sentence));
      for (const heading of SECTION_HEADINGS) expect(pdf.text).toContain(heading);
    },
    RENDER_TIMEOUT,
  );

  it(
    "says what cannot be estimated yet, and what to find out, when the team's hours are not known",
    async () => {
      const view = viewFor(SMALL_SHIRE.answers);
      expect(view.report.capacity.finding.status).toBe("hours-unknown");
      const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4", document: "full" }), "hours-unknown");
      const capacity = capacityText(pdf);
      expect(capacity).toContain(flat(view.report.capacity.finding.headline));
      // (At 11 pt the label wraps in pdftotext's layout: "... write in a Cannot be ... week".)
      expect(capacity).toMatch(/Replies your team can write in a\s+(week\s+)?Cannot be worked out yet/);
      expect(capacity).toMatch(/Extra team hours a week\s+Cannot be estimated yet/);
      expect(capacity).toContain(flat(view.report.capacity.shortfall.findOut ?? "?"));
      expect(flat(pdf.text)).toContain(flat(view.report.decision.people));
    },
    RENDER_TIMEOUT,
  );

  it(
    "says the extra hours cannot be estimated yet when the range is too wide, with the rough spread",
    async () => {
      const view = viewFor(RURAL_COUNCIL.answers);
      expect(view.report.capacity.shortfall.estimable).toBe(false);
      const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4", document: "full" }), "not-estimable");
      const capacity = capacityText(pdf);
      expect(capacity).toMatch(
        /Extra team hours a week\s+Cannot be estimated yet: on what you told us, anything (from [\d.,]+ to|up to) [\d.,]+\./,
      );
      expect(capacity).toContain(flat(view.report.capacity.shortfall.findOut ?? "?"));
      expect(capacity).not.toContain("In full-time staff");
    },
    RENDER_TIMEOUT,
  );

  it(
    "gives the money it takes in the organisation's currency, in the decision and the capacity check",
    async () => {
      const view = viewFor(REVENUE_OFFICE.answers);
      const cost = view.report.capacity.shortfall.cost;
      expect(cost?.currency).toBe("AUD");
      const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4", document: "full" }), "money");
      expect(flat(pdf.text)).toMatch(/Money\s+About A\$[\d,]+ a year in staff time/);
      expect(capacityText(pdf)).toMatch(
        /What the extra hours cost\s+About A\$[\d,]+ a year \(between A\$[\d,]+ and A\$[\d,]+\)/,
      );
      expect(capacityText(pdf)).toContain(`About ${cost?.label ?? "?"} a year`);
    },
    RENDER_TIMEOUT,
  );

  it("refuses an unknown page size", async () => {
    await expect(
      renderReportPdf(viewFor(LARGEST_EXAMPLE.answers), { pageSize: "A3" as "A4", document: "full" }),
    ).rejects.toThrow(/Unsupported PDF page size "A3"/);
  });

  it(
    "lays out a report rendered again exactly as the first time (the shaping cache changes nothing)",
    async () => {
      const example = EXAMPLE_ORGANISATIONS[0];
      if (!example || !firstRenderWords) throw new Error("the first example's render must run first");
      const again = readPdf(
        await renderReportPdf(viewFor(example.answers), { pageSize: "A4", document: "full" }),
        "repeat",
      );
      expect(wordBoxes(again.file)).toBe(firstRenderWords);
    },
    RENDER_TIMEOUT,
  );
});
