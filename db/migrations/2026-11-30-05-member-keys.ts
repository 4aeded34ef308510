// Frozen once committed: add a new migration instead of editing this one.
import { sql, type Kysely } from "kysely";

/**
 * Member keys (issue 13, clients): a workspace member who answers a client's assessment in the
 * workspace gets a short-lived key of their own, so the existing wizard at `/a/<key>/` works
 * unchanged and the executive's private link is never shown to them or replaced.
 *
 * - `token_hash`: SHA-256 (hex) of a fresh 43-character token; the token itself is never stored.
 * - `respondent_id`: whose answers the key opens (the assessment's owner respondent).
 * - `user_id`, `workspace_id`: who minted it and in which workspace. The lookup accepts the key
 *   only while that person is still an owner or consultant of that workspace and the
 *   assessment's organisation still belongs to it.
 * - `expires_at`: 12 hours after `created_at`; compared as ISO-8601 text.
 *
 * Also:
 * - `assessments.taken_over_at`: when a member took an anonymously started assessment into the
 *   workspace (null otherwise), so its list can say the client's executive started it.
 * - a unique index on each workspace's client names ignoring case (the form checks first and says
 *   so plainly; the index settles two people creating the same name at once).
 * - an index for the client list's "last activity": each client's newest assessment change.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("member_keys")
    .addColumn("token_hash", "text", (col) => col.primaryKey())
    .addColumn("respondent_id", "text", (col) => col.notNull().references("respondents.id").onDelete("cascade"))
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("member_keys_respondent_id_idx").on("member_keys").column("respondent_id").execute();
  await db.schema.createIndex("member_keys_user_id_idx").on("member_keys").column("user_id").execute();
  await db.schema.alterTable("assessments").addColumn("taken_over_at", "text").execute();
  await sql`create unique index organisations_client_name_idx on organisations (workspace_id, lower(client_name))`.execute(
    db,
  );
  await db.schema
    .createIndex("assessments_organisation_updated_idx")
    .on("assessments")
    .columns(["organisation_id", "updated_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assessments_organisation_updated_idx").execute();
  await db.schema.dropIndex("organisations_client_name_idx").execute();
  await db.schema.alterTable("assessments").dropColumn("taken_over_at").execute();
  await db.schema.dropTable("member_keys").execute();
}
