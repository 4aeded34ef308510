import * as z from "zod/mini";
import {
  ABUSE_FREQUENCIES,
  ACCOUNT_ACCESS,
  APPROVAL_NEEDS,
  APPROVAL_TIMES,
  COMMENTS_PER_POST,
  COVER_DAYS,
  COVER_HOURS,
  EXPERT_ACCESS,
  FOLLOWER_BANDS,
  HOUSE_RULES,
  MODERATION_MODELS,
  PEAK_KINDS,
  PEAK_SIZES,
  POSTING_FREQUENCIES,
  PRACTICE,
  QUESTION_SHARES,
  RECORDS_CAPTURE,
  RESPONSE_TIMES,
  STAFF_SUPPORT,
  TOOLS,
  TRAINING,
  TWO_FACTOR,
  VOLUME_KNOWLEDGE,
  type CapacityAnswers,
} from "../../../scoring/answers";
import { checkboxesQuestion, numberQuestion, optionsFor, radiosQuestion } from "../question-types";
import { numberOrUnknownQuestion, parseTime, timeQuestion } from "../special-questions";
import {
  byContext,
  collectPages,
  mergeDontKnow,
  withConditionals,
  type PageContext,
  type PageDef,
  type SectionDef,
} from "../section-types";
import type { Equal, Expect } from "../type-checks";

const DONT_KNOW = { label: "I don't know", exclusive: true } as const;

export const teamPeople = numberOrUnknownQuestion({
  id: "teamPeople",
  label: "How many people help run your online channels?",
  hint: "Count everyone who posts, replies or moderates, even for an hour a week. Enter 0 if nobody does yet.",
  summaryLabel: "People who help",
  min: 0,
  max: 1000,
  suffix: "people",
  dontKnow: {
    inputLabel: "Number of people",
    both: "Enter the number of people or select 'I don't know', not both",
  },
  errors: {
    required: "Enter how many people help run your channels, or select 'I don't know'",
    name: "the number of people",
    example: "3",
  },
});

export const teamHoursPerWeek = numberOrUnknownQuestion({
  id: "teamHoursPerWeek",
  label: "In total, how many hours a week do they spend on it?",
  hint: "Add up everyone's time. An estimate is fine.",
  summaryLabel: "Hours a week, in total",
  min: 0,
  max: 10000,
  decimals: true,
  suffix: "hours a week",
  dontKnow: {
    inputLabel: "Hours a week, in total",
    both: "Enter the hours a week or select 'I don't know', not both",
  },
  errors: {
    required: "Enter how many hours a week they spend on it, or select 'I don't know'",
    name: "the hours a week",
    example: "15",
  },
});

