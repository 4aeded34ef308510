/**
 * "I don't know" answers, made explicit. Each becomes a thing to find out: what we assumed in its
 * place, why it matters and who could find out. The assumptions here are the same ones the
 * scoring uses (dimensions.ts, capacity-model.ts, engagement-gap.ts, risks.ts).
 */
import { ref } from "./answer-refs";
import type { AnswerRef, AssessmentAnswers } from "./answers";
import { inSentence, type Roles } from "./organisation-profile";
import { groupPhrase } from "./group-names";
import type { ThingToFindOut } from "./report-model";
import { tidy } from "./text";

interface UnknownSpec {
  id: string;
  section: keyof AssessmentAnswers;
  questionId: string;
  isUnknown: (answers: AssessmentAnswers) => boolean;
  question: string;
  assumption: string;
  whyItMatters: string;
  /** The role most likely to know, from the roles the organisation can be expected to have. */
  whoCanFindOut: (roles: Roles) => string;
  affects: string[];
}

const NOT_IN_PLACE = "We assumed it is not in place.";

const SPECS: readonly UnknownSpec[] = [
  {
    id: "channels",
    section: "organisation",
    questionId: "channels",
    isUnknown: (a) => a.organisation.channels.includes("unknown"),
    question: "Which channels do you use?",
    assumption:
      "We assumed about three where people can comment (between one and six), and could not check whether you are where each group is.",
    whyItMatters:
      "Every channel you run is a place people expect an answer; accounts no one lists are where problems start.",
    whoCanFindOut: (r) => `${r.commsLead}, by listing every account in your name`,
    affects: ["Capacity to respond", "Governance and policy", "Group plans"],
  },
  {
    id: "content-calendar",
    section: "engagementModel",
    questionId: "contentCalendar",
    isUnknown: (a) => a.engagementModel.contentCalendar === "unknown",
    question: "Do you keep a content calendar?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "A calendar keeps posting steady and frees time for replies in busy weeks.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["Sharing and content"],
  },
  {
    id: "evergreen-reserve",
    section: "engagementModel",
    questionId: "evergreenReserve",
    isUnknown: (a) => a.engagementModel.evergreenReserve === "unknown",
    question: "How many weeks of evergreen content do you have ready?",
    assumption: "We assumed none is ready.",
    whyItMatters: "Up to three months of ready content keeps channels alive when the team is busy answering questions.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Sharing and content", "Risks"],
  },
  {
    id: "consistent-tone",
    section: "engagementModel",
    questionId: "consistentTone",
    isUnknown: (a) => a.engagementModel.consistentTone === "unknown",
    question: "Do you have an agreed tone of voice?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "An agreed tone lets several people post and reply as one organisation.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["Sharing and content"],
  },
  {
    id: "monitoring-reach",
    section: "engagementModel",
    questionId: "monitoringReach",
    isUnknown: (a) => a.engagementModel.monitoringReach === "unknown",
    question: "How far does your listening reach beyond your own pages?",
    assumption: "We assumed you listen only on your own pages.",
    whyItMatters: "About half the conversation about you happens elsewhere; involving people needs you to hear it.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Listening", "Sustainable levels", "Risks"],
  },
  {
    id: "acting-on-insight",
    section: "engagementModel",
    questionId: "actingOnInsight",
    isUnknown: (a) => a.engagementModel.actingOnInsight === "unknown",
    question: "Does what you hear online reach decisions?",
    assumption: "We assumed it rarely does.",
    whyItMatters:
      "Listening that changes nothing is not engagement; collaboration needs a route from what you hear to what you decide.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["Listening", "Sustainable levels"],
  },
  {
    id: "reply-practice",
    section: "engagementModel",
    questionId: "replyPractice",
    isUnknown: (a) => a.engagementModel.replyPractice === "unknown",
    question: "How often do you reply to people on your channels?",
    assumption: "We assumed you mostly broadcast.",
    whyItMatters: "Replying is a habit; two-way engagement depends on it.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["People, skills and culture", "Risks"],
  },
  {
    id: "adoption-stage",
    section: "engagementModel",
    questionId: "adoptionStage",
    isUnknown: (a) => a.engagementModel.adoptionStage === "unknown",
    question: "How far has your organisation come in adopting social media?",
    assumption: "We used the stage your other answers point to.",
    whyItMatters: "The stage shows whether practice rests on rules and roles or on a few keen people.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["Governance and policy"],
  },
  {
    id: "team-people",
    section: "capacity",
    questionId: "teamPeople",
    isUnknown: (a) => a.capacity.teamPeople === "unknown",
    question: "How many people help run your channels?",
    assumption: "We treated it as one person when judging cover for leave and bad days.",
    whyItMatters: "A team of one has no cover for leave, sickness or a hard week.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["People, skills and culture", "Risks"],
  },
  {
    id: "team-hours",
    section: "capacity",
    questionId: "teamHoursPerWeek",
    isUnknown: (a) => a.capacity.teamHoursPerWeek === "unknown",
    question: "How many hours a week go on your channels?",
    assumption:
      "We could not work out how many questions you can answer, so the report promises no reply time and sizes no team.",
    whyItMatters:
      "Hours are the heart of the capacity check: without them no one can say whether you can answer what you invite.",
    whoCanFindOut: () => "Everyone who posts, replies or moderates, noting their time for two typical weeks",
    affects: ["Capacity to respond", "Sustainable levels", "Verdict"],
  },
  {
    id: "account-access",
    section: "capacity",
    questionId: "accountAccess",
    isUnknown: (a) => a.capacity.accountAccess === "unknown",
    question: "Who holds access to your accounts?",
    assumption: "We assumed access is not managed.",
    whyItMatters: "If one person holds every login, the channels stop when they are away or leave.",
    whoCanFindOut: (r) => `${r.itSecurity}, or the account owners`,
    affects: ["Governance and policy", "Risks"],
  },
  {
    id: "out-of-hours-protocol",
    section: "capacity",
    questionId: "outOfHoursProtocol",
    isUnknown: (a) => a.capacity.outOfHoursProtocol === "unknown",
    question: "Is there an out-of-hours and emergency protocol?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "Emergencies do not keep office hours; someone must know they are on call.",
    whoCanFindOut: (r) => r.emergencyLead ?? r.dutyContact,
    affects: ["House rules and safeguards", "Capacity to respond", "Risks"],
  },
  {
    id: "volume",
    section: "capacity",
    questionId: "volumeKnowledge",
    isUnknown: (a) => a.capacity.volumeKnowledge === "not-sure",
    question: "How many questions and comments do you get a week?",
    assumption: "We estimated it from your followers, posting and comments, and show a low to high range.",
    whyItMatters: "Volume is the biggest driver of the hours you need; a two-week count narrows the range.",
    whoCanFindOut: (r) => `${r.channelTeam}, by counting two typical weeks`,
    affects: ["Capacity to respond", "Sustainable levels"],
  },
  {
    id: "followers",
    section: "capacity",
    questionId: "followers",
    isUnknown: (a) => a.capacity.volumeKnowledge === "not-sure" && (a.capacity.followers ?? "unknown") === "unknown",
    question: "How many followers do your main accounts have?",
    assumption: "We assumed one in five of the people you serve (between one in twenty and one in two).",
    whyItMatters: "Followers drive messages and comments; the platforms' own statistics show them.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Capacity to respond"],
  },
  {
    id: "posting-frequency",
    section: "capacity",
    questionId: "postingFrequency",
    isUnknown: (a) =>
      a.capacity.volumeKnowledge === "not-sure" && (a.capacity.postingFrequency ?? "unknown") === "unknown",
    question: "How often do you post?",
    assumption: "We assumed about 3 posts a week (between one every two weeks and 15 a week).",
    whyItMatters: "Each post draws comments that may need replies.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Capacity to respond"],
  },
  {
    id: "comments-per-post",
    section: "capacity",
    questionId: "commentsPerPost",
    isUnknown: (a) =>
      a.capacity.volumeKnowledge === "not-sure" && (a.capacity.commentsPerPost ?? "unknown") === "unknown",
    question: "How many comments does a typical post get?",
    assumption: "We assumed 5 comments for every 10,000 followers.",
    whyItMatters: "Comments per post set most of the reply workload.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Capacity to respond"],
  },
  {
    id: "question-share",
    section: "capacity",
    questionId: "questionShare",
    isUnknown: (a) => a.capacity.questionShare === "unknown",
    question: "How many of your messages and comments are questions that need an answer?",
    assumption: "We assumed about a third, or about half when your channels take service requests.",
    whyItMatters: "Only questions need replies; the share decides how many hours replying takes.",
    whoCanFindOut: (r) => `${r.channelTeam}, by sorting two typical weeks of messages`,
    affects: ["Capacity to respond"],
  },
  {
    id: "peaks",
    section: "capacity",
    questionId: "peaks",
    isUnknown: (a) => a.capacity.peaks.includes("unknown"),
    question: "When do questions rise sharply?",
    assumption: "We planned for a usual week only.",
    whyItMatters: "A team that copes in a usual week can be swamped at a deadline or in an incident.",
    whoCanFindOut: (r) => `${r.channelTeam}, from last year's messages by week`,
    affects: ["Capacity to respond", "Risks"],
  },
  {
    id: "peak-size",
    section: "capacity",
    questionId: "peakSize",
    isUnknown: (a) =>
      a.capacity.peaks.some((kind) => kind !== "none" && kind !== "unknown") &&
      (a.capacity.peakSize ?? "unknown") === "unknown",
    question: "How much busier are your busiest weeks?",
    assumption: "We assumed about twice a usual week (between one and a half and three times).",
    whyItMatters: "The size of the peak decides how many extra hands you need for it.",
    whoCanFindOut: (r) => `${r.channelTeam}, from last year's messages by week`,
    affects: ["Capacity to respond", "Risks"],
  },
  {
    id: "actual-response",
    section: "capacity",
    questionId: "actualResponse",
    isUnknown: (a) => a.capacity.actualResponse === "unknown",
    question: "How fast do you reply today?",
    assumption: "We relied on the capacity model alone and widened the high end of the range by half.",
    whyItMatters: "Today's real speed checks the model; sample twenty recent replies to find it.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["Capacity to respond"],
  },
  {
    id: "approval-time",
    section: "capacity",
    questionId: "approvalTime",
    isUnknown: (a) => a.capacity.approvalNeed !== "none" && (a.capacity.approvalTime ?? "unknown") === "unknown",
    question: "How long does sign-off take?",
    assumption:
      "We assumed about one working day (between 1 hour and 3 working days) and scored it like the slowest band.",
    whyItMatters: "Sign-off delay adds straight onto every reply that needs it.",
    whoCanFindOut: () => "Whoever signs off replies",
    affects: ["Capacity to respond", "Risks"],
  },
  {
    id: "key-messages",
    section: "capacity",
    questionId: "keyMessages",
    isUnknown: (a) => a.capacity.keyMessages === "unknown",
    question: "Are there pre-approved key messages?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "Key messages make replies faster and safer, especially on contentious topics.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["Capacity to respond", "Sustainable levels"],
  },
  {
    id: "expert-access",
    section: "capacity",
    questionId: "expertAccess",
    isUnknown: (a) => a.capacity.expertAccess === "unknown",
    question: "How fast do subject experts answer?",
    assumption: "We scored it like 'hard to get' and assumed about two working days for questions that need an expert.",
    whyItMatters: "Technical questions wait on experts; collaboration needs them on hand.",
    whoCanFindOut: () => "The managers of the services people ask about",
    affects: ["Capacity to respond", "Sustainable levels"],
  },
  {
    id: "house-rules",
    section: "capacity",
    questionId: "houseRules",
    isUnknown: (a) => a.capacity.houseRules === "unknown",
    question: "Do you have house rules for your channels?",
    assumption: "We assumed there are none.",
    whyItMatters: "Published rules let you remove abuse fairly and show people what to expect.",
    whoCanFindOut: (r) => `${r.commsLead}, or ${r.legal}`,
    affects: ["House rules and safeguards", "Sustainable levels", "Verdict"],
  },
  {
    id: "moderation-model",
    section: "capacity",
    questionId: "moderationModel",
    isUnknown: (a) => a.capacity.moderationModel === "unknown",
    question: "How are comments moderated?",
    assumption: "We assumed they are not moderated.",
    whyItMatters: "Without moderation, abuse and misinformation stay up on your pages.",
    whoCanFindOut: (r) => r.channelTeam,
    affects: ["House rules and safeguards", "Sustainable levels", "Verdict"],
  },
  {
    id: "escalation-path",
    section: "capacity",
    questionId: "escalationPath",
    isUnknown: (a) => a.capacity.escalationPath === "unknown",
    question: "Is there a path to escalate difficult or dangerous posts?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "Threats, safeguarding concerns and crises need a named person to call at once.",
    whoCanFindOut: (r) => r.commsLead,
    affects: ["House rules and safeguards", "Sustainable levels", "Risks"],
  },
  {
    id: "offline-guidance",
    section: "capacity",
    questionId: "offlineGuidance",
    isUnknown: (a) => a.capacity.offlineGuidance === "unknown",
    question: "Is there guidance on when to take a conversation offline?",
    assumption: NOT_IN_PLACE,
    whyItMatters: "Personal cases and heated exchanges go better by phone, email or in person.",
    whoCanFindOut: (r) => r.customerService,
    affects: ["House rules and safeguards", "Sustainable levels"],
  },
  {
    id: "abuse-frequency",
    section: "capacity",
    questionId: "abuseFrequency",
    isUnknown: (a) => a.capacity.abuseFrequency === "unknown",
    question: "How often do the people on your channels receive abuse or threats?",
    assumption: "We did not assume any: support for staff is judged on your other answers.",
    whyItMatters: "Regular abuse with no support is how channels lose the people who run them.",
    whoCanFindOut: (r) => `${r.channelTeam}, and ${inSentence(r.staffManager)}`,
    affects: ["People, skills and culture", "Risks"],
  },
  {
    id: "training",
    section: "capacity",
    questionId: "training",
    isUnknown: (a) => a.capacity.training === "unknown",
    question: "What training have the people on your channels had?",
    assumption: "We assumed none.",
    whyItMatters: "Answering the public online under pressure is a skill that can be taught.",
    whoCanFindOut: (r) => r.staffManager,
    affects: ["People, skills and culture", "Risks"],
  },
  {
    id: "records-capture",
    section: "capacity",
    questionId: "recordsCapture",
    isUnknown: (a) => a.capacity.recordsCapture === "unknown",
    question: "Are posts and replies kept as records?",
    assumption: NOT_IN_PLACE,
    whyItMatters:
      "Public bodies must be able to show what they said; complaints and information requests depend on it.",
    whoCanFindOut: (r) => r.records,
    affects: ["Governance and policy", "Sustainable levels", "Risks"],
  },
  {
    id: "two-factor",
    section: "capacity",
    questionId: "twoFactor",
    isUnknown: (a) => a.capacity.twoFactor === "unknown",
    question: "Do your accounts use two-step sign-in?",
    assumption: "We assumed they do not.",
    whyItMatters: "A taken-over account can post false information in your name.",
    whoCanFindOut: (r) => r.itSecurity,
    affects: ["Governance and policy", "Risks"],
  },
  {
    id: "budget",
    section: "commitment",
    questionId: "budget",
    isUnknown: (a) => a.commitment.budget === "unknown",
    question: "What budget is there beyond staff time?",
    assumption: "We assumed there is none.",
    whyItMatters: "Tools, training and content need a modest budget.",
    whoCanFindOut: (r) => (r.executive === "Chief executive or manager" ? r.executive : "Whoever manages your budget"),
    affects: ["Commitment and measurement"],
  },
];

