/**
 * The answers as data: every question the assessment asks this organisation, worded as it was
 * asked, with the answer as the check-answers page shows it and as a typed value. The CSV is for
 * people (a spreadsheet), the JSON for analysis. Both are built from the question definitions,
 * so they can never disagree with the wizard or the check-answers page.
 *
 * They work at any time, finished or not: they are the organisation's own data.
 */
import { z } from "zod";
import type { StoredAnswers } from "../../db/repositories/answers";
import { formatAnswer, notAskedLine } from "../questionnaire/format";
import { withRevealed, type ItemFieldQuestion, type Question } from "../questionnaire/question-types";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { answerKeyOf, type PageDef } from "../questionnaire/section-types";
import { csvDocument } from "./csv";
import { EXPORT_PRODUCT, type ExportMeta } from "./export-meta";

/** What the exports read: the answers as the questionnaire reads them, and who they belong to. */
export type AnswersSource = {
  /** Stored answers, upgraded to the current questionnaire (`loadAnswers`). */
  answers: StoredAnswers;
  /** Keys filled in because the question was added after the assessment was answered. */
  notAsked: readonly string[];
  meta: ExportMeta;
  /** For an assessment answered in a workshop: each current participant's answers and the settled ones. */
  workshop?: WorkshopAnswers | null;
};

/**
 * A workshop's answers as the exports carry them. Participants are named only when the workshop
 * showed names; otherwise "Participant 1, 2, ..." in the order they joined. Never a link.
 */
export type WorkshopAnswers = {
  participantSections: readonly string[];
  namesShown: boolean;
  participants: readonly { label: string; answers: StoredAnswers }[];
  settlements: readonly {
    key: string;
    value: unknown;
    reason: string | null;
    settledBy: string | null;
    settledAt: string;
  }[];
};

const NOT_ANSWERED = "Not answered";

// ---------------------------------------------------------------------------------------------
// The JSON export's schema: a public contract (see docs/report-data.md)
// ---------------------------------------------------------------------------------------------

export const ANSWERS_DATA_SCHEMA_ID = "engagement-readiness/answers";
export const ANSWERS_DATA_VERSION = "1.1.0";

const ItemValueSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()]))
  .meta({ description: "One item of a list (a project, an objective, a group you added), its fields by id." });

export const AnswerValueSchema = z
  .union([z.string(), z.number(), z.array(z.string()), z.array(ItemValueSchema), z.null()])
  .meta({
    description:
      'The answer as stored: option codes for choices (stable ids, not wording), numbers as numbers, "unknown" for "I don\'t know", lists of items for lists, null when not answered.',
  });

const AboutSchema = z
  .object({
    kind: z.enum(["group"]).meta({ description: "What the question is about: one stakeholder group." }),
    id: z.string().meta({ description: "The group's stable id (a suggested group's id, or custom-...)." }),
    name: z.string().meta({ description: "The group's name as shown." }),
  })
  .meta({ description: "The stakeholder group a per-group question is about." });

export const AnsweredQuestionSchema = z.object({
  key: z.string().meta({
    description:
      'Stable key of the answer: the question id, with "@group" for questions asked per group (why@residents).',
  }),
  questionId: z.string().meta({ description: "The question's id in the questionnaire." }),
  question: z.string().meta({ description: "The question as it was asked." }),
  kind: z.enum(["text", "textarea", "number", "radios", "checkboxes", "repeating"]),
  about: AboutSchema.nullable(),
  followUpOf: z
    .string()
    .nullable()
    .meta({ description: "For a follow-up question shown after choosing an option, the key of its question." }),
  value: AnswerValueSchema,
  answerText: z
    .array(z.string())
    .meta({ description: "The answer as the check-answers page shows it, one line per entry; empty when none." }),
  notAsked: z.boolean().meta({
    description:
      "True when the question was added after the assessment was answered and the value is the stated assumption.",
  }),
});

