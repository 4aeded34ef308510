import * as z from "zod/mini";
import type { StoredAnswers } from "../../../db/repositories/answers";
import {
  ACTING_ON_INSIGHT,
  ADOPTION_STAGES,
  CURRENT_LEVELS,
  EVERGREEN_RESERVES,
  GOVERNANCE_ITEMS,
  IAP2_LEVELS,
  MONITORING_REACH,
  PRACTICE,
  REPLY_PRACTICES,
  type EngagementModelAnswers,
  type Iap2Level,
} from "../../../scoring/answers";
import { checkboxesQuestion, optionsFor, radiosQuestion } from "../question-types";
import {
  byContext,
  collectPages,
  formInputFor,
  type GroupRef,
  type PageContext,
  type PageDef,
  type SectionDef,
} from "../section-types";
import type { Equal, Expect } from "../type-checks";

/**
 * The IAP2 Spectrum's five levels, in our own words: what each promises the public.
 * Source: IAP2 Federation, Spectrum of Public Participation.
 */
export const IAP2_WORDING: Record<Iap2Level, { label: string; hint: string }> = {
  inform: {
    label: "Inform",
    hint: "You tell them what is happening and why. You promise to keep them up to date.",
  },
  consult: {
    label: "Consult",
    hint: "You ask for their views before deciding. You promise to listen and say how their views changed the decision.",
  },
  involve: {
    label: "Involve",
    hint: "You work with them through the process. You promise that their concerns will shape the options.",
  },
  collaborate: {
    label: "Collaborate",
    hint: "You work out options and choose solutions together. You promise to build their advice into the decision as far as you can.",
  },
  empower: {
    label: "Empower",
    hint: "They make the final decision. You promise to carry out what they decide.",
  },
};

export const currentLevel = radiosQuestion({
  id: "current",
  ordered: true,
  label: "How do you engage them online now?",
  summaryLabel: "Level now",
  options: optionsFor(CURRENT_LEVELS, {
    none: { label: "We do not engage them online yet" },
    ...IAP2_WORDING,
  }),
  errors: { required: "Select how you engage this group now" },
});

export const desiredLevel = radiosQuestion({
  id: "desired",
  ordered: true,
  label: "How do you want to engage them?",
  summaryLabel: "Level wanted",
  options: optionsFor(IAP2_LEVELS, IAP2_WORDING),
  errors: { required: "Select how you want to engage this group" },
});

export function levelAnswerKey(questionId: string, groupId: string): string {
  return `${questionId}@${groupId}`;
}

function levelsPage(group: GroupRef): PageDef {
  return {
    id: `levels-${group.id}`,
    title: `How do you engage ${group.phrase} now, and how do you want to?`,
    intro: [
      "The levels come from the IAP2 Spectrum of Public Participation. Each level is a bigger promise to the public, and takes more time and people to keep.",
      "Higher is not always better. Choose the level this group needs for the decisions you make.",
    ],
    questions: [currentLevel, desiredLevel],
    answerKey: (questionId) => levelAnswerKey(questionId, group.id),
    cardTitle: group.name,
  };
}

const PRACTICE_WORDING = {
  yes: { label: "Yes" },
  partly: { label: "Partly" },
  no: { label: "No" },
  unknown: { label: "I don't know", exclusive: true },
} as const;

export const contentCalendar = radiosQuestion({
  id: "contentCalendar",
  ordered: true,
  label: "Do you plan your posts ahead in a content calendar?",
  summaryLabel: "Content calendar",
  options: optionsFor(PRACTICE, {
    ...PRACTICE_WORDING,
    partly: { label: "Partly, for some channels or campaigns" },
  }),
  errors: { required: "Select whether you plan your posts in a content calendar" },
});

