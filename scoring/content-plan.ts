/**
 * The three-month evergreen content plan: exactly twelve weekly themes, built deterministically
 * from the organisation's key projects (timed to when they land), emergency-related services,
 * topics that draw strong feeling and purposes, then filled with public-service evergreen themes.
 */
import { ref } from "./answer-refs";
import type {
  AnswerRef,
  AssessmentAnswers,
  ContentiousTopic,
  EmergencyService,
  KeyProject,
  OrganisationType,
  Purpose,
  StakeholderGroup,
} from "./answers";
import type { AnswerFacts } from "./answer-facts";
import { addDays, nextMonday } from "./dates";
import { levelRank } from "./levels";
import type { ContentWeek, EngagementGap, GroupLevelRef } from "./report-model";
import { tidy } from "./text";

/** Weeks in the plan: about three months, as the reading suggests holding in reserve. */
export const CONTENT_WEEKS = 12;

interface Theme {
  key: string;
  theme: string;
  angle: string;
  format: string;
  source: ContentWeek["source"];
  serves: GroupLevelRef[];
  refs: AnswerRef[];
}

const EMERGENCY_THEMES: Readonly<
  Record<Exclude<EmergencyService, "none">, { theme: string; angle: string; format: string }>
> = {
  "emergency-management": {
    theme: "Be ready: make a household emergency plan",
    angle:
      "The three things every household should sort out before a flood, fire or storm, and where official updates will appear.",
    format: "Checklist graphic",
  },
  "public-health": {
    theme: "Staying well: where to get trusted health advice",
    angle: "Where to find official health advice, and how to tell it from rumour.",
    format: "Explainer post with a link",
  },
  water: {
    theme: "Water: what to do if your supply is interrupted",
    angle: "How to check for outages, who to call, and how you will hear when it is fixed.",
    format: "Short video",
  },
  "roads-transport": {
    theme: "Getting around: how to check roadworks and disruption",
    angle: "Where live updates are posted and how to plan around planned works.",
    format: "Carousel",
  },
  "essential-services": {
    theme: "Essential services: what to do in an outage",
    angle: "Who to call, what to expect and where updates appear when an essential service fails.",
    format: "Checklist graphic",
  },
  "social-care": {
    theme: "Help for people at risk: who to call",
    angle: "How to get help for yourself or someone you are worried about, day or night.",
    format: "Explainer post with a link",
  },
  other: {
    theme: "In an emergency: where to find official updates",
    angle: "The accounts, pages and phone lines that carry official information when something goes wrong.",
    format: "Pinned post",
  },
};

const TOPIC_THEMES: Readonly<Record<Exclude<ContentiousTopic, "none" | "other">, { theme: string; angle: string }>> = {
  planning: {
    theme: "How planning decisions are made",
    angle: "Who decides, what they must weigh, and when and where people can comment.",
  },
  "rates-fees": {
    theme: "Where your money goes",
    angle: "A plain guide to what rates, fees and charges pay for, with real figures.",
  },
  "roads-parking": {
    theme: "Roads and parking: how repairs are prioritised",
    angle: "How the work is ranked, what it costs, and how to report a problem.",
  },
  waste: {
    theme: "Recycling right",
    angle: "What goes in which bin, what happens to it next, and collection changes.",
  },
  environment: {
    theme: "Looking after the local environment",
    angle: "What is being done, what it will change, and how people can help.",
  },
  housing: {
    theme: "Housing help: where to start",
    angle: "The help on offer, who qualifies, and the first step to take.",
  },
  "community-safety": {
    theme: "Community safety: who to call about what",
    angle: "The difference between an emergency, a police report and a matter for us.",
  },
  "service-cuts": {
    theme: "Changes to services: what changes and what stays",
    angle: "What is changing, why, what stays the same, and where to get help.",
  },
  health: {
    theme: "Getting the right care quickly",
    angle: "Which service to use for what, and how long each usually takes.",
  },
  education: { theme: "Schools and learning: key dates", angle: "Dates, deadlines and where to ask questions." },
};

