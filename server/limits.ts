/**
 * Rate limits, so one client cannot flood the service: new assessments per client address,
 * posts and PDF downloads per link, and a loose limit on page views per address. Each refused
 * request gets 429 with Retry-After and the app's page saying, in plain words, when to try again.
 *
 * The counters live behind `LimitStore`, in the app's own database, so limits hold across
 * restarts and count across every server process on that database: rate-limiter-flexible's
 * SQLite store in the SQLite file, or its PostgreSQL store on a PostgreSQL database. Either way
 * the library owns its table (`rate_limit_points`: counters, not records; `db:copy` leaves it)
 * and has its own connection, because it runs its own statements and must never run inside one
 * of the app's transactions (a counter written there could be rolled back with someone's save).
 *
 * Keys never hold a link: a link is keyed by a hash of it (`linkKey`), with its own label so it
 * matches nothing else stored. Addresses come from Express's `req.ip`, which believes
 * X-Forwarded-For only as far as TRUST_PROXY says.
 */
import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import SQLite from "better-sqlite3";
import type { RequestHandler } from "express";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { LimitSettings } from "../app/config.server";
import type { Logger } from "../app/logger.server";
import { openPgPool, parseDatabaseUrl } from "../db/connection";
import { localsOf } from "./guards";

export type LimitName =
  | "create"
  | "post"
  | "pdf"
  | "get"
  | "sign-up"
  | "workshop-join"
  | "sign-in-account-address"
  | "sign-in-address"
  | "sign-in-account"
  | "known-device"
  | "two-step-account-address"
  | "two-step-account"
  | "password-reset-address"
  | "password-reset-account"
  | "invitation-send";

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Where counters are kept. One call per request and limit; `key` is never a link. */
export interface LimitStore {
  /** Counts one against the limit, and says whether it was within it. */
  consume(limit: LimitName, key: string): Promise<LimitDecision>;
  /** Takes back one counted by `consume` (a sign-in that succeeded was not a failure). */
  reward(limit: LimitName, key: string): Promise<void>;
  /** Forgets the key's count altogether. */
  forget(limit: LimitName, key: string): Promise<void>;
  /** How many have been counted for the key in its current window; 0 if none. */
  count(limit: LimitName, key: string): Promise<number>;
  close(): Promise<void>;
}

/** Each limit's window in seconds; the number allowed in it comes from the configuration. */
export const LIMIT_WINDOWS: Record<LimitName, number> = {
  create: 60 * 60,
  post: 60,
  pdf: 10 * 60,
  get: 60,
  "sign-up": 60 * 60,
  "workshop-join": 60 * 60,
  "sign-in-account-address": 15 * 60,
  "sign-in-address": 60 * 60,
  "sign-in-account": 60 * 60,
  // Addresses that signed in to an account, remembered for 30 days (see app/accounts/sign-in-limits.server.ts).
  "known-device": 30 * 24 * 60 * 60,
  // Wrong two-step codes (app/accounts/sign-in-limits.server.ts).
  "two-step-account-address": 15 * 60,
  "two-step-account": 60 * 60,
  "password-reset-address": 60 * 60,
  "password-reset-account": 60 * 60,
  "invitation-send": 60 * 60,
};

export function allowedPerWindow(settings: LimitSettings): Record<LimitName, number> {
  return {
    create: settings.createPerHour,
    post: settings.postsPerMinute,
    pdf: settings.pdfsPer10Minutes,
    get: settings.getsPerMinute,
    "sign-up": settings.signUpsPerHour,
    "workshop-join": settings.workshopJoinsPerHour,
    "sign-in-account-address": settings.signInFailuresPer15Minutes,
    "sign-in-address": settings.signInFailuresPerAddressPerHour,
    "sign-in-account": settings.signInFailuresPerAccountPerHour,
    // Not a limit: a mark that is read, never refused.
    "known-device": 1_000_000,
    // A code has a million values and three are right at any time, so fewer tries than for a
    // password: as many per 15 minutes as a password, and twice that per hour across addresses.
    "two-step-account-address": settings.signInFailuresPer15Minutes,
    "two-step-account": settings.signInFailuresPer15Minutes * 2,
    "password-reset-address": settings.passwordResetsPerAddressPerHour,
    "password-reset-account": settings.passwordResetsPerAccountPerHour,
    "invitation-send": settings.invitationsPerWorkspacePerHour,
  };
}

