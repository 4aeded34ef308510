/**
 * The facilitator's view of a workshop, as plain data: who has started and finished, each
 * question's spread, and the questions ranked by disagreement. Pure (no database, no clock), so
 * the privacy rule and the ordering are tested on their own; the loader feeds it and the pages
 * (the facilitator view and projector mode) only render what it returns.
 *
 * Privacy: with names hidden, a question's spread is shown only once at least
 * `MIN_ANSWERS_WHEN_HIDDEN` current participants have answered it, and it is left out of the
 * ranking until then (a band such as "Strong disagreement" between two people would tell each of
 * them the other's answer). Hidden names also mean no participant ids or names leave this module
 * beside an answer, and free-text answers are sorted, so their order does not follow who joined.
 */
import type { WorkshopParticipant } from "../../db/repositories/workshops";
import {
  DISAGREEMENT_BAND_LABELS,
  disagreementBand,
  questionSpread,
  rankByDisagreement,
  type DisagreementBand,
  type QuestionSpread,
  type SpreadInput,
} from "../../scoring/workshop-spread";
import { MIN_ANSWERS_WHEN_NAMES_HIDDEN } from "./question-spreads";

/** With names hidden, a question's spread waits for this many answers (one definition, beside the inputs). */
const MIN_ANSWERS_WHEN_HIDDEN = MIN_ANSWERS_WHEN_NAMES_HIDDEN;

/** What the pages say about a question, besides its spread. */
export type QuestionMeta = {
  questionId: string;
  sectionId: string;
  sectionTitle: string;
  label: string;
  /** Written after numbers, such as "hours a week". */
  suffix?: string;
};

export type ParticipantStatus = "not-started" | "answering" | "finished";

export type ParticipantRow = {
  id: string;
  name: string;
  roleLabel: string | null;
  status: ParticipantStatus;
  answerCount: number;
};

export type Progress = {
  /** Current participants, in the order they joined. */
  current: ParticipantRow[];
  /** Participants the facilitator removed: their answers count nowhere. */
  removed: { id: string; name: string }[];
  counts: Record<ParticipantStatus, number> & { total: number };
};

/** One bar of a chart: an option, how many chose it, and (names shown) who. */
export type Bar = {
  label: string;
  count: number;
  /** Share of the people who answered, 0 to 100, rounded; the bar's length. */
  percent: number;
  /** Who chose it, as places in `FacilitatorView.people`; empty when names are hidden. */
  who: number[];
  dontKnow: boolean;
};

/** `who`: a place in `FacilitatorView.people`; null when names are hidden. */
export type NumberPoint = { value: number; outlier: boolean; who: number | null };

export type SpreadDisplay =
  | { kind: "hidden"; answered: number; needed: number }
  | { kind: "none" }
  | { kind: "bars"; bars: Bar[]; multiple: boolean }
  | {
      kind: "numbers";
      median: number;
      min: number;
      max: number;
      points: NumberPoint[];
      dontKnow: number;
      dontKnowWho: number[];
    }
  | { kind: "numbers-unknown"; dontKnow: number; dontKnowWho: number[] }
  | { kind: "texts"; answers: { text: string; who: number | null }[] };

export type Band = { band: DisagreementBand; label: string; short: string };

export type QuestionView = QuestionMeta & {
  answered: number;
  /** Null when not measured (text, fewer than two positions) or not shown yet. */
  band: Band | null;
  /** 1-based place in the ranking; null when not ranked. */
  rank: number | null;
  display: SpreadDisplay;
};

export type SectionView = { sectionId: string; title: string; questions: QuestionView[] };

/** A line of the ranking: the question's detail is in its section. */
export type RankedQuestion = Pick<
  QuestionView,
  "questionId" | "label" | "sectionId" | "sectionTitle" | "band" | "rank"
>;

export type FacilitatorView = {
  namesShown: boolean;
  /**
   * With names shown, the participants' names, which answers refer to by place (each name is sent
   * once, not once per answer: the page's data stays small with 30 people); empty when hidden.
   */
  people: string[];
  progress: Progress;
  /** Questions most disagreed on first: the ones whose disagreement could be measured and may be shown. */
  ranked: RankedQuestion[];
  /** Questions measured but waiting for more answers before they may be shown (names hidden). */
  waitingCount: number;
  sections: SectionView[];
};

const BAND_SHORT: Record<DisagreementBand, string> = { strong: "Strong", some: "Some", agree: "Agree" };

export function bandOf(disagreement: number): Band {
  const band = disagreementBand(disagreement);
  return { band, label: DISAGREEMENT_BAND_LABELS[band], short: BAND_SHORT[band] };
}

