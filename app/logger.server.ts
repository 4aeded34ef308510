/**
 * One structured (JSON) log for the process, written with pino to standard output.
 *
 * A private link is the only key to an assessment, so nothing that reaches the log may hold
 * one: paths are masked (`maskPath`), query strings dropped, cookies and authorization headers
 * redacted, and messages and errors scrubbed of anything shaped like a link's key
 * (`scrubTokens`) in case a library puts a URL in an error message.
 */
import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";
import { LOG_LEVELS, type LogLevel } from "./config.server";

export type { Logger } from "pino";

/** What replaces a private link's key in anything logged. */
export const TOKEN_MASK = "[token]";

// A key is 43 base64url characters; anything from 40 such characters on is treated as one
// (a 64-character hex key too). Request ids (UUIDs, 36) and asset hashes (8) are shorter.
const TOKEN_LIKE = /^[A-Za-z0-9_-]{40,}$/;
const TOKEN_LIKE_IN_TEXT = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;
// The segment after /a/ or /r/ (in any case: routes match case-insensitively).
const TOKEN_ROUTE_IN_TEXT = /(\/(?:[aArR]|[jJ][oO][iI][nN])\/)[^/?#\s"'<>]+/g;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A request's path as it may be logged: no query string or fragment, the segment after any
 * `/a/` or `/r/` (a private or read-only link's key) replaced by `[token]`, and so is any
 * other segment long and random enough to be a key. A `.data` suffix (Remix's data requests)
 * is kept, so the log still says what kind of request it was. Accepts a path or a whole URL.
 */
export function maskPath(url: string): string {
  let pathOnly = url.split(/[?#]/, 1)[0] ?? "";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathOnly)) {
    const afterScheme = pathOnly.indexOf("//") + 2;
    const slash = pathOnly.indexOf("/", afterScheme);
    pathOnly = slash === -1 ? "/" : pathOnly.slice(slash);
  }
  const segments = pathOnly.split("/");
  for (let index = 1; index < segments.length; index += 1) {
    const segment = segments[index] ?? "";
    if (segment === "") continue;
    const previous = decodeSegment(segments[index - 1] ?? "").trim();
    const decoded = decodeSegment(segment);
    const bare = decoded.replace(/\.data$/, "");
    if (/^(?:[ar]|join)$/i.test(previous) || TOKEN_LIKE.test(bare)) {
      segments[index] = decoded.endsWith(".data") ? `${TOKEN_MASK}.data` : TOKEN_MASK;
    }
  }
  return segments.join("/") || "/";
}

/** Free text (a message, an error's stack) with anything that could be a link's key masked. */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_ROUTE_IN_TEXT, `$1${TOKEN_MASK}`).replace(TOKEN_LIKE_IN_TEXT, TOKEN_MASK);
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrubTokens(error) : error;
  const serialized = stdSerializers.err(error);
  serialized.message = scrubTokens(serialized.message);
  if (serialized.stack) serialized.stack = scrubTokens(serialized.stack);
  return serialized;
}

/** Headers that are never logged, wherever a request or response object ends up in a line. */
const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["proxy-authorization"]',
  "headers.cookie",
  "headers.authorization",
  'headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
];

/** A logger writing JSON lines to `destination` (standard output by default). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    // Readable level names and ISO times: operators read these lines as well as machines.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    hooks: {
      // Messages are scrubbed too: a message built from a URL must not carry a key.
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubTokens(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

declare global {
  // One logger per process, shared by the server and the Remix build (bundled separately).
  var __appLogger: Logger | undefined;
}

/**
 * The process's logger, at the configured LOG_LEVEL. Scripts and benchmarks that use app code
 * without the server (and so without a checked configuration) still get one: logging must
 * never be what stops them, so a missing or unknown LOG_LEVEL there means "info".
 */
export function getLogger(): Logger {
  globalThis.__appLogger ??= createLogger(globalThis.__appConfig?.logLevel ?? levelFromEnv(process.env.LOG_LEVEL));
  return globalThis.__appLogger;
}

function levelFromEnv(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return LOG_LEVELS.find((known) => known === level) ?? "info";
}

/** Makes `logger` the process's logger (the server does this before loading the app). */
export function setLogger(logger: Logger): void {
  globalThis.__appLogger = logger;
}
