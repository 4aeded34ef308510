import type { HeadersFunction } from "@remix-run/node";

/**
 * The service pages hold nothing about any one person or assessment, so browsers and shared
 * caches may keep them for an hour, unless someone is signed in (the header names them). NOTE: a cached copy repeats its CSP nonce to everyone who
 * gets it; that is safe here because these pages show no one's input, so there is nothing into
 * which a script could be injected to take advantage of a known nonce.
 */
export const publicPageHeaders: HeadersFunction = ({ parentHeaders }) =>
  // Signed in, the header names the person: the root said so (app/accounts/header-account.server.ts).
  parentHeaders.get("Cache-Control")?.includes("private")
    ? { "Cache-Control": "private, no-store", Vary: "Cookie" }
    : { "Cache-Control": "public, max-age=3600", Vary: "Cookie" };
