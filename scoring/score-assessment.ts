/**
 * The entry point: a completed assessment in, one readiness report out. Pure and deterministic:
 * no clock, no randomness, no I/O; the same input always gives the same report, byte for byte
 * when serialised.
 *
 * One judgement, read everywhere: the capacity finding, the band and its ceiling, each group's
 * sustainable level and the risks are each worked out once, here, in this order, and every later
 * part (recommendations, strategy, decision) reads them instead of working out its own.
 */
import type { AssessmentAnswers } from "./answers";
import { deriveFacts } from "./answer-facts";
import { adoptionMaturity } from "./adoption-stage";
import { buildCapacityModel } from "./capacity-model";
import { isoDateToDays } from "./dates";
import { buildLeadershipDecision } from "./decision";
import { scoreDimensions } from "./dimensions";
import { assessEngagementGaps, type LevelContext } from "./engagement-gap";
import { METHOD_VERSION, methodAppendix } from "./method";
import { buildRecommendations } from "./recommendations";
import type { ReadinessReport } from "./report-model";
import { identifyFoundationRisks, identifyPlanRisks, sortRisks } from "./risks";
import { buildStarterStrategy } from "./strategy";
import { listThingsToFindOut } from "./unknowns";
import { decideBand, decideVerdict, overallIndex } from "./verdict";

export interface ScoreAssessmentInput {
  answers: AssessmentAnswers;
  /** The questionnaire version the answers were given against, for example "2026-12". */
  questionnaireVersion: string;
  /** The date of the assessment, ISO yyyy-mm-dd; dates in the plan count from it. */
  assessedOn: string;
}

/**
 * Scores a completed assessment and returns the readiness report.
 *
 * Steps: facts and profile -> capacity model (the capacity finding) -> governance maturity ->
 * nine dimension scores (0-100 each) -> foundation risks -> overall index and band, with the
 * ceiling it sets -> engagement gaps held under that ceiling -> plan risks -> verdict sentence ->
 * recommendations (priority 1-11) -> starter strategy -> decision for leadership -> things to
 * find out -> method appendix.
 *
 * Throws a RangeError when `assessedOn` is not a real ISO date; any valid answers score.
 */
export function scoreAssessment(input: ScoreAssessmentInput): ReadinessReport {
  const { answers, questionnaireVersion, assessedOn } = input;
  isoDateToDays(assessedOn);
  const facts = deriveFacts(answers);
  const capacity = buildCapacityModel(answers, facts);
  const maturity = adoptionMaturity(answers, facts);
  const dimensions = scoreDimensions({ answers, facts, capacity, maturity });
  const levelContext: LevelContext = { answers, facts, capacity, maturity };
  const foundationRisks = identifyFoundationRisks({ answers, facts, capacity });
  const overall = overallIndex(dimensions);
  const bandInput = { answers, facts, levelContext, overall, dimensions, foundationRisks };
  const decision = decideBand(bandInput);
  const engagementGaps = assessEngagementGaps(levelContext, decision.ceiling);
  const risks = sortRisks([...foundationRisks, ...identifyPlanRisks(engagementGaps, answers.stakeholders.groups)]);
  const thingsToFindOut = listThingsToFindOut(answers, facts.profile.roles);
  const verdict = decideVerdict({ ...bandInput, decision, risks, unknownCount: thingsToFindOut.length });
  const recommendations = buildRecommendations({
    answers,
    facts,
    capacity,
    dimensions,
    gaps: engagementGaps,
    risks,
    ceiling: verdict.ceiling,
    gates: verdict.cappedBy,
  });
  const strategy = buildStarterStrategy({
    answers,
    facts,
    capacity,
    gaps: engagementGaps,
    recommendations,
    ceiling: verdict.ceiling,
    assessedOn,
  });
  return {
    meta: {
      organisationName: answers.organisation.orgName.trim(),
      organisationType: answers.organisation.orgType,
      organisationSize: facts.profile.size,
      questionnaireVersion,
      assessedOn,
      methodVersion: METHOD_VERSION,
      groupCount: answers.stakeholders.groups.length,
      projectCount: answers.stakeholders.projects.length,
      unknownCount: thingsToFindOut.length,
    },
    verdict,
    decision: buildLeadershipDecision({
      answers,
      facts,
      verdict,
      capacity,
      gaps: engagementGaps,
      risks,
      roadmap: strategy.roadmap,
    }),
    overall,
    dimensions,
    engagementGaps,
    capacity,
    risks,
    recommendations,
    strategy,
    thingsToFindOut,
    method: methodAppendix(),
  };
}
