import * as z from "zod/mini";
import {
  BUDGETS,
  COMMITMENT_DURATIONS,
  CURRENCIES,
  OBJECTIVES_SET,
  REVIEW_CADENCES,
  SPONSOR_STATUS,
  type Budget,
  type CommitmentAnswers,
  type Currency,
} from "../../../scoring/answers";
import {
  itemIdSchema,
  numberQuestion,
  optionsFor,
  radiosQuestion,
  repeatingQuestion,
  textQuestion,
} from "../question-types";
import {
  byContext,
  collectPages,
  withConditionals,
  type PageContext,
  type PageDef,
  type SectionDef,
} from "../section-types";
import type { Equal, Expect } from "../type-checks";

export const objectivesSet = radiosQuestion({
  id: "objectivesSet",
  label: "Have you set objectives for your online engagement?",
  hint: "Objectives say what online engagement should achieve for your organisation, such as more people giving their views on a plan, or fewer phone calls about bin collections.",
  summaryLabel: "Objectives set",
  options: optionsFor(OBJECTIVES_SET, {
    yes: { label: "Yes" },
    "not-yet": { label: "Not yet" },
  }),
  errors: { required: "Select whether you have set objectives for your online engagement" },
});

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
  hint: "For example: 1,000 responses to the annual plan consultation, up from 400. Leave this blank if you have not decided how to measure it yet.",
  summaryLabel: "Measure",
  optional: true,
  maxLength: 200,
  errors: { required: "Enter how you will measure it", name: "The measure" },
});

const objectiveItem = z.object({ id: itemIdSchema, objective: objectiveText.schema, measure: measureText.schema });

