/**
 * Who the report is talking to: the kind of organisation, its size, the roles it can be expected
 * to have, and the words that fit it. Every owner, escalation contact, example and content idea in
 * the report comes from here, so a shire of 65 staff is never told to brief a director of
 * communications, and a revenue office never reads about bins and potholes.
 */
import type { AssessmentAnswers, ContentiousTopic, EmergencyService, OrganisationType } from "./answers";
import { joinList, tidy } from "./text";

/** small: under 200 staff; medium: 200 to 1,999; large: 2,000 or more. */
export type SizeBand = "small" | "medium" | "large";

export const SMALL_STAFF_LIMIT = 200;
export const LARGE_STAFF_LIMIT = 2000;

/** The roles an organisation of this kind and size can be expected to have, as owners are named. */
export interface Roles {
  /** The most senior officer: "Chief executive", "Agency head"... */
  executive: string;
  /** The body that approves the plan: "the council", "the board"... (inside a sentence). */
  decisionMaker: string;
  /** The senior team that meets regularly (inside a sentence). */
  leadershipTeam: string;
  /** Who leads communications. */
  commsLead: string;
  /** Who runs the channels day to day (as an owner). */
  channelTeam: string;
  /** The same, inside a sentence ("the person who runs your channels"). */
  channelTeamInline: string;
  /** Who looks after the people on the channels. */
  staffManager: string;
  /** Who leads engagement work with groups. */
  engagementLead: string;
  /** Who handles complaints and individual cases. */
  customerService: string;
  /** Who keeps records. */
  records: string;
  /** Who looks after account security. */
  itSecurity: string;
  /** Who leads in an emergency or incident; null when the organisation runs none. */
  emergencyLead: string | null;
  /** Who to call out of hours about something urgent that is not an emergency service matter. */
  dutyContact: string;
  /** Legal advice, as a role. */
  legal: string;
  /** Who signs off, when a sponsor has been named. */
  sponsor: string;
  /** True when `sponsor` is the role the organisation typed, with its own capitals. */
  sponsorTyped: boolean;
}

/** Words that fit the organisation: who it serves and what they ask about. */
export interface Vocabulary {
  /** "residents", "customers", "the people you serve" (inside a sentence). */
  peopleServed: string;
  /** Examples of routine questions and requests, as a phrase. */
  requestExamples: string;
  /** Examples of posts about safety, from its emergency-related services. */
  safetyExamples: string;
  /** Examples of an emergency post, for risk wording ("a post about a flood or an outage"). */
  emergencyPost: string;
  /** Where people talk about it away from its pages. */
  offPageExamples: string;
  /** Routes other than social media, for people the channels cannot serve yet. */
  otherRoutes: string;
}

export interface OrganisationProfile {
  type: OrganisationType;
  size: SizeBand;
  /** True when one person (or nobody) runs the channels; false when several do or the number is not known. */
  soloTeam: boolean;
  /** True when the organisation runs emergency-related services or communicates in emergencies. */
  emergencyRole: boolean;
  roles: Roles;
  vocabulary: Vocabulary;
}

/**
 * A role as it reads inside a sentence: "the chief executive", "the person who runs your
 * channels", "your IT provider". A role the organisation typed itself (its sponsor's title) keeps
 * its own capitals: "the Deputy Secretary, Customer Services".
 */
export function inSentence(role: string, typed = false): string {
  if (/^(the|your|whoever) /i.test(role)) return `${role.charAt(0).toLowerCase()}${role.slice(1)}`;
  // NOTE: keep capitals people typed, and acronyms at the start ("IT security team").
  const keep = typed || /^[A-Z]{2}/.test(role);
  return `the ${keep ? role : `${role.charAt(0).toLowerCase()}${role.slice(1)}`}`;
}

/** The same, starting a sentence: "The chief executive". */
export function inSentenceStart(role: string, typed = false): string {
  const inline = inSentence(role, typed);
  return `${inline.charAt(0).toUpperCase()}${inline.slice(1)}`;
}

