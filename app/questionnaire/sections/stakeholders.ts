import * as z from "zod/mini";
import type { StoredAnswers } from "../../../db/repositories/answers";
import {
  CONTENTIOUSNESS,
  DEGREES,
  ONLINE_PLACES,
  PROJECT_TIMINGS,
  PURPOSES,
  SENTIMENTS,
  SUGGESTED_GROUPS,
  type Purpose,
  type StakeholderAnswers,
  type SuggestedGroup,
} from "../../../scoring/answers";
import {
  checkboxesQuestion,
  itemIdSchema,
  optionsFor,
  radiosQuestion,
  repeatingQuestion,
  textareaQuestion,
  textQuestion,
  toFieldInput,
} from "../question-types";
import {
  byContext,
  formInputFor,
  withConditionals,
  type GroupRef,
  type PageContext,
  type PageDef,
  type SaveEffects,
  type SectionDef,
} from "../section-types";
import type { Equal, Expect } from "../type-checks";
import { SUGGESTED_GROUP_NAMES } from "../../../scoring/group-names";

// --- Why engage ------------------------------------------------------------------------------

const purposesOther = textQuestion({
  id: "purposesOther",
  label: "What else do you want to achieve?",
  summaryLabel: "Other purpose",
  optional: true,
  maxLength: 150,
  errors: { required: "Enter what else you want to achieve", name: "The other purpose" },
});

const PURPOSE_WORDING: Record<Purpose, { label: string; hint?: string; reason: string }> = {
  share: {
    label: "Share information and news",
    hint: "For example service changes, events and decisions made.",
    reason: "Sharing information and news",
  },
  listen: {
    label: "Listen to what people are saying",
    hint: "Find out what matters to people and how they see your services.",
    reason: "Listening to what people are saying",
  },
  consult: {
    label: "Ask for views before decisions are made",
    reason: "Asking for views before decisions",
  },
  involve: {
    label: "Involve people in shaping plans or services",
    hint: "Work with people over time, for example on a strategy or a redesign.",
    reason: "Involving people in shaping plans or services",
  },
  "service-requests": {
    label: "Answer questions and service requests",
    hint: "For example reports of problems, bookings or questions about bills.",
    reason: "Answering questions and service requests",
  },
  emergency: {
    label: "Keep people safe in a crisis or emergency",
    reason: "Keeping people safe in a crisis or emergency",
  },
  promote: { label: "Promote services, facilities and events", reason: "Promoting services, facilities and events" },
  recruitment: { label: "Recruit staff or volunteers", reason: "Recruiting staff or volunteers" },
  other: { label: "Something else", reason: "Your other purpose" },
};

export const purposes = checkboxesQuestion({
  id: "purposes",
  label: "Why does your organisation want to engage people online?",
  hint: "Select all that apply. Think about what you need from the public, not only what you want to tell them.",
  summaryLabel: "Why engage online",
  options: optionsFor(PURPOSES, {
    share: { label: PURPOSE_WORDING.share.label, hint: PURPOSE_WORDING.share.hint },
    listen: { label: PURPOSE_WORDING.listen.label, hint: PURPOSE_WORDING.listen.hint },
    consult: { label: PURPOSE_WORDING.consult.label },
    involve: { label: PURPOSE_WORDING.involve.label, hint: PURPOSE_WORDING.involve.hint },
    "service-requests": {
      label: PURPOSE_WORDING["service-requests"].label,
      hint: PURPOSE_WORDING["service-requests"].hint,
    },
    emergency: { label: PURPOSE_WORDING.emergency.label },
    promote: { label: PURPOSE_WORDING.promote.label },
    recruitment: { label: PURPOSE_WORDING.recruitment.label },
    other: { label: PURPOSE_WORDING.other.label, reveals: purposesOther },
  }),
  errors: { required: "Select why your organisation wants to engage people online" },
});

function purposeReason(purpose: Purpose) {
  return textareaQuestion({
    id: `reason-${purpose}`,
    label: PURPOSE_WORDING[purpose].reason,
    summaryLabel: PURPOSE_WORDING[purpose].reason,
    optional: true,
    maxLength: 300,
    rows: 3,
    errors: { required: "Say why this matters", name: "Your reason" },
  });
}

const reasonKey = (purpose: Purpose) => `purposeReason@${purpose}`;

// --- Stakeholder groups ---------------------------------------------------------------------

