import type { Kysely } from "kysely";
import { describeDatabase, openDatabase, parseDatabaseUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import type { Database } from "../db/schema";
import { getConfig } from "./config.server";
import { getLogger } from "./logger.server";

/**
 * Opens the database at DATABASE_URL and brings it up to date, saying so in the log. Kept apart
 * from `db.server.ts`, which connects as soon as it is imported, so that the production server
 * can open the database itself (and close it at shutdown) before it loads the app.
 */
export async function connectDatabase(
  url: string | undefined = getConfig().databaseUrl,
  poolSize: number = getConfig().databasePoolSize,
): Promise<Kysely<Database>> {
  const db = openDatabase(url, { poolSize });
  const applied = await migrateToLatest(db);
  getLogger().info(
    { database: describeDatabase(parseDatabaseUrl(url)), migrationsApplied: applied.map((m) => m.migrationName) },
    applied.length > 0 ? "database migrated" : "database up to date",
  );
  return db;
}
