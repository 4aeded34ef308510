/**
 * The answers the scoring module consumes: the domain's own types and value lists.
 * The wizard's zod schemas must produce exactly these types (checked at compile time in app/).
 * Labels and wording live with the question definitions; only the values live here.
 *
 * Where "I don't know" is an honest answer, the value list includes "unknown". Scoring must treat
 * it explicitly (a stated assumption, and a thing to find out), never silently as zero.
 */

// ---------------------------------------------------------------------------------------------
// Section 1: Describe your organisation
// ---------------------------------------------------------------------------------------------

export const ORGANISATION_TYPES = [
  "council",
  "state-agency",
  "national-agency",
  "statutory-body",
  "non-profit",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const CHANNELS = [
  "facebook",
  "instagram",
  "x",
  "linkedin",
  "youtube",
  "tiktok",
  "other-social",
  "neighbourhood",
  "messaging",
  "website",
  "engagement-platform",
  "newsletter",
  "other",
  "none",
  "unknown",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EMERGENCY_SERVICES = [
  "emergency-management",
  "public-health",
  "water",
  "roads-transport",
  "essential-services",
  "social-care",
  "other",
  "none",
] as const;
export type EmergencyService = (typeof EMERGENCY_SERVICES)[number];

export const CONTENTIOUS_TOPICS = [
  "planning",
  "rates-fees",
  "roads-parking",
  "waste",
  "environment",
  "housing",
  "community-safety",
  "service-cuts",
  "health",
  "education",
  "other",
  "none",
] as const;
export type ContentiousTopic = (typeof CONTENTIOUS_TOPICS)[number];

/** Section 1, "Describe your organisation". */
export interface OrganisationAnswers {
  orgName: string;
  orgType: OrganisationType;
  /** Present only when orgType is "other". */
  orgTypeOther?: string | undefined;
  /** People served: residents, customers or service users (an estimate, at least 1). */
  population: number;
  /** Staff, full-time equivalent (an estimate, at least 1). */
  staffCount: number;
  /** Channels in use now; ["none"] when there are none yet; ["unknown"] when the person answering does not know. */
  channels: Channel[];
  /** Present only when channels includes "other". */
  channelsOther?: string | undefined;
  /** Emergency-related services provided; ["none"] when none. */
  emergencyServices: EmergencyService[];
  emergencyServicesOther?: string | undefined;
  /** Topics that draw strong public feeling; ["none"] when none. */
  contentiousTopics: ContentiousTopic[];
  contentiousTopicsOther?: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Section 2: Decide who you need to engage and why
// ---------------------------------------------------------------------------------------------

/** Why the organisation wants to engage online. Mergel's push (share, promote), pull (listen,
 * consult, involve) and networking (answer, two-way) tactics sit behind these. */
export const PURPOSES = [
  "share",
  "listen",
  "consult",
  "involve",
  "service-requests",
  "emergency",
  "promote",
  "recruitment",
  "other",
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Groups offered as suggestions; people can also add their own ("custom"). */
export const SUGGESTED_GROUPS = [
  "residents",
  "businesses",
  "elected-members",
  "senior-officials",
  "board",
  "media",
  "community-groups",
  "advocacy-groups",
  "citizen-journalists",
  "staff",
] as const;
export type SuggestedGroup = (typeof SUGGESTED_GROUPS)[number];

/**
 * Mendelow's grid axes, with a middle step: a lot, some or a little. Questionnaire 2026-11 offered
 * only "high" and "low", which stay valid.
 */
export const DEGREES = ["high", "medium", "low"] as const;
export type Degree = (typeof DEGREES)[number];

/** "mixed": some of the group support the organisation and some oppose it (since 2026-12). */
export const SENTIMENTS = ["hostile", "sceptical", "mixed", "neutral", "supportive", "unknown"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Where a stakeholder group is online. */
export const ONLINE_PLACES = [
  "facebook",
  "community-groups-online",
  "instagram",
  "x",
  "linkedin",
  "youtube",
  "tiktok",
  "other-social",
  "neighbourhood",
  "messaging",
  "news-comments",
  "email",
  "mostly-offline",
  "unknown",
] as const;
export type OnlinePlace = (typeof ONLINE_PLACES)[number];

/**
 * One stakeholder group with its profile. `id` is stable for the life of the assessment:
 * the suggested group's value ("residents") or "custom-" plus a random suffix for groups
 * people add themselves.
 */
export interface StakeholderGroup {
  id: string;
  kind: SuggestedGroup | "custom";
  /** The suggested group's label, or the name typed for a custom group. */
  name: string;
  /** Why the organisation engages this group. */
  why: string;
  /** How much the group can affect the organisation's decisions or reputation. */
  influence: Degree;
  /** How closely the group follows what the organisation does. */
  interest: Degree;
  /** What they expect and what worries them. Optional. */
  expectations?: string | undefined;
  sentiment: Sentiment;
  /** Where they are online; ["unknown"] when not known; ["mostly-offline"] when barely online. */
  online: OnlinePlace[];
}

export const PROJECT_TIMINGS = ["next-3-months", "3-6-months", "6-12-months"] as const;
export type ProjectTiming = (typeof PROJECT_TIMINGS)[number];

export const CONTENTIOUSNESS = ["high", "medium", "low"] as const;
export type Contentiousness = (typeof CONTENTIOUSNESS)[number];

/** A project or decision in the next 12 months expected to draw public interest. */
export interface KeyProject {
  id: string;
  name: string;
  timing: ProjectTiming;
  contentiousness: Contentiousness;
  /** Ids of the stakeholder groups it affects (from `groups`); may be empty. */
  groupIds: string[];
}

/** Section 2, "Decide who you need to engage and why". */
export interface StakeholderAnswers {
  /** At least one. */
  purposes: Purpose[];
  /** Present only when purposes includes "other". */
  purposesOther?: string | undefined;
  /** Why each chosen purpose matters to this organisation, where people said (optional each). */
  purposeReasons: Partial<Record<Purpose, string>>;
  /** At least one. */
  groups: StakeholderGroup[];
  /** May be empty: no projects expected to draw interest. */
  projects: KeyProject[];
}

// ---------------------------------------------------------------------------------------------
// Section 3: Describe your engagement model today and the one you want
// ---------------------------------------------------------------------------------------------

/** The IAP2 Spectrum of Public Participation, in order of increasing public influence. */
export const IAP2_LEVELS = ["inform", "consult", "involve", "collaborate", "empower"] as const;
export type Iap2Level = (typeof IAP2_LEVELS)[number];

/** Today's level; "none" when the organisation does not engage the group online yet. */
export type CurrentLevel = Iap2Level | "none";
export const CURRENT_LEVELS = ["none", ...IAP2_LEVELS] as const;

export interface GroupLevels {
  groupId: string;
  current: CurrentLevel;
  desired: Iap2Level;
}

/** In place fully, in part, not at all, or not known. */
export const PRACTICE = ["yes", "partly", "no", "unknown"] as const;
export type Practice = (typeof PRACTICE)[number];

/** Weeks of evergreen content ready to publish. The reading suggests up to 12 weeks before launch. */
export const EVERGREEN_RESERVES = ["none", "under-4-weeks", "4-to-12-weeks", "over-12-weeks", "unknown"] as const;
export type EvergreenReserve = (typeof EVERGREEN_RESERVES)[number];

/** How far listening reaches: around half the conversation happens off the organisation's pages. */
export const MONITORING_REACH = ["own-pages", "some-beyond", "systematic", "unknown"] as const;
export type MonitoringReach = (typeof MONITORING_REACH)[number];

export const ACTING_ON_INSIGHT = ["rarely", "informally", "systematically", "unknown"] as const;
export type ActingOnInsight = (typeof ACTING_ON_INSIGHT)[number];

export const REPLY_PRACTICES = ["broadcast-only", "some", "every-genuine-question", "unknown"] as const;
export type ReplyPractice = (typeof REPLY_PRACTICES)[number];

export const GOVERNANCE_ITEMS = [
  "strategy",
  "policy",
  "account-owners",
  "approval-authority",
  "account-inventory",
  "none",
] as const;
export type GovernanceItem = (typeof GOVERNANCE_ITEMS)[number];

/**
 * Mergel and Bretschneider's three stages of social media adoption in government:
 * informal experimentation, order emerging from chaos (drafting rules), institutionalisation.
 */
export const ADOPTION_STAGES = ["experimenting", "making-rules", "established", "unknown"] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

/** Section 3, "Describe your engagement model today and the one you want". */
export interface EngagementModelAnswers {
  /** One entry for every stakeholder group, in the order of `StakeholderAnswers.groups`. */
  levels: GroupLevels[];
  contentCalendar: Practice;
  evergreenReserve: EvergreenReserve;
  consistentTone: Practice;
  monitoringReach: MonitoringReach;
  actingOnInsight: ActingOnInsight;
  replyPractice: ReplyPractice;
  /** Governance in place; ["none"] when none. */
  governance: GovernanceItem[];
  adoptionStage: AdoptionStage;
}

// ---------------------------------------------------------------------------------------------
// Section 4: Assess your capacity to answer questions
// ---------------------------------------------------------------------------------------------

export const ACCOUNT_ACCESS = ["one-person", "shared-informally", "shared-managed", "unknown"] as const;
export type AccountAccess = (typeof ACCOUNT_ACCESS)[number];

export const COVER_HOURS = ["business-hours", "extended-hours", "all-hours"] as const;
export type CoverHours = (typeof COVER_HOURS)[number];

/**
 * The days an extended cover runs (since 2026-12). Questionnaire 2026-11 described extended cover
 * as "office hours, plus some evenings and weekends", which reads as "weekdays-some-weekends".
 */
export const COVER_DAYS = ["weekdays", "weekdays-some-weekends", "every-day"] as const;
export type CoverDays = (typeof COVER_DAYS)[number];

export const VOLUME_KNOWLEDGE = ["known", "not-sure"] as const;
export type VolumeKnowledge = (typeof VOLUME_KNOWLEDGE)[number];

/** Followers across the main accounts, for estimating volume when people are not sure. */
export const FOLLOWER_BANDS = ["under-1k", "1k-10k", "10k-50k", "50k-250k", "over-250k", "unknown"] as const;
export type FollowerBand = (typeof FOLLOWER_BANDS)[number];

export const POSTING_FREQUENCIES = [
  "under-1-a-week",
  "1-3-a-week",
  "4-10-a-week",
  "over-10-a-week",
  "unknown",
] as const;
export type PostingFrequency = (typeof POSTING_FREQUENCIES)[number];

export const COMMENTS_PER_POST = ["under-2", "2-10", "10-50", "over-50", "unknown"] as const;
export type CommentsPerPost = (typeof COMMENTS_PER_POST)[number];

/** Response time targets and reality, in working time. "same-day" since 2026-12. */
export const RESPONSE_TIMES = [
  "1-hour",
  "4-hours",
  "same-day",
  "1-working-day",
  "2-working-days",
  "1-week",
  "longer",
] as const;
export type ResponseTime = (typeof RESPONSE_TIMES)[number];
export type TargetResponse = ResponseTime | "no-target";
export type ActualResponse = ResponseTime | "unknown";

/** "not-defined": there is no agreed process, so it depends who is asked (since 2026-12). */
export const APPROVAL_NEEDS = ["none", "sensitive-only", "most-replies", "not-defined"] as const;
export type ApprovalNeed = (typeof APPROVAL_NEEDS)[number];

export const APPROVAL_TIMES = ["under-1-hour", "same-day", "1-2-days", "longer", "unknown"] as const;
export type ApprovalTime = (typeof APPROVAL_TIMES)[number];

export const EXPERT_ACCESS = ["same-day", "few-days", "hard", "unknown"] as const;
export type ExpertAccess = (typeof EXPERT_ACCESS)[number];

export const HOUSE_RULES = ["published", "draft", "none", "unknown"] as const;
export type HouseRules = (typeof HOUSE_RULES)[number];

export const MODERATION_MODELS = ["pre-moderation", "post-moderation", "on-complaint", "none", "unknown"] as const;
export type ModerationModel = (typeof MODERATION_MODELS)[number];

export const STAFF_SUPPORT = [
  "debriefs",
  "counselling",
  "abuse-guidance",
  "rotation",
  "block-and-report",
  "none",
] as const;
export type StaffSupport = (typeof STAFF_SUPPORT)[number];

export const TRAINING = ["formal-recent", "informal", "none", "unknown"] as const;
export type Training = (typeof TRAINING)[number];

export const RECORDS_CAPTURE = ["automatic", "manual", "none", "unknown"] as const;
export type RecordsCapture = (typeof RECORDS_CAPTURE)[number];

export const TWO_FACTOR = ["all", "some", "none", "unknown"] as const;
export type TwoFactor = (typeof TWO_FACTOR)[number];

export const TOOLS = ["scheduling", "monitoring", "shared-inbox", "archiving", "none"] as const;
export type Tool = (typeof TOOLS)[number];

/**
 * About how many of the messages and comments received are questions or requests that need an
 * answer from the organisation (since 2026-12): most (three in four or more), more than half,
 * about half, about a third, a quarter or fewer.
 */
export const QUESTION_SHARES = [
  "most",
  "over-half",
  "about-half",
  "about-a-third",
  "quarter-or-fewer",
  "unknown",
] as const;
export type QuestionShare = (typeof QUESTION_SHARES)[number];

/** When questions rise sharply (since 2026-12); ["none"] when demand is steady, ["unknown"] when not known. */
export const PEAK_KINDS = ["seasonal", "deadlines", "incidents", "none", "unknown"] as const;
export type PeakKind = (typeof PEAK_KINDS)[number];

/** How much busier the busiest weeks are than a usual week. */
export const PEAK_SIZES = ["half-again", "double", "triple-or-more", "unknown"] as const;
export type PeakSize = (typeof PEAK_SIZES)[number];

/** How often the people running the channels receive abuse or threats (since 2026-12). */
export const ABUSE_FREQUENCIES = ["weekly", "monthly", "rarely", "never", "unknown"] as const;
export type AbuseFrequency = (typeof ABUSE_FREQUENCIES)[number];

/** Section 4, "Assess your capacity to answer questions". */
export interface CapacityAnswers {
  /** People who help run the channels, 0 to 1,000, or "unknown" (since 2026-12). */
  teamPeople: number | "unknown";
  /** Their total hours a week on it, 0 to 10,000 (decimals allowed), or "unknown" (since 2026-12). */
  teamHoursPerWeek: number | "unknown";
  accountAccess: AccountAccess;
  coverHours: CoverHours;
  /** Present only when coverHours is "extended-hours": the days it runs. */
  coverDays?: CoverDays | undefined;
  /** Optional, only with extended cover: when it starts and ends, 24-hour "HH:MM". Both or neither. */
  coverFrom?: string | undefined;
  coverTo?: string | undefined;
  /** An out-of-hours and emergency protocol. */
  outOfHoursProtocol: Practice;
  volumeKnowledge: VolumeKnowledge;
  /** Questions and comments a week now, across all channels. Present only when known. */
  weeklyVolume?: number | undefined;
  /** Present only when not sure of the volume: the simpler questions used to estimate it. */
  followers?: FollowerBand | undefined;
  postingFrequency?: PostingFrequency | undefined;
  commentsPerPost?: CommentsPerPost | undefined;
  /** How many of the messages and comments are questions that need an answer. */
  questionShare: QuestionShare;
  /** When questions rise sharply. */
  peaks: PeakKind[];
  /** Present only when peaks names a kind of peak (not "none" or "unknown"). */
  peakSize?: PeakSize | undefined;
  targetResponse: TargetResponse;
  actualResponse: ActualResponse;
  approvalNeed: ApprovalNeed;
  /** Present only when approvalNeed is "sensitive-only" or "most-replies". */
  approvalTime?: ApprovalTime | undefined;
  keyMessages: Practice;
  expertAccess: ExpertAccess;
  houseRules: HouseRules;
  moderationModel: ModerationModel;
  escalationPath: Practice;
  offlineGuidance: Practice;
  /** Support for staff facing hostility; ["none"] when none. */
  staffSupport: StaffSupport[];
  /** How often they receive abuse or threats. */
  abuseFrequency: AbuseFrequency;
  training: Training;
  recordsCapture: RecordsCapture;
  twoFactor: TwoFactor;
  /** ["none"] when none. */
  tools: Tool[];
}

// ---------------------------------------------------------------------------------------------
// Section 5: Set your commitment
// ---------------------------------------------------------------------------------------------

export interface Objective {
  id: string;
  objective: string;
  /** How success will be measured; absent when none is set yet (since 2026-12; required before). */
  measure?: string | undefined;
}

/** Whether objectives are set (since 2026-12; before that at least one objective was required). */
export const OBJECTIVES_SET = ["yes", "not-yet"] as const;
export type ObjectivesSet = (typeof OBJECTIVES_SET)[number];

/** The currency the organisation budgets in (since 2026-12), for money figures in the report. */
export const CURRENCIES = ["AUD", "CAD", "EUR", "GBP", "NZD", "USD", "other"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const SPONSOR_STATUS = ["yes", "no", "not-decided"] as const;
export type SponsorStatus = (typeof SPONSOR_STATUS)[number];

/** Yearly budget beyond staff time, in the organisation's own currency. */
export const BUDGETS = ["none", "under-10k", "10k-50k", "50k-200k", "over-200k", "unknown"] as const;
export type Budget = (typeof BUDGETS)[number];

export const REVIEW_CADENCES = ["monthly", "quarterly", "twice-yearly", "yearly", "none"] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

export const COMMITMENT_DURATIONS = ["under-6-months", "6-12-months", "1-2-years", "ongoing", "not-decided"] as const;
export type CommitmentDuration = (typeof COMMITMENT_DURATIONS)[number];

/** Section 5, "Set your commitment". */
export interface CommitmentAnswers {
  objectivesSet: ObjectivesSet;
  /** One to six objectives when objectivesSet is "yes"; empty when "not-yet". */
  objectives: Objective[];
  sponsor: SponsorStatus;
  /** The sponsor's role; present only when sponsor is "yes". */
  sponsorRole?: string | undefined;
  budget: Budget;
  currency: Currency;
  /**
   * What an hour of staff time costs, with on-costs, in `currency`; absent when not given, and
   * the report then uses a stated default for the currency (none for "other").
   */
  staffHourlyCost?: number | undefined;
  reviewCadence: ReviewCadence;
  duration: CommitmentDuration;
}

// ---------------------------------------------------------------------------------------------
// The whole assessment
// ---------------------------------------------------------------------------------------------

export interface AssessmentAnswers {
  organisation: OrganisationAnswers;
  stakeholders: StakeholderAnswers;
  engagementModel: EngagementModelAnswers;
  capacity: CapacityAnswers;
  commitment: CommitmentAnswers;
}

/**
 * Points at the answer behind a score, risk or recommendation, so people can see which of
 * their answers produced it. `questionId` is the field name in the section's answers above
 * (for example "houseRules" or "sentiment"); `groupId`, `projectId` or `objectiveId` narrow
 * it to one item of a list.
 */
export interface AnswerRef {
  section: keyof AssessmentAnswers;
  questionId: string;
  groupId?: string;
  projectId?: string;
  objectiveId?: string;
}