export const objectives = repeatingQuestion({
  id: "objectives",
  label: "Objectives",
  summaryLabel: "Objectives and measures",
  itemName: "objective",
  idPrefix: "objective",
  fields: [objectiveText, measureText],
  minItems: 1,
  maxItems: 6,
  item: objectiveItem,
  summarise: (item) =>
    item.measure ? `${item.objective} (measured by: ${item.measure})` : `${item.objective} (no measure set yet)`,
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

/** How each currency is written before an amount; "other" has no sign. */
const CURRENCY_SIGNS: Record<Currency, string> = {
  AUD: "A$",
  CAD: "C$",
  EUR: "€",
  GBP: "£",
  NZD: "NZ$",
  USD: "US$",
  other: "",
};

export const currency = radiosQuestion({
  id: "currency",
  label: "Which currency does your organisation budget in?",
  hint: "The next questions ask about amounts in this currency, and your report shows them in it.",
  summaryLabel: "Currency",
  options: optionsFor(CURRENCIES, {
    AUD: { label: "Australian dollars (A$)" },
    CAD: { label: "Canadian dollars (C$)" },
    EUR: { label: "Euros (€)" },
    GBP: { label: "Pounds sterling (£)" },
    NZD: { label: "New Zealand dollars (NZ$)" },
    USD: { label: "US dollars (US$)" },
    other: { label: "Another currency" },
  }),
  errors: { required: "Select the currency your organisation budgets in" },
});

function chosenCurrency(ctx: PageContext): Currency | undefined {
  const value = ctx.switches.currency;
  return CURRENCIES.find((candidate) => candidate === value);
}

function budgetWording(sign: string): Record<Budget, { label: string; exclusive?: true }> {
  const amount = (value: string) => `${sign}${value}`;
  return {
    none: { label: "None" },
    "under-10k": { label: `Less than ${amount("10,000")}` },
    "10k-50k": { label: `${amount("10,000")} to ${amount("50,000")}` },
    "50k-200k": { label: `${amount("50,000")} to ${amount("200,000")}` },
    "over-200k": { label: `More than ${amount("200,000")}` },
    unknown: { label: "I don't know", exclusive: true },
  };
}

/** The budget question, its amounts written in the currency chosen (a plain number for others). */
function budgetQuestion(chosen: Currency | undefined) {
  const sign = chosen ? CURRENCY_SIGNS[chosen] : "";
  return radiosQuestion({
    id: "budget",
    ordered: true,
    label: "What yearly budget is there for this, apart from staff time?",
    hint: sign
      ? "For example, for tools, advertising, training or design."
      : "For example, for tools, advertising, training or design. Amounts are in the currency you budget in.",
    summaryLabel: "Yearly budget",
    options: optionsFor(BUDGETS, budgetWording(sign)),
    errors: { required: "Select the yearly budget" },
  });
}

/** What an hour of staff time costs, with the currency's sign before the box. */
function staffHourlyCostQuestion(chosen: Currency | undefined) {
  const sign = chosen ? CURRENCY_SIGNS[chosen] : "";
  const known = chosen !== undefined && chosen !== "other";
  return numberQuestion({
    id: "staffHourlyCost",
    label: "What does an hour of staff time cost you, including on-costs?",
    hint: known
      ? "On-costs are what you pay on top of wages, such as pension contributions and payroll taxes. The report uses this to turn the extra hours it finds into money. If you leave it blank, it uses a typical figure and says what that is."
      : "On-costs are what you pay on top of wages, such as pension contributions and payroll taxes. The report uses this to turn the extra hours it finds into money. If you leave it blank, the report gives the hours only.",
    summaryLabel: "Cost of an hour of staff time",
    optional: true,
    min: 1,
    max: 10000,
    decimals: true,
    money: true,
    ...(sign ? { prefix: sign } : {}),
    suffix: "an hour",
    errors: {
      required: "Enter what an hour of staff time costs",
      name: "the cost of an hour",
      example: "45.50",
    },
  });
}

const budget = budgetQuestion(undefined);
const staffHourlyCost = staffHourlyCostQuestion(undefined);

export const reviewCadence = radiosQuestion({
  id: "reviewCadence",
  ordered: true,
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
  ordered: true,
  label: "How long does your organisation intend to keep this up?",
  summaryLabel: "How long you will keep it up",
  options: optionsFor(COMMITMENT_DURATIONS, {
    "under-6-months": { label: "Less than 6 months, as a trial" },
    "6-12-months": { label: "6 to 12 months" },
    "1-2-years": { label: "1 to 2 years" },
    ongoing: { label: "For good, as part of how we work" },
    "not-decided": { label: "Not decided yet", offScale: true },
  }),
  errors: { required: "Select how long your organisation intends to keep this up" },
});

function commitmentPages(ctx: PageContext): PageDef[] {
  const chosen = chosenCurrency(ctx);
  return [
    {
      id: "objectives-set",
      questions: [objectivesSet],
      // Without objectives yet, any listed before are dropped, as the list is no longer asked.
      onSave: (values) => ({ clear: values.objectivesSet === "not-yet" ? [objectives.id] : [] }),
    },
    ...(ctx.switches.objectivesSet === "not-yet"
      ? []
      : [
          {
            id: "objectives",
            title: "What do you want online engagement to achieve?",
            intro: [
              "Set out up to 6 objectives, and how you will know each one is working. Link them to what your organisation is for.",
            ],
            questions: [objectives],
          },
        ]),
    { id: "sponsor", questions: [sponsor] },
    { id: "currency", questions: [currency] },
    {
      id: "budget",
      title: "Budget and staff costs",
      questions: [budgetQuestion(chosen), staffHourlyCostQuestion(chosen)],
    },
    { id: "review", questions: [reviewCadence] },
    { id: "duration", questions: [duration] },
  ];
}

export const CommitmentSchema = withConditionals(
  z.object({
    objectivesSet: objectivesSet.schema,
    objectives: z.array(objectiveItem).check(z.maxLength(objectives.maxItems)),
    sponsor: sponsor.schema,
    sponsorRole: sponsorRole.schema,
    budget: budget.schema,
    currency: currency.schema,
    staffHourlyCost: staffHourlyCost.schema,
    reviewCadence: reviewCadence.schema,
    duration: duration.schema,
  }),
  [sponsor],
  [
    {
      path: objectives.id,
      message: objectives.errors.required,
      passes: (values) =>
        values.objectivesSet !== "yes" || (Array.isArray(values.objectives) && values.objectives.length > 0),
    },
  ],
);

// The schema must produce exactly the type the scoring module consumes.
export type CommitmentSchemaMatchesScoring = Expect<Equal<z.output<typeof CommitmentSchema>, CommitmentAnswers>>;

const commitmentPagesFor = byContext(commitmentPages);

export const commitmentSection: SectionDef = {
  id: "commitment",
  title: "Set your commitment",
  hint: "Your objectives and how you will measure them, who sponsors this, your budget and staff costs, and how long you will keep it up.",
  dependsOn: [],
  minutes: [2, 3],
  pages: commitmentPagesFor,
  // "Not yet" means no objectives: the list is not asked, so it is empty rather than missing.
  collect: (answers, ctx) => ({ objectives: [], ...collectPages(commitmentPagesFor(ctx), answers) }),
  schema: () => CommitmentSchema,
};
