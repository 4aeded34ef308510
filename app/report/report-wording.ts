/**
 * The words the report page and the PDF both print for the model's figures: estimates as ranges
 * in words, coverage as a share, reply times in working days, money in the organisation's
 * currency, and when each first step falls. Both views call these, so the page and the PDF can
 * never word a figure differently. They only word what the model found; they find nothing.
 */
import { attentionInWords, causesInWords, coverageInWords } from "../../scoring/capacity-model";
import { countText, estimateText, moneyText, rangeInWords, spreadInWords } from "../../scoring/estimates";
import { LEVEL_NAMES } from "../../scoring/levels";
import { MEASURE_KIND_WORDS } from "../../scoring/measures";
import type { CurrentLevel, Sentiment } from "../../scoring/answers";
import type {
  CalculationStep,
  CapacityModel,
  MeasureKind,
  MeasuresPlan,
  MoneyEstimate,
  Range,
  ReadinessReport,
  Recommendation,
  RoadmapPhaseNumber,
} from "../../scoring/report-model";
import { clockHoursLabel, formatNumber, shareInWords, workingHoursLabel } from "../../scoring/text";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-11-21" (or a full ISO timestamp) as "21 November 2026", whatever the server's time zone. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "2026-11-23" as "23 Nov". */
export function shortDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month.slice(0, 3)}`;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A figure the model gives to at most two significant figures, with its separators: "1,100", "3.8". */
export function figure(value: number): string {
  return estimateText(value);
}

/** "About 40 hours a week (between 30 and 55)", or "About 40 hours a week" when the ends agree. */
export function rangeWords(range: Range, unit = ""): string {
  return capitalise(rangeInWords(range, unit));
}

export function levelName(level: CurrentLevel): string {
  return LEVEL_NAMES[level];
}

const SENTIMENTS: Record<Sentiment, string> = {
  hostile: "Hostile",
  sceptical: "Sceptical",
  mixed: "Mixed",
  neutral: "Neutral",
  supportive: "Supportive",
  unknown: "Not known",
};

export function sentimentLabel(sentiment: Sentiment): string {
  return SENTIMENTS[sentiment];
}

const PHASE_DAYS: Record<RoadmapPhaseNumber, string> = {
  1: "Days 1 to 30",
  2: "Days 31 to 60",
  3: "Days 61 to 90",
};

export function phaseDays(phase: RoadmapPhaseNumber): string {
  return PHASE_DAYS[phase];
}

/** When a recommendation falls: "Days 1 to 30, by 21 December 2026". */
export function recommendationWhen(report: ReadinessReport, recommendation: Pick<Recommendation, "phase">): string {
  const phase = report.strategy.roadmap.find((candidate) => candidate.phase === recommendation.phase);
  return phase ? `${phaseDays(recommendation.phase)}, by ${longDate(phase.endDate)}` : phaseDays(recommendation.phase);
}

/** When a roadmap action falls, from the recommendation it carries out; null when it is not found. */
export function actionWhen(report: ReadinessReport, recommendationId: string): string | null {
  const recommendation = report.recommendations.find((candidate) => candidate.id === recommendationId);
  if (recommendation) return recommendationWhen(report, recommendation);
  const phase = report.strategy.roadmap.find((candidate) =>
    candidate.actions.some((action) => action.recommendationId === recommendationId),
  );
  return phase ? recommendationWhen(report, phase) : null;
}

/** What kind of measure an objective has, when that is worth saying: null for a measure of results. */
export function measureNote(kind: MeasureKind): string | null {
  if (kind === "outcome") return null;
  if (kind === "none") return "No measure set yet.";
  return `${capitalise(`this measure ${MEASURE_KIND_WORDS[kind]}`)}.`;
}

/** A money range in the organisation's currency: "About A$430,000 a year (between A$330,000 and A$600,000)". */
export function moneyWords(cost: MoneyEstimate): string {
  const { perYear, currency } = cost;
  const likely = `About ${moneyText(perYear.likely, currency)} a year`;
  if (perYear.low === perYear.high) return likely;
  return `${likely} (between ${moneyText(perYear.low, currency)} and ${moneyText(perYear.high, currency)})`;
}

/** How the money was worked out: "at your figure of A$74 an hour". */
export function moneyBasis(cost: MoneyEstimate): string {
  const rate = moneyText(cost.hourlyCost, cost.currency, false);
  return cost.hourlyCostAssumed
    ? `At a typical ${rate} an hour, with on-costs: give your own figure in the assessment to replace it.`
    : `At your figure of ${rate} an hour.`;
}

/** Working hours as a range in words: "About 1 working day (between 4 working hours and 2 working days)". */
export function workingHoursWords(range: Range): string {
  const likely = `About ${workingHoursLabel(range.likely)}`;
  const low = workingHoursLabel(range.low);
  const high = workingHoursLabel(range.high);
  return low === high ? likely : `${likely} (between ${low} and ${high})`;
}

/**
 * The share of the expected questions the team's hours cover, in words: "Enough, with at least a
 * fifth to spare", or "Enough for about three quarters of them". Never a percentage: a coverage
 * of 10 is not "1,000%". When the likely figure is enough but the top of the range of questions
 * is not, it says so.
 */
export function coverageWords(coverage: Range): string {
  const likely = capitalise(coverageInWords(coverage.likely));
  if (coverage.likely >= 1 && coverage.low < 1) {
    return `${likely}; but if questions reach the top of our range, enough for ${shareInWords(coverage.low)} of them`;
  }
  return likely;
}

export type LabelledValue = { label: string; value: string };

/** "The questions you can expect": volume, questions, the team's replies, and whether they are enough. */
export function capacityQuestionRows(capacity: CapacityModel): LabelledValue[] {
  const { demand, supply, coverage, peak } = capacity;
  const expected = demand.estimable
    ? `${rangeWords(demand.expectedWeekly)}.`
    : `Cannot be estimated yet: anywhere from ${countText(demand.expectedWeekly.low)} to ${countText(demand.expectedWeekly.high)}. Count them for two typical weeks to narrow it.`;
  const questions = demand.estimable
    ? `${rangeWords(demand.questionsWeekly)}.`
    : `Cannot be estimated yet: anywhere from ${countText(demand.questionsWeekly.low)} to ${countText(demand.questionsWeekly.high)}; we plan on about ${countText(demand.questionsWeekly.likely)}.`;
  const people =
    supply.teamPeople === null ? null : supply.teamPeople === 1 ? "one person" : `${figure(supply.teamPeople)} people`;
  const replies =
    supply.weeklyReplyCapacity === null
      ? "Cannot be worked out yet: you do not know how many hours your team spends on the channels."
      : `About ${figure(supply.weeklyReplyCapacity)}${
          supply.teamHoursPerWeek === null
            ? ""
            : `, from ${figure(supply.teamHoursPerWeek)} hours a week${people ? ` across ${people}` : ""}`
        }${supply.rateFromYourFigures ? ", at the pace your own figures show" : ""}.`;
  const rows: LabelledValue[] = [
    { label: "Messages and comments a week, over the next three months", value: expected },
    { label: "Questions among them that need an answer", value: questions },
    { label: "Replies your team can write in a week", value: replies },
    {
      label: "Is that enough?",
      value:
        coverage === null
          ? "Cannot be said until you know how many hours your team spends."
          : `${coverageWords(coverage)}.`,
    },
  ];
  if (peak !== null) {
    rows.push({
      label: "Questions a week in the busiest weeks",
      value: `${
        demand.estimable
          ? `${rangeWords(peak.questionsWeekly)}.`
          : `Cannot be estimated yet: anywhere from ${countText(peak.questionsWeekly.low)} to ${countText(peak.questionsWeekly.high)}.`
      } ${
        peak.coverage === null
          ? "Whether your team could keep up cannot be said until you know its hours."
          : peak.copes
            ? `Your hours cover them: ${coverageInWords(peak.coverage.likely)}.`
            : `Your hours would cover ${shareInWords(peak.coverage.likely)} of them.`
      }`,
    });
  }
  return rows;
}

/** "How fast you can reply": the target, today's time as stated, the time to promise, and why it is slower. */
export function capacityReplyRows(capacity: CapacityModel): LabelledValue[] {
  const { response } = capacity;
  const promise =
    response.promiseLabel === null
      ? `${capitalise(response.achievableLabel)}.`
      : response.scope === "priority"
        ? `${capitalise(response.promiseLabel)}, and only for the questions you take on first: the rest need to go elsewhere.`
        : `${capitalise(response.promiseLabel)}.`;
  const rows: LabelledValue[] = [
    { label: "Your target", value: `${capitalise(response.targetLabel)}.` },
    {
      label: "Your reply time today, as you told us",
      value: response.statedLabel === null ? "You did not know." : `${capitalise(response.statedLabel)}.`,
    },
    { label: "The reply time you can promise", value: promise },
  ];
  if (response.achievableHours !== null || response.causes.length > 0) {
    rows.push({
      label: "Does it meet your target?",
      value: response.meetsTarget
        ? "Yes."
        : response.causes.length > 0
          ? `No, because ${causesInWords(response.causes)}.`
          : "No.",
    });
  }
  if (response.slowerRepliesHours !== null) {
    rows.push({
      label: "Replies that need an expert or a sign-off",
      value: `${workingHoursWords(response.slowerRepliesHours)}.`,
    });
  }
  return rows;
}

/** "When someone is watching": the hours in the organisation's own words, and how often someone looks. */
export function capacityWatchRows(capacity: CapacityModel): LabelledValue[] {
  const { cover } = capacity;
  const attention = attentionInWords(cover);
  return [
    { label: "When the channels are watched", value: `${capitalise(cover.when)}.` },
    {
      label: "How often someone really looks",
      value: attention === "" ? "No one has hours set aside to look." : `${capitalise(attention)}.`,
    },
    {
      label: "Longest wait for a post made just after those hours",
      value: `${capitalise(clockHoursLabel(cover.outOfHoursWaitHours))}.`,
    },
    {
      label: "First official post in an emergency outside those hours",
      value: `Within about ${clockHoursLabel(cover.emergencyResponseHours)}.`,
    },
  ];
}

/** "What it would take": the extra hours, staff and money, or what to find out before they can be given. */
export function capacityTakesRows(capacity: CapacityModel): LabelledValue[] {
  const { shortfall } = capacity;
  if (!shortfall.estimable || shortfall.extraHoursPerWeek === null) {
    const rough = shortfall.roughRange;
    return [
      {
        label: "Extra team hours a week",
        value:
          rough === null
            ? "Cannot be estimated yet: first find out how many hours your team spends now."
            : `Cannot be estimated yet: on what you told us, ${spreadInWords(rough)}.`,
      },
      ...(shortfall.findOut ? [{ label: "What to find out", value: shortfall.findOut }] : []),
    ];
  }
  const extra = shortfall.extraHoursPerWeek;
  if (extra.high <= 0) return [{ label: "Extra team hours a week", value: "None." }];
  if (extra.likely <= 0) {
    return [
      {
        label: "Extra team hours a week",
        value: `Probably none; up to ${figure(extra.high)} if questions reach the top of our range.`,
      },
    ];
  }
  const rows: LabelledValue[] = [{ label: "Extra team hours a week", value: `${rangeWords(extra)}.` }];
  if (shortfall.extraFte !== null) {
    rows.push({ label: "In full-time staff", value: `${rangeWords(shortfall.extraFte)}.` });
  }
  if (!shortfall.hoursAloneMeetTarget) {
    rows.push({
      label: "Would more hours alone meet your target?",
      value: "No: sign-off alone takes longer than your target, so speed up sign-off as well.",
    });
  }
  rows.push({
    label: "What the extra hours cost",
    value:
      shortfall.cost === null
        ? "Give an hourly staff cost in the assessment to see this in money."
        : `${moneyWords(shortfall.cost)}. ${moneyBasis(shortfall.cost)}`,
  });
  return rows;
}

/**
 * Whether to print the shortfall's own note under "What it would take": only when no extra hours
 * are needed, where it says what to look at instead; otherwise the rows above already give its
 * figures and what to find out.
 */
export function shortfallNoteShown(capacity: CapacityModel): boolean {
  const extra = capacity.shortfall.extraHoursPerWeek;
  return capacity.shortfall.estimable && extra !== null && extra.likely <= 0;
}

/**
 * The capacity summary without the finding's headline, which the views print on its own above
 * it. NOTE: the model's summary ends with (or contains) the headline; printing both would say the
 * same sentence twice.
 */
export function summaryBesideHeadline(capacity: CapacityModel): string {
  return capacity.summary
    .replace(capacity.finding.headline, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** "10 high and 9 medium": the risks by severity, leaving out severities with none. */
export function severityCounts(counts: { high: number; medium: number; low: number }): string {
  const parts = (["high", "medium", "low"] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The opening of "The main risks", the same on the page and in the PDF. */
export function risksIntro(risks: readonly { severity: "high" | "medium" | "low" }[]): string {
  if (risks.length === 0) return "Your answers raised no significant risks.";
  const count = (severity: string) => risks.filter((risk) => risk.severity === severity).length;
  const counts = severityCounts({ high: count("high"), medium: count("medium"), low: count("low") });
  return `${risks.length === 1 ? "One risk" : `${risks.length} risks`} (${counts}), most serious first, each with the answers that raised it.`;
}

/**
 * Where the model's reply time comes from, for the method section: each part in working hours
 * or days ("more than 10 working weeks" where the queue never clears). Null without hours.
 */
export function replyTimeParts(capacity: CapacityModel): string | null {
  const { parts, modelledTodayHours } = capacity.response;
  if (parts === null) return null;
  const today =
    modelledTodayHours === null
      ? ""
      : ` For today's volume, the model alone gives ${workingHoursLabel(modelledTodayHours)}.`;
  return `On the model alone, a reply waits ${workingHoursLabel(parts.attentionWait)} for someone to look, ${workingHoursLabel(parts.queueDelay)} behind other questions and ${workingHoursLabel(parts.approvalDelay)} for sign-off.${today}`;
}

