/**
 * What tagging costs: the largest example's report rendered in this thread, tagged and untagged
 * (the same document with `tagged` off) in alternation, so both see the same machine load; the
 * medians and the difference. Run with `npm run bench:pdf-tags` (BENCH_RUNS, default 15 each).
 * A measurement, not a test: it never fails.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { cloneElement } from "react";
import { pdfFonts } from "../../app/pdf/fonts.server";
import { pdfSafeData } from "../../app/pdf/pdf-text";
import { ReportDocument } from "../../app/pdf/report-document";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { buildReportView } from "../../app/report/report-view";
import { scoreAssessment } from "../../scoring/score-assessment";
import { LARGEST_EXAMPLE } from "../fixtures/example-organisations";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const example = LARGEST_EXAMPLE;
const report = scoreAssessment({ answers: example.answers, questionnaireVersion: "2026-11", assessedOn: "2026-11-21" });
const view = buildReportView(report, storedAnswersFrom(example.answers), {
  completedBy: "Aroha Ngata, Director of Communications",
  reportUrl: "https://example.org/a/TOKEN/report",
});
const fonts = await pdfFonts();
const safeView = { ...pdfSafeData(view, fonts.covers), reportUrl: view.reportUrl };
const tagged = ReportDocument({ view: safeView, pageSize: "A4", fontFamily: fonts.fontFamily });
const untagged = cloneElement(tagged, { tagged: false });

async function time(element: typeof tagged): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const pdf = await renderToBuffer(element);
  return { ms: performance.now() - started, bytes: pdf.length };
}

// Warm up both paths before measuring.
for (let run = 0; run < 3; run += 1) {
  await time(tagged);
  await time(untagged);
}
const results = { tagged: [] as number[], untagged: [] as number[] };
let sizes = { tagged: 0, untagged: 0 };
for (let run = 0; run < RUNS; run += 1) {
  // Alternate which goes first, so neither always follows the other's garbage.
  const order = run % 2 === 0 ? (["tagged", "untagged"] as const) : (["untagged", "tagged"] as const);
  for (const kind of order) {
    const { ms, bytes } = await time(kind === "tagged" ? tagged : untagged);
    results[kind].push(ms);
    sizes = { ...sizes, [kind]: bytes };
  }
}
const withTags = median(results.tagged);
const without = median(results.untagged);
console.log(`Report PDF (${example.name}), ${RUNS} renders each, in this thread, node ${process.version}`);
console.log(`  untagged  median ${without.toFixed(0)} ms  (${(sizes.untagged / 1024).toFixed(0)} KB)`);
console.log(`  tagged    median ${withTags.toFixed(0)} ms  (${(sizes.tagged / 1024).toFixed(0)} KB)`);
console.log(
  `  tagging adds ${(withTags - without).toFixed(0)} ms (${(((withTags - without) / without) * 100).toFixed(0)}%)`,
);
