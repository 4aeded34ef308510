/**
 * The two-step forms' schemas, shared by the browser (react-hook-form) and the actions. The
 * server decides whether a code is right; these only check that something of the right shape
 * was typed. `zod/mini` with `refine`, not `z.regex`, as in account-forms.ts (bundle size).
 */
import * as z from "zod/mini";
import type { AccountFieldDef } from "./account-form";

export const TWO_STEP_MESSAGES = {
  codeMissing: "Enter the 6-digit code from your authenticator app",
  codeShape: "Enter the 6 digits your app shows, like 123456",
  signInCodeMissing: "Enter the 6-digit code from your authenticator app, or a recovery code",
  signInCodeShape: "Enter the 6 digits your app shows, like 123456, or a recovery code, like abcd-efgh-jkmn",
  confirmationMissing: "Enter your password, or the 6-digit code from your app",
} as const;

const SIX_DIGITS = /^\d{6}$/;
const RECOVERY_SHAPE = /^[a-z0-9]{12}$/;

function compact(value: string): string {
  return value.replace(/[\s-]/g, "").toLowerCase();
}

const field = (missing: string, max = 256) => z.string().check(z.minLength(1, missing), z.maxLength(max, missing));

export const SetUpCodeSchema = z.object({
  code: field(TWO_STEP_MESSAGES.codeMissing, 20).check(
    z.refine((value: string) => SIX_DIGITS.test(compact(value)), TWO_STEP_MESSAGES.codeShape),
  ),
});

export const SignInCodeSchema = z.object({
  code: field(TWO_STEP_MESSAGES.signInCodeMissing, 40).check(
    z.refine(
      (value: string) => SIX_DIGITS.test(compact(value)) || RECOVERY_SHAPE.test(compact(value)),
      TWO_STEP_MESSAGES.signInCodeShape,
    ),
  ),
});

export const ConfirmSchema = z.object({ confirmation: field(TWO_STEP_MESSAGES.confirmationMissing) });

export const SET_UP_CODE_FIELD = {
  name: "code",
  label: "Enter the 6-digit code from your app",
  hint: "The app shows a new code every 30 seconds.",
  autoComplete: "one-time-code",
} as const satisfies AccountFieldDef;

export const SIGN_IN_CODE_FIELD = {
  name: "code",
  label: "Code from your authenticator app",
  hint: "Enter the 6-digit code the app shows now. If you cannot use the app, enter one of your recovery codes.",
  autoComplete: "one-time-code",
} as const satisfies AccountFieldDef;

export const CONFIRM_FIELD = {
  name: "confirmation",
  label: "Your password, or the 6-digit code from your app",
  hint: "We ask again because this changes how you sign in.",
  type: "password",
  autoComplete: "current-password",
} as const satisfies AccountFieldDef;
