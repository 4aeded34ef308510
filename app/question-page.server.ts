import { randomBytes } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { saveAnswers, WorkshopNotOpenError, type StoredAnswers } from "../db/repositories/answers";
import type { RespondentContext } from "../db/repositories/assessments";
import { getSectionCompletion } from "../db/repositories/section-progress";
import { DatabaseUnavailableError } from "../db/transaction";
import { db } from "./db.server";
import { getLogger } from "./logger.server";
import { pageInput, readForm } from "./form-data.server";
import { loadAnswers } from "./questionnaire/answers.server";
import { notFound } from "./http";
import { assessmentPath, questionPath, returnPath, sectionCheckPath, type ReturnTo } from "./paths";
import type { FormInput, ItemInput, RepeatingQuestion } from "./questionnaire/question-types";
import { canOpenSection, findSection, pageContext } from "./questionnaire/questionnaire";
import { findPage, pageAfter, pageBefore, pageTitle } from "./questionnaire/pages";
import { planSave } from "./questionnaire/save-plan";
import {
  formInputFor,
  isPageValid,
  pageQuestions,
  type PageContext,
  type PageDef,
  type SectionDef,
  type SectionId,
} from "./questionnaire/section-types";
import { validatePage, type FieldErrors } from "./questionnaire/validate";
import { renderPdfsAhead } from "./pdf/pdf-files.server";
import { requireAnswerer, requireSectionFor } from "./workshop/participant-access.server";
import { participantClosedPath } from "./workshop/paths";

/*
 * The server side of every question page. Each section has its own small route module, so the
 * browser downloads only that section's questions; they all share this loader and action.
 */

function requirePage(
  sectionId: SectionId,
  pageId: string | undefined,
  ctx: PageContext,
): { section: SectionDef; page: PageDef; pages: readonly PageDef[] } {
  const section = findSection(sectionId);
  const pages = section ? section.pages(ctx) : [];
  const page = findPage(pages, pageId);
  if (!section || !page) throw notFound();
  return { section, page, pages };
}

function readReturn(request: Request): ReturnTo | undefined {
  const value = new URL(request.url).searchParams.get("return");
  return value === "check" || value === "summary" ? value : undefined;
}

async function loadState(respondent: RespondentContext) {
  const [{ answers }, completion] = await Promise.all([
    loadAnswers(respondent),
    getSectionCompletion(db, respondent.respondentId),
  ]);
  return { answers, completion, ctx: pageContext(answers) };
}

/** The loader of every question page: the page's saved answers and where Back goes. */
export async function questionPageLoader({ params, request }: LoaderFunctionArgs, sectionId: SectionId) {
  const { respondent, participant } = await requireAnswerer(params.token);
  requireSectionFor(participant, sectionId);
  const token = params.token as string;
  const { answers, completion, ctx } = await loadState(respondent);
  const { section, page, pages } = requirePage(sectionId, params.page, ctx);
  if (!canOpenSection(section, answers, completion)) throw redirect(assessmentPath(token));
  const returnTo = readReturn(request);
  const previous = pageBefore(pages, page);
  return {
    ctx,
    pageTitle: pageTitle(page),
    sectionTitle: section.title,
    values: withStarterItems(page, formInputFor(page, answers)),
    backHref: returnTo
      ? returnPath(token, section.id, returnTo)
      : previous
        ? questionPath(token, section.id, previous.id)
        : assessmentPath(token),
  };
}

/** What a post that does not save returns: the problems, and what was typed. */
export type QuestionActionResult = {
  errors: FieldErrors;
  formErrors: string[];
  /** Missing when the body could not be read at all. */
  values?: FormInput;
  /** Set when saving would delete answers about removed groups: people confirm first. */
  confirmRemoval?: { names: string[]; answerCount: number; title: string };
  /** The title of a page the post answers with instead of this one (the confirmation). */
  pageTitle?: string;
};

/** "Remove News media?", or "Remove News media, Residents and Local businesses?". */
export function removalTitle(names: readonly string[]): string {
  const listed =
    names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `Remove ${listed}?`;
}

/** Shown above the form, with everything typed kept, when the save failed after its retries. */
export const SAVE_FAILED_MESSAGE =
  "Your answers could not be saved just now, because the service's database did not respond. Nothing on this page was saved, and your earlier answers are safe. Check your answers below and select Continue again in a minute.";

function reply(result: QuestionActionResult, status: 200 | 400 | 413 | 415 | 503 = 400) {
  return data(result, { status });
}

function blankItem(question: RepeatingQuestion): ItemInput {
  const item: ItemInput = { id: "" };
  for (const field of question.fields) item[field.id] = field.kind === "checkboxes" ? [] : "";
  return item;
}

/**
 * "Add another" and "Remove" without JavaScript: the form comes back with the list changed and
 * everything typed kept. Nothing is saved until Continue.
 */
