// Frozen once committed: add a new migration instead of editing this one.
import type { Kysely } from "kysely";

/**
 * Two-step sign-in with an authenticator app (issue 13, item 1).
 *
 * - `two_step_settings`: one row per person who has started or finished setting it up. `secret`
 *   is the base32 TOTP key the app was given (see README "Two-step sign-in" for why it is not
 *   encrypted here). `confirmed_at` is null while the person is still setting it up (the app has
 *   not yet given a right code): two-step is on only once it is set. `last_used_step` is the
 *   30-second step of the last code accepted, so the same code cannot be used twice.
 * - `recovery_codes`: ten per person, each stored only as a hash; `used_at` marks one used.
 * - `two_step_challenges`: a sign-in whose password was right and whose code is still to come.
 *   `id` is the SHA-256 (hex) of the random value in the short-lived cookie; `next_path` is where
 *   to go afterwards. Rows last five minutes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("two_step_settings")
    .addColumn("user_id", "text", (col) => col.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("secret", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("confirmed_at", "text")
    // A 30-second step since 1970 (about 59 million now) fits an integer until the year 4000.
    .addColumn("last_used_step", "integer")
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("recovery_codes_user_id_idx")
    .on("recovery_codes")
    .columns(["user_id", "code_hash"])
    .execute();

  await db.schema
    .createTable("two_step_challenges")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("next_path", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("two_step_challenges_user_id_idx")
    .on("two_step_challenges")
    .columns(["user_id", "expires_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("two_step_challenges").execute();
  await db.schema.dropTable("recovery_codes").execute();
  await db.schema.dropTable("two_step_settings").execute();
}
