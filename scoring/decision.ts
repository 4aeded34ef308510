/**
 * The decision for leadership: what the report asks the people who decide to approve, the people
 * and money it takes, and the first three steps. Read from the verdict, the capacity finding and
 * the roadmap; it works nothing out for itself, so it cannot disagree with them.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AssessmentAnswers } from "./answers";
import type { AnswerFacts } from "./answer-facts";
import { causesInWords } from "./capacity-model";
import { estimateText, moneyText, rangeInWords, spreadInWords } from "./estimates";
import type {
  CapacityModel,
  EngagementGap,
  LeadershipDecision,
  Risk,
  RoadmapAction,
  RoadmapPhase,
  Verdict,
} from "./report-model";
import { joinList, lowerFirst } from "./text";
import { keepsAnswering } from "./verdict";

export interface DecisionContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  verdict: Verdict;
  capacity: CapacityModel;
  gaps: readonly EngagementGap[];
  risks: readonly Risk[];
  roadmap: readonly RoadmapPhase[];
}

function theAsk(context: DecisionContext): string {
  const { verdict, gaps, facts } = context;
  const name = context.answers.organisation.orgName.trim() || "The organisation";
  switch (verdict.band) {
    case "not-ready":
      return `Agree that ${name} keeps its channels to publishing information for now, and approve the work to put the basics in place over the next 90 days.`;
    case "inform-and-listen":
      return keepsAnswering(context)
        ? `Agree that ${name} publishes information, listens and keeps answering the questions people bring it, but does not yet ask for views online, and approve the work that would let it do so.`
        : `Agree that ${name} publishes information and listens, but does not yet invite questions or views online, and approve the work that would let it do so.`;
    case "inform-and-consult":
      return `Approve consulting online on defined questions, with the replies and the report-back that promise needs, and the work to go further.`;
    case "involve": {
      const involved = gaps.filter((gap) => gap.sustainable === "involve").map((gap) => gap.groupPhrase);
      return involved.length > 0
        ? `Approve involving ${joinList(involved)} online, with the hours and rules that keep that promise.`
        : "Approve involving people online where the plan shows you can keep the promise, with the hours and rules it takes.";
    }
    case "collaborate":
      return `Approve the plan to keep the promises ${facts.profile.type === "council" ? "the council makes" : "you make"} now as demand grows, and the refinements it sets out.`;
  }
}

function peopleText(capacity: CapacityModel): string {
  const { shortfall, finding, response } = capacity;
  if (finding.status === "hours-unknown") {
    return "Cannot be estimated until you know how many hours your team spends now: a two-week count settles it.";
  }
  if (!shortfall.estimable || shortfall.extraHoursPerWeek === null || shortfall.extraFte === null) {
    const rough = shortfall.roughRange;
    return `Cannot be estimated yet${rough ? `: on what you told us, ${spreadInWords(rough, "more hours a week")}` : ""}. ${shortfall.findOut ?? ""}`.trim();
  }
  const extra = shortfall.extraHoursPerWeek;
  if (extra.likely <= 0) {
    if (finding.status === "no-hours") return "Someone with hours set aside for the channels: today no one has any.";
    return response.meetsTarget
      ? "No extra staff: your current hours are enough for the questions you can expect."
      : `No extra staff: the hours are there; ${causesInWords(response.causes)}.`;
  }
  return `${rangeInWords(extra, "more team hours a week").replace(/^about/, "About")}: ${rangeInWords(shortfall.extraFte, "full-time staff")}.`;
}

function moneyTextFor(context: DecisionContext): string {
  const { capacity, answers } = context;
  const { shortfall } = capacity;
  const budget = answers.commitment.budget;
  const budgetNote =
    budget === "none"
      ? " Beyond staff time, set aside a modest budget for tools and training: today there is none."
      : budget === "unknown"
        ? " Check what budget there is beyond staff time for tools and training."
        : "";
  if (shortfall.cost !== null) {
    const rate = moneyText(shortfall.cost.hourlyCost, shortfall.cost.currency, false);
    return `About ${shortfall.cost.label} a year in staff time, at ${shortfall.cost.hourlyCostAssumed ? `a typical ${rate} an hour including on-costs (give your own figure to replace it)` : `your figure of ${rate} an hour`}.${budgetNote}`;
  }
  const extra = shortfall.extraHoursPerWeek;
  if (!shortfall.estimable || extra === null) {
    return `Cannot be costed until the extra hours can be estimated.${budgetNote}`;
  }
  if (extra.likely <= 0) return `No extra staff cost.${budgetNote}`;
  return `In hours only: about ${estimateText(extra.likely)} more hours a week. Give an hourly staff cost in the assessment to see this in money.${budgetNote}`;
}

function approvals(context: DecisionContext): string[] {
  const { verdict, capacity, answers, risks, gaps, facts } = context;
  const result: string[] = [];
  const held = gaps.filter((gap) => gap.shortfallLevels > 0);
  if (held.length > 0) {
    const limit =
      verdict.ceiling === "inform"
        ? keepsAnswering(context)
          ? "Keep online engagement to informing, listening and answering the questions people bring"
          : "Keep online engagement to informing and listening"
        : verdict.ceiling === "consult"
          ? "Keep online engagement to informing and consulting"
          : verdict.ceiling === "involve"
            ? "Go no further than involving people online"
            : "Go no further than collaborating online";
    result.push(
      `${limit} until the foundations in this plan are in place${held.some((gap) => gap.action === "step-back") ? ", and say so openly to the groups it affects" : ""}.`,
    );
  }
  const extra = capacity.shortfall.extraHoursPerWeek;
  if (capacity.finding.status === "hours-unknown") {
    result.push("A two-week count of the hours spent and the questions received, so the team can be sized.");
  } else if (!capacity.shortfall.estimable) {
    result.push("A two-week count of the questions received, so the extra hours can be sized.");
  } else if (extra !== null && extra.likely > 0) {
    const fte = capacity.shortfall.extraFte;
    result.push(
      fte !== null && fte.likely >= 3
        ? `A choice between about ${estimateText(fte.likely)} more full-time staff for replies and answering only some questions online, sending the rest to ${facts.profile.vocabulary.otherRoutes}.`
        : `${rangeInWords(extra, "more hours a week").replace(/^about/, "About")} for replies, or a narrower set of topics you invite questions on until they are found.`,
    );
  } else if (capacity.finding.status === "no-hours") {
    result.push("Hours set aside for someone to check and answer the channels.");
  }
  const high = risks.filter((risk) => risk.severity === "high" && risk.kind === "foundation");
  if (high.length > 0) {
    result.push(
      high.length === 1
        ? `Action on the one high risk first: ${lowerFirst(high[0]?.title ?? "")}.`
        : `Action on the ${high.length} high risks first, starting in the first 30 days.`,
    );
  }
  if (answers.commitment.sponsor !== "yes") {
    result.push(`An executive sponsor, named at the next meeting of ${facts.profile.roles.leadershipTeam}.`);
  }
  result.push("A review at day 90, with this assessment run again to show what changed.");
  return result;
}

/**
 * Builds the decision block.
 *
 * Rule: the ask follows the verdict's band; the approvals list the level to hold to (when any
 * group is held below what is wanted), the hours (or the count that would size them), the high
 * risks, a sponsor when there is none, and the day-90 review; the first steps are the first three
 * actions of the roadmap after taking the report to leadership.
 */
export function buildLeadershipDecision(context: DecisionContext): LeadershipDecision {
  const actions: RoadmapAction[] = context.roadmap
    .flatMap((phase) => phase.actions)
    .filter((action) => action.recommendationId !== "rec-brief-leadership")
    .slice(0, 3);
  return {
    decisionMaker: context.facts.profile.roles.decisionMaker,
    ask: theAsk(context),
    approve: approvals(context),
    people: peopleText(context.capacity),
    money: moneyTextFor(context),
    firstSteps: actions,
    refs: uniqueRefs([
      ...context.verdict.refs,
      ...context.capacity.shortfall.refs,
      ref("commitment", "sponsor"),
      ref("commitment", "budget"),
    ]),
  };
}
