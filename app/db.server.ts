import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { connectDatabase } from "./database.server";

declare global {
  // Vite's dev server re-runs this module on every change; keep one connection per process.
  // The production server opens the database itself before loading the app, and sets this.
  var __engagementDb: Promise<Kysely<Database>> | undefined;
}

globalThis.__engagementDb ??= connectDatabase();

/**
 * The app's database, migrated to the latest version. Migrations run once, when the server
 * first loads this module (at start-up, since the server imports the whole build).
 */
export const db: Kysely<Database> = await globalThis.__engagementDb;
