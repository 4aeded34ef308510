/**
 * The overall readiness index, the band and the one-sentence verdict. The index is a weighted
 * mean of the dimension scores; the band comes from the index, then gates lower it when a hard
 * condition is not met, whatever the average says.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AssessmentAnswers, Iap2Level } from "./answers";
import type { AnswerFacts } from "./answer-facts";
import { blockerClauses, ORGANISATION_REQUIREMENTS, type LevelContext } from "./engagement-gap";
import { round, safeDivide } from "./numbers";
import {
  BAND_IDS,
  type AppliedGate,
  type BandId,
  type DimensionScore,
  type OverallIndex,
  type Risk,
  type Verdict,
} from "./report-model";
import { joinList } from "./text";

/** Band thresholds on the overall index (inclusive lower bounds). */
export const BAND_THRESHOLDS: readonly { band: BandId; minIndex: number; maxIndex: number }[] = [
  { band: "not-ready", minIndex: 0, maxIndex: 39 },
  { band: "inform-and-listen", minIndex: 40, maxIndex: 54 },
  { band: "inform-and-consult", minIndex: 55, maxIndex: 69 },
  { band: "involve", minIndex: 70, maxIndex: 84 },
  { band: "collaborate", minIndex: 85, maxIndex: 100 },
];

export const BAND_LABELS: Readonly<Record<BandId, string>> = {
  "not-ready": "not ready to open two-way channels",
  "inform-and-listen": "ready to inform, and to listen",
  "inform-and-consult": "ready to inform and consult",
  involve: "ready to involve",
  collaborate: "ready to collaborate",
};

export const BAND_MEANINGS: Readonly<Record<BandId, string>> = {
  "not-ready": "Publish information only, and put the basics in place before inviting any conversation.",
  "inform-and-listen":
    "Publish information and listen to what people say, but do not yet invite questions or views you cannot answer.",
  "inform-and-consult": "Ask for views on defined questions, answer them and report back what changed.",
  involve: "Work with people throughout a decision, online as well as offline, and keep up the conversation.",
  collaborate: "Develop answers with people as partners, with the capacity and rules to keep that promise.",
};

/** Listening score needed for the "inform, and listen" band; below it the band falls to "not ready". */
export const LISTENING_FLOOR = 50;

/** Unknown answers from which the verdict names the unknowns as a reason. */
export const MANY_UNKNOWNS = 8;

/** Position of a band: not ready 0 ... collaborate 4. */
export function bandRank(band: BandId): number {
  return BAND_IDS.indexOf(band);
}

/**
 * The band an index falls in.
 *
 * Rule: 0-39 not ready; 40-54 inform and listen; 55-69 inform and consult; 70-84 involve;
 * 85-100 collaborate.
 */
export function bandForIndex(index: number): BandId {
  for (let i = BAND_THRESHOLDS.length - 1; i >= 0; i -= 1) {
    const threshold = BAND_THRESHOLDS[i];
    if (threshold && index >= threshold.minIndex) return threshold.band;
  }
  return "not-ready";
}

/**
 * The band matching the highest level the organisation can sustain: Inform -> inform and listen,
 * Consult -> inform and consult, Involve -> involve, Collaborate or Empower -> collaborate.
 */
export function bandForLevel(level: Iap2Level): BandId {
  if (level === "inform") return "inform-and-listen";
  if (level === "consult") return "inform-and-consult";
  if (level === "involve") return "involve";
  return "collaborate";
}

/**
 * The overall readiness index.
 *
 * Formula: round(sum(score x weight) / sum(weight)); the weights add up to 100.
 * Unit: points; range 0-100, integer.
 */
export function overallIndex(dimensions: readonly DimensionScore[]): OverallIndex {
  const totalWeight = dimensions.reduce((sum, dimension) => sum + dimension.weight, 0);
  const weighted = dimensions.reduce((sum, dimension) => sum + dimension.score * dimension.weight, 0);
  return {
    score: Math.min(100, Math.max(0, round(safeDivide(weighted, totalWeight, 0)))),
    formula:
      "The weighted average of the nine dimension scores: each score times its weight, added up, divided by 100.",
    contributions: dimensions.map((dimension) => ({
      dimensionId: dimension.id,
      name: dimension.name,
      score: dimension.score,
      weight: dimension.weight,
      points: round((dimension.score * dimension.weight) / 100, 1),
    })),
  };
}

