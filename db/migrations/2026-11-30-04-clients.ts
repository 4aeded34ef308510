// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/**
 * Clients (issue 13): an organisation with a `workspace_id` is one of that workspace's clients;
 * without one it is an anonymous self-serve assessment's organisation, exactly as before.
 *
 * - `organisations.workspace_id`: the workspace the organisation is a client of, or null. Every
 *   query that reads workspace data filters on it (in the repositories).
 * - `organisations.client_name`: the name the consultant gave the client. The `name` column keeps
 *   following the organisation-name answer, so a client keeps the name the workspace knows it by
 *   even when an assessment's answer spells it differently.
 * - `assessments.run_by_user_id`: the member who created or took over the assessment; null for
 *   anonymous ones, and once that person's account is deleted.
 * - `assessments.previous_assessment_id`: the finished assessment this one follows for the same
 *   client (a re-assessment), or null. The comparison reads the chain.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("organisations")
    .addColumn("workspace_id", "text", (col) => col.references("workspaces.id").onDelete("cascade"))
    .execute();
  await db.schema.alterTable("organisations").addColumn("client_name", "text").execute();
  await db.schema
    .createIndex("organisations_workspace_id_idx")
    .on("organisations")
    .columns(["workspace_id", "updated_at"])
    .execute();

  await db.schema
    .alterTable("assessments")
    .addColumn("run_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("assessments")
    .addColumn("previous_assessment_id", "text", (col) => col.references("assessments.id").onDelete("set null"))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessments").dropColumn("previous_assessment_id").execute();
  await db.schema.alterTable("assessments").dropColumn("run_by_user_id").execute();
  await db.schema.dropIndex("organisations_workspace_id_idx").execute();
  await db.schema.alterTable("organisations").dropColumn("client_name").execute();
  await db.schema.alterTable("organisations").dropColumn("workspace_id").execute();
}