/** A stated assumption, marked when it stands in for an "I don't know". */
export function assumptionText(assumption: { text: string; fromUnknown: boolean }): string {
  return assumption.fromUnknown ? `${assumption.text} (You answered “I don't know”.)` : assumption.text;
}

/** "Held at Inform by the verdict ...": why a group stays where it is when the verdict, not the group, holds it. */
export function heldByVerdictText(level: CurrentLevel): string {
  return `Held at ${levelName(level)} by the verdict for the whole organisation, not by anything about this group.`;
}

/** The capitalised decision-maker for the decision block's opening: "For the council to decide". */
export function decisionFor(decisionMaker: string): string {
  return `For ${decisionMaker} to decide`;
}

const CADENCES: Record<MeasuresPlan["reviewCadence"], string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  "twice-yearly": "Twice a year",
  yearly: "Yearly",
};

export function cadenceLabel(cadence: MeasuresPlan["reviewCadence"]): string {
  return CADENCES[cadence];
}

/** A calculation step's value with its unit: "0.4 share" reads "40%", "not known" reads "Not known". */
export function stepValue(step: CalculationStep): string {
  if (step.unit === "not known") return "Not known";
  if (step.unit === "share") return `${formatNumber(step.value * 100)}%`;
  return `${formatNumber(step.value, 2)} ${step.unit}`;
}

/** A number with separators and at most `decimals` decimals, the same on every server. */
export function plainNumber(value: number, decimals = 1): string {
  return formatNumber(value, decimals);
}