type Limiters = Partial<Record<LimitName, RateLimiterAbstract>>;

function storeFrom(limiters: Limiters, close: () => Promise<void>): LimitStore {
  return {
    async consume(limit, key) {
      const limiter = limiters[limit];
      if (!limiter) return { allowed: true };
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (result) {
        if (result instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
        }
        throw result;
      }
    },
    async reward(limit, key) {
      await limiters[limit]?.reward(key, 1);
    },
    async forget(limit, key) {
      await limiters[limit]?.delete(key);
    },
    async count(limit, key) {
      const result = await limiters[limit]?.get(key);
      return result ? result.consumedPoints : 0;
    },
    close,
  };
}

/** Counters in an SQLite file (the app's database), shared by every process that opens it. */
export function createSqliteLimitStore(filename: string, settings: LimitSettings): LimitStore {
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  // A lost counter after a power cut costs nothing; waiting on fsync for every page view would.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("busy_timeout = 2000");
  const allowed = allowedPerWindow(settings);
  const limiters: Limiters = {};
  let tableCreated = false;
  for (const limit of Object.keys(LIMIT_WINDOWS) as LimitName[]) {
    if (allowed[limit] === 0) continue;
    limiters[limit] = new RateLimiterSQLite({
      storeClient: sqlite,
      storeType: "better-sqlite3",
      tableName: "rate_limit_points",
      tableCreated,
      // One instance clears expired rows every five minutes; the others need not.
      clearExpiredByTimeout: !tableCreated,
      keyPrefix: limit,
      points: allowed[limit],
      duration: LIMIT_WINDOWS[limit],
    });
    // better-sqlite3 creates the table synchronously in the first constructor.
    tableCreated = true;
  }
  return storeFrom(limiters, async () => {
    sqlite.close();
  });
}

/**
 * Counters in a PostgreSQL database, shared by every process on it. A small pool of its own
 * (limits are one short statement each), committing without waiting for the disk; a statement
 * that takes over two seconds is cancelled, and the request then goes through (see `rateLimits`).
 */
