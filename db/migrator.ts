import { Migrator, type Kysely, type MigrationResult } from "kysely";
import { migrations } from "./migrations/migration-list";

/** Runs every pending migration. Throws, naming the migration, if one fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error");
    const name = failed ? ` "${failed.migrationName}"` : "";
    throw new Error(`Database migration${name} failed: ${describe(error)}`, { cause: error });
  }
  return results;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