const PURPOSE_THEMES: Readonly<Record<Purpose, { theme: string; angle: string; format: string }>> = {
  "service-requests": {
    theme: "Report it: how to report a problem",
    angle: "The quickest way to report a problem, and what happens after you do.",
    format: "Short video",
  },
  consult: {
    theme: "Have your say: open consultations",
    angle: "What is open for comment now, what is still undecided, and when you will report back.",
    format: "Explainer post with a link",
  },
  involve: {
    theme: "Get involved: panels and workshops",
    angle: "The groups, panels and workshops people can join, and what difference they make.",
    format: "Photo story",
  },
  listen: {
    theme: "What we heard this month",
    angle: "A round-up of what people raised, and what was done about it.",
    format: "Carousel",
  },
  recruitment: { theme: "Working here", angle: "Roles on offer and the people who do them.", format: "Short video" },
  promote: {
    theme: "Out and about",
    angle: "Events, places and facilities to enjoy this month.",
    format: "Photo story",
  },
  share: { theme: "Did you know?", angle: "Useful services people often miss, one at a time.", format: "Carousel" },
  emergency: {
    theme: "In an emergency: where to find official updates",
    angle: "The accounts, pages and phone lines that carry official information when something goes wrong.",
    format: "Pinned post",
  },
  other: {
    theme: "Why we are here",
    angle: "A plain account of one thing you do and why it matters.",
    format: "Explainer post with a link",
  },
};

/** Where a theme fits only some kinds of organisation, the kinds it fits. */
type EvergreenTheme = { key: string; theme: string; angle: string; format: string; fits?: readonly OrganisationType[] };

const EVERGREEN_THEMES: readonly EvergreenTheme[] = [
  {
    key: "people",
    theme: "Meet the people behind your services",
    angle: "One team, what they do and why.",
    format: "Photo story",
  },
  {
    key: "faq",
    theme: "Your top five questions answered",
    angle: "The questions asked most, answered once and clearly.",
    format: "Carousel",
  },
  {
    key: "you-said",
    theme: "You said, we did",
    angle: "Changes made because people spoke up.",
    format: "Before-and-after post",
  },
  {
    key: "behind-scenes",
    theme: "A day in the life",
    angle: "A front-line team's day, from first call to last job.",
    format: "Short video",
  },
  {
    key: "find-it",
    theme: "Finding what you need online",
    angle: "How to find the most-used pages and forms quickly.",
    format: "Short video",
  },
  {
    key: "accessibility",
    theme: "Other ways to reach us",
    angle: "Phone, in person, easy read and other languages.",
    format: "Explainer post with a link",
  },
  {
    key: "local-stories",
    theme: "Local stories",
    angle: "People and places in the area you serve.",
    format: "Photo story",
    fits: ["council"],
  },
  {
    key: "difference-made",
    theme: "The difference a service made",
    angle: "One person's experience of a service, told with their permission.",
    format: "Photo story",
    fits: ["state-agency", "national-agency", "statutory-body", "non-profit", "other"],
  },
  {
    key: "fake-accounts",
    theme: "Spotting fake accounts",
    angle: "How to check a post really comes from you, and how to report fakes.",
    format: "Checklist graphic",
  },
  {
    key: "volunteering",
    theme: "Volunteering and community groups",
    angle: "Ways people can help, and groups that welcome newcomers.",
    format: "Photo story",
    fits: ["council", "non-profit"],
  },
  {
    key: "how-decisions",
    theme: "How decisions are made",
    angle: "Who decides what, when, and where people can have their say.",
    format: "Explainer post with a link",
  },
  {
    key: "key-dates",
    theme: "Dates to know this season",
    angle: "Deadlines, changes and events coming up in the next few weeks.",
    format: "Checklist graphic",
  },
  {
    key: "milestones",
    theme: "What we delivered this quarter",
    angle: "A short, honest round-up of what was done and what slipped.",
    format: "Infographic",
  },
];

const PUBLIC_KINDS: readonly StakeholderGroup["kind"][] = ["residents", "businesses", "community-groups", "custom"];

function groupRef(group: StakeholderGroup): GroupLevelRef {
  return { groupId: group.id, groupName: group.name };
}

function publicGroups(facts: AnswerFacts): GroupLevelRef[] {
  const found = facts.groups.filter((group) => PUBLIC_KINDS.includes(group.kind));
  return (found.length > 0 ? found : facts.groups).map(groupRef);
}

function projectGroups(project: KeyProject, facts: AnswerFacts): GroupLevelRef[] {
  const found = facts.groups.filter((group) => project.groupIds.includes(group.id));
  return found.length > 0 ? found.map(groupRef) : publicGroups(facts);
}

