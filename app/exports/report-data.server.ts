/**
 * The report as data, for consultants who compare results across clients: a documented,
 * versioned format (docs/report-data.md, docs/report-data.schema.json) mapped from the scoring
 * module's report model. Nothing is worked out here: every level, verdict, risk and figure is the
 * model's own. The mapping is the point: the model's internal names can change with the method
 * while these field names, a public contract, stay put until a new major version.
 */
import { z } from "zod";
import type { StoredAnswers } from "../../db/repositories/answers";
import { COVER_DAYS, COVER_HOURS, CURRENT_LEVELS, DEGREES, IAP2_LEVELS, SENTIMENTS } from "../../scoring/answers";
import { BAND_IDS, QUADRANTS, SEVERITIES, type Range } from "../../scoring/report-model";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { answerKeyOf } from "../questionnaire/section-types";
import type { ResolvedAnswer } from "../report/answer-refs";
import type { ReportView } from "../report/report-view";
import { EXPORT_PRODUCT, type ExportMeta } from "./export-meta";

export const REPORT_DATA_SCHEMA_ID = "engagement-readiness/report-data";
/**
 * The format's version. Adding a field is a minor version; renaming, removing or changing the
 * meaning of one is a major version, announced in docs/report-data.md.
 */
export const REPORT_DATA_VERSION = "1.1.0";

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const RangeSchema = z
  .object({ low: z.number(), likely: z.number(), high: z.number() })
  .meta({ description: "An estimate: low <= likely <= high." });

const Level = z.enum(IAP2_LEVELS).meta({ description: "A level of public participation (IAP2 Spectrum)." });
const LevelNow = z.enum(CURRENT_LEVELS).meta({ description: 'A level of public participation, or "none".' });

const EvidenceSchema = z.object({
  questionKey: z.string().meta({
    description:
      'The answer\'s key, as in the answers export ("why@residents"); list items add "[item id]". Empty when the question could not be placed.',
  }),
  question: z.string().meta({ description: "The question, as the check-answers page words it." }),
  answer: z.string().meta({ description: "The answer, as the check-answers page shows it." }),
});

