/**
 * The entry point: a completed assessment in, one readiness report out. Pure and deterministic:
 * no clock, no randomness, no I/O; the same input always gives the same report, byte for byte
 * when serialised.
 */
import type { AssessmentAnswers } from "./answers";
import { deriveFacts } from "./answer-facts";
import { adoptionMaturity } from "./adoption-stage";
import { buildCapacityModel } from "./capacity-model";
import { isoDateToDays } from "./dates";
import { scoreDimensions } from "./dimensions";
import { assessEngagementGaps, organisationCeiling, type LevelContext } from "./engagement-gap";
import { METHOD_VERSION, methodAppendix } from "./method";
import { buildRecommendations } from "./recommendations";
import type { ReadinessReport } from "./report-model";
import { identifyRisks } from "./risks";
import { buildStarterStrategy } from "./strategy";
import { listThingsToFindOut } from "./unknowns";
import { decideVerdict, overallIndex } from "./verdict";

export interface ScoreAssessmentInput {
  answers: AssessmentAnswers;
  /** The questionnaire version the answers were given against, for example "2026-11". */
  questionnaireVersion: string;
  /** The date of the assessment, ISO yyyy-mm-dd; dates in the plan count from it. */
  assessedOn: string;
}

/**
 * Scores a completed assessment and returns the readiness report.
 *
 * Steps: capacity model -> governance maturity -> nine dimension scores (0-100 each) ->
 * engagement gaps (sustainable IAP2 level per group) -> risks -> overall index (weighted mean,
 * 0-100) and verdict band (index band lowered by gates) -> recommendations (priority 1-11) ->
 * starter strategy -> things to find out -> method appendix.
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
  const engagementGaps = assessEngagementGaps(levelContext);
  const risks = identifyRisks({ answers, facts, capacity, gaps: engagementGaps });
  const thingsToFindOut = listThingsToFindOut(answers);
  const overall = overallIndex(dimensions);
  const ceiling = organisationCeiling(levelContext);
  const verdict = decideVerdict({
    answers,
    facts,
    levelContext,
    overall,
    dimensions,
    ceiling: ceiling.level,
    risks,
    unknownCount: thingsToFindOut.length,
  });
  const recommendations = buildRecommendations({ answers, facts, capacity, dimensions, gaps: engagementGaps, risks });
  const strategy = buildStarterStrategy({
    answers,
    facts,
    capacity,
    gaps: engagementGaps,
    recommendations,
    assessedOn,
  });
  return {
    meta: {
      organisationName: answers.organisation.orgName.trim(),
      organisationType: answers.organisation.orgType,
      questionnaireVersion,
      assessedOn,
      methodVersion: METHOD_VERSION,
      groupCount: answers.stakeholders.groups.length,
      projectCount: answers.stakeholders.projects.length,
      unknownCount: thingsToFindOut.length,
    },
    verdict,
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
