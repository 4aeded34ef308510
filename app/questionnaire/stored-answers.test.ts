import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AssessmentAnswers } from "../../scoring/answers";
import { wizardAnswersArb } from "../../test/fixtures/wizard-answers";
import { EXAMPLE_ORGANISATIONS } from "../../test/fixtures/example-organisations";
import { collectAssessment } from "./questionnaire";
import { storedAnswersFrom } from "./stored-answers";

/** The wizard lists suggested groups in its own order, then the ones people added. */
function inWizardOrder(answers: AssessmentAnswers): AssessmentAnswers {
  const { collected } = roundTrip(answers);
  const order = collected.stakeholders.groups.map((group) => group.id);
  const byOrder = <T>(items: readonly T[], id: (item: T) => string) =>
    [...items].sort((a, b) => order.indexOf(id(a)) - order.indexOf(id(b)));
  return {
    ...answers,
    stakeholders: { ...answers.stakeholders, groups: byOrder(answers.stakeholders.groups, (g) => g.id) },
    engagementModel: {
      ...answers.engagementModel,
      levels: byOrder(answers.engagementModel.levels, (level) => level.groupId),
    },
  };
}

function roundTrip(answers: AssessmentAnswers) {
  const result = collectAssessment(storedAnswersFrom(answers));
  if (!result.ok) throw new Error(`incomplete after the round trip: ${result.incomplete.join(", ")}`);
  return { collected: result.answers };
}

describe("stored answers and the wizard's schemas", () => {
  it.each(EXAMPLE_ORGANISATIONS.map((example) => [example.name, example] as const))(
    "read the example %s back exactly as it was",
    (_name, example) => {
      expect(roundTrip(example.answers).collected).toEqual(inWizardOrder(example.answers));
    },
  );

  it("read any valid assessment back exactly as it was", () => {
    fc.assert(
      fc.property(wizardAnswersArb, (answers) => {
        expect(roundTrip(answers).collected).toEqual(inWizardOrder(answers));
      }),
      { numRuns: 150 },
    );
  });
});
