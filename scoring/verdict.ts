/**
 * The overall readiness index, the band, the ceiling it sets on every group, and the one-sentence
 * verdict. The index is a weighted mean of the dimension scores; the band comes from the index,
 * then gates lower it when a hard condition is not met, whatever the average says. The band's
 * ceiling is the highest IAP2 level any group may be held at: the one judgement every section reads.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AssessmentAnswers, Iap2Level } from "./answers";
import type { AnswerFacts } from "./answer-facts";
import {
  blockerClauses,
  blockersAbove,
  ORGANISATION_REQUIREMENTS,
  organisationCeiling,
  type LevelContext,
  type VerdictCeiling,
} from "./engagement-gap";
import { levelRank } from "./levels";
import { invitedWaryGroups } from "./risks";
import { round, safeDivide } from "./numbers";
import {
  BAND_IDS,
  type AppliedGate,
  type CapacityModel,
  type BandId,
  type DimensionScore,
  type LevelRequirement,
  type OverallIndex,
  type Risk,
  type Verdict,
} from "./report-model";
import { joinList, lowerFirst, upperFirst } from "./text";

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
 * The highest level a band allows: inform for "not ready" and "inform, and listen"; consult;
 * involve; empower for "collaborate" (the organisation's own requirements then decide).
 */
export function levelForBand(band: BandId): Iap2Level {
  if (band === "not-ready" || band === "inform-and-listen") return "inform";
  if (band === "inform-and-consult") return "consult";
  if (band === "involve") return "involve";
  return "empower";
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
    formula: "The weighted average of the nine area scores: each score times its weight, added up, divided by 100.",
    contributions: dimensions.map((dimension) => ({
      dimensionId: dimension.id,
      name: dimension.name,
      score: dimension.score,
      weight: dimension.weight,
      points: round((dimension.score * dimension.weight) / 100, 1),
    })),
  };
}

/** Everything the band needs. Only foundation risks can lower it. */
export interface BandInput {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  levelContext: LevelContext;
  overall: OverallIndex;
  dimensions: readonly DimensionScore[];
  foundationRisks: readonly Risk[];
}

/** The band, the gates that lowered it, and the ceiling it sets on every group. */
export interface BandDecision {
  band: BandId;
  indexBand: BandId;
  /** The gates that lowered the band, most decisive first. */
  cappedBy: AppliedGate[];
  ceiling: VerdictCeiling;
}

function rulesMissing(answers: AssessmentAnswers): boolean {
  return (
    ["none", "unknown"].includes(answers.capacity.houseRules) ||
    ["none", "unknown"].includes(answers.capacity.moderationModel)
  );
}

/**
 * The gates, each with the highest band it allows. A gate applies when:
 * - capacity: two-way engagement is not sustainable (hours not known or none, coverage under 0.8,
 *   or even the questions taken on first would wait more than a working week) -> inform and listen;
 * - hostile-without-rules: a group known to be hostile, sceptical or mixed, and no house rules or
 *   no moderation -> inform and listen;
 * - ceiling: the highest level the organisation could sustain caps the band at its match;
 * - high-risk: any high-severity foundation risk -> inform and consult;
 * - listening-floor: the listening score is under 50 -> "inform, and listen" is not earned, so a
 *   band at that level falls to not ready.
 */
