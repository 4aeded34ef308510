/**
 * The keys in invitation and password reset links: 32 random bytes, base64url (43 characters).
 * Only their SHA-256 (hex) is stored, so a copy of the database opens nothing. Links are built
 * from PUBLIC_BASE_URL, never from the request's Host.
 */
import { createHash, randomBytes } from "node:crypto";
import { publicOrigin } from "../public-url.server";

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token; undefined for something that cannot be one (answered as unknown). */
export function linkTokenHash(token: string | undefined): string | undefined {
  if (!token || !TOKEN_FORMAT.test(token)) return undefined;
  return createHash("sha256").update(token).digest("hex");
}

/** The absolute address of `path` on this service. */
export function publicLink(path: string): string {
  return `${publicOrigin()}${path}`;
}
