/**
 * The nine readiness dimensions. Each is scored out of 100 from factors whose maximum points add
 * up to 100, so a factor's maximum is also its weight within the dimension. A factor earns a
 * fraction (0 to 1) of its maximum from the answers that feed it.
 *
 * "I don't know" answers earn what the weakest known answer earns, with the assumption stated on
 * the factor; they are also listed as things to find out (unknowns.ts).
 */
import { ref, uniqueRefs } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers, GovernanceItem, Practice, StaffSupport } from "./answers";
import { levelsFor, type AnswerFacts } from "./answer-facts";
import { ADOPTION_STAGE_LABELS } from "./adoption-stage";
import { levelRank } from "./levels";
import { clamp, round, safeDivide } from "./numbers";
import type {
  AdoptionMaturity,
  AdoptionStageId,
  CapacityModel,
  DimensionId,
  DimensionScore,
  ScoreFactor,
} from "./report-model";
import { estimateText } from "./estimates";
import { classifyMeasure, MEASURE_KIND_FRACTION } from "./measures";
import { countOfYour, formatNumber, lowerFirst, shareInWords, workingHoursLabel } from "./text";

/** The target without the note about the default: "2 working days". */
function plainTarget(label: string): string {
  return label.replace(/ \(.*\)$/, "");
}

/** Everything a factor may read. */
export interface DimensionContext {
  answers: AssessmentAnswers;
  facts: AnswerFacts;
  capacity: CapacityModel;
  maturity: AdoptionMaturity;
}

/** What a factor returns before it is turned into points. */
export interface FactorResult {
  /** Share of the maximum earned, 0 to 1. */
  fraction: number;
  note: string;
  assumption: string | null;
  refs: AnswerRef[];
}

export interface FactorSpec {
  id: string;
  label: string;
  maxPoints: number;
  /** How the answer turns into points, for the method appendix. */
  rule: string;
  questionIds: string[];
  score: (context: DimensionContext) => FactorResult;
}

export interface DimensionSpec {
  id: DimensionId;
  name: string;
  question: string;
  /** Weight in the overall index, percent. */
  weight: number;
  why: string;
  factors: FactorSpec[];
}

// ---------------------------------------------------------------------------------------------
// Shared scales
// ---------------------------------------------------------------------------------------------

const PRACTICE_FRACTION: Readonly<Record<Practice, number>> = { yes: 1, partly: 0.5, no: 0, unknown: 0 };
const PRACTICE_WORDS: Readonly<Record<Practice, string>> = {
  yes: "in place",
  partly: "partly in place",
  no: "not in place",
  unknown: "not known",
};
const NOT_IN_PLACE_ASSUMPTION =
  "You did not know, so we assumed it is not in place: if the people answering do not know of it, staff are unlikely to rely on it.";

function practiceFactor(value: Practice, what: string, refs: AnswerRef[]): FactorResult {
  return {
    fraction: PRACTICE_FRACTION[value],
    note: `${what}: ${PRACTICE_WORDS[value]}.`,
    assumption: value === "unknown" ? NOT_IN_PLACE_ASSUMPTION : null,
    refs,
  };
}

function share(count: number, total: number): number {
  return clamp(safeDivide(count, total, 0), 0, 1);
}

const GOVERNANCE_POINTS: Readonly<Record<Exclude<GovernanceItem, "none">, number>> = {
  strategy: 8,
  policy: 8,
  "account-owners": 8,
  "approval-authority": 6,
  "account-inventory": 6,
};

const GOVERNANCE_WORDS: Readonly<Record<Exclude<GovernanceItem, "none">, string>> = {
  strategy: "a strategy",
  policy: "a policy",
  "account-owners": "named account owners",
  "approval-authority": "an approval authority",
  "account-inventory": "an account inventory",
};

const STAFF_SUPPORT_POINTS: Readonly<Record<Exclude<StaffSupport, "none">, number>> = {
  debriefs: 6,
  counselling: 7,
  "abuse-guidance": 7,
  rotation: 5,
  "block-and-report": 5,
};

const STAFF_SUPPORT_WORDS: Readonly<Record<Exclude<StaffSupport, "none">, string>> = {
  debriefs: "debriefs",
  counselling: "counselling",
  "abuse-guidance": "guidance on abuse",
  rotation: "rotation off the front line",
  "block-and-report": "permission to block and report",
};

const ADOPTION_FRACTION: Readonly<Record<AdoptionStageId, number>> = {
  experimenting: 0.2,
  "making-rules": 0.6,
  established: 1,
};

// ---------------------------------------------------------------------------------------------
// The dimensions
// ---------------------------------------------------------------------------------------------

