/**
 * How long data is kept. Assessments nobody answered are removed after EMPTY_ASSESSMENT_DAYS
 * (default 30); expired sign-in sessions, members' keys and two-step sign-ins waiting for a code
 * are removed once expired; everything else is kept until its owner deletes it (see README,
 * "Security and privacy"). Shared by the app's periodic job and `npm run db:cleanup`.
 */
import type { Kysely } from "kysely";
import { deleteEmptyAssessments } from "./repositories/assessments";
import type { Database } from "./schema";

export const DEFAULT_EMPTY_ASSESSMENT_DAYS = 30;
const MAX_EMPTY_ASSESSMENT_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads EMPTY_ASSESSMENT_DAYS: a whole number of days from 1 to 3650, or unset for the default.
 * Throws a message naming the variable for anything else, so a typo stops the server at start
 * rather than deleting on the wrong schedule.
 */
export function parseEmptyAssessmentDays(value: string | undefined): number {
  const text = value?.trim() ?? "";
  if (text === "") return DEFAULT_EMPTY_ASSESSMENT_DAYS;
  const days = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EMPTY_ASSESSMENT_DAYS) {
    throw new Error(
      `EMPTY_ASSESSMENT_DAYS must be a whole number of days from 1 to ${MAX_EMPTY_ASSESSMENT_DAYS} (it is "${text}").`,
    );
  }
  return days;
}

/** Removes assessments with no answers created more than `days` days before `now`; returns how many. */
export async function removeEmptyAssessments(
  db: Kysely<Database>,
  input: { days: number; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  return deleteEmptyAssessments(db, { createdBefore: new Date(now.getTime() - input.days * DAY_MS) });
}

export type ExpiredRemoved = { sessions: number; memberKeys: number; twoStepChallenges: number };

/**
 * Removes sign-in sessions, members' keys and two-step sign-ins waiting for a code whose time ran
 * out before `now`. None of them opens anything once expired (every lookup compares the expiry);
 * each is also cleared for its own person when they next sign in or make a key, and this sweeps
 * the rest, such as those of people who never come back.
 */
export async function removeExpiredKeys(db: Kysely<Database>, now: Date = new Date()): Promise<ExpiredRemoved> {
  const at = now.toISOString();
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<=", at).executeTakeFirst();
  const memberKeys = await db.deleteFrom("member_keys").where("expires_at", "<=", at).executeTakeFirst();
  const challenges = await db.deleteFrom("two_step_challenges").where("expires_at", "<=", at).executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    memberKeys: Number(memberKeys.numDeletedRows),
    twoStepChallenges: Number(challenges.numDeletedRows),
  };
}
