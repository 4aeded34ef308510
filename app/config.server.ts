/**
 * The server's configuration, read from the environment once at start-up and checked with one
 * zod schema, so a mistake stops the server with a message that names the variable instead of
 * surfacing later as a wrong link or a refused form. See README, "Configuration".
 */
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_BACKUP_DIR } from "../db/backup";
import { DEFAULT_POOL_SIZE, parseDatabaseUrl } from "../db/connection";
import { loadEnvFile } from "../db/env";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Express's "trust proxy": nobody, the nearest N hops, or these addresses and subnets. */
export type TrustProxy = false | number | string[];

export type AppConfig = {
  mode: "production" | "development" | "test";
  /** The address people use to reach the app, as an origin: scheme, host and port, no slash. */
  publicBaseUrl: string;
  /**
   * "configured" when PUBLIC_BASE_URL was given. "fallback" is `http://localhost:<PORT>`, for
   * development, tests and `npm start` on one's own computer; the server then checks a form's
   * Origin against the request's Host as Remix does, since the fallback is only a guess.
   */
  publicBaseUrlSource: "configured" | "fallback";
  trustProxy: TrustProxy;
  port: number;
  /** Address to listen on; undefined listens on every interface. */
  host: string | undefined;
  logLevel: LogLevel;
  /** As given (a path, a `file:` URL or a `postgres://` URL); undefined means the default SQLite file. */
  databaseUrl: string | undefined;
  /** PostgreSQL only: the most connections each server process opens. */
  databasePoolSize: number;
  shutdownTimeoutMs: number;
  /** Where `npm run db:backup` writes, as an absolute path. */
  backupDir: string;
  /** How many of each limited action are allowed in its window; 0 turns that limit off. */
  limits: LimitSettings;
  /**
   * Where email goes (invitations, password resets): an `smtp://` or `smtps://` URL, or undefined
   * when the server sends no email (owners then copy the links). Never logged: it may hold a password.
   */
  smtpUrl: string | undefined;
  /** The From of every email, such as `Engagement readiness <no-reply@readiness.example.org>`. */
  mailFrom: string;
};

/**
 * The rate limits (server/limits.ts), each a number of requests per window; 0 turns one off.
 * The defaults are far above what a person or a workshop does, and far below what a script
 * flooding the service would.
 */
export type LimitSettings = {
  /** New assessments (`POST /`) per client address per hour. */
  createPerHour: number;
  /** Posts (saving a page, adding or removing an item) per link per minute. */
  postsPerMinute: number;
  /** PDF downloads per link per 10 minutes. */
  pdfsPer10Minutes: number;
  /** Page views (GET and HEAD, files excepted) per client address per minute. */
  getsPerMinute: number;
  /** New accounts (`POST /sign-up`) per client address per hour. */
  signUpsPerHour: number;
  /**
   * Joins through a workshop link (`POST /join/<token>`) per client address per hour. Higher than
   * sign-ups: a whole room of people often shares one address (the client's office network).
   */
  workshopJoinsPerHour: number;
  /** Failed sign-ins to one account from one client address per 15 minutes. */
  signInFailuresPer15Minutes: number;
  /** Failed sign-ins from one client address, to any accounts, per hour. */
  signInFailuresPerAddressPerHour: number;
  /**
   * Failed sign-ins to one account from all addresses per hour. Past it, only addresses that
   * have signed in to the account before may still try (README, "Accounts").
   */
  signInFailuresPerAccountPerHour: number;
  /** Password reset requests (`POST /forgot-password`) from one client address per hour. */
  passwordResetsPerAddressPerHour: number;
  /** Password reset emails to one account per hour, from all addresses. */
  passwordResetsPerAccountPerHour: number;
  /** Invitations made in one workspace per hour. */
  invitationsPerWorkspacePerHour: number;
};

export const DEFAULT_LIMITS: LimitSettings = {
  createPerHour: 60,
  postsPerMinute: 120,
  pdfsPer10Minutes: 30,
  getsPerMinute: 1200,
  signUpsPerHour: 10,
  workshopJoinsPerHour: 60,
  signInFailuresPer15Minutes: 5,
  signInFailuresPerAddressPerHour: 50,
  signInFailuresPerAccountPerHour: 100,
  passwordResetsPerAddressPerHour: 10,
  passwordResetsPerAccountPerHour: 3,
  invitationsPerWorkspacePerHour: 50,
};

export type ConfigOptions = {
  /**
   * `npm start`: the app runs on one's own computer to try it, so the public address may fall
   * back to `http://localhost:<PORT>` even in production mode. `npm run serve` never does.
   */
  local?: boolean;
};

