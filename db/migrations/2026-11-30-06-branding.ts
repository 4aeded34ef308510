// Frozen once committed: add a new migration instead of editing this one.
import { sql, type Kysely } from "kysely";
import { binaryColumnType } from "../dialect";

/**
 * A workspace's branding (issue 13): its logo and accent colour. The name it is shown under is
 * `workspaces.name`. One row per workspace, written only when the owner first saves branding.
 *
 * - `logo_png`: the logo as we re-encoded it (PNG, metadata stripped, scaled to fit), never the
 *   uploaded bytes; with its size in pixels and the SHA-256 of these bytes, which names the
 *   logo in cache keys and image addresses. The four logo columns are all set or all null.
 * - `accent_colour`: `#rrggbb` in lower case, checked for contrast with white before it is saved.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("workspace_branding")
    .addColumn("workspace_id", "text", (col) => col.primaryKey().references("workspaces.id").onDelete("cascade"))
    .addColumn("logo_png", binaryColumnType(db))
    .addColumn("logo_width", "integer")
    .addColumn("logo_height", "integer")
    .addColumn("logo_sha256", "text")
    .addColumn("logo_updated_at", "text")
    .addColumn("accent_colour", "text", (col) =>
      col.check(sql<boolean>`accent_colour is null or length(accent_colour) = 7`),
    )
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addCheckConstraint(
      "workspace_branding_logo_whole",
      sql`(logo_png is null and logo_width is null and logo_height is null and logo_sha256 is null and logo_updated_at is null)
        or (logo_png is not null and logo_width is not null and logo_height is not null and logo_sha256 is not null and logo_updated_at is not null)`,
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("workspace_branding").execute();
}