/** Size band from staff numbers (full-time equivalent). */
export function sizeBand(staffCount: number): SizeBand {
  if (staffCount < SMALL_STAFF_LIMIT) return "small";
  if (staffCount < LARGE_STAFF_LIMIT) return "medium";
  return "large";
}

const EXECUTIVE: Readonly<Record<OrganisationType, string>> = {
  council: "Chief executive",
  "state-agency": "Agency head",
  "national-agency": "Head of the department",
  "statutory-body": "Chief executive",
  "non-profit": "Chief executive",
  other: "Chief executive",
};

const DECISION_MAKER: Readonly<Record<OrganisationType, string>> = {
  council: "the council",
  "state-agency": "the agency's executive board",
  "national-agency": "the department's executive board",
  "statutory-body": "the board",
  "non-profit": "the board",
  other: "your board or governing body",
};

const EMERGENCY_LEAD: Readonly<Record<OrganisationType, { small: string; larger: string }>> = {
  council: { small: "Emergency management officer", larger: "Emergency management lead" },
  "state-agency": { small: "Duty manager", larger: "Incident or duty manager" },
  "national-agency": { small: "Duty officer", larger: "Departmental duty officer" },
  "statutory-body": { small: "Duty manager", larger: "Incident manager on duty" },
  "non-profit": { small: "Manager on call", larger: "Manager on call" },
  other: { small: "Duty manager", larger: "Duty manager" },
};

function rolesFor(answers: AssessmentAnswers, size: SizeBand, soloTeam: boolean, emergencyRole: boolean): Roles {
  const type = answers.organisation.orgType;
  const small = size === "small";
  const executive = small && type === "non-profit" ? "Chief executive or manager" : EXECUTIVE[type];
  const sponsorRole = tidy(answers.commitment.sponsorRole);
  const commsLead = small
    ? soloTeam
      ? "The person who runs your channels"
      : "Communications lead"
    : size === "medium"
      ? "Communications manager"
      : type === "national-agency" || type === "state-agency"
        ? "Director of communications"
        : "Head of communications";
  const unknownTeam = answers.capacity.teamPeople === "unknown";
  const channelTeam = soloTeam
    ? "The person who runs your channels"
    : unknownTeam
      ? "Whoever runs your channels"
      : "The team that runs your channels";
  const hasHr = !small;
  return {
    executive,
    decisionMaker: DECISION_MAKER[type],
    leadershipTeam: small ? "the management team" : type === "council" ? "the executive team" : "the leadership team",
    commsLead,
    channelTeam,
    channelTeamInline: `${channelTeam.charAt(0).toLowerCase()}${channelTeam.slice(1)}`,
    staffManager: small
      ? soloTeam
        ? executive
        : "Whoever manages the people on your channels"
      : `${commsLead}${hasHr ? ", with HR" : ""}`,
    engagementLead: small ? commsLead : "Engagement lead",
    customerService:
      type === "non-profit"
        ? "Service manager"
        : small
          ? "Customer service team"
          : type === "council"
            ? "Customer service manager"
            : "Contact centre manager",
    records: small ? "Whoever looks after your records" : "Records manager",
    itSecurity: small ? "Your IT provider" : "IT security team",
    emergencyLead: emergencyRole ? EMERGENCY_LEAD[type][small ? "small" : "larger"] : null,
    dutyContact: small ? executive : "Duty manager",
    legal: small ? "your legal adviser" : "the legal team",
    sponsor: answers.commitment.sponsor === "yes" && sponsorRole !== "" ? sponsorRole : executive,
    sponsorTyped: answers.commitment.sponsor === "yes" && sponsorRole !== "",
  };
}

const SAFETY_WORDS: Readonly<Record<Exclude<EmergencyService, "none" | "other">, string>> = {
  "emergency-management": "floods, fires and storms",
  "public-health": "disease outbreaks and health alerts",
  water: "water outages and boil-water notices",
  "roads-transport": "road closures and transport disruption",
  "essential-services": "power and gas outages",
  "social-care": "someone at risk of harm",
};

