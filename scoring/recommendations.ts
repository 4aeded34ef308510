/**
 * Recommendations: one per risk, one per kind of engagement-gap step, one per weak dimension
 * that no risk already covers, and three that every organisation gets (brief the leaders, track
 * replies, review at day 90). Each is tied to a risk or a gap, says why, gives a first step that
 * someone can take on Monday, suggests an owner, and is placed in a 90-day phase by priority.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AssessmentAnswers } from "./answers";
import type { AnswerFacts } from "./answer-facts";
import { levelWord } from "./levels";
import type {
  CapacityModel,
  DimensionId,
  DimensionScore,
  EngagementGap,
  GroupLevelAdvice,
  Recommendation,
  RecommendationLink,
  Risk,
  RiskId,
  RoadmapPhaseNumber,
  Severity,
} from "./report-model";
import { formatNumber, joinList } from "./text";

/** Everything recommendations may read. */
export interface RecommendationContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  dimensions: readonly DimensionScore[];
  gaps: readonly EngagementGap[];
  risks: readonly Risk[];
}

interface Draft {
  id: string;
  title: string;
  why: string;
  firstStep: string;
  owner: string;
  impact: number;
  urgency: number;
  effort: number;
  linkedTo: RecommendationLink;
  levels: GroupLevelAdvice[];
  refs: Recommendation["refs"];
}

/** Urgency from a risk's severity: high 3, medium 2, low 1. */
const SEVERITY_URGENCY: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1 };

/** Risks that get more urgent when a key project lands in the next three months. */
const PROJECT_SENSITIVE: readonly RiskId[] = [
  "unanswerable-questions",
  "hostile-without-rules",
  "contentious-project-hostile",
  "no-escalation-path",
  "no-offline-guidance",
  "no-staff-support",
  "listening-own-pages",
];

/** Weak-dimension threshold: below this, a dimension gets its own recommendation unless a risk covers it. */
export const WEAK_DIMENSION = 50;

/**
 * Priority of a recommendation.
 *
 * Formula: 2 x impact + 2 x urgency - effort, with impact, urgency and effort each 1 to 3.
 * Unit: points; range 1 to 11.
 */
export function priorityScore(impact: number, urgency: number, effort: number): number {
  return 2 * impact + 2 * urgency - effort;
}

/**
 * The 90-day phase for a priority: 9 or more -> days 1-30; 6 to 8 -> days 31-60; 5 or less -> days 61-90.
 */
export function phaseForPriority(score: number): RoadmapPhaseNumber {
  if (score >= 9) return 1;
  if (score >= 6) return 2;
  return 3;
}

function finish(draft: Draft, order: number): Recommendation & { order: number } {
  const score = priorityScore(draft.impact, draft.urgency, draft.effort);
  const phase = phaseForPriority(score);
  return {
    id: draft.id,
    title: draft.title,
    why: draft.why,
    firstStep: draft.firstStep,
    owner: draft.owner,
    phase,
    impact: draft.impact,
    urgency: draft.urgency,
    effort: draft.effort,
    priorityScore: score,
    priority: phase === 1 ? "now" : phase === 2 ? "next" : "later",
    linkedTo: draft.linkedTo,
    levels: draft.levels,
    refs: uniqueRefs(draft.refs),
    order,
  };
}

function sponsorName(answers: AssessmentAnswers): string {
  const role = (answers.commitment.sponsorRole ?? "").trim();
  return answers.commitment.sponsor === "yes" && role ? role : "the chief executive";
}