/** Everything the verdict needs. */
export interface VerdictInput {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  levelContext: LevelContext;
  overall: OverallIndex;
  dimensions: readonly DimensionScore[];
  ceiling: Iap2Level;
  risks: readonly Risk[];
  unknownCount: number;
}

/**
 * Decides the band and writes the verdict sentence.
 *
 * Rule: band = the index band, lowered by every gate that applies (see `applyGates`); the
 * sentence names the organisation, the band, and the one or two most decisive reasons.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const indexBand = bandForIndex(input.overall.score);
  const gates = applyGates(input);
  let band = indexBand;
  for (const gate of gates) if (bandRank(gate.capsAt) < bandRank(band)) band = gate.capsAt;
  // Most decisive first: the lowest cap, then the order the gates are checked in.
  const cappedBy = gates
    .map((gate, index) => ({ gate, index }))
    .filter(({ gate }) => bandRank(gate.capsAt) < bandRank(indexBand))
    .sort((a, b) => bandRank(a.gate.capsAt) - bandRank(b.gate.capsAt) || a.index - b.index)
    .map(({ gate }) => gate);
  return {
    band,
    bandLabel: BAND_LABELS[band],
    sentence: verdictSentence(input, band),
    indexBand,
    cappedBy,
    refs: uniqueRefs(cappedBy.flatMap((gate) => gate.refs)),
  };
}

/**
 * The gates, each with the highest band it allows. A gate applies when:
 * - capacity: two-way engagement is not sustainable (coverage under 0.8 or replies slower than a
 *   working week) -> inform and listen;
 * - hostile-without-rules: a hostile or sceptical group (or one of unknown mood) and no house rules
 *   or no moderation -> inform and listen;
 * - ceiling: the highest level the organisation could sustain caps the band at its match;
 * - high-risk: any high-severity risk -> inform and consult;
 * - listening-floor: the listening score is under 50 -> "inform, and listen" is not earned, so a
 *   band at that level falls to not ready.
 */
export function applyGates(input: VerdictInput): AppliedGate[] {
  const { answers, facts, levelContext, dimensions, ceiling, risks } = input;
  const gates: AppliedGate[] = [];
  const capacity = levelContext.capacity;
  if (!capacity.twoWaySustainable) {
    gates.push({
      id: "capacity",
      capsAt: "inform-and-listen",
      reason:
        "Capacity cannot sustain two-way engagement: there are too few hours for the questions expected, or replies would take longer than a working week.",
      refs: capacity.refs,
    });
  }
  const rulesMissing =
    ["none", "unknown"].includes(answers.capacity.houseRules) ||
    ["none", "unknown"].includes(answers.capacity.moderationModel);
  if (facts.waryGroups.length > 0 && rulesMissing) {
    gates.push({
      id: "hostile-without-rules",
      capsAt: "inform-and-listen",
      reason: `${joinList(facts.waryGroups.map((group) => group.name))} are hostile, sceptical or of unknown mood, and there are no house rules or no moderation.`,
      refs: [
        ...facts.waryGroups.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("capacity", "houseRules"),
        ref("capacity", "moderationModel"),
      ],
    });
  }
  const ceilingBand = bandForLevel(ceiling);
  if (ceilingBand !== "collaborate") {
    gates.push({
      id: "ceiling",
      capsAt: ceilingBand,
      reason: `The highest level the organisation can sustain is ${ceiling}: ${joinList(blockerClauses(ORGANISATION_REQUIREMENTS, levelContext, ceiling).slice(0, 3))}.`,
      refs: uniqueRefs(
        ORGANISATION_REQUIREMENTS.filter((spec) => !spec.met(levelContext)).flatMap((spec) => spec.refs(levelContext)),
      ),
    });
  }
  const high = risks.filter((risk) => risk.severity === "high");
  if (high.length > 0) {
    gates.push({
      id: "high-risk",
      capsAt: "inform-and-consult",
      reason: `High risks must be dealt with before involving people more deeply: ${joinList(high.map((risk) => risk.title.toLowerCase()))}.`,
      refs: uniqueRefs(high.flatMap((risk) => risk.triggers)),
    });
  }
  const listening = dimensions.find((dimension) => dimension.id === "listening");
  if (listening && listening.score < LISTENING_FLOOR) {
    gates.push({
      id: "listening-floor",
      capsAt: "not-ready",
      reason: `Listening scores ${listening.score}, under ${LISTENING_FLOOR}, so "ready to inform, and to listen" is not yet earned.`,
      refs: listening.refs,
    });
  }
  // NOTE: the listening floor only bites when the band would otherwise be "inform and listen";
  // above that, the ceiling gate (which needs listening beyond your own pages) already applies.
  return gates.filter(
    (gate) => gate.id !== "listening-floor" || bandRank(provisionalBand(input, gates)) <= bandRank("inform-and-listen"),
  );
}

