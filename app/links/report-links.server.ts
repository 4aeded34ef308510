/**
 * Read-only report links and replacing the private link: the app's side of `db/repositories/links`.
 * Tokens are made, hashed and sealed here; the repository stores hashes and sealed tokens only.
 */
import { randomBytes } from "node:crypto";
import type { RespondentContext } from "../../db/repositories/assessments";
import {
  createReportLink,
  findReportLink,
  findReportLinkByTokenHash,
  listReportLinks,
  replaceEditLink,
  type ReportLink,
  type ReportLinkAccess,
} from "../../db/repositories/links";
import { hashAccessToken, isWellFormedToken, newAccessToken } from "../assessment-access.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { readOnlyReportPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { sealReportToken, unsealReportToken } from "./link-seal.server";

/** Link ids appear in the owner's revoke addresses: 16 random bytes, base64url. */
const LINK_ID_FORMAT = /^[A-Za-z0-9_-]{22}$/;

export function isWellFormedLinkId(id: string | undefined): id is string {
  return id !== undefined && LINK_ID_FORMAT.test(id);
}

/** How long the page after creating a link shows it, so a reload does not lose it. */
export const NEW_LINK_SHOWN_FOR_MS = 10 * 60 * 1000;

/**
 * Finds the assessment a read-only link opens, or throws the same 404 as an unknown private
 * link (for malformed, unknown and revoked links alike).
 */
export async function requireReportLink(token: string | undefined): Promise<ReportLinkAccess> {
  if (!isWellFormedToken(token)) throw notFound();
  const access = await findReportLinkByTokenHash(db, hashAccessToken(token));
  if (!access) throw notFound();
  return access;
}

/** A read-only link's full address, from the app's public address (never the request's Host). */
export function reportLinkUrl(request: Request, reportToken: string): string {
  return `${publicOrigin(request)}${readOnlyReportPath(reportToken)}`;
}

function sealScope(owner: RespondentContext, editToken: string, linkId: string) {
  return { editToken, assessmentId: owner.assessmentId, linkId };
}

/** The token of one of the owner's links, when it can be unsealed with their private link. */
export function reportLinkToken(owner: RespondentContext, editToken: string, link: ReportLink): string | null {
  return link.sealedToken ? unsealReportToken(link.sealedToken, sealScope(owner, editToken, link.id)) : null;
}

/**
 * The link the owner's PDF names as its accessible version: their newest read-only link that
 * still works, with its address and label, or null when there is none (the PDF then says to ask
 * for the link).
 */
export async function newestReportLink(
  owner: RespondentContext,
  editToken: string,
  request: Request,
): Promise<{ url: string; label: string | null } | null> {
  for (const link of await listReportLinks(db, owner.assessmentId)) {
    const token = reportLinkToken(owner, editToken, link);
    if (token) return { url: reportLinkUrl(request, token), label: link.label };
  }
  return null;
}

/** Creates a read-only link for the owner's assessment and returns its id. */
export async function createReportLinkFor(
  owner: RespondentContext,
  editToken: string,
  label: string | null,
): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  const token = newAccessToken();
  await createReportLink(db, {
    assessmentId: owner.assessmentId,
    id,
    tokenHash: hashAccessToken(token),
    sealedToken: sealReportToken(token, sealScope(owner, editToken, id)),
    label,
  });
  return id;
}

/**
 * A link just created, with its token, for the page that shows it once. Undefined for another
 * assessment's link, a revoked one, or one created more than `NEW_LINK_SHOWN_FOR_MS` ago.
 */
export async function newlyCreatedReportLink(
  owner: RespondentContext,
  editToken: string,
  linkId: string,
  now = new Date(),
): Promise<{ link: ReportLink; token: string } | undefined> {
  const link = await findReportLink(db, { assessmentId: owner.assessmentId, linkId });
  if (!link || link.revokedAt) return undefined;
  if (now.getTime() - Date.parse(link.createdAt) > NEW_LINK_SHOWN_FOR_MS) return undefined;
  const token = reportLinkToken(owner, editToken, link);
  return token ? { link, token } : undefined;
}

/**
 * Replaces the owner's private link with a new one and returns its token, or null when the old
 * one had already been replaced (two tabs racing). The old link stops working when this returns.
 * Read-only links keep working; their sealed tokens move to the new link's key.
 */
export async function replaceEditLinkFor(owner: RespondentContext, editToken: string): Promise<string | null> {
  const newToken = newAccessToken();
  const replaced = await replaceEditLink(db, {
    assessmentId: owner.assessmentId,
    respondentId: owner.respondentId,
    currentTokenHash: hashAccessToken(editToken),
    newTokenHash: hashAccessToken(newToken),
    reseal: ({ id, sealedToken }) => {
      const token = unsealReportToken(sealedToken, sealScope(owner, editToken, id));
      return token ? sealReportToken(token, sealScope(owner, newToken, id)) : null;
    },
  });
  return replaced ? newToken : null;
}
