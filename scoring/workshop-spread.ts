/**
 * Workshop spread: how far the participants of a workshop disagree on one question, and where
 * settling could start. Pure: the same answers always give the same spread.
 *
 * Every measure here has the same meaning: pick two participants at random who both gave an
 * answer other than "I don't know"; how far apart are their answers? 0 means everyone agrees;
 * 1 means the most disagreement possible. The method, with worked examples, is in
 * docs/workshop-disagreement.md.
 */

/** How a question's answers are compared. */
export type SpreadMeasure = "categorical" | "ordered" | "number" | "set" | "text";

export type SpreadOption = {
  value: string;
  label: string;
  /** "I don't know": shown in the counts, but not a position, so not part of the disagreement. */
  dontKnow?: true;
  /**
   * For "ordered" questions: an answer that is not a point on the scale, such as "Not decided
   * yet" or "We have no target". It is as far from every other answer as the scale's two ends.
   */
  offScale?: true;
  /** For "set" questions: chosen only on its own, such as "None of these". */
  exclusive?: true;
};

export type SpreadAnswer = { participantId: string; value: unknown };

export type SpreadInput = {
  questionId: string;
  measure: SpreadMeasure;
  /** Every option, in the question's order; for "ordered" questions, the order of the scale. */
  options?: readonly SpreadOption[];
  /** For "number" questions that take whole numbers only: the suggested answer is rounded. */
  wholeNumbers?: boolean;
  /** One per participant who answered; participants who gave no answer are absent. */
  answers: readonly SpreadAnswer[];
};

/** One option and who chose it. */
export type OptionCount = {
  value: string;
  label: string;
  count: number;
  participantIds: readonly string[];
};

type SpreadBase = {
  questionId: string;
  /** Participants whose answer could be read, "I don't know" included. */
  answered: number;
  /**
   * 0 (everyone agrees) to 1 (the most disagreement possible); null for text questions and when
   * fewer than two participants gave an answer other than "I don't know".
   */
  disagreement: number | null;
};

export type CategoricalSpread = SpreadBase & {
  measure: "categorical";
  /** Every option in the question's order, zero counts included. */
  counts: readonly OptionCount[];
  /** Participants who answered "I don't know". */
  dontKnow: number;
  /** The most common answer (ties: the earlier option); "I don't know" only if nobody said else. */
  suggested: string | null;
};

export type OrderedSpread = SpreadBase & {
  measure: "ordered";
  counts: readonly OptionCount[];
  dontKnow: number;
  /** The lower median of the answers on the scale, or the off-scale answer most gave. */
  suggested: string | null;
};

export type NumberValue = { participantId: string; value: number };

