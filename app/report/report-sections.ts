/**
 * The report's sections and the sub-headings inside them: one list that the report page, its
 * contents, the PDF, its contents page and its bookmarks all read, so a heading never says one
 * thing on screen and another on paper.
 */
import type { ReadinessReport } from "../../scoring/report-model";

/** The report's sections, in order. */
export const REPORT_SECTIONS = [
  { id: "verdict", title: "The verdict" },
  { id: "decision", title: "Decision for leadership" },
  { id: "readiness", title: "Readiness by area" },
  { id: "engagement", title: "How far to go with each group" },
  { id: "capacity", title: "Can you answer the questions you invite?" },
  { id: "risks", title: "The main risks" },
  { id: "recommendations", title: "What to do, in order" },
  { id: "strategy", title: "Your starter strategy" },
  { id: "find-out", title: "Things to find out" },
  { id: "method", title: "How this was scored" },
] as const;

export type ReportSectionId = (typeof REPORT_SECTIONS)[number]["id"];

/** A section's number, as the contents on the page and in the PDF give it. */
export function sectionNumber(id: ReportSectionId): number {
  return REPORT_SECTIONS.findIndex((section) => section.id === id) + 1;
}

/** "section 10, “How this was scored”": for pointers from one section to another. */
export function sectionPointer(id: ReportSectionId): string {
  return `section ${sectionNumber(id)}, “${sectionTitle(id)}”`;
}

/** The PDF ends with every answer as given; the page links to the check-answers pages instead. */
export const ANSWERS_APPENDIX = { id: "answers", title: "Appendix: your answers" } as const;

export function sectionTitle(id: ReportSectionId): string {
  return REPORT_SECTIONS.find((section) => section.id === id)?.title ?? id;
}

/**
 * Every sub-heading used inside a section. Level 3 sits directly under the section's title;
 * level 4 under the level-3 sub-heading before it.
 */
export const SUBHEADINGS = {
  verdict: {
    scale: { level: 3, title: "Where this places you" },
    lowered: { level: 3, title: "Why the verdict is lower than your scores" },
  },
  decision: {
    approve: { level: 3, title: "What to approve" },
    takes: { level: 3, title: "What it takes" },
    firstSteps: { level: 3, title: "The first steps" },
  },
  readiness: {},
  engagement: {
    holding: { level: 3, title: "What holds each group back" },
  },
  capacity: {
    questions: { level: 3, title: "The questions you can expect" },
    replies: { level: 3, title: "How fast you can reply" },
    watching: { level: 3, title: "When someone is watching" },
    takes: { level: 3, title: "What it would take" },
    restsOn: { level: 3, title: "What these figures rest on" },
  },
  risks: {
    foundation: { level: 3, title: "Gaps in your foundations" },
    plan: { level: 3, title: "Risks in what you plan" },
  },
  recommendations: {},
  strategy: {
    objectives: { level: 3, title: "Objectives" },
    groups: { level: 3, title: "A plan for each group" },
    response: { level: 3, title: "Response plan" },
    responseMatrix: { level: 4, title: "Who answers what, and how fast" },
    escalate: { level: 4, title: "When to escalate" },
    offline: { level: 4, title: "When to take a conversation offline" },
    outOfHours: { level: 4, title: "Out of hours" },
    houseRules: { level: 3, title: "House rules and moderation" },
    houseRulePoints: { level: 4, title: "What your house rules should cover" },
    moderation: { level: 4, title: "Moderation" },
    content: { level: 3, title: "Three months of content" },
    roadmap: { level: 3, title: "The first 90 days" },
    measures: { level: 3, title: "Measures of success" },
    health: { level: 4, title: "Is the engagement itself healthy?" },
  },
  "find-out": {},
  method: {
    areas: { level: 3, title: "How each area was scored" },
    overall: { level: 3, title: "From area scores to the verdict" },
    limits: { level: 4, title: "Limits on the verdict" },
    capacity: { level: 3, title: "How the capacity figures were worked out" },
    demandSteps: { level: 4, title: "The questions you can expect" },
    supplySteps: { level: 4, title: "The replies your team can write" },
    replyTime: { level: 4, title: "Where the reply time comes from" },
    capacityValues: { level: 4, title: "The figures the model uses" },
    levels: { level: 3, title: "Engagement levels" },
    ranking: { level: 3, title: "How the actions were put in order" },
    risks: { level: 3, title: "How risks are raised" },
    groups: { level: 3, title: "How groups were placed" },
    adoption: { level: 3, title: "Stages of adoption" },
    fitting: { level: 3, title: "How the report fits your organisation" },
    unknowns: { level: 3, title: "“I don't know” answers" },
    disagreement: { level: 3, title: "How the team's disagreement was measured" },
    sources: { level: 3, title: "Sources" },
  },
} as const satisfies Record<ReportSectionId, Record<string, { level: 3 | 4; title: string }>>;

