import { createHash, randomBytes } from "node:crypto";
import { findRespondentByTokenHash, type RespondentContext } from "../db/repositories/assessments";
import { db } from "./db.server";
import { notFound } from "./http";

/** 32 random bytes, base64url: 256 bits, 43 characters, safe in a URL path. */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Whether a token has the shape of one this app makes (43 base64url characters). */
export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_FORMAT.test(token);
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Finds who a private link belongs to, or throws a 404 (the same for malformed and unknown links,
 * so the response says nothing about which links exist).
 */
export async function requireRespondent(token: string | undefined): Promise<RespondentContext> {
  if (!isWellFormedToken(token)) throw notFound();
  const respondent = await findRespondentByTokenHash(db, hashAccessToken(token));
  if (!respondent) throw notFound();
  return respondent;
}

/**
 * As `requireRespondent`, for the pages only the assessment's owner may use (replacing the link,
 * sharing the report, deleting the assessment). Anyone else gets the same 404 as a wrong link.
 */
export async function requireOwner(token: string | undefined): Promise<RespondentContext> {
  const respondent = await requireRespondent(token);
  // A workspace member's key answers questions and reads the report; the link's own pages
  // (replacing it, sharing, deleting) belong to whoever holds the private link.
  if (respondent.role !== "owner" || respondent.viaMemberKey) throw notFound();
  return respondent;
}
