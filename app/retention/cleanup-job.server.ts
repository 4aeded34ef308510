/**
 * The periodic job that removes assessments nobody answered and expired sign-in keys (see
 * `db/retention.ts`). Started
 * with the server; every server process may run it, since removing is idempotent.
 */
import { parseEmptyAssessmentDays, removeEmptyAssessments, removeExpiredKeys } from "../../db/retention";
import { db } from "../db.server";

/** Soon after start, then hourly: an abandoned assessment outlives its limit by an hour at most. */
const FIRST_RUN_AFTER_MS = 30_000;
const EVERY_MS = 60 * 60 * 1000;

type CleanupJob = { stop: () => void; runNow: () => Promise<number> };

declare global {
  // One job per process, also when the Vite dev server reloads this module.
  var __emptyAssessmentCleanup: CleanupJob | undefined;
}

/**
 * Starts the job (once per process) and returns it. Reads EMPTY_ASSESSMENT_DAYS now, so a bad
 * value stops the server at start with a message naming it. The timers never keep the process
 * alive on their own.
 */
export function startEmptyAssessmentCleanup(): CleanupJob {
  if (globalThis.__emptyAssessmentCleanup) return globalThis.__emptyAssessmentCleanup;
  const days = parseEmptyAssessmentDays(process.env.EMPTY_ASSESSMENT_DAYS);
  let running: Promise<number> | null = null;

  function runNow(): Promise<number> {
    // A slow run is never overlapped by the next.
    running ??= removeEmptyAssessments(db, { days })
      .then(async (removed) => {
        if (removed > 0)
          console.log(`[cleanup] removed ${removed} assessments with no answers older than ${days} days`);
        const expired = await removeExpiredKeys(db);
        const keys = expired.sessions + expired.memberKeys + expired.twoStepChallenges;
        if (keys > 0)
          console.log(
            `[cleanup] removed ${expired.sessions} expired sessions, ${expired.memberKeys} member keys and ${expired.twoStepChallenges} two-step sign-ins`,
          );
        return removed;
      })
      .catch((error: unknown) => {
        console.error(`[cleanup] removing empty assessments failed: ${error instanceof Error ? error.message : error}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const first = setTimeout(() => void runNow(), FIRST_RUN_AFTER_MS);
  const every = setInterval(() => void runNow(), EVERY_MS);
  first.unref();
  every.unref();
  const job: CleanupJob = {
    runNow,
    stop() {
      clearTimeout(first);
      clearInterval(every);
      globalThis.__emptyAssessmentCleanup = undefined;
    },
  };
  globalThis.__emptyAssessmentCleanup = job;
  return job;
}
