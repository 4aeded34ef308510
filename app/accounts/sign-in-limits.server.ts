/**
 * How sign-in slows guessing down without letting anyone lock a person out for long.
 *
 * Failed sign-ins are counted three ways (the counters live in the server's limit store, so
 * every process on the database counts together):
 *
 * 1. per account and client address: 5 failures in 15 minutes, then that address may not try
 *    that account again until the 15 minutes are up. Someone guessing from one place is slowed
 *    to 20 guesses an hour, and it costs the real person, signing in from elsewhere, nothing;
 * 2. per client address, across all accounts: 50 failures an hour, for one address trying many
 *    accounts (one common password against every email);
 * 3. per account, across all addresses: 100 failures an hour, for guessing spread over many
 *    addresses. This one would let an attacker keep a person out, so it never applies to an
 *    address that has signed in to that account successfully in the last 30 days (a "known
 *    device", remembered in the same store). The person keeps working from their usual places;
 *    only new places wait, at most an hour at a time.
 *
 * A successful sign-in is not a failure: its points are given back, and the per-account-and-
 * address count starts again. A refused attempt checks no password. Keys hold no email: an
 * account is keyed by a hash of its normalised email.
 * NOTE: an attempt is counted before its password is checked (so many attempts at once cannot
 * all slip under the limit) and given back if it succeeds.
 */
import { createHash } from "node:crypto";
import { normaliseEmail } from "../../db/repositories/users";
import { addressKey, createMemoryLimitStore, type LimitName, type LimitStore } from "../../server/limits";
import { getConfig } from "../config.server";
import { getLogger } from "../logger.server";

declare global {
  // Outside the production server (the development server, tests calling actions), limits are
  // counted in this process.
  var __accountLimits: LimitStore | undefined;
}

/** The server's store, or this process's own where the server passes none. */
export function limitStoreFrom(context: { limits?: LimitStore } | undefined): LimitStore {
  if (context?.limits) return context.limits;
  globalThis.__accountLimits ??= createMemoryLimitStore(getConfig().limits);
  return globalThis.__accountLimits;
}

function accountKey(email: string): string {
  return createHash("sha256")
    .update(`rate-limit-account:${normaliseEmail(email)}`)
    .digest("base64url")
    .slice(0, 32);
}

export type SignInKeys = { account: string; address: string; accountAndAddress: string };

export function signInKeys(email: string, clientAddress: string | undefined): SignInKeys {
  const account = accountKey(email);
  const address = addressKey(clientAddress);
  return { account, address, accountAndAddress: `${account}|${address}` };
}

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt before its password is checked, and says whether it may go ahead. A store
 * that fails lets the attempt through (logged): the password is still checked.
 */
export async function beginSignInAttempt(store: LimitStore, keys: SignInKeys): Promise<SignInAttempt> {
  try {
    const checks: [LimitName, string][] = [
      ["sign-in-account-address", keys.accountAndAddress],
      ["sign-in-address", keys.address],
      ["sign-in-account", keys.account],
    ];
    let retryAfterSeconds = 0;
    for (const [limit, key] of checks) {
      const decision = await store.consume(limit, key);
      if (decision.allowed) continue;
      if (limit === "sign-in-account" && (await store.count("known-device", keys.accountAndAddress)) > 0) continue;
      retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
    }
    return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
  } catch (error) {
    getLogger().warn({ err: error }, "sign-in limit store failed: attempt allowed");
    return { allowed: true };
  }
}

/**
 * After a correct password: the attempt was not a failure, and this address is now known.
 * With two-step on, pass `knownDevice: false`: the address becomes known only once its code is
 * right too (`twoStepSucceeded`), or knowing the password alone would lift the per-account limit
 * on codes.
 */
export async function signInSucceeded(
  store: LimitStore,
  keys: SignInKeys,
  options: { knownDevice: boolean } = { knownDevice: true },
): Promise<void> {
  try {
    await store.forget("sign-in-account-address", keys.accountAndAddress);
    await store.reward("sign-in-address", keys.address);
    await store.reward("sign-in-account", keys.account);
    if (options.knownDevice) await markKnownDevice(store, keys);
  } catch (error) {
    getLogger().warn({ err: error }, "sign-in limit store failed after a sign-in");
  }
}

async function markKnownDevice(store: LimitStore, keys: SignInKeys): Promise<void> {
  await store.forget("known-device", keys.accountAndAddress);
  await store.consume("known-device", keys.accountAndAddress);
}

/**
 * Counts a two-step code before it is checked, as `beginSignInAttempt` does for passwords:
 * per account and address (5 in 15 minutes by default), and per account across addresses (10
 * an hour), which never applies to an address the person has fully signed in from before, so an
 * attacker who knows the password cannot keep the owner out.
 */
export async function beginCodeAttempt(store: LimitStore, keys: SignInKeys): Promise<SignInAttempt> {
  try {
    let retryAfterSeconds = 0;
    const checks: [LimitName, string][] = [
      ["two-step-account-address", keys.accountAndAddress],
      ["two-step-account", keys.account],
    ];
    for (const [limit, key] of checks) {
      const decision = await store.consume(limit, key);
      if (decision.allowed) continue;
      if (limit === "two-step-account" && (await store.count("known-device", keys.accountAndAddress)) > 0) continue;
      retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
    }
    return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
  } catch (error) {
    getLogger().warn({ err: error }, "two-step limit store failed: attempt allowed");
    return { allowed: true };
  }
}

/** After a right code: it was not a failure, and this address is now known. */
export async function twoStepSucceeded(store: LimitStore, keys: SignInKeys): Promise<void> {
  try {
    await store.forget("two-step-account-address", keys.accountAndAddress);
    await store.reward("two-step-account", keys.account);
    await markKnownDevice(store, keys);
  } catch (error) {
    getLogger().warn({ err: error }, "two-step limit store failed after a sign-in");
  }
}
