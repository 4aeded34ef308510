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
import type { AssessmentAnswers } from "../../scoring/answers";
import { scoreAssessment } from "../../scoring/score-assessment";
import { EXAMPLE_ORGANISATIONS, LARGEST_EXAMPLE } from "../fixtures/example-organisations";

const RENDER_TIMEOUT = 120_000;
const SECTION_HEADINGS = [
  "The verdict",
  "Readiness by dimension",
  "Engagement gap by stakeholder group",
  "Capacity check",
  "Risks",
  "Recommendations",
  "Starter strategy",
  "Things to find out",
  "How this was scored",
  "Appendix: your answers",
];
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
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the report PDF for each example organisation", () => {
  for (const example of EXAMPLE_ORGANISATIONS) {
    it(
      `${example.name}: verdict, every section, the name with its accents, metadata and page count`,
      async () => {
        const view = viewFor(example.answers);
        const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4" }), example.key);
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
        expect(flat(pdf.pages[0] ?? "")).toContain(`The same report, in accessible HTML, is at ${REPORT_URL}`);

        const pageCount = Number(pdf.info.Pages);
        expect(pageCount).toBeGreaterThanOrEqual(25);
        expect(pageCount).toBeLessThanOrEqual(70);
        expect(pdf.info["Page size"]).toContain("A4");
        expect(pdf.info.Title).toBe(`Engagement readiness report and starter strategy: ${example.name}`);
        expect(pdf.info.Author).toBe(COMPLETED_BY);
        expect(pdf.info.Subject).toContain(view.report.verdict.bandLabel);
        expect(pdf.raw).toContain("/Lang (en-GB)");
        // Every page after the cover carries the footer, and the count in it is the real one.
        for (let page = 2; page <= pageCount; page += 1) {
          const pageText = flat(pdf.pages[page - 1] ?? "");
          expect(pageText).toContain(`Page ${page} of ${pageCount}`);
          expect(pageText).toContain(`Accessible version of this report: ${REPORT_URL}`);
        }
        // Each section's opening is on the page the contents page gives for it.
        const contents = pdf.pages[1] ?? "";
        SECTION_HEADINGS.forEach((heading, index) => {
          const listed = new RegExp(`^\\s*${index + 1}\\s+${escapeRegExp(heading)}\\s+(\\d+)\\s*$`, "m").exec(contents);
          expect(listed, `contents entry for ${heading}`).not.toBeNull();
          expect(Number(listed?.[1])).toBe(sectionStartPage(pdf.pages, index + 1, heading));
        });
      },
      RENDER_TIMEOUT,
    );
  }
});

describe("the report PDF", () => {
  it(
    "has an outline with an entry for every section, nested subsections, and opens with it shown",
    async () => {
      const pdf = readPdf(await renderReportPdf(viewFor(LARGEST_EXAMPLE.answers), { pageSize: "A4" }), "outline");
      expect(pdf.raw).toMatch(/\/Outlines \d+ 0 R/);
      expect(pdf.raw).toContain("/PageMode /UseOutlines");
      const objects = new Map(
        [...pdf.raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map((match) => [match[1], match[2] ?? ""]),
      );
      const entries = [...objects.values()].filter((body) => /\/Title \(/.test(body) && /\/Dest \[/.test(body));
      const titleOf = (body: string) => /\/Title \(([^)]*)\)/.exec(body)?.[1];
      const titles = entries.map(titleOf);
      SECTION_HEADINGS.forEach((heading, index) => expect(titles).toContain(`${index + 1}. ${heading}`));
      for (const subsection of ["Response plan", "Three-month content plan", "90-day roadmap", "Sources"]) {
        expect(titles).toContain(subsection);
      }
      // Subsections nest under their section, and every entry opens its page whole.
      const responsePlan = entries.find((body) => titleOf(body) === "Response plan") ?? "";
      const parent = objects.get(/\/Parent (\d+) 0 R/.exec(responsePlan)?.[1] ?? "") ?? "";
      expect(titleOf(parent)).toBe("7. Starter strategy");
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
        const pdf = readPdf(await renderReportPdf(view, { pageSize: "A4" }), `name-${name.length}`);
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
      const pdf = readPdf(await renderReportPdf(view, { pageSize: "LETTER" }), "letter");
      expect(pdf.info["Page size"]).toContain("612 x 792");
      expect(flat(pdf.text)).toContain(flat(view.report.verdict.sentence));
      for (const heading of SECTION_HEADINGS) expect(pdf.text).toContain(heading);
    },
    RENDER_TIMEOUT,
  );

  it("refuses an unknown page size", async () => {
    await expect(renderReportPdf(viewFor(LARGEST_EXAMPLE.answers), { pageSize: "A3" as "A4" })).rejects.toThrow(
      /Unsupported PDF page size "A3"/,
    );
  });

  it(
    "lays out a report rendered again exactly as the first time (the shaping cache changes nothing)",
    async () => {
      const example = EXAMPLE_ORGANISATIONS[0];
      if (!example || !firstRenderWords) throw new Error("the first example's render must run first");
      const again = readPdf(await renderReportPdf(viewFor(example.answers), { pageSize: "A4" }), "repeat");
      expect(wordBoxes(again.file)).toBe(firstRenderWords);
    },
    RENDER_TIMEOUT,
  );
});
