/**
 * Fixed wording and number formats for the PDF. Everything else it prints is the report model's
 * own wording; these only name values the model keeps as ids.
 */
import type { CurrentLevel, Sentiment } from "../../scoring/answers";
import type { MeasuresPlan, MethodAppendix, Range } from "../../scoring/report-model";

type ReviewCadenceLabel = MeasuresPlan["reviewCadence"];

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

/** "2026-11-21" as "21 November 2026"; anything else as given. */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "2026-11-23" as "23 Nov". */
export function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month.slice(0, 3)}`;
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const RATIO = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

export function formatRatio(value: number): string {
  return RATIO.format(value);
}

/** A low/likely/high range: "1,616" when all three agree, else "21.4 (0 to 53.7)". */
export function formatRange(range: Range, format: (value: number) => string = formatNumber): string {
  if (range.low === range.high) return format(range.likely);
  return `${format(range.likely)} (${format(range.low)} to ${format(range.high)})`;
}

export function levelName(level: CurrentLevel, method: MethodAppendix): string {
  if (level === "none") return "Not engaged online";
  return method.levels.find((candidate) => candidate.level === level)?.name ?? level;
}

const SENTIMENTS: Record<Sentiment, string> = {
  hostile: "Hostile",
  sceptical: "Sceptical",
  neutral: "Neutral",
  supportive: "Supportive",
  unknown: "Not known",
};

export function sentimentLabel(sentiment: Sentiment): string {
  return SENTIMENTS[sentiment];
}

const CADENCES: Record<ReviewCadenceLabel, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  "twice-yearly": "Twice a year",
  yearly: "Yearly",
};

export function cadenceLabel(cadence: ReviewCadenceLabel): string {
  return CADENCES[cadence];
}

/** The day range of a roadmap phase, "Days 1 to 30". */
export function phaseLabel(phase: 1 | 2 | 3): string {
  return ["Days 1 to 30", "Days 31 to 60", "Days 61 to 90"][phase - 1] ?? `Phase ${phase}`;
}
