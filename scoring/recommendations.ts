/**
 * Recommendations: one per risk, one per kind of engagement-gap step, one per weak dimension
 * that no risk already covers, the standing items every organisation gets (take the report to
 * the people who decide, review at day 90), a two-week count where the report rests on
 * estimates, and refinements for organisations with little left to fix. Each is tied to a risk,
 * a gap or a dimension, says why, gives a first step worded without a date (the phase says when),
 * names an owner the organisation can be expected to have, and is placed in a 90-day phase.
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, Iap2Level } from "./answers";
import type { AnswerFacts } from "./answer-facts";
import { peaksInWords } from "./capacity-model";
import { estimateText } from "./estimates";
import { levelAtRank, levelRank, levelWord } from "./levels";
import type {
  AppliedGate,
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
import { directRoutes } from "./group-names";
import { inSentence } from "./organisation-profile";
import { joinList, lowerFirst, tidy } from "./text";

/** Everything recommendations may read. */
export interface RecommendationContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  dimensions: readonly DimensionScore[];
  gaps: readonly EngagementGap[];
  risks: readonly Risk[];
  /** The verdict's ceiling: no activity is planned above it. */
  ceiling: Iap2Level;
  /** The gates that held the verdict below its scores; a step that lifts one goes first among equals. */
  gates?: readonly AppliedGate[];
}

interface Draft {
  /** True when it must start in days 1-30 because of a date it has to beat. */
  deadline?: boolean;
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
  "insight-not-used",
  "measures-not-outcomes",
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

function finish(draft: Draft, order: number): Recommendation & { order: number; deadline: boolean } {
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
    deadline: draft.deadline ?? false,
  };
}

type RiskAdvice = Pick<Draft, "title" | "why" | "firstStep" | "owner" | "impact" | "effort">;

function withIt(owner: string, partner: string): string {
  return `${owner}, with ${inSentence(partner)}`;
}