/** Hints for the suggested groups; their names come from the scoring module, which reports on them. */
const GROUP_HINTS: Partial<Record<SuggestedGroup, string>> = {
  residents: "People who live in your area or use your services.",
  "elected-members": "Councillors, or ministers and members of parliament.",
  "senior-officials": "Your own executives and senior managers, and those of partner bodies.",
  media: "Journalists, editors and broadcasters.",
  "community-groups": "Residents' associations, clubs, and faith and cultural groups.",
  "citizen-journalists":
    "People who report or comment on local affairs online, such as bloggers and the admins of local groups.",
};

const GROUP_WORDING = Object.fromEntries(
  SUGGESTED_GROUPS.map((id) => [id, { ...SUGGESTED_GROUP_NAMES[id], hint: GROUP_HINTS[id] }]),
) as Record<SuggestedGroup, { label: string; phrase: string; hint?: string }>;

export const suggestedGroups = checkboxesQuestion({
  id: "suggestedGroups",
  label: "Common groups",
  hint: "Select all that apply.",
  summaryLabel: "Groups you need to engage",
  optional: true,
  options: optionsFor(SUGGESTED_GROUPS, {
    residents: { label: GROUP_WORDING.residents.label, hint: GROUP_WORDING.residents.hint },
    businesses: { label: GROUP_WORDING.businesses.label },
    "elected-members": { label: GROUP_WORDING["elected-members"].label, hint: GROUP_WORDING["elected-members"].hint },
    "senior-officials": {
      label: GROUP_WORDING["senior-officials"].label,
      hint: GROUP_WORDING["senior-officials"].hint,
    },
    board: { label: GROUP_WORDING.board.label },
    media: { label: GROUP_WORDING.media.label, hint: GROUP_WORDING.media.hint },
    "community-groups": {
      label: GROUP_WORDING["community-groups"].label,
      hint: GROUP_WORDING["community-groups"].hint,
    },
    "advocacy-groups": { label: GROUP_WORDING["advocacy-groups"].label },
    "citizen-journalists": {
      label: GROUP_WORDING["citizen-journalists"].label,
      hint: GROUP_WORDING["citizen-journalists"].hint,
    },
    staff: { label: GROUP_WORDING.staff.label },
  }),
  errors: { required: "Select at least one group, or add one of your own" },
});

const customGroupName = textQuestion({
  id: "name",
  label: "Name of the group",
  summaryLabel: "Name",
  maxLength: 80,
  errors: { required: "Enter the name of the group", name: "The group's name" },
});

export const customGroups = repeatingQuestion({
  id: "customGroups",
  label: "Other groups",
  hint: "Add any other group you need to engage, such as a particular industry, an iwi or a residents' network.",
  summaryLabel: "Other groups",
  itemName: "group",
  idPrefix: "custom",
  fields: [customGroupName],
  minItems: 0,
  maxItems: 10,
  item: z.object({ id: itemIdSchema, name: customGroupName.schema }),
  summarise: (item) => item.name,
  errors: {
    required: "Add the other groups",
    tooMany: "You can add up to 10 other groups",
    duplicate: { field: "name", message: "You have already added a group with this name" },
  },
});

export function isSuggestedGroup(id: string): id is SuggestedGroup {
  return (SUGGESTED_GROUPS as readonly string[]).includes(id);
}

/** The groups chosen so far, suggested ones first in the list's order, then the ones people added. */
export function groupsFrom(answers: StoredAnswers): GroupRef[] {
  const chosen = Array.isArray(answers.suggestedGroups) ? answers.suggestedGroups : [];
  const suggested = SUGGESTED_GROUPS.filter((id) => chosen.includes(id)).map((id) => ({
    id,
    name: GROUP_WORDING[id].label,
    phrase: GROUP_WORDING[id].phrase,
  }));
  // A group of one's own always has a "custom-" id, once: a stored id of any other form (saved
  // before forged ids were refused) must not stand for a suggested group or appear twice.
  const seen = new Set<string>();
  const custom = (Array.isArray(answers.customGroups) ? answers.customGroups : []).flatMap((item: unknown) => {
    const record = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof record.id !== "string" || typeof record.name !== "string") return [];
    if (!record.id.startsWith(`${customGroups.idPrefix}-`) || seen.has(record.id)) return [];
    seen.add(record.id);
    return [{ id: record.id, name: record.name, phrase: record.name }];
  });
  return [...suggested, ...custom];
}

// --- About each group -------------------------------------------------------------------------

