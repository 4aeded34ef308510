import { radiosQuestion, textQuestion } from "./question-types";
import type { PageDef } from "./section-types";

/** The question at the end of every section, from the GOV.UK "complete multiple tasks" pattern. */
export const sectionCompleted = radiosQuestion({
  id: "completed",
  label: "Have you completed this section?",
  summaryLabel: "Section completed",
  options: [
    { value: "yes", label: "Yes, I've completed this section" },
    { value: "no", label: "No, I'll come back to it later" },
  ],
  errors: { required: "Select whether you have completed this section" },
});

export const completionPage: PageDef = { id: "check", questions: [sectionCompleted] };

/**
 * Asked when finishing the whole assessment, for the report's cover: a name and a role, each its
 * own field so browsers can fill them in ("name" and "organization-title").
 */
export const completedByName = textQuestion({
  id: "completedByName",
  label: "Name",
  summaryLabel: "Name",
  optional: true,
  // NOTE: 120, as the single "name, role" field allowed: a line stored before the two were asked
  // apart comes back in this field, and finishing again must not refuse it.
  maxLength: 120,
  autocomplete: "name",
  countCharacters: false,
  width: "two-thirds",
  errors: { required: "Enter your name", name: "Your name" },
});

export const completedByRole = textQuestion({
  id: "completedByRole",
  label: "Role",
  summaryLabel: "Role",
  optional: true,
  maxLength: 80,
  autocomplete: "organization-title",
  countCharacters: false,
  width: "two-thirds",
  errors: { required: "Enter your role", name: "Your role" },
});

export const finishPage: PageDef = {
  id: "finish",
  questions: [completedByName, completedByRole],
  fieldsets: [
    {
      legend: "Who completed this assessment?",
      hint: "For the cover of the report. For example: Aroha Ngata, Director of Communications.",
      optional: true,
      questionIds: [completedByName.id, completedByRole.id],
    },
  ],
};
