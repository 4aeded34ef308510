// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/** When a respondent finished the assessment (checked every answer and confirmed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").addColumn("submitted_at", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").dropColumn("submitted_at").execute();
}
