/**
 * The Word document, unzipped and read as Word reads it: heading styles in the page's order,
 * tables with repeating header rows, real lists, the chart with alternative text, the document
 * properties, and nothing from the private link.
 */
import { strFromU8, unzipSync } from "fflate";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../scoring/score-assessment";
import { workshopFindings } from "../../../scoring/workshop-findings";
import { questionSpread } from "../../../scoring/workshop-spread";
import type { AssessmentAnswers } from "../../../scoring/answers";
import { LARGEST_EXAMPLE, RURAL_COUNCIL, SMALL_SHIRE } from "../../../test/fixtures/example-organisations";
import { RURAL_COUNCIL_IMPROVED, ruralCouncilReassessment } from "../../../test/fixtures/reassessment-pairs";
import { ARABIC, CONTROL, HEBREW, HOSTILE, hostileAnswers, MARKUP } from "../../../test/support/hostile-input";
import { textOf } from "../../../test/support/report-markup";
import { ReportBody } from "../../components/report/report-body";
import { storedAnswersFrom } from "../../questionnaire/stored-answers";
import { COMPARISON_TITLE, trendChartDescription } from "../../reassessment/comparison-wording";
import { outlineHeadings, REPORT_SECTIONS } from "../../report/report-sections";
import { buildReportView, type ReportView } from "../../report/report-view";
import { EXPORT_DOWNLOADS } from "../download-name";
import { buildReportDocx } from "./report-docx.server";

const TOKEN = "tOkEn-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789x";
const REPORT_URL = `https://readiness.example.org/a/${TOKEN}/report`;

function viewFor(answers: AssessmentAnswers, completedBy: string | null = "Aroha Ngata"): ReportView {
  const report = scoreAssessment({ answers, questionnaireVersion: "2026-12", assessedOn: "2026-11-29" });
  return buildReportView(report, storedAnswersFrom(answers), { completedBy, reportUrl: REPORT_URL });
}

type Unzipped = { files: Record<string, string>; raw: Record<string, Uint8Array>; size: number };

async function unzip(view: ReportView): Promise<Unzipped> {
  const docx = await buildReportDocx(view);
  const raw = unzipSync(new Uint8Array(docx));
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(raw)) if (/\.(xml|rels)$/.test(name)) files[name] = strFromU8(bytes);
  return { files, raw, size: docx.byteLength };
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (whole, name: string) =>
    name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );
}

/** Each paragraph's style and text, in document order. */
function paragraphs(documentXml: string): { style: string; text: string }[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const body = match[1] ?? "";
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? "";
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((part) => decode(part[1] ?? "")).join("");
    return { style, text };
  });
}

function wordHeadings(documentXml: string) {
  return paragraphs(documentXml)
    .filter((paragraph) => /^Heading[123]$/.test(paragraph.style))
    .map((paragraph) => ({ level: Number(paragraph.style.slice(-1)), text: paragraph.text }));
}

/** Every h2 to h4 of the report page, with the tags (severity, priority) left out. */
function pageHeadings(view: ReportView) {
  const html = renderToStaticMarkup(createElement(ReportBody, { view }));
  return [...html.matchAll(/<h([234])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    level: Number(match[1]) - 1,
    text: textOf((match[2] ?? "").replace(/<strong class="govuk-tag[^"]*">[^<]*<\/strong>/g, "")),
  }));
}

