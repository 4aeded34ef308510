/**
 * The answers the scoring module consumes: the domain's own types and value lists.
 * The wizard's zod schemas must produce exactly these types (checked at compile time in app/).
 * Labels and wording live with the question definitions; only the values live here.
 */

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
  /** People served: residents, customers or service users (an estimate). */
  population: number;
  /** Staff, full-time equivalent (an estimate). */
  staffCount: number;
  channels: Channel[];
  /** Present only when channels includes "other". */
  channelsOther?: string | undefined;
  emergencyServices: EmergencyService[];
  emergencyServicesOther?: string | undefined;
  contentiousTopics: ContentiousTopic[];
  contentiousTopicsOther?: string | undefined;
}
