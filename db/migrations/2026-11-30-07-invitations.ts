// Frozen once committed: add a new migration instead of editing this one.
import { sql, type Kysely } from "kysely";

/**
 * Invitations to a workspace and password resets (issue 13). Both are links sent by email (or
 * copied by an owner); like every private link, only the SHA-256 (hex) of the token is stored.
 *
 * - `invitations`: one row per invitation, kept after it is used, withdrawn or expired so the
 *   link can answer with a clear page, and so the members page can say who invited whom.
 *   `email` is normalised (trimmed, lower case). Pending = not accepted, not withdrawn, not expired.
 * - `password_resets`: one row per reset link; `created_by_user_id` is the owner who made it for a
 *   member (when the server has no SMTP), or null when the person asked for it themselves.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull().check(sql<boolean>`role in ('owner', 'consultant', 'viewer')`))
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("invited_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("accepted_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("withdrawn_at", "text")
    .execute();
  await db.schema
    .createIndex("invitations_workspace_id_idx")
    .on("invitations")
    .columns(["workspace_id", "created_at"])
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_resets_user_id_idx").on("password_resets").column("user_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_resets").execute();
  await db.schema.dropTable("invitations").execute();
}
