/**
 * Copies a whole deployment's database to another, such as a SQLite file to a new PostgreSQL
 * database when one process is no longer enough (`npm run db:copy`). Either way round works.
 *
 * - The source must be up to date (every migration applied) and is only read, inside one read
 *   transaction, so the copy is of one moment even if the app is still running on it.
 * - The target is brought up to date, must hold no data, and is written in one transaction: a
 *   failure part way leaves it exactly as empty as it was.
 * - Every table of the app's schema is copied, parents before children. The rate-limit counters
 *   (`rate_limit_points`, owned by the rate-limit library, not part of the schema) are not:
 *   they are short-lived and start again at zero.
 * - After writing, and before committing, each table's row count in the target is checked
 *   against the source's.
 */
import { Migrator, sql, type Kysely, type Transaction } from "kysely";
import { describeDatabase, openDatabase, parseDatabaseUrl } from "./connection";
import { countFrom } from "./dialect";
import { migrateToLatest } from "./migrator";
import { migrations } from "./migrations/migration-list";
import type { Database } from "./schema";

type TableName = keyof Database;

/** Every table, parents first, each with the columns that order it (its primary key). */
export const COPIED_TABLES: readonly { table: TableName; orderBy: readonly string[]; rowsPerBatch: number }[] = [
  // People and workspaces first: clients and assessments refer to them.
  { table: "users", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "workspaces", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "workspace_members", orderBy: ["workspace_id", "user_id"], rowsPerBatch: 500 },
  { table: "organisations", orderBy: ["id"], rowsPerBatch: 500 },
  // Oldest first: a re-assessment refers to the assessment it follows, always created before it.
  { table: "assessments", orderBy: ["created_at", "id"], rowsPerBatch: 500 },
  { table: "respondents", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "answers", orderBy: ["respondent_id", "question_id"], rowsPerBatch: 500 },
  { table: "section_progress", orderBy: ["respondent_id", "section_id"], rowsPerBatch: 500 },
  // Workshops refer to their assessment, participants to their respondent.
  { table: "workshops", orderBy: ["assessment_id"], rowsPerBatch: 500 },
  { table: "workshop_participants", orderBy: ["respondent_id"], rowsPerBatch: 500 },
  { table: "workshop_settlements", orderBy: ["assessment_id", "question_id"], rowsPerBatch: 500 },
  { table: "report_links", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "access_events", orderBy: ["id"], rowsPerBatch: 500 },
  // Finished PDFs: a few hundred kilobytes each, so a few at a time.
  { table: "rendered_files", orderBy: ["assessment_id", "file_key"], rowsPerBatch: 8 },
  { table: "render_claims", orderBy: ["assessment_id", "file_key"], rowsPerBatch: 500 },
  // Logos: at most a few hundred kilobytes each (600 by 240 pixels, PNG).
  { table: "workspace_branding", orderBy: ["workspace_id"], rowsPerBatch: 8 },
  // Sessions are copied so that people stay signed in across the move.
  { table: "sessions", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "audit_events", orderBy: ["id"], rowsPerBatch: 500 },
  // Members' keys to answer a client's assessment (12 hours each).
  { table: "member_keys", orderBy: ["token_hash"], rowsPerBatch: 500 },
  { table: "invitations", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "password_resets", orderBy: ["id"], rowsPerBatch: 500 },
  // Two-step sign-in: keys, recovery codes' hashes, and sign-ins waiting for a code (5 minutes).
  { table: "two_step_settings", orderBy: ["user_id"], rowsPerBatch: 500 },
  { table: "recovery_codes", orderBy: ["id"], rowsPerBatch: 500 },
  { table: "two_step_challenges", orderBy: ["id"], rowsPerBatch: 500 },
];

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefusedError";
  }
}

export type CopyResult = { table: TableName; rows: number }[];

export type CopyOptions = {
  /** Called after each table is written, before the counts are checked (progress; tests). */
  onTable?: (table: TableName, rows: number) => void | Promise<void>;
};

/** Copies the database at `fromUrl` into the empty database at `toUrl`. */
export async function copyDatabase(fromUrl: string, toUrl: string, options: CopyOptions = {}): Promise<CopyResult> {
  const from = parseDatabaseUrl(fromUrl);
  const to = parseDatabaseUrl(toUrl);
  if (describeDatabase(from) === describeDatabase(to)) {
    throw new CopyRefusedError("--from and --to name the same database: nothing to copy.");
  }
  if (from.kind === "sqlite" && from.filename === ":memory:") {
    throw new CopyRefusedError("--from is an in-memory database, which holds nothing once its process ends.");
  }
  const source = openDatabase(fromUrl);
  const target = openDatabase(toUrl);
  try {
    await checkUpToDate(source, describeDatabase(from));
    await migrateToLatest(target);
    const withData = await tablesWithRows(target);
    if (withData.length > 0) {
      throw new CopyRefusedError(
        `${describeDatabase(to)} already holds data (${withData.join(", ")}). db:copy writes only into an empty database, so nothing is overwritten or mixed: create a new database and copy into that.`,
      );
    }
    return await source.transaction().execute(async (read) =>
      target.transaction().execute(async (write) => {
        const result: CopyResult = [];
        for (const { table, orderBy, rowsPerBatch } of COPIED_TABLES) {
          const rows = await copyTable(read, write, table, orderBy, rowsPerBatch);
          await options.onTable?.(table, rows);
          result.push({ table, rows });
        }
        for (const { table, rows } of result) {
          const written = await countRows(write, table);
          if (written !== rows) {
            throw new Error(`${table}: ${rows} rows read but ${written} in the target. Nothing was copied.`);
          }
        }
        return result;
      }),
    );
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

/** Refuses a source with migrations still to run: its tables would not match the target's. */
async function checkUpToDate(db: Kysely<Database>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const pending = (await migrator.getMigrations()).filter((migration) => migration.executedAt === undefined);
  if (pending.length === Object.keys(migrations).length) {
    throw new CopyRefusedError(`${name} holds no assessments database: check --from.`);
  }
  if (pending.length > 0) {
    throw new CopyRefusedError(
      `${name} is not up to date (${pending.length} migration${pending.length === 1 ? "" : "s"} to run). Run \`npm run db:migrate\` with DATABASE_URL set to it, then copy again.`,
    );
  }
}

async function tablesWithRows(db: Kysely<Database>): Promise<string[]> {
  const tables: string[] = [];
  for (const { table } of COPIED_TABLES) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`1`.as("one"))
      .limit(1)
      .executeTakeFirst();
    if (row) tables.push(table);
  }
  return tables;
}

async function countRows(db: Transaction<Database>, table: TableName): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return countFrom(row.count);
}

async function copyTable(
  read: Transaction<Database>,
  write: Transaction<Database>,
  table: TableName,
  orderBy: readonly string[],
  rowsPerBatch: number,
): Promise<number> {
  let copied = 0;
  for (;;) {
    let query = read.selectFrom(table).selectAll();
    for (const column of orderBy) query = query.orderBy(sql.ref(column));
    const rows = (await query.limit(rowsPerBatch).offset(copied).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return copied;
    // The rows go back into the table they came from, column for column.
    await write
      .insertInto(table)
      .values(rows as Parameters<ReturnType<typeof write.insertInto<typeof table>>["values"]>[0])
      .execute();
    copied += rows.length;
    if (rows.length < rowsPerBatch) return copied;
  }
}