const EMERGENCY_POST: Readonly<Record<Exclude<EmergencyService, "none" | "other">, string>> = {
  "emergency-management": "a flood or a fire",
  "public-health": "a health alert",
  water: "a water outage",
  "roads-transport": "a road closure",
  "essential-services": "an outage",
  "social-care": "someone at risk",
};

/** Council-style request examples, only for the topics the council itself named. */
const COUNCIL_REQUESTS: Partial<Readonly<Record<ContentiousTopic, string>>> = {
  waste: "missed collections",
  "roads-parking": "potholes and parking",
  "rates-fees": "questions about a rates bill",
  planning: "questions about a planning application",
  housing: "housing enquiries",
  "community-safety": "reports of antisocial behaviour",
};

function requestExamples(answers: AssessmentAnswers): string {
  const type = answers.organisation.orgType;
  const topics = answers.organisation.contentiousTopics;
  const services = answers.organisation.emergencyServices;
  if (type === "council") {
    const named = topics.flatMap((topic) => {
      const words = COUNCIL_REQUESTS[topic];
      return words ? [words] : [];
    });
    const examples = named.length > 0 ? named.slice(0, 3) : ["reports of a problem", "questions about a service"];
    return joinList([...examples, "bookings"].slice(0, 3));
  }
  if (type === "non-profit") return "requests for help or advice, and referrals";
  if (
    type === "statutory-body" &&
    services.some((service) => service === "water" || service === "essential-services")
  ) {
    return "faults, outages and questions about a bill";
  }
  if (type === "statutory-body" && services.includes("roads-transport")) {
    return "service disruption, lost property and questions about fares";
  }
  if (type === "statutory-body" && services.includes("public-health")) {
    return "questions about appointments, waiting times and where to get care";
  }
  return "questions about an application, a payment or a case";
}

function peopleServed(type: OrganisationType): string {
  if (type === "council") return "residents";
  if (type === "non-profit") return "the people you support";
  if (type === "statutory-body") return "customers and the public";
  return "the people you serve";
}

/**
 * Builds the profile.
 *
 * Rules: size from staff numbers (under 200 small, under 2,000 medium, else large); a solo team is
 * one person or fewer (an unknown number is not assumed to be one); the emergency role comes from emergency-related
 * services or the emergency purpose. Roles then follow type and size (see `rolesFor`).
 */
export function organisationProfile(answers: AssessmentAnswers): OrganisationProfile {
  const { organisation, capacity, stakeholders } = answers;
  const size = sizeBand(organisation.staffCount);
  const people = capacity.teamPeople;
  const soloTeam = people !== "unknown" && people <= 1;
  const services = organisation.emergencyServices.filter((service) => service !== "none");
  const emergencyRole = services.length > 0 || stakeholders.purposes.includes("emergency");
  const named = services.flatMap((service) => (service === "other" ? [] : [service]));
  const safety = named.length > 0 ? joinList(named.slice(0, 3).map((service) => SAFETY_WORDS[service])) : "";
  const emergencyPost =
    named.length > 0
      ? joinList(
          named.slice(0, 2).map((service) => EMERGENCY_POST[service]),
          "or",
        )
      : "an emergency";
  return {
    type: organisation.orgType,
    size,
    soloTeam,
    emergencyRole,
    roles: rolesFor(answers, size, soloTeam, emergencyRole),
    vocabulary: {
      peopleServed: peopleServed(organisation.orgType),
      requestExamples: requestExamples(answers),
      safetyExamples: safety
        ? `${safety}; anyone at risk of harm`
        : "threats of violence, self-harm, or anyone else at risk of harm",
      emergencyPost,
      otherRoutes:
        organisation.orgType === "council"
          ? "the phone, email and the front counter"
          : organisation.orgType === "non-profit"
            ? "the phone, email and appointments"
            : organisation.orgType === "other"
              ? "the phone and email"
              : "the phone, online forms and email",
      offPageExamples:
        organisation.orgType === "council"
          ? "local community groups, neighbourhood sites and news comments"
          : organisation.orgType === "national-agency" || organisation.orgType === "state-agency"
            ? "forums, news comments and other people's pages"
            : "community groups, forums and news comments",
    },
  };
}
