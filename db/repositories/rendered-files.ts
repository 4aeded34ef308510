/**
 * Finished files (the report PDF) kept in the database, so a download reads one row. Every query
 * takes the assessment's id and filters by it in the query itself: a key from one assessment can
 * never reach another's file, even if two assessments' reports were identical.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

export type RenderedFile = {
  key: string;
  kind: string;
  pageSize: string;
  bytes: Buffer;
  pageCount: number;
  /** JSON the renderer wrote about the layout (page counts), for the next render to reuse. */
  layoutJson: string;
  createdAt: string;
};

export type NewRenderedFile = Omit<RenderedFile, "createdAt"> & { assessmentId: string; now?: Date };

/** The file with this key for this assessment, or null. One indexed row (the primary key). */
export async function findRenderedFile(
  db: Db,
  input: { assessmentId: string; key: string },
): Promise<RenderedFile | null> {
  const row = await db
    .selectFrom("rendered_files")
    .select(["file_key", "kind", "page_size", "bytes", "page_count", "layout_json", "created_at"])
    .where("assessment_id", "=", input.assessmentId)
    .where("file_key", "=", input.key)
    .executeTakeFirst();
  if (!row) return null;
  return {
    key: row.file_key,
    kind: row.kind,
    pageSize: row.page_size,
    bytes: row.bytes,
    pageCount: row.page_count,
    layoutJson: row.layout_json,
    createdAt: row.created_at,
  };
}

/** Whether the assessment has the file with this key, without reading its bytes. */
export async function renderedFileExists(db: Db, input: { assessmentId: string; key: string }): Promise<boolean> {
  const row = await db
    .selectFrom("rendered_files")
    .select("page_count")
    .where("assessment_id", "=", input.assessmentId)
    .where("file_key", "=", input.key)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Keeps a finished file. Saving a key that is already there (another process rendered the same
 * file meanwhile) keeps the first: both show exactly the same thing.
 */
export async function saveRenderedFile(db: Db, file: NewRenderedFile): Promise<void> {
  await db
    .insertInto("rendered_files")
    .values({
      assessment_id: file.assessmentId,
      file_key: file.key,
      kind: file.kind,
      page_size: file.pageSize,
      bytes: file.bytes,
      byte_length: file.bytes.byteLength,
      page_count: file.pageCount,
      layout_json: file.layoutJson,
      created_at: (file.now ?? new Date()).toISOString(),
    })
    .onConflict((conflict) => conflict.columns(["assessment_id", "file_key"]).doNothing())
    .execute();
}

/**
 * The layout of the newest file of this kind and page size for the assessment (current or not),
 * which the next render of the same document can start from. Never the bytes.
 */
export async function latestRenderedLayout(
  db: Db,
  input: { assessmentId: string; kind: string; pageSize: string },
): Promise<{ pageCount: number; layoutJson: string } | null> {
  const row = await db
    .selectFrom("rendered_files")
    .select(["page_count", "layout_json"])
    .where("assessment_id", "=", input.assessmentId)
    .where("kind", "=", input.kind)
    .where("page_size", "=", input.pageSize)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { pageCount: row.page_count, layoutJson: row.layout_json } : null;
}

/**
 * Removes the assessment's files whose key is not in `currentKeys`: they show an older version
 * of the report (an answer, a name or a link has changed since). Returns how many went.
 */
export async function deleteRenderedFilesExcept(
  db: Db,
  input: { assessmentId: string; currentKeys: readonly string[] },
): Promise<number> {
  let query = db.deleteFrom("rendered_files").where("assessment_id", "=", input.assessmentId);
  if (input.currentKeys.length > 0) query = query.where("file_key", "not in", [...input.currentKeys]);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The keys and sizes of an assessment's files (for tests and diagnostics). */
export async function listRenderedFiles(
  db: Db,
  assessmentId: string,
): Promise<{ key: string; kind: string; pageSize: string; byteLength: number; pageCount: number }[]> {
  const rows = await db
    .selectFrom("rendered_files")
    .select(["file_key", "kind", "page_size", "byte_length", "page_count"])
    .where("assessment_id", "=", assessmentId)
    .orderBy("created_at")
    .orderBy("file_key")
    .execute();
  return rows.map((row) => ({
    key: row.file_key,
    kind: row.kind,
    pageSize: row.page_size,
    byteLength: row.byte_length,
    pageCount: row.page_count,
  }));
}