export const DIMENSION_SPECS: readonly DimensionSpec[] = [
  {
    id: "purpose",
    name: "Purpose and objectives",
    question: "Do you know why you want to engage online, and what you want from it?",
    weight: 8,
    why: "Channels opened without a clear reason drift into broadcasting for its own sake. Purposes with reasons, and objectives that follow from them, keep effort on what matters.",
    factors: [
      {
        id: "purpose-reasons",
        label: "Reasons given for each purpose",
        maxPoints: 40,
        rule: "Share of the chosen purposes with a reason written down.",
        questionIds: ["purposes", "purposeReasons"],
        score: ({ answers }) => {
          const purposes = answers.stakeholders.purposes;
          const withReason = purposes.filter(
            (purpose) => (answers.stakeholders.purposeReasons[purpose] ?? "").trim() !== "",
          );
          return {
            fraction: share(withReason.length, purposes.length),
            note:
              purposes.length === 1
                ? withReason.length === 1
                  ? "You gave a reason for your one purpose."
                  : "You did not give a reason for your one purpose."
                : `You gave a reason for ${formatNumber(withReason.length)} of your ${formatNumber(purposes.length)} purposes.`,
            assumption: null,
            refs: [ref("stakeholders", "purposes"), ref("stakeholders", "purposeReasons")],
          };
        },
      },
      {
        id: "objectives-set",
        label: "Objectives set",
        maxPoints: 35,
        rule: "None yet 0; one objective earns 20 of 35, two earn 30, three or more earn 35.",
        questionIds: ["objectivesSet", "objectives"],
        score: ({ answers }) => {
          const count = answers.commitment.objectives.length;
          const fraction = count >= 3 ? 1 : count === 2 ? 30 / 35 : count === 1 ? 20 / 35 : 0;
          return {
            fraction,
            note:
              count === 0
                ? "You have not set objectives yet."
                : `You set ${formatNumber(count)} objective${count === 1 ? "" : "s"}. Two to four focused objectives are easier to deliver and check than one broad one.`,
            assumption: null,
            refs: [ref("commitment", "objectivesSet"), ref("commitment", "objectives")],
          };
        },
      },
      {
        id: "purposes-match-levels",
        label: "Purposes and desired levels agree",
        maxPoints: 25,
        rule: "If you chose consulting or involving as purposes, at least one group should be wanted at that level or higher; the share of such purposes matched. Full marks when neither was chosen.",
        questionIds: ["purposes", "levels"],
        score: ({ facts }) => {
          const twoWay = facts.purposes.filter((purpose) => purpose === "consult" || purpose === "involve");
          const highestDesired = Math.max(
            ...facts.groups.map((group) => levelRank(levelsFor(facts, group.id).desired)),
            levelRank("inform"),
          );
          const matched = twoWay.filter((purpose) => highestDesired >= levelRank(purpose));
          const refs = [ref("stakeholders", "purposes"), ref("engagementModel", "levels")];
          if (twoWay.length === 0) {
            return {
              fraction: 1,
              note: "You did not choose consulting or involving as purposes, so there is nothing to match.",
              assumption: null,
              refs,
            };
          }
          const missing = twoWay.filter((purpose) => !matched.includes(purpose));
          return {
            fraction: share(matched.length, twoWay.length),
            note:
              missing.length === 0
                ? "The levels you want for your groups match your purposes."
                : `You chose ${missing.map((purpose) => (purpose === "consult" ? "consulting" : "involving")).join(" and ")} as a purpose, but no group is wanted at that level.`,
            assumption: null,
            refs,
          };
        },
      },
    ],
  },
  {
    id: "stakeholders",
    name: "Stakeholder understanding",
    question: "Do you know who you need to engage, what they expect and where they are?",
    weight: 10,
    why: "You cannot pitch the right level, tone or channel to a group you have not thought through. The reading's response plans start from each group's expectations, concerns and needs.",
    factors: [
      groupShareFactor(
        "group-why",
        "Why each group matters",
        20,
        "why",
        (group) => group.why.trim() !== "",
        "a reason for engaging",
      ),
      groupShareFactor(
        "group-expectations",
        "Expectations and concerns",
        20,
        "expectations",
        (group) => (group.expectations ?? "").trim() !== "",
        "their expectations and concerns written down",
      ),
      groupShareFactor(
        "group-sentiment",
        "Sentiment known",
        25,
        "sentiment",
        (group) => group.sentiment !== "unknown",
        "a known sentiment",
        "Where a group's mood is not known, the report asks you to find out before involving them.",
      ),
      groupShareFactor(
        "group-online",
        "Where they are online",
        25,
        "online",
        (group) => !group.online.includes("unknown"),
        "known places online",
        "Where you do not know where a group is online, we plan to find out before choosing channels for it.",
      ),
      {
        id: "projects-linked",
        label: "Key projects linked to groups",
        maxPoints: 10,
        rule: "Share of key projects linked to at least one stakeholder group; full marks when no projects are listed.",
        questionIds: ["projects"],
        score: ({ answers }) => {
          const projects = answers.stakeholders.projects;
          const refs = projects.map((project) => ref("stakeholders", "projects", { projectId: project.id }));
          if (projects.length === 0) {
            return {
              fraction: 1,
              note: "You listed no key projects, so there is nothing to link.",
              assumption: null,
              refs: [ref("stakeholders", "projects")],
            };
          }
          const linked = projects.filter((project) => project.groupIds.length > 0).length;
          return {
            fraction: share(linked, projects.length),
            note:
              projects.length === 1
                ? linked === 1
                  ? "Your one key project is linked to the groups it affects."
                  : "Your one key project is not linked to the groups it affects."
                : `${formatNumber(linked)} of your ${formatNumber(projects.length)} key projects ${linked === 1 ? "is" : "are"} linked to the groups they affect.`,
            assumption: null,
            refs,
          };
        },
      },
    ],
  },
  {
    id: "listening",
    name: "Listening",
    question: "Do you hear what people say about you, including away from your own pages, and act on it?",
    weight: 10,
    why: "Around half the conversation about a public body happens away from its own pages. Listening there, and acting on it, is Mergel's 'pull' tactic and what makes consulting honest.",
    factors: [
      {
        id: "monitoring-reach",
        label: "How far listening reaches",
        maxPoints: 40,
        rule: "Own pages only 10 of 40; some places beyond 26; systematic monitoring 40. Not known is scored as own pages only.",
        questionIds: ["monitoringReach"],
        score: ({ answers }) => {
          const reach = answers.engagementModel.monitoringReach;
          const fraction = reach === "systematic" ? 1 : reach === "some-beyond" ? 0.65 : 0.25;
          const notes = {
            "own-pages": "You listen only on your own pages, where about half the conversation is missed.",
            "some-beyond": "You look beyond your own pages in some places, but not systematically.",
            systematic: "You monitor mentions systematically, including beyond your own pages.",
            unknown: "You did not know how far your listening reaches.",
          } as const;
          return {
            fraction,
            note: notes[reach],
            assumption: reach === "unknown" ? "We assumed you listen only on your own pages." : null,
            refs: [ref("engagementModel", "monitoringReach")],
          };
        },
      },
      {
        id: "acting-on-insight",
        label: "Acting on what you hear",
        maxPoints: 30,
        rule: "Rarely 0; informally 15; systematically 30. Not known is scored as rarely.",
        questionIds: ["actingOnInsight"],
        score: ({ answers }) => {
          const acting = answers.engagementModel.actingOnInsight;
          const fraction = acting === "systematically" ? 1 : acting === "informally" ? 0.5 : 0;
          const notes = {
            rarely: "What you hear rarely reaches decisions.",
            informally: "What you hear reaches decisions informally.",
            systematically: "What you hear is reported and acted on systematically.",
            unknown: "You did not know whether what you hear is acted on.",
          } as const;
          return {
            fraction,
            note: notes[acting],
            assumption: acting === "unknown" ? "We assumed insight is rarely acted on." : null,
            refs: [ref("engagementModel", "actingOnInsight")],
          };
        },
      },
      toolFactor("monitoring-tool", "A monitoring tool", 15, "monitoring", "a tool that tracks mentions"),
      {
        id: "listening-purpose",
        label: "Listening is a purpose",
        maxPoints: 15,
        rule: "Full marks when listening, consulting or involving is among your purposes.",
        questionIds: ["purposes"],
        score: ({ facts }) => {
          const listens = facts.purposes.some(
            (purpose) => purpose === "listen" || purpose === "consult" || purpose === "involve",
          );
          return {
            fraction: listens ? 1 : 0,
            note: listens ? "Listening is part of why you engage." : "None of your purposes is about listening.",
            assumption: null,
            refs: [ref("stakeholders", "purposes")],
          };
        },
      },
    ],
  },
  {
    id: "sharing",
    name: "Sharing and content",
    question: "Can you keep publishing useful content, in a steady voice, without running dry?",
    weight: 8,
    why: "Mergel's 'push' tactic. A calendar and a reserve of evergreen content (up to three months, the reading suggests) keep channels alive in quiet weeks and free time for replies in busy ones.",
    factors: [
      {
        id: "content-calendar",
        label: "A content calendar",
        maxPoints: 30,
        rule: "In place 30; partly 15; not in place or not known 0.",
        questionIds: ["contentCalendar"],
        score: ({ answers }) =>
          practiceFactor(answers.engagementModel.contentCalendar, "A content calendar", [
            ref("engagementModel", "contentCalendar"),
          ]),
      },
      {
        id: "evergreen-reserve",
        label: "Evergreen content in reserve",
        maxPoints: 30,
        rule: "None 0; under 4 weeks 10.5; 4 to 12 weeks 25.5; over 12 weeks 30. Not known is scored as none.",
        questionIds: ["evergreenReserve"],
        score: ({ answers }) => {
          const reserve = answers.engagementModel.evergreenReserve;
          const fractions = {
            none: 0,
            "under-4-weeks": 0.35,
            "4-to-12-weeks": 0.85,
            "over-12-weeks": 1,
            unknown: 0,
          } as const;
          const words = {
            none: "You have no evergreen content ready.",
            "under-4-weeks": "You have less than four weeks of evergreen content ready.",
            "4-to-12-weeks": "You have four to twelve weeks of evergreen content ready.",
            "over-12-weeks": "You have more than twelve weeks of evergreen content ready.",
            unknown: "You did not know how much evergreen content is ready.",
          } as const;
          return {
            fraction: fractions[reserve],
            note: words[reserve],
            assumption: reserve === "unknown" ? "We assumed there is none ready." : null,
            refs: [ref("engagementModel", "evergreenReserve")],
          };
        },
      },
      {
        id: "consistent-tone",
        label: "A consistent tone",
        maxPoints: 25,
        rule: "In place 25; partly 12.5; not in place or not known 0.",
        questionIds: ["consistentTone"],
        score: ({ answers }) =>
          practiceFactor(answers.engagementModel.consistentTone, "An agreed, consistent tone", [
            ref("engagementModel", "consistentTone"),
          ]),
      },
      toolFactor("scheduling-tool", "A scheduling tool", 15, "scheduling", "a tool to schedule posts"),
    ],
  },
  {
    id: "capacity",
    name: "Capacity to respond",
    question: "Can you answer the questions you will invite, fast enough to keep your promise?",
    weight: 18,
    why: "The heart of readiness: do not ask for questions unless you are prepared to answer them. It compares the questions you can expect with the hours you have, and the speed you can reach with the speed you promise.",
    factors: [
      {
        id: "coverage",
        label: "Replies you can write against replies needed",
        maxPoints: 35,
        rule: "35 x min(1, coverage ratio / 1.2): full marks with a fifth to spare.",
        questionIds: [
          "teamHoursPerWeek",
          "weeklyVolume",
          "followers",
          "postingFrequency",
          "commentsPerPost",
          "keyMessages",
          "tools",
        ],
        score: ({ capacity }) => {
          const coverage = capacity.coverage;
          const needed = capacity.demand.questionsWeekly.likely;
          const weekly = capacity.supply.weeklyReplyCapacity;
          return {
            fraction: coverage === null ? 0 : clamp(coverage.likely / 1.2, 0, 1),
            note:
              coverage === null || weekly === null
                ? "You did not know how many hours go on the channels, so we could not compare them with the questions you can expect."
                : weekly <= 0
                  ? `No hours are set aside, against about ${estimateText(needed)} questions needing an answer each week.`
                  : `Your team can write about ${estimateText(weekly)} replies a week against about ${estimateText(needed)} questions needing an answer: ${coverage.likely >= 1 ? "enough" : `${shareInWords(coverage.likely)} of what is needed`}.`,
            assumption:
              coverage === null
                ? "Scored as no capacity until the hours are known."
                : capacity.demand.method === "estimate"
                  ? "You were not sure of your volume, so it was estimated; see the capacity check for the range."
                  : null,
            refs: uniqueRefs([...capacity.supply.refs, ...capacity.demand.refs]),
          };
        },
      },
      {
        id: "speed-vs-target",
        label: "Achievable response time against the target",
        maxPoints: 25,
        rule: "25 x min(1, target / achievable time), both in working hours. No target means the two-working-day default.",
        questionIds: ["targetResponse", "actualResponse", "teamHoursPerWeek", "approvalNeed", "approvalTime"],
        score: ({ capacity }) => {
          const response = capacity.response;
          const achievable = response.achievableHours;
          return {
            fraction:
              achievable === null
                ? 0
                : clamp(safeDivide(response.targetHours, Math.max(achievable.likely, 0.5), 0), 0, 1),
            note:
              achievable === null
                ? "No reply time can be worked out until the hours are known and set aside."
                : response.scope === "priority"
                  ? `More questions arrive than the team can answer, so only the most important could be answered, within about ${workingHoursLabel(achievable.likely)}, against a target of ${plainTarget(response.targetLabel)}.`
                  : `Most replies can go out within about ${workingHoursLabel(achievable.likely)}, against a target of ${plainTarget(response.targetLabel)}.`,
            assumption: response.targetAssumed
              ? "No target: we used two working days, the UK government's usual standard for replies."
              : null,
            refs: response.refs,
          };
        },
      },
      {
        id: "cover-hours",
        label: "Hours of cover",
        maxPoints: 10,
        rule: "With emergency-related services: business hours 2, extended 6, all hours 10. Without: business hours 8, extended or all hours 10.",
        questionIds: ["coverHours", "emergencyServices"],
        score: ({ answers, facts }) => {
          const cover = answers.capacity.coverHours;
          const emergency = facts.emergencyServices.length > 0 || facts.purposes.includes("emergency");
          const fraction = emergency
            ? { "business-hours": 0.2, "extended-hours": 0.6, "all-hours": 1 }[cover]
            : { "business-hours": 0.8, "extended-hours": 1, "all-hours": 1 }[cover];
          const words = {
            "business-hours": "business hours",
            "extended-hours": "extended hours",
            "all-hours": "all hours",
          }[cover];
          return {
            fraction,
            note: emergency
              ? `You cover ${words} and run emergency-related services, where people expect news at any hour.`
              : `You cover ${words}; with no emergency-related services, business hours are a reasonable norm.`,
            assumption: null,
            refs: [ref("capacity", "coverHours"), ref("organisation", "emergencyServices")],
          };
        },
      },
      {
        id: "approvals",
        label: "Sign-off before replying",
        maxPoints: 15,
        rule: "No sign-off 15. Sensitive replies only: under an hour 14, same day 12, 1-2 days 9, longer or not known 6. Most replies: under an hour 10, same day 6, 1-2 days 3, longer or not known 0. No agreed process 5.",
        questionIds: ["approvalNeed", "approvalTime"],
        score: ({ answers }) => {
          const need = answers.capacity.approvalNeed;
          const refs = [ref("capacity", "approvalNeed")];
          if (need === "none") {
            return { fraction: 1, note: "Replies go out without waiting for sign-off.", assumption: null, refs };
          }
          if (need === "not-defined") {
            return {
              fraction: 5 / 15,
              note: "There is no agreed sign-off process: it depends on the reply and who is around.",
              assumption: null,
              refs,
            };
          }
          const time = answers.capacity.approvalTime ?? "unknown";
          const table = {
            "sensitive-only": { "under-1-hour": 14, "same-day": 12, "1-2-days": 9, longer: 6, unknown: 6 },
            "most-replies": { "under-1-hour": 10, "same-day": 6, "1-2-days": 3, longer: 0, unknown: 0 },
          } as const;
          const timeWords = {
            "under-1-hour": "under an hour",
            "same-day": "the same day",
            "1-2-days": "one to two days",
            longer: "longer than two days",
            unknown: "an unknown time",
          } as const;
          return {
            fraction: table[need][time] / 15,
            note: `${need === "most-replies" ? "Most replies" : "Sensitive replies"} wait for sign-off, which takes ${timeWords[time]}.`,
            assumption:
              time === "unknown"
                ? "We scored an unknown sign-off time like the slowest band, and assumed about one working day in the capacity check."
                : null,
            refs: [...refs, ref("capacity", "approvalTime")],
          };
        },
      },
      {
        id: "key-messages",
        label: "Pre-approved key messages",
        maxPoints: 8,
        rule: "In place 8; partly 4; not in place or not known 0.",
        questionIds: ["keyMessages"],
        score: ({ answers }) =>
          practiceFactor(answers.capacity.keyMessages, "Pre-approved key messages", [ref("capacity", "keyMessages")]),
      },
      {
        id: "expert-access",
        label: "Access to subject experts",
        maxPoints: 7,
        rule: "Same day 7; a few days 2.8; hard or not known 0.",
        questionIds: ["expertAccess"],
        score: ({ answers }) => {
          const access = answers.capacity.expertAccess;
          const fraction = access === "same-day" ? 1 : access === "few-days" ? 0.4 : 0;
          const words = {
            "same-day": "Subject experts answer the same day.",
            "few-days": "Subject experts take a few days to answer.",
            hard: "It is hard to get answers from subject experts.",
            unknown: "You did not know how fast subject experts answer.",
          } as const;
          return {
            fraction,
            note: words[access],
            assumption: access === "unknown" ? "Scored like 'hard to get'." : null,
            refs: [ref("capacity", "expertAccess")],
          };
        },
      },
    ],
  },
  {
    id: "governance",
    name: "Governance and policy",
    question: "Are the rules, roles and records in place, and how far has the organisation come?",
    weight: 14,
    why: "Government guidance (the UK's Government Digital Service, Canada's 2025 standard, Australia's National Archives) agrees on the basics: a strategy and policy, named owners and approvers, an account inventory, records, secure logins and a stated response time. Mergel and Bretschneider's three adoption stages are its maturity scale.",
    factors: [
      {
        id: "adoption-stage",
        label: "How established your online engagement is",
        maxPoints: 24,
        rule: "Mergel and Bretschneider's adoption stages: experimenting 4.8; making rules 14.4; established 24. We use the lower of the stage you chose and the stage your answers point to.",
        questionIds: ["adoptionStage", "governance", "houseRules"],
        score: ({ maturity }) => ({
          fraction: ADOPTION_FRACTION[maturity.used],
          note: maturity.note,
          assumption:
            maturity.stated === "unknown"
              ? `We used the stage your answers point to: ${ADOPTION_STAGE_LABELS[maturity.evidenced].toLowerCase()}.`
              : null,
          refs: maturity.refs,
        }),
      },
      {
        id: "governance-items",
        label: "Strategy, policy and roles",
        maxPoints: 36,
        rule: "Strategy 8, policy 8, named account owners 8, approval authority 6, account inventory 6.",
        questionIds: ["governance"],
        score: ({ facts }) => {
          const items = Object.keys(GOVERNANCE_POINTS) as (keyof typeof GOVERNANCE_POINTS)[];
          const present = items.filter((item) => facts.governance.includes(item));
          const missing = items.filter((item) => !facts.governance.includes(item));
          const points = present.reduce((sum, item) => sum + GOVERNANCE_POINTS[item], 0);
          return {
            fraction: points / 36,
            note:
              present.length === 0
                ? "None of the basic governance is in place yet."
                : `In place: ${present.map((item) => GOVERNANCE_WORDS[item]).join(", ")}.${missing.length > 0 ? ` Missing: ${missing.map((item) => GOVERNANCE_WORDS[item]).join(", ")}.` : ""}`,
            assumption: null,
            refs: [ref("engagementModel", "governance")],
          };
        },
      },
      {
        id: "records",
        label: "Posts and replies kept as records",
        maxPoints: 12,
        rule: "Automatic capture 12; manual 6.6; none or not known 0.",
        questionIds: ["recordsCapture"],
        score: ({ answers }) => {
          const records = answers.capacity.recordsCapture;
          const words = {
            automatic: "Posts and replies are captured as records automatically.",
            manual: "Posts and replies are captured by hand, which tends to leave gaps.",
            none: "Posts and replies are not kept as records.",
            unknown: "You did not know whether posts and replies are kept as records.",
          } as const;
          return {
            fraction: records === "automatic" ? 1 : records === "manual" ? 0.55 : 0,
            note: words[records],
            assumption: records === "unknown" ? NOT_IN_PLACE_ASSUMPTION : null,
            refs: [ref("capacity", "recordsCapture")],
          };
        },
      },
      {
        id: "two-factor",
        label: "Two-step sign-in on every account",
        maxPoints: 12,
        rule: "All accounts 12; some 4.8; none or not known 0.",
        questionIds: ["twoFactor"],
        score: ({ answers }) => {
          const twoFactor = answers.capacity.twoFactor;
          const words = {
            all: "Every account uses two-step sign-in.",
            some: "Only some accounts use two-step sign-in.",
            none: "No account uses two-step sign-in.",
            unknown: "You did not know whether accounts use two-step sign-in.",
          } as const;
          return {
            fraction: twoFactor === "all" ? 1 : twoFactor === "some" ? 0.4 : 0,
            note: words[twoFactor],
            assumption: twoFactor === "unknown" ? NOT_IN_PLACE_ASSUMPTION : null,
            refs: [ref("capacity", "twoFactor")],
          };
        },
      },
      {
        id: "account-access",
        label: "Managed access to accounts",
        maxPoints: 10,
        rule: "Shared and managed 10; shared informally 4; one person or not known 0.",
        questionIds: ["accountAccess"],
        score: ({ answers }) => {
          const access = answers.capacity.accountAccess;
          const words = {
            "shared-managed": "Access is shared and managed: people can be added and removed.",
            "shared-informally": "Access is shared informally, for example by passing passwords around.",
            "one-person": "One person holds access to the accounts.",
            unknown: "You did not know who holds access to the accounts.",
          } as const;
          return {
            fraction: access === "shared-managed" ? 1 : access === "shared-informally" ? 0.4 : 0,
            note: words[access],
            assumption: access === "unknown" ? "We assumed access is not managed." : null,
            refs: [ref("capacity", "accountAccess")],
          };
        },
      },
      {
        id: "response-target",
        label: "A stated response time",
        maxPoints: 6,
        rule: "Any stated target 6; none 0.",
        questionIds: ["targetResponse"],
        score: ({ answers }) => {
          const target = answers.capacity.targetResponse;
          return {
            fraction: target === "no-target" ? 0 : 1,
            note: target === "no-target" ? "You have not set a response time." : "You have set a response time.",
            assumption: null,
            refs: [ref("capacity", "targetResponse")],
          };
        },
      },
    ],
  },
  {
    id: "safeguards",
    name: "House rules and safeguards",
    question: "Are you ready for the hard conversations: hostile comments, escalations and emergencies?",
    weight: 12,
    why: "A refinement of the suggested list: house rules, moderation, escalation, taking conversations offline and out-of-hours protocols decide whether two-way channels stay safe. We keep them apart from capacity so leaders can see whether the gap is people or rules.",
    factors: [
      {
        id: "house-rules",
        label: "House rules",
        maxPoints: 30,
        rule: "Published 30; draft 12; none or not known 0.",
        questionIds: ["houseRules"],
        score: ({ answers }) => {
          const rules = answers.capacity.houseRules;
          const words = {
            published: "Your house rules are published.",
            draft: "Your house rules are in draft, not yet published.",
            none: "You have no house rules.",
            unknown: "You did not know whether you have house rules.",
          } as const;
          return {
            fraction: rules === "published" ? 1 : rules === "draft" ? 0.4 : 0,
            note: words[rules],
            assumption: rules === "unknown" ? NOT_IN_PLACE_ASSUMPTION : null,
            refs: [ref("capacity", "houseRules")],
          };
        },
      },
      {
        id: "moderation",
        label: "A moderation model",
        maxPoints: 20,
        rule: "Before or after posting 20; only on complaint 8; none or not known 0.",
        questionIds: ["moderationModel"],
        score: ({ answers }) => {
          const model = answers.capacity.moderationModel;
          const words = {
            "pre-moderation": "Comments are checked before they appear.",
            "post-moderation": "Comments are checked soon after they appear.",
            "on-complaint": "Comments are checked only when someone complains.",
            none: "Comments are not moderated.",
            unknown: "You did not know how comments are moderated.",
          } as const;
          return {
            fraction:
              model === "pre-moderation" || model === "post-moderation" ? 1 : model === "on-complaint" ? 0.4 : 0,
            note: words[model],
            assumption: model === "unknown" ? NOT_IN_PLACE_ASSUMPTION : null,
            refs: [ref("capacity", "moderationModel")],
          };
        },
      },
      {
        id: "escalation",
        label: "An escalation path",
        maxPoints: 20,
        rule: "In place 20; partly 10; not in place or not known 0.",
        questionIds: ["escalationPath"],
        score: ({ answers }) =>
          practiceFactor(answers.capacity.escalationPath, "A path to escalate difficult or dangerous posts", [
            ref("capacity", "escalationPath"),
          ]),
      },
      {
        id: "offline-guidance",
        label: "When to take a conversation offline",
        maxPoints: 15,
        rule: "In place 15; partly 7.5; not in place or not known 0.",
        questionIds: ["offlineGuidance"],
        score: ({ answers }) =>
          practiceFactor(answers.capacity.offlineGuidance, "Guidance on when to take a conversation offline", [
            ref("capacity", "offlineGuidance"),
          ]),
      },
      {
        id: "out-of-hours-protocol",
        label: "Out-of-hours and emergency protocol",
        maxPoints: 15,
        rule: "In place 15; partly 7.5; not in place or not known 0.",
        questionIds: ["outOfHoursProtocol"],
        score: ({ answers }) =>
          practiceFactor(answers.capacity.outOfHoursProtocol, "An out-of-hours and emergency protocol", [
            ref("capacity", "outOfHoursProtocol"),
          ]),
      },
    ],
  },
  {
    id: "people",
    name: "People, skills and culture",
    question: "Do your people have the skills, the support and the habits that two-way engagement needs?",
    weight: 10,
    why: "Adoption is about culture more than technology. Staff who answer the public absorb hostility and need support; a team of one burns out; and replying has to become a habit, not an exception.",
    factors: [
      {
        id: "training",
        label: "Training",
        maxPoints: 25,
        rule: "Formal and recent 25; informal 12.5; none or not known 0.",
        questionIds: ["training"],
        score: ({ answers }) => {
          const training = answers.capacity.training;
          const words = {
            "formal-recent": "Staff have had formal, recent training.",
            informal: "Staff have learned informally.",
            none: "Staff have had no training.",
            unknown: "You did not know what training staff have had.",
          } as const;
          return {
            fraction: training === "formal-recent" ? 1 : training === "informal" ? 0.5 : 0,
            note: words[training],
            assumption: training === "unknown" ? "We assumed there has been none." : null,
            refs: [ref("capacity", "training")],
          };
        },
      },
      {
        id: "staff-support",
        label: "Support for staff facing hostility",
        maxPoints: 30,
        rule: "Debriefs 6, counselling 7, guidance on abuse 7, rotation 5, permission to block and report 5.",
        questionIds: ["staffSupport"],
        score: ({ facts }) => {
          const items = Object.keys(STAFF_SUPPORT_POINTS) as (keyof typeof STAFF_SUPPORT_POINTS)[];
          const present = items.filter((item) => facts.staffSupport.includes(item));
          const points = present.reduce((sum, item) => sum + STAFF_SUPPORT_POINTS[item], 0);
          return {
            fraction: points / 30,
            note:
              present.length === 0
                ? "Staff who face hostile comments have no support in place."
                : `Staff have ${present.map((item) => STAFF_SUPPORT_WORDS[item]).join(", ")}.`,
            assumption: null,
            refs: [ref("capacity", "staffSupport")],
          };
        },
      },
      {
        id: "team-depth",
        label: "More than one person",
        maxPoints: 20,
        rule: "No one 0; one person 5; two 12; three or more 20.",
        questionIds: ["teamPeople"],
        score: ({ facts }) => {
          const people = facts.teamPeople;
          if (people === null) {
            return {
              fraction: 0.25,
              note: "You did not know how many people help run the channels.",
              assumption: "Scored as one person until you know.",
              refs: [ref("capacity", "teamPeople")],
            };
          }
          const fraction = people >= 3 ? 1 : people === 2 ? 0.6 : people >= 1 ? 0.25 : 0;
          return {
            fraction,
            note:
              people <= 0
                ? "No one is named to run the channels."
                : people < 2
                  ? "One person runs the channels: there is no cover for leave, sickness or a bad day."
                  : `${formatNumber(people)} people share the work.`,
            assumption: null,
            refs: [ref("capacity", "teamPeople")],
          };
        },
      },
      {
        id: "reply-practice",
        label: "A habit of replying",
        maxPoints: 25,
        rule: "Broadcast only 0; replies to some 12.5; replies to every genuine question 25. Not known is scored as broadcast only.",
        questionIds: ["replyPractice"],
        score: ({ answers }) => {
          const practice = answers.engagementModel.replyPractice;
          const words = {
            "broadcast-only": "You broadcast and do not reply.",
            some: "You reply to some questions.",
            "every-genuine-question": "You reply to every genuine question.",
            unknown: "You did not know how often you reply.",
          } as const;
          return {
            fraction: practice === "every-genuine-question" ? 1 : practice === "some" ? 0.5 : 0,
            note: words[practice],
            assumption: practice === "unknown" ? "We assumed you mostly broadcast." : null,
            refs: [ref("engagementModel", "replyPractice")],
          };
        },
      },
    ],
  },
  {
    id: "commitment",
    name: "Commitment and measurement",
    question: "Will leaders back it, pay for it, keep it up and check that it works?",
    weight: 10,
    why: "The reading's blueprint ends with commitment: knowing where the benefit comes from and what it will take. A sponsor, a budget, a horizon, measures and a review cycle are how that commitment shows.",
    factors: [
      {
        id: "sponsor",
        label: "An executive sponsor",
        maxPoints: 30,
        rule: "Yes 30; not decided 9; no 0.",
        questionIds: ["sponsor", "sponsorRole"],
        score: ({ answers }) => {
          const sponsor = answers.commitment.sponsor;
          const role = (answers.commitment.sponsorRole ?? "").trim();
          return {
            fraction: sponsor === "yes" ? 1 : sponsor === "not-decided" ? 0.3 : 0,
            note:
              sponsor === "yes"
                ? `You have an executive sponsor${role ? ` (${role})` : ""}.`
                : sponsor === "not-decided"
                  ? "An executive sponsor has not been decided."
                  : "There is no executive sponsor.",
            assumption: null,
            refs: [ref("commitment", "sponsor"), ...(sponsor === "yes" ? [ref("commitment", "sponsorRole")] : [])],
          };
        },
      },
      {
        id: "budget",
        label: "A budget beyond staff time",
        maxPoints: 15,
        rule: "None or not known 0; under 10k 6.8; 10k-50k 11.3; 50k-200k 13.5; over 200k 15.",
        questionIds: ["budget"],
        score: ({ answers }) => {
          const budget = answers.commitment.budget;
          const fractions = {
            none: 0,
            "under-10k": 0.45,
            "10k-50k": 0.75,
            "50k-200k": 0.9,
            "over-200k": 1,
            unknown: 0,
          } as const;
          return {
            fraction: fractions[budget],
            note:
              budget === "none"
                ? "There is no budget beyond staff time: a small sum for tools and training goes a long way."
                : budget === "unknown"
                  ? "You did not know the budget."
                  : "There is a budget for tools, training or content beyond staff time.",
            assumption: budget === "unknown" ? "We assumed there is none." : null,
            refs: [ref("commitment", "budget")],
          };
        },
      },
      {
        id: "review-cadence",
        label: "Regular review",
        maxPoints: 20,
        rule: "Monthly or quarterly 20; twice a year 12; yearly 6; none 0.",
        questionIds: ["reviewCadence"],
        score: ({ answers }) => {
          const cadence = answers.commitment.reviewCadence;
          const fractions = { monthly: 1, quarterly: 1, "twice-yearly": 0.6, yearly: 0.3, none: 0 } as const;
          return {
            fraction: fractions[cadence],
            note:
              cadence === "none"
                ? "There is no plan to review how it is going."
                : `You plan to review ${cadence === "twice-yearly" ? "twice a year" : cadence}.`,
            assumption: null,
            refs: [ref("commitment", "reviewCadence")],
          };
        },
      },
      {
        id: "duration",
        label: "How long you will keep it up",
        maxPoints: 20,
        rule: "Under 6 months 0; not decided 4; 6-12 months 10; 1-2 years 16; ongoing 20.",
        questionIds: ["duration"],
        score: ({ answers }) => {
          const duration = answers.commitment.duration;
          const fractions = {
            "under-6-months": 0,
            "not-decided": 0.2,
            "6-12-months": 0.5,
            "1-2-years": 0.8,
            ongoing: 1,
          } as const;
          const words = {
            "under-6-months": "You plan to keep it up for under six months: channels left to go quiet do harm.",
            "not-decided": "You have not decided how long to keep it up.",
            "6-12-months": "You plan to keep it up for six to twelve months.",
            "1-2-years": "You plan to keep it up for one to two years.",
            ongoing: "You plan to keep it up for good.",
          } as const;
          return {
            fraction: fractions[duration],
            note: words[duration],
            assumption: null,
            refs: [ref("commitment", "duration")],
          };
        },
      },
      {
        id: "measurable-objectives",
        label: "Measures of results",
        maxPoints: 15,
        rule: "Each objective's measure: a result (fewer calls, more submissions, satisfaction) 1; countable but no result 0.6; reach or activity only (followers, views) 0.3; words that cannot be counted 0.2; none 0. The average of your objectives; 0 with no objectives.",
        questionIds: ["objectives"],
        score: ({ answers }) => {
          const objectives = answers.commitment.objectives;
          const kinds = objectives.map((objective) => classifyMeasure(objective.measure));
          const total = kinds.reduce((sum, kind) => sum + MEASURE_KIND_FRACTION[kind], 0);
          const outcomes = kinds.filter((kind) => kind === "outcome").length;
          const outputs = kinds.filter((kind) => kind === "output").length;
          const none = kinds.filter((kind) => kind === "none").length;
          return {
            fraction: share(total, objectives.length),
            note:
              objectives.length === 0
                ? "You have not set any objectives yet, so there is nothing to measure."
                : `${countOfYour(outcomes, objectives.length, "objective", "objectives")} a measure of results.${outputs > 0 ? ` ${formatNumber(outputs)} ${outputs === 1 ? "counts" : "count"} only reach or activity.` : ""}${none > 0 ? ` ${formatNumber(none)} ${none === 1 ? "has" : "have"} no measure yet.` : ""}`,
            assumption: null,
            refs:
              objectives.length === 0
                ? [ref("commitment", "objectivesSet")]
                : objectives.map((objective) => ref("commitment", "objectives", { objectiveId: objective.id })),
          };
        },
      },
    ],
  },
];