export function applyGates(input: BandInput): AppliedGate[] {
  const { answers, facts, levelContext, dimensions, foundationRisks } = input;
  const gates: AppliedGate[] = [];
  const capacity = levelContext.capacity;
  if (!capacity.twoWaySustainable) {
    gates.push({
      id: "capacity",
      capsAt: "inform-and-listen",
      reason: `Two-way engagement cannot be sustained: ${capacity.finding.twoWayBlockedBy ?? "capacity is short"}.`,
      refs: capacity.refs,
    });
  }
  const wary = invitedWaryGroups(facts);
  if (wary.length > 0 && rulesMissing(answers)) {
    gates.push({
      id: "hostile-without-rules",
      capsAt: "inform-and-listen",
      reason: `${upperFirst(joinList(wary.map((group) => group.phrase)))} are hostile, sceptical or divided, and there are no house rules or no moderation.`,
      refs: [
        ...wary.map((group) => ref("stakeholders", "sentiment", { groupId: group.id })),
        ref("capacity", "houseRules"),
        ref("capacity", "moderationModel"),
      ],
    });
  }
  const organisation = organisationCeiling(levelContext);
  const ceilingBand = bandForLevel(organisation.level);
  if (ceilingBand !== "collaborate") {
    gates.push({
      id: "ceiling",
      capsAt: ceilingBand,
      reason: `The highest level the organisation can sustain is ${organisation.level}: ${joinList(blockerClauses(ORGANISATION_REQUIREMENTS, levelContext, organisation.level).slice(0, 3))}.`,
      refs: uniqueRefs(organisation.blockers.flatMap((blocker) => blocker.refs)),
    });
  }
  const high = foundationRisks.filter((risk) => risk.severity === "high");
  if (high.length > 0) {
    gates.push({
      id: "high-risk",
      capsAt: "inform-and-consult",
      reason:
        high.length === 1
          ? `A high risk must be dealt with before involving people more deeply: ${lowerFirst(high[0]?.title ?? "")}.`
          : `${high.length} high risks must be dealt with before involving people more deeply.`,
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

function provisionalBand(input: BandInput, gates: readonly AppliedGate[]): BandId {
  let band = bandForIndex(input.overall.score);
  for (const gate of gates) {
    if (gate.id !== "listening-floor" && bandRank(gate.capsAt) < bandRank(band)) band = gate.capsAt;
  }
  return band;
}

/** What each gate asks for, as a requirement a held-back group is waiting on. */
function gateRequirement(gate: AppliedGate, input: BandInput, organisationLevel: Iap2Level): LevelRequirement[] {
  switch (gate.id) {
    case "ceiling":
      return blockersAbove(ORGANISATION_REQUIREMENTS, input.levelContext, organisationLevel);
    case "capacity":
      return [
        {
          id: "verdict-capacity",
          description: "Enough known hours to answer the questions you invite",
          met: false,
          refs: gate.refs,
        },
      ];
    case "hostile-without-rules":
      return [
        {
          id: "verdict-rules",
          description: "House rules and moderation for the groups that are hostile or divided",
          met: false,
          refs: gate.refs,
        },
      ];
    case "high-risk": {
      const high = input.foundationRisks.filter((risk) => risk.severity === "high");
      return [
        {
          id: "verdict-high-risks",
          description:
            high.length === 1
              ? `Action on the high risk first (${lowerFirst(high[0]?.title ?? "")})`
              : `Action on the ${high.length} high risks first`,
          met: false,
          refs: gate.refs,
        },
      ];
    }
    case "listening-floor":
      return [
        {
          id: "verdict-listening",
          description: "Listening that reaches beyond your own pages and is acted on",
          met: false,
          refs: gate.refs,
        },
      ];
  }
}

/**
 * Decides the band and the ceiling it sets.
 *
 * Rule: band = the index band, lowered by every gate that applies (see `applyGates`); ceiling =
 * the lower of the band's level (see `levelForBand`) and the organisation's own ceiling.
 */
export function decideBand(input: BandInput): BandDecision {
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
  const organisation = organisationCeiling(input.levelContext);
  const bandLevel = levelForBand(band);
  const level = levelRank(organisation.level) < levelRank(bandLevel) ? organisation.level : bandLevel;
  const binding = cappedBy.filter((gate) => levelForBand(gate.capsAt) === level || gate.capsAt === band);
  const reasons = uniqueRequirements(
    (binding.length > 0 ? binding : cappedBy).flatMap((gate) => gateRequirement(gate, input, organisation.level)),
  );
  return {
    band,
    indexBand,
    cappedBy,
    ceiling: {
      level,
      reasons: reasons.length > 0 ? reasons : blockersAbove(ORGANISATION_REQUIREMENTS, input.levelContext, level),
    },
  };
}

function uniqueRequirements(requirements: readonly LevelRequirement[]): LevelRequirement[] {
  const seen = new Set<string>();
  return requirements.filter((requirement) => {
    if (seen.has(requirement.id)) return false;
    seen.add(requirement.id);
    return true;
  });
}

/** Everything the sentence needs, once every risk is known. */
export interface VerdictInput extends BandInput {
  decision: BandDecision;
  risks: readonly Risk[];
  unknownCount: number;
}

/**
 * Writes the verdict from the band decision: the band, its ceiling, the gates, and one plain
 * sentence naming the organisation, the band, and the one or two most decisive reasons.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const { decision } = input;
  return {
    band: decision.band,
    bandLabel: BAND_LABELS[decision.band],
    sentence: verdictSentence(input),
    ceiling: decision.ceiling.level,
    indexBand: decision.indexBand,
    cappedBy: decision.cappedBy,
    refs: uniqueRefs(decision.cappedBy.flatMap((gate) => gate.refs)),
  };
}

function verdictReasons(input: VerdictInput): string[] {
  const { levelContext, facts, risks, dimensions, answers, decision } = input;
  const band = decision.band;
  const reasons: string[] = [];
  const capacity = levelContext.capacity;
  if (input.unknownCount >= MANY_UNKNOWNS && bandRank(band) <= bandRank("inform-and-listen")) {
    reasons.push(
      `it answered "I don't know" to ${input.unknownCount} questions, so too much about its own set-up is unclear`,
    );
  }
  if (!capacity.twoWaySustainable && capacity.finding.twoWayBlockedBy) reasons.push(capacity.finding.twoWayBlockedBy);
  if (invitedWaryGroups(facts).length > 0 && rulesMissing(answers)) {
    const hostileRisk = risks.find((risk) => risk.id === "hostile-without-rules");
    if (hostileRisk) reasons.push(hostileRisk.summary);
  }
  // An organisation that does not control its own accounts is not ready, whatever else it has.
  const governance = risks.find((risk) => risk.id === "no-governance-basics" && risk.severity === "high");
  if (governance && bandRank(band) <= bandRank("inform-and-listen")) reasons.push(governance.summary);
  const organisation = organisationCeiling(levelContext);
  // The organisation's blockers explain the band only when its ceiling is what holds it there.
  if (bandRank(bandForLevel(organisation.level)) <= bandRank(band)) {
    reasons.push(...blockerClauses(ORGANISATION_REQUIREMENTS, levelContext, organisation.level));
  }
  if (bandRank(band) <= bandRank("inform-and-consult")) {
    for (const risk of risks) if (risk.severity === "high" && risk.kind === "foundation") reasons.push(risk.summary);
  }
  const weakest = [...dimensions].sort((a, b) => a.score - b.score || b.weight - a.weight)[0];
  if (weakest) reasons.push(`its ${weakest.name.toLowerCase()} scores only ${weakest.score} out of 100`);
  return [...new Set(reasons)];
}

/**
 * True when the organisation already answers the questions people bring it (it replies to every
 * genuine question, or its channels take service requests) and has the hours to keep doing so.
 * Held at "inform, and listen", such an organisation is held back from asking for views, not from
 * answering: the verdict and the decision both say so.
 */
export function keepsAnswering(input: {
  capacity: CapacityModel;
  answers: AssessmentAnswers;
  facts: AnswerFacts;
}): boolean {
  const { capacity, answers, facts } = input;
  return (
    capacity.coverage !== null &&
    capacity.coverage.likely >= 1 &&
    (answers.engagementModel.replyPractice === "every-genuine-question" || facts.purposes.includes("service-requests"))
  );
}

function verdictSentence(input: VerdictInput): string {
  const name = input.answers.organisation.orgName.trim() || "The organisation";
  const band = input.decision.band;
  const reasons = verdictReasons(input);
  const first = reasons[0] ?? "its foundations are not yet in place";
  const second = reasons[1];
  switch (band) {
    case "not-ready":
      return `${name} is not ready to open two-way channels: ${first}${second ? `, and ${second}` : ""}. For now it should keep to publishing information while it puts the basics in place.`;
    case "inform-and-listen": {
      const answering = keepsAnswering({ ...input, capacity: input.levelContext.capacity });
      const holds = `because ${first}${second ? ` and ${second}` : ""}`;
      return answering
        ? `${name} is ready to inform, and to listen, and can keep answering the questions people bring it, but is not yet ready to ask for views online, ${holds}.`
        : `${name} is ready to inform, and to listen, but not yet to invite questions, ${holds}.`;
    }
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
