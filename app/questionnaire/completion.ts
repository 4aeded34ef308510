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

/** Asked when finishing the whole assessment, for the report's cover. */
export const completedBy = textQuestion({
  id: "completedBy",
  label: "Who completed this assessment?",
  hint: "Your name and role, for the cover of the report. For example: Aroha Ngata, Director of Communications.",
  summaryLabel: "Completed by",
  optional: true,
  maxLength: 120,
  errors: { required: "Enter who completed this assessment", name: "Who completed this assessment" },
});

export const finishPage: PageDef = { id: "finish", questions: [completedBy] };
