import type { StoredAnswers } from "../../db/repositories/answers";
import type { AnswerRef, AssessmentAnswers } from "../../scoring/answers";
import { formatAnswer, notAskedLine } from "../questionnaire/format";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { withRevealed } from "../questionnaire/question-types";
import { answerKeyOf, type PageContext, type PageDef, type SectionId } from "../questionnaire/section-types";

/** An answer behind a score, risk or recommendation, as people read it on the report. */
export type ResolvedAnswer = {
  /** Stable across the report, for de-duplicating and as a React key. */
  key: string;
  /** The question, with the group or item it is about. */
  label: string;
  /** The answer as given. */
  value: string;
  sectionId: SectionId;
  pageId: string;
};

const SECTION_IDS: Record<keyof AssessmentAnswers, SectionId> = {
  organisation: "organisation",
  stakeholders: "stakeholders",
  engagementModel: "engagement-model",
  capacity: "capacity",
  commitment: "commitment",
};

/**
 * A follow-up that was not asked, because of the answer before it, is explained by that answer:
 * no approval time without an agreed approval step, no list without objectives set, and so on.
 */
const ASKED_BECAUSE_OF: Readonly<Record<string, string>> = {
  approvalTime: "approvalNeed",
  objectives: "objectivesSet",
  peakSize: "peaks",
  coverDays: "coverHours",
  coverFrom: "coverHours",
  coverTo: "coverHours",
  weeklyVolume: "volumeKnowledge",
  followers: "volumeKnowledge",
  postingFrequency: "volumeKnowledge",
  commentsPerPost: "volumeKnowledge",
};

function pageFor(pages: readonly PageDef[], ref: AnswerRef, questionId: string): PageDef | undefined {
  const group = ref.groupId;
  return pages.find((page) => {
    const perGroup = page.id.startsWith("group-") || page.id.startsWith("levels-");
    if (group ? page.id !== `group-${group}` && page.id !== `levels-${group}` : perGroup) return false;
    return withRevealed(page.questions).some((question) => question.id === questionId);
  });
}

function resolveOne(
  ref: AnswerRef,
  stored: StoredAnswers,
  ctx: PageContext,
  notAsked: readonly string[],
): ResolvedAnswer[] {
  const sectionId = SECTION_IDS[ref.section];
  const section = SECTIONS.find((candidate) => candidate.id === sectionId);
  if (!section) return [];
  const pages = section.pages(ctx);
  // "levels" points at both questions of a group's levels page; "purposeReasons" at every reason given.
  const questionIds =
    ref.questionId === "levels"
      ? ["current", "desired"]
      : ref.questionId === "purposeReasons"
        ? (pages.find((page) => page.id === "purpose-reasons")?.questions.map((question) => question.id) ?? [])
        : [ref.questionId];
  const groupName = ref.groupId ? ctx.groups.find((group) => group.id === ref.groupId)?.name : undefined;
  const resolved = questionIds.flatMap((questionId) => {
    const page = pageFor(pages, ref, questionId);
    const question = page ? withRevealed(page.questions).find((candidate) => candidate.id === questionId) : undefined;
    if (!page || !question) return [];
    const get = (id: string) => stored[answerKeyOf(page, id)];
    let lines = formatAnswer(question, get);
    const itemId = ref.projectId ?? ref.objectiveId;
    if (question.kind === "repeating" && itemId) {
      const items = Array.isArray(get(question.id)) ? (get(question.id) as Record<string, unknown>[]) : [];
      const item = items.find((candidate) => candidate.id === itemId);
      lines = item ? [question.summarise(item)] : undefined;
    }
    if (notAsked.includes(answerKeyOf(page, question.id))) lines = [notAskedLine(lines)];
    return [
      {
        key: [sectionId, page.id, question.id, itemId ?? ""].join("/"),
        label: groupName ? `${question.summaryLabel} (${groupName})` : question.summaryLabel,
        value: lines ? lines.join("; ") : "Not answered",
        sectionId,
        pageId: page.id,
      },
    ];
  });
  const reason = ASKED_BECAUSE_OF[ref.questionId];
  if (resolved.length === 0 && reason) return resolveOne({ ...ref, questionId: reason }, stored, ctx, notAsked);
  // A per-group question named without a group ("levels") means that answer for every group.
  if (resolved.length === 0 && !ref.groupId) {
    return ctx.groups.flatMap((group) => resolveOne({ ...ref, groupId: group.id }, stored, ctx, notAsked));
  }
  return resolved;
}

/**
 * Turns the scoring module's references to answers into the questions and answers people gave,
 * worded by the question definitions. Unknown references are dropped, duplicates merged.
 * `notAsked` names answers filled in for questions added after the assessment was answered.
 */
export function resolveAnswerRefs(
  refs: readonly AnswerRef[],
  stored: StoredAnswers,
  ctx: PageContext = pageContext(stored),
  notAsked: readonly string[] = [],
): ResolvedAnswer[] {
  const seen = new Set<string>();
  const resolved: ResolvedAnswer[] = [];
  for (const ref of refs) {
    for (const answer of resolveOne(ref, stored, ctx, notAsked)) {
      if (seen.has(answer.key)) continue;
      seen.add(answer.key);
      resolved.push(answer);
    }
  }
  return resolved;
}