const WorkshopAnswerSchema = z.object({
  key: z.string().meta({ description: "The answer's key, as in the sections above." }),
  question: z.string().meta({ description: "The question as it was asked." }),
  value: AnswerValueSchema,
  answerText: z.array(z.string()).meta({ description: "The answer as the check-answers page shows it." }),
});

const WorkshopDataSchema = z
  .object({
    participantSections: z.array(z.string()).meta({ description: "The ids of the sections participants answered." }),
    namesShown: z.boolean().meta({
      description:
        'Whether the workshop showed names. When false, participants are "Participant 1", "Participant 2", ...',
    }),
    participants: z.array(
      z.object({
        label: z.string().meta({
          description: 'The participant\'s name if names were shown, else "Participant N" in the order they joined.',
        }),
        answers: z.array(WorkshopAnswerSchema).meta({ description: "Every answer they gave, in questionnaire order." }),
      }),
    ),
    settled: z
      .array(
        WorkshopAnswerSchema.extend({
          reason: z.string().nullable().meta({ description: "Why the group chose this, if recorded." }),
          settledBy: z.string().nullable().meta({ description: "Who recorded it; null once their account has gone." }),
          settledAt: z.string().meta({ description: "When it was recorded, ISO 8601 in UTC." }),
        }),
      )
      .meta({ description: "The answers the group settled; these are also the values in the sections above." }),
  })
  .meta({
    description: "For an assessment answered in a workshop: each current participant's answers and the group's.",
  });

export const AnswersDataSchema = z
  .object({
    schema: z.literal(ANSWERS_DATA_SCHEMA_ID),
    schemaVersion: z.string().meta({ description: "Version of this format (semantic versioning)." }),
    exportId: z.string().meta({
      description: "Identifies the assessment across exports without revealing its private link or its database id.",
    }),
    generatedAt: z.string().meta({ description: "When this file was made, ISO 8601 in UTC." }),
    generator: z.string(),
    questionnaireVersion: z.string().meta({ description: "The questionnaire version the assessment was started on." }),
    organisationName: z.string().nullable(),
    finished: z.boolean().meta({ description: "True once the assessment was checked and finished." }),
    finishedOn: z.string().nullable().meta({ description: "The date it was finished, yyyy-mm-dd." }),
    completedBy: z.string().nullable(),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        questions: z.array(AnsweredQuestionSchema),
      }),
    ),
    workshop: WorkshopDataSchema.nullable().meta({
      description: "Present (not null) when the assessment was answered in a workshop. Added in 1.1.0.",
    }),
  })
  .meta({
    title: "Engagement readiness answers",
    description: "Every answer of one assessment, as typed values with the wording of each question.",
  });

export type AnswersData = z.infer<typeof AnswersDataSchema>;
type AnswerValue = z.infer<typeof AnswerValueSchema>;

// ---------------------------------------------------------------------------------------------
// Walking the questionnaire
// ---------------------------------------------------------------------------------------------

type Entry = {
  sectionId: string;
  sectionTitle: string;
  page: PageDef;
  question: Question;
  key: string;
  about: { kind: "group"; id: string; name: string } | null;
  followUpOf: string | null;
};

function aboutOf(page: PageDef, key: string, questionId: string): Entry["about"] {
  // Per-group pages store "why@residents" and carry the group's name as their card title.
  const at = key.lastIndexOf("@");
  if (!page.cardTitle || at < 0 || key.slice(0, at) !== questionId) return null;
  return { kind: "group", id: key.slice(at + 1), name: page.cardTitle };
}

/** Every question the questionnaire asks these answers, follow-ups after their question, in order. */
function entries(answers: StoredAnswers): Entry[] {
  const ctx = pageContext(answers);
  return SECTIONS.flatMap((section) =>
    section.pages(ctx).flatMap((page) =>
      page.questions.flatMap((question) => {
        const key = answerKeyOf(page, question.id);
        const base = {
          sectionId: section.id,
          sectionTitle: section.title,
          page,
          about: aboutOf(page, key, question.id),
        };
        const followUps = withRevealed([question]).slice(1);
        return [
          { ...base, question, key, followUpOf: null },
          ...followUps.map((child) => ({
            ...base,
            question: child,
            key: answerKeyOf(page, child.id),
            followUpOf: key,
          })),
        ];
      }),
    ),
  );
}

