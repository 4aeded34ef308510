import type { SettleQuestion } from "./settle-questions";
import { data, redirect } from "@remix-run/node";
import type { RespondentContext } from "../../db/repositories/assessments";
import {
  settleQuestion,
  type Settlement,
  type Workshop,
  type WorkshopWriteScope,
} from "../../db/repositories/workshops";
import type { WorkspaceScope } from "../../db/repositories/workspaces";
import { formatDateTime } from "../accounts/format-time";
import { db } from "../db.server";
import { pageInput, readForm } from "../form-data.server";
import { notFound } from "../http";
import type { FormInput } from "../questionnaire/question-types";
import { pageQuestions } from "../questionnaire/section-types";
import type { FieldErrors } from "../questionnaire/validate";
import { settleListPath, settleQuestionPath } from "./paths";
import {
  answerInWords,
  drawableQuestion,
  formValuesFor,
  readRevision,
  reasonQuestion,
  settlePage,
  validateList,
  validateReason,
  validateSettleAnswer,
} from "./settle-form";
import { SETTLE_FIELDS } from "./settle-fields";
import { answersInWords, spreadsFor, suggestedAnswer, type SettleListEntry } from "./settle-view";
import { loadSettlingState, nextToSettle, settleEntries, type SettlingState } from "./settling.server";

/** What the settle form shows about a decision someone else made while it was open. */
export type ConflictView = { answer: string; by: string; at: string; reason: string | null };

export type SettleActionResult = {
  errors: FieldErrors;
  formErrors: string[];
  values: FormInput;
  /** The revision the form now stands on: after a conflict, the other person's. */
  revision: number;
  conflict?: ConflictView;
};

type Access = {
  workspace: { workspaceId: string };
  scope: WorkspaceScope;
  writeScope: WorkshopWriteScope;
  assessment: RespondentContext;
  workshop: Workshop;
};

function conflictView(entry: SettleListEntry, state: SettlingState, settlement: Settlement): ConflictView {
  return {
    answer: answerInWords(entry.question, { ...state.groupAnswers, [entry.question.key]: settlement.value }),
    by: settlement.settledByName ?? "A former member",
    at: formatDateTime(settlement.settledAt),
    reason: settlement.reason,
  };
}

/**
 * The settle page's question, or the way to it: a follow-up ("Something else: what?") is settled
 * on its question's page; a question the group's answers do not ask yet (about a group not
 * settled as one of the group's) gets a page saying so. Anything else is not found.
 */
async function findEntry(access: Access, key: string) {
  const state = await loadSettlingState(access.scope, access.assessment, access.workshop);
  const entries = settleEntries(state);
  const entry = entries.find((candidate) => candidate.question.key === key);
  if (entry) return { state, entries, entry };
  const parent = entries.find((candidate) => candidate.question.followUps.some((followUp) => followUp.key === key));
  if (parent) {
    throw redirect(
      settleQuestionPath(access.workspace.workspaceId, access.assessment.assessmentId, parent.question.key),
    );
  }
  const askedOfParticipants = spreadsFor(access.workshop.participantSections, state.participants).has(key);
  if (askedOfParticipants) return { state, entries, entry: undefined };
  throw notFound();
}

/**
 * Starting values for the follow-ups the suggested answer reveals ("What is their role?" after
 * "Yes"): the answer most of the participants who chose that option gave, the earliest to join on
 * a tie. Without it the form would start with a required box empty.
 */
