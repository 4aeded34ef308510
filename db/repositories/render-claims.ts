/**
 * Leases on rendering a file, shared by every server process on the database (see the
 * `render_claims` migration). Every query names the assessment as well as the file's key.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

export type RenderClaim = { assessmentId: string; key: string; owner: string };

/**
 * Claims the file for `owner` for `leaseMs`, unless another owner holds an unexpired claim.
 * True when `owner` now holds it. One statement, so two processes can never both succeed:
 * the row's primary key lets one insert through, and the other's update applies only to an
 * expired lease (or its own).
 */
export async function claimRender(db: Db, claim: RenderClaim & { leaseMs: number; now?: Date }): Promise<boolean> {
  const now = claim.now ?? new Date();
  const nowText = now.toISOString();
  const expires = new Date(now.getTime() + claim.leaseMs).toISOString();
  const row = await db
    .insertInto("render_claims")
    .values({
      assessment_id: claim.assessmentId,
      file_key: claim.key,
      owner: claim.owner,
      claimed_at: nowText,
      expires_at: expires,
    })
    .onConflict((conflict) =>
      conflict
        .columns(["assessment_id", "file_key"])
        .doUpdateSet({ owner: claim.owner, claimed_at: nowText, expires_at: expires })
        .where((eb) =>
          eb.or([eb("render_claims.expires_at", "<=", nowText), eb("render_claims.owner", "=", claim.owner)]),
        ),
    )
    .returning("owner")
    .executeTakeFirst();
  return row?.owner === claim.owner;
}

/** Extends `owner`'s claim by `leaseMs` from now. False when the claim is no longer theirs. */
export async function renewRenderClaim(db: Db, claim: RenderClaim & { leaseMs: number; now?: Date }): Promise<boolean> {
  const now = claim.now ?? new Date();
  const result = await db
    .updateTable("render_claims")
    .set({ expires_at: new Date(now.getTime() + claim.leaseMs).toISOString() })
    .where("assessment_id", "=", claim.assessmentId)
    .where("file_key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives up `owner`'s claim (the render ended); another owner's claim is left alone. */
export async function releaseRenderClaim(db: Db, claim: RenderClaim): Promise<void> {
  await db
    .deleteFrom("render_claims")
    .where("assessment_id", "=", claim.assessmentId)
    .where("file_key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .execute();
}

/** Whether anyone holds an unexpired claim on the file. */
export async function renderClaimed(
  db: Db,
  input: { assessmentId: string; key: string; now?: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom("render_claims")
    .select("owner")
    .where("assessment_id", "=", input.assessmentId)
    .where("file_key", "=", input.key)
    .where("expires_at", ">", (input.now ?? new Date()).toISOString())
    .executeTakeFirst();
  return row !== undefined;
}