export type Subheading = { level: 3 | 4; title: string };
type SubheadingKey<S extends ReportSectionId> = keyof (typeof SUBHEADINGS)[S];

/** A section's sub-headings as this report shows them: null where a sub-heading has nothing under it. */
export type SectionOutline<S extends ReportSectionId> = { [K in SubheadingKey<S>]: Subheading | null };

function when<T extends Subheading>(shown: boolean, heading: T): T | null {
  return shown ? heading : null;
}

/**
 * Which sub-headings this report shows, section by section, in the order they appear. Both the
 * page and the PDF render from it; a sub-heading is left out only when it would have nothing
 * under it (no gate lowered the verdict, no group is held back, no risk of that kind).
 */
export function reportOutline(
  report: ReadinessReport,
  options: { workshop?: boolean } = {},
): { [S in ReportSectionId]: SectionOutline<S> } {
  const S = SUBHEADINGS;
  const held = report.engagementGaps.some((gap) => gap.heldByVerdict || gap.limitedBy.some((need) => !need.met));
  return {
    verdict: { scale: S.verdict.scale, lowered: when(report.verdict.cappedBy.length > 0, S.verdict.lowered) },
    decision: {
      approve: when(report.decision.approve.length > 0, S.decision.approve),
      takes: S.decision.takes,
      firstSteps: when(report.decision.firstSteps.length > 0, S.decision.firstSteps),
    },
    readiness: {},
    engagement: { holding: when(held, S.engagement.holding) },
    capacity: {
      questions: S.capacity.questions,
      replies: S.capacity.replies,
      watching: S.capacity.watching,
      takes: S.capacity.takes,
      restsOn: when(report.capacity.assumptions.length > 0, S.capacity.restsOn),
    },
    risks: {
      foundation: when(
        report.risks.some((risk) => risk.kind === "foundation"),
        S.risks.foundation,
      ),
      plan: when(
        report.risks.some((risk) => risk.kind === "plan"),
        S.risks.plan,
      ),
    },
    recommendations: {},
    strategy: {
      objectives: S.strategy.objectives,
      groups: S.strategy.groups,
      response: S.strategy.response,
      responseMatrix: when(report.strategy.responsePlan.matrix.length > 0, S.strategy.responseMatrix),
      escalate: when(report.strategy.responsePlan.escalation.length > 0, S.strategy.escalate),
      offline: when(report.strategy.responsePlan.takeOffline.length > 0, S.strategy.offline),
      outOfHours: S.strategy.outOfHours,
      houseRules: S.strategy.houseRules,
      houseRulePoints: when(report.strategy.houseRules.points.length > 0, S.strategy.houseRulePoints),
      moderation: S.strategy.moderation,
      content: S.strategy.content,
      roadmap: S.strategy.roadmap,
      measures: S.strategy.measures,
      health: when(report.strategy.measures.operational.length > 0, S.strategy.health),
    },
    "find-out": {},
    method: {
      areas: S.method.areas,
      overall: S.method.overall,
      limits: when(report.method.gates.length > 0, S.method.limits),
      capacity: S.method.capacity,
      demandSteps: when(report.capacity.demand.steps.length > 0, S.method.demandSteps),
      supplySteps: when(report.capacity.supply.steps.length > 0, S.method.supplySteps),
      replyTime: when(report.capacity.response.parts !== null, S.method.replyTime),
      capacityValues: when(
        report.method.capacityAssumptions.length + report.method.demandMultipliers.length > 0,
        S.method.capacityValues,
      ),
      levels: S.method.levels,
      ranking: when(report.recommendations.length > 0, S.method.ranking),
      risks: when(report.method.riskRules.length > 0, S.method.risks),
      groups: when(report.method.quadrants.length > 0, S.method.groups),
      adoption: when(report.method.adoptionStages.length > 0, S.method.adoption),
      fitting: when(report.method.fitting.length > 0, S.method.fitting),
      unknowns: when(report.method.unknownsPolicy.length > 0, S.method.unknowns),
      disagreement: when(options.workshop === true, S.method.disagreement),
      sources: when(report.method.sources.length > 0, S.method.sources),
    },
  };
}

