// `npm run db:migrate`: brings the database at DATABASE_URL up to date and says what it did.
import { loadEnvFile } from "./env";
import { describeDatabase, openDatabase, parseDatabaseUrl } from "./connection";
import { migrateToLatest } from "./migrator";

loadEnvFile();
const url = process.env.DATABASE_URL;
const db = openDatabase(url);
try {
  const results = await migrateToLatest(db);
  const where = describeDatabase(parseDatabaseUrl(url));
  if (results.length === 0) console.log(`Database ${where} is already up to date.`);
  for (const result of results) console.log(`Applied ${result.migrationName} to ${where}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