export function participantStatus(participant: Pick<WorkshopParticipant, "submittedAt" | "answerCount">) {
  if (participant.submittedAt !== null) return "finished" as const;
  return participant.answerCount > 0 ? ("answering" as const) : ("not-started" as const);
}

export function progressOf(participants: readonly WorkshopParticipant[]): Progress {
  const current = participants
    .filter((p) => p.removedAt === null)
    .map((p) => ({
      id: p.respondentId,
      name: p.name,
      roleLabel: p.roleLabel,
      status: participantStatus(p),
      answerCount: p.answerCount,
    }));
  const counts = { total: current.length, "not-started": 0, answering: 0, finished: 0 };
  for (const row of current) counts[row.status] += 1;
  const removed = participants.filter((p) => p.removedAt !== null).map((p) => ({ id: p.respondentId, name: p.name }));
  return { current, removed, counts };
}

/** Whether a question's answers may be shown: always with names shown, else from 3 answers. */
export function mayShow(answered: number, namesShown: boolean): boolean {
  return namesShown || answered >= MIN_ANSWERS_WHEN_HIDDEN;
}

function percentOf(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count / of) * 100);
}

function displayOf(
  spread: QuestionSpread,
  dontKnowValues: ReadonlySet<string>,
  namesShown: boolean,
  whoOf: (id: string) => number,
): SpreadDisplay {
  if (!mayShow(spread.answered, namesShown)) {
    return { kind: "hidden", answered: spread.answered, needed: MIN_ANSWERS_WHEN_HIDDEN };
  }
  if (spread.answered === 0) return { kind: "none" };
  const who = (ids: readonly string[]) => (namesShown ? ids.map(whoOf) : []);
  switch (spread.measure) {
    case "categorical":
    case "ordered":
    case "set": {
      return {
        kind: "bars",
        multiple: spread.measure === "set",
        bars: spread.counts.map((count) => ({
          label: count.label,
          count: count.count,
          percent: percentOf(count.count, spread.answered),
          who: who(count.participantIds),
          dontKnow: dontKnowValues.has(count.value),
        })),
      };
    }
    case "number": {
      if (spread.median === null || spread.min === null || spread.max === null) {
        return {
          kind: "numbers-unknown",
          dontKnow: spread.dontKnow,
          dontKnowWho: who(spread.dontKnowParticipantIds),
        };
      }
      const outliers = new Set(spread.outliers);
      return {
        kind: "numbers",
        median: spread.median,
        min: spread.min,
        max: spread.max,
        points: spread.values.map((entry) => ({
          value: entry.value,
          outlier: outliers.has(entry.participantId),
          who: namesShown ? whoOf(entry.participantId) : null,
        })),
        dontKnow: spread.dontKnow,
        dontKnowWho: who(spread.dontKnowParticipantIds),
      };
    }
    case "text": {
      const answers = spread.answers.map((answer) => ({
        text: answer.text,
        who: namesShown ? whoOf(answer.participantId) : null,
      }));
      // NOTE: unnamed answers in join order would let the room match them to people.
      if (!namesShown) answers.sort((a, b) => a.text.localeCompare(b.text, "en-GB"));
      return { kind: "texts", answers };
    }
  }
}

/**
 * The whole view. `questions` gives every question of the participants' sections in
 * questionnaire order; `inputs` their answers (any order; a question without one shows no
 * answers). Removed participants must already be absent from the inputs' answers.
 */
