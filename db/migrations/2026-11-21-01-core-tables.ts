// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("organisation_id", "text", (col) => col.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("questionnaire_version", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("assessments_organisation_id_idx").on("assessments").column("organisation_id").execute();

  await db.schema
    .createTable("respondents")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("access_token_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_seen_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("respondents_assessment_id_idx").on("respondents").column("assessment_id").execute();

  await db.schema
    .createTable("answers")
    .addColumn("respondent_id", "text", (col) => col.notNull().references("respondents.id").onDelete("cascade"))
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("value_json", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("answers_pk", ["respondent_id", "question_id"])
    .execute();
  await db.schema
    .createIndex("answers_assessment_question_idx")
    .on("answers")
    .columns(["assessment_id", "question_id"])
    .execute();

  await db.schema
    .createTable("section_progress")
    .addColumn("respondent_id", "text", (col) => col.notNull().references("respondents.id").onDelete("cascade"))
    .addColumn("section_id", "text", (col) => col.notNull())
    .addColumn("completed_at", "text")
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("section_progress_pk", ["respondent_id", "section_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("section_progress").execute();
  await db.schema.dropTable("answers").execute();
  await db.schema.dropTable("respondents").execute();
  await db.schema.dropTable("assessments").execute();
  await db.schema.dropTable("organisations").execute();
}
