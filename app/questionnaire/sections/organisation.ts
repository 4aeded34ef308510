import * as z from "zod/mini";
import {
  CHANNELS,
  CONTENTIOUS_TOPICS,
  EMERGENCY_SERVICES,
  ORGANISATION_TYPES,
  type OrganisationAnswers,
} from "../../../scoring/answers";
import type { Equal, Expect } from "../type-checks";
import { checkboxesQuestion, numberQuestion, optionsFor, radiosQuestion, textQuestion } from "../question-types";
import { collectPages, withConditionals, type PageDef, type SectionDef } from "../section-types";

export const orgName = textQuestion({
  id: "orgName",
  label: "What is your organisation's name?",
  hint: "We put this on your report. For example, Riverside District Council.",
  summaryLabel: "Organisation name",
  maxLength: 150,
  autocomplete: "organization",
  errors: { required: "Enter your organisation's name", name: "Organisation name" },
});

const orgTypeOther = textQuestion({
  id: "orgTypeOther",
  label: "Describe the type of organisation",
  summaryLabel: "Type of organisation (described)",
  optional: true,
  maxLength: 100,
  width: "two-thirds",
  errors: { required: "Describe what type of organisation it is", name: "The type of organisation" },
});

export const orgType = radiosQuestion({
  id: "orgType",
  label: "What type of organisation is it?",
  summaryLabel: "Type of organisation",
  options: optionsFor(ORGANISATION_TYPES, {
    council: { label: "Local council", hint: "A city, district, county, shire, borough or regional council." },
    "state-agency": { label: "State, provincial or regional government agency" },
    "national-agency": { label: "National or federal government department or agency" },
    "statutory-body": {
      label: "Statutory body or public corporation",
      hint: "For example a health board, transport authority, regulator or utility.",
    },
    "non-profit": { label: "Non-profit organisation delivering public services" },
    other: { label: "Something else", reveals: orgTypeOther },
  }),
  errors: { required: "Select the type of organisation" },
});

export const population = numberQuestion({
  id: "population",
  label: "About how many people does it serve?",
  hint: "Residents, customers or service users. An estimate is fine.",
  summaryLabel: "People served",
  min: 1,
  max: 2_000_000_000,
  width: "10",
  errors: {
    required: "Enter about how many people your organisation serves",
    name: "the number of people served",
    example: "45000",
  },
});

export const staffCount = numberQuestion({
  id: "staffCount",
  label: "About how many staff does it employ?",
  hint: "Count full-time equivalents. An estimate is fine.",
  summaryLabel: "Staff",
  min: 1,
  max: 5_000_000,
  width: "10",
  errors: {
    required: "Enter about how many staff your organisation employs",
    name: "the number of staff",
    example: "350",
  },
});

const channelsOther = textQuestion({
  id: "channelsOther",
  label: "Which other channels?",
  summaryLabel: "Other channels",
  optional: true,
  maxLength: 200,
  errors: { required: "Enter the other channels you use", name: "Other channels" },
});