/** Every problem found, each naming its variable, so all can be fixed in one go. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The server cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

const NAMED_SUBNETS = new Set(["loopback", "linklocal", "uniquelocal"]);
const TRUST_PROXY_HELP =
  "give the number of proxies in front of the app (such as 1) or their addresses or subnets, separated by commas (such as 10.0.0.1 or 10.0.0.0/8)";

/** Treats `NAME=` (an empty value, as in a copied `.env.example`) as not set. */
const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);

function parsePublicBaseUrl(value: string, ctx: z.RefinementCtx): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not an absolute address such as https://readiness.example.org`,
    });
    return z.NEVER;
  }
  const problems: string[] = [];
  if (url.protocol !== "https:" && url.protocol !== "http:") problems.push("must start with https:// or http://");
  if (url.username || url.password) problems.push("must not contain a user name or password");
  if (url.pathname !== "/") problems.push("must not have a path: the app is served at the root of its address");
  if (url.search || url.hash) problems.push("must not have a query or fragment");
  for (const message of problems) ctx.addIssue({ code: "custom", message: `"${value}" ${message}` });
  return problems.length > 0 ? z.NEVER : url.origin;
}

function parseTrustProxy(value: string | undefined, ctx: z.RefinementCtx): TrustProxy {
  if (value === undefined || value === "false" || value === "0") return false;
  if (value === "true") {
    ctx.addIssue({
      code: "custom",
      message: `"true" would let any client choose its own address with X-Forwarded-For; ${TRUST_PROXY_HELP}`,
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) {
      ctx.addIssue({ code: "custom", message: `${hops} proxies is more than any real set-up; ${TRUST_PROXY_HELP}` });
      return z.NEVER;
    }
    return hops;
  }
  const entries = value.split(",").map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (bad.length > 0) {
    ctx.addIssue({ code: "custom", message: `"${bad.join('", "')}" is not an address or subnet; ${TRUST_PROXY_HELP}` });
    return z.NEVER;
  }
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_SUBNETS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A limit: a whole number of requests, 0 (no limit) up to a million. */
function limitNumber(fallback: number) {
  return optionalText.transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (!/^\d{1,7}$/.test(value) || Number(value) > 1_000_000) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a whole number from 0 (no limit) to 1000000` });
      return z.NEVER;
    }
    return Number(value);
  });
}

function parseSmtpUrl(value: string, ctx: z.RefinementCtx): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // NOTE: the value is not repeated in the message: it may hold a password.
    ctx.addIssue({ code: "custom", message: "is not a URL such as smtp://user:password@mail.example.org:587" });
    return z.NEVER;
  }
  const problems: string[] = [];
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") problems.push("must start with smtp:// or smtps://");
  if (!url.hostname) problems.push("must name the mail server, such as smtp://mail.example.org:587");
  if (url.pathname && url.pathname !== "/") problems.push("must not have a path");
  if (url.port && (Number(url.port) < 1 || Number(url.port) > 65535)) problems.push("has a port out of range");
  for (const message of problems) ctx.addIssue({ code: "custom", message });
  return problems.length > 0 ? z.NEVER : value;
}

// A display name (optional) and one address in angle brackets, or a bare address; one line.
const MAIL_FROM_SHAPE = /^(?:[^<>\r\n]{1,100} <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(
    (value) => (value === undefined || value === "" ? "development" : value),
    z.enum(["production", "development", "test"], { message: 'must be "production", "development" or "test"' }),
  ),
  PUBLIC_BASE_URL: optionalText.transform((value, ctx) =>
    value === undefined ? undefined : parsePublicBaseUrl(value, ctx),
  ),
  TRUST_PROXY: optionalText.transform((value, ctx) => parseTrustProxy(value, ctx)),
  PORT: optionalText.transform((value, ctx) => {
    if (value === undefined) return 3000;
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a port number (0 to 65535)` });
      return z.NEVER;
    }
    return Number(value);
  }),
  HOST: optionalText.refine((value) => value === undefined || /^[\w.:[\]-]+$/.test(value), {
    message: "must be a host name or an IP address to listen on, such as 127.0.0.1 or ::",
  }),
  LOG_LEVEL: optionalText
    .transform((value) => value?.toLowerCase() ?? "info")
    .pipe(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` })),
  DATABASE_URL: optionalText.superRefine((value, ctx) => {
    try {
      parseDatabaseUrl(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
  }),
  DATABASE_POOL_SIZE: optionalText.transform((value, ctx) => {
    if (value === undefined) return DEFAULT_POOL_SIZE;
    if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 100) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a number of connections from 1 to 100 (each server process opens up to this many)`,
      });
      return z.NEVER;
    }
    return Number(value);
  }),
  SHUTDOWN_TIMEOUT_SECONDS: optionalText.transform((value, ctx) => {
    if (value === undefined) return 10;
    const seconds = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 600) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a number of seconds between 0 and 600` });
      return z.NEVER;
    }
    return seconds;
  }),
  BACKUP_DIR: optionalText,
  RATE_LIMIT_CREATE_PER_HOUR: limitNumber(DEFAULT_LIMITS.createPerHour),
  RATE_LIMIT_POSTS_PER_MINUTE: limitNumber(DEFAULT_LIMITS.postsPerMinute),
  RATE_LIMIT_PDFS_PER_10_MINUTES: limitNumber(DEFAULT_LIMITS.pdfsPer10Minutes),
  RATE_LIMIT_GETS_PER_MINUTE: limitNumber(DEFAULT_LIMITS.getsPerMinute),
  RATE_LIMIT_SIGN_UPS_PER_HOUR: limitNumber(DEFAULT_LIMITS.signUpsPerHour),
  RATE_LIMIT_WORKSHOP_JOINS_PER_HOUR: limitNumber(DEFAULT_LIMITS.workshopJoinsPerHour),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_15_MINUTES: limitNumber(DEFAULT_LIMITS.signInFailuresPer15Minutes),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: limitNumber(DEFAULT_LIMITS.signInFailuresPerAddressPerHour),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_PER_HOUR: limitNumber(DEFAULT_LIMITS.signInFailuresPerAccountPerHour),
  RATE_LIMIT_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: limitNumber(DEFAULT_LIMITS.passwordResetsPerAddressPerHour),
  RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR: limitNumber(DEFAULT_LIMITS.passwordResetsPerAccountPerHour),
  RATE_LIMIT_INVITATIONS_PER_WORKSPACE_PER_HOUR: limitNumber(DEFAULT_LIMITS.invitationsPerWorkspacePerHour),
  SMTP_URL: optionalText.transform((value, ctx) => (value === undefined ? undefined : parseSmtpUrl(value, ctx))),
  MAIL_FROM: optionalText.refine((value) => value === undefined || MAIL_FROM_SHAPE.test(value), {
    message: 'must be an email address, or a name and an address such as "Readiness <no-reply@example.org>"',
  }),
});

/** Reads the configuration from `env`. Throws a `ConfigError` listing every problem. */
export function parseConfig(env: Record<string, string | undefined>, options: ConfigOptions = {}): AppConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const parsed = result.data;
  if (parsed.NODE_ENV === "production" && !parsed.PUBLIC_BASE_URL && !options.local) {
    throw new ConfigError([
      "PUBLIC_BASE_URL is required in production: set it to the address people use to reach the app, such as https://readiness.example.org. Every link the app shows or prints is built from it.",
    ]);
  }
  const publicBaseUrl = parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`;
  return {
    mode: parsed.NODE_ENV,
    publicBaseUrl,
    publicBaseUrlSource: parsed.PUBLIC_BASE_URL ? "configured" : "fallback",
    trustProxy: parsed.TRUST_PROXY,
    port: parsed.PORT,
    host: parsed.HOST,
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    backupDir: path.resolve(parsed.BACKUP_DIR ?? DEFAULT_BACKUP_DIR),
    limits: {
      createPerHour: parsed.RATE_LIMIT_CREATE_PER_HOUR,
      postsPerMinute: parsed.RATE_LIMIT_POSTS_PER_MINUTE,
      pdfsPer10Minutes: parsed.RATE_LIMIT_PDFS_PER_10_MINUTES,
      getsPerMinute: parsed.RATE_LIMIT_GETS_PER_MINUTE,
      signUpsPerHour: parsed.RATE_LIMIT_SIGN_UPS_PER_HOUR,
      workshopJoinsPerHour: parsed.RATE_LIMIT_WORKSHOP_JOINS_PER_HOUR,
      signInFailuresPer15Minutes: parsed.RATE_LIMIT_SIGN_IN_FAILURES_PER_15_MINUTES,
      signInFailuresPerAddressPerHour: parsed.RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR,
      signInFailuresPerAccountPerHour: parsed.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_PER_HOUR,
      passwordResetsPerAddressPerHour: parsed.RATE_LIMIT_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR,
      passwordResetsPerAccountPerHour: parsed.RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR,
      invitationsPerWorkspacePerHour: parsed.RATE_LIMIT_INVITATIONS_PER_WORKSPACE_PER_HOUR,
    },
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? `Engagement readiness <no-reply@${new URL(publicBaseUrl).hostname}>`,
  };
}

declare global {
  // One configuration per process, shared by the server (server/index.ts) and the Remix build,
  // which are bundled separately.
  var __appConfig: AppConfig | undefined;
}

/**
 * The process's configuration. The production server sets it at start-up (`setConfig`); the
 * development server, tests and scripts read the environment (and `.env`) on first use.
 */
export function getConfig(): AppConfig {
  if (!globalThis.__appConfig) {
    loadEnvFile();
    globalThis.__appConfig = parseConfig(process.env);
  }
  return globalThis.__appConfig;
}

/** Makes `config` the process's configuration (the server does this before loading the app). */
export function setConfig(config: AppConfig): void {
  globalThis.__appConfig = config;
}