function commonFollowUps(
  question: SettleQuestion,
  suggested: unknown,
  participants: readonly { answers: Readonly<Record<string, unknown>> }[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const followUp of question.followUps) {
    const revealed = Array.isArray(suggested) ? suggested.includes(followUp.option) : suggested === followUp.option;
    if (!revealed) continue;
    const counts = new Map<string, { value: unknown; count: number }>();
    for (const participant of participants) {
      const value = participant.answers[followUp.key];
      if (value === undefined || value === null || value === "") continue;
      const key = JSON.stringify(value);
      const entry = counts.get(key) ?? { value, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    let best: { value: unknown; count: number } | undefined;
    for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
    if (best) values[followUp.key] = best.value;
  }
  return values;
}

export async function settlePageLoader(access: Access, key: string, request: Request) {
  const { state, entries, entry } = await findEntry(access, key);
  const { workspaceId } = access.workspace;
  const { assessmentId } = access.assessment;
  const listHref = settleListPath(workspaceId, assessmentId);
  if (!entry) return { kind: "not-asked" as const, listHref };
  const { question, spread, settlement } = entry;
  const current = settlement ? { ...state.groupAnswers, [question.key]: settlement.value } : undefined;
  const suggested = suggestedAnswer(spread);
  const isList = question.question.kind === "repeating";
  const lists = isList && !spread.hidden ? answersInWords(question, state.participants) : [];
  const justSettledKey = new URL(request.url).searchParams.get("settled");
  const justSettled = justSettledKey
    ? (entries.find((candidate) => candidate.question.key === justSettledKey)?.question.title ?? null)
    : null;
  return {
    kind: "settle" as const,
    listHref,
    justSettled,
    key: question.key,
    title: question.title,
    sectionTitle: question.sectionTitle,
    question: drawableQuestion(question.question),
    reasonQuestion: drawableQuestion(reasonQuestion),
    isList,
    measure: spread.spread.measure,
    namesShown: access.workshop.namesShown,
    spread: {
      hidden: spread.hidden,
      words: spread.words,
      band: spread.band,
      answered: spread.spread.answered,
      detail: spread.hidden ? null : spreadDetail(entry, state),
    },
    lists: lists.map((list) => ({ value: list.respondentId, label: `${list.label}'s list: ${list.answer}` })),
    currentList: isList && current ? answerInWords(question, current) : null,
    settled: settlement
      ? {
          answer: answerInWords(question, current ?? {}),
          by: settlement.settledByName ?? "A former member",
          at: formatDateTime(settlement.settledAt),
          reason: settlement.reason,
        }
      : null,
    startsFrom: settlement
      ? ("settled" as const)
      : suggested !== undefined
        ? ("suggested" as const)
        : ("blank" as const),
    defaults: isList
      ? { [SETTLE_FIELDS.choice]: settlement ? "current" : undefined }
      : formValuesFor(
          question,
          current ??
            (suggested !== undefined
              ? {
                  [question.key]: suggested,
                  ...(spread.hidden ? {} : commonFollowUps(question, suggested, state.participants)),
                }
              : {}),
        ),
    reason: settlement?.reason ?? "",
    revision: settlement?.revision ?? 0,
    remaining: entries.filter((candidate) => candidate.answered && !candidate.settlement).length,
  };
}

/** Each option's count (and who, when names are shown), or each number, for the spread's table. */
function spreadDetail(entry: SettleListEntry, state: SettlingState) {
  const names = new Map(state.participants.map((participant) => [participant.respondentId, participant.label]));
  const who = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? "").filter(Boolean);
  const spread = entry.spread.spread;
  switch (spread.measure) {
    case "categorical":
    case "ordered":
    case "set":
      return {
        kind: "counts" as const,
        rows: spread.counts.map((count) => ({
          label: count.label,
          count: count.count,
          who: stateShowsNames(state) ? who(count.participantIds) : [],
        })),
      };
    case "number": {
      const outliers = new Set(spread.outliers);
      const suffix = entry.question.question.kind === "number" ? (entry.question.question.suffix ?? "") : "";
      return {
        kind: "numbers" as const,
        median: spread.median,
        min: spread.min,
        max: spread.max,
        suffix,
        dontKnow: spread.dontKnow,
        rows: stateShowsNames(state)
          ? spread.values.map((value) => ({
              label: names.get(value.participantId) ?? "",
              value: value.value,
              outlier: outliers.has(value.participantId),
            }))
          : [],
        outliers: spread.outliers.length,
      };
    }
    case "text":
      return {
        kind: "texts" as const,
        rows: answersInWords(entry.question, state.participants).map((answer) => ({
          label: stateShowsNames(state) ? answer.label : null,
          text: answer.answer,
        })),
      };
  }
}

function stateShowsNames(state: SettlingState): boolean {
  return state.workshop.namesShown;
}

function reply(result: SettleActionResult, status: 200 | 400 | 409 | 413 | 415 = 400) {
  return data(result, { status });
}

export async function settlePageAction(access: Access, key: string, request: Request) {
  const { state, entry } = await findEntry(access, key);
  if (!entry) throw notFound();
  const { assessmentId } = access.assessment;
  const posted = await readForm(request);
  const fallbackRevision = entry.settlement?.revision ?? 0;
  if (!posted.ok) {
    return reply({ errors: {}, formErrors: [posted.message], values: {}, revision: fallbackRevision }, posted.status);
  }
  const field = (name: string) => posted.fields.get(name)?.[0];
  const question = entry.question;
  const extras = [SETTLE_FIELDS.reason, SETTLE_FIELDS.revision, SETTLE_FIELDS.intent, SETTLE_FIELDS.choice];
  const { input, problems } =
    question.question.kind === "repeating"
      ? { input: {} as FormInput, problems: [] as string[] }
      : pageInput(posted.fields, pageQuestions(settlePage(question)), extras);
  const values: FormInput = {
    ...input,
    [SETTLE_FIELDS.reason]: field(SETTLE_FIELDS.reason) ?? "",
    [SETTLE_FIELDS.choice]: field(SETTLE_FIELDS.choice),
  };
  const revision = readRevision(field(SETTLE_FIELDS.revision));
  if (revision === undefined) {
    return reply({
      errors: {},
      formErrors: ["This page was out of date. Check the answer below and save it again."],
      values,
      revision: fallbackRevision,
    });
  }
  if (field(SETTLE_FIELDS.intent) === "keep") {
    // "Keep their answer": nothing to write; on to the next question.
    return redirect(await nextAddress(access, key), 303);
  }
  if (problems.length > 0) return reply({ errors: {}, formErrors: problems, values, revision });

  const errors: FieldErrors = {};
  let value: unknown;
  let followUps: { key: string; value: unknown }[] = [];
  if (question.question.kind === "repeating") {
    const choice = field(SETTLE_FIELDS.choice);
    const participant = state.participants.find((candidate) => candidate.respondentId === choice);
    if (choice === "current" && entry.settlement) value = entry.settlement.value;
    else if (choice === "current" && state.groupAnswers[key] !== undefined) value = state.groupAnswers[key];
    else if (participant && !entry.spread.hidden) value = participant.answers[key];
    if (value === undefined) errors[SETTLE_FIELDS.choice] = "Select the list the group agrees on";
    else if (!validateList(question.question, value)) {
      errors[SETTLE_FIELDS.choice] =
        "That list cannot be the group's answer as it stands: it names something the group has not settled. Choose another list, or settle the questions it depends on first.";
    }
  } else {
    const checked = validateSettleAnswer(question, input);
    if (checked.ok) {
      value = checked.value;
      followUps = checked.followUps;
    } else Object.assign(errors, checked.errors);
  }
  const reason = validateReason(field(SETTLE_FIELDS.reason));
  if (!reason.ok) errors[SETTLE_FIELDS.reason] = reason.error;
  if (Object.keys(errors).length > 0 || !reason.ok) return reply({ errors, formErrors: [], values, revision });

  const saved = await settleQuestion(db, access.writeScope, {
    assessmentId,
    questionId: key,
    value,
    reason: reason.reason,
    expectedRevision: revision,
  });
  if (!saved.ok && saved.reason === "not-found") throw notFound();
  if (!saved.ok) {
    // Someone settled it while this form was open: show their decision, keep what was typed.
    return reply(
      {
        errors: {},
        formErrors: [],
        values,
        revision: saved.current.revision,
        conflict: conflictView(entry, state, saved.current),
      },
      409,
    );
  }
  for (const followUp of followUps) {
    // The follow-up goes with its question, whose own check just passed: written on its latest revision.
    const latest = state.settlements.get(followUp.key)?.revision ?? 0;
    const written = await settleQuestion(db, access.writeScope, {
      assessmentId,
      questionId: followUp.key,
      value: followUp.value,
      reason: null,
      expectedRevision: latest,
    });
    if (!written.ok && written.reason === "changed-since") {
      await settleQuestion(db, access.writeScope, {
        assessmentId,
        questionId: followUp.key,
        value: followUp.value,
        reason: null,
        expectedRevision: written.current.revision,
      });
    }
  }
  return redirect(await nextAddress(access, key), 303);
}

/** After a save: the next question to settle (most divergent first), or the list when none is left. */
async function nextAddress(access: Access, key: string): Promise<string> {
  const { workspaceId } = access.workspace;
  const { assessmentId } = access.assessment;
  // Read again: settling the groups, say, adds the questions about each group.
  const entries = settleEntries(await loadSettlingState(access.scope, access.assessment, access.workshop));
  const next = nextToSettle(entries, key);
  const saved = `settled=${encodeURIComponent(key)}`;
  return next
    ? `${settleQuestionPath(workspaceId, assessmentId, next.question.key)}?${saved}`
    : `${settleListPath(workspaceId, assessmentId)}?${saved}`;
}