export const accountAccess = radiosQuestion({
  id: "accountAccess",
  label: "Who can get into your organisation's accounts?",
  summaryLabel: "Access to accounts",
  options: optionsFor(ACCOUNT_ACCESS, {
    "one-person": { label: "Only one person" },
    "shared-informally": { label: "Several people, sharing passwords informally" },
    "shared-managed": { label: "Several people, each with their own access or a password manager" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select who can get into your accounts" },
});

export const coverHours = radiosQuestion({
  id: "coverHours",
  ordered: true,
  label: "When do you watch your channels and reply?",
  summaryLabel: "When you watch and reply",
  options: optionsFor(COVER_HOURS, {
    "business-hours": { label: "Office hours on working days" },
    "extended-hours": {
      label: "Longer than office hours",
      hint: "For example, early mornings, evenings or weekends. We ask about your hours next.",
    },
    "all-hours": { label: "At all hours, every day" },
  }),
  errors: { required: "Select when you watch your channels and reply" },
});

export const coverDays = radiosQuestion({
  id: "coverDays",
  ordered: true,
  label: "Which days do you cover?",
  summaryLabel: "Days you cover",
  options: optionsFor(COVER_DAYS, {
    weekdays: { label: "Working days only" },
    "weekdays-some-weekends": { label: "Working days, and some hours at weekends" },
    "every-day": { label: "Every day, including weekends" },
  }),
  errors: { required: "Select which days you cover" },
});

export const coverFrom = timeQuestion({
  id: "coverFrom",
  label: "Start time",
  hint: "For example, 7:30 or 7.30am.",
  summaryLabel: "Usual start time",
  end: false,
  errors: {
    required: "Enter the time your cover starts, or leave both times blank",
    invalid: "Enter the start time as a time of day, like 7:30, 07:30 or 7.30am",
  },
});

export const coverTo = timeQuestion({
  id: "coverTo",
  label: "End time",
  hint: "For example, 20:00 or 8pm. Enter 24:00 for midnight.",
  summaryLabel: "Usual end time",
  end: true,
  errors: {
    required: "Enter the time your cover ends, or leave both times blank",
    invalid: "Enter the end time as a time of day, like 20:00, 20:30 or 8.30pm",
  },
});

const EXTENDED_COVER_QUESTIONS = [coverDays, coverFrom, coverTo];

export const outOfHoursProtocol = radiosQuestion({
  id: "outOfHoursProtocol",
  ordered: true,
  label: "Do you have a plan for urgent posts outside those hours, including emergencies?",
  hint: "For example: who is on call, who can post a warning, and how they reach the people who decide.",
  summaryLabel: "Out-of-hours and emergency plan",
  options: optionsFor(PRACTICE, {
    yes: { label: "Yes, written down and tested" },
    partly: { label: "Partly: it is informal" },
    no: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether you have a plan for urgent posts outside your hours" },
});

export const weeklyVolume = numberQuestion({
  id: "weeklyVolume",
  label: "About how many a week?",
  summaryLabel: "Questions and comments a week",
  optional: true,
  min: 0,
  max: 1_000_000,
  suffix: "a week",
  errors: {
    required: "Enter about how many questions and comments you get a week",
    name: "the number a week",
    example: "120",
  },
});

export const volumeKnowledge = radiosQuestion({
  id: "volumeKnowledge",
  label: "Do you know roughly how many questions and comments you get each week?",
  hint: "Count comments, messages, mentions and replies across all your channels.",
  summaryLabel: "Questions and comments a week",
  options: optionsFor(VOLUME_KNOWLEDGE, {
    known: { label: "Yes", reveals: weeklyVolume },
    "not-sure": { label: "No, I'm not sure", hint: "We will ask some simpler questions to estimate it." },
  }),
  errors: { required: "Select whether you know how many questions and comments you get" },
});

export const followers = radiosQuestion({
  id: "followers",
  ordered: true,
  label: "About how many followers do your main accounts have altogether?",
  summaryLabel: "Followers, altogether",
  options: optionsFor(FOLLOWER_BANDS, {
    "under-1k": { label: "Fewer than 1,000" },
    "1k-10k": { label: "1,000 to 10,000" },
    "10k-50k": { label: "10,000 to 50,000" },
    "50k-250k": { label: "50,000 to 250,000" },
    "over-250k": { label: "More than 250,000" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select about how many followers your main accounts have" },
});

export const postingFrequency = radiosQuestion({
  id: "postingFrequency",
  ordered: true,
  label: "How often do you post, across all your channels?",
  summaryLabel: "How often you post",
  options: optionsFor(POSTING_FREQUENCIES, {
    "under-1-a-week": { label: "Less than once a week" },
    "1-3-a-week": { label: "1 to 3 times a week" },
    "4-10-a-week": { label: "4 to 10 times a week" },
    "over-10-a-week": { label: "More than 10 times a week" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how often you post" },
});

export const commentsPerPost = radiosQuestion({
  id: "commentsPerPost",
  ordered: true,
  label: "How many comments or replies does a typical post get?",
  summaryLabel: "Comments on a typical post",
  options: optionsFor(COMMENTS_PER_POST, {
    "under-2": { label: "Fewer than 2" },
    "2-10": { label: "2 to 10" },
    "10-50": { label: "10 to 50" },
    "over-50": { label: "More than 50" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how many comments a typical post gets" },
});

export const questionShare = radiosQuestion({
  id: "questionShare",
  ordered: true,
  label: "Of the messages and comments you get, about how many are questions or requests that need an answer from you?",
  hint: "The rest might be thanks, opinions, or people talking to each other.",
  summaryLabel: "Messages and comments that need an answer",
  options: optionsFor(QUESTION_SHARES, {
    most: { label: "Most of them: three in four or more" },
    "over-half": { label: "More than half" },
    "about-half": { label: "About half" },
    "about-a-third": { label: "About a third" },
    "quarter-or-fewer": { label: "A quarter or fewer" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select about how many of your messages and comments need an answer" },
});

export const peaks = checkboxesQuestion({
  id: "peaks",
  label: "When do questions rise sharply?",
  hint: "Select all that apply.",
  summaryLabel: "When questions rise sharply",
  options: optionsFor(PEAK_KINDS, {
    seasonal: {
      label: "At busy times of year",
      hint: "For example, tax time, school enrolments or when rates notices go out.",
    },
    deadlines: {
      label: "Around deadlines and announcements",
      hint: "For example, closing dates for consultations, applications or payments.",
    },
    incidents: { label: "During incidents", hint: "For example, storms, floods, power cuts or road closures." },
    none: { label: "None: it is steady all year", exclusive: true },
    unknown: DONT_KNOW,
  }),
  errors: {
    required: "Select when questions rise sharply, or select 'None' or 'I don't know'",
    exclusive: "Select 'None' or 'I don't know' on its own, or select when questions rise sharply",
  },
});

export const peakSize = radiosQuestion({
  id: "peakSize",
  ordered: true,
  label: "In your busiest weeks, how much busier is it than usual?",
  summaryLabel: "How much busier the busiest weeks are",
  options: optionsFor(PEAK_SIZES, {
    "half-again": {
      label: "Up to half as busy again",
      hint: "For example, up to 150 questions where you would usually get 100.",
    },
    double: { label: "About twice as busy" },
    "triple-or-more": { label: "Three times as busy, or more" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how much busier your busiest weeks are" },
});

/** Whether the peaks chosen include a real kind of peak, rather than "none" or "I don't know". */
function namesAPeak(value: unknown): boolean {
  const chosen = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return chosen.some((kind) => kind !== "none" && kind !== "unknown");
}

const RESPONSE_WORDING = {
  "1-hour": { label: "Within an hour" },
  "4-hours": { label: "Within 4 working hours" },
  "same-day": { label: "The same working day", hint: "By the end of the working day the question arrives." },
  "1-working-day": { label: "Within 1 working day" },
  "2-working-days": { label: "Within 2 working days" },
  "1-week": { label: "Within a week" },
  longer: { label: "Longer than a week" },
} as const;

export const targetResponse = radiosQuestion({
  id: "targetResponse",
  ordered: true,
  label: "What is your target for replying to a question?",
  summaryLabel: "Target time to reply",
  options: optionsFor([...RESPONSE_TIMES, "no-target"] as const, {
    ...RESPONSE_WORDING,
    "no-target": { label: "We have no target", exclusive: true, offScale: true },
  }),
  errors: { required: "Select your target for replying to a question" },
});

export const actualResponse = radiosQuestion({
  id: "actualResponse",
  ordered: true,
  label: "How quickly do you usually reply now?",
  summaryLabel: "Usual time to reply now",
  options: optionsFor([...RESPONSE_TIMES, "unknown"] as const, { ...RESPONSE_WORDING, unknown: DONT_KNOW }),
  errors: { required: "Select how quickly you usually reply now" },
});

export const approvalNeed = radiosQuestion({
  id: "approvalNeed",
  ordered: true,
  label: "Does a reply need someone's approval before it is posted?",
  summaryLabel: "Approval before replying",
  options: optionsFor(APPROVAL_NEEDS, {
    none: { label: "No, staff reply on their own using agreed guidance" },
    "sensitive-only": { label: "Only replies on sensitive topics" },
    "most-replies": { label: "Yes, most replies" },
    "not-defined": { label: "There is no agreed process: it depends on the reply and who is around", offScale: true },
  }),
  errors: { required: "Select whether replies need approval" },
});

/** Approval time is asked only when some replies wait for approval by an agreed process. */
function waitsForApproval(value: unknown): boolean {
  return value === "sensitive-only" || value === "most-replies";
}

export const approvalTime = radiosQuestion({
  id: "approvalTime",
  ordered: true,
  label: "How long does approval usually take?",
  summaryLabel: "Time to get approval",
  options: optionsFor(APPROVAL_TIMES, {
    "under-1-hour": { label: "Less than an hour" },
    "same-day": { label: "Within the same working day" },
    "1-2-days": { label: "1 to 2 working days" },
    longer: { label: "Longer than 2 working days" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how long approval usually takes" },
});

export const keyMessages = radiosQuestion({
  id: "keyMessages",
  ordered: true,
  label: "Do you have approved key messages that staff can use without asking first?",
  hint: "Agreed answers to common questions, and about your key projects.",
  summaryLabel: "Approved key messages",
  options: optionsFor(PRACTICE, {
    yes: { label: "Yes" },
    partly: { label: "For some topics" },
    no: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether you have approved key messages" },
});

export const expertAccess = radiosQuestion({
  id: "expertAccess",
  ordered: true,
  label: "When a question needs a subject expert, how quickly can you get an answer?",
  summaryLabel: "Getting answers from experts",
  options: optionsFor(EXPERT_ACCESS, {
    "same-day": { label: "Usually the same day" },
    "few-days": { label: "Usually within a few days" },
    hard: { label: "It is often hard to get an answer" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how quickly you can get an answer from an expert" },
});

export const houseRules = radiosQuestion({
  id: "houseRules",
  ordered: true,
  label: "Do you publish house rules for people who comment on your pages?",
  hint: "House rules tell people what is welcome, what you will remove and why.",
  summaryLabel: "House rules",
  options: optionsFor(HOUSE_RULES, {
    published: { label: "Yes, published on our pages" },
    draft: { label: "We have a draft, but it is not published" },
    none: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether you publish house rules" },
});

export const moderationModel = radiosQuestion({
  id: "moderationModel",
  ordered: true,
  label: "How do you deal with comments that break your rules?",
  summaryLabel: "How you moderate",
  options: optionsFor(MODERATION_MODELS, {
    "pre-moderation": { label: "We check comments before they appear" },
    "post-moderation": { label: "We check comments after they appear, within set hours" },
    "on-complaint": { label: "We act only when someone complains" },
    none: { label: "We have no agreed approach" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how you deal with comments that break your rules" },
});

export const escalationPath = radiosQuestion({
  id: "escalationPath",
  ordered: true,
  label: "Do staff know when and how to pass a post to someone more senior?",
  hint: "For example: a threat, a legal issue, a complaint about a named person, or a story the media is following.",
  summaryLabel: "Passing posts up the line",
  options: optionsFor(PRACTICE, {
    yes: { label: "Yes, it is written down" },
    partly: { label: "Partly: people mostly know" },
    no: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether staff know when to pass a post on" },
});

export const offlineGuidance = radiosQuestion({
  id: "offlineGuidance",
  ordered: true,
  label: "Do you have guidance on when to move a conversation offline?",
  hint: "For example, to a phone call, an email or a meeting, when a public thread will not resolve it.",
  summaryLabel: "Moving conversations offline",
  options: optionsFor(PRACTICE, {
    yes: { label: "Yes, it is written down" },
    partly: { label: "Partly: people mostly know" },
    no: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether you have guidance on moving conversations offline" },
});

export const abuseFrequency = radiosQuestion({
  id: "abuseFrequency",
  ordered: true,
  label: "How often do the people running your channels receive abuse or threats?",
  hint: "Count abuse or threats aimed at them or at your organisation, in comments, messages or posts.",
  summaryLabel: "How often they receive abuse or threats",
  options: optionsFor(ABUSE_FREQUENCIES, {
    weekly: { label: "Every week, or more often" },
    monthly: { label: "Every month or so" },
    rarely: { label: "Rarely: a few times a year or less" },
    never: { label: "Never" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select how often the people running your channels receive abuse or threats" },
});

export const staffSupport = checkboxesQuestion({
  id: "staffSupport",
  label: "What support do staff get when they face hostile or abusive comments?",
  hint: "Select all that apply.",
  summaryLabel: "Support for staff facing hostility",
  options: optionsFor(STAFF_SUPPORT, {
    debriefs: { label: "Regular debriefs with a manager" },
    counselling: { label: "Counselling or an employee assistance programme" },
    "abuse-guidance": { label: "Written guidance on handling abuse" },
    rotation: { label: "Sharing the load, so no one person faces it all the time" },
    "block-and-report": { label: "Permission to hide, block or report abusive users" },
    none: { label: "None of these", exclusive: true },
  }),
  errors: {
    required: "Select the support staff get, or select 'None of these'",
    exclusive: "Select 'None of these' on its own, or select the support staff get",
  },
});

export const training = radiosQuestion({
  id: "training",
  ordered: true,
  label: "What training have they had for this work?",
  summaryLabel: "Training",
  options: optionsFor(TRAINING, {
    "formal-recent": { label: "Formal training in the last 12 months" },
    informal: { label: "Some informal training or coaching" },
    none: { label: "None" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select what training they have had" },
});

export const recordsCapture = radiosQuestion({
  id: "recordsCapture",
  ordered: true,
  label: "Do you keep your posts and replies as official records?",
  hint: "Public bodies usually have to keep what they publish, and their replies, like any other record.",
  summaryLabel: "Keeping posts and replies as records",
  options: optionsFor(RECORDS_CAPTURE, {
    automatic: { label: "Yes, a tool captures them automatically" },
    manual: { label: "Yes, we save them by hand" },
    none: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether you keep posts and replies as records" },
});

export const twoFactor = radiosQuestion({
  id: "twoFactor",
  ordered: true,
  label: "Is two-step sign-in turned on for your accounts and tools?",
  hint: "Two-step sign-in (also called two-factor authentication) asks for a code as well as a password.",
  summaryLabel: "Two-step sign-in",
  options: optionsFor(TWO_FACTOR, {
    all: { label: "Yes, on every account and tool" },
    some: { label: "On some of them" },
    none: { label: "No" },
    unknown: DONT_KNOW,
  }),
  errors: { required: "Select whether two-step sign-in is turned on" },
});

export const tools = checkboxesQuestion({
  id: "tools",
  label: "Which tools do you use?",
  hint: "Select all that apply.",
  summaryLabel: "Tools",
  options: optionsFor(TOOLS, {
    scheduling: { label: "A tool to schedule posts" },
    monitoring: { label: "A tool to monitor mentions and conversations" },
    "shared-inbox": { label: "A shared inbox for messages and comments" },
    archiving: { label: "A tool to archive posts and replies" },
    none: { label: "None of these", exclusive: true },
  }),
  errors: {
    required: "Select the tools you use, or select 'None of these'",
    exclusive: "Select 'None of these' on its own, or select the tools you use",
  },
});

const ESTIMATE_QUESTIONS = [followers, postingFrequency, commentsPerPost];

/** A number as typed or stored; undefined for blanks, "I don't know" and anything else. */
function asNumber(value: unknown): number | undefined {
  const text = typeof value === "string" ? value.replace(/[,\s]/g, "") : value;
  const number = typeof text === "number" ? text : typeof text === "string" && text !== "" ? Number(text) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

const teamPage: PageDef = {
  id: "team",
  title: "The people who run your channels",
  questions: [teamPeople, teamHoursPerWeek, accountAccess],
  rules: [
    {
      path: "teamHoursPerWeek",
      message: "Enter 0 hours, as nobody helps run your channels yet",
      // Skipped when either answer is "I don't know": there is nothing to compare.
      passes: (values) => asNumber(values.teamPeople) !== 0 || (asNumber(values.teamHoursPerWeek) ?? 0) === 0,
    },
    {
      path: "teamHoursPerWeek",
      message: "That is more hours than that many people can work in a week: check both numbers",
      passes: (values) => {
        const people = asNumber(values.teamPeople);
        const hours = asNumber(values.teamHoursPerWeek);
        return people === undefined || hours === undefined || people === 0 || hours <= people * 80;
      },
    },
  ],
};

/** The start and end of cover: both or neither, and the end after the start. */
const COVER_TIME_RULES = [
  {
    path: coverTo.id,
    message: coverTo.errors.required,
    passes: (values: Record<string, unknown>) => isBlank(values.coverFrom) || !isBlank(values.coverTo),
  },
  {
    path: coverFrom.id,
    message: coverFrom.errors.required,
    passes: (values: Record<string, unknown>) => isBlank(values.coverTo) || !isBlank(values.coverFrom),
  },
  {
    path: coverTo.id,
    message: "Enter an end time after the start time. If your cover runs to midnight, enter 24:00",
    passes: (values: Record<string, unknown>) => {
      const from = parseTime(values.coverFrom, { end: false });
      const to = parseTime(values.coverTo, { end: true });
      return from === undefined || to === undefined || to > from;
    },
  },
];

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function capacityPages(ctx: PageContext): PageDef[] {
  const notSure = ctx.switches.volumeKnowledge === "not-sure";
  const extended = ctx.switches.coverHours === "extended-hours";
  const peakSizeAsked = namesAPeak(ctx.switches.peaks);
  const needsApproval = waitsForApproval(ctx.switches.approvalNeed);
  return [
    teamPage,
    {
      id: "cover",
      title: "When you are available",
      questions: [coverHours, outOfHoursProtocol],
      onSave: (values) => ({
        clear: values.coverHours === "extended-hours" ? [] : EXTENDED_COVER_QUESTIONS.map((question) => question.id),
      }),
    },
    ...(extended
      ? [
          {
            id: "extended-cover",
            title: "Your longer hours",
            questions: EXTENDED_COVER_QUESTIONS,
            fieldsets: [
              {
                legend: "What are your usual hours?",
                hint: "Use the 24-hour clock, or am and pm. Leave these blank if your hours change from day to day.",
                optional: true,
                questionIds: [coverFrom.id, coverTo.id],
              },
            ],
            rules: COVER_TIME_RULES,
          } satisfies PageDef,
        ]
      : []),
    {
      id: "volume",
      questions: [volumeKnowledge],
      onSave: (values) => ({
        clear: values.volumeKnowledge === "known" ? ESTIMATE_QUESTIONS.map((question) => question.id) : [],
      }),
    },
    ...(notSure
      ? [
          {
            id: "volume-estimate",
            title: "Help us estimate how many questions you get",
            intro: ["Rough answers are fine. We use them to estimate the range of questions and comments to expect."],
            questions: ESTIMATE_QUESTIONS,
          },
        ]
      : []),
    { id: "question-share", questions: [questionShare] },
    {
      id: "peaks",
      questions: [peaks],
      onSave: (values) => ({ clear: namesAPeak(values.peaks) ? [] : [peakSize.id] }),
    },
    ...(peakSizeAsked ? [{ id: "peak-size", questions: [peakSize] }] : []),
    { id: "response-times", title: "How quickly you reply", questions: [targetResponse, actualResponse] },
    {
      id: "approvals",
      questions: [approvalNeed],
      onSave: (values) => ({ clear: waitsForApproval(values.approvalNeed) ? [] : [approvalTime.id] }),
    },
    ...(needsApproval ? [{ id: "approval-time", questions: [approvalTime] }] : []),
    { id: "answers", title: "Getting the right answer", questions: [keyMessages, expertAccess] },
    { id: "moderation", title: "Rules for comments", questions: [houseRules, moderationModel] },
    { id: "escalation", title: "Difficult conversations", questions: [escalationPath, offlineGuidance] },
    {
      id: "staff-support",
      title: "Looking after your staff",
      intro: [
        "People who run public channels often face hostile comments, and many take them personally. Support helps them keep going.",
      ],
      questions: [abuseFrequency, staffSupport, training],
    },
    { id: "records-security", title: "Records and security", questions: [recordsCapture, twoFactor, tools] },
  ];
}

const CapacityFields = withConditionals(
  z.object({
    teamPeople: teamPeople.schema,
    teamHoursPerWeek: teamHoursPerWeek.schema,
    accountAccess: accountAccess.schema,
    coverHours: coverHours.schema,
    coverDays: z.optional(coverDays.schema),
    coverFrom: coverFrom.schema,
    coverTo: coverTo.schema,
    outOfHoursProtocol: outOfHoursProtocol.schema,
    volumeKnowledge: volumeKnowledge.schema,
    weeklyVolume: weeklyVolume.schema,
    followers: z.optional(followers.schema),
    postingFrequency: z.optional(postingFrequency.schema),
    commentsPerPost: z.optional(commentsPerPost.schema),
    questionShare: questionShare.schema,
    peaks: peaks.schema,
    peakSize: z.optional(peakSize.schema),
    targetResponse: targetResponse.schema,
    actualResponse: actualResponse.schema,
    approvalNeed: approvalNeed.schema,
    approvalTime: z.optional(approvalTime.schema),
    keyMessages: keyMessages.schema,
    expertAccess: expertAccess.schema,
    houseRules: houseRules.schema,
    moderationModel: moderationModel.schema,
    escalationPath: escalationPath.schema,
    offlineGuidance: offlineGuidance.schema,
    staffSupport: staffSupport.schema,
    abuseFrequency: abuseFrequency.schema,
    training: training.schema,
    recordsCapture: recordsCapture.schema,
    twoFactor: twoFactor.schema,
    tools: tools.schema,
  }),
  [volumeKnowledge],
  [
    ...ESTIMATE_QUESTIONS.map((question) => ({
      path: question.id,
      message: question.errors.required,
      passes: (values: Record<string, unknown>) =>
        values.volumeKnowledge !== "not-sure" || typeof values[question.id] === "string",
    })),
    {
      path: approvalTime.id,
      message: approvalTime.errors.required,
      passes: (values: Record<string, unknown>) =>
        !waitsForApproval(values.approvalNeed) || typeof values.approvalTime === "string",
    },
    {
      path: coverDays.id,
      message: coverDays.errors.required,
      passes: (values: Record<string, unknown>) =>
        values.coverHours !== "extended-hours" || typeof values.coverDays === "string",
    },
    {
      path: peakSize.id,
      message: peakSize.errors.required,
      passes: (values: Record<string, unknown>) => !namesAPeak(values.peaks) || typeof values.peakSize === "string",
    },
    ...COVER_TIME_RULES,
  ],
);

/** The whole section's answers, in the shape the scoring module reads. */
export const CapacitySchema = z.pipe(z.transform(mergeDontKnow([teamPeople, teamHoursPerWeek])), CapacityFields);

// The schema must produce exactly the type the scoring module consumes.
export type CapacitySchemaMatchesScoring = Expect<Equal<z.output<typeof CapacitySchema>, CapacityAnswers>>;

const capacityPagesFor = byContext(capacityPages);

export const capacitySection: SectionDef = {
  id: "capacity",
  title: "Assess your capacity to answer questions",
  hint: "The people and hours you have, when you are available, how many questions you get and when, and the rules and support around replying.",
  dependsOn: [],
  minutes: [5, 8],
  pages: capacityPagesFor,
  collect: (answers, ctx) => collectPages(capacityPagesFor(ctx), answers),
  schema: () => CapacitySchema,
};