function changeList(page: PageDef, input: FormInput, intent: string): FormInput | undefined {
  const match = /^(add|remove):([A-Za-z][\w-]*)(?::(\d{1,3}))?$/.exec(intent);
  if (!match) return undefined;
  const [, action, questionId, index] = match;
  const question = page.questions.find((candidate) => candidate.id === questionId);
  if (question?.kind !== "repeating") return undefined;
  const items = Array.isArray(input[question.id]) ? [...(input[question.id] as ItemInput[])] : [];
  if (action === "add" && index === undefined) {
    if (items.length < question.maxItems) items.push(blankItem(question));
  } else if (action === "remove" && index !== undefined && Number(index) < items.length) {
    items.splice(Number(index), 1);
  } else {
    return undefined;
  }
  return { ...input, [question.id]: items };
}

/** A list that needs at least one item starts with one empty item to fill in. */
function withStarterItems(page: PageDef, values: FormInput): FormInput {
  const starters: FormInput = {};
  for (const question of page.questions) {
    const items = values[question.id];
    if (question.kind === "repeating" && question.minItems > 0 && (!Array.isArray(items) || items.length === 0)) {
      starters[question.id] = [blankItem(question)];
    }
  }
  return { ...values, ...starters };
}

function newItemId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

function applyPlan(stored: StoredAnswers, set: Record<string, unknown>, clear: readonly string[]): StoredAnswers {
  const next: StoredAnswers = { ...stored, ...set };
  for (const key of clear) delete next[key];
  return next;
}

/** The action of every question page: validate, then save and move on, or show what is wrong. */
export async function questionPageAction({ params, request }: ActionFunctionArgs, sectionId: SectionId) {
  const { respondent, participant } = await requireAnswerer(params.token);
  requireSectionFor(participant, sectionId);
  const token = params.token as string;
  const { answers, completion, ctx } = await loadState(respondent);
  const { section, page } = requirePage(sectionId, params.page, ctx);
  if (!canOpenSection(section, answers, completion)) throw redirect(assessmentPath(token));
  const returnTo = readReturn(request);

  const posted = await readForm(request);
  if (!posted.ok) return reply({ errors: {}, formErrors: [posted.message] }, posted.status);

  const { input, problems } = pageInput(posted.fields, pageQuestions(page), ["intent", "confirmRemoval"]);
  if (problems.length > 0) return reply({ errors: {}, formErrors: problems, values: input });

  const intent = posted.fields.get("intent");
  if (intent) {
    const changed = intent.length === 1 && intent[0] ? changeList(page, input, intent[0]) : undefined;
    if (!changed)
      return reply({ errors: {}, formErrors: ["That button could not be used. Try again."], values: input });
    return reply({ errors: {}, formErrors: [], values: changed }, 200);
  }

  const result = validatePage(page, input);
  if (!result.ok) return reply({ errors: result.errors, formErrors: [], values: input });

  const plan = planSave(page, result.values, answers, newItemId);
  const confirmation = posted.fields.get("confirmRemoval")?.[0];
  if (plan.removes && confirmation !== "yes") {
    // "No, keep them" comes back here with what was typed, to change it.
    if (confirmation === "no") return reply({ errors: {}, formErrors: [], values: input }, 200);
    // A page of its own, with its own title.
    const title = removalTitle(plan.removes.names);
    return reply(
      { errors: {}, formErrors: [], values: input, confirmRemoval: { ...plan.removes, title }, pageTitle: title },
      200,
    );
  }

  try {
    await saveAnswers(db, {
      respondentId: respondent.respondentId,
      assessmentId: respondent.assessmentId,
      organisationId: respondent.organisationId,
      set: plan.set,
      clear: plan.clear,
      // A participant's answer to the organisation's name is theirs alone, not the client's name.
      organisationName: !participant && typeof plan.set.orgName === "string" ? plan.set.orgName : undefined,
      whileInOpenWorkshop: participant !== null,
    });
  } catch (error) {
    // Closed, or removed, while the page was open: the page that says so; nothing was saved.
    if (error instanceof WorkshopNotOpenError) return redirect(participantClosedPath(token), 303);
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    // Retried already (db/transaction.ts), and rolled back: the page comes back as it was posted.
    getLogger().error({ err: error, assessmentId: respondent.assessmentId }, "answers could not be saved");
    return reply({ errors: {}, formErrors: [SAVE_FAILED_MESSAGE], values: input }, 503);
  }
  // A finished assessment's PDFs show this answer: make them again (once, after the last save).
  // A participant has no report: their answers are one voice among the group's.
  if (respondent.submittedAt && !participant) renderPdfsAhead(respondent.assessmentId, token);

  const updated = applyPlan(answers, plan.set, plan.clear);
  const pages = section.pages(pageContext(updated));
  if (returnTo) {
    // A change can add pages (new groups, a volume estimate): answer those before going back.
    const before = new Set(section.pages(ctx).map((candidate) => candidate.id));
    const position = pages.findIndex((candidate) => candidate.id === page.id);
    const following = new URL(request.url).searchParams.has("added");
    const next = pages
      .slice(position + 1)
      .find((candidate) => (following || !before.has(candidate.id)) && !isPageValid(candidate, updated));
    return redirect(
      next ? `${questionPath(token, section.id, next.id, returnTo)}&added` : returnPath(token, section.id, returnTo),
    );
  }
  const next = pageAfter(pages, page);
  return redirect(next ? questionPath(token, section.id, next.id) : sectionCheckPath(token, section.id));
}