function groupShareFactor(
  id: string,
  label: string,
  maxPoints: number,
  questionId: string,
  known: (group: AssessmentAnswers["stakeholders"]["groups"][number]) => boolean,
  what: string,
  assumption: string | null = null,
): FactorSpec {
  return {
    id,
    label,
    maxPoints,
    rule: `Share of stakeholder groups with ${what}.`,
    questionIds: [questionId],
    score: ({ facts }) => {
      const count = facts.groups.filter(known).length;
      const total = facts.groups.length;
      return {
        fraction: share(count, total),
        note:
          total === 0
            ? "You have not named any groups yet."
            : `${countOfYour(count, total, "group", "groups")} ${what}.`,
        assumption: count < total ? assumption : null,
        refs: facts.groups.map((group) => ref("stakeholders", questionId, { groupId: group.id })),
      };
    },
  };
}

function toolFactor(
  id: string,
  label: string,
  maxPoints: number,
  tool: "monitoring" | "scheduling",
  what: string,
): FactorSpec {
  return {
    id,
    label,
    maxPoints,
    rule: `Full marks with ${what}.`,
    questionIds: ["tools"],
    score: ({ facts }) => {
      const has = facts.tools.includes(tool);
      return {
        fraction: has ? 1 : 0,
        note: has ? `You use ${what}.` : `You do not use ${what}.`,
        assumption: null,
        refs: [ref("capacity", "tools")],
      };
    },
  };
}