export const channels = checkboxesQuestion({
  id: "channels",
  label: "Which online channels does your organisation use now?",
  hint: "Select all that apply. Include accounts run by individual teams or services, not only the main one.",
  summaryLabel: "Online channels in use",
  options: optionsFor(CHANNELS, {
    facebook: { label: "Facebook" },
    instagram: { label: "Instagram" },
    x: { label: "X (formerly Twitter)" },
    linkedin: { label: "LinkedIn" },
    youtube: { label: "YouTube" },
    tiktok: { label: "TikTok" },
    "other-social": { label: "Bluesky, Threads, Mastodon or similar" },
    neighbourhood: { label: "Nextdoor or other neighbourhood networks" },
    messaging: { label: "WhatsApp or other messaging apps" },
    website: { label: "Your website, where people can comment, chat or send questions" },
    "engagement-platform": {
      label: "An online consultation or engagement platform",
      hint: "Often called a 'have your say' site.",
    },
    newsletter: { label: "Email newsletters" },
    other: { label: "Other channels", reveals: channelsOther },
    none: { label: "None yet", exclusive: true },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: {
    required: "Select the channels your organisation uses, or select 'None yet' or 'I don't know'",
    exclusive: "Select 'None yet' or 'I don't know' on its own, or select the channels you use",
  },
});

const emergencyServicesOther = textQuestion({
  id: "emergencyServicesOther",
  label: "Which other emergency-related services?",
  summaryLabel: "Other emergency-related services",
  optional: true,
  maxLength: 200,
  errors: { required: "Enter the other emergency-related services", name: "Other emergency-related services" },
});

export const emergencyServices = checkboxesQuestion({
  id: "emergencyServices",
  label: "Which of these emergency-related services does your organisation provide?",
  hint: "In an emergency, people expect fast and accurate updates, often outside office hours. Select all that apply.",
  summaryLabel: "Emergency-related services",
  options: optionsFor(EMERGENCY_SERVICES, {
    "emergency-management": {
      label: "Emergency management or civil defence",
      hint: "For example floods, fires, storms or evacuations.",
    },
    "public-health": { label: "Public health, such as disease outbreaks or health warnings" },
    water: { label: "Water supply, drainage or sewerage" },
    "roads-transport": { label: "Roads, public transport or traffic disruption" },
    "essential-services": { label: "Other essential services, such as power or waste collection" },
    "social-care": { label: "Care or welfare for people at risk" },
    other: { label: "Other emergency-related services", reveals: emergencyServicesOther },
    none: { label: "None of these", exclusive: true },
  }),
  errors: {
    required: "Select the emergency-related services you provide, or select 'None of these'",
    exclusive: "Select 'None of these' on its own, or select the services you provide",
  },
});

const contentiousTopicsOther = textQuestion({
  id: "contentiousTopicsOther",
  label: "Which other topics?",
  summaryLabel: "Other topics that draw strong feeling",
  optional: true,
  maxLength: 200,
  errors: { required: "Enter the other topics that draw strong feeling", name: "Other topics" },
});

export const contentiousTopics = checkboxesQuestion({
  id: "contentiousTopics",
  label: "Which topics draw strong public feeling about your organisation?",
  hint: "These are the topics most likely to bring complaints, criticism or campaigns online. Select all that apply.",
  summaryLabel: "Topics that draw strong feeling",
  options: optionsFor(CONTENTIOUS_TOPICS, {
    planning: { label: "Planning and development decisions" },
    "rates-fees": { label: "Rates, taxes, fees or charges" },
    "roads-parking": { label: "Roads, parking and traffic" },
    waste: { label: "Waste, recycling and bin collections" },
    environment: { label: "Environment and climate" },
    housing: { label: "Housing and homelessness" },
    "community-safety": { label: "Crime and community safety" },
    "service-cuts": { label: "Closing or cutting services" },
    health: { label: "Health services" },
    education: { label: "Schools and education" },
    other: { label: "Other topics", reveals: contentiousTopicsOther },
    none: { label: "None of these", exclusive: true },
  }),
  errors: {
    required: "Select the topics that draw strong feeling, or select 'None of these'",
    exclusive: "Select 'None of these' on its own, or select the topics",
  },
});

const questions = [orgName, orgType, population, staffCount, channels, emergencyServices, contentiousTopics];

export const OrganisationSchema = withConditionals(
  z.object({
    orgName: orgName.schema,
    orgType: orgType.schema,
    orgTypeOther: orgTypeOther.schema,
    population: population.schema,
    staffCount: staffCount.schema,
    channels: channels.schema,
    channelsOther: channelsOther.schema,
    emergencyServices: emergencyServices.schema,
    emergencyServicesOther: emergencyServicesOther.schema,
    contentiousTopics: contentiousTopics.schema,
    contentiousTopicsOther: contentiousTopicsOther.schema,
  }),
  questions,
);

// The schema must produce exactly the type the scoring module consumes.
export type OrganisationSchemaMatchesScoring = Expect<Equal<z.output<typeof OrganisationSchema>, OrganisationAnswers>>;

const pages: readonly PageDef[] = [
  { id: "name", questions: [orgName] },
  { id: "type", questions: [orgType] },
  {
    id: "size",
    title: "How big is your organisation?",
    intro: ["We use these figures to estimate how many questions and comments you can expect."],
    questions: [population, staffCount],
  },
  { id: "channels", questions: [channels] },
  { id: "emergency-services", questions: [emergencyServices] },
  { id: "contentious-topics", questions: [contentiousTopics] },
];

export const organisationSection: SectionDef = {
  id: "organisation",
  title: "Describe your organisation",
  hint: "What kind of organisation it is, its size, the channels it uses and the services that draw attention.",
  dependsOn: [],
  minutes: [3, 4],
  pages: () => pages,
  collect: (answers) => collectPages(pages, answers),
  schema: () => OrganisationSchema,
};
