/**
 * "Is this really you?" for turning two-step off and making new recovery codes: the person's
 * password, or a current code from their app (used up, like any code). Counted against the
 * two-step limits, so a signed-in browser left open cannot be used to guess either.
 */
import { findUserById } from "../../db/repositories/users";
import { acceptTimeStep, findTwoStep } from "../../db/repositories/two-step";
import { waitInWords } from "../components/refusal-page";
import { db } from "../db.server";
import type { LimitStore } from "../../server/limits";
import { verifyPassword } from "./password.server";
import { beginCodeAttempt, signInKeys, twoStepSucceeded } from "./sign-in-limits.server";
import { normaliseCode, verifyCode } from "./two-step.server";

export type Confirmation = { ok: true } | { ok: false; message: string; status: 400 | 429; retryAfterSeconds?: number };

export const CONFIRMATION_WRONG = "The password or code is not right";

export async function confirmIdentity(
  limits: LimitStore,
  input: { userId: string; clientAddress: string | undefined; confirmation: string },
): Promise<Confirmation> {
  const user = await findUserById(db, input.userId);
  if (!user) return { ok: false, status: 400, message: CONFIRMATION_WRONG };
  const keys = signInKeys(user.email, input.clientAddress);
  const attempt = await beginCodeAttempt(limits, keys);
  if (!attempt.allowed) {
    return {
      ok: false,
      status: 429,
      retryAfterSeconds: attempt.retryAfterSeconds,
      message: `Too many wrong passwords or codes. Wait ${waitInWords(attempt.retryAfterSeconds)}, then try again.`,
    };
  }
  let right = false;
  const twoStep = await findTwoStep(db, user.id);
  if (twoStep?.confirmedAt && normaliseCode(input.confirmation)) {
    const step = await verifyCode(twoStep.secret, input.confirmation);
    right = step !== undefined && (await acceptTimeStep(db, { userId: user.id, step }));
  }
  right ||= await verifyPassword(user.passwordHash, input.confirmation);
  if (!right) return { ok: false, status: 400, message: CONFIRMATION_WRONG };
  await twoStepSucceeded(limits, keys);
  return { ok: true };
}
