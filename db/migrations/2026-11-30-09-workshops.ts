// Frozen once committed: add a new migration instead of editing this one.
import { sql, type Kysely } from "kysely";

/**
 * Workshops (issue 14): several people of a client's team answer one assessment, the facilitator
 * sees where they disagree, and the group settles each question.
 *
 * - `workshops`: one per assessment that has been turned into a workshop.
 *   - `participant_sections_json`: the section ids participants answer (JSON text); the rest stay
 *     with the facilitator.
 *   - `names_shown`: 1 when the facilitator's view names who gave which answer, 0 when hidden.
 *   - `join_token_hash`: SHA-256 of the workshop link's token (anyone with it can join by giving a
 *     name); null when the link is turned off. The token itself is never stored.
 *   - `closed_at`: once set, participants' links show that the workshop has closed and save nothing.
 * - `workshop_participants`: a participant is a respondent of the assessment (role
 *   "participant", their own private link in `respondents.access_token_hash`, their own answers and
 *   section progress). This table holds what only a participant has: the name they are shown by,
 *   a case-folded copy for uniqueness among current participants, how they joined, and when the
 *   facilitator removed them (their answers then leave every count, but are kept until the
 *   assessment is deleted).
 * - `workshop_settlements`: the group's answer to one question, which is also written to the owner
 *   respondent's answers so the report is built from it. `revision` starts at 1 and grows with each
 *   change, so a facilitator who settles from an older view is shown the newer decision first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("workshops")
    .addColumn("assessment_id", "text", (col) => col.primaryKey().references("assessments.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (col) => col.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("created_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("participant_sections_json", "text", (col) => col.notNull())
    .addColumn("names_shown", "integer", (col) => col.notNull())
    .addColumn("join_token_hash", "text", (col) => col.unique())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("workshops_workspace_id_idx").on("workshops").column("workspace_id").execute();

  await db.schema
    .createTable("workshop_participants")
    .addColumn("respondent_id", "text", (col) => col.primaryKey().references("respondents.id").onDelete("cascade"))
    .addColumn("assessment_id", "text", (col) =>
      col.notNull().references("workshops.assessment_id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("name_key", "text", (col) => col.notNull())
    .addColumn("role_label", "text")
    .addColumn("joined_via", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("removed_at", "text")
    .execute();
  // Two current participants cannot share a name; a removed participant's name is free again.
  await sql`create unique index workshop_participants_name_idx on workshop_participants (assessment_id, name_key) where removed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("workshop_settlements")
    .addColumn("assessment_id", "text", (col) =>
      col.notNull().references("workshops.assessment_id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("value_json", "text", (col) => col.notNull())
    .addColumn("reason", "text")
    .addColumn("settled_by_user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("settled_at", "text", (col) => col.notNull())
    .addColumn("revision", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("workshop_settlements_pk", ["assessment_id", "question_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("workshop_settlements").execute();
  await db.schema.dropIndex("workshop_participants_name_idx").execute();
  await db.schema.dropTable("workshop_participants").execute();
  await db.schema.dropIndex("workshops_workspace_id_idx").execute();
  await db.schema.dropTable("workshops").execute();
}
