/**
 * Backups of the SQLite database with SQLite's online backup API (better-sqlite3's `backup()`):
 * a consistent copy taken while the app keeps running and writing, page by page, restarting by
 * itself if a write lands mid-copy. Each backup is checked (`PRAGMA integrity_check`) before it
 * is given its final name, so a file in the backup folder is always a whole, sound database.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/** Where backups go unless BACKUP_DIR says otherwise. */
export const DEFAULT_BACKUP_DIR = "./data/backups";

export type BackupResult = { file: string; bytes: number; pages: number };

/** `2026-11-29T18-20-05Z`: sorts by time, and is a valid file name everywhere. */
export function backupTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

/** "ok", or what SQLite found wrong. */
export function integrityCheck(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

function assertAppDatabase(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { name: string } | undefined;
    if (!table)
      throw new Error(`${file} is an SQLite database, but not one of this app's (it has no migrations table).`);
  } catch (error) {
    if (error instanceof SQLite.SqliteError) throw new Error(`${file} is not an SQLite database: ${error.message}`);
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Copies the live database at `sourceFile` into `backupDir` as
 * `<name>-<timestamp>.sqlite` and returns where. The copy is a single self-contained file
 * (rollback journal, not WAL), checked before it gets its final name.
 */
export async function backupDatabase(sourceFile: string, backupDir: string, now = new Date()): Promise<BackupResult> {
  if (!existsSync(sourceFile)) throw new Error(`There is no database at ${sourceFile} to back up.`);
  mkdirSync(backupDir, { recursive: true });
  const name = `${path.basename(sourceFile).replace(/\.(sqlite3?|db)$/i, "")}-${backupTimestamp(now)}.sqlite`;
  const file = path.join(backupDir, name);
  const partial = `${file}.partial`;
  if (existsSync(file)) throw new Error(`${file} already exists: wait a second and run the backup again.`);

  const source = new SQLite(sourceFile, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma("busy_timeout = 5000");
    // NOTE: all pages in one step. Copied 100 pages a step (the default), the backup starts
    // again whenever the app writes between two steps, so a busy database bigger than 100 pages
    // was never backed up at all. One step reads one snapshot; in WAL mode the app's writes go on
    // meanwhile.
    const metadata = await source.backup(partial, { progress: () => 0x7fffffff });
    pages = metadata.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }

  const copy = new SQLite(partial, { fileMustExist: true });
  try {
    // One file, no -wal or -shm beside it: easy to move, copy and restore.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  const check = integrityCheck(partial);
  if (check !== "ok") {
    rmSync(partial, { force: true });
    throw new Error(`The backup failed its integrity check (${check}); nothing was kept.`);
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, pages };
}

/**
 * Restores `backupFile` into the database at `targetFile`, through SQLite's backup API (so an
 * existing database's write-ahead log is handled, not left stale beside a new file). Checks
 * the backup first, refuses to replace an existing database unless `replace` is set, and checks
 * the result. Stop the server first: it would otherwise keep answering from the old data in
 * the PDFs it holds in memory, and a save in flight could land on either side of the restore.
 */
export async function restoreDatabase(
  backupFile: string,
  targetFile: string,
  options: { replace?: boolean } = {},
): Promise<{ pages: number }> {
  if (!existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}.`);
  assertAppDatabase(backupFile);
  const check = integrityCheck(backupFile);
  if (check !== "ok") throw new Error(`The backup ${backupFile} failed its integrity check: ${check}`);
  if (existsSync(targetFile) && !options.replace) {
    throw new Error(
      `There is already a database at ${targetFile}. To replace it, run the restore again with --replace.`,
    );
  }
  mkdirSync(path.dirname(targetFile), { recursive: true });

  const backup = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    pages = (await backup.backup(targetFile)).totalPages;
  } finally {
    backup.close();
  }
  const target = new SQLite(targetFile, { fileMustExist: true });
  try {
    target.pragma("journal_mode = WAL");
  } finally {
    target.close();
  }
  const after = integrityCheck(targetFile);
  if (after !== "ok") throw new Error(`The restored database failed its integrity check: ${after}`);
  return { pages };
}
