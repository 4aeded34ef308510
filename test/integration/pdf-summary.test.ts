/**
 * The board summary PDF, rendered for real for every example organisation on A4 and US Letter
 * and for hostile input, and read back with poppler (pdftotext, pdfinfo, pdffonts) and the
 * structure-tree reader: two to four pages, the report page's headings, the page's verdict,
 * people, money and top risks, tagged, every font embedded, type no smaller than 9 pt and body
 * text at 11 pt.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { BOARD_SUMMARY_RISKS, boardSummaryHeadings } from "../../app/report/report-sections";
import { buildReportView, type ReportView } from "../../app/report/report-view";
import type { AssessmentAnswers } from "../../scoring/answers";
import { scoreAssessment } from "../../scoring/score-assessment";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { ARABIC, HEBREW, hostileAnswers, LONG_WORD, MARKUP } from "../support/hostile-input";
import { headingsOf, readTaggedPdf, skippedHeadingLevels, typeSizes } from "../support/pdf-structure";
import { renderReportPage } from "../support/report-markup";

const TIMEOUT = 120_000;
const REPORT_URL = "https://example.org/r/READ-ONLY-LINK";
const dir = mkdtempSync(path.join(tmpdir(), "pdf-summary-test-"));
/** Pages of each example's summary, printed for the README. */
const pageCounts: string[] = [];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (pageCounts.length > 0) console.info(`Board summary pages: ${pageCounts.join(", ")}`);
});

function viewFor(answers: AssessmentAnswers): ReportView {
  const report = scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
  return buildReportView(report, storedAnswersFrom(answers), { completedBy: "Aroha Ngata", reportUrl: REPORT_URL });
}

function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

type Read = { file: string; text: string; pages: number; info: string; bytes: Buffer };

function read(pdf: Buffer, name: string): Read {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 16 << 20 });
  const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  return { file, text, pages, info, bytes: pdf };
}