function riskAdvice(risk: Risk, context: RecommendationContext): RiskAdvice {
  const { answers, capacity, facts } = context;
  const { roles, vocabulary } = facts.profile;
  const why = risk.explanation;
  switch (risk.id) {
    case "unanswerable-questions": {
      const status = capacity.finding.status;
      if (status === "enough" && !capacity.shortfall.estimable) {
        return {
          title: "Count the questions you get before promising a reply time",
          why,
          firstStep:
            capacity.shortfall.findOut ??
            "Log every question and comment that arrives for two typical weeks, with how long each took to answer.",
          owner: roles.channelTeam,
          impact: 2,
          effort: 1,
        };
      }
      if (status === "enough") {
        return {
          title: "Agree what to pause when questions surge",
          why,
          firstStep:
            "List the routine posting and reporting you would pause for a week if questions doubled, and name who across the organisation could help reply.",
          owner: roles.commsLead,
          impact: 1,
          effort: 1,
        };
      }
      if (status === "hours-unknown") {
        return {
          title: "Find out how many hours go on your channels",
          why: `${why} ${capacity.shortfall.note}`,
          firstStep:
            capacity.shortfall.findOut ??
            "Ask everyone who posts, replies or moderates to note their time for two typical weeks, and log each question that arrives and how long it took to answer.",
          owner: roles.commsLead,
          impact: 3,
          effort: 1,
        };
      }
      if (status === "no-hours") {
        return {
          title: "Give someone time to answer questions, or say plainly that you do not reply",
          why,
          firstStep: `Decide who will check and answer the channels and for how many hours a week; until then, say on each account that messages are not monitored, and point people to ${vocabulary.otherRoutes}.`,
          owner: roles.executive,
          impact: 3,
          effort: 2,
        };
      }
      const causes = capacity.response.causes;
      if (status === "slow" && causes.includes("handling") && !causes.includes("too-few-hours")) {
        return {
          title: "Find where replies get held up",
          why: `${why} ${capacity.response.reconciliation ?? capacity.shortfall.note}`,
          firstStep:
            "Follow twenty recent replies from arrival to answer and note where each one waited: for someone to look, for the facts, or for sign-off. Fix the longest wait first.",
          owner: roles.commsLead,
          impact: 3,
          effort: 1,
        };
      }
      if (status === "slow" && causes.includes("thin-hours") && !causes.includes("too-few-hours")) {
        return {
          title: "Check the channels more often",
          why: `${why} ${capacity.shortfall.note}`,
          firstStep:
            "Spread the hours you have into short, regular sittings across each day the channels are covered, rather than one or two long ones, and share a rota so someone always knows it is their turn.",
          owner: roles.commsLead,
          impact: 2,
          effort: 1,
        };
      }
      if (status === "slow" && causes.includes("sign-off") && !causes.includes("too-few-hours")) {
        return {
          title: "Stop sign-off holding up routine replies",
          why: `${why} ${capacity.shortfall.note}`,
          firstStep:
            "Agree with whoever signs off which kinds of reply need approval at all, and pre-approve answers to the twenty commonest questions so the team can send those without waiting.",
          owner: roles.commsLead,
          impact: 3,
          effort: 1,
        };
      }
      const extra = capacity.shortfall.extraHoursPerWeek;
      const fte = capacity.shortfall.extraFte;
      const sized = extra !== null && extra.likely > 0;
      if (sized && fte !== null && fte.likely >= 3) {
        return {
          title: "Decide which questions your channels will answer, and send the rest elsewhere",
          why: `${why} ${capacity.shortfall.note}`,
          firstStep: `List the ten commonest questions, decide which your channels will answer and which go to ${vocabulary.otherRoutes}, and say so on every account; then size the team for what remains.`,
          owner: roles.executive,
          impact: 3,
          effort: 2,
        };
      }
      return {
        title: sized
          ? `Find about ${estimateText(extra.likely)} more hours a week for replies, or narrow what you invite`
          : "Size the team to the real volume, or narrow what you invite",
        why: `${why} ${capacity.shortfall.note}`,
        firstStep:
          "Ask the team to log every question and how long each reply takes for two weeks; use the count to decide which topics you invite questions on until the hours are in place.",
        owner: sized && fte !== null && fte.likely >= 0.5 ? roles.executive : roles.commsLead,
        impact: 3,
        effort: fte !== null && fte.likely >= 1 ? 3 : 2,
      };
    }
    case "hostile-without-rules": {
      const signer = inSentence(roles.sponsor, roles.sponsorTyped);
      const rules = answers.capacity.houseRules;
      return {
        title:
          rules === "published"
            ? "Set up moderation before opening conversations"
            : "Publish house rules and set up moderation before opening conversations",
        why: `${why} Published rules make removing abuse fair and predictable, and tell people what to expect from you.`,
        firstStep:
          rules === "published"
            ? "Agree who checks comments, how often and at what times, including the evenings and weekends when a row is most likely, and what they remove under your published rules."
            : rules === "draft"
              ? `Check your draft house rules against the outline in this plan, have ${signer} sign them off, publish them and pin them to every account, and agree who checks comments and how often.`
              : `Draft a one-page house rules page from the outline in this plan, have ${signer} sign it off, pin it to every account, and agree who checks comments and how often.`,
        owner: rules === "published" ? roles.commsLead : withIt(roles.commsLead, roles.legal),
        impact: 3,
        effort: 1,
      };
    }
    case "contentious-project-hostile": {
      const projectNames = joinList(
        answers.stakeholders.projects
          .filter((project) => risk.triggers.some((item) => item.projectId === project.id))
          .map((project) => tidy(project.name)),
      );
      return {
        title: `Prepare the response plan for ${projectNames}`,
        why: `${why} A plan agreed in advance means fast, consistent answers when the questions arrive.`,
        firstStep: `Hold a one-hour session with the lead for ${projectNames} to list the ten questions people will ask, agree an answer to each, and name who signs off anything new.`,
        owner: `Project lead, with ${inSentence(roles.commsLead)}`,
        impact: 3,
        effort: 2,
      };
    }
    case "no-out-of-hours-cover": {
      const lead = roles.emergencyLead ?? roles.dutyContact;
      return {
        title: "Set up out-of-hours cover for emergencies",
        why: `${why} In an emergency, silence on official channels lets rumours lead.`,
        firstStep: `Agree with ${inSentence(lead)} who watches and posts on your channels outside your hours in an emergency, and add the accounts and sign-in steps to the on-call checklist.`,
        owner: lead,
        impact: 3,
        effort: 1,
      };
    }
    case "single-person-accounts": {
      const access = answers.capacity.accountAccess;
      const alone = risk.summary.startsWith("one person");
      return {
        title: alone
          ? "Give at least two people managed access to every account"
          : access === "shared-informally"
            ? "Replace shared passwords with named access"
            : "Find out who can get into each account",
        why: `${why} Two named administrators for each account keep the channels running and let you remove access when someone leaves.`,
        firstStep:
          "List every account and who can sign in to it; give each a second named administrator using the platform's own roles, not shared passwords, and remove anyone who has left.",
        owner: withIt(roles.commsLead, roles.itSecurity),
        impact: 3,
        effort: 1,
      };
    }
    case "no-two-factor":
      return {
        title:
          answers.capacity.twoFactor === "unknown"
            ? "Check two-step sign-in is on for every account, and turn it on where it is not"
            : "Turn on two-step sign-in for every account and tool",
        why: `${why} Two-step sign-in is the cheapest protection there is against an account being taken over.`,
        firstStep: `Ask ${inSentence(roles.itSecurity)} to switch on two-step sign-in for each account and management tool, tied to work devices, and to check it whenever someone joins the team.`,
        owner: roles.itSecurity,
        impact: 3,
        effort: 1,
      };
    case "no-governance-basics": {
      const has = (item: (typeof facts.governance)[number]): boolean => facts.governance.includes(item);
      const policyToo = !has("policy") && !has("strategy");
      // With owners already named, what is missing is the list of accounts.
      const owned = has("account-owners");
      // The access step already lists every account and who can sign in: this one keeps that list.
      if (owned && !policyToo && context.risks.some((item) => item.id === "single-person-accounts")) {
        return {
          title: "Keep the list of accounts up to date",
          why,
          firstStep:
            "Keep the list of accounts made when sorting out access as your account register: add each new account and its owner when it opens, and check the list every quarter.",
          owner: roles.commsLead,
          impact: 2,
          effort: 1,
        };
      }
      const basics = owned ? "List every account and its owner" : "Name an owner for every account and list them all";
      return {
        title: policyToo ? `${basics}, and agree a short policy` : basics,
        why,
        firstStep: `List every account you run, its purpose and who can sign in; ${owned ? "check each still has its named owner" : "give each a named owner"}, and close or hand over any that nobody owns.${policyToo ? ` Then agree a one-page policy on who may post, who signs off, and how staff conduct themselves online, and take it to ${roles.leadershipTeam}.` : ""}`,
        owner: roles.commsLead,
        impact: 3,
        effort: policyToo ? 2 : 1,
      };
    }
    case "records-not-kept": {
      const records = answers.capacity.recordsCapture;
      return {
        title:
          records === "manual"
            ? "Capture posts and replies automatically"
            : records === "unknown"
              ? "Find out whether posts and replies are kept, and keep them"
              : "Keep posts and replies as records",
        why: `${why} Archives guidance treats posts and replies like any other record of what an organisation said.`,
        firstStep:
          "Ask which retention rules apply to your posts and replies, then set up a regular export or an archiving tool that captures posts, replies and removed comments.",
        owner: roles.records,
        impact: 2,
        effort: 2,
      };
    }
    case "slow-approvals":
      return answers.capacity.approvalNeed === "not-defined"
        ? {
            title: "Agree who signs off replies, and how fast",
            why,
            firstStep:
              "Write down which kinds of reply need approval, who gives it and within what time, and pre-approve answers to the commonest questions so most replies need none.",
            owner: roles.commsLead,
            impact: 3,
            effort: 1,
          }
        : {
            title: "Speed up sign-off of replies",
            why: `${why} Most replies repeat known facts and do not need fresh approval.`,
            firstStep:
              "Agree with whoever signs off which kinds of reply need approval at all; pre-approve answers to the twenty commonest questions and let the team send those straight away.",
            owner: roles.commsLead,
            impact: 3,
            effort: 1,
          };
    case "listening-own-pages":
      return {
        title: "Listen beyond your own pages",
        why: `${why} Hearing criticism early lets you answer it before it sets.`,
        firstStep: `List the places where your stakeholders talk, such as ${vocabulary.offPageExamples}; check them at set times and send a short summary of what you find to ${roles.leadershipTeam} each month.`,
        owner: roles.channelTeam,
        impact: risk.severity === "high" ? 3 : 2,
        effort: facts.tools.includes("monitoring") ? 1 : 2,
      };
    case "insight-not-used":
      return {
        title: "Take what you hear to the people who decide",
        why,
        firstStep: `Send ${roles.leadershipTeam} a one-page summary each month of what people are saying, with one suggested action, and say publicly what changed as a result.`,
        owner: roles.commsLead,
        impact: 2,
        effort: 1,
      };
    case "no-escalation-path":
      return {
        title:
          answers.capacity.escalationPath === "partly" ? "Write down your escalation path" : "Agree an escalation path",
        why,
        firstStep:
          "Write a one-page list of who to call for threats to safety, safeguarding concerns, media interest, legal risk and service failures, with names and out-of-hours numbers, and give it to everyone on the channels.",
        owner: roles.commsLead,
        impact: 3,
        effort: 1,
      };
    case "no-staff-support":
      return {
        title: "Support the staff who face hostile comments",
        why,
        firstStep: `Give ${roles.channelTeamInline} written permission to hide, block and report abuse under the house rules, and set up a regular debrief with ${facts.profile.soloTeam && facts.profile.size === "small" ? inSentence(roles.executive) : "their manager"}.`,
        owner: roles.staffManager,
        impact: 2,
        effort: 1,
      };
    case "peaks-beyond-capacity":
      return {
        title: "Plan for the busiest weeks",
        why,
        firstStep:
          "Name who else can reply in the busiest weeks, what routine posting pauses then, and which answers to publish before the rush to head off the commonest questions.",
        owner: roles.commsLead,
        impact: 2,
        effort: 1,
      };
    case "ambition-beyond-capacity":
      return {
        title: "Agree realistic levels for each group, and say them publicly",
        why,
        firstStep: `Take the table of today's, sustainable and wanted levels in this report to ${roles.leadershipTeam} and agree the level to promise each group for the next six months.`,
        owner: roles.sponsor,
        impact: 2,
        effort: 1,
      };
    case "broadcast-only":
      return {
        title: "Start replying to genuine questions",
        why,
        firstStep:
          "Pick one channel and reply to every genuine question on it for a month, noting the time spent; use that to set a reply time you can keep.",
        owner: roles.channelTeam,
        impact: 2,
        effort: 1,
      };
    case "no-sponsor":
      return {
        title:
          answers.commitment.sponsor === "yes"
            ? "Set a date to review progress"
            : "Name an executive sponsor and a review date",
        why,
        firstStep: `At the next meeting of ${roles.leadershipTeam}, ${answers.commitment.sponsor === "yes" ? "" : "name a sponsor and "}set a review date three months out.`,
        owner: roles.executive,
        impact: 2,
        effort: 1,
      };
    case "measures-not-outcomes": {
      const noObjectives = answers.commitment.objectives.length === 0;
      return {
        title: noObjectives
          ? "Set two or three objectives, each with a measure"
          : risk.title.startsWith("Success measured by reach")
            ? "Measure results, not reach"
            : "Give each objective a measure of results",
        why,
        firstStep: noObjectives
          ? `Take the suggested objectives in this plan to ${roles.leadershipTeam}, keep two or three, and give each a measure of a result, such as fewer calls or more responses, with a date.`
          : "For each objective, add one measure of what changed for people or for you, such as fewer calls or complaints, more responses to a consultation, or questions answered on time.",
        owner: roles.commsLead,
        impact: 2,
        effort: 1,
      };
    }
    case "no-offline-guidance":
      return {
        title: "Agree when to take a conversation offline",
        why,
        firstStep:
          "Write five short rules for moving a conversation to phone, email or a meeting (personal details, complaints, long back-and-forth, distress, legal matters) and share them with everyone on the channels.",
        owner: roles.customerService,
        impact: 2,
        effort: 1,
      };
    case "no-evergreen-reserve":
      return {
        title: "Build a reserve of evergreen content",
        why: `${why} The reading suggests having up to three months ready before launch.`,
        firstStep:
          "Use the twelve weekly themes in this plan to draft four posts and schedule one a week; keep adding until twelve weeks are ready.",
        owner: roles.channelTeam,
        impact: 1,
        effort: 2,
      };
    case "no-training":
      return {
        title: "Train the people on your channels",
        why,
        firstStep:
          "Book a half-day session for everyone who posts or replies, covering tone, accuracy, privacy, records and handling abuse.",
        owner: facts.profile.size === "small" ? roles.commsLead : "HR or learning and development",
        impact: 2,
        effort: 2,
      };
  }
}