function lookup(answers: StoredAnswers, page: PageDef) {
  return (questionId: string) => answers[answerKeyOf(page, questionId)];
}

function answerLines(entry: Entry, answers: StoredAnswers, notAsked: readonly string[]): string[] {
  const lines = formatAnswer(entry.question, lookup(answers, entry.page));
  if (notAsked.includes(entry.key)) return [notAskedLine(lines)];
  return lines ?? [];
}

function typedItem(item: unknown): Record<string, string | number | string[] | null> | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
  const out: Record<string, string | number | string[] | null> = {};
  for (const [field, value] of Object.entries(item)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) out[field] = value;
    else if (Array.isArray(value)) out[field] = value.filter((part): part is string => typeof part === "string");
    else out[field] = null;
  }
  return out;
}

/** The stored value in the export's types; anything that does not fit (never stored by the wizard) is null. */
function typedValue(value: unknown): AnswerValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    if (value.every((part) => typeof part === "string")) return value as string[];
    return value.map(typedItem).filter((item) => item !== null);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** The answers as typed data, with the questionnaire version and a non-secret export id. */
export function answersData(source: AnswersSource): AnswersData {
  const { answers, notAsked, meta } = source;
  const sections = new Map<string, AnswersData["sections"][number]>();
  for (const section of SECTIONS) sections.set(section.id, { id: section.id, title: section.title, questions: [] });
  for (const entry of entries(answers)) {
    sections.get(entry.sectionId)?.questions.push({
      key: entry.key,
      questionId: entry.question.id,
      question: entry.question.label,
      kind: entry.question.kind,
      about: entry.about,
      followUpOf: entry.followUpOf,
      value: typedValue(answers[entry.key]),
      answerText: answerLines(entry, answers, notAsked),
      notAsked: notAsked.includes(entry.key),
    });
  }
  return {
    schema: ANSWERS_DATA_SCHEMA_ID,
    schemaVersion: ANSWERS_DATA_VERSION,
    exportId: meta.exportId,
    generatedAt: meta.generatedAt,
    generator: EXPORT_PRODUCT,
    questionnaireVersion: meta.questionnaireVersion,
    organisationName: meta.organisationName,
    finished: meta.finishedOn !== null,
    finishedOn: meta.finishedOn,
    completedBy: meta.completedBy,
    sections: [...sections.values()],
    workshop: source.workshop ? workshopData(source.workshop, answers) : null,
  };
}

/** A respondent's answers to the given sections, in questionnaire order, as the sections list them. */
function givenAnswers(answers: StoredAnswers, sectionIds: readonly string[]) {
  return entries(answers)
    .filter((entry) => sectionIds.includes(entry.sectionId) && answers[entry.key] !== undefined)
    .map((entry) => ({
      key: entry.key,
      question: entry.question.label,
      value: typedValue(answers[entry.key]),
      answerText: answerLines(entry, answers, []),
    }));
}

function workshopData(workshop: WorkshopAnswers, groupAnswers: StoredAnswers): NonNullable<AnswersData["workshop"]> {
  const asked = new Map(entries(groupAnswers).map((entry) => [entry.key, entry]));
  return {
    participantSections: [...workshop.participantSections],
    namesShown: workshop.namesShown,
    participants: workshop.participants.map((participant) => ({
      label: participant.label,
      answers: givenAnswers(participant.answers, workshop.participantSections),
    })),
    settled: workshop.settlements.map((settlement) => {
      const entry = asked.get(settlement.key);
      const values = { ...groupAnswers, [settlement.key]: settlement.value };
      return {
        key: settlement.key,
        question: entry?.question.label ?? settlement.key,
        value: typedValue(settlement.value),
        answerText: entry ? answerLines(entry, values, []) : [],
        reason: settlement.reason,
        settledBy: settlement.settledBy,
        settledAt: settlement.settledAt,
      };
    }),
  };
}

