// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/**
 * Who completed the assessment is now asked as two answers, a name and a role, so browsers can
 * fill in each (autocomplete "name" and "organization-title"). `name` keeps the name; the role
 * goes here. Rows written before this hold "name, role" as one line in `name` and no role: they
 * are shown as they were typed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").addColumn("job_title", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").dropColumn("job_title").execute();
}