function riskDraft(risk: Risk, context: RecommendationContext): Draft {
  const urgencyBoost = context.facts.soonProjects.length > 0 && PROJECT_SENSITIVE.includes(risk.id) ? 1 : 0;
  const advice = riskAdvice(risk, context);
  // A high risk does the most harm if left; a low one, the least.
  const impact = risk.severity === "high" ? 3 : risk.severity === "low" ? Math.min(advice.impact, 2) : advice.impact;
  return {
    id: `rec-${risk.id}`,
    ...advice,
    impact,
    // NOTE: the response plan for a project landing in the next three months, and the sign-off
    // that would hold up every answer about it, cannot wait for a quieter phase: they go in days
    // 1-30 whatever else is there.
    // The sponsor, too: the decision asks for one at the next leadership meeting.
    deadline:
      (risk.id === "no-sponsor" && context.answers.commitment.sponsor !== "yes") ||
      (risk.id === "contentious-project-hostile" && context.facts.soonProjects.length > 0) ||
      (risk.id === "slow-approvals" &&
        context.answers.capacity.approvalNeed === "most-replies" &&
        context.facts.soonProjects.some((project) => project.contentiousness !== "low")),
    urgency: Math.min(3, SEVERITY_URGENCY[risk.severity] + urgencyBoost),
    linkedTo: { kind: "risk", riskId: risk.id },
    levels: [],
    refs: risk.triggers,
  };
}