export const ReportDataSchema = z
  .object({
    schema: z.literal(REPORT_DATA_SCHEMA_ID),
    schemaVersion: z.string().meta({ description: "Version of this format (semantic versioning)." }),
    exportId: z.string().meta({
      description:
        "Identifies the assessment across exports (the same in the answers export) without revealing its private link or database id.",
    }),
    generatedAt: z.string().meta({ description: "When this file was made, ISO 8601 in UTC." }),
    generator: z.string(),
    methodVersion: z.string().meta({
      description: "Version of the scoring method: compare scores across clients only within one major version.",
    }),
    questionnaireVersion: z.string(),
    assessedOn: z.string().meta({ description: "The date of the assessment, yyyy-mm-dd." }),
    completedBy: z.string().nullable(),
    organisation: z.object({
      name: z.string(),
      type: z
        .string()
        .meta({ description: "council, state-agency, federal-department, statutory-body, non-profit or other." }),
      size: z.enum(["small", "medium", "large"]).meta({ description: "By staff: under 200, under 2,000, or more." }),
      groupCount: z.number().int(),
      projectCount: z.number().int(),
      unknownAnswers: z.number().int().meta({ description: 'How many answers were "I don\'t know".' }),
    }),
    verdict: z.object({
      band: z.enum(BAND_IDS),
      label: z.string(),
      sentence: z.string(),
      overallScore: z.number().int().min(0).max(100),
      highestLevel: Level.meta({ description: "The most the organisation can offer any group for now." }),
      bandFromScoresAlone: z.enum(BAND_IDS),
      loweredBy: z.array(
        z.object({
          gate: z.string().meta({ description: "Which limit lowered the verdict." }),
          capsAt: z.enum(BAND_IDS),
          reason: z.string(),
        }),
      ),
    }),
    decision: z.object({
      decisionMaker: z.string(),
      ask: z.string(),
      approve: z.array(z.string()),
      people: z.string(),
      money: z.string(),
      firstActionIds: z.array(z.string()).meta({ description: "Ids of the actions (below) to start first." }),
    }),
    areas: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        question: z.string(),
        score: z.number().int().min(0).max(100),
        weightPercent: z.number(),
        pointsToOverall: z.number(),
        summary: z.string(),
        factors: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            points: z.number(),
            maxPoints: z.number(),
            note: z.string(),
            assumption: z.string().nullable(),
          }),
        ),
      }),
    ),
    groups: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        influence: z.enum(DEGREES).nullable(),
        interest: z.enum(DEGREES).nullable(),
        approach: z.enum(QUADRANTS),
        sentiment: z.enum(SENTIMENTS),
        levelNow: LevelNow,
        levelWanted: Level,
        levelSustainable: Level,
        levelNext: Level,
        nextStep: z.object({
          action: z.enum(["start", "step-up", "hold", "strengthen-foundations", "step-back"]),
          text: z.string(),
        }),
        heldByVerdict: z.boolean(),
        heldBackBy: z.array(z.string()).meta({ description: "What stops the next level up, in words." }),
      }),
    ),
    capacity: z.object({
      status: z.enum(["hours-unknown", "no-hours", "short", "stretched", "slow", "enough", "comfortable"]),
      headline: z.string(),
      estimable: z.boolean().meta({ description: "False when the range of questions is too wide to plan on." }),
      demandMethod: z.enum(["count", "estimate"]),
      messagesPerWeek: RangeSchema.meta({
        description: "Messages and comments a week expected over the next 90 days.",
      }),
      questionsPerWeek: RangeSchema.meta({ description: "Questions among them that need an answer." }),
      questionsPerWeekBusiest: RangeSchema.nullable(),
      teamPeople: z.number().nullable(),
      teamHoursPerWeek: z.number().nullable(),
      repliesPerWeek: z.number().nullable().meta({ description: "Replies the team can write in a week." }),
      coverage: RangeSchema.nullable().meta({
        description: "Replies the team can write over questions: 1 is just enough.",
      }),
      replyTime: z.object({
        targetWorkingHours: z.number(),
        targetAssumed: z.boolean(),
        statedWorkingHours: z.number().nullable(),
        achievableWorkingHours: RangeSchema.nullable(),
        promiseWorkingHours: z.number().nullable(),
        promise: z.string().nullable(),
        meetsTarget: z.boolean(),
        slowerBecause: z.array(z.enum(["sign-off", "thin-hours", "too-few-hours", "handling"])),
      }),
      cover: z.object({
        hours: z.enum(COVER_HOURS),
        days: z.enum(COVER_DAYS).nullable(),
        hoursPerWeek: z.number(),
        outOfHoursWaitHours: z.number(),
        emergencyFirstPostHours: z.number(),
      }),
      extra: z.object({
        estimable: z.boolean(),
        hoursPerWeek: RangeSchema.nullable(),
        fullTimeStaff: RangeSchema.nullable(),
        costPerYear: z
          .object({
            currency: z.string(),
            range: RangeSchema,
            hourlyCost: z.number(),
            hourlyCostAssumed: z.boolean(),
          })
          .nullable(),
      }),
      twoWaySustainable: z.boolean(),
    }),
    risks: z.array(
      z.object({
        id: z.string(),
        severity: z.enum(SEVERITIES),
        kind: z.enum(["foundation", "plan"]).meta({ description: "Only foundation risks can lower the verdict." }),
        title: z.string(),
        explanation: z.string(),
        evidence: z.array(EvidenceSchema),
      }),
    ),
    actions: z.array(
      z.object({
        id: z.string(),
        rank: z.number().int().min(1),
        title: z.string(),
        priority: z.enum(["now", "next", "later"]),
        priorityScore: z.number(),
        impact: z.number().int(),
        urgency: z.number().int(),
        effort: z.number().int(),
        phase: z.number().int().min(1).max(3),
        dueBy: z.string().nullable().meta({ description: "The last day of its phase, yyyy-mm-dd." }),
        owner: z.string(),
        firstStep: z.string(),
        why: z.string(),
        evidence: z.array(EvidenceSchema),
      }),
    ),
    strategy: z.object({
      objectives: z.array(
        z.object({
          id: z.string(),
          objective: z.string(),
          measure: z.string().nullable(),
          measureKind: z.enum(["outcome", "countable", "output", "vague", "none"]),
          source: z.enum(["stated", "suggested"]),
        }),
      ),
      publishedReplyTime: z.string(),
      reviewCadence: z.enum(["monthly", "quarterly", "twice-yearly", "yearly"]),
      reviewCadenceAssumed: z.boolean(),
      roadmap: z.array(
        z.object({
          phase: z.number().int().min(1).max(3),
          title: z.string(),
          startDate: z.string(),
          endDate: z.string(),
          goal: z.string(),
          actionIds: z.array(z.string()),
        }),
      ),
    }),
    thingsToFindOut: z.array(
      z.object({
        id: z.string(),
        question: z.string(),
        assumption: z.string(),
        whoCanFindOut: z.string(),
        affects: z.array(z.string()),
      }),
    ),
    workshop: z
      .object({
        participants: z.number().int().meta({ description: "How many current participants answered." }),
        settledQuestions: z.number().int().meta({ description: "How many questions the group settled." }),
        disagreements: z
          .array(
            z.object({
              questionKey: z.string().meta({ description: "The answer's key, as in the answers export." }),
              question: z.string(),
              spread: z.string().meta({ description: "How the participants answered, in one plain line." }),
              disagreement: z.number().meta({
                description: "0 (all agreed) to 1 (as far apart as possible); see docs/workshop-disagreement.md.",
              }),
              band: z.enum(["some", "strong"]),
              settledAnswer: z.string().nullable().meta({ description: "The answer the group agreed, as worded." }),
              reason: z.string().nullable().meta({ description: "Why the group chose it, if recorded." }),
              settledBy: z.string().nullable(),
              settledAt: z.string().nullable().meta({ description: "When it was settled, ISO 8601 in UTC." }),
            }),
          )
          .meta({ description: "The questions the team disagreed on most, most first, as in the report." }),
      })
      .nullable()
      .meta({
        description:
          "Present (not null) when the assessment was answered in a workshop: where the team disagreed and what it agreed. Added in 1.1.0.",
      }),
  })
  .meta({
    title: "Engagement readiness report data",
    description:
      "One assessment's readiness report as data: the verdict, scores by area, each group's levels, the capacity check, risks, actions and the outline of the starter strategy.",
  });

