/**
 * Passwords: hashed with Argon2id, checked against a list of common passwords.
 *
 * Argon2id with 64 MiB of memory, 6 passes and one lane takes about 120 ms a hash on this
 * two-core machine (README, "Accounts"): slow enough that a stolen database is expensive to
 * guess through, quick enough that signing in feels immediate. Each hash holds 64 MiB while it
 * runs; the sign-in limits keep the number running at once small.
 */
import { hash, verify, type Options } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const ARGON2_OPTIONS: Options = {
  // NOTE: Algorithm.Argon2id is a const enum, which isolated modules cannot read: its value is 2.
  algorithm: 2,
  memoryCost: 64 * 1024,
  timeCost: 6,
  parallelism: 1,
};

/**
 * A hash of a random password nobody knows, made with `ARGON2_OPTIONS`. Signing in with an
 * email that has no account (or no password) is checked against it, so that answer takes as
 * long as a wrong password and timing does not tell which emails have accounts.
 * NOTE: made again if the options change; password.server.test.ts checks they match.
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=65536,t=6,p=1$PH7Mer0McmcLlLoKYqBdQw$tMOnbGecq8BiBf0xGtkr87Qtu9NVyHZe/ELQocoYcDg";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Whether `password` matches `passwordHash`. With no hash (no such account, or an account
 * without a password), it spends the same time on the dummy hash and answers false.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? DUMMY_HASH, password);
    return matches && passwordHash !== null && passwordHash !== undefined;
  } catch {
    // A stored hash that cannot be read matches nothing.
    return false;
  }
}

let commonPasswords: Set<string> | undefined;

/**
 * Whether a password is one of the 49,000 most common (zxcvbn-ts's list, from leaked password
 * sets), ignoring case, or one character repeated.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  const lower = password.toLowerCase();
  return commonPasswords.has(lower) || /^(.)\1*$/su.test(password);
}
