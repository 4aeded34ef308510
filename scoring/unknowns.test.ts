import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL, UNCERTAIN_NON_PROFIT } from "../test/fixtures/example-organisations";
import { listThingsToFindOut } from "./unknowns";

describe("things to find out", () => {
  it("is empty when nothing was 'I don't know'", () => {
    expect(listThingsToFindOut(METROPOLITAN_COUNCIL.answers)).toEqual([]);
  });

  it("lists every unknown answer with the assumption, why it matters and who can find out", () => {
    const things = listThingsToFindOut(minimalAnswers());
    expect(things.map((thing) => thing.id)).toEqual([
      "sentiment-residents",
      "online-residents",
      "content-calendar",
      "evergreen-reserve",
      "consistent-tone",
      "monitoring-reach",
      "acting-on-insight",
      "reply-practice",
      "adoption-stage",
      "account-access",
      "out-of-hours-protocol",
      "actual-response",
      "key-messages",
      "expert-access",
      "house-rules",
      "moderation-model",
      "escalation-path",
      "offline-guidance",
      "training",
      "records-capture",
      "two-factor",
      "budget",
    ]);
    for (const thing of things) {
      expect(thing.assumption).toMatch(/^We /);
      expect(thing.whyItMatters.length).toBeGreaterThan(20);
      expect(thing.whoCanFindOut.length).toBeGreaterThan(3);
      expect(thing.refs.length).toBe(1);
    }
  });

  it("lists an estimated volume and each unknown band used to estimate it", () => {
    const ids = listThingsToFindOut(UNCERTAIN_NON_PROFIT.answers).map((thing) => thing.id);
    expect(ids).toEqual(
      expect.arrayContaining(["volume", "followers", "posting-frequency", "comments-per-post", "approval-time"]),
    );
  });

  it("does not list follow-up questions that were not asked", () => {
    const answers = withAnswers(minimalAnswers(), (d) => {
      d.capacity.approvalNeed = "none";
      d.capacity.approvalTime = undefined;
    });
    expect(listThingsToFindOut(answers).map((thing) => thing.id)).not.toContain("approval-time");
  });

  it("is counted in the report's meta and named in the verdict when there are many", () => {
    const report = scoreOf(UNCERTAIN_NON_PROFIT.answers);
    expect(report.meta.unknownCount).toBe(report.thingsToFindOut.length);
    expect(report.verdict.sentence).toContain(`"I don't know" to ${report.thingsToFindOut.length} questions`);
  });
});
