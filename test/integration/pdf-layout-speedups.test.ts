/**
 * The copy-saving paths in our react-pdf layout patch (patches/README.md, "Less copying in
 * layout"): styles resolved once and kept, yoga's results read in one pass, and layout steps that
 * change nothing keeping the nodes they were given. They must change nothing in the file: each
 * document here, rendered with them off and on, is the same PDF byte for byte apart from the
 * creation date and identifier, both on a first render and on one that reuses the page count.
 */
import { configureLayoutSpeedups } from "@react-pdf/layout";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportPdfFile, type RenderPdfOptions } from "../../app/pdf/render-report.server";
import type { ReportView } from "../../app/report/report-view";
import { LARGEST_EXAMPLE, SMALL_SHIRE, STATE_AGENCY } from "../fixtures/example-organisations";
import { exampleReportView } from "../support/example-report-view";
import { hostileAnswers } from "../support/hostile-input";
import { comparablePdf } from "../support/pdf-bytes";

const TIMEOUT = 240_000;
afterAll(() => configureLayoutSpeedups({ enabled: true }));

/** The document rendered as the server first does, then again with that render's page count. */
async function renderBoth(view: ReportView, options: RenderPdfOptions, enabled: boolean): Promise<[string, string]> {
  configureLayoutSpeedups({ enabled });
  const first = await renderReportPdfFile(view, options);
  const again = await renderReportPdfFile(view, options, first.layout);
  return [comparablePdf(first.pdf), comparablePdf(again.pdf)];
}

const cases: { name: string; view: () => ReportView; options: RenderPdfOptions }[] = [
  {
    name: "the largest full report, A4",
    view: () => exampleReportView(LARGEST_EXAMPLE),
    options: { pageSize: "A4", document: "full" },
  },
  {
    name: "a board summary, US Letter",
    view: () => exampleReportView(SMALL_SHIRE),
    options: { pageSize: "LETTER", document: "summary" },
  },
  {
    name: "a full report with markup, emoji, right-to-left text and a 2,000-character word",
    view: () => exampleReportView({ ...STATE_AGENCY, answers: hostileAnswers(STATE_AGENCY.answers) }),
    options: { pageSize: "A4", document: "full" },
  },
];

describe("the layout patch's copy-saving paths", () => {
  for (const { name, view, options } of cases) {
    it(
      `make the same file for ${name}`,
      async () => {
        const reportView = view();
        const [offFirst, offAgain] = await renderBoth(reportView, options, false);
        const [onFirst, onAgain] = await renderBoth(reportView, options, true);
        expect(onFirst.length).toBeGreaterThan(10_000);
        expect(onFirst).toBe(offFirst);
        expect(onAgain).toBe(offAgain);
      },
      TIMEOUT,
    );
  }
});