export const why = textareaQuestion({
  id: "why",
  label: "Why do you need to engage them?",
  hint: "For example: they use our services, they approve our budget, or they can delay a project.",
  summaryLabel: "Why engage them",
  maxLength: 300,
  rows: 3,
  errors: { required: "Say why you need to engage this group", name: "Why you need to engage them" },
});

export const influence = radiosQuestion({
  id: "influence",
  ordered: true,
  label: "How much can they affect your decisions or reputation?",
  summaryLabel: "Influence",
  options: optionsFor(DEGREES, {
    high: { label: "A lot", hint: "For example, they approve your budget, or can stop a project or turn opinion." },
    medium: {
      label: "Some",
      hint: "For example, they can delay a project, or their views carry weight with decision makers.",
    },
    low: { label: "A little", hint: "They have little say in your decisions and few people hear their views." },
  }),
  errors: { required: "Select how much this group can affect your decisions or reputation" },
});

export const interest = radiosQuestion({
  id: "interest",
  ordered: true,
  label: "How closely do they follow what you do?",
  summaryLabel: "Interest",
  options: optionsFor(DEGREES, {
    high: { label: "Closely", hint: "They notice what you do and react to it." },
    medium: { label: "Now and then", hint: "They pay attention when something affects them." },
    low: { label: "Not closely", hint: "They rarely notice what you do." },
  }),
  errors: { required: "Select how closely this group follows what you do" },
});

export const expectations = textareaQuestion({
  id: "expectations",
  label: "What do they expect from you, and what worries them?",
  hint: "For example: quick answers about bin collections, or worry that rates will go up.",
  summaryLabel: "Expectations and concerns",
  optional: true,
  maxLength: 500,
  rows: 4,
  errors: { required: "Say what they expect", name: "Expectations and concerns" },
});

