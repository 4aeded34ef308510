// `npm run db:restore -- <backup file> [--replace]`: puts a backup made by `npm run db:backup`
// back at DATABASE_URL. Stop the server first. An existing database is replaced only with
// --replace, and is itself backed up to BACKUP_DIR first, so a restore can be undone.
import path from "node:path";
import { existsSync } from "node:fs";
import { backupDatabase, DEFAULT_BACKUP_DIR, restoreDatabase } from "./backup";
import { sqliteFileOf } from "./connection";
import { loadEnvFile } from "./env";

loadEnvFile();
const args = process.argv.slice(2);
const replace = args.includes("--replace");
const backupFile = args.find((arg) => !arg.startsWith("--"));
try {
  if (!backupFile) throw new Error("Name the backup to restore: npm run db:restore -- data/backups/<file>.sqlite");
  const target = sqliteFileOf(process.env.DATABASE_URL, "restore");
  if (target === ":memory:") throw new Error("DATABASE_URL is an in-memory database: there is nowhere to restore to.");
  if (existsSync(target) && replace) {
    const dir = path.resolve(process.env.BACKUP_DIR?.trim() || DEFAULT_BACKUP_DIR);
    const safety = await backupDatabase(target, dir);
    console.log(`Kept the database being replaced as ${safety.file}`);
  }
  await restoreDatabase(path.resolve(backupFile), target, { replace });
  console.log(`Restored ${path.resolve(backupFile)}`);
  console.log(`to ${target} (integrity check ok). Start the server again.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