export type ReportData = z.infer<typeof ReportDataSchema>;

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

export type ReportDataSource = {
  view: ReportView;
  /** The stored answers the report was scored from, to give each piece of evidence its key. */
  answers: StoredAnswers;
  meta: ExportMeta;
};

function range(value: Range): Range {
  return { low: value.low, likely: value.likely, high: value.high };
}

function rangeOrNull(value: Range | null): Range | null {
  return value === null ? null : range(value);
}

/** Turns the view's resolved answers into evidence with the answers export's keys. */
function evidenceMapper(answers: StoredAnswers) {
  const ctx = pageContext(answers);
  const pages = new Map(
    SECTIONS.flatMap((section) => section.pages(ctx).map((page) => [`${section.id}/${page.id}`, page] as const)),
  );
  return (resolved: readonly ResolvedAnswer[]) =>
    resolved.map((answer) => {
      // The resolved key is "section/page/question/item".
      const [, , questionId = "", itemId = ""] = answer.key.split("/");
      const page = pages.get(`${answer.sectionId}/${answer.pageId}`);
      const key = page ? answerKeyOf(page, questionId) : "";
      return {
        questionKey: key && itemId ? `${key}[${itemId}]` : key,
        question: answer.label,
        answer: answer.value,
      };
    });
}

