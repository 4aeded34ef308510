// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/** Who the respondent is, as they describe themselves ("name, role"): shown on the report's cover. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").addColumn("name", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("respondents").dropColumn("name").execute();
}
