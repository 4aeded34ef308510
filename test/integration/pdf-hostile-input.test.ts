/**
 * What people type must never break the PDF: markup, emoji, right-to-left scripts, characters no
 * font has and 2,000-character words render as text, inside the page, without crashing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView } from "../../app/report/report-view";
import { breakLongWord, LONG_WORD_LIMIT, pdfSafeData, pdfText, REPLACEMENT_CHARACTER } from "../../app/pdf/pdf-text";
import { renderReportPdf } from "../../app/pdf/render-report.server";
import type { AssessmentAnswers } from "../../scoring/answers";
import { scoreAssessment } from "../../scoring/score-assessment";
import { LARGEST_EXAMPLE, RURAL_COUNCIL } from "../fixtures/example-organisations";
import { headingsOf, readTaggedPdf } from "../support/pdf-structure";

const dir = mkdtempSync(path.join(tmpdir(), "pdf-hostile-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MARKUP = "<script>alert(1)</script>";
const ARABIC = "مجلس مدينة الرياض";
const HEBREW = "עיריית תל אביב";
const LONG_WORD = "A".repeat(2000);

// Public Sans and DejaVu Sans between them: Latin, Arabic, Hebrew; no emoji, no CJK.
const covers = (codePoint: number) => codePoint < 0x2e80 || codePoint === 0xfffd;

describe("pdfText", () => {
  it("leaves ordinary text, accents and markup exactly as typed", () => {
    for (const text of [
      "Te Kaunihera o Tāmaki Makaurau",
      "Municipalité de Lévis",
      MARKUP,
      "A & B <b>",
      "line\nbreak",
    ]) {
      expect(pdfText(text, covers)).toBe(text);
    }
  });

  it("drops emoji no font can draw, without leaving double spaces", () => {
    expect(pdfText("We love 🙂 our 🏛️ council 👍🏽", covers)).toBe("We love our council");
    expect(pdfText("🇳🇿 Aotearoa", covers)).toBe("Aotearoa");
    expect(pdfText("Family: 👨‍👩‍👧 done", covers)).toBe("Family: done");
  });

  it("keeps right-to-left text the fonts cover, and replaces what no font has", () => {
    expect(pdfText(`${ARABIC} / ${HEBREW}`, covers)).toBe(`${ARABIC} / ${HEBREW}`);
    expect(pdfText("市议会 council", covers)).toBe(`${REPLACEMENT_CHARACTER.repeat(3)} council`);
  });

  it("removes control characters and bidi overrides that would scramble a line", () => {
    expect(pdfText("Nasty\u0000\u0007 name\u202E reversed\u202C\r\nnext", covers)).toBe("Nasty name reversed\nnext");
    expect(pdfText("tab\there", covers)).toBe("tab here");
  });

  it("cleans every string in a nested value and keeps its shape", () => {
    const value = { a: ["ok 🙂", { b: "x\u0000y", n: 3, none: null }], c: true };
    expect(pdfSafeData(value, covers)).toEqual({ a: ["ok", { b: "xy", n: 3, none: null }], c: true });
  });
});

describe("breakLongWord", () => {
  it("leaves normal words whole: hyphenation is off", () => {
    for (const word of ["responsibilities", "Rivière-des-Érables", "counter-intuitively-long-compound"]) {
      if (word.length <= LONG_WORD_LIMIT) expect(breakLongWord(word)).toEqual([word]);
    }
    expect(breakLongWord("https://example.org/a/abcdefghijklmnopqrstuvwxyz0123456789/report")).toHaveLength(1);
  });

  it("splits a 2,000-character word into short chunks that add up to the word", () => {
    const parts = breakLongWord(LONG_WORD);
    expect(parts.join("")).toBe(LONG_WORD);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(LONG_WORD_LIMIT);
  });

  it("splits long unbroken text after punctuation first", () => {
    const parts = breakLongWord("first.part/second_part?third=part&fourth@example");
    expect(parts.join("")).toBe("first.part/second_part?third=part&fourth@example");
    expect(parts[0]).toBe("first.");
  });
});

function hostileAnswers(base: AssessmentAnswers): AssessmentAnswers {
  const hostile = `${MARKUP} 🙂🏛️ ${ARABIC} ${HEBREW} ${LONG_WORD}`;
  const [first, ...others] = base.stakeholders.groups;
  if (!first) throw new Error("fixture has no groups");
  return {
    ...base,
    organisation: { ...base.organisation, orgName: `${MARKUP} Te Kaunihera 🙂 ${ARABIC} ${LONG_WORD}` },
    stakeholders: {
      ...base.stakeholders,
      purposeReasons: { ...base.stakeholders.purposeReasons, share: hostile },
      groups: [{ ...first, why: hostile, expectations: hostile }, ...others],
    },
  };
}

type Word = { page: number; xMax: number; yMax: number; text: string };

function words(file: string): { pageWidth: number; pageHeight: number; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
  const found: Word[] = [];
  html.split("<page ").forEach((page, index) => {
    for (const match of page.matchAll(
      /<word xMin="[\d.-]+" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
    )) {
      found.push({ page: index, xMax: Number(match[1]), yMax: Number(match[2]), text: match[3] ?? "" });
    }
  });
  return { pageWidth: Number(size?.[1]), pageHeight: Number(size?.[2]), words: found };
}

describe("a report full of hostile input", () => {
  for (const example of [LARGEST_EXAMPLE, RURAL_COUNCIL]) {
    it(`renders ${example.key} with markup, emoji, right-to-left text and a 2,000-character word`, async () => {
      const answers = hostileAnswers(example.answers);
      const report = scoreAssessment({ answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
      const view = buildReportView(report, storedAnswersFrom(answers), {
        completedBy: `${MARKUP} 🙂`,
        reportUrl: "https://example.org/a/TOKEN/report",
      });
      const pdf = await renderReportPdf(view, { pageSize: "A4", document: "full" });
      const file = path.join(dir, `${example.key}.pdf`);
      writeFileSync(file, pdf);

      const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
      // Markup is printed as the characters typed, never interpreted.
      expect(text).toContain(MARKUP);
      // Right-to-left words are there (pdftotext may give them in visual order).
      const letters = text.replace(/\s+/g, "");
      for (const word of [...ARABIC.split(" "), ...HEBREW.split(" ")]) {
        const reversed = Array.from(word).reverse().join("");
        expect(letters.includes(word) || letters.includes(reversed), `${word} in the PDF`).toBe(true);
      }
      expect(text).not.toContain("🙂");
      // The long word wraps: all 2,000 letters are there, in lines no wider than the page.
      const pageInfo = words(file);
      expect(pageInfo.words.length).toBeGreaterThan(1000);
      for (const word of pageInfo.words) {
        expect(word.xMax, `"${word.text.slice(0, 20)}" on page ${word.page}`).toBeLessThanOrEqual(
          pageInfo.pageWidth - 20,
        );
        expect(word.yMax, `"${word.text.slice(0, 20)}" on page ${word.page}`).toBeLessThanOrEqual(pageInfo.pageHeight);
      }
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
      expect(pages).toBeGreaterThan(20);
      expect(pages).toBeLessThan(90);

      // Still a well-formed tagged PDF: markup in the title is escaped in the XMP metadata, and
      // everything drawn (right-to-left runs, fallback fonts, broken words) is in the structure.
      const raw = readFileSync(file, "utf8");
      const xmp = raw.slice(raw.indexOf("<?xpacket begin"), raw.indexOf("<?xpacket end"));
      expect(xmp).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Te Kaunihera");
      expect(xmp).not.toContain(MARKUP);
      const tagged = await readTaggedPdf(pdf);
      expect(tagged.unmarked).toEqual([]);
      expect(tagged.orphanMcids).toEqual([]);
      expect(headingsOf(tagged.root)[0]?.[1]).toContain(MARKUP);
    }, 180_000);
  }
});