/** The report model as the public report-data format. */
export function reportData(source: ReportDataSource): ReportData {
  const { view, answers, meta } = source;
  const { report } = view;
  const evidence = evidenceMapper(answers);
  const phaseEnd = new Map(report.strategy.roadmap.map((phase) => [phase.phase, phase.endDate]));
  const contributions = new Map(report.overall.contributions.map((item) => [item.dimensionId, item.points]));
  const { capacity } = report;
  return {
    schema: REPORT_DATA_SCHEMA_ID,
    schemaVersion: REPORT_DATA_VERSION,
    exportId: meta.exportId,
    generatedAt: meta.generatedAt,
    generator: EXPORT_PRODUCT,
    methodVersion: report.meta.methodVersion,
    questionnaireVersion: report.meta.questionnaireVersion,
    assessedOn: report.meta.assessedOn,
    completedBy: view.completedBy,
    organisation: {
      name: report.meta.organisationName,
      type: report.meta.organisationType,
      size: report.meta.organisationSize,
      groupCount: report.meta.groupCount,
      projectCount: report.meta.projectCount,
      unknownAnswers: report.meta.unknownCount,
    },
    verdict: {
      band: report.verdict.band,
      label: report.verdict.bandLabel,
      sentence: report.verdict.sentence,
      overallScore: report.overall.score,
      highestLevel: report.verdict.ceiling,
      bandFromScoresAlone: report.verdict.indexBand,
      loweredBy: report.verdict.cappedBy.map((gate) => ({ gate: gate.id, capsAt: gate.capsAt, reason: gate.reason })),
    },
    decision: {
      decisionMaker: report.decision.decisionMaker,
      ask: report.decision.ask,
      approve: [...report.decision.approve],
      people: report.decision.people,
      money: report.decision.money,
      firstActionIds: report.decision.firstSteps.map((step) => step.recommendationId),
    },
    areas: report.dimensions.map((dimension) => ({
      id: dimension.id,
      name: dimension.name,
      question: dimension.question,
      score: dimension.score,
      weightPercent: dimension.weight,
      pointsToOverall: contributions.get(dimension.id) ?? 0,
      summary: dimension.summary,
      factors: dimension.factors.map((factor) => ({
        id: factor.id,
        label: factor.label,
        points: factor.points,
        maxPoints: factor.maxPoints,
        note: factor.note,
        assumption: factor.assumption,
      })),
    })),
    groups: report.engagementGaps.map((gap) => {
      const plan = report.strategy.groupPlans.find((candidate) => candidate.groupId === gap.groupId);
      return {
        id: gap.groupId,
        name: gap.groupName,
        influence: plan?.influence ?? null,
        interest: plan?.interest ?? null,
        approach: gap.quadrant,
        sentiment: gap.sentiment,
        levelNow: gap.current,
        levelWanted: gap.desired,
        levelSustainable: gap.sustainable,
        levelNext: gap.nextLevel,
        nextStep: { action: gap.action, text: gap.nextStep },
        heldByVerdict: gap.heldByVerdict,
        heldBackBy: gap.limitedBy.filter((need) => !need.met).map((need) => need.description),
      };
    }),
    capacity: {
      status: capacity.finding.status,
      headline: capacity.finding.headline,
      estimable: capacity.demand.estimable,
      demandMethod: capacity.demand.method,
      messagesPerWeek: range(capacity.demand.expectedWeekly),
      questionsPerWeek: range(capacity.demand.questionsWeekly),
      questionsPerWeekBusiest: rangeOrNull(capacity.peak?.questionsWeekly ?? null),
      teamPeople: capacity.supply.teamPeople,
      teamHoursPerWeek: capacity.supply.teamHoursPerWeek,
      repliesPerWeek: capacity.supply.weeklyReplyCapacity,
      coverage: rangeOrNull(capacity.coverage),
      replyTime: {
        targetWorkingHours: capacity.response.targetHours,
        targetAssumed: capacity.response.targetAssumed,
        statedWorkingHours: capacity.response.statedHours,
        achievableWorkingHours: rangeOrNull(capacity.response.achievableHours),
        promiseWorkingHours: capacity.response.promiseHours,
        promise: capacity.response.promiseLabel,
        meetsTarget: capacity.response.meetsTarget,
        slowerBecause: [...capacity.response.causes],
      },
      cover: {
        hours: capacity.cover.coverHours,
        days: capacity.cover.coverDays,
        hoursPerWeek: capacity.cover.coveredHoursPerWeek,
        outOfHoursWaitHours: capacity.cover.outOfHoursWaitHours,
        emergencyFirstPostHours: capacity.cover.emergencyResponseHours,
      },
      extra: {
        estimable: capacity.shortfall.estimable,
        hoursPerWeek: rangeOrNull(capacity.shortfall.extraHoursPerWeek),
        fullTimeStaff: rangeOrNull(capacity.shortfall.extraFte),
        costPerYear: capacity.shortfall.cost
          ? {
              currency: capacity.shortfall.cost.currency,
              range: range(capacity.shortfall.cost.perYear),
              hourlyCost: capacity.shortfall.cost.hourlyCost,
              hourlyCostAssumed: capacity.shortfall.cost.hourlyCostAssumed,
            }
          : null,
      },
      twoWaySustainable: capacity.twoWaySustainable,
    },
    risks: report.risks.map((risk) => ({
      id: risk.id,
      severity: risk.severity,
      kind: risk.kind,
      title: risk.title,
      explanation: risk.explanation,
      evidence: evidence(view.riskEvidence[risk.id] ?? []),
    })),
    actions: report.recommendations.map((rec, index) => ({
      id: rec.id,
      rank: index + 1,
      title: rec.title,
      priority: rec.priority,
      priorityScore: rec.priorityScore,
      impact: rec.impact,
      urgency: rec.urgency,
      effort: rec.effort,
      phase: rec.phase,
      dueBy: phaseEnd.get(rec.phase) ?? null,
      owner: rec.owner,
      firstStep: rec.firstStep,
      why: rec.why,
      evidence: evidence(view.recommendationEvidence[rec.id] ?? []),
    })),
    strategy: {
      objectives: report.strategy.objectives.map((objective) => ({
        id: objective.id,
        objective: objective.objective,
        measure: objective.measure,
        measureKind: objective.measureKind,
        source: objective.source,
      })),
      publishedReplyTime: report.strategy.responsePlan.publishedResponseTime,
      reviewCadence: report.strategy.measures.reviewCadence,
      reviewCadenceAssumed: report.strategy.measures.cadenceAssumed,
      roadmap: report.strategy.roadmap.map((phase) => ({
        phase: phase.phase,
        title: phase.title,
        startDate: phase.startDate,
        endDate: phase.endDate,
        goal: phase.goal,
        actionIds: phase.actions.map((action) => action.recommendationId),
      })),
    },
    thingsToFindOut: report.thingsToFindOut.map((item) => ({
      id: item.id,
      question: item.question,
      assumption: item.assumption,
      whoCanFindOut: item.whoCanFindOut,
      affects: [...item.affects],
    })),
    workshop: view.workshop
      ? {
          participants: view.workshop.participants,
          settledQuestions: view.workshop.settledCount,
          disagreements: view.workshop.divergent.map((question) => ({
            questionKey: question.questionId,
            question: question.label,
            spread: question.spread,
            disagreement: question.disagreement,
            band: question.band,
            settledAnswer: question.settled?.answer ?? null,
            reason: question.settled?.reason ?? null,
            settledBy: question.settled?.settledBy ?? null,
            settledAt: question.settled?.settledAt ?? null,
          })),
        }
      : null,
  };
}

export function reportJson(source: ReportDataSource): string {
  return `${JSON.stringify(reportData(source), null, 2)}\n`;
}
