import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { METROPOLITAN_COUNCIL, STATUTORY_BODY } from "../test/fixtures/example-organisations";
import type { Iap2Level } from "./answers";
import type { BandId } from "./report-model";
import { BAND_LABELS, bandForIndex, bandForLevel } from "./verdict";

describe("band thresholds", () => {
  it.each<[number, BandId]>([
    [0, "not-ready"],
    [39, "not-ready"],
    [40, "inform-and-listen"],
    [54, "inform-and-listen"],
    [55, "inform-and-consult"],
    [69, "inform-and-consult"],
    [70, "involve"],
    [84, "involve"],
    [85, "collaborate"],
    [100, "collaborate"],
  ])("index %d -> %s", (index, band) => {
    expect(bandForIndex(index)).toBe(band);
  });

  it.each<[Iap2Level, BandId]>([
    ["inform", "inform-and-listen"],
    ["consult", "inform-and-consult"],
    ["involve", "involve"],
    ["collaborate", "collaborate"],
    ["empower", "collaborate"],
  ])("sustainable %s caps the band at %s", (level, band) => {
    expect(bandForLevel(level)).toBe(band);
  });
});

describe("gates lower the band whatever the average says", () => {
  it("a strong index with listening only on its own pages stays at inform and consult", () => {
    const report = scoreOf(STATUTORY_BODY.answers);
    expect(report.verdict.indexBand).toBe("collaborate");
    expect(report.verdict.band).toBe("inform-and-consult");
    expect(report.verdict.cappedBy.map((gate) => gate.id)).toEqual(["ceiling", "high-risk"]);
    expect(report.verdict.refs).toEqual(
      expect.arrayContaining([{ section: "engagementModel", questionId: "monitoringReach" }]),
    );
  });

  it("no house rules with a hostile group caps at inform and listen", () => {
    const answers = withAnswers(METROPOLITAN_COUNCIL.answers, (d) => {
      d.capacity.houseRules = "none";
      const residents = d.stakeholders.groups[0];
      if (residents) residents.sentiment = "hostile";
    });
    const report = scoreOf(answers);
    expect(report.verdict.band).toBe("inform-and-listen");
    expect(report.verdict.cappedBy.map((gate) => gate.id)).toContain("hostile-without-rules");
  });

  it("demand far above capacity caps at inform and listen", () => {
    const answers = withAnswers(METROPOLITAN_COUNCIL.answers, (d) => void (d.capacity.teamHoursPerWeek = 100));
    const report = scoreOf(answers);
    expect(report.verdict.band).toBe("inform-and-listen");
    expect(report.verdict.cappedBy.map((gate) => gate.id)).toContain("capacity");
    expect(report.verdict.sentence).toContain("of the questions it should expect");
  });

  it("weak listening turns 'inform, and listen' into not ready", () => {
    const answers = withAnswers(METROPOLITAN_COUNCIL.answers, (d) => {
      d.capacity.teamHoursPerWeek = 100;
      d.engagementModel.monitoringReach = "own-pages";
      d.engagementModel.actingOnInsight = "rarely";
      d.capacity.tools = ["scheduling"];
    });
    const report = scoreOf(answers);
    expect(report.verdict.band).toBe("not-ready");
    expect(report.verdict.cappedBy.map((gate) => gate.id)).toContain("listening-floor");
  });
});

describe("the verdict sentence", () => {
  it("names the organisation, states the band in words and gives the reason", () => {
    const report = scoreOf(METROPOLITAN_COUNCIL.answers);
    expect(report.verdict.bandLabel).toBe(BAND_LABELS.involve);
    expect(report.verdict.sentence).toBe(
      "Ville de Rivière-des-Érables is ready to involve its stakeholders online, but not yet to collaborate, because it has too little spare capacity for the slower, deeper work of collaboration.",
    );
  });

  it("reads well when the whole assessment is at its best", () => {
    const best = withAnswers(METROPOLITAN_COUNCIL.answers, (d) => {
      d.capacity.teamHoursPerWeek = 900;
      d.capacity.approvalNeed = "none";
      d.capacity.approvalTime = undefined;
      d.capacity.actualResponse = "1-hour";
    });
    const report = scoreOf(best);
    expect(report.verdict.band).toBe("collaborate");
    expect(report.verdict.sentence).toMatch(
      /^Ville de Rivière-des-Érables is ready to collaborate with its stakeholders online/,
    );
  });

  it("has a plain overall formula and contributions that add up to the index", () => {
    const report = scoreOf(METROPOLITAN_COUNCIL.answers);
    const total = report.overall.contributions.reduce((sum, item) => sum + item.points, 0);
    expect(Math.abs(total - report.overall.score)).toBeLessThanOrEqual(1);
  });
});
