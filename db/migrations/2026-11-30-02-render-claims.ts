// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/**
 * Which server process is rendering which file now, so that several processes on one database
 * render each file once: a process claims a file before rendering it, and a process that finds
 * it claimed waits for the finished row instead of rendering it again.
 *
 * - A claim is a lease: it lapses at `expires_at` unless its owner renews it, so a process that
 *   dies mid-render holds nothing for long.
 * - `owner` is a random id each process makes at start; nothing about the machine or a link.
 * - Rows go with their assessment (ON DELETE CASCADE) and when the render ends.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("render_claims")
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("file_key", "text", (col) => col.notNull())
    .addColumn("owner", "text", (col) => col.notNull())
    .addColumn("claimed_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("render_claims_pk", ["assessment_id", "file_key"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("render_claims").execute();
}
