/**
 * Scoring benchmark: scores each example organisation many times after a warm-up and prints the
 * median and 95th percentile in milliseconds per report. Budget: under 5 ms median.
 *
 * Run with `npm run bench:scoring` (or `npx tsx test/bench/scoring-bench.ts`). Not a timed test:
 * timings depend on the machine, so CI does not fail on them.
 */
import { scoreAssessment } from "../../scoring/score-assessment";
import { EXAMPLE_ORGANISATIONS, LARGEST_EXAMPLE } from "../fixtures/example-organisations";

const WARM_UP_RUNS = 300;
const MEASURED_RUNS = 3000;
const BUDGET_MS = 5;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const rows: { example: string; median: number; p95: number; bytes: number }[] = [];
let sink = 0;
for (const example of EXAMPLE_ORGANISATIONS) {
  const input = {
    answers: example.answers,
    questionnaireVersion: example.questionnaireVersion,
    assessedOn: example.assessedOn,
  };
  for (let i = 0; i < WARM_UP_RUNS; i += 1) sink += scoreAssessment(input).overall.score;
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const start = performance.now();
    const report = scoreAssessment(input);
    times.push(performance.now() - start);
    sink += report.overall.score;
  }
  times.sort((a, b) => a - b);
  const bytes = JSON.stringify(scoreAssessment(input)).length;
  rows.push({
    example: `${example.name}${example === LARGEST_EXAMPLE ? " (largest)" : ""}`,
    median: percentile(times, 50),
    p95: percentile(times, 95),
    bytes,
  });
}

console.log(
  `Scoring benchmark: ${MEASURED_RUNS} runs per example after ${WARM_UP_RUNS} warm-up runs (node ${process.version})`,
);
console.log("");
console.log(`${"Example".padEnd(52)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)} ${"JSON kB".padStart(9)}`);
for (const row of rows) {
  console.log(
    `${row.example.padEnd(52)} ${row.median.toFixed(3).padStart(10)} ${row.p95.toFixed(3).padStart(10)} ${(row.bytes / 1024).toFixed(1).padStart(9)}`,
  );
}
const worst = Math.max(...rows.map((row) => row.median));
console.log("");
console.log(
  worst < BUDGET_MS
    ? `Within budget: worst median ${worst.toFixed(3)} ms < ${BUDGET_MS} ms.`
    : `OVER BUDGET: worst median ${worst.toFixed(3)} ms >= ${BUDGET_MS} ms.`,
);
// NOTE: keeps the optimiser from discarding the work.
if (sink < 0) console.log(sink);
