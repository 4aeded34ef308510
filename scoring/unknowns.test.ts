import { describe, expect, it } from "vitest";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { minimalAnswers } from "../test/fixtures/answer-arbitraries";
import { METROPOLITAN_COUNCIL, UNCERTAIN_NON_PROFIT } from "../test/fixtures/example-organisations";
import type { AssessmentAnswers } from "./answers";
import { organisationProfile } from "./organisation-profile";
import { listThingsToFindOut as listFor } from "./unknowns";

function listThingsToFindOut(answers: AssessmentAnswers) {
  return listFor(answers, organisationProfile(answers).roles);
}

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
      "question-share",
      "peaks",
      "actual-response",
      "key-messages",
      "expert-access",
      "house-rules",
      "moderation-model",
      "escalation-path",
      "offline-guidance",
      "abuse-frequency",
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

  it("names who can find out from the roles the organisation can be expected to have", () => {
    const small = withAnswers(minimalAnswers(), (d) => {
      d.capacity.teamPeople = 1;
      d.organisation.staffCount = 40;
    });
    const who = listThingsToFindOut(small).map((thing) => thing.whoCanFindOut);
    expect(who.join(" ")).not.toMatch(/Director of communications|Records manager|IT security team/);
    expect(who).toContain("Your IT provider");
  });

  it("lists hours, people and channels not known, never reading them as zero", () => {
    const unknown = withAnswers(minimalAnswers(), (d) => {
      d.capacity.teamHoursPerWeek = "unknown";
      d.capacity.teamPeople = "unknown";
      d.organisation.channels = ["unknown"];
    });
    const things = listThingsToFindOut(unknown);
    expect(things.map((thing) => thing.id)).toEqual(expect.arrayContaining(["team-hours", "team-people", "channels"]));
    expect(things.find((thing) => thing.id === "team-hours")?.assumption).toMatch(/promises no reply time/);
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