describe("the Word document", () => {
  it("keeps each step and each risk on one page with its evidence: every paragraph but the last keeps with the next", async () => {
    const view = viewFor(LARGEST_EXAMPLE.answers);
    const xml = (await unzip(view)).files["word/document.xml"] ?? "";
    const blocks = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
      const body = match[1] ?? "";
      return {
        style: /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? "",
        text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((part) => decode(part[1] ?? "")).join(""),
        keepNext: body.includes("<w:keepNext/>"),
      };
    });
    const titles = [
      ...view.report.recommendations.map((rec, index) => `${index + 1}. ${rec.title}`),
      ...view.report.risks.map((risk) => risk.title),
    ];
    let checked = 0;
    for (const title of titles) {
      const start = blocks.findIndex((block) => /^Heading[23]$/.test(block.style) && block.text === title);
      expect(start, title).toBeGreaterThanOrEqual(0);
      const end = blocks.findIndex((block, index) => index > start && /^Heading[123]$/.test(block.style));
      const parts = blocks.slice(start, end === -1 ? undefined : end);
      expect(parts.length, title).toBeGreaterThan(2);
      // The heading keeps with the next by its style; every other part but the last says so itself.
      expect(
        parts.slice(1, -1).every((part) => part.keepNext),
        title,
      ).toBe(true);
      expect(parts.at(-1)?.keepNext, `${title} holds the next one to itself`).toBe(false);
      checked += 1;
    }
    expect(checked).toBe(titles.length);
  });

  it.each([RURAL_COUNCIL, SMALL_SHIRE, LARGEST_EXAMPLE].map((example) => [example.key, example] as const))(
    "has the report page's headings, in its order, as Word heading styles, for %s",
    async (_key, example) => {
      const view = viewFor(example.answers);
      const { files } = await unzip(view);
      const headings = wordHeadings(files["word/document.xml"] ?? "");
      const appendixAt = headings.findIndex((heading) => heading.text === "Appendix: your answers");
      expect(appendixAt).toBeGreaterThan(0);
      // Recommendations carry their number in Word ("3. ..."), where the page numbers its list.
      const report = headings.slice(0, appendixAt).map((heading) => ({
        level: heading.level,
        text: heading.text.replace(/^\d+\. /, ""),
      }));
      expect(report).toEqual(pageHeadings(view));
      // The shared outline (sections and sub-headings) is there, in order, one level up.
      const outline = outlineHeadings(view.report).map((heading) => ({
        level: heading.level - 1,
        text: heading.title,
      }));
      const inOutline = report.filter((heading) =>
        outline.some((entry) => entry.level === heading.level && entry.text === heading.text),
      );
      expect(inOutline).toEqual(outline);
      // The ten sections are numbered by Word, from the "sections" list.
      const numberedHeadings = [
        ...(files["word/document.xml"] ?? "").matchAll(
          /<w:pStyle w:val="Heading1"\/>(?:<w:pageBreakBefore\/>)?<w:numPr>/g,
        ),
      ];
      expect(numberedHeadings).toHaveLength(10);
    },
    60_000,
  );

  it("has tables with a header row that repeats, rows that never split, and cells of text", async () => {
    const { files } = await unzip(viewFor(LARGEST_EXAMPLE.answers));
    const xml = files["word/document.xml"] ?? "";
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) => match[1] ?? "");
    expect(tables.length).toBeGreaterThan(20);
    for (const tableXml of tables) {
      const firstRow = /<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/.exec(tableXml)?.[1] ?? "";
      expect(firstRow).toContain("<w:tblHeader/>");
      expect(tableXml).toContain("<w:cantSplit/>");
      expect(tableXml).not.toContain("<w:drawing>");
    }
  });

  it("has real lists: bullets and numbers from the numbering definitions, not typed characters", async () => {
    const { files } = await unzip(viewFor(RURAL_COUNCIL.answers));
    const numbering = files["word/numbering.xml"] ?? "";
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    const xml = files["word/document.xml"] ?? "";
    expect([...xml.matchAll(/<w:numPr>/g)].length).toBeGreaterThan(100);
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    expect(texts.filter((text) => /^\s*[•·-]\s/.test(text))).toEqual([]);
  });

  it("has the chart as a picture with alternative text giving every score", async () => {
    const view = viewFor(RURAL_COUNCIL.answers);
    const { files, raw } = await unzip(view);
    const xml = files["word/document.xml"] ?? "";
    const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1] ?? "";
    for (const dimension of view.report.dimensions)
      expect(decode(descr)).toContain(`${dimension.name} ${dimension.score}`);
    const png = Object.entries(raw).find(([name]) => name.startsWith("word/media/"))?.[1];
    expect(png && Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");
  });

  it("sets the title, subject, creator and language, with no link in them", async () => {
    const { files } = await unzip(viewFor(RURAL_COUNCIL.answers));
    const core = decode(files["docProps/core.xml"] ?? "");
    expect(core).toContain(
      `<dc:title>Engagement readiness report and starter strategy: ${RURAL_COUNCIL.answers.organisation.orgName}</dc:title>`,
    );
    expect(core).toContain("<dc:creator>Engagement readiness assessment</dc:creator>");
    expect(core).toContain("<dc:language>en-GB</dc:language>");
    expect(/<dc:subject>[^<]+<\/dc:subject>/.exec(core)?.[0]).not.toMatch(/https?:|\/a\//);
    expect(files["word/styles.xml"]).toContain('w:lang w:val="en-GB"');
    expect(files["word/styles.xml"]).toContain('w:ascii="Arial"');
  });

  it("never holds the private link, the report's address or its host, in any part", async () => {
    const { raw } = await unzip(viewFor(RURAL_COUNCIL.answers));
    for (const [name, bytes] of Object.entries(raw)) {
      const text = Buffer.from(bytes).toString("latin1");
      expect(text.includes(TOKEN), name).toBe(false);
      expect(text.includes("readiness.example.org"), name).toBe(false);
    }
  });

  it("holds hostile input as text: markup, emoji, right-to-left and long words, without breaking the XML", async () => {
    const answers = hostileAnswers(RURAL_COUNCIL.answers);
    const view = viewFor(answers, `${MARKUP} ${CONTROL}`);
    const { files } = await unzip(view);
    for (const [name, xml] of Object.entries(files)) {
      // XML 1.0 cannot hold these: Word would refuse to open the file.
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml), name).toBe(false);
      expect(xml.includes("<script>"), name).toBe(false);
    }
    const text = paragraphs(files["word/document.xml"] ?? "")
      .map((paragraph) => paragraph.text)
      .join("\n");
    expect(text).toContain(MARKUP);
    expect(text).toContain(ARABIC);
    expect(text).toContain(HEBREW);
    expect(text).toContain("🙂");
    expect(text).toContain(HOSTILE.split("\n")[0]);
    expect(text).toContain("Nasty name reversed");
  });
});