/**
 * Scores one dimension.
 *
 * Formula: each factor earns round(fraction x maxPoints, 1) points; the dimension scores
 * round(100 x sum(points) / sum(maxPoints)). Unit: points; range 0-100, integer.
 */
export function scoreDimension(spec: DimensionSpec, context: DimensionContext): DimensionScore {
  const factors: ScoreFactor[] = spec.factors.map((factor) => {
    const result = factor.score(context);
    return {
      id: factor.id,
      label: factor.label,
      points: round(clamp(result.fraction, 0, 1) * factor.maxPoints, 1),
      maxPoints: factor.maxPoints,
      note: result.note,
      assumption: result.assumption,
      refs: uniqueRefs(result.refs),
    };
  });
  const earned = factors.reduce((sum, factor) => sum + factor.points, 0);
  const possible = factors.reduce((sum, factor) => sum + factor.maxPoints, 0);
  const score = clamp(round(safeDivide(100 * earned, possible, 0)), 0, 100);
  return {
    id: spec.id,
    name: spec.name,
    question: spec.question,
    score,
    weight: spec.weight,
    summary: dimensionSummary(score, factors),
    factors,
    maturity: spec.id === "governance" ? context.maturity : null,
    refs: uniqueRefs(factors.flatMap((factor) => factor.refs)),
  };
}

/**
 * Scores all nine dimensions in report order. Each score is 0-100 (integer); see `scoreDimension`.
 */
export function scoreDimensions(context: DimensionContext): DimensionScore[] {
  return DIMENSION_SPECS.map((spec) => scoreDimension(spec, context));
}

function dimensionSummary(score: number, factors: ScoreFactor[]): string {
  let strongest: ScoreFactor | undefined;
  let weakest: ScoreFactor | undefined;
  for (const factor of factors) {
    if (!strongest || factor.points / factor.maxPoints > strongest.points / strongest.maxPoints) strongest = factor;
    if (!weakest || factor.maxPoints - factor.points > weakest.maxPoints - weakest.points) weakest = factor;
  }
  const parts = [`${score} out of 100.`];
  if (strongest && strongest.points >= strongest.maxPoints / 2)
    parts.push(`Strongest: ${lowerFirst(strongest.label)}.`);
  if (weakest && weakest.points < weakest.maxPoints) parts.push(`Biggest gap: ${lowerFirst(weakest.label)}.`);
  return parts.join(" ");
}
