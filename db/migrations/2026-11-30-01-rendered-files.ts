// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";
import { binaryColumnType } from "../dialect";

/**
 * Finished PDFs, kept so that a download reads one row instead of rendering, in every server
 * process on the database and after a restart.
 *
 * - The primary key is the assessment and a SHA-256 (`file_key`) of exactly what the file shows,
 *   the render options and the renderer's version: a changed answer or address makes a new key,
 *   so an old file can never be found for a newer report.
 * - `page_count` and `layout_json` describe the layout, so the next render of the same document
 *   can skip react-pdf's second layout round when the page count still matches.
 * - The bytes are `blob` in SQLite and `bytea` in PostgreSQL (issue 12); both give a Buffer back.
 * - Rows go with their assessment (ON DELETE CASCADE) and when their key is no longer current.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rendered_files")
    .addColumn("assessment_id", "text", (col) => col.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("file_key", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("page_size", "text", (col) => col.notNull())
    .addColumn("bytes", binaryColumnType(db), (col) => col.notNull())
    .addColumn("byte_length", "integer", (col) => col.notNull())
    .addColumn("page_count", "integer", (col) => col.notNull())
    .addColumn("layout_json", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("rendered_files_pk", ["assessment_id", "file_key"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rendered_files").execute();
}
