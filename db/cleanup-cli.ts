// `npm run db:cleanup`: removes assessments that nobody answered, created more than
// EMPTY_ASSESSMENT_DAYS days ago (default 30), and expired sign-in keys, from the database at DATABASE_URL. The server
// does the same every hour; this is for operators and scheduled jobs.
import { describeDatabase, openDatabase, parseDatabaseUrl } from "./connection";
import { loadEnvFile } from "./env";
import { migrateToLatest } from "./migrator";
import { parseEmptyAssessmentDays, removeEmptyAssessments, removeExpiredKeys } from "./retention";

loadEnvFile();
const url = process.env.DATABASE_URL;
try {
  const days = parseEmptyAssessmentDays(process.env.EMPTY_ASSESSMENT_DAYS);
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    const removed = await removeEmptyAssessments(db, { days });
    const where = describeDatabase(parseDatabaseUrl(url));
    console.log(
      `Removed ${removed} ${removed === 1 ? "assessment" : "assessments"} with no answers, older than ${days} days, from ${where}.`,
    );
    const expired = await removeExpiredKeys(db);
    console.log(
      `Removed ${expired.sessions} expired sign-in sessions, ${expired.memberKeys} members' keys and ${expired.twoStepChallenges} two-step sign-ins.`,
    );
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