/**
 * Lists every "I don't know" answer (and a "not sure" weekly volume) as a thing to find out, in
 * questionnaire order, with per-group entries for unknown sentiment and unknown online places.
 * Range: 0 to 25 + 2 x groups entries.
 */
export function listThingsToFindOut(answers: AssessmentAnswers, roles: Roles): ThingToFindOut[] {
  const result: ThingToFindOut[] = [];
  for (const group of answers.stakeholders.groups) {
    if (group.sentiment === "unknown") {
      result.push(
        entry(
          `sentiment-${group.id}`,
          `How do ${groupPhrase({ kind: group.kind, name: tidy(group.name) })} feel about you?`,
          "We did not guess. They can be informed and consulted, but not involved until you know, and no risk is raised on a guess.",
          "Mood decides how much rule-setting, moderation and care a group needs before you open a conversation.",
          `${roles.commsLead}, with front-line staff who deal with them`,
          ["Stakeholder understanding", "Sustainable levels", "Risks"],
          [ref("stakeholders", "sentiment", { groupId: group.id })],
        ),
      );
    }
    if (group.online.includes("unknown")) {
      result.push(
        entry(
          `online-${group.id}`,
          `Where are ${groupPhrase({ kind: group.kind, name: tidy(group.name) })} online?`,
          "We left their channels open, to be found out before choosing where to reach them.",
          "You cannot listen to or reach a group where you are not.",
          `${roles.channelTeam}, by asking a few of them`,
          ["Stakeholder understanding", "Group plans"],
          [ref("stakeholders", "online", { groupId: group.id })],
        ),
      );
    }
  }
  for (const spec of SPECS) {
    if (!spec.isUnknown(answers)) continue;
    result.push(
      entry(spec.id, spec.question, spec.assumption, spec.whyItMatters, spec.whoCanFindOut(roles), spec.affects, [
        ref(spec.section, spec.questionId),
      ]),
    );
  }
  return result;
}

function entry(
  id: string,
  question: string,
  assumption: string,
  whyItMatters: string,
  whoCanFindOut: string,
  affects: string[],
  refs: AnswerRef[],
): ThingToFindOut {
  return { id, question, assumption, whyItMatters, whoCanFindOut, affects, refs };
}
