import { createHash, randomBytes } from "node:crypto";
import { findRespondentByTokenHash, type RespondentContext } from "../db/repositories/assessments";
import { db } from "./db.server";
import { notFound } from "./http";

/** 32 random bytes, base64url: 256 bits, 43 characters, safe in a URL path. */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Finds who a private link belongs to, or throws a 404 (the same for malformed and unknown links,
 * so the response says nothing about which links exist).
 */
export async function requireRespondent(token: string | undefined): Promise<RespondentContext> {
  if (!token || !TOKEN_FORMAT.test(token)) throw notFound();
  const respondent = await findRespondentByTokenHash(db, hashAccessToken(token));
  if (!respondent) throw notFound();
  return respondent;
}