export function answersJson(source: AnswersSource): string {
  return `${JSON.stringify(answersData(source), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

export const ANSWERS_CSV_HEADER = ["Section", "Question key", "About", "Question", "Answer"] as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One row per field of each item of a list question ("Project 2", "What is it called?"). */
function itemRows(entry: Entry, items: unknown): string[][] {
  const question = entry.question;
  if (question.kind !== "repeating") return [];
  const list = Array.isArray(items) ? items.filter((item) => typeof item === "object" && item !== null) : [];
  if (list.length === 0) return [[entry.sectionTitle, entry.key, "", question.label, "None"]];
  return list.flatMap((item: Record<string, unknown>, index) => {
    const about = `${capitalise(question.itemName)} ${index + 1}`;
    const itemKey = `${entry.key}[${typeof item.id === "string" ? item.id : index + 1}]`;
    return withRevealed(question.fields as readonly ItemFieldQuestion[])
      .filter((field) => field.id !== "id")
      .flatMap((field) => {
        const lines = formatAnswer(field, (id) => item[id]);
        // A follow-up that was never shown (its option not chosen) is not a question they met.
        const isFollowUp = !question.fields.some((top) => top.id === field.id);
        if (isFollowUp && lines === undefined) return [];
        return [
          [entry.sectionTitle, `${itemKey}.${field.id}`, about, field.label, lines ? lines.join("\n") : NOT_ANSWERED],
        ];
      });
  });
}

/**
 * The rows of the CSV: one per question on the check-answers page (a follow-up's answer sits in
 * its question's, as on that page), and one per item and field for lists.
 */
export function answersCsvRows(source: AnswersSource): string[][] {
  const { answers, notAsked, workshop } = source;
  const settled = new Map((workshop?.settlements ?? []).map((settlement) => [settlement.key, settlement]));
  return entries(answers)
    .filter((entry) => entry.followUpOf === null)
    .flatMap((entry) => {
      const rows =
        entry.question.kind === "repeating" && !notAsked.includes(entry.key)
          ? itemRows(entry, answers[entry.key])
          : [
              [
                entry.sectionTitle,
                entry.key,
                entry.about?.name ?? "",
                entry.question.label,
                (() => {
                  const lines = answerLines(entry, answers, notAsked);
                  return lines.length > 0 ? lines.join("\n") : NOT_ANSWERED;
                })(),
              ],
            ];
      if (!workshop) return rows;
      // The workshop's columns go on the question's first row: who settled it, when and why, then
      // each participant's own answer (a list as one line per item).
      const settlement = settled.get(entry.key);
      const asked = workshop.participantSections.includes(entry.sectionId);
      const extra = [
        settlement ? (settlement.settledBy ?? "A former member") : "",
        settlement ? settlement.settledAt : "",
        settlement?.reason ?? "",
        ...workshop.participants.map((participant) => {
          if (!asked) return "";
          const lines = formatAnswer(entry.question, lookup(participant.answers, entry.page));
          return lines ? lines.join("\n") : NOT_ANSWERED;
        }),
      ];
      const blank = extra.map(() => "");
      return rows.map((row, index) => [...row, ...(index === 0 ? extra : blank)]);
    });
}

/** The CSV's header: a workshop's adds who settled each answer, when and why, and each participant. */
export function answersCsvHeader(source: AnswersSource): readonly string[] {
  if (!source.workshop) return ANSWERS_CSV_HEADER;
  return [
    ...ANSWERS_CSV_HEADER,
    "Settled by",
    "Settled at (UTC)",
    "Why the group chose this",
    ...source.workshop.participants.map((participant) => `Answer of ${participant.label}`),
  ];
}

/** The answers as a CSV file: UTF-8 with a byte order mark, RFC 4180, formulas defused. */
export function answersCsv(source: AnswersSource): string {
  return csvDocument(answersCsvHeader(source), answersCsvRows(source));
}