export function buildFacilitatorView(input: {
  namesShown: boolean;
  participants: readonly WorkshopParticipant[];
  questions: readonly QuestionMeta[];
  inputs: readonly SpreadInput[];
}): FacilitatorView {
  const { namesShown } = input;
  const people = namesShown ? input.participants.map((p) => p.name) : [];
  const places = new Map(input.participants.map((p, index) => [p.respondentId, index]));
  // NOTE: every answer comes from a participant listed (removed ones are listed too, but their
  // answers are never passed in), so the place is always found.
  const whoOf = (id: string) => places.get(id) ?? -1;
  const spreadOf = new Map(input.inputs.map((one) => [one.questionId, questionSpread(one)]));
  const dontKnowOf = new Map(
    input.inputs.map((one) => [
      one.questionId,
      new Set((one.options ?? []).filter((option) => option.dontKnow).map((option) => option.value)),
    ]),
  );
  const known = input.questions.filter((q) => spreadOf.has(q.questionId));
  const inOrder = known.map((q) => spreadOf.get(q.questionId)).filter((s): s is QuestionSpread => s !== undefined);
  const ranking = rankByDisagreement(inOrder);
  const shownRanking = ranking.filter((spread) => mayShow(spread.answered, namesShown));
  const rankOf = new Map(shownRanking.map((spread, index) => [spread.questionId, index + 1]));

  const views = new Map<string, QuestionView>();
  for (const meta of input.questions) {
    const spread = spreadOf.get(meta.questionId);
    const shown = spread ? mayShow(spread.answered, namesShown) : false;
    views.set(meta.questionId, {
      ...meta,
      answered: spread?.answered ?? 0,
      band: spread && shown && spread.disagreement !== null ? bandOf(spread.disagreement) : null,
      rank: rankOf.get(meta.questionId) ?? null,
      display: spread
        ? displayOf(spread, dontKnowOf.get(meta.questionId) ?? new Set(), namesShown, whoOf)
        : { kind: "none" },
    });
  }

  const sections: SectionView[] = [];
  for (const meta of input.questions) {
    const view = views.get(meta.questionId);
    if (!view) continue;
    let section = sections.find((s) => s.sectionId === meta.sectionId);
    if (!section) {
      section = { sectionId: meta.sectionId, title: meta.sectionTitle, questions: [] };
      sections.push(section);
    }
    section.questions.push(view);
  }

  return {
    namesShown,
    people,
    progress: progressOf(input.participants),
    ranked: shownRanking.flatMap((spread) => {
      const view = views.get(spread.questionId);
      return view
        ? [
            {
              questionId: view.questionId,
              label: view.label,
              sectionId: view.sectionId,
              sectionTitle: view.sectionTitle,
              band: view.band,
              rank: view.rank,
            },
          ]
        : [];
    }),
    waitingCount: ranking.length - shownRanking.length,
    sections,
  };
}

/** A section the facilitator's page can show, as its section links list it. */
export type SectionTab = { sectionId: string; title: string; questionCount: number };

/** How many of the most divergent questions the overview shows in full. */
export const OVERVIEW_QUESTIONS = 10;

export type PagedFacilitatorView = FacilitatorView & {
  sectionTabs: SectionTab[];
  /** The section shown in full, or null for the overview. */
  shownSectionId: string | null;
  /**
   * On the overview: the most divergent questions in full (some or strong disagreement only), most
   * divergent first; else empty.
   */
  top: QuestionView[];
};

/**
 * What one page of the facilitator's view holds: the progress and the whole ranking always; then
 * either one section's questions in full, or (the overview, with no or an unknown `sectionId`) the
 * most divergent questions in full. A workshop on a whole assessment asks hundreds of questions:
 * one page holding every spread is too long to read in a room and too slow to draw.
 */
export function withOneSection(view: FacilitatorView, sectionId: string | null): PagedFacilitatorView {
  const sectionTabs = view.sections.map((section) => ({
    sectionId: section.sectionId,
    title: section.title,
    questionCount: section.questions.length,
  }));
  const shown = view.sections.find((section) => section.sectionId === sectionId);
  if (shown) return { ...view, sections: [shown], sectionTabs, shownSectionId: shown.sectionId, top: [] };
  const all = new Map(view.sections.flatMap((section) => section.questions).map((q) => [q.questionId, q]));
  // Questions everyone broadly agrees on need no discussion: they are settled from the list.
  const divergent = view.ranked.filter((ranked) => ranked.band !== null && ranked.band.band !== "agree");
  const top = divergent.slice(0, OVERVIEW_QUESTIONS).flatMap((ranked) => {
    const question = all.get(ranked.questionId);
    return question ? [question] : [];
  });
  return { ...view, sections: [], sectionTabs, shownSectionId: null, top };
}

/** Projector mode's question: its place in the ranking and its neighbours. */
export function projectorStep(view: FacilitatorView, questionId: string | null) {
  const index = questionId ? view.ranked.findIndex((q) => q.questionId === questionId) : 0;
  const all = view.sections.flatMap((s) => s.questions);
  const wanted = index >= 0 ? view.ranked[index]?.questionId : questionId;
  const question = all.find((q) => q.questionId === wanted);
  return {
    question: question ?? null,
    position: index >= 0 && view.ranked[index] ? index + 1 : null,
    of: view.ranked.length,
    previousId: index > 0 ? (view.ranked[index - 1]?.questionId ?? null) : null,
    nextId:
      index >= 0
        ? (view.ranked[index + 1]?.questionId ?? null)
        : question
          ? (view.ranked[0]?.questionId ?? null)
          : null,
  };
}
