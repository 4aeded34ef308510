// `npm run db:backup`: copies the database at DATABASE_URL, while the app runs, into BACKUP_DIR
// (default ./data/backups) as a timestamped file, checked before it is kept.
import path from "node:path";
import { backupDatabase, DEFAULT_BACKUP_DIR } from "./backup";
import { sqliteFileOf } from "./connection";
import { loadEnvFile } from "./env";

loadEnvFile();
try {
  const source = sqliteFileOf(process.env.DATABASE_URL, "back up");
  if (source === ":memory:") throw new Error("DATABASE_URL is an in-memory database: there is nothing to back up.");
  const dir = path.resolve(process.env.BACKUP_DIR?.trim() || DEFAULT_BACKUP_DIR);
  const result = await backupDatabase(source, dir);
  console.log(`Backed up ${source}`);
  console.log(`to ${result.file} (${(result.bytes / 1024).toFixed(0)} KB, integrity check ok).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
