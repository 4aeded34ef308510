import * as z from "zod/mini";
import {
  BUDGETS,
  COMMITMENT_DURATIONS,
  REVIEW_CADENCES,
  SPONSOR_STATUS,
  type CommitmentAnswers,
} from "../../../scoring/answers";
import { itemIdSchema, optionsFor, radiosQuestion, repeatingQuestion, textQuestion } from "../question-types";
import { collectPages, withConditionals, type PageDef, type SectionDef } from "../section-types";
import type { Equal, Expect } from "../type-checks";

const objectiveText = textQuestion({
  id: "objective",
  label: "Objective",
  hint: "For example: more residents give their views on the annual plan.",
  summaryLabel: "Objective",
  maxLength: 200,
  errors: { required: "Enter the objective", name: "The objective" },
});

const measureText = textQuestion({
  id: "measure",
  label: "How will you measure it?",
  hint: "For example: 1,000 responses to the annual plan consultation, up from 400.",
  summaryLabel: "Measure",
  maxLength: 200,
  errors: { required: "Enter how you will measure it", name: "The measure" },
});

export const objectives = repeatingQuestion({
  id: "objectives",
  label: "Objectives",
  summaryLabel: "Objectives and measures",
  itemName: "objective",
  idPrefix: "objective",
  fields: [objectiveText, measureText],
  minItems: 1,
  maxItems: 6,
  item: z.object({ id: itemIdSchema, objective: objectiveText.schema, measure: measureText.schema }),
  summarise: (item) => `${item.objective} (measured by: ${item.measure})`,
  errors: {
    required: "Add at least one objective",
    tooMany: "You can add up to 6 objectives",
    duplicate: { field: "objective", message: "You have already added this objective" },
  },
});

const sponsorRole = textQuestion({
  id: "sponsorRole",
  label: "What is their role?",
  hint: "For example: Chief Executive, or Director of Communities.",
  summaryLabel: "Sponsor's role",
  optional: true,
  maxLength: 100,
  errors: { required: "Enter the sponsor's role", name: "The sponsor's role" },
});

export const sponsor = radiosQuestion({
  id: "sponsor",
  label: "Is there an executive who will champion this and clear obstacles?",
  hint: "An executive sponsor is a senior leader who owns the commitment and answers for it.",
  summaryLabel: "Executive sponsor",
  options: optionsFor(SPONSOR_STATUS, {
    yes: { label: "Yes", reveals: sponsorRole },
    no: { label: "No" },
    "not-decided": { label: "Not decided yet" },
  }),
  errors: { required: "Select whether there is an executive sponsor" },
});

export const budget = radiosQuestion({
  id: "budget",
  label: "What yearly budget is there for this, apart from staff time?",
  hint: "For example, for tools, advertising, training or design. Amounts are in your own currency.",
  summaryLabel: "Yearly budget",
  options: optionsFor(BUDGETS, {
    none: { label: "None" },
    "under-10k": { label: "Less than 10,000" },
    "10k-50k": { label: "10,000 to 50,000" },
    "50k-200k": { label: "50,000 to 200,000" },
    "over-200k": { label: "More than 200,000" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select the yearly budget" },
});

export const reviewCadence = radiosQuestion({
  id: "reviewCadence",
  label: "How often will your leaders review how it is going?",
  summaryLabel: "Leadership review",
  options: optionsFor(REVIEW_CADENCES, {
    monthly: { label: "Every month" },
    quarterly: { label: "Every 3 months" },
    "twice-yearly": { label: "Every 6 months" },
    yearly: { label: "Once a year" },
    none: { label: "No review is planned" },
  }),
  errors: { required: "Select how often your leaders will review it" },
});

export const duration = radiosQuestion({
  id: "duration",
  label: "How long does your organisation intend to keep this up?",
  summaryLabel: "How long you will keep it up",
  options: optionsFor(COMMITMENT_DURATIONS, {
    "under-6-months": { label: "Less than 6 months, as a trial" },
    "6-12-months": { label: "6 to 12 months" },
    "1-2-years": { label: "1 to 2 years" },
    ongoing: { label: "For good, as part of how we work" },
    "not-decided": { label: "Not decided yet" },
  }),
  errors: { required: "Select how long your organisation intends to keep this up" },
});

const pages: readonly PageDef[] = [
  {
    id: "objectives",
    title: "What do you want online engagement to achieve?",
    intro: [
      "Set out up to 6 objectives, each with how you will know it is working. Link them to what your organisation is for.",
    ],
    questions: [objectives],
  },
  { id: "sponsor", questions: [sponsor] },
  { id: "resources", title: "Budget and review", questions: [budget, reviewCadence] },
  { id: "duration", questions: [duration] },
];

export const CommitmentSchema = withConditionals(
  z.object({
    objectives: objectives.schema,
    sponsor: sponsor.schema,
    sponsorRole: sponsorRole.schema,
    budget: budget.schema,
    reviewCadence: reviewCadence.schema,
    duration: duration.schema,
  }),
  [sponsor],
);

// The schema must produce exactly the type the scoring module consumes.
export type CommitmentSchemaMatchesScoring = Expect<Equal<z.output<typeof CommitmentSchema>, CommitmentAnswers>>;

export const commitmentSection: SectionDef = {
  id: "commitment",
  title: "Set your commitment",
  hint: "Your objectives and how you will measure them, who sponsors this, your budget, and how long you will keep it up.",
  dependsOn: [],
  pages: () => pages,
  collect: (answers) => collectPages(pages, answers),
  schema: () => CommitmentSchema,
};
