/**
 * What kind of measure an objective has. Outputs (reach, followers, views) show activity, not
 * results; a report that scored them as "measures you can check" would reward the wrong thing.
 */
import type { MeasureKind } from "./report-model";
import { tidy } from "./text";

/** Words that name a result for people or for the organisation. */
const OUTCOME_WORDS =
  /\b(calls?|phone|complain\w*|submission\w*|responses?|respond\w*|satisf\w*|survey\w*|trust\w*|aware\w*|understand\w*|applica\w*|booking\w*|attend\w*|enrol\w*|uptake|resolved|answered|within|time to|fewer|reduc\w*|down|drop\w*|participa\w*|take part|taking part|turnout|adopt\w*|chang\w*|proposals?|feedback|sign[- ]?ups?|registration\w*|referral\w*|contact us|contacted|visits to|helped|cases|waiting|queue\w*|volunteer\w*|recruit\w*|hired|vacanc\w*|donation\w*|compliance|on time)\b/i;

/** Words that name reach or activity. */
const OUTPUT_WORDS =
  /\b(reach|impressions?|followers?|likes?|views?|viewers?|engagements?|engagement rate|shares|shared|clicks?|click-throughs?|retweets?|reposts?|subscribers?|audience|page visits|posts published|number of posts|posts a week|video plays|watch time)\b/i;

/** Words of measurement that make a measure countable even without a clear result. */
const MEASURE_WORDS =
  /(%|percent|per cent|\bnumber|\brate\b|\bcount|\bscore|\btime|increase|decrease|\brise|\bfall|\bshare of|proportion|average|target|\bmore\b|\bless\b|\bhow many)/i;

/**
 * Classifies a measure.
 *
 * Rule: none when blank; outcome when it names a result (fewer calls, more submissions,
 * satisfaction, answered on time), even if it also counts reach; output when it names only reach
 * or activity (followers, views, impressions); countable when it holds a number or a word of
 * measurement but names neither; vague otherwise.
 */
export function classifyMeasure(measure: string | null | undefined): MeasureKind {
  const text = tidy(measure ?? "");
  if (text === "") return "none";
  if (OUTCOME_WORDS.test(text)) return "outcome";
  if (OUTPUT_WORDS.test(text)) return "output";
  if (/\d/.test(text) || MEASURE_WORDS.test(text)) return "countable";
  return "vague";
}

/** How much a measure of each kind counts towards "measures you can check", 0 to 1. */
export const MEASURE_KIND_FRACTION: Readonly<Record<MeasureKind, number>> = {
  outcome: 1,
  countable: 0.6,
  output: 0.3,
  vague: 0.2,
  none: 0,
};

/** The kind in words, for notes. */
export const MEASURE_KIND_WORDS: Readonly<Record<MeasureKind, string>> = {
  outcome: "measures a result",
  countable: "can be counted, but does not name a result",
  output: "counts reach or activity, not results",
  vague: "is not yet something you can count",
  none: "has no measure yet",
};
