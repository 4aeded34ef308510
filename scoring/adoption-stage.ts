/**
 * Mergel and Bretschneider's (2013) three stages of social media adoption in government, used as
 * the maturity scale of the governance dimension. The stage people state is checked against the
 * stage their other answers point to.
 */
import { ref } from "./answer-refs";
import type { AdoptionStage, AssessmentAnswers } from "./answers";
import { deriveFacts, type AnswerFacts } from "./answer-facts";
import type { AdoptionMaturity, AdoptionStageId } from "./report-model";

export const ADOPTION_STAGE_ORDER: readonly AdoptionStageId[] = ["experimenting", "making-rules", "established"];

export const ADOPTION_STAGE_LABELS: Readonly<Record<AdoptionStageId, string>> = {
  experimenting: "Stage 1: experimenting",
  "making-rules": "Stage 2: making rules",
  established: "Stage 3: established",
};

/** Each stage in our own words. */
export const ADOPTION_STAGE_DESCRIPTIONS: Readonly<Record<AdoptionStageId, string>> = {
  experimenting:
    "Keen individuals try things out, mostly outside formal policy. Energy is high but practice depends on who is in the room.",
  "making-rules":
    "The organisation sees the need for order and starts writing the rules: who may post, who signs off, what is allowed.",
  established:
    "Online engagement is part of how the organisation works, with a strategy, a policy, named roles and agreed ways of talking with the public.",
};

/**
 * The stage the answers point to.
 *
 * Rule: established when a strategy, a policy and named account owners exist and house rules are
 * published; making rules when any of strategy, policy, approval authority or house rules (draft
 * or published) exists; otherwise experimenting.
 */
export function evidencedAdoptionStage(
  answers: AssessmentAnswers,
  facts: AnswerFacts = deriveFacts(answers),
): AdoptionStageId {
  const has = (item: (typeof facts.governance)[number]): boolean => facts.governance.includes(item);
  const houseRules = answers.capacity.houseRules;
  if (has("strategy") && has("policy") && has("account-owners") && houseRules === "published") return "established";
  if (
    has("strategy") ||
    has("policy") ||
    has("approval-authority") ||
    houseRules === "published" ||
    houseRules === "draft"
  ) {
    return "making-rules";
  }
  return "experimenting";
}

/** Index of a stage on the scale: experimenting 0, making rules 1, established 2. */
export function adoptionStageRank(stage: AdoptionStageId): number {
  return ADOPTION_STAGE_ORDER.indexOf(stage);
}

/**
 * The maturity used for scoring: the lower of the stated and the evidenced stage, or the
 * evidenced stage when the stated one is unknown (a stated assumption).
 */
export function adoptionMaturity(
  answers: AssessmentAnswers,
  facts: AnswerFacts = deriveFacts(answers),
): AdoptionMaturity {
  const stated: AdoptionStage = answers.engagementModel.adoptionStage;
  const evidenced = evidencedAdoptionStage(answers, facts);
  const used =
    stated === "unknown" ? evidenced : adoptionStageRank(stated) <= adoptionStageRank(evidenced) ? stated : evidenced;
  let note: string;
  if (stated === "unknown") {
    note = `You did not know your stage, so we used the one your other answers point to: ${ADOPTION_STAGE_LABELS[evidenced].toLowerCase()}.`;
  } else if (stated === evidenced) {
    note = `Your answers agree with the stage you chose: ${ADOPTION_STAGE_LABELS[stated].toLowerCase()}.`;
  } else if (adoptionStageRank(stated) > adoptionStageRank(evidenced)) {
    note = `You chose ${ADOPTION_STAGE_LABELS[stated].toLowerCase()}, but the rules and roles in place point to ${ADOPTION_STAGE_LABELS[evidenced].toLowerCase()}, so we scored that.`;
  } else {
    note = `You chose ${ADOPTION_STAGE_LABELS[stated].toLowerCase()}, more modest than your rules and roles suggest; we kept your own view.`;
  }
  return {
    stated,
    evidenced,
    used,
    label: ADOPTION_STAGE_LABELS[used],
    description: ADOPTION_STAGE_DESCRIPTIONS[used],
    note,
    refs: [
      ref("engagementModel", "adoptionStage"),
      ref("engagementModel", "governance"),
      ref("capacity", "houseRules"),
    ],
  };
}
