import type { Kysely } from "kysely";
import { openDatabase, parseDatabaseUrl } from "../db/connection";
import { loadEnvFile } from "../db/env";
import { migrateToLatest } from "../db/migrator";
import type { Database } from "../db/schema";

declare global {
  // Vite's dev server re-runs this module on every change; keep one connection per process.
  var __engagementDb: Promise<Kysely<Database>> | undefined;
}

async function connect(): Promise<Kysely<Database>> {
  loadEnvFile();
  const url = process.env.DATABASE_URL;
  const db = openDatabase(url);
  const applied = await migrateToLatest(db);
  const where = parseDatabaseUrl(url).filename;
  const note = applied.length > 0 ? `applied ${applied.map((m) => m.migrationName).join(", ")}` : "up to date";
  console.log(`Database ready at ${where} (${note})`);
  return db;
}

globalThis.__engagementDb ??= connect();

/**
 * The app's database, migrated to the latest version. Migrations run once, when the server
 * first loads this module (at start-up, since remix-serve imports the whole build).
 */
export const db: Kysely<Database> = await globalThis.__engagementDb;