function riskDraft(risk: Risk, context: RecommendationContext): Draft {
  const { answers, capacity, facts } = context;
  const base = {
    id: `rec-${risk.id}`,
    linkedTo: { kind: "risk", riskId: risk.id } as RecommendationLink,
    levels: [],
    refs: risk.triggers,
  };
  const urgencyBoost = facts.soonProjects.length > 0 && PROJECT_SENSITIVE.includes(risk.id) ? 1 : 0;
  const urgency = Math.min(3, SEVERITY_URGENCY[risk.severity] + urgencyBoost);
  switch (risk.id) {
    case "unanswerable-questions": {
      if (risk.severity === "low") {
        return {
          ...base,
          title: "Agree what to pause when questions surge",
          why: `${risk.explanation}`,
          firstStep:
            "List the routine posting and reporting you would pause for a week if questions doubled, and name who across the organisation could be drafted in to help reply.",
          owner: "Communications lead",
          impact: 1,
          urgency,
          effort: 1,
        };
      }
      const extra = capacity.shortfall.extraHoursPerWeek.likely;
      const fte = capacity.shortfall.extraFte.likely;
      return {
        ...base,
        title:
          extra > 0
            ? `Find about ${formatNumber(extra, 1)} more hours a week for replies, or narrow what you invite`
            : "Speed up replies so you keep the promise you make",
        why: `${risk.explanation} ${capacity.shortfall.note}`,
        firstStep:
          "Ask the team to log every question and comment, and how long each reply took, for the next two weeks; use the count to choose which topics you invite questions on until the hours are in place.",
        owner: "Director of communications",
        impact: 3,
        urgency,
        effort: fte >= 1 ? 3 : 2,
      };
    }
    case "hostile-without-rules":
      return {
        ...base,
        title: "Publish house rules and set up moderation before opening conversations",
        why: `${risk.explanation} Published rules make removal of abuse fair and predictable, and tell people what to expect from you.`,
        firstStep: `Draft a one-page house rules page from the outline in this plan, have ${sponsorName(answers)} sign it off, and pin it to every account before you invite comments.`,
        owner: "Communications lead, with legal advice",
        impact: 3,
        urgency,
        effort: 1,
      };
    case "contentious-project-hostile": {
      const projectNames = joinList(
        answers.stakeholders.projects
          .filter((project) => risk.triggers.some((item) => item.projectId === project.id))
          .map((project) => project.name),
      );
      return {
        ...base,
        title: `Prepare the response plan for ${projectNames}`,
        why: `${risk.explanation} A plan agreed in advance means fast, consistent answers when the questions arrive.`,
        firstStep: `Hold a one-hour session with the lead for ${projectNames} to list the ten questions people will ask, agree an answer to each, and name who signs off anything new.`,
        owner: "Project lead, with the communications lead",
        impact: 3,
        urgency,
        effort: 2,
      };
    }
    case "no-out-of-hours-cover":
      return {
        ...base,
        title: "Set up out-of-hours cover for emergencies",
        why: `${risk.explanation} In an emergency, silence on official channels lets rumours lead.`,
        firstStep:
          "Agree with the emergency management lead who watches and posts on social media outside office hours, and add the accounts and log-ins to the on-call checklist.",
        owner: "Emergency management lead",
        impact: 3,
        urgency,
        effort: 2,
      };
    case "single-person-accounts":
      return {
        ...base,
        title: "Give at least two people managed access to every account",
        why: `${risk.explanation} Two named administrators per account keep the channels running and let you remove access when someone leaves.`,
        firstStep:
          "List every account and who can sign in to it; add a second named administrator to each using the platform's own roles, not shared passwords.",
        owner: "Communications lead, with IT",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "no-two-factor":
      return {
        ...base,
        title: "Turn on two-factor sign-in for every account and tool",
        why: `${risk.explanation} Two-factor sign-in is the single cheapest protection against account takeover.`,
        firstStep:
          "Ask IT security to switch on two-factor sign-in for each account and management tool this week, tied to work devices.",
        owner: "IT security",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "records-not-kept":
      return {
        ...base,
        title: "Keep posts and replies as official records",
        why: `${risk.explanation} Archives guidance treats social media posts and replies like any other business record.`,
        firstStep:
          "Ask your records manager which retention rules apply, then set up a weekly export or an archiving tool that captures posts, replies and removed comments.",
        owner: "Records or information manager",
        impact: 2,
        urgency,
        effort: 2,
      };
    case "slow-approvals":
      return {
        ...base,
        title: "Speed up sign-off of replies",
        why: `${risk.explanation} Most replies repeat known facts and do not need fresh approval.`,
        firstStep:
          "Agree with the approver which kinds of reply need sign-off at all; pre-approve answers to the twenty most common questions and let the team send those straight away.",
        owner: "Director of communications",
        impact: 3,
        urgency,
        effort: 1,
      };
    case "listening-own-pages":
      return {
        ...base,
        title: "Listen beyond your own pages",
        why: `${risk.explanation} Hearing criticism early lets you answer it before it sets.`,
        firstStep:
          "List the community groups, neighbourhood sites and news pages where your stakeholders talk; check them at set times each day and send a short weekly summary to the leadership team.",
        owner: "Social media officer",
        impact: risk.severity === "high" ? 3 : 2,
        urgency,
        effort: facts.tools.includes("monitoring") ? 1 : 2,
      };
    case "no-escalation-path":
      return {
        ...base,
        title: "Agree an escalation path",
        why: `${risk.explanation}`,
        firstStep:
          "Write a one-page who-to-call list for threats to safety, safeguarding concerns, media interest, legal risk and service failures, with names and out-of-hours numbers, and give it to everyone on the channels.",
        owner: "Director of communications",
        impact: 3,
        urgency,
        effort: 1,
      };
    case "no-staff-support":
      return {
        ...base,
        title: "Support the staff who face hostile comments",
        why: `${risk.explanation}`,
        firstStep:
          "Give the team written permission to hide, block and report abuse under the house rules, and book a monthly debrief with their manager.",
        owner: "Line manager of the social media team, with HR",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "ambition-beyond-capacity":
      return {
        ...base,
        title: "Agree realistic levels for each group and say them publicly",
        why: `${risk.explanation}`,
        firstStep:
          "Take the table of today's, sustainable and wanted levels in this report to the leadership team and agree the level to promise each group for the next six months.",
        owner: "Executive sponsor",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "broadcast-only":
      return {
        ...base,
        title: "Start replying to genuine questions",
        why: `${risk.explanation}`,
        firstStep:
          "Pick one channel and reply to every genuine question on it for a month, logging the time spent; use that to set a response target you can keep.",
        owner: "Social media officer",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "no-sponsor-or-measures":
      return {
        ...base,
        title: "Name an executive sponsor and agree how you will measure success",
        why: `${risk.explanation}`,
        firstStep:
          "At the next leadership meeting, name a sponsor, agree two or three measures that can be counted, and set a review date three months out.",
        owner: "Chief executive",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "no-offline-guidance":
      return {
        ...base,
        title: "Agree when to take a conversation offline",
        why: `${risk.explanation}`,
        firstStep:
          "Write five short rules for moving a conversation to phone, email or a meeting (personal details, complaints, long back-and-forth, distress, legal matters) and share them with the team.",
        owner: "Customer service lead",
        impact: 2,
        urgency,
        effort: 1,
      };
    case "no-evergreen-reserve":
      return {
        ...base,
        title: "Build a reserve of evergreen content",
        why: `${risk.explanation} The reading suggests having up to three months ready before launch.`,
        firstStep:
          "Use the twelve weekly themes in this plan to draft four posts now and schedule one a week; keep adding until twelve weeks are ready.",
        owner: "Content or social media officer",
        impact: 1,
        urgency,
        effort: 2,
      };
    case "no-training":
      return {
        ...base,
        title: "Train the people on your channels",
        why: `${risk.explanation}`,
        firstStep:
          "Book a half-day session for everyone who posts or replies, covering tone, accuracy, privacy, records and handling abuse.",
        owner: "Learning and development",
        impact: 2,
        urgency,
        effort: 2,
      };
  }
}

function gapDrafts(context: RecommendationContext): Draft[] {
  const drafts: Draft[] = [];
  const byAction = (action: EngagementGap["action"]): EngagementGap[] =>
    context.gaps.filter((gap) => gap.action === action);
  const advice = (
    gaps: EngagementGap[],
    level: (gap: EngagementGap) => GroupLevelAdvice["level"],
  ): GroupLevelAdvice[] => gaps.map((gap) => ({ groupId: gap.groupId, groupName: gap.groupName, level: level(gap) }));
  const link = (gaps: EngagementGap[]): RecommendationLink => ({
    kind: "engagement-gap",
    groupIds: gaps.map((gap) => gap.groupId),
  });
  const refs = (gaps: EngagementGap[]): Recommendation["refs"] => gaps.flatMap((gap) => gap.refs);
  const list = (gaps: EngagementGap[]): string => joinList(gaps.map((gap) => gap.groupName));

  const stepBack = byAction("step-back");
  if (stepBack.length > 0) {
    drafts.push({
      id: "rec-gap-step-back",
      title: `Step back to what you can keep up with ${list(stepBack)}`,
      why: `Today you promise ${list(stepBack)} more than you can deliver: ${joinList(stepBack.map((gap) => `${gap.groupName} at ${levelWord(gap.current)}, sustainable ${levelWord(gap.sustainable)}`))}. A smaller promise kept builds more trust than a bigger one broken.`,
      firstStep: `Post a short, honest note on each channel saying what ${list(stepBack)} can expect from you now and when you reply, and stop asking for views you cannot answer until the foundations are in place.`,
      owner: "Communications lead",
      impact: 3,
      urgency: 3,
      effort: 1,
      linkedTo: link(stepBack),
      levels: advice(stepBack, (gap) => gap.sustainable),
      refs: refs(stepBack),
    });
  }
  const foundations = byAction("strengthen-foundations");
  if (foundations.length > 0) {
    const first = foundations[0];
    const blocker = first?.limitedBy[0]?.description.toLowerCase() ?? "the missing foundations";
    drafts.push({
      id: "rec-gap-foundations",
      title: `Hold ${list(foundations)} at today's level until the foundations are in place`,
      why: `You want more with ${list(foundations)}, but cannot yet sustain more than you do now. Raising the promise first would mean breaking it.`,
      firstStep: `Start on what blocks the next level for ${first?.groupName ?? "them"}: ${blocker}.`,
      owner: "Communications lead",
      impact: 2,
      urgency: 2,
      effort: 1,
      linkedTo: link(foundations),
      levels: advice(foundations, (gap) => gap.sustainable),
      refs: refs(foundations),
    });
  }
  const start = byAction("start");
  if (start.length > 0) {
    drafts.push({
      id: "rec-gap-start",
      title: `Start informing ${list(start)}`,
      why: `You do not engage ${list(start)} online yet. Informing is the first level of the Spectrum and the base every other level builds on.`,
      firstStep: `Find out where ${start[0]?.groupName ?? "they"} already talk online, and plan four useful posts for them from the content plan.`,
      owner: "Social media officer",
      impact: 2,
      urgency: 2,
      effort: 1,
      linkedTo: link(start),
      levels: advice(start, () => "inform"),
      refs: refs(start),
    });
  }
  const stepUp = byAction("step-up");
  if (stepUp.length > 0) {
    const urgent = stepUp.some((gap) => gap.quadrant === "manage-closely");
    const first = stepUp[0];
    drafts.push({
      id: "rec-gap-step-up",
      title: `Step up engagement with ${list(stepUp)}`,
      why: `You can sustain more than you do today with ${list(stepUp)}: ${joinList(stepUp.map((gap) => `${gap.groupName} from ${levelWord(gap.current)} to ${levelWord(gap.nextLevel)}`))}. Move one level at a time and keep each promise before making the next.`,
      firstStep: first
        ? `Plan one ${levelWord(first.nextLevel)} activity for ${first.groupName}: ${first.nextLevel === "consult" ? "a short online survey on a live decision, with a promised date for reporting back" : first.nextLevel === "involve" ? "a small online workshop or panel on a decision that is still open" : "a working group that shapes one decision with you"}.`
        : "Plan one activity at the next level for each group.",
      owner: "Engagement lead",
      impact: 2,
      urgency: urgent ? 2 : 1,
      effort: 2,
      linkedTo: link(stepUp),
      levels: advice(stepUp, (gap) => gap.nextLevel),
      refs: refs(stepUp),
    });
  }
  return drafts;
}

/** Which risks already cover each dimension, so a weak dimension is not recommended twice. */
const DIMENSION_RISKS: Readonly<Record<DimensionId, readonly RiskId[]>> = {
  purpose: [],
  stakeholders: [],
  listening: ["listening-own-pages"],
  sharing: ["no-evergreen-reserve"],
  capacity: ["unanswerable-questions", "slow-approvals"],
  governance: ["records-not-kept", "no-two-factor", "single-person-accounts"],
  safeguards: ["hostile-without-rules", "no-escalation-path", "no-offline-guidance", "no-out-of-hours-cover"],
  people: ["no-training", "no-staff-support", "broadcast-only"],
  commitment: ["no-sponsor-or-measures"],
};

const DIMENSION_ADVICE: Readonly<
  Record<DimensionId, { title: string; firstStep: string; owner: string; effort: number }>
> = {
  purpose: {
    title: "Write down why you engage and what success looks like",
    firstStep:
      "For each purpose, write one sentence on why it matters to the people you serve, then turn the top three into objectives with a number and a date.",
    owner: "Director of communications",
    effort: 1,
  },
  stakeholders: {
    title: "Complete the profile of each stakeholder group",
    firstStep:
      "Spend an hour with front-line staff filling in, for each group, what they expect, how they feel about you and where they are online.",
    owner: "Engagement lead",
    effort: 1,
  },
  listening: {
    title: "Turn what you hear into decisions",
    firstStep:
      "Send the leadership team a one-page monthly summary of what people are saying, with one suggested action each time.",
    owner: "Social media officer",
    effort: 1,
  },
  sharing: {
    title: "Set up a content calendar and an agreed tone",
    firstStep:
      "Put the twelve weekly themes from this plan into a shared calendar, and write half a page on how you sound: plain, warm, factual.",
    owner: "Content or social media officer",
    effort: 1,
  },
  capacity: {
    title: "Prepare key messages and line up subject experts",
    firstStep:
      "Collect the twenty questions you are asked most, agree an approved answer for each, and name an expert contact for each service.",
    owner: "Communications lead",
    effort: 2,
  },
  governance: {
    title: "Write down the basic rules: owners, approvals and an account inventory",
    firstStep: "List every account you run, its owner and its purpose; close or hand over the ones nobody owns.",
    owner: "Communications lead",
    effort: 1,
  },
  safeguards: {
    title: "Put the basic safeguards in place",
    firstStep:
      "Agree a moderation routine (who checks comments, how often) and a one-page escalation list, and share both with the team.",
    owner: "Communications lead",
    effort: 1,
  },
  people: {
    title: "Build the team's skills and habits",
    firstStep:
      "Pair each person who posts with a more experienced colleague for a month, and agree that every genuine question gets a reply.",
    owner: "Line manager of the social media team",
    effort: 1,
  },
  commitment: {
    title: "Set a budget and a time horizon",
    firstStep:
      "Agree at the next leadership meeting how long you will keep the channels running and what modest budget tools and training need.",
    owner: "Executive sponsor",
    effort: 1,
  },
};

function dimensionDrafts(context: RecommendationContext): Draft[] {
  const riskIds = new Set(context.risks.map((risk) => risk.id));
  return context.dimensions
    .filter(
      (dimension) => dimension.score < WEAK_DIMENSION && !DIMENSION_RISKS[dimension.id].some((id) => riskIds.has(id)),
    )
    .map((dimension) => {
      const advice = DIMENSION_ADVICE[dimension.id];
      const weakest = [...dimension.factors].sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points))[0];
      return {
        id: `rec-dimension-${dimension.id}`,
        title: advice.title,
        why: `${dimension.name} scores ${dimension.score} out of 100.${weakest ? ` ${weakest.note}` : ""}`,
        firstStep: advice.firstStep,
        owner: advice.owner,
        impact: dimension.weight >= 12 ? 2 : 1,
        urgency: 1,
        effort: advice.effort,
        linkedTo: { kind: "dimension", dimensionId: dimension.id },
        levels: [],
        refs: dimension.refs,
      };
    });
}

function standingDrafts(context: RecommendationContext): Draft[] {
  const { answers } = context;
  return [
    {
      id: "rec-brief-leadership",
      title: "Take this report to the leadership team",
      why: "The verdict and risks need an owner at the top; without one, the actions below stall.",
      firstStep:
        "Book 30 minutes at the next leadership meeting to agree the verdict, the top three risks and who owns each action.",
      owner: answers.commitment.sponsor === "yes" ? "Executive sponsor" : "Chief executive, until a sponsor is named",
      impact: 3,
      urgency: 3,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "commitment" },
      levels: [],
      refs: [ref("commitment", "sponsor")],
    },
    {
      id: "rec-track-replies",
      title: "Track questions and response times every week",
      why: "The capacity check rests on estimates; a simple log turns them into facts and shows whether you keep your promise.",
      firstStep: "Set up a shared log of questions received, answered and time to answer; review it every Friday.",
      owner: "Social media officer",
      impact: 2,
      urgency: 2,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "capacity" },
      levels: [],
      refs: [ref("capacity", "volumeKnowledge"), ref("capacity", "actualResponse")],
    },
    {
      id: "rec-ninety-day-review",
      title: "Review progress at day 90",
      why: "Re-assessing shows the leadership team what has changed and whether to raise the level of engagement.",
      firstStep:
        "Put a review in the diary for day 90 now: re-run this assessment and compare the scores with this report.",
      owner: "Executive sponsor",
      impact: 2,
      urgency: 1,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "commitment" },
      levels: [],
      refs: [ref("commitment", "reviewCadence")],
    },
  ];
}

/**
 * Builds every recommendation and sorts them by priority (highest first), then impact, then the
 * order they were drafted in (briefing the leaders, risks by severity, gaps, weak dimensions,
 * the other standing items). Priority: 2 x impact + 2 x urgency - effort (1-11); phase: 9+ days
 * 1-30, 6-8 days 31-60, else 61-90, moved later when a phase is full (see `phaseLimits`).
 */
export function buildRecommendations(context: RecommendationContext): Recommendation[] {
  const [brief, ...standing] = standingDrafts(context);
  const drafts = [
    ...(brief ? [brief] : []),
    ...context.risks.map((risk) => riskDraft(risk, context)),
    ...gapDrafts(context),
    ...dimensionDrafts(context),
    ...standing,
  ];
  const sorted = drafts
    .map((draft, index) => finish(draft, index))
    .sort((a, b) => b.priorityScore - a.priorityScore || b.impact - a.impact || a.order - b.order);
  const budget = phaseEffortBudget(context.answers);
  const used: Record<RoadmapPhaseNumber, number> = { 1: 0, 2: 0, 3: 0 };
  return sorted.map(({ order: _order, ...recommendation }) => {
    let phase = recommendation.phase;
    while (phase < 3 && used[phase] > 0 && used[phase] + recommendation.effort > budget[phase]) {
      phase = (phase + 1) as RoadmapPhaseNumber;
    }
    used[phase] += recommendation.effort;
    return { ...recommendation, phase, priority: phase === 1 ? "now" : phase === 2 ? "next" : "later" };
  });
}

/**
 * How much work each 90-day phase can hold, in effort points (each action costs its effort, 1-3):
 * a team can only start so much at once.
 *
 * Rule: teams with under 20 hours a week: 8 points in days 1-30 and 10 in days 31-60; otherwise
 * 14 and 14; days 61-90 take the rest. An action is never moved earlier than its priority puts it.
 */
export function phaseEffortBudget(answers: AssessmentAnswers): Record<RoadmapPhaseNumber, number> {
  return answers.capacity.teamHoursPerWeek < 20 ? { 1: 8, 2: 10, 3: Infinity } : { 1: 14, 2: 14, 3: Infinity };
}