export type NumberSpread = SpreadBase & {
  measure: "number";
  /** The numeric answers, smallest first (equal values in input order). */
  values: readonly NumberValue[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** Quartiles by linear interpolation between the sorted answers (Excel's QUARTILE.INC). */
  q1: number | null;
  q3: number | null;
  /** Participants beyond Tukey's fences (1.5 x IQR); only with at least 4 numeric answers. */
  outliers: readonly string[];
  dontKnow: number;
  dontKnowParticipantIds: readonly string[];
  /** The median (rounded for whole numbers); "unknown" if everyone said "I don't know". */
  suggested: number | "unknown" | null;
};

export type SetSpread = SpreadBase & {
  measure: "set";
  /** How many chose each option, in the question's order, zero counts included. */
  counts: readonly OptionCount[];
  dontKnow: number;
  /** The options chosen by at least half; null when nobody answered. */
  suggested: readonly string[] | null;
};

export type TextAnswer = { participantId: string; text: string };

export type TextSpread = SpreadBase & {
  measure: "text";
  /** The answers in input order, blanks left out. */
  answers: readonly TextAnswer[];
  disagreement: null;
  suggested: null;
};

export type QuestionSpread = CategoricalSpread | OrderedSpread | NumberSpread | SetSpread | TextSpread;

/** A spread whose disagreement could be measured. */
export type MeasuredSpread = Exclude<QuestionSpread, TextSpread> & { disagreement: number };

/** The "I don't know" value of a number question. */
const DONT_KNOW_NUMBER = "unknown";

/** One answer per participant: the first wins. */
function firstPerParticipant(answers: readonly SpreadAnswer[]): SpreadAnswer[] {
  const seen = new Set<string>();
  return answers.filter((answer) => {
    if (seen.has(answer.participantId)) return false;
    seen.add(answer.participantId);
    return true;
  });
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * The most pairs of people who can disagree when `people` answers are shared among `classes`
 * mutually distant answers: the answers spread as evenly as possible.
 * Formula: (n² − Σ e_i²) / 2 with e the even split. Unit: pairs. Range 0 to n(n−1)/2.
 */
function maxDisagreeingPairs(people: number, classes: number): number {
  const used = Math.min(people, classes);
  if (used <= 1) return 0;
  const base = Math.floor(people / used);
  const extra = people % used;
  const sumSquares = extra * (base + 1) ** 2 + (used - extra) * base ** 2;
  return (people * people - sumSquares) / 2;
}

/**
 * Categorical disagreement: the share of pairs of participants who gave different answers,
 * divided by the largest share possible for that many participants and options.
 * Formula: D = (n² − Σ c_i²) / (n² − Σ e_i²), c the counts per option, e the counts spread as
 * evenly as possible over min(k, n) options, k the options other than "I don't know".
 * Range 0 to 1; 0 when everyone agrees, 1 when the answers are as evenly spread as they can be.
 * Null when fewer than two gave a position.
 */
export function categoricalDisagreement(counts: readonly number[]): number | null {
  const people = counts.reduce((sum, count) => sum + count, 0);
  if (people < 2) return null;
  const differing = (people * people - counts.reduce((sum, count) => sum + count * count, 0)) / 2;
  if (differing === 0) return 0;
  return clamp01(differing / maxDisagreeingPairs(people, counts.length));
}

/**
 * Ordered disagreement: the mean distance between two participants' answers, where neighbouring
 * points of a k-point scale are 1/(k−1) apart and the two ends are 1 apart, divided by the
 * largest mean possible (half the participants at each end). An off-scale answer ("Not decided
 * yet") is 1 from every different answer.
 * Formula: D = Σ_{i<j} d(a_i, a_j) / max, max = pairs of an even split over min(n, 2 + m) poles,
 * m the off-scale options. Without off-scale answers this is n²·Σ_c F_c(1 − F_c) / (k−1) over the
 * cumulative shares F_c, divided by ⌊n/2⌋⌈n/2⌉: a finite-sample form of Blair and Lacy's ordinal
 * dispersion, close to Leik's D. Range 0 to 1. Null when fewer than two gave a position.
 *
 * @param scaleCounts counts per point of the scale, in scale order
 * @param offScaleCounts counts per off-scale option
 */
export function orderedDisagreement(
  scaleCounts: readonly number[],
  offScaleCounts: readonly number[] = [],
): number | null {
  const onScale = scaleCounts.reduce((sum, count) => sum + count, 0);
  const offScale = offScaleCounts.reduce((sum, count) => sum + count, 0);
  const people = onScale + offScale;
  if (people < 2) return null;
  const steps = Math.max(1, scaleCounts.length - 1);
  // Kept in whole numbers of scale steps until the one division, so the extremes are exact.
  let stepsApart = 0;
  for (let i = 0; i < scaleCounts.length; i += 1) {
    for (let j = i + 1; j < scaleCounts.length; j += 1)
      stepsApart += (scaleCounts[i] ?? 0) * (scaleCounts[j] ?? 0) * (j - i);
  }
  const offScalePairs =
    onScale * offScale + (offScale * offScale - offScaleCounts.reduce((sum, count) => sum + count * count, 0)) / 2;
  const total = stepsApart + offScalePairs * steps;
  if (total === 0) return 0;
  const poles = Math.min(scaleCounts.length, 2) + offScaleCounts.length;
  return clamp01(total / (steps * maxDisagreeingPairs(people, poles)));
}

/**
 * How far apart two non-negative amounts are, whatever their unit: |x − y| / (x + y), 0 when
 * both are 0. Range 0 to 1: 1/3 when one is twice the other, 0.5 at three times, 0.82 at ten.
 */
export function relativeDifference(x: number, y: number): number {
  const sum = x + y;
  return sum === 0 ? 0 : Math.abs(x - y) / sum;
}

/**
 * Number disagreement: the mean relative difference over all pairs of numeric answers,
 * D = mean_{i<j} |x_i − x_j| / (x_i + x_j). Scale-free (hours, people and money compare alike),
 * and one far-off answer moves only n−1 of the n(n−1)/2 pairs. Range 0 to 1 (1 only when values
 * are zero against non-zero, or orders of magnitude apart). Null with fewer than two numbers.
 */
export function numberDisagreement(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i += 1) {
    for (let j = i + 1; j < values.length; j += 1) {
      sum += relativeDifference(values[i] ?? 0, values[j] ?? 0);
      pairs += 1;
    }
  }
  return clamp01(sum / pairs);
}

/** Jaccard distance: 1 − |A ∩ B| / |A ∪ B|; 0 for two empty sets. Range 0 to 1. */
export function jaccardDistance(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : 1 - shared / union;
}

/**
 * Set disagreement: the mean Jaccard distance over all pairs of participants' choices. Range 0
 * (everyone chose the same options) to 1 (no two people chose any option in common). Null with
 * fewer than two answers other than "I don't know".
 */
export function setDisagreement(sets: readonly ReadonlySet<string>[]): number | null {
  if (sets.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < sets.length; i += 1) {
    for (let j = i + 1; j < sets.length; j += 1) {
      sum += jaccardDistance(sets[i] ?? new Set(), sets[j] ?? new Set());
      pairs += 1;
    }
  }
  return clamp01(sum / pairs);
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics
 * (Hyndman and Fan type 7, as Excel's QUARTILE.INC and NumPy's default): position (n−1)·p.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

function optionCounts(options: readonly SpreadOption[], chosen: Map<string, string[]>): OptionCount[] {
  return options.map((option) => {
    const participantIds = chosen.get(option.value) ?? [];
    return { value: option.value, label: option.label, count: participantIds.length, participantIds };
  });
}

/** The earliest option with the highest count, among those given. */
function mostCommon(counts: readonly OptionCount[]): OptionCount | undefined {
  let best: OptionCount | undefined;
  for (const count of counts) if (count.count > 0 && (!best || count.count > best.count)) best = count;
  return best;
}

function choiceSpread(input: SpreadInput): CategoricalSpread | OrderedSpread {
  const options = input.options ?? [];
  const known = new Set(options.map((option) => option.value));
  const chosen = new Map<string, string[]>();
  let answered = 0;
  for (const answer of firstPerParticipant(input.answers)) {
    if (typeof answer.value !== "string" || !known.has(answer.value)) continue;
    answered += 1;
    chosen.set(answer.value, [...(chosen.get(answer.value) ?? []), answer.participantId]);
  }
  const counts = optionCounts(options, chosen);
  const isDontKnow = new Set(options.filter((option) => option.dontKnow).map((option) => option.value));
  const positions = counts.filter((count) => !isDontKnow.has(count.value));
  const dontKnowCounts = counts.filter((count) => isDontKnow.has(count.value));
  const dontKnow = dontKnowCounts.reduce((sum, count) => sum + count.count, 0);
  const fallback = mostCommon(dontKnowCounts)?.value ?? null;

  if (input.measure === "categorical") {
    return {
      measure: "categorical",
      questionId: input.questionId,
      answered,
      disagreement: categoricalDisagreement(positions.map((count) => count.count)),
      counts,
      dontKnow,
      suggested: mostCommon(positions)?.value ?? fallback,
    };
  }

  const offScaleValues = new Set(options.filter((option) => option.offScale).map((option) => option.value));
  const scale = positions.filter((count) => !offScaleValues.has(count.value));
  const offScale = positions.filter((count) => offScaleValues.has(count.value));
  return {
    measure: "ordered",
    questionId: input.questionId,
    answered,
    disagreement: orderedDisagreement(
      scale.map((count) => count.count),
      offScale.map((count) => count.count),
    ),
    counts,
    dontKnow,
    suggested: orderedSuggestion(scale, offScale) ?? fallback,
  };
}

/**
 * The lower median of the answers on the scale: the answer of the ⌈n/2⌉-th person in scale
 * order. The one exception: an off-scale answer ("Not decided yet") that more people gave than
 * gave any answer on the scale at all.
 */
function orderedSuggestion(scale: readonly OptionCount[], offScale: readonly OptionCount[]): string | null {
  const onScale = scale.reduce((sum, count) => sum + count.count, 0);
  const topOffScale = mostCommon(offScale);
  if (topOffScale && topOffScale.count > onScale) return topOffScale.value;
  if (onScale === 0) return null;
  const middle = Math.ceil(onScale / 2);
  let seen = 0;
  for (const count of scale) {
    seen += count.count;
    if (seen >= middle) return count.value;
  }
  return null;
}

function numberSpread(input: SpreadInput): NumberSpread {
  const numbers: NumberValue[] = [];
  const dontKnowParticipantIds: string[] = [];
  for (const answer of firstPerParticipant(input.answers)) {
    if (answer.value === DONT_KNOW_NUMBER) dontKnowParticipantIds.push(answer.participantId);
    else if (typeof answer.value === "number" && Number.isFinite(answer.value) && answer.value >= 0) {
      numbers.push({ participantId: answer.participantId, value: answer.value });
    }
  }
  // Array.prototype.sort is stable: equal values keep the input order.
  const values = [...numbers].sort((a, b) => a.value - b.value);
  const sorted = values.map((entry) => entry.value);
  const has = sorted.length > 0;
  const median = has ? quantile(sorted, 0.5) : null;
  const q1 = has ? quantile(sorted, 0.25) : null;
  const q3 = has ? quantile(sorted, 0.75) : null;
  let outliers: string[] = [];
  // NOTE: with 3 answers or fewer the quartiles are the answers themselves (or between them),
  // so the fences say nothing: whichever answer is furthest out would be flagged or none would.
  if (sorted.length >= 4 && q1 !== null && q3 !== null) {
    const reach = 1.5 * (q3 - q1);
    outliers = values
      .filter((entry) => entry.value < q1 - reach || entry.value > q3 + reach)
      .map((entry) => entry.participantId);
  }
  const suggested =
    median !== null
      ? input.wholeNumbers
        ? Math.round(median)
        : median
      : dontKnowParticipantIds.length > 0
        ? DONT_KNOW_NUMBER
        : null;
  return {
    measure: "number",
    questionId: input.questionId,
    answered: values.length + dontKnowParticipantIds.length,
    disagreement: numberDisagreement(sorted),
    values,
    median,
    min: has ? (sorted[0] ?? null) : null,
    max: has ? (sorted[sorted.length - 1] ?? null) : null,
    q1,
    q3,
    outliers,
    dontKnow: dontKnowParticipantIds.length,
    dontKnowParticipantIds,
    suggested,
  };
}

/** A stored checkbox answer as the options it names; undefined when it cannot be read. */
function readSet(value: unknown, known: ReadonlySet<string>): Set<string> | undefined {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) return undefined;
  const chosen = new Set(list.filter((item): item is string => typeof item === "string" && known.has(item)));
  // A list that named options, none of which exist any more, says nothing.
  if (chosen.size === 0 && list.length > 0) return undefined;
  return chosen;
}

function setSpread(input: SpreadInput): SetSpread {
  const options = input.options ?? [];
  const known = new Set(options.map((option) => option.value));
  const dontKnowValues = new Set(options.filter((option) => option.dontKnow).map((option) => option.value));
  const chosen = new Map<string, string[]>();
  const positions: Set<string>[] = [];
  let answered = 0;
  let dontKnow = 0;
  for (const answer of firstPerParticipant(input.answers)) {
    const set = readSet(answer.value, known);
    if (!set) continue;
    answered += 1;
    for (const value of set) chosen.set(value, [...(chosen.get(value) ?? []), answer.participantId]);
    if (set.size > 0 && [...set].every((value) => dontKnowValues.has(value))) dontKnow += 1;
    else positions.push(set);
  }
  const counts = optionCounts(options, chosen);
  return {
    measure: "set",
    questionId: input.questionId,
    answered,
    disagreement: setDisagreement(positions),
    counts,
    dontKnow,
    suggested: answered === 0 ? null : setSuggestion(options, counts, positions),
  };
}

/**
 * The options chosen by at least half of those who gave a position. An exclusive option ("None of
 * these") cannot go with others: if both qualify, the side more people took wins (ties: the
 * specific options). If everyone said "I don't know", that is the suggestion.
 */
function setSuggestion(
  options: readonly SpreadOption[],
  counts: readonly OptionCount[],
  positions: readonly ReadonlySet<string>[],
): string[] {
  if (positions.length === 0) {
    const top = mostCommon(counts.filter((count) => options.find((option) => option.value === count.value)?.dontKnow));
    return top ? [top.value] : [];
  }
  const half = positions.length / 2;
  const inPositions = (value: string) => positions.filter((set) => set.has(value)).length;
  const qualifying = options.filter((option) => !option.dontKnow && inPositions(option.value) >= half);
  const specific = qualifying.filter((option) => !option.exclusive).map((option) => option.value);
  const exclusive = qualifying.filter((option) => option.exclusive).map((option) => option.value);
  if (exclusive.length === 0) return specific;
  const topExclusive = exclusive.reduce((best, value) => (inPositions(value) > inPositions(best) ? value : best));
  if (specific.length === 0) return [topExclusive];
  const forSpecific = positions.filter((set) => specific.some((value) => set.has(value))).length;
  return inPositions(topExclusive) > forSpecific ? [topExclusive] : specific;
}

function textSpread(input: SpreadInput): TextSpread {
  const answers: TextAnswer[] = [];
  for (const answer of firstPerParticipant(input.answers)) {
    if (typeof answer.value !== "string" || answer.value.trim() === "") continue;
    answers.push({ participantId: answer.participantId, text: answer.value.trim() });
  }
  return {
    measure: "text",
    questionId: input.questionId,
    answered: answers.length,
    disagreement: null,
    answers,
    suggested: null,
  };
}

/**
 * The spread of one question's answers, by its measure. Answers that do not fit the question
 * (an option it does not have, a negative or non-numeric number, a blank text) are left out and
 * not counted as answered; a participant's second answer is ignored.
 */
export function questionSpread(input: SpreadInput): QuestionSpread {
  switch (input.measure) {
    case "categorical":
    case "ordered":
      return choiceSpread(input);
    case "number":
      return numberSpread(input);
    case "set":
      return setSpread(input);
    case "text":
      return textSpread(input);
  }
}

/** The spreads of many questions, in the same order. */
export function questionSpreads(inputs: readonly SpreadInput[]): QuestionSpread[] {
  return inputs.map(questionSpread);
}

/**
 * The spreads whose disagreement could be measured, most disagreement first; ties go to the
 * question more people answered, then to the earlier one in the input. Deterministic.
 */
export function rankByDisagreement(spreads: readonly QuestionSpread[]): MeasuredSpread[] {
  return spreads
    .map((spread, index) => ({ spread, index }))
    .filter((entry): entry is { spread: MeasuredSpread; index: number } => entry.spread.disagreement !== null)
    .sort(
      (a, b) =>
        b.spread.disagreement - a.spread.disagreement || b.spread.answered - a.spread.answered || a.index - b.index,
    )
    .map((entry) => entry.spread);
}

export type DisagreementBand = "agree" | "some" | "strong";

/** Where the bands start: "some" from 0.25, "strong" from 0.6. */
export const DISAGREEMENT_THRESHOLDS = { some: 0.25, strong: 0.6 } as const;

/** Labels for the bands, for pages and reports. */
export const DISAGREEMENT_BAND_LABELS: Record<DisagreementBand, string> = {
  agree: "Broad agreement",
  some: "Some disagreement",
  strong: "Strong disagreement",
};

/**
 * The band of a disagreement (0 to 1): "agree" below 0.25, "some" from 0.25 to below 0.6,
 * "strong" from 0.6. For example, two neighbouring IAP2 levels split 3 to 2 is 0.25 ("some");
 * 4 to 1 at opposite ends of a scale is 0.67 ("strong"); numbers within a factor of 1.5 of each
 * other are below 0.2 ("agree").
 */
export function disagreementBand(value: number): DisagreementBand {
  if (value >= DISAGREEMENT_THRESHOLDS.strong) return "strong";
  if (value >= DISAGREEMENT_THRESHOLDS.some) return "some";
  return "agree";
}

export type DescribeOptions = {
  /** Written after numbers, such as "hours a week". */
  suffix?: string;
  /** How to write a number; by default with thousands separators and up to 2 decimals. */
  formatNumber?: (value: number) => string;
  /** For set questions: how many options to name before "and N more". Default 3. */
  maxOptions?: number;
};

function defaultFormatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function people(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}

function byCountThenOrder(counts: readonly OptionCount[]): OptionCount[] {
  return counts.filter((count) => count.count > 0).sort((a, b) => b.count - a.count);
}

/**
 * One short line in plain English for pages and reports, such as
 * "3 said Consult, 1 said Involve, 1 said Inform" or
 * "Answers ranged from 4 to 40 hours; the middle answer was 10".
 */
export function describeSpread(spread: QuestionSpread, options: DescribeOptions = {}): string {
  if (spread.answered === 0) return "No answers yet";
  const format = options.formatNumber ?? defaultFormatNumber;
  const unit = options.suffix ? ` ${options.suffix}` : "";
  switch (spread.measure) {
    case "categorical":
    case "ordered": {
      const given = byCountThenOrder(spread.counts);
      const only = given[0];
      if (given.length === 1 && only && only.count > 1) return `All ${only.count} said ${only.label}`;
      return given.map((count) => `${count.count} said ${count.label}`).join(", ");
    }
    case "number": {
      const dontKnow = spread.dontKnow > 0 ? `; ${spread.dontKnow} did not know` : "";
      const sorted = spread.values.map((entry) => entry.value);
      if (sorted.length === 0) {
        return spread.dontKnow === 1 ? "1 person did not know" : `All ${spread.dontKnow} did not know`;
      }
      const min = sorted[0] ?? 0;
      const max = sorted[sorted.length - 1] ?? 0;
      if (min === max) {
        // "All 3" only when nobody else answered differently, "I don't know" included.
        const said =
          sorted.length === 1
            ? "1 person said"
            : spread.dontKnow > 0
              ? `${sorted.length} said`
              : `All ${sorted.length} said`;
        return `${said} ${format(min)}${unit}${dontKnow}`;
      }
      const lowMiddle = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
      const highMiddle = sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0;
      const middle =
        lowMiddle === highMiddle
          ? `the middle answer was ${format(lowMiddle)}`
          : `the middle two answers were ${format(lowMiddle)} and ${format(highMiddle)}`;
      return `Answers ranged from ${format(min)} to ${format(max)}${unit}; ${middle}${dontKnow}`;
    }
    case "set": {
      const given = byCountThenOrder(spread.counts);
      if (given.length === 0) return `${people(spread.answered)} chose none of the options`;
      const limit = Math.max(1, options.maxOptions ?? 3);
      const named = given.slice(0, limit).map((count, index) => {
        const who = index === 0 ? `${count.count} of ${spread.answered}` : `${count.count}`;
        return `${who} chose ${count.label}`;
      });
      const more = given.length - limit;
      return more > 0 ? `${named.join(", ")}, and ${more} more ${more === 1 ? "option" : "options"}` : named.join(", ");
    }
    case "text":
      return `${people(spread.answered)} answered`;
  }
}