/** pdffonts' rows: each font's name and whether it is embedded. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  return execFileSync("pdffonts", [file], { encoding: "utf8" })
    .trim()
    .split("\n")
    .slice(2)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0] ?? "", embedded: columns[columns.length - 5] === "yes" };
    });
}

describe("the board summary of each example organisation", () => {
  for (const example of EXAMPLE_ORGANISATIONS) {
    it(
      `${example.name}: 2 to 4 pages on A4 and Letter, the page's headings, verdict, people, money and top risks`,
      async () => {
        const view = viewFor(example.answers);
        const { report } = view;
        const page = renderReportPage(view);
        for (const pageSize of ["A4", "LETTER"] as const) {
          const bytes = await renderReportPdf(view, { pageSize, document: "summary" });
          const pdf = read(bytes, `${example.key}-${pageSize}`);
          pageCounts.push(`${example.key} ${pageSize} ${pdf.pages}`);
          expect(pdf.pages, `${example.key} ${pageSize}`).toBeGreaterThanOrEqual(2);
          expect(pdf.pages, `${example.key} ${pageSize}`).toBeLessThanOrEqual(4);
          expect(pdf.info).toMatch(/^Tagged:\s+yes$/m);
          expect(pdf.info).toContain(pageSize === "A4" ? "(A4)" : "(letter)");
          expect(flat(pdf.info)).toContain(`Title: Board summary: ${example.name}`);
          const fonts = fontsOf(pdf.file);
          expect(fonts.length).toBeGreaterThan(0);
          expect(fonts.filter((font) => !font.embedded)).toEqual([]);

          // What the report page shows, word for word.
          const text = flat(pdf.text);
          expect(text).toContain(example.name);
          expect(text).toContain("21 November 2026");
          expect(text).toContain(flat(report.decision.ask));
          expect(text).toContain(flat(report.verdict.sentence));
          expect(text).toContain(`Overall readiness ${report.overall.score} out of 100: ${report.verdict.bandLabel}`);
          expect(text).toContain(flat(report.decision.people));
          expect(text).toContain(flat(report.decision.money));
          for (const risk of report.risks.slice(0, BOARD_SUMMARY_RISKS)) {
            expect(text).toContain(flat(risk.title));
            expect(text).toContain(flat(risk.explanation));
            expect(flat(page.text)).toContain(flat(risk.title));
          }
          // Only the three most serious: the fourth is left to the full report.
          const fourth = report.risks[BOARD_SUMMARY_RISKS];
          if (fourth && !report.risks.slice(0, BOARD_SUMMARY_RISKS).some((risk) => risk.title === fourth.title)) {
            expect(text).not.toContain(flat(fourth.explanation));
          }
          for (const phase of report.strategy.roadmap) expect(text).toContain(flat(phase.title));
          expect(text).toContain(REPORT_URL);

          // The same headings as the page, at the levels the summary gives them, none skipped.
          const tagged = await readTaggedPdf(bytes);
          const headings = headingsOf(tagged.root);
          expect(headings[0]).toEqual([1, example.name]);
          expect(headings.slice(1).map(([level, title]) => ({ level, title }))).toEqual(boardSummaryHeadings(report));
          const pageHeadings = page.headings.map((heading) => heading.title);
          for (const [, title] of headings.slice(1)) expect(pageHeadings).toContain(title);
          expect(skippedHeadingLevels(headings)).toEqual([]);
          expect(tagged.unmarked).toEqual([]);

          // Type: nothing under 9 pt, body text at 11 pt.
          const sizes = typeSizes(tagged.textRuns);
          expect(sizes.smallest).toBeGreaterThanOrEqual(9);
          expect(sizes.body).toBeGreaterThanOrEqual(11);
          expect(sizes.shareAtLeast11).toBeGreaterThan(0.75);
        }
      },
      TIMEOUT,
    );
  }
});

describe("the board summary with hostile input", () => {
  it(
    "stays within 2 to 4 pages with markup, emoji, right-to-left text, a 2,000-character word and long names",
    async () => {
      for (const example of EXAMPLE_ORGANISATIONS) {
        const answers = hostileAnswers(example.answers);
        const view = viewFor(answers);
        for (const pageSize of ["A4", "LETTER"] as const) {
          const bytes = await renderReportPdf(view, { pageSize, document: "summary" });
          const pdf = read(bytes, `hostile-${example.key}-${pageSize}`);
          expect(pdf.pages, `${example.key} ${pageSize}`).toBeGreaterThanOrEqual(2);
          expect(pdf.pages, `${example.key} ${pageSize}`).toBeLessThanOrEqual(4);
          const text = flat(pdf.text);
          // Markup is text, not markup; the name is shortened, not dropped.
          expect(text).toContain(MARKUP);
          expect(text).toContain("Te Kaunihera");
          expect(text.replace(/\s+/g, "")).not.toContain(LONG_WORD);
          expect(text).toContain("…");
          expect(fontsOf(pdf.file).filter((font) => !font.embedded)).toEqual([]);
        }
      }
    },
    TIMEOUT * 4,
  );

  it(
    "keeps a 150-character name (the most the form accepts) and right-to-left names whole",
    async () => {
      const base = EXAMPLE_ORGANISATIONS[0];
      if (!base) throw new Error("no examples");
      const longName = `${"Wairarapa Coast and Ruamāhanga Valley Combined ".repeat(4)}`.slice(0, 150).trim();
      for (const name of [longName, `${ARABIC} / ${HEBREW}`]) {
        const answers = { ...base.answers, organisation: { ...base.answers.organisation, orgName: name } };
        const view = viewFor(answers);
        for (const pageSize of ["A4", "LETTER"] as const) {
          const pdf = read(await renderReportPdf(view, { pageSize, document: "summary" }), `name-${pageSize}`);
          expect(pdf.pages).toBeGreaterThanOrEqual(2);
          expect(pdf.pages).toBeLessThanOrEqual(4);
          expect(flat(pdf.info)).toContain(`Board summary: ${name}`);
        }
      }
    },
    TIMEOUT,
  );
});