describe("a workshop's Word document", () => {
  it("says where the team disagreed before section 1, and explains the measure in the method section", async () => {
    const base = viewFor(RURAL_COUNCIL.answers);
    const workshop = workshopFindings({
      participants: 3,
      namesShown: true,
      minAnswersWhenHidden: 3,
      limit: 8,
      questions: [
        {
          label: "Hours a week, in total",
          describe: { suffix: "hours a week" },
          spread: questionSpread({
            questionId: "teamHoursPerWeek",
            measure: "number",
            answers: [4, 10, 40].map((value, index) => ({ participantId: `p${index}`, value })),
          }),
          settled: { answer: "12 hours a week", reason: "Two part-time officers", settledBy: "Ana", settledAt: "x" },
        },
      ],
    });
    const { files } = await unzip({ ...base, workshop });
    const documentXml = files["word/document.xml"] ?? "";
    const headings = wordHeadings(documentXml).map((heading) => `${heading.level} ${heading.text}`);
    expect(headings.indexOf("1 Where your team disagreed")).toBeGreaterThan(-1);
    expect(headings.indexOf("1 Where your team disagreed")).toBeLessThan(headings.indexOf("1 The verdict"));
    expect(headings).toContain("2 Hours a week, in total");
    expect(headings).toContain("2 How the team's disagreement was measured");
    const text = paragraphs(documentXml)
      .map((paragraph) => paragraph.text)
      .join("\n");
    expect(text).toContain("12 hours a week");
    expect(text).toContain("Two part-time officers");
    expect(text).toContain("Answers ranged from 4 to 40 hours a week; the middle answer was 10");
    // Without a workshop, none of it.
    const plain = wordHeadings((await unzip(base)).files["word/document.xml"] ?? "").map((heading) => heading.text);
    expect(plain).not.toContain("Where your team disagreed");
    expect(plain).not.toContain("How the team's disagreement was measured");
  });
});