export async function createPostgresLimitStore(url: string, settings: LimitSettings): Promise<LimitStore> {
  // Without synchronous commit: each counted request would otherwise wait for a disk flush (an
  // upsert's median went from 0.3-0.7 ms to 0.1-0.3 ms on the benchmark machine). A crash can
  // lose the last fraction of a second of counts, which only lets a few more requests through.
  const pool = openPgPool(url, {
    max: 4,
    statementTimeoutMs: 2000,
    applicationName: "engagement-readiness-limits",
    synchronousCommit: false,
  });
  const allowed = allowedPerWindow(settings);
  const limiters: Limiters = {};
  let tableCreated = false;
  try {
    for (const limit of Object.keys(LIMIT_WINDOWS) as LimitName[]) {
      if (allowed[limit] === 0) continue;
      const options = {
        storeClient: pool,
        storeType: "pool",
        tableName: "rate_limit_points",
        tableCreated,
        clearExpiredByTimeout: !tableCreated,
        keyPrefix: limit,
        points: allowed[limit],
        duration: LIMIT_WINDOWS[limit],
      };
      // The first creates the table if it is missing (two processes starting at once is handled
      // by the library); the rest find it.
      limiters[limit] = await new Promise<RateLimiterAbstract>((resolve, reject) => {
        const limiter: RateLimiterPostgres = new RateLimiterPostgres(options, (error?: unknown) => {
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else queueMicrotask(() => resolve(limiter));
        });
      });
      tableCreated = true;
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return storeFrom(limiters, () => pool.end());
}

/** Counters in this process only: for `:memory:` databases (tests). */
export function createMemoryLimitStore(settings: LimitSettings): LimitStore {
  const allowed = allowedPerWindow(settings);
  const limiters: Limiters = {};
  for (const limit of Object.keys(LIMIT_WINDOWS) as LimitName[]) {
    if (allowed[limit] === 0) continue;
    limiters[limit] = new RateLimiterMemory({
      keyPrefix: limit,
      points: allowed[limit],
      duration: LIMIT_WINDOWS[limit],
    });
  }
  return storeFrom(limiters, async () => undefined);
}

/**
 * The counters for the app's database: in the same SQLite file or PostgreSQL database, so every
 * process on it counts together; in memory only for a `:memory:` database.
 */
export async function createLimitStore(databaseUrl: string | undefined, settings: LimitSettings): Promise<LimitStore> {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind === "postgres") return createPostgresLimitStore(location.url, settings);
  if (location.filename === ":memory:") return createMemoryLimitStore(settings);
  return createSqliteLimitStore(location.filename, settings);
}

/** A link's key in the counters: a labelled hash, never the link, and matching no stored hash. */
export function linkKey(token: string): string {
  return createHash("sha256").update(`rate-limit:${token}`).digest("base64url").slice(0, 32);
}

/**
 * A client address's key. An IPv6 client usually has a whole /64 to itself, so it is counted
 * by its /64, or it could change address for every request; IPv4 (and IPv6-mapped IPv4) by the
 * address.
 */
export function addressKey(ip: string | undefined): string {
  const address = (ip ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill("0"), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The link in a path to an assessment (`/a/<key>/...`) or a read-only report (`/r/<key>/...`). */
function linkIn(path: string): string | undefined {
  const match = /^\/[ar]\/([^/]+)/i.exec(path);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Which limits a request counts against, as [limit, key] pairs. */
export function limitsFor(method: string, path: string, ip: string | undefined): [LimitName, string][] {
  const link = linkIn(path);
  if (method === "POST") {
    // `/` starts an assessment; with JavaScript the form posts to `/_root.data`.
    if (path === "/" || path === "/_root.data") return [["create", addressKey(ip)]];
    // Sign-in is limited by its action, which knows the account (app/accounts/sign-in-limits.server.ts).
    if (path === "/sign-up" || path === "/sign-up.data") return [["sign-up", addressKey(ip)]];
    // Joining by invitation can create an account: it counts as a sign-up.
    if (/^\/invitations\/[^/]+$/i.test(path)) return [["sign-up", addressKey(ip)]];
    // Joining a workshop by its link makes a participant with a private link: limited per address
    // as sign-ups are, with its own allowance, as a room of people often shares one address.
    if (/^\/join\/[^/]+$/i.test(path)) return [["workshop-join", addressKey(ip)]];
    return link ? [["post", linkKey(link)]] : [];
  }
  if (method !== "GET" && method !== "HEAD") return [];
  const pairs: [LimitName, string][] = [["get", addressKey(ip)]];
  // The files that take a render: both PDFs and the Word document.
  if (link && /\/(report|summary)\.(pdf|docx)$/i.test(path)) pairs.push(["pdf", linkKey(link)]);
  return pairs;
}

/**
 * The middleware. A refused request is marked for the app's 429 page, with Retry-After, and is
 * not read further. If the store fails, the request goes through (a limit is a safeguard, not a
 * reason to turn people away) and the failure is logged without the key.
 */
export function rateLimits(store: LimitStore, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    try {
      let refusedBy: LimitName | undefined;
      let retryAfterSeconds = 0;
      for (const [limit, key] of limitsFor(req.method, req.path, req.ip)) {
        let decision: LimitDecision;
        try {
          decision = await store.consume(limit, key);
        } catch (error) {
          logger.warn({ err: error, limit }, "rate limit store failed: request allowed");
          continue;
        }
        if (!decision.allowed && decision.retryAfterSeconds > retryAfterSeconds) {
          refusedBy = limit;
          retryAfterSeconds = decision.retryAfterSeconds;
        }
      }
      if (refusedBy) {
        res.setHeader("Retry-After", String(retryAfterSeconds));
        localsOf(res).refusal = { status: 429, path: req.path, limit: refusedBy, retryAfterSeconds };
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
