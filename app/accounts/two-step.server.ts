/**
 * Two-step sign-in with an authenticator app: the codes (TOTP, RFC 6238, through
 * `@epic-web/totp`: SHA-1, 6 digits, 30-second steps, the step before and after accepted too for
 * a phone's clock being a little out), the key's QR code (`qrcode`, drawn as SVG on the server),
 * recovery codes, and the short-lived cookie of a sign-in waiting for its code.
 *
 * Server-only: neither library reaches a page's scripts.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import QRCode from "qrcode";
import { TWO_STEP_CHALLENGE_TTL_MS } from "../../db/repositories/two-step";
import { SERVICE_NAME } from "../components/document-title";
import { getConfig } from "../config.server";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = "SHA-1";
/** Steps either side of now that are accepted. */
export const TOTP_WINDOW = 1;
/** How many recovery codes a person gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding (every key here is 20 bytes: 32 characters, no padding). */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A new key for an authenticator app: 160 random bits (RFC 4226 recommends 160; the library's
 * own default is 80), base32 as the apps expect.
 */
export function newTwoStepSecret(): string {
  return base32(randomBytes(20));
}

/** The key in groups of four, for typing into an app by hand. */
export function keyForTyping(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function authenticatorUri(secret: string, email: string): string {
  return getTOTPAuthUri({
    secret,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    algorithm: TOTP_ALGORITHM,
    accountName: email,
    issuer: SERVICE_NAME,
  });
}

/** The QR code of `uri` as an SVG image in a data: address, for an `<img>`. */
export async function qrCodeDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** A typed code without the spaces or dashes people add: six digits, or undefined. */
export function normaliseCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : undefined;
}

function currentStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The 30-second step a right code belongs to (now, or one step either side), or undefined for a
 * wrong code. Whether the step was used already is the repository's to say (`acceptTimeStep`).
 */
export async function verifyCode(secret: string, input: string): Promise<number | undefined> {
  const otp = normaliseCode(input);
  if (!otp) return undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const before = currentStep(Date.now());
    const result = await verifyTOTP({
      otp,
      secret,
      period: TOTP_PERIOD_SECONDS,
      digits: TOTP_DIGITS,
      algorithm: TOTP_ALGORITHM,
      window: TOTP_WINDOW,
    });
    // NOTE: the library reads the clock itself; if a step began while it checked, check again so
    // the step recorded is the one the code belongs to.
    if (currentStep(Date.now()) !== before) continue;
    return result ? before + result.delta : undefined;
  }
  return undefined;
}

// No 0/O, 1/l/i: read off paper and typed back, they must not be confused.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 12;

/**
 * Ten new recovery codes, each 12 random characters (about 59 bits) shown in groups of four.
 * NOTE: stored as SHA-256 (with the person's id), not Argon2id: they are random, not chosen by a
 * person, so guessing one from its hash is out of reach, and a slow hash would make checking one
 * against ten stored codes take seconds.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = "";
    for (let index = 0; index < RECOVERY_LENGTH; index += 1)
      code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return code.match(/.{4}/g)?.join("-") ?? code;
  });
}

/** A typed recovery code in the form it is hashed in, or undefined if it cannot be one. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === RECOVERY_LENGTH && [...code].every((char) => RECOVERY_ALPHABET.includes(char))
    ? code
    : undefined;
}

/** What is stored for a recovery code: never the code itself. */
export function recoveryCodeHash(userId: string, code: string): string {
  const normalised = normaliseRecoveryCode(code) ?? code;
  return createHash("sha256").update(`recovery-code:${userId}:${normalised}`).digest("hex");
}

/** The recovery codes as a text file to keep. */
export function recoveryCodesText(email: string, codes: readonly string[], madeAt: Date): string {
  return [
    `${SERVICE_NAME}: recovery codes for ${email}`,
    `Made ${madeAt.toISOString().slice(0, 10)}. Each code works once. Making new codes stops these working.`,
    "",
    ...codes,
    "",
  ].join("\n");
}

// The sign-in waiting for its code: a random value in a cookie; the database holds its SHA-256.

const CHALLENGE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

function servedOverHttps(): boolean {
  return getConfig().publicBaseUrl.startsWith("https:");
}

export function twoStepCookieName(): string {
  return servedOverHttps() ? "__Host-two-step" : "two-step";
}

export function newChallengeToken(): string {
  return randomBytes(32).toString("base64url");
}

export function challengeIdFor(token: string): string {
  return createHash("sha256").update(`two-step:${token}`).digest("hex");
}

function cookieAttributes(maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${servedOverHttps() ? "; Secure" : ""}`;
}

/** The cookie of a sign-in waiting for its code: five minutes, like its row. */
export function twoStepCookie(token: string): string {
  return `${twoStepCookieName()}=${token}; ${cookieAttributes(Math.floor(TWO_STEP_CHALLENGE_TTL_MS / 1000))}`;
}

export function clearedTwoStepCookie(): string {
  return `${twoStepCookieName()}=; ${cookieAttributes(0)}`;
}

/** The waiting sign-in's cookie value, if the request carries a well-formed one. */
export function challengeTokenOf(request: Request): string | undefined {
  const name = twoStepCookieName();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    if (CHALLENGE_FORMAT.test(value)) return value;
  }
  return undefined;
}
