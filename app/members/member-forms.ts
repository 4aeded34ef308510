/**
 * The members' forms: one zod schema each, used in the browser and by the actions. Password
 * rules are the sign-up form's (app/accounts/account-forms.ts); the common-password check is
 * passed in on the server only, as there.
 */
import * as z from "zod/mini";
import {
  displayNameField,
  emailField,
  newPasswordField,
  newPasswordProblem,
  type PasswordCheck,
} from "../accounts/account-forms";

export const INVITE_ROLES = ["consultant", "viewer", "owner"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

export const MEMBER_MESSAGES = {
  inviteEmailMissing: "Enter the email address of the person to invite",
  roleMissing: "Choose what they can do in the workspace",
  forgotEmailMissing: "Enter the email address you sign in with",
} as const;

export const InviteSchema = z.object({
  email: emailField(MEMBER_MESSAGES.inviteEmailMissing),
  role: z.enum(INVITE_ROLES, MEMBER_MESSAGES.roleMissing),
});

export const RoleChangeSchema = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(100)),
  role: z.enum(INVITE_ROLES, MEMBER_MESSAGES.roleMissing),
});

export const ForgotPasswordSchema = z.object({ email: emailField(MEMBER_MESSAGES.forgotEmailMissing) });

/** Joining by invitation with a new account: a name and a password; the email is the invited one. */
export function joinSchema(context: { email: string; workspaceName: string }, isCommonPassword?: PasswordCheck) {
  return z.object({ displayName: displayNameField(), password: newPasswordField() }).check(
    z.superRefine((value: { displayName: string; password: string }, ctx) => {
      const problem = newPasswordProblem(value.password, context, isCommonPassword);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
  );
}

/** Choosing a new password with a reset link. */
export function newPasswordSchema(context: { email: string }, isCommonPassword?: PasswordCheck) {
  return z.object({ password: newPasswordField() }).check(
    z.superRefine((value: { password: string }, ctx) => {
      const problem = newPasswordProblem(value.password, { ...context, workspaceName: "" }, isCommonPassword);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
  );
}
