/**
 * Who is signed in. The browser holds a random value in a cookie; the database holds only its
 * SHA-256 (db/repositories/sessions.ts). Each helper does one job:
 *
 * - `getSignedInUser(request)`: the person signed in, or null;
 * - `requireUser(request)`: the person, or a redirect to sign in and come back;
 * - `requireAnonymous(request)`: a redirect home for pages only signed-out people need.
 *
 * The cookie is HttpOnly, SameSite=Lax and Path=/. When PUBLIC_BASE_URL is https it is Secure
 * and named `__Host-session`, which browsers accept only from a secure page, for the whole site
 * and without a Domain, so no other host can set or shadow it. SameSite=Lax, with no change
 * of state on GET, is what stops other sites posting forms as the person (and the server's
 * Origin check refuses such posts too).
 */
import { createHash, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { findActiveSession, SESSION_TTL_MS, type ActiveSession } from "../../db/repositories/sessions";
import { listWorkspacesForUser } from "../../db/repositories/workspaces";
import { getConfig } from "../config.server";
import { db } from "../db.server";
import { SESSIONS_PATH, SIGN_IN_PATH, workspacePath } from "./account-paths";

export type SignedInUser = ActiveSession & {
  /** Whether this request moved the session's expiry on, so the cookie should be sent again. */
  extended: boolean;
};

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Whether the app is reached over HTTPS, by its configured public address. */
function servedOverHttps(): boolean {
  return getConfig().publicBaseUrl.startsWith("https:");
}

export function sessionCookieName(): string {
  return servedOverHttps() ? "__Host-session" : "session";
}

/** A new cookie value: 32 random bytes, base64url (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The session's id in the database: the SHA-256 of the cookie value, in hex. */
export function sessionIdFor(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function cookieAttributes(maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${servedOverHttps() ? "; Secure" : ""}`;
}

/** The Set-Cookie value that signs this browser in (or keeps it signed in) for 30 days. */
export function sessionCookie(token: string): string {
  return `${sessionCookieName()}=${token}; ${cookieAttributes(Math.floor(SESSION_TTL_MS / 1000))}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${cookieAttributes(0)}`;
}

/** The session cookie's value, if the request carries a well-formed one. */
export function sessionTokenOf(request: Request): string | undefined {
  const name = sessionCookieName();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    if (TOKEN_FORMAT.test(value)) return value;
  }
  return undefined;
}

// The root loader and the page's own loader both ask, in parallel: look up once per request.
const lookups = new WeakMap<Request, Promise<SignedInUser | null>>();

/** The person signed in on this request, or null. Using a session extends it (at most once a minute). */
export function getSignedInUser(request: Request): Promise<SignedInUser | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = lookUp(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function lookUp(request: Request): Promise<SignedInUser | null> {
  const token = sessionTokenOf(request);
  if (!token) return null;
  const now = new Date();
  const session = await findActiveSession(db, sessionIdFor(token), now);
  if (!session) return null;
  return { ...session, extended: session.lastUsedAt === now.toISOString() };
}

/**
 * A path to return to after signing in, or undefined if `value` is not a path on this site:
 * it must start with one "/" (not "//" or "/\", which browsers read as another site), and hold
 * no control characters or backslashes.
 */
export function safeNextPath(value: string | null | undefined): string | undefined {
  if (!value || value.length > 1000) return undefined;
  if (!value.startsWith("/") || value.startsWith("//")) return undefined;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, "http://app.invalid");
  } catch {
    return undefined;
  }
  if (url.origin !== "http://app.invalid") return undefined;
  return url.pathname + url.search;
}

/** Where to send someone to sign in and then come back to `request`'s page. */
export function signInPathFor(request: Request): string {
  const url = new URL(request.url);
  const next = safeNextPath(url.pathname + url.search);
  return next && next !== "/" ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH;
}

/** The person signed in, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await getSignedInUser(request);
  if (!user) throw redirect(signInPathFor(request));
  return user;
}

/** Where a signed-in person's pages start: their first workspace. */
export async function homePathFor(userId: string): Promise<string> {
  const [first] = await listWorkspacesForUser(db, userId);
  return first ? workspacePath(first.workspaceId) : SESSIONS_PATH;
}

/** For the sign-in and sign-up pages: a signed-in person is sent to their workspace instead. */
export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getSignedInUser(request);
  if (user) throw redirect(await homePathFor(user.userId));
}