/** True when every answer `refs` names (by question, whatever the group) is among `triggers`. */
function coversAll(triggers: readonly AnswerRef[], refs: readonly AnswerRef[]): boolean {
  const key = (item: AnswerRef) => `${item.section}|${item.questionId}`;
  const have = new Set(triggers.map(key));
  return refs.length > 0 && refs.every((item) => have.has(key(item)));
}

/** True for a group the organisation deals with directly, through routes of its own (`directRoutes`). */
function isDirect(gap: EngagementGap, context: RecommendationContext): boolean {
  const group = context.answers.stakeholders.groups.find((candidate) => candidate.id === gap.groupId);
  return group !== undefined && directRoutes(group) !== null;
}

/**
 * The first step of a step back. The public hear it on the channels themselves; groups the
 * organisation deals with directly (its elected members, board, staff, the media) hear it
 * directly and keep their usual routes.
 */
function stepBackFirstStep(stepBack: readonly EngagementGap[], context: RecommendationContext): string {
  const { vocabulary } = context.facts.profile;
  const direct = stepBack.filter((gap) => isDirect(gap, context));
  const publicGaps = stepBack.filter((gap) => !direct.includes(gap));
  const phrases = (gaps: readonly EngagementGap[]) => joinList(gaps.map((gap) => gap.groupPhrase));
  const steps: string[] = [];
  if (publicGaps.length > 0) {
    steps.push(
      `Post a short, honest note on each channel saying what ${phrases(publicGaps)} can expect from you now, how fast you reply, and how else to reach you (${vocabulary.otherRoutes}), and keep taking their views through submissions and meetings.`,
    );
  }
  if (direct.length > 0) {
    steps.push(
      `Tell ${phrases(direct)} directly what your public channels will and will not do for now; how you work with them through briefings, meetings and direct contact does not change.`,
    );
  }
  return steps.join(" ");
}

