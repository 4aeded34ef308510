// Frozen once committed: add a new migration instead of editing this one.
import { sql, type Kysely } from "kysely";

/**
 * Consultant accounts: people, the workspaces they belong to, their sign-in sessions and a
 * record of what happened (issue 13, first part). Anonymous assessments (`/a/<token>`) are
 * untouched: nothing here refers to them yet.
 *
 * - `users`: `email` is stored normalised (trimmed, lower case) and is unique, so two accounts
 *   cannot differ only by case. `password_hash` is nullable so single sign-on can come later.
 * - `workspaces` and `workspace_members`: one row per person per workspace with their role
 *   (owner, consultant or viewer; what each may do is a map in code, not a table).
 * - `sessions`: `id` is the SHA-256 (hex) of the random value in the cookie; the cookie value
 *   itself is never stored. No IP address is kept; `user_agent` is a short summary such as
 *   "Chrome on Linux" for the list of devices.
 * - `audit_events`: who did what and when. `workspace_id` is null for events that belong to no
 *   workspace (signing in and out). Rows stay when a session goes; they go with their workspace.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("email", "text", (col) => col.notNull().unique())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("workspaces")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("workspace_members")
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (col) => col.notNull().check(sql<boolean>`role in ('owner', 'consultant', 'viewer')`))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("workspace_members_pk", ["workspace_id", "user_id"])
    .execute();
  // A person's workspaces are read at every sign-in and in the header.
  await db.schema.createIndex("workspace_members_user_id_idx").on("workspace_members").column("user_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").columns(["user_id", "expires_at"]).execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("workspace_id", "text", (col) => col.references("workspaces.id").onDelete("cascade"))
    .addColumn("actor_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("subject", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("detail_json", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("audit_events_workspace_id_idx")
    .on("audit_events")
    .columns(["workspace_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("audit_events_actor_user_id_idx")
    .on("audit_events")
    .columns(["actor_user_id", "created_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_events").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("workspace_members").execute();
  await db.schema.dropTable("workspaces").execute();
  await db.schema.dropTable("users").execute();
}
