/**
 * The report fits the groups and the organisation it is about: groups the organisation deals with
 * directly are not sent to the front counter, a risk names only what is actually missing, a plan
 * risk is about plans, and the first step starts from what is already there.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArb } from "../test/fixtures/answer-arbitraries";
import { scoreOf, withAnswers } from "../test/fixtures/answer-builders";
import { RURAL_COUNCIL, STATUTORY_BODY } from "../test/fixtures/example-organisations";
import type { AnswerRef, AssessmentAnswers } from "./answers";
import { directRoutes } from "./group-names";
import { levelRank } from "./levels";
import { organisationProfile } from "./organisation-profile";
import type { Recommendation } from "./report-model";

const RUNS = 150;

/** The rural council, with its elected members involved today and wanting to stay so. */
const councillorsInvolved = withAnswers(RURAL_COUNCIL.answers, (d) => {
  const level = d.engagementModel.levels.find((entry) => entry.groupId === "elected-members");
  if (level) {
    level.current = "involve";
    level.desired = "involve";
  }
});

describe("groups the organisation deals with directly", () => {
  it("keep their own routes when the public channels step back, and are not told to use the front counter", () => {
    const report = scoreOf(councillorsInvolved);
    const gap = report.engagementGaps.find((entry) => entry.groupId === "elected-members");
    expect(gap?.action).toBe("step-back");
    expect(gap?.nextStep).toContain("briefings, meetings and direct contact");
    expect(gap?.nextStep).not.toContain("front counter");
    const stepBack = report.recommendations.find((rec) => rec.id === "rec-gap-step-back");
    expect(stepBack?.firstStep).toContain("Tell elected members directly");
    expect(stepBack?.firstStep).not.toMatch(/saying what elected members can expect/);
    // Telling them can wait: nothing changes in how the council works with its councillors.
    expect(stepBack?.title).toBe("Tell elected members what your public channels can offer them for now");
    expect(stepBack?.priority).toBe("later");
  });

  it("share a step back with the public: the public's note leads", () => {
    const both = withAnswers(councillorsInvolved, (d) => {
      const residents = d.engagementModel.levels.find((entry) => entry.groupId === "residents");
      if (residents) residents.current = "involve";
    });
    const stepBack = scoreOf(both).recommendations.find((rec) => rec.id === "rec-gap-step-back");
    expect(stepBack?.title).toBe("Bring what you promise residents and elected members back to what you can keep");
    expect(stepBack?.firstStep).toMatch(/^Post a short, honest note on each channel saying what residents can expect/);
    expect(stepBack?.firstStep).toContain("Tell elected members directly");
  });

  it("are not a plan risk: involving your own staff does not wait on the public channels", () => {
    const staffInvolved = withAnswers(RURAL_COUNCIL.answers, (d) => {
      d.stakeholders.groups.push({
        id: "staff",
        kind: "staff",
        name: "Your own staff",
        why: "They run the services people ask about.",
        influence: "medium",
        interest: "high",
        sentiment: "supportive",
        online: ["email"],
      });
      d.engagementModel.levels.push({ groupId: "staff", current: "inform", desired: "collaborate" });
    });
    const plan = scoreOf(staffInvolved).risks.find((risk) => risk.id === "ambition-beyond-capacity");
    expect(plan?.explanation ?? "").not.toContain("your own staff");
  });

  it("never get the public's other routes in a step back (property)", () => {
    fc.assert(
      fc.property(answersArb, (answers: AssessmentAnswers) => {
        const report = scoreOf(answers);
        const routes = organisationProfile(answers).vocabulary.otherRoutes;
        for (const gap of report.engagementGaps) {
          const group = answers.stakeholders.groups.find((entry) => entry.id === gap.groupId);
          if (!group || gap.action !== "step-back" || directRoutes(group) === null) continue;
          if (gap.current !== gap.desired && gap.sustainable === gap.desired) continue;
          expect(gap.nextStep).not.toContain(routes);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the plan risk", () => {
  it("is about groups the organisation plans to take further, not groups already at the level wanted", () => {
    const report = scoreOf(councillorsInvolved);
    const plan = report.risks.find((risk) => risk.id === "ambition-beyond-capacity");
    expect(plan?.explanation ?? "").not.toContain("elected members");
  });

  it("names exactly the public groups whose wanted level is above today's (property)", () => {
    fc.assert(
      fc.property(answersArb, (answers: AssessmentAnswers) => {
        const report = scoreOf(answers);
        const plan = report.risks.find((risk) => risk.id === "ambition-beyond-capacity");
        const planned = report.engagementGaps.filter((gap) => {
          const group = answers.stakeholders.groups.find((entry) => entry.id === gap.groupId);
          const direct = group !== undefined && directRoutes(group) !== null;
          return gap.shortfallLevels >= 2 && levelRank(gap.desired) > levelRank(gap.current) && !direct;
        });
        expect(plan !== undefined).toBe(planned.length > 0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the heated-project risk names only what is missing", () => {
  const base = withAnswers(RURAL_COUNCIL.answers, (d) => {
    d.capacity.escalationPath = "yes";
    d.capacity.keyMessages = "partly";
    d.capacity.houseRules = "draft";
  });

  it("says the house rules are in draft, and says nothing of the escalation path or key messages in place", () => {
    const risk = scoreOf(base).risks.find((entry) => entry.id === "contentious-project-hostile");
    expect(risk?.explanation).toContain("You are not ready for it yet: your house rules are still in draft.");
    expect(risk?.explanation).not.toMatch(/escalation|key messages/);
  });

  it("lists each missing part when several are", () => {
    const none = withAnswers(base, (d) => {
      d.capacity.escalationPath = "no";
      d.capacity.keyMessages = "no";
      d.capacity.houseRules = "none";
    });
    const risk = scoreOf(none).risks.find((entry) => entry.id === "contentious-project-hostile");
    expect(risk?.explanation).toContain(
      "you have no published house rules, there is no agreed way to pass posts up the line and there are no approved key messages",
    );
  });

  it("calls hostile and divided groups by both words, not just 'wary'", () => {
    const mixed = withAnswers(base, (d) => {
      const residents = d.stakeholders.groups.find((group) => group.id === "residents");
      if (residents) residents.sentiment = "mixed";
    });
    const risk = scoreOf(mixed).risks.find((entry) => entry.id === "contentious-project-hostile");
    // The residents are divided, the landowners and campaigners hostile.
    expect(risk?.explanation).toContain("are already hostile or divided");
  });
});

describe("the first step on house rules starts from what exists", () => {
  const firstStep = (houseRules: AssessmentAnswers["capacity"]["houseRules"]) =>
    scoreOf(withAnswers(RURAL_COUNCIL.answers, (d) => void (d.capacity.houseRules = houseRules))).recommendations.find(
      (rec) => rec.linkedTo.kind === "risk" && rec.linkedTo.riskId === "hostile-without-rules",
    )?.firstStep;

  it("finishes a draft rather than starting one", () => {
    expect(firstStep("draft")).toMatch(/^Check your draft house rules/);
    expect(firstStep("none")).toMatch(/^Draft a one-page house rules page/);
  });

  it("asks only for moderation when the rules are published but comments are checked on complaint", () => {
    const step = firstStep("published");
    expect(step).toMatch(/^Agree who checks comments/);
    expect(step).not.toMatch(/draft/i);
  });
});

describe("reply times in words", () => {
  it("does not say 'about under an hour'", () => {
    const fast = withAnswers(RURAL_COUNCIL.answers, (d) => {
      d.capacity.teamHoursPerWeek = 120;
      d.capacity.teamPeople = 3;
      d.capacity.volumeKnowledge = "known";
      d.capacity.weeklyVolume = 350;
      d.capacity.questionShare = "about-half";
      d.capacity.coverHours = "extended-hours";
      d.capacity.coverDays = "weekdays";
      d.capacity.approvalNeed = "sensitive-only";
      d.capacity.approvalTime = "same-day";
      d.capacity.actualResponse = "1-working-day";
      delete d.capacity.followers;
      delete d.capacity.postingFrequency;
      delete d.capacity.commentsPerPost;
    });
    const { capacity } = scoreOf(fast);
    const reconciliation = capacity.response.reconciliation;
    expect(reconciliation).toContain("we would expect under an hour.");
    // Said once, after the reply-time figures, not again in the section's opening summary.
    expect(capacity.summary).not.toContain("You told us replies take");
  });
});

describe("the accounts step starts from what exists", () => {
  const titleWith = (
    governance: AssessmentAnswers["engagementModel"]["governance"],
    accountAccess: AssessmentAnswers["capacity"]["accountAccess"] = "shared-managed",
  ) =>
    scoreOf(
      withAnswers(RURAL_COUNCIL.answers, (d) => {
        d.engagementModel.governance = governance;
        d.capacity.accountAccess = accountAccess;
        d.capacity.teamPeople = 3;
      }),
    ).recommendations.find((rec) => rec.linkedTo.kind === "risk" && rec.linkedTo.riskId === "no-governance-basics");

  it("asks only for the list when every account already has an owner", () => {
    const rec = titleWith(["policy", "account-owners"]);
    expect(rec?.title).toBe("List every account and its owner");
    expect(rec?.firstStep).toContain("check each still has its named owner");
  });

  it("asks for owners too when there are none", () => {
    expect(titleWith(["policy", "account-inventory"])?.title).toBe("Name an owner for every account and list them all");
  });

  it("keeps the list the access step makes, rather than asking for it twice", () => {
    const rec = titleWith(["policy", "account-owners"], "shared-informally");
    expect(rec?.title).toBe("Keep the list of accounts up to date");
    const access = scoreOf(
      withAnswers(RURAL_COUNCIL.answers, (d) => {
        d.engagementModel.governance = ["policy", "account-owners"];
        d.capacity.accountAccess = "shared-informally";
        d.capacity.teamPeople = 3;
      }),
    ).recommendations.find(
      (item) => item.linkedTo.kind === "risk" && item.linkedTo.riskId === "single-person-accounts",
    );
    expect(access?.firstStep).toMatch(/^List every account/);
  });
});

describe("holding a group until the foundations are in place", () => {
  it("says what comes after, when another step already puts the foundation in place", () => {
    // Residents want consult; the rural council's missing house rules already have their own step.
    const hold = scoreOf(
      withAnswers(RURAL_COUNCIL.answers, (d) => {
        d.capacity.teamHoursPerWeek = 80;
        d.capacity.teamPeople = 3;
        d.capacity.houseRules = "draft";
      }),
    ).recommendations.find((rec) => rec.id === "rec-gap-foundations");
    expect(hold?.firstStep).toMatch(/^Once you have .*\(another step in this plan\), raise what you offer/);
  });

  it("starts on the foundation itself when no other step does", () => {
    const report = scoreOf(
      withAnswers(RURAL_COUNCIL.answers, (d) => {
        d.capacity.teamHoursPerWeek = 80;
        d.capacity.teamPeople = 3;
        d.capacity.houseRules = "published";
        d.capacity.moderationModel = "none";
        for (const group of d.stakeholders.groups) group.sentiment = "supportive";
      }),
    );
    const hold = report.recommendations.find((rec) => rec.id === "rec-gap-foundations");
    expect(hold?.firstStep).toBe(
      "Start on what stands between residents and the next level: someone set to moderate comments.",
    );
  });
});

describe("the order of steps of equal priority", () => {
  const key = (item: AnswerRef) => `${item.section}|${item.questionId}`;
  const within = (inner: readonly AnswerRef[], outer: readonly AnswerRef[]) =>
    inner.length > 0 && inner.every((item) => outer.some((other) => key(other) === key(item)));

  it("puts a step that lifts the verdict before the others, after briefing the leaders (property)", () => {
    fc.assert(
      fc.property(answersArb, (answers: AssessmentAnswers) => {
        const report = scoreOf(answers);
        const foundation = new Set(report.risks.filter((risk) => risk.kind === "foundation").map((risk) => risk.id));
        const lifts = (rec: Recommendation) =>
          rec.id === "rec-brief-leadership" ||
          (rec.linkedTo.kind === "risk" &&
            foundation.has(rec.linkedTo.riskId) &&
            report.verdict.cappedBy.some((gate) => within(gate.refs, rec.refs) || within(rec.refs, gate.refs)));
        report.recommendations.forEach((later, index) => {
          for (const earlier of report.recommendations.slice(0, index)) {
            if (earlier.phase !== later.phase || earlier.priorityScore !== later.priorityScore) continue;
            expect(!lifts(earlier) && lifts(later), `${earlier.id} before ${later.id}`).toBe(false);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the content plan while the channels only inform", () => {
  it("points people to the formal ways to take part, and only then invites comment", () => {
    const themes = (answers: AssessmentAnswers) =>
      scoreOf(answers).strategy.contentPlan.map((week) => `${week.theme}: ${week.angle}`);
    // The rural council can keep no group above inform.
    const informOnly = themes(RURAL_COUNCIL.answers).find((theme) => theme.startsWith("Have your say"));
    expect(informOnly).toMatch(/^Have your say: how to take part: .*in writing, at a meeting or by phone/);
    const consulting = themes(STATUTORY_BODY.answers).find((theme) => theme.startsWith("Have your say"));
    expect(consulting).toMatch(/^Have your say: open consultations/);
  });
});

describe("an organisation held at informing that already answers its questions", () => {
  const answering = withAnswers(RURAL_COUNCIL.answers, (d) => {
    d.capacity.teamHoursPerWeek = 120;
    d.capacity.teamPeople = 3;
    d.capacity.houseRules = "draft";
    d.engagementModel.replyPractice = "every-genuine-question";
    d.engagementModel.monitoringReach = "systematic";
    d.engagementModel.actingOnInsight = "systematically";
  });

  it("is told it may keep answering, and is held back only from asking for views", () => {
    const report = scoreOf(answering);
    expect(report.verdict.band).toBe("inform-and-listen");
    expect(report.verdict.sentence).toContain(
      "is ready to inform, and to listen, and can keep answering the questions people bring it, but is not yet ready to ask for views online",
    );
    expect(report.decision.ask).toContain(
      "keeps answering the questions people bring it, but does not yet ask for views",
    );
    expect(report.decision.approve[0]).toMatch(
      /^Keep online engagement to informing, listening and answering the questions/,
    );
  });

  it("is not, when it could not keep up with the questions", () => {
    const overloaded = withAnswers(answering, (d) => void (d.capacity.teamHoursPerWeek = 4));
    const report = scoreOf(overloaded);
    expect(report.verdict.sentence).not.toContain("keep answering");
    expect(report.decision.ask).not.toContain("keeps answering");
  });
});