function provisionalBand(input: VerdictInput, gates: readonly AppliedGate[]): BandId {
  let band = bandForIndex(input.overall.score);
  for (const gate of gates) {
    if (gate.id !== "listening-floor" && bandRank(gate.capsAt) < bandRank(band)) band = gate.capsAt;
  }
  return band;
}

function verdictReasons(input: VerdictInput, band: BandId): string[] {
  const { levelContext, facts, risks, dimensions, ceiling, answers } = input;
  const reasons: string[] = [];
  const capacity = levelContext.capacity;
  if (input.unknownCount >= MANY_UNKNOWNS && bandRank(band) <= bandRank("inform-and-listen")) {
    reasons.push(
      `it answered "I don't know" to ${input.unknownCount} questions, so too much about its own set-up is unclear`,
    );
  }
  if (!capacity.twoWaySustainable) {
    const clause = blockerClauses(ORGANISATION_REQUIREMENTS, levelContext, "inform").find(
      (text) => !text.includes("house rules") && !text.includes("moderate"),
    );
    if (clause) reasons.push(clause);
  }
  const rulesMissing =
    ["none", "unknown"].includes(answers.capacity.houseRules) ||
    ["none", "unknown"].includes(answers.capacity.moderationModel);
  if (facts.waryGroups.length > 0 && rulesMissing) {
    const hostileRisk = risks.find((risk) => risk.id === "hostile-without-rules");
    if (hostileRisk) reasons.push(hostileRisk.summary);
  }
  // The ceiling's blockers explain the band only when the ceiling is what holds it there.
  if (bandRank(bandForLevel(ceiling)) <= bandRank(band)) {
    reasons.push(...blockerClauses(ORGANISATION_REQUIREMENTS, levelContext, ceiling));
  }
  if (bandRank(band) <= bandRank("inform-and-consult")) {
    for (const risk of risks) if (risk.severity === "high") reasons.push(risk.summary);
  }
  const weakest = [...dimensions].sort((a, b) => a.score - b.score || b.weight - a.weight)[0];
  if (weakest) reasons.push(`its ${weakest.name.toLowerCase()} scores only ${weakest.score} out of 100`);
  return [...new Set(reasons)];
}

function verdictSentence(input: VerdictInput, band: BandId): string {
  const name = input.answers.organisation.orgName.trim() || "The organisation";
  const reasons = verdictReasons(input, band);
  const first = reasons[0] ?? "its foundations are not yet in place";
  const second = reasons[1];
  switch (band) {
    case "not-ready":
      return `${name} is not ready to open two-way channels: ${first}${second ? `, and ${second}` : ""}; for now it should keep to publishing information while it puts the basics in place.`;
    case "inform-and-listen":
      return `${name} is ready to inform, and to listen, but not yet to invite questions, because ${first}${second ? ` and ${second}` : ""}.`;
    case "inform-and-consult":
      return `${name} is ready to inform and consult, but not yet to involve people more deeply, because ${first}.`;
    case "involve":
      return `${name} is ready to involve its stakeholders online, but not yet to collaborate, because ${first}.`;
    case "collaborate": {
      const medium = input.risks.find((risk) => risk.severity === "medium");
      return medium
        ? `${name} is ready to collaborate with its stakeholders online; the main thing to watch is that ${medium.summary}.`
        : `${name} is ready to collaborate with its stakeholders online, and its task now is to keep that promise as demand grows.`;
    }
  }
}
