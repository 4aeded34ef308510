/**
 * Asking for a password reset link by email. The page answers the same whatever happens (an
 * account or not, limited or not), so it never says whether an address has an account. Limits:
 * per client address (a refusal there says so, as it tells nothing about accounts) and per
 * account (silently: no more emails to that person this hour). The email is sent after the
 * answer is decided and is not awaited, so the answer takes as long with or without an account.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createPasswordResetForEmail } from "../../db/repositories/password-resets";
import { addressKey } from "../../server/limits";
import { limitStoreFrom, signInKeys } from "../accounts/sign-in-limits.server";
import { db } from "../db.server";
import { getLogger } from "../logger.server";
import { mailEnabled, sendMail } from "../mail/mailer.server";
import { passwordResetMail } from "../mail/messages.server";
import { resetPasswordPath } from "./member-paths";
import { linkTokenHash, newLinkToken, publicLink } from "./link-tokens.server";

export type ResetRequestOutcome =
  { kind: "answered"; sending?: Promise<unknown> } | { kind: "too-many"; retryAfterSeconds: number };

export async function requestPasswordReset(context: AppLoadContext, email: string): Promise<ResetRequestOutcome> {
  const store = limitStoreFrom(context);
  try {
    const byAddress = await store.consume("password-reset-address", addressKey(context.clientAddress));
    if (!byAddress.allowed) return { kind: "too-many", retryAfterSeconds: byAddress.retryAfterSeconds };
    const byAccount = await store.consume("password-reset-account", signInKeys(email, undefined).account);
    if (!byAccount.allowed) return { kind: "answered" };
  } catch (error) {
    getLogger().warn({ err: error }, "password reset limit store failed: request allowed");
  }
  if (!mailEnabled()) return { kind: "answered" };
  const token = newLinkToken();
  const reset = await createPasswordResetForEmail(db, {
    email,
    tokenHash: linkTokenHash(token) as string,
    now: new Date(),
  });
  if (!reset) return { kind: "answered" };
  const sending = sendMail(
    passwordResetMail({ to: reset.email, name: reset.displayName, link: publicLink(resetPasswordPath(token)) }),
  );
  return { kind: "answered", sending };
}
