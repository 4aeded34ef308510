// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/**
 * Read-only report links, and a record of what happened to an assessment's links.
 *
 * - `report_links`: each read-only link stores only the SHA-256 of its token. `sealed_token` is
 *   the token encrypted with a key derived from the owner's edit link (which is itself stored only
 *   as a hash), so the owner's PDF can name the link but the database alone cannot open it. It is
 *   cleared when the link is revoked; the row stays, for the record, until the assessment goes.
 * - `access_events`: when an edit link was replaced and a report link created or revoked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report_links")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("sealed_token", "text")
    .addColumn("label", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("report_links_assessment_id_idx").on("report_links").column("assessment_id").execute();

  await db.schema
    .createTable("access_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("event", "text", (col) => col.notNull())
    .addColumn("report_link_id", "text", (col) => col.references("report_links.id").onDelete("cascade"))
    .addColumn("occurred_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("access_events_assessment_id_idx")
    .on("access_events")
    .columns(["assessment_id", "occurred_at"])
    .execute();
  // Finding empty assessments to remove reads assessments by age.
  await db.schema.createIndex("assessments_created_at_idx").on("assessments").column("created_at").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assessments_created_at_idx").execute();
  await db.schema.dropTable("access_events").execute();
  await db.schema.dropTable("report_links").execute();
}
