import type { LimitName, LimitStore } from "../server/limits";

/**
 * What the production server (server/index.ts) passes to every loader and action. The
 * development server passes nothing, so every field is optional.
 */
export type Refusal = {
  /**
   * 400: an HTTP/1.1 request without Host; 403: a form from another site; 405: a method the app does not take; 413: too large;
   * 429: over a rate limit (server/limits.ts); 503: too busy to make a PDF (the app's answer,
   * replaced by the server with this page).
   */
  status: 400 | 403 | 405 | 413 | 429 | 503;
  /** The path the refused request was for (no query string), for a link back to it. */
  path: string;
  /** For 429: which limit, so the page can say what was limited. */
  limit?: LimitName;
  /** For 429 and 503: when to try again, as sent in Retry-After. */
  retryAfterSeconds?: number;
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The id of this request in the log (and its X-Request-Id header). */
    requestId?: string;
    /** Set when the server refused the request and asks the app for the page explaining why. */
    refusal?: Refusal;
    /** The client's address as Express sees it (TRUST_PROXY decides how far X-Forwarded-For is believed). */
    clientAddress?: string;
    /** The server's rate-limit counters, for limits an action applies itself (signing in). */
    limits?: LimitStore;
  }
}
