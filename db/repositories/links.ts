/**
 * The keys to an assessment: the owner's private (edit) link and the read-only report links.
 * Only SHA-256 hashes of tokens are used to find anything. Every function that reads or changes
 * an assessment's links takes that assessment's id and filters by it in the query itself, so a
 * caller holding one assessment's link can never reach another's.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { AccessEventKind, Database } from "../schema";
import { selectRespondentContext, toRespondentContext, type RespondentContext } from "./assessments";

type Db = Kysely<Database> | Transaction<Database>;

/** Labels are short names people give a link ("Board papers, March"). */
export const REPORT_LINK_LABEL_MAX = 80;

export type ReportLink = {
  id: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The token, sealed under the owner's key (see the app's link-seal module); null once revoked. */
  sealedToken: string | null;
};

function toReportLink(row: {
  id: string;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  sealed_token: string | null;
}): ReportLink {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    sealedToken: row.sealed_token,
  };
}

async function recordEvent(
  db: Db,
  input: { assessmentId: string; event: AccessEventKind; reportLinkId?: string; now: string },
): Promise<void> {
  await db
    .insertInto("access_events")
    .values({
      id: randomUUID(),
      assessment_id: input.assessmentId,
      event: input.event,
      report_link_id: input.reportLinkId ?? null,
      occurred_at: input.now,
    })
    .execute();
}

/**
 * Replaces a respondent's private link: from now on only `newTokenHash` opens the assessment.
 * `currentTokenHash` must still be theirs, so two replacements racing each other cannot both
 * win. In the same transaction every working report link's sealed token is passed to `reseal`
 * (plain, quick work: no I/O), which seals it again under the new link's key; a link it returns
 * null for keeps its old seal. Records when it happened. Returns false, and changes nothing,
 * when the current link no longer opens this respondent's assessment.
 */
export async function replaceEditLink(
  db: Kysely<Database>,
  input: {
    assessmentId: string;
    respondentId: string;
    currentTokenHash: string;
    newTokenHash: string;
    reseal: (link: { id: string; sealedToken: string }) => string | null;
    now?: Date;
    /** More writes that belong to the same change (an audit event), in the same transaction. */
    also?: (trx: Transaction<Database>) => Promise<void>;
  },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("respondents")
      .set({ access_token_hash: input.newTokenHash, last_seen_at: now })
      .where("id", "=", input.respondentId)
      .where("assessment_id", "=", input.assessmentId)
      .where("access_token_hash", "=", input.currentTokenHash)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    const links = await trx
      .selectFrom("report_links")
      .select(["id", "sealed_token"])
      .where("assessment_id", "=", input.assessmentId)
      .where("revoked_at", "is", null)
      .execute();
    for (const link of links) {
      const sealedToken = link.sealed_token ? input.reseal({ id: link.id, sealedToken: link.sealed_token }) : null;
      if (sealedToken === null) continue;
      await trx
        .updateTable("report_links")
        .set({ sealed_token: sealedToken })
        .where("id", "=", link.id)
        .where("assessment_id", "=", input.assessmentId)
        .execute();
    }
    await recordEvent(trx, { assessmentId: input.assessmentId, event: "edit-link-replaced", now });
    if (input.also) await input.also(trx);
    return true;
  });
}

/** When the assessment's private link was last replaced, if it ever was. */
export async function lastEditLinkReplacement(db: Db, assessmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom("access_events")
    .select("occurred_at")
    .where("assessment_id", "=", assessmentId)
    .where("event", "=", "edit-link-replaced")
    .orderBy("occurred_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.occurred_at ?? null;
}

/** Everything that happened to an assessment's links, oldest first. */
export async function listAccessEvents(
  db: Db,
  assessmentId: string,
): Promise<{ event: AccessEventKind; reportLinkId: string | null; occurredAt: string }[]> {
  const rows = await db
    .selectFrom("access_events")
    .select(["event", "report_link_id", "occurred_at"])
    .where("assessment_id", "=", assessmentId)
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ event: row.event, reportLinkId: row.report_link_id, occurredAt: row.occurred_at }));
}

/**
 * Creates a read-only report link with the given id (so a form sent twice creates one link) and
 * records it. Returns false, writing nothing, when that id is already taken.
 */
export async function createReportLink(
  db: Kysely<Database>,
  input: {
    assessmentId: string;
    id: string;
    tokenHash: string;
    sealedToken: string;
    label: string | null;
    now?: Date;
  },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto("report_links")
      .values({
        id: input.id,
        assessment_id: input.assessmentId,
        token_hash: input.tokenHash,
        sealed_token: input.sealedToken,
        label: input.label,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    await recordEvent(trx, {
      assessmentId: input.assessmentId,
      event: "report-link-created",
      reportLinkId: input.id,
      now,
    });
    return true;
  });
}

/** The assessment's links that still work, newest first. */
export async function listReportLinks(db: Db, assessmentId: string): Promise<ReportLink[]> {
  const rows = await db
    .selectFrom("report_links")
    .select(["id", "label", "created_at", "last_used_at", "revoked_at", "sealed_token"])
    .where("assessment_id", "=", assessmentId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toReportLink);
}

/** One of this assessment's links, revoked or not; undefined for any other assessment's link. */
export async function findReportLink(
  db: Db,
  input: { assessmentId: string; linkId: string },
): Promise<ReportLink | undefined> {
  const row = await db
    .selectFrom("report_links")
    .select(["id", "label", "created_at", "last_used_at", "revoked_at", "sealed_token"])
    .where("id", "=", input.linkId)
    .where("assessment_id", "=", input.assessmentId)
    .executeTakeFirst();
  return row ? toReportLink(row) : undefined;
}

/**
 * Revokes one of this assessment's links: it opens nothing from now on, and its sealed token is
 * wiped. Returns false when the link is not this assessment's or was already revoked.
 */
export async function revokeReportLink(
  db: Kysely<Database>,
  input: { assessmentId: string; linkId: string; now?: Date },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("report_links")
      .set({ revoked_at: now, sealed_token: null })
      .where("id", "=", input.linkId)
      .where("assessment_id", "=", input.assessmentId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await recordEvent(trx, {
      assessmentId: input.assessmentId,
      event: "report-link-revoked",
      reportLinkId: input.linkId,
      now,
    });
    return true;
  });
}

export type ReportLinkAccess = {
  linkId: string;
  /** The assessment's owner, whose answers the report is made from. */
  owner: RespondentContext;
};

/**
 * Finds the assessment a read-only link opens, and its owner. Nothing for an unknown or revoked
 * link, or (should one ever be left) a link whose assessment has no owner.
 */
export async function findReportLinkByTokenHash(db: Db, tokenHash: string): Promise<ReportLinkAccess | undefined> {
  const link = await db
    .selectFrom("report_links")
    .select(["id", "assessment_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!link) return undefined;
  const owner = await selectRespondentContext(db)
    .where("a.id", "=", link.assessment_id)
    .where("r.role", "=", "owner")
    .orderBy("r.created_at")
    .executeTakeFirst();
  return owner ? { linkId: link.id, owner: toRespondentContext(owner) } : undefined;
}

/** Notes that someone opened the report (or its PDF) through this link. */
export async function recordReportLinkUse(
  db: Db,
  input: { assessmentId: string; linkId: string; now?: Date },
): Promise<void> {
  await db
    .updateTable("report_links")
    .set({ last_used_at: (input.now ?? new Date()).toISOString() })
    .where("id", "=", input.linkId)
    .where("assessment_id", "=", input.assessmentId)
    .where("revoked_at", "is", null)
    .execute();
}
