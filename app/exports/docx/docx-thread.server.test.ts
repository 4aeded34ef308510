import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../scoring/score-assessment";
import { RURAL_COUNCIL } from "../../../test/fixtures/example-organisations";
import { storedAnswersFrom } from "../../questionnaire/stored-answers";
import { buildReportView } from "../../report/report-view";
import { buildReportDocxOffThread, findDocxWorkerEntry, stopDocxWorker } from "./docx-thread.server";

afterAll(stopDocxWorker);

const report = scoreAssessment({
  answers: RURAL_COUNCIL.answers,
  questionnaireVersion: "2026-12",
  assessedOn: "2026-11-29",
});
const view = buildReportView(report, storedAnswersFrom(RURAL_COUNCIL.answers), { completedBy: null, reportUrl: "" });

function documentXml(docx: Buffer): string {
  return strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"] ?? new Uint8Array());
}

describe("building the Word document off the main thread", () => {
  it("finds the worker script: the bundled one in a build, the source through tsx here", () => {
    const entry = findDocxWorkerEntry();
    expect(entry?.description).toMatch(/docx-worker\.server\.ts \(through tsx\)$/);
    expect(findDocxWorkerEntry("file:///nowhere/at/all/index.js")).toBeNull();
  });

  it("builds the same document on the worker, while the main thread stays free", async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 10);
    try {
      const docx = await buildReportDocxOffThread(view);
      expect(documentXml(docx)).toContain(RURAL_COUNCIL.answers.organisation.orgName);
      // A build takes half a second or more; the main thread ran its timer all along.
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(timer);
    }
  }, 60_000);

  it("fails one build clearly when the worker dies, and the next build starts a fresh worker", async () => {
    const building = buildReportDocxOffThread(view);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stopDocxWorker();
    await expect(building).rejects.toThrow(/worker stopped|worker failed/);
    const docx = await buildReportDocxOffThread(view);
    expect(documentXml(docx)).toContain("The verdict");
  }, 60_000);
});
