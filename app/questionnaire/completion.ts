import { radiosQuestion } from "./question-types";
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