/** Each table's rows, each row its cells' text, in document order. */
function tableRows(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
        paragraphs(cell[1] ?? "")
          .map((paragraph) => paragraph.text)
          .join("\n"),
      ),
    ),
  );
}

describe("a re-assessment's Word document", () => {
  const { later, comparison, trend } = ruralCouncilReassessment();
  const first = viewFor(RURAL_COUNCIL.answers);
  function reassessedView(withTrend: boolean): ReportView {
    return buildReportView(later, storedAnswersFrom(RURAL_COUNCIL_IMPROVED), {
      completedBy: "Aroha Ngata",
      reportUrl: REPORT_URL,
      progress: { comparison, trend: withTrend ? trend : null },
    });
  }
  // Built once for the tests below: a document takes about a second.
  let twoVisits: Unzipped;
  let threeVisits: Unzipped;
  let firstVisit: Unzipped;
  beforeAll(async () => {
    [twoVisits, threeVisits, firstVisit] = await Promise.all([
      unzip(reassessedView(false)),
      unzip(reassessedView(true)),
      unzip(first),
    ]);
  }, 60_000);

  it("says what has changed before section 1, outside the numbering, and lists it first in the contents", () => {
    const xml = twoVisits.files["word/document.xml"] ?? "";
    const headings = wordHeadings(xml).map((heading) => `${heading.level} ${heading.text}`);
    const at = headings.indexOf(`1 ${COMPARISON_TITLE}`);
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(headings.indexOf("1 The verdict"));
    expect(headings.slice(at + 1, headings.indexOf("1 The verdict"))).toEqual([
      "2 In short",
      "2 Verdict and overall readiness",
      "2 Readiness by area",
      "2 Risks",
      "3 Risks no longer found",
      "3 New risks",
      ...(comparison.risks.continuing.length > 0 ? ["3 Risks found both times"] : []),
      "2 Stakeholder groups",
      "2 Steps from the last plan",
    ]);
    // Still ten numbered sections: this heading has no number of its own.
    expect([...xml.matchAll(/<w:pStyle w:val="Heading1"\/>(?:<w:pageBreakBefore\/>)?<w:numPr>/g)]).toHaveLength(10);
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    const contents = texts.slice(texts.indexOf("Contents"), texts.indexOf("Contents") + 4);
    expect(contents).toEqual([
      "Contents",
      COMPARISON_TITLE,
      `1. ${REPORT_SECTIONS[0]?.title}`,
      `2. ${REPORT_SECTIONS[1]?.title}`,
    ]);
  });

  it("gives the time between, the scores then and now with each change in words, and the risks no longer found", () => {
    const xml = twoVisits.files["word/document.xml"] ?? "";
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    expect(texts).toContain("Assessed on 16 April 2026 and again on 16 November 2026: 7 months apart (214 days).");
    expect(texts).toContain(comparison.summary.headline);
    const rows = tableRows(xml).flat();
    const safeguards = comparison.areas.find((area) => area.id === "safeguards");
    if (!safeguards || safeguards.change === null) throw new Error("no safeguards change");
    expect(safeguards.change).toBeGreaterThan(0);
    expect(rows).toContainEqual([
      safeguards.name,
      String(safeguards.then),
      String(safeguards.now),
      `Up ${safeguards.change} points`,
    ]);
    expect(rows).toContainEqual([
      "Overall readiness, out of 100",
      String(comparison.overall.then),
      String(comparison.overall.now),
      `Up ${comparison.overall.change} points`,
    ]);
    // The change is bold and in the brand colour, as a severity is set; the words say it anyway.
    const changeCell = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
      .map((cell) => cell[1] ?? "")
      .find((cell) => cell.includes(`>Up ${safeguards.change} points<`));
    expect(changeCell).toMatch(/<w:b\/>[\s\S]*<w:color w:val="0B4F5C"\/>/);
    // Risks no longer found, as a list under their heading, with how serious each was.
    const resolvedAt = texts.indexOf("Risks no longer found");
    const newAt = texts.indexOf("New risks");
    expect(comparison.risks.resolved.length).toBeGreaterThan(0);
    expect(texts.slice(resolvedAt, newAt)).toContain("Hostile groups, and no house rules (high risk)");
    for (const risk of comparison.risks.resolved)
      expect(texts.slice(resolvedAt, newAt)).toContain(`${risk.title} (${risk.severity} risk)`);
    // Every step of the last plan, with its status in words.
    for (const step of comparison.steps)
      expect(rows.some((row) => row[0] === step.action && row[1] === step.owner)).toBe(true);
    expect(rows.some((row) => row[2] === "Partly done")).toBe(true);
  });

  it("has real tables with header rows that repeat, and no trend with only two assessments", () => {
    const xml = twoVisits.files["word/document.xml"] ?? "";
    const headers = tableRows(xml).map((rows) => rows[0]);
    expect(headers).toContainEqual(["Area", "Then", "Now", "Change"]);
    expect(headers).toContainEqual(["Step", "Who", "Status", "Why"]);
    for (const tableXml of [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) => match[1] ?? "")) {
      expect(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/.exec(tableXml)?.[1]).toContain("<w:tblHeader/>");
    }
    expect(wordHeadings(xml).map((heading) => heading.text)).not.toContain("Readiness over time");
    // Only the readiness chart.
    expect(Object.keys(twoVisits.raw).filter((name) => name.startsWith("word/media/"))).toHaveLength(1);
  });

  it("with three assessments, shows the trend as a picture described in words, then its figures as a table", () => {
    const xml = threeVisits.files["word/document.xml"] ?? "";
    const headings = wordHeadings(xml).map((heading) => `${heading.level} ${heading.text}`);
    expect(headings.indexOf("2 Readiness over time")).toBeGreaterThan(headings.indexOf("2 Steps from the last plan"));
    expect(headings.indexOf("2 Readiness over time")).toBeLessThan(headings.indexOf("1 The verdict"));
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => decode(match[1] ?? ""));
    expect(descriptions).toContain(trendChartDescription(trend));
    expect(trendChartDescription(trend)).toContain("16 April 2026: ");
    const pngs = Object.entries(threeVisits.raw).filter(([name]) => name.startsWith("word/media/"));
    expect(pngs).toHaveLength(2);
    for (const [, bytes] of pngs) expect(Buffer.from(bytes.subarray(1, 4)).toString("latin1")).toBe("PNG");
    // The picture, then the table of the same figures.
    const pictureAt = descriptions.indexOf(trendChartDescription(trend));
    const blocks = [...xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>|<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(
      (match) => match[0],
    );
    const pictureBlock = blocks.filter((block) => block.startsWith("<w:drawing>"))[pictureAt] ?? "";
    const next = tableRows(blocks[blocks.indexOf(pictureBlock) + 1] ?? "")[0];
    expect(next?.[0]).toEqual(["Score", "16 April 2026", "3 August 2026", "16 November 2026"]);
    expect(next?.[1]).toEqual(["Overall readiness", ...trend.points.map((point) => String(point.overall))]);
    // Still the size the download list gives for a Word document.
    const hint = EXPORT_DOWNLOADS.find((download) => download.kind === "report-docx")?.sizeKb;
    expect(threeVisits.size / 1024).toBeLessThanOrEqual(hint?.max ?? 0);
  });

  it("has none of it for a first assessment", () => {
    const xml = firstVisit.files["word/document.xml"] ?? "";
    const text = paragraphs(xml)
      .map((paragraph) => paragraph.text)
      .join("\n");
    expect(text).not.toContain(COMPARISON_TITLE);
    expect(text).not.toContain("and again on");
    expect(text).not.toContain("Risks no longer found");
    expect(text).not.toContain("Steps from the last plan");
    expect(text).not.toContain("Readiness over time");
    expect(wordHeadings(xml).map((heading) => heading.text)).not.toContain("In short");
    expect(tableRows(xml).map((rows) => rows[0])).not.toContainEqual(["Area", "Then", "Now", "Change"]);
  });
});