function projectOrder(a: KeyProject, b: KeyProject): number {
  const timing = { "next-3-months": 0, "3-6-months": 1, "6-12-months": 2 } as const;
  const heat = { high: 0, medium: 1, low: 2 } as const;
  return timing[a.timing] - timing[b.timing] || heat[a.contentiousness] - heat[b.contentiousness];
}

/**
 * Builds the twelve weekly themes.
 *
 * Rule: week 1 sets expectations (how to reach you, when you reply, house rules). Projects in
 * the next three months get an explainer in weeks 2 and 4 and a questions-answered theme four
 * weeks later (weeks 6 and 8); projects in 3-6 months get a lead-in from week 10; a 6-12-month
 * project gets week 12 if free. Remaining weeks take, in turn, an emergency-service theme, a
 * purpose theme and a contentious-topic explainer, then evergreen public-service themes. A live
 * Q&A is suggested only where the groups' sustainable level is Consult or above.
 * Range: exactly 12 weeks, each with a Monday start date from the first Monday after `assessedOn`.
 */
export function buildContentPlan(
  answers: AssessmentAnswers,
  facts: AnswerFacts,
  gaps: readonly EngagementGap[],
  assessedOn: string,
): ContentWeek[] {
  const slots: (Theme | undefined)[] = new Array<Theme | undefined>(CONTENT_WEEKS).fill(undefined);
  const used = new Set<string>();
  const place = (week: number, theme: Theme): boolean => {
    for (let w = week; w <= CONTENT_WEEKS; w += 1) {
      if (slots[w - 1] === undefined) {
        slots[w - 1] = theme;
        used.add(theme.key);
        return true;
      }
    }
    return false;
  };
  // No group can be kept above informing: the channels tell people how to take part elsewhere.
  const informOnly = gaps.every((gap) => levelRank(gap.sustainable) <= levelRank("inform"));
  const sustainableFor = (groupIds: string[]): number =>
    Math.min(...gaps.filter((gap) => groupIds.includes(gap.groupId)).map((gap) => levelRank(gap.sustainable)), 5);

  place(1, {
    key: "house-rules",
    theme: "How to reach us and what to expect",
    angle:
      "When the channels are watched, how fast you reply, what the house rules allow, and where to go in an emergency.",
    format: "Pinned post",
    source: "house-rules",
    serves: facts.groups.map(groupRef),
    refs: [ref("capacity", "houseRules"), ref("capacity", "coverHours"), ref("capacity", "targetResponse")],
  });

  const projects = [...answers.stakeholders.projects].sort(projectOrder);
  const soon = projects.filter((project) => project.timing === "next-3-months").slice(0, 2);
  soon.forEach((project, index) => {
    const serves = projectGroups(project, facts);
    const refs = [ref("stakeholders", "projects", { projectId: project.id })];
    const canTakeQuestions = sustainableFor(serves.map((group) => group.groupId)) >= levelRank("consult");
    place(2 + index * 2, {
      key: `project-explainer-${project.id}`,
      theme: `${tidy(project.name)}: what is being decided, and when`,
      angle: "The facts, the timetable, what is still open and how people can take part.",
      format: "Explainer post with a link",
      source: "project",
      serves,
      refs,
    });
    place(6 + index * 2, {
      key: `project-questions-${project.id}`,
      theme: `${tidy(project.name)}: your questions answered`,
      angle:
        project.contentiousness === "high"
          ? "The questions people are asking most, answered plainly, including the hard ones."
          : "The questions people are asking most, answered plainly.",
      format: canTakeQuestions ? "Live Q&A" : "Frequently asked questions post",
      source: "project",
      serves,
      refs,
    });
  });
  for (const project of projects.filter((item) => item.timing === "3-6-months").slice(0, 2)) {
    place(10, {
      key: `project-lead-in-${project.id}`,
      theme: `Coming up: ${tidy(project.name)}`,
      angle: "What is planned, when decisions will be made and how people can have their say.",
      format: "Explainer post with a link",
      source: "project",
      serves: projectGroups(project, facts),
      refs: [ref("stakeholders", "projects", { projectId: project.id })],
    });
  }
  const later = projects.find((item) => item.timing === "6-12-months");
  if (later && slots[CONTENT_WEEKS - 1] === undefined) {
    place(CONTENT_WEEKS, {
      key: `project-look-ahead-${later.id}`,
      theme: `Looking ahead: ${tidy(later.name)}`,
      angle: "An early look at what is being considered, so nobody is surprised later.",
      format: "Explainer post with a link",
      source: "project",
      serves: projectGroups(later, facts),
      refs: [ref("stakeholders", "projects", { projectId: later.id })],
    });
  }

  const queues: Theme[][] = [
    facts.emergencyServices.map((service) => ({
      key: `emergency-${service}`,
      ...EMERGENCY_THEMES[service],
      source: "emergency-service" as const,
      serves: publicGroups(facts),
      refs: [ref("organisation", "emergencyServices")],
    })),
    facts.purposes
      .filter((purpose) => purpose !== "other" || tidy(answers.stakeholders.purposesOther) !== "")
      .map((purpose) => {
        const base =
          purpose === "service-requests" && facts.profile.type !== "council"
            ? {
                theme: "How to ask us, and what happens next",
                angle: "The quickest way to get an answer or make a request, and what to expect after you do.",
                format: "Short video",
              }
            : purpose === "consult" && informOnly
              ? // While the channels only inform, a consultation is pointed to, not held in the comments.
                {
                  theme: "Have your say: how to take part",
                  angle:
                    "The decisions open now, how to take part (in writing, at a meeting or by phone), and when you will report back.",
                  format: "Explainer post with a link",
                }
              : PURPOSE_THEMES[purpose];
        const staff = facts.groups.filter((group) => group.kind === "staff").map(groupRef);
        return {
          key: purpose === "emergency" ? "emergency-other" : `purpose-${purpose}`,
          theme: purpose === "other" ? `${tidy(answers.stakeholders.purposesOther)}: why it matters` : base.theme,
          angle: base.angle,
          format: base.format,
          source: "purpose" as const,
          serves: purpose === "recruitment" && staff.length > 0 ? staff : publicGroups(facts),
          refs: [ref("stakeholders", "purposes")],
        };
      }),
    facts.contentiousTopics.map((topic) => {
      const base =
        topic === "other"
          ? {
              theme: `${tidy(answers.organisation.contentiousTopicsOther) || "A topic people care about"}: the facts`,
              angle: "The facts in plain words, and where to find more.",
            }
          : topic === "rates-fees" && facts.profile.type !== "council"
            ? {
                theme: "Where your money goes",
                angle: "A plain guide to what your fees and charges pay for, with real figures.",
              }
            : TOPIC_THEMES[topic];
      const wary = facts.waryGroups.map(groupRef);
      return {
        key: `topic-${topic}`,
        theme: base.theme,
        angle: base.angle,
        format: "Explainer post with a link",
        source: "contentious-topic" as const,
        serves: wary.length > 0 ? wary : publicGroups(facts),
        refs: [ref("organisation", "contentiousTopics")],
      };
    }),
  ];
  const interleaved: Theme[] = [];
  const longest = Math.max(...queues.map((queue) => queue.length));
  for (let i = 0; i < longest; i += 1) {
    for (const queue of queues) {
      const theme = queue[i];
      if (theme) interleaved.push(theme);
    }
  }
  // Evergreen themes fill the weeks your projects, services, topics and purposes leave free.
  const fillerRefs = [
    ref("stakeholders", "projects"),
    ref("stakeholders", "purposes"),
    ref("organisation", "emergencyServices"),
    ref("organisation", "contentiousTopics"),
  ];
  const evergreen: Theme[] = EVERGREEN_THEMES.filter(
    (item) => item.fits === undefined || item.fits.includes(facts.profile.type),
  ).map(({ fits: _fits, ...item }) => ({
    ...item,
    source: "evergreen" as const,
    serves: publicGroups(facts),
    refs: fillerRefs,
  }));
  for (const theme of [...interleaved, ...evergreen]) {
    if (used.has(theme.key)) continue;
    if (!place(1, theme)) break;
  }

  const firstMonday = nextMonday(assessedOn);
  return slots.map((theme, index) => {
    const filled = theme ?? {
      key: `spare-${index}`,
      theme: "Spare week",
      angle: "Keep this week for news that cannot be planned.",
      format: "Pinned post",
      source: "evergreen" as const,
      serves: [],
      refs: fillerRefs,
    };
    return {
      week: index + 1,
      weekStarting: addDays(firstMonday, 7 * index),
      theme: filled.theme,
      angle: filled.angle,
      format: filled.format,
      source: filled.source,
      serves: filled.serves,
      refs: filled.refs,
    };
  });
}
