import * as z from "zod/mini";
import { loadEnvFile } from "../../db/env";
import { DEFAULT_EMPTY_ASSESSMENT_DAYS, parseEmptyAssessmentDays } from "../../db/retention";

/**
 * What the service pages need from the operator: how people reach them, and how long empty
 * assessments are kept. Read once when the server build loads, so a mistake stops the server at
 * start with a message that names the variable, rather than showing a wrong address later.
 */
export type ServiceConfig = {
  /** Shown on the contact page as a mailto link. Never invented: absent unless configured. */
  supportEmail?: string;
  /** The operator's own words on how to reach them (a phone line, a team, opening hours). */
  supportContactText?: string;
  /** Assessments with no answers saved are removed after this many days. */
  emptyAssessmentDays: number;
};

export { DEFAULT_EMPTY_ASSESSMENT_DAYS };
const MAX_CONTACT_TEXT = 500;

type Env = Record<string, string | undefined>;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export class ServiceConfigError extends Error {}

export function readServiceConfig(env: Env): ServiceConfig {
  const supportEmail = setting(env, "SUPPORT_EMAIL");
  if (supportEmail !== undefined && !z.email().safeParse(supportEmail).success) {
    throw new ServiceConfigError(
      `SUPPORT_EMAIL must be an email address, like help@example.org; it is "${supportEmail}". Leave it unset to hide the email line on the contact page.`,
    );
  }
  const supportContactText = setting(env, "SUPPORT_CONTACT_TEXT")?.replace(/\s+/g, " ");
  if (supportContactText !== undefined && supportContactText.length > MAX_CONTACT_TEXT) {
    throw new ServiceConfigError(
      `SUPPORT_CONTACT_TEXT must be at most ${MAX_CONTACT_TEXT} characters; it has ${supportContactText.length}.`,
    );
  }
  let emptyAssessmentDays: number;
  try {
    // One rule for the privacy notice and the job that removes them (db/retention.ts).
    emptyAssessmentDays = parseEmptyAssessmentDays(env.EMPTY_ASSESSMENT_DAYS);
  } catch (error) {
    throw new ServiceConfigError(error instanceof Error ? error.message : String(error));
  }
  return { supportEmail, supportContactText, emptyAssessmentDays };
}

// NOTE: evaluated when the server build is imported, before it listens: a bad setting stops the
// start instead of surfacing on the first visit to the contact page. `.env` is read first (it
// never overrides the real environment), as the database module does, whichever loads first.
loadEnvFile();
export const serviceConfig: ServiceConfig = readServiceConfig(process.env);