/** Every heading a reader meets, in order: section titles (level 2) and the sub-headings shown. */
export function outlineHeadings(
  report: ReadinessReport,
  options: { workshop?: boolean } = {},
): { level: 2 | 3 | 4; title: string }[] {
  const outline = reportOutline(report, options);
  return REPORT_SECTIONS.flatMap((section) => [
    { level: 2 as const, title: section.title },
    ...Object.values<Subheading | null>(outline[section.id]).filter((heading) => heading !== null),
  ]);
}

/** The risks under their two sub-headings, with the line that says what each kind is. */
export function riskGroups(report: ReadinessReport, outline: SectionOutline<"risks">) {
  return [
    {
      heading: outline.foundation,
      intro: "These are about what is in place today. They set the verdict.",
      risks: report.risks.filter((risk) => risk.kind === "foundation"),
    },
    {
      heading: outline.plan,
      intro:
        "These come from going further than you can keep up yet. They do not lower the verdict, but they follow if you go ahead as planned.",
      risks: report.risks.filter((risk) => risk.kind === "plan"),
    },
  ];
}

/** The board summary's title, on its cover block, in its running header and its file name. */
export const BOARD_SUMMARY_TITLE = "Board summary";

/** How many risks the board summary carries: the most serious, in the report's order. */
export const BOARD_SUMMARY_RISKS = 3;

/**
 * The board summary's parts, in the order a board reads them (the decision first), each under
 * the heading the report page gives it: a section's title at level 2, and the sub-headings of
 * that section the summary carries at level 3. "The first 90 days" is a sub-heading of the
 * strategy on the page and a part of its own in the summary. The summary PDF renders from this
 * list and its test checks each heading against `outlineHeadings`, so the two cannot drift.
 */
export function boardSummaryOutline(report: ReadinessReport) {
  const outline = reportOutline(report);
  return {
    decision: { title: sectionTitle("decision"), approve: outline.decision.approve, takes: SUBHEADINGS.decision.takes },
    verdict: { title: sectionTitle("verdict"), scale: SUBHEADINGS.verdict.scale },
    risks: { title: sectionTitle("risks") },
    roadmap: { title: SUBHEADINGS.strategy.roadmap.title },
  };
}

/** The summary's headings in reading order: level 2 for its parts, level 3 inside them. */
export function boardSummaryHeadings(report: ReadinessReport): { level: 2 | 3; title: string }[] {
  const summary = boardSummaryOutline(report);
  return [
    { level: 2 as const, title: summary.decision.title },
    ...[summary.decision.approve, summary.decision.takes]
      .filter((heading) => heading !== null)
      .map((heading) => ({ level: 3 as const, title: heading.title })),
    { level: 2 as const, title: summary.verdict.title },
    { level: 3 as const, title: summary.verdict.scale.title },
    { level: 2 as const, title: summary.risks.title },
    { level: 2 as const, title: summary.roadmap.title },
  ];
}