export const evergreenReserve = radiosQuestion({
  id: "evergreenReserve",
  ordered: true,
  label: "How much ready-to-use content do you have in reserve?",
  hint: "Evergreen content stays useful for months, such as how-to guides and explainers about your services. It keeps your channels going in quiet weeks and busy ones.",
  summaryLabel: "Content in reserve",
  options: optionsFor(EVERGREEN_RESERVES, {
    none: { label: "None" },
    "under-4-weeks": { label: "Less than 4 weeks' worth" },
    "4-to-12-weeks": { label: "4 to 12 weeks' worth" },
    "over-12-weeks": { label: "More than 12 weeks' worth" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select how much content you have in reserve" },
});

export const consistentTone = radiosQuestion({
  id: "consistentTone",
  ordered: true,
  label: "Do you have an agreed tone of voice, so all your posts sound like one organisation?",
  summaryLabel: "Agreed tone of voice",
  options: optionsFor(PRACTICE, {
    ...PRACTICE_WORDING,
    partly: { label: "Partly: it exists but is not always followed" },
  }),
  errors: { required: "Select whether you have an agreed tone of voice" },
});

export const monitoringReach = radiosQuestion({
  id: "monitoringReach",
  ordered: true,
  label: "Where do you look for what people say about your organisation?",
  hint: "A large share of the conversation about an organisation happens away from its own pages.",
  summaryLabel: "Where you listen",
  options: optionsFor(MONITORING_REACH, {
    "own-pages": { label: "Only on our own pages and accounts" },
    "some-beyond": { label: "Sometimes beyond our own pages, when we have time" },
    systematic: { label: "Regularly, across other pages, local groups and news sites" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select where you look for what people say about you" },
});

export const actingOnInsight = radiosQuestion({
  id: "actingOnInsight",
  ordered: true,
  label: "What happens to what you hear?",
  summaryLabel: "Acting on what you hear",
  options: optionsFor(ACTING_ON_INSIGHT, {
    rarely: { label: "Not much: it rarely reaches the people who make decisions" },
    informally: { label: "It is passed on informally, now and then" },
    systematically: { label: "It is summed up and reported to decision-makers regularly" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select what happens to what you hear" },
});

export const replyPractice = radiosQuestion({
  id: "replyPractice",
  ordered: true,
  label: "How does your organisation respond to comments and questions online?",
  summaryLabel: "How you respond",
  options: optionsFor(REPLY_PRACTICES, {
    "broadcast-only": { label: "We mostly post and do not reply" },
    some: { label: "We reply to some, when we can" },
    "every-genuine-question": { label: "We aim to reply to every genuine question" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select how your organisation responds to comments and questions" },
});

export const adoptionStage = radiosQuestion({
  id: "adoptionStage",
  ordered: true,
  label: "Which best describes how social media works in your organisation today?",
  summaryLabel: "How social media is run",
  options: optionsFor(ADOPTION_STAGES, {
    experimenting: { label: "Teams try things on their own, without agreed rules" },
    "making-rules": { label: "We are bringing accounts together and writing the rules" },
    established: { label: "It is part of how we work, with a strategy, policies and named roles" },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select how social media works in your organisation today" },
});

export const governance = checkboxesQuestion({
  id: "governance",
  label: "Which of these do you have in place?",
  hint: "Select all that apply.",
  summaryLabel: "Governance in place",
  options: optionsFor(GOVERNANCE_ITEMS, {
    strategy: { label: "A strategy for social media or online engagement" },
    policy: { label: "A social media policy for staff" },
    "account-owners": { label: "A named owner for every account" },
    "approval-authority": { label: "Clear rules on who can approve posts and replies" },
    "account-inventory": { label: "An up-to-date list of all your accounts and who can get into them" },
    none: { label: "None of these", exclusive: true },
  }),
  errors: {
    required: "Select what you have in place, or select 'None of these'",
    exclusive: "Select 'None of these' on its own, or select what you have in place",
  },
});

const practicePages: readonly PageDef[] = [
  { id: "sharing", title: "How you share information", questions: [contentCalendar, evergreenReserve, consistentTone] },
  { id: "listening", title: "How you listen", questions: [monitoringReach, actingOnInsight] },
  { id: "responding", questions: [replyPractice] },
  { id: "governance", title: "How social media is run", questions: [adoptionStage, governance] },
];

function engagementPages(ctx: PageContext): PageDef[] {
  return [...ctx.groups.map(levelsPage), ...practicePages];
}

export const EngagementModelSchema = z.object({
  levels: z.array(
    z.object({ groupId: z.string().check(z.minLength(1)), current: currentLevel.schema, desired: desiredLevel.schema }),
  ),
  contentCalendar: contentCalendar.schema,
  evergreenReserve: evergreenReserve.schema,
  consistentTone: consistentTone.schema,
  monitoringReach: monitoringReach.schema,
  actingOnInsight: actingOnInsight.schema,
  replyPractice: replyPractice.schema,
  governance: governance.schema,
  adoptionStage: adoptionStage.schema,
});

// The schema must produce exactly the type the scoring module consumes.
export type EngagementModelSchemaMatchesScoring = Expect<
  Equal<z.output<typeof EngagementModelSchema>, EngagementModelAnswers>
>;

function collectEngagementModel(answers: StoredAnswers, ctx: PageContext): unknown {
  return {
    levels: ctx.groups.map((group) => ({ groupId: group.id, ...formInputFor(levelsPage(group), answers) })),
    ...collectPages(practicePages, answers),
  };
}

export const engagementModelSection: SectionDef = {
  id: "engagement-model",
  title: "Describe your engagement model today and the one you want",
  hint: "How you engage each group now and how you want to, and how you share, listen and respond.",
  dependsOn: ["stakeholders"],
  minutes: [3, 5],
  pages: byContext(engagementPages),
  collect: collectEngagementModel,
  schema: () => EngagementModelSchema,
};