function gapDrafts(context: RecommendationContext): Draft[] {
  const { roles } = context.facts.profile;
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
  const list = (gaps: EngagementGap[]): string => joinList(gaps.map((gap) => gap.groupPhrase));

  const stepBack = byAction("step-back");
  if (stepBack.length > 0) {
    const levels = joinList(
      stepBack.map(
        (gap) => `${gap.groupPhrase} at ${levelWord(gap.current)}, when you can keep ${levelWord(gap.sustainable)}`,
      ),
    );
    // Only groups dealt with directly (staff, board, elected members, the media): their own routes
    // carry on, so all that is needed is to tell them what the public channels can do. It can wait.
    const onlyDirect = stepBack.every((gap) => isDirect(gap, context));
    drafts.push({
      id: "rec-gap-step-back",
      title: onlyDirect
        ? `Tell ${list(stepBack)} what your public channels can offer them for now`
        : `Bring what you promise ${list(stepBack)} back to what you can keep`,
      why: onlyDirect
        ? `On your public channels you promise more than you can keep: ${levels}. How you work with them through your own routes does not change; they need to know what the public channels will and will not do.`
        : `Today you promise ${list(stepBack)} more than you can deliver: ${levels}. A smaller promise kept builds more trust than a bigger one broken. They are still to be heard: what changes is how.`,
      firstStep: stepBackFirstStep(stepBack, context),
      owner: roles.commsLead,
      impact: onlyDirect ? 1 : 3,
      urgency: onlyDirect ? 1 : 3,
      effort: 1,
      linkedTo: link(stepBack),
      levels: advice(stepBack, (gap) => gap.sustainable),
      refs: refs(stepBack),
    });
  }
  const foundations = byAction("strengthen-foundations");
  if (foundations.length > 0) {
    const first = foundations[0];
    const blockers = first?.limitedBy ?? [];
    const blocker = blockers[0]?.description ?? "the missing foundations";
    // When foundation risks' own steps already put every blocker in place, this step is what comes
    // after them. (The plan risk names every blocker, but its step fixes none of them.)
    const covered =
      blockers.length > 0 &&
      blockers.every((requirement) =>
        context.risks.some((risk) => risk.kind === "foundation" && coversAll(risk.triggers, requirement.refs)),
      );
    const nextUp = first ? levelAtRank(levelRank(first.sustainable) + 1) : null;
    drafts.push({
      id: "rec-gap-foundations",
      title: `Hold ${list(foundations)} at today's level until the foundations are in place`,
      why: `You want more with ${list(foundations)}, but cannot yet keep more than you do now. Raising the promise first would mean breaking it.`,
      firstStep:
        covered && first && nextUp
          ? `Once you have ${joinList(blockers.map((requirement) => lowerFirst(requirement.description)))} (another step in this plan), raise what you offer ${first.groupPhrase} to ${levelWord(nextUp)} first, tell them what changes, and check you can keep it before going further.`
          : `Start on what stands between ${first?.groupPhrase ?? "them"} and the next level: ${lowerFirst(blocker)}.`,
      owner: roles.commsLead,
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
    // A group about to be hit by a project needs to hear from you before the project lands.
    const soon = new Set(
      context.answers.stakeholders.projects
        .filter((project) => project.timing === "next-3-months")
        .flatMap((project) => project.groupIds),
    );
    const startUrgency = start.some((gap) => soon.has(gap.groupId))
      ? 3
      : start.some((gap) => gap.quadrant === "manage-closely")
        ? 2
        : 1;
    drafts.push({
      deadline: startUrgency === 3,
      id: "rec-gap-start",
      title: `Start informing ${list(start)}`,
      why: `You do not engage ${list(start)} online yet. Informing is the first level of engagement and the base every other level builds on.`,
      firstStep: `Find out where ${start[0]?.groupPhrase ?? "they"} already talk and get news, and plan four useful posts for them from the content plan.`,
      owner: roles.channelTeam,
      impact: 2,
      urgency: startUrgency,
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
    const activity = (level: Iap2Level): string =>
      level === "consult"
        ? "a short online survey on a live decision, with a promised date for reporting back"
        : level === "involve"
          ? "a small online workshop or panel on a decision that is still open"
          : level === "collaborate"
            ? "a working group that shapes one decision with you"
            : "a decision you hand to them, with the budget and rules agreed in advance";
    drafts.push({
      id: "rec-gap-step-up",
      title: `Step up engagement with ${list(stepUp)}`,
      why: `You can keep more than you do today with ${list(stepUp)}: ${joinList(stepUp.map((gap) => `${gap.groupPhrase} from ${levelWord(gap.current)} to ${levelWord(gap.nextLevel)}`))}. Move one level at a time and keep each promise before making the next.`,
      firstStep: first
        ? `Plan one ${levelWord(first.nextLevel)} activity for ${first.groupPhrase}: ${activity(first.nextLevel)}.`
        : "Plan one activity at the next level for each group.",
      owner: roles.engagementLead,
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
  purpose: ["measures-not-outcomes"],
  stakeholders: [],
  listening: ["listening-own-pages", "insight-not-used"],
  sharing: ["no-evergreen-reserve"],
  capacity: ["unanswerable-questions", "slow-approvals", "peaks-beyond-capacity"],
  governance: ["records-not-kept", "no-two-factor", "single-person-accounts", "no-governance-basics"],
  safeguards: ["hostile-without-rules", "no-escalation-path", "no-offline-guidance", "no-out-of-hours-cover"],
  people: ["no-training", "no-staff-support", "broadcast-only"],
  commitment: ["no-sponsor", "measures-not-outcomes"],
};

function dimensionAdvice(
  id: DimensionId,
  context: RecommendationContext,
): { title: string; firstStep: string; owner: string; effort: number } {
  const { roles } = context.facts.profile;
  switch (id) {
    case "purpose":
      return {
        title: "Write down why you engage and what success looks like",
        firstStep:
          "For each purpose, write one sentence on why it matters to the people you serve, then turn the top three into objectives with a measure and a date.",
        owner: roles.commsLead,
        effort: 1,
      };
    case "stakeholders":
      return {
        title: "Complete the profile of each stakeholder group",
        firstStep:
          "Spend an hour with front-line staff filling in, for each group, what they expect, how they feel about you and where they are online.",
        owner: roles.engagementLead,
        effort: 1,
      };
    case "listening":
      return {
        title: "Turn what you hear into decisions",
        firstStep: `Send ${roles.leadershipTeam} a one-page monthly summary of what people are saying, with one suggested action each time.`,
        owner: roles.channelTeam,
        effort: 1,
      };
    case "sharing":
      return {
        title: "Set up a content calendar and an agreed tone",
        firstStep:
          "Put the twelve weekly themes from this plan into a shared calendar, and write half a page on how you sound: plain, warm, factual.",
        owner: roles.channelTeam,
        effort: 1,
      };
    case "capacity":
      return {
        title: "Prepare key messages and line up subject experts",
        firstStep:
          "Collect the twenty questions you are asked most, agree an approved answer for each, and name an expert contact for each service.",
        owner: roles.commsLead,
        effort: 2,
      };
    case "governance":
      return {
        title: "Write down the basic rules: owners, approvals and a list of accounts",
        firstStep: "List every account you run, its owner and its purpose; close or hand over the ones nobody owns.",
        owner: roles.commsLead,
        effort: 1,
      };
    case "safeguards":
      return {
        title: "Put the basic safeguards in place",
        firstStep:
          "Agree a moderation routine (who checks comments, how often) and a one-page escalation list, and share both with everyone on the channels.",
        owner: roles.commsLead,
        effort: 1,
      };
    case "people":
      return {
        title: "Build the team's skills and habits",
        firstStep: context.facts.profile.soloTeam
          ? "Find a colleague who can learn the channels and cover leave, and agree that every genuine question gets a reply."
          : "Pair each person who posts with a more experienced colleague for a month, and agree that every genuine question gets a reply.",
        owner: roles.staffManager,
        effort: 1,
      };
    case "commitment":
      return {
        title: "Set a budget and a time horizon",
        firstStep: `Agree with ${roles.leadershipTeam} how long you will keep the channels running and what modest budget tools and training need.`,
        owner: roles.sponsor,
        effort: 1,
      };
  }
}

function dimensionDrafts(context: RecommendationContext): Draft[] {
  const riskIds = new Set(context.risks.map((risk) => risk.id));
  return context.dimensions
    .filter(
      (dimension) => dimension.score < WEAK_DIMENSION && !DIMENSION_RISKS[dimension.id].some((id) => riskIds.has(id)),
    )
    .map((dimension) => {
      const advice = dimensionAdvice(dimension.id, context);
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

/** The parts of the report that rest on estimates, for the two-week count. */
function estimatesToCheck(context: RecommendationContext): string[] {
  const { answers, facts } = context;
  return [
    facts.teamHours === null ? "the hours your team spends" : null,
    answers.capacity.volumeKnowledge !== "known" ? "how many messages you get" : null,
    answers.capacity.questionShare === "unknown" ? "how many of them are questions" : null,
    answers.capacity.actualResponse === "unknown" ? "how fast you reply today" : null,
  ].filter((item): item is string => item !== null);
}

function standingDrafts(context: RecommendationContext): { brief: Draft; rest: Draft[] } {
  const { risks, facts } = context;
  const { roles } = facts.profile;
  const serious = risks.filter((risk) => risk.severity !== "low");
  // An organisation with no high risk and little else to fix gets the refinements a consultant offers.
  const refine = !risks.some((risk) => risk.severity === "high") && serious.length <= 2;
  const agree =
    serious.length >= 3
      ? "the verdict, the three most serious risks and who owns each action"
      : serious.length === 2
        ? "the verdict, the two risks that matter most and who owns each action"
        : serious.length === 1
          ? "the verdict, the one risk that matters most and who owns the action"
          : "the verdict";
  const brief: Draft = {
    id: "rec-brief-leadership",
    title: `Take this report to ${roles.decisionMaker}`,
    why: "The verdict and the plan need an owner at the top; without one, the actions below stall.",
    firstStep: `Put this report on the agenda of ${roles.leadershipTeam} to agree ${agree}${refine ? `${serious.length > 0 ? "," : ""} and which of the refinements in this plan to take on` : ""}, then ask ${roles.decisionMaker} for the decision set out at the front of this report.`,
    owner: roles.sponsor,
    impact: 3,
    urgency: 3,
    effort: 1,
    linkedTo: { kind: "dimension", dimensionId: "commitment" },
    levels: [],
    refs: [ref("commitment", "sponsor")],
  };
  const rest: Draft[] = [];
  const check = estimatesToCheck(context);
  // When the capacity check already asks for a two-week count, that step does this job.
  if (check.length > 0 && context.capacity.shortfall.findOut === null) {
    rest.push({
      id: "rec-track-replies",
      title: "Count questions and reply times for two weeks",
      why: `Parts of this report rest on estimates: ${joinList(check)}. A two-week count turns them into facts, and shows whether you keep the reply time you publish.`,
      firstStep:
        "Set up a simple shared log of questions received, answered and the time each took, for two typical weeks, and note the hours everyone spent.",
      owner: roles.channelTeam,
      impact: 2,
      urgency: 2,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "capacity" },
      levels: [],
      refs: [
        ref("capacity", "volumeKnowledge"),
        ref("capacity", "questionShare"),
        ref("capacity", "actualResponse"),
        ref("capacity", "teamHoursPerWeek"),
      ],
    });
  }
  rest.push({
    id: "rec-ninety-day-review",
    title: "Review progress at day 90",
    why: `Re-assessing shows ${roles.leadershipTeam} what has changed and whether to raise the level of engagement.`,
    firstStep: "Put a review in the diary for day 90: re-run this assessment and compare the results with this report.",
    owner: roles.sponsor,
    impact: 2,
    urgency: 1,
    effort: 1,
    linkedTo: { kind: "dimension", dimensionId: "commitment" },
    levels: [],
    refs: [ref("commitment", "reviewCadence")],
  });
  if (refine) rest.push(...refinements(context));
  return { brief, rest };
}

/**
 * What a consultant offers an organisation with little left to fix: plan the surges, evaluate
 * whether engagement changes decisions, and make sure the content works for everyone.
 */
function refinements(context: RecommendationContext): Draft[] {
  const { answers, facts, capacity } = context;
  const { roles } = facts.profile;
  const result: Draft[] = [];
  const peak = capacity.peak;
  // When the busiest weeks are already a risk, its own action plans them.
  const peaksRisk = context.risks.some((risk) => risk.id === "peaks-beyond-capacity");
  if (peak !== null && !peaksRisk) {
    const when = peaksInWords(peak.kinds);
    result.push({
      id: "rec-refine-peaks",
      title: "Rehearse your plan for the busiest weeks",
      why: `Your hours cover a usual week${capacity.finding.status === "comfortable" ? " with room to spare" : ""}, and questions rise ${when}. A surge plan that has been tried once works when it is needed.`,
      firstStep:
        "Before the next busy period, agree who else can reply, which answers to publish in advance, and what to pause; afterwards, compare the reply times with a usual week.",
      owner: roles.commsLead,
      impact: 1,
      urgency: 1,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "capacity" },
      levels: [],
      refs: [ref("capacity", "peaks"), ref("capacity", "peakSize")],
    });
  } else if (peak === null && answers.capacity.peaks.includes("unknown")) {
    result.push({
      id: "rec-refine-peaks",
      title: "Find out when questions peak",
      why: "You did not know when questions rise sharply. Knowing your busiest weeks lets you plan cover before they arrive.",
      firstStep:
        "Look back over last year's messages by week, mark the three busiest, and note what caused each: a deadline, a season or an incident.",
      owner: roles.channelTeam,
      impact: 1,
      urgency: 1,
      effort: 1,
      linkedTo: { kind: "dimension", dimensionId: "capacity" },
      levels: [],
      refs: [ref("capacity", "peaks")],
    });
  }
  const consults = facts.groups.some((group) => {
    const gap = context.gaps.find((item) => item.groupId === group.id);
    return gap !== undefined && levelRank(gap.sustainable) >= levelRank("consult");
  });
  if (consults) {
    result.push({
      id: "rec-refine-evaluation",
      title: "Check that engagement changes decisions",
      why: "You can keep your promises. The next question is whether they matter: did people's views change what was decided, and did they feel heard?",
      firstStep:
        "Pick one recent consultation and ask two questions: what changed because of what people said, and do the people who took part feel heard? Publish what you find.",
      owner: roles.engagementLead,
      impact: 2,
      urgency: 1,
      effort: 2,
      linkedTo: { kind: "dimension", dimensionId: "listening" },
      levels: [],
      refs: [ref("engagementModel", "actingOnInsight"), ref("commitment", "objectives")],
    });
  }
  result.push({
    id: "rec-refine-accessibility",
    title: "Check your content works for everyone",
    why: "Strong channels still lose people who cannot read small text, hear a video or follow jargon.",
    firstStep:
      "Review a month of posts for captions, image descriptions, plain language and contrast, and add the fixes to your content checklist.",
    owner: roles.channelTeam,
    impact: 1,
    urgency: 1,
    effort: 1,
    linkedTo: { kind: "dimension", dimensionId: "sharing" },
    levels: [],
    refs: [ref("engagementModel", "consistentTone")],
  });
  return result;
}

/**
 * Builds every recommendation. Priority: 2 x impact + 2 x urgency - effort (1-11); phase: 9+ days
 * 1-30, 6-8 days 31-60, else 61-90, moved later when a phase is full (see `phaseEffortBudget`),
 * taking them in order of priority, then impact, then the order they were drafted in (briefing
 * the leaders, risks by severity, gaps, weak dimensions, the other standing items). The list is
 * returned in the order things are done: by phase, then by priority within the phase.
 */
export function buildRecommendations(context: RecommendationContext): Recommendation[] {
  const { brief, rest } = standingDrafts(context);
  const drafts = [
    brief,
    ...context.risks.map((risk) => riskDraft(risk, context)),
    ...gapDrafts(context),
    ...dimensionDrafts(context),
    ...rest,
  ];
  // Among steps of equal priority, briefing the leaders comes first, then any step that removes
  // what holds the verdict down: its foundation risk rests on every answer a gate rests on, or
  // only on answers the gate rests on.
  const gates = context.gates ?? [];
  const foundationRisk = new Set(context.risks.filter((risk) => risk.kind === "foundation").map((risk) => risk.id));
  const liftsVerdict = (draft: Draft): number =>
    draft === brief ||
    (draft.linkedTo.kind === "risk" &&
      foundationRisk.has(draft.linkedTo.riskId) &&
      gates.some((gate) => coversAll(draft.refs, gate.refs) || coversAll(gate.refs, draft.refs)))
      ? 1
      : 0;
  const sorted = drafts
    .map((draft, index) => ({ ...finish(draft, index), lifts: liftsVerdict(draft) }))
    .sort((a, b) => b.priorityScore - a.priorityScore || b.lifts - a.lifts || b.impact - a.impact || a.order - b.order)
    .map(({ lifts: _lifts, ...item }) => item);
  const budget = phaseEffortBudget(context.facts);
  const used: Record<RoadmapPhaseNumber, number> = { 1: 0, 2: 0, 3: 0 };
  for (const item of sorted) if (item.deadline) used[1] += item.effort;
  const placed = sorted.map(({ order: _order, deadline, ...recommendation }) => {
    let phase: RoadmapPhaseNumber = deadline ? 1 : recommendation.phase;
    while (!deadline && phase < 3 && used[phase] > 0 && used[phase] + recommendation.effort > budget[phase]) {
      phase = (phase + 1) as RoadmapPhaseNumber;
    }
    if (!deadline) used[phase] += recommendation.effort;
    return { ...recommendation, phase, priority: phase === 1 ? "now" : phase === 2 ? "next" : "later" } as const;
  });
  // NOTE: the list reads in the order things are done: by phase, then by priority within it.
  return placed
    .map((recommendation, index) => ({ recommendation, index }))
    .sort((a, b) => a.recommendation.phase - b.recommendation.phase || a.index - b.index)
    .map(({ recommendation }) => recommendation);
}

/**
 * How much work each 90-day phase can hold, in effort points (each action costs its effort, 1-3):
 * a team can only start so much at once.
 *
 * Rule: teams with under 20 hours a week (or hours not known): 10 points in days 1-30 and 10 in
 * days 31-60; otherwise 14 and 14; days 61-90 take the rest. An action is never moved earlier
 * than its priority puts it.
 */
export function phaseEffortBudget(facts: AnswerFacts): Record<RoadmapPhaseNumber, number> {
  const hours = facts.teamHours;
  return hours === null || hours < 20 ? { 1: 10, 2: 10, 3: Infinity } : { 1: 14, 2: 14, 3: Infinity };
}