export const sentiment = radiosQuestion({
  id: "sentiment",
  ordered: true,
  label: "How do they feel about your organisation at the moment?",
  summaryLabel: "How they feel now",
  options: optionsFor(SENTIMENTS, {
    supportive: { label: "Supportive" },
    neutral: { label: "Neutral" },
    sceptical: { label: "Sceptical", hint: "They doubt what you say or do." },
    mixed: { label: "Mixed", hint: "Some of them support you and some oppose you.", offScale: true },
    hostile: { label: "Hostile", hint: "They often criticise or attack you in public." },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: { required: "Select how this group feels about your organisation" },
});

export const online = checkboxesQuestion({
  id: "online",
  label: "Where are they online?",
  hint: "Select all that apply.",
  summaryLabel: "Where they are online",
  options: optionsFor(ONLINE_PLACES, {
    facebook: { label: "Facebook pages" },
    "community-groups-online": { label: "Local Facebook groups or community forums" },
    instagram: { label: "Instagram" },
    x: { label: "X (formerly Twitter)" },
    linkedin: { label: "LinkedIn" },
    youtube: { label: "YouTube" },
    tiktok: { label: "TikTok" },
    "other-social": { label: "Bluesky, Threads, Mastodon or similar" },
    neighbourhood: { label: "Nextdoor or other neighbourhood networks" },
    messaging: { label: "WhatsApp or other messaging apps" },
    "news-comments": { label: "Comments on news websites" },
    email: { label: "Email and newsletters" },
    "mostly-offline": { label: "They are mostly not online", exclusive: true },
    unknown: { label: "I don't know", exclusive: true },
  }),
  errors: {
    required: "Select where this group is online, or select 'I don't know'",
    exclusive: "Select 'mostly not online' or 'I don't know' on its own, or select the places",
  },
});

const GROUP_QUESTIONS = [why, influence, interest, expectations, sentiment, online] as const;

/** Stored as "why@residents", "sentiment@custom-4f2a" and so on. */
export function groupAnswerKey(questionId: string, groupId: string): string {
  return `${questionId}@${groupId}`;
}

function groupPage(group: GroupRef): PageDef {
  return {
    id: `group-${group.id}`,
    title: `About ${group.phrase}`,
    questions: GROUP_QUESTIONS,
    answerKey: (questionId) => groupAnswerKey(questionId, group.id),
    cardTitle: group.name,
  };
}

// --- Key projects -----------------------------------------------------------------------------

const projectName = textQuestion({
  id: "name",
  label: "Name of the project or decision",
  summaryLabel: "Name",
  maxLength: 120,
  errors: { required: "Enter the name of the project or decision", name: "The project's name" },
});

const TIMING_WORDING = {
  "next-3-months": { label: "In the next 3 months" },
  "3-6-months": { label: "In 3 to 6 months" },
  "6-12-months": { label: "In 6 to 12 months" },
} as const;

const projectTiming = radiosQuestion({
  id: "timing",
  ordered: true,
  label: "When will it draw most attention?",
  summaryLabel: "When",
  inline: false,
  options: optionsFor(PROJECT_TIMINGS, TIMING_WORDING),
  errors: { required: "Select when the project will draw most attention" },
});

const CONTENTIOUSNESS_WORDING = {
  high: { label: "Very strongly", hint: "Expect criticism, complaints or campaigns." },
  medium: { label: "Quite strongly" },
  low: { label: "Not strongly" },
} as const;

const projectContentiousness = radiosQuestion({
  id: "contentiousness",
  ordered: true,
  label: "How strongly do people feel about it?",
  summaryLabel: "Strength of feeling",
  options: optionsFor(CONTENTIOUSNESS, CONTENTIOUSNESS_WORDING),
  errors: { required: "Select how strongly people feel about the project" },
});

function projectGroups(groups: readonly GroupRef[]) {
  return checkboxesQuestion({
    id: "groupIds",
    label: "Which groups does it affect?",
    summaryLabel: "Groups affected",
    optional: true,
    options: groups.map((group) => ({ value: group.id, label: group.name })),
    errors: { required: "Select the groups it affects" },
  });
}

/** The key-projects question: its group options are the groups chosen earlier. */
export function projectsQuestion(groups: readonly GroupRef[]) {
  const groupIds = projectGroups(groups);
  const names = new Map(groups.map((group) => [group.id, group.name]));
  return repeatingQuestion({
    id: "projects",
    label: "Projects and decisions",
    hint: "Add the ones most likely to bring questions, complaints or campaigns. If you do not expect any, leave the list empty and select Continue.",
    summaryLabel: "Projects and decisions that will draw interest",
    itemName: "project",
    idPrefix: "project",
    fields: [projectName, projectTiming, projectContentiousness, groupIds],
    minItems: 0,
    maxItems: 10,
    item: z.object({
      id: itemIdSchema,
      name: projectName.schema,
      timing: projectTiming.schema,
      contentiousness: projectContentiousness.schema,
      groupIds: groupIds.schema,
    }),
    summarise: (item) => {
      const affected = item.groupIds.map((id) => names.get(id) ?? id);
      const feeling = CONTENTIOUSNESS_WORDING[item.contentiousness].label.toLowerCase();
      return [
        `${item.name}: ${TIMING_WORDING[item.timing].label.toLowerCase()}; people feel ${feeling} about it`,
        affected.length > 0 ? `; affects ${affected.join(", ")}` : "",
      ].join("");
    },
    errors: {
      required: "Add the projects and decisions",
      tooMany: "You can add up to 10 projects and decisions",
      duplicate: { field: "name", message: "You have already added a project with this name" },
    },
  });
}

// --- The section --------------------------------------------------------------------------------

/**
 * When groups are dropped from the list, their answers go too: the "@group" answers on later
 * pages, and the group in each project's list of groups affected. People confirm this first.
 */
function removeDroppedGroups(values: Record<string, unknown>, stored: StoredAnswers): SaveEffects {
  const kept = new Set(
    groupsFrom({ suggestedGroups: values.suggestedGroups, customGroups: values.customGroups }).map((group) => group.id),
  );
  const removed = groupsFrom(stored).filter((group) => !kept.has(group.id));
  if (removed.length === 0) return {};
  const clear = Object.keys(stored).filter((key) => removed.some((group) => key.endsWith(`@${group.id}`)));
  const set: Record<string, unknown> = {};
  if (Array.isArray(stored.projects)) {
    set.projects = stored.projects.map((project: unknown) => {
      const record = (typeof project === "object" && project !== null ? project : {}) as Record<string, unknown>;
      const groupIds = Array.isArray(record.groupIds) ? record.groupIds.filter((id) => kept.has(String(id))) : [];
      return { ...record, groupIds };
    });
  }
  return {
    clear,
    set,
    removes: clear.length > 0 ? { names: removed.map((group) => group.name), answerCount: clear.length } : undefined,
  };
}

function chosenPurposes(ctx: PageContext): Purpose[] {
  const chosen = ctx.switches.purposes;
  return PURPOSES.filter((purpose) => Array.isArray(chosen) && chosen.includes(purpose));
}

function stakeholderPages(ctx: PageContext): PageDef[] {
  const reasons = chosenPurposes(ctx);
  return [
    {
      id: "purposes",
      questions: [purposes],
      // Reasons for purposes no longer chosen would otherwise linger in the strategy.
      onSave: (values) => {
        const chosen = Array.isArray(values.purposes) ? values.purposes : [];
        return { clear: PURPOSES.filter((purpose) => !chosen.includes(purpose)).map(reasonKey) };
      },
    },
    ...(reasons.length > 0
      ? [
          {
            id: "purpose-reasons",
            title: "Why do these matter to your organisation?",
            intro: [
              "In a sentence or two, say what each one will do for your organisation or the people you serve. Your answers go into your strategy. You can leave any of them blank.",
            ],
            questions: reasons.map(purposeReason),
            answerKey: (questionId: string) => reasonKey(questionId.replace(/^reason-/, "") as Purpose),
          } satisfies PageDef,
        ]
      : []),
    {
      id: "groups",
      title: "Which groups do you need to engage?",
      intro: [
        "Think about everyone affected by your decisions, and everyone who can affect them. You will answer a few questions about each group next.",
      ],
      questions: [suggestedGroups, customGroups],
      onSave: removeDroppedGroups,
      rules: [
        {
          path: "suggestedGroups",
          message: "Select at least one group, or add one of your own",
          passes: (values) => {
            const suggested = values.suggestedGroups;
            const custom = values.customGroups;
            const hasSuggested = Array.isArray(suggested) ? suggested.length > 0 : typeof suggested === "string";
            return hasSuggested || (Array.isArray(custom) && custom.length > 0);
          },
        },
      ],
    },
    ...ctx.groups.map(groupPage),
    {
      id: "projects",
      title: "Which projects or decisions in the next 12 months will draw public interest?",
      questions: [projectsQuestion(ctx.groups)],
    },
  ];
}

function groupSchema() {
  return z.object({
    id: z.string().check(z.minLength(1)),
    kind: z.enum([...SUGGESTED_GROUPS, "custom"]),
    name: z.string().check(z.minLength(1)),
    why: why.schema,
    influence: influence.schema,
    interest: interest.schema,
    expectations: expectations.schema,
    sentiment: sentiment.schema,
    online: online.schema,
  });
}

/** The whole section's answers, in the shape the scoring module reads. */
export function stakeholdersSchema(groups: readonly GroupRef[]) {
  return withConditionals(
    z.object({
      purposes: purposes.schema,
      purposesOther: purposesOther.schema,
      purposeReasons: z.partialRecord(z.enum(PURPOSES), purposeReason("share").schema),
      groups: z.array(groupSchema()).check(z.minLength(1)),
      projects: projectsQuestion(groups).schema,
    }),
    [purposes],
  );
}

// The schema must produce exactly the type the scoring module consumes.
export type StakeholdersSchemaMatchesScoring = Expect<
  Equal<z.output<ReturnType<typeof stakeholdersSchema>>, StakeholderAnswers>
>;

function collectStakeholders(answers: StoredAnswers, ctx: PageContext): unknown {
  const purposeInput = formInputFor({ id: "purposes", questions: [purposes] }, answers);
  const purposeReasons: Record<string, unknown> = {};
  for (const purpose of PURPOSES) {
    const reason = answers[reasonKey(purpose)];
    if (typeof reason === "string" && reason !== "") purposeReasons[purpose] = reason;
  }
  return {
    ...purposeInput,
    purposeReasons,
    groups: ctx.groups.map((group) => ({
      id: group.id,
      kind: isSuggestedGroup(group.id) ? group.id : "custom",
      name: group.name,
      ...formInputFor(groupPage(group), answers),
    })),
    projects: toFieldInput(projectsQuestion(ctx.groups), answers.projects),
  };
}

/** The section's schema for the context's groups, built once for each set of groups. */
export const stakeholdersSchemaFor = byContext((ctx) => stakeholdersSchema(ctx.groups));

export const stakeholdersSection: SectionDef = {
  id: "stakeholders",
  title: "Decide who you need to engage and why",
  hint: "Why you want to engage online, the groups that matter, and the projects that will draw attention.",
  dependsOn: [],
  minutes: [7, 10],
  pages: byContext(stakeholderPages),
  collect: collectStakeholders,
  schema: stakeholdersSchemaFor,
};

/** Every answer key that belongs to one group, for removing a group and what depends on it. */
export function groupQuestionIds(): readonly string[] {
  return GROUP_QUESTIONS.map((question) => question.id);
}
