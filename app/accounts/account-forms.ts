/**
 * The sign-up and sign-in forms: one zod schema each, used by react-hook-form in the browser and
 * by the action on the server, so both say the same thing. The server adds one check the browser
 * does not make: whether a password is on the list of common passwords (`isCommonPassword`,
 * passed in), because the list is 49,000 words and would take the page over its size budget.
 * Written with `zod/mini`, as the wizard's schemas are, for the same reason (README, "Performance").
 */
import * as z from "zod/mini";
import { INVITE_ROLES } from "./roles";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const WORKSPACE_NAME_MAX = 100;

/** The hidden field people never see and bots fill in. */
export const HONEYPOT_FIELD = "website";

export const PASSWORD_HINT = `Use at least ${PASSWORD_MIN} characters. A few ordinary words in a row, such as 'kettle harbour violet march', are easy to remember and hard to guess.`;

export const MESSAGES = {
  nameMissing: "Enter your name",
  nameTooLong: `Your name must be ${NAME_MAX} characters or fewer`,
  emailMissing: "Enter your work email address",
  emailInvalid: "Enter an email address in the correct format, like name@example.org",
  emailTooLong: `Your email address must be ${EMAIL_MAX} characters or fewer`,
  passwordMissing: "Enter a password",
  passwordTooShort: `Your password must be at least ${PASSWORD_MIN} characters long. Long passwords are much harder to guess, and a few ordinary words in a row are easy to remember`,
  passwordTooLong: `Your password must be ${PASSWORD_MAX} characters or fewer`,
  passwordCommon:
    "This password is too common and easy to guess. Choose a different one, such as a few ordinary words in a row",
  passwordHasEmail: "Your password must not contain your email address or the part before the @",
  passwordHasWorkspace: "Your password must not contain your workspace name",
  workspaceMissing: "Enter a name for your workspace",
  workspaceTooLong: `The workspace name must be ${WORKSPACE_NAME_MAX} characters or fewer`,
  signInEmailMissing: "Enter your email address",
  signInPasswordMissing: "Enter your password",
} as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// Deliberately loose: one @, something either side, a dot in the domain, no spaces. The real
// check of an address is a message reaching it, which comes with invitations.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const trimmed = z.pipe(
  z.string(),
  z.transform((value: string) => value.trim()),
);

function oneLine(missing: string, max: number, tooLong: string) {
  return z.pipe(
    trimmed,
    z.string().check(
      z.minLength(1, missing),
      z.maxLength(max, tooLong),
      z.refine((value: string) => !CONTROL_CHARACTERS.test(value), "Remove line breaks and hidden characters"),
    ),
  );
}

function email(missing: string) {
  return z.pipe(
    trimmed,
    z.string().check(
      z.minLength(1, missing),
      z.maxLength(EMAIL_MAX, MESSAGES.emailTooLong),
      // NOTE: refine, not z.regex: the wizard's pages share zod's chunk and use no regex check,
      // so z.regex would add its code to every wizard page (npm run size).
      z.refine((value: string) => EMAIL_SHAPE.test(value), MESSAGES.emailInvalid),
    ),
  );
}

/** Parts of the email and workspace name a password may not contain (3 characters or more). */
function personalWords(emailAddress: string, workspaceName: string): { email: string[]; workspace: string[] } {
  const lower = emailAddress.trim().toLowerCase();
  const local = lower.split("@")[0] ?? "";
  const workspace = workspaceName.trim().toLowerCase();
  return {
    email: [lower, local].filter((word) => word.length >= 3),
    workspace: [workspace, workspace.replace(/\s+/g, "")].filter((word) => word.length >= 3),
  };
}

export type PasswordCheck = (password: string) => boolean;

/** The length rules of a new password (sign-up, joining by invitation, resetting it). */
export function newPasswordField() {
  // NOTE: not trimmed: spaces are part of a password.
  return z
    .string()
    .check(
      z.minLength(1, MESSAGES.passwordMissing),
      z.minLength(PASSWORD_MIN, MESSAGES.passwordTooShort),
      z.maxLength(PASSWORD_MAX, MESSAGES.passwordTooLong),
    );
}

/**
 * What is wrong with a new password beyond its length, or undefined: it contains the person's
 * email or workspace name, or (on the server) it is a common password.
 */
export function newPasswordProblem(
  password: string,
  context: { email: string; workspaceName: string },
  isCommonPassword?: PasswordCheck,
): string | undefined {
  const lower = password.toLowerCase();
  const words = personalWords(context.email, context.workspaceName);
  if (words.email.some((word) => lower.includes(word))) return MESSAGES.passwordHasEmail;
  if (words.workspace.some((word) => lower.includes(word))) return MESSAGES.passwordHasWorkspace;
  if (isCommonPassword?.(password)) return MESSAGES.passwordCommon;
  return undefined;
}

export type SignUpInput = { displayName: string; email: string; password: string; workspaceName: string };

/**
 * The sign-up form. `isCommonPassword` is given on the server (the common-password list); the
 * browser passes nothing and leaves that one check to the server.
 */
export function signUpSchema(isCommonPassword?: PasswordCheck) {
  return z
    .object({
      displayName: oneLine(MESSAGES.nameMissing, NAME_MAX, MESSAGES.nameTooLong),
      email: email(MESSAGES.emailMissing),
      password: newPasswordField(),
      workspaceName: oneLine(MESSAGES.workspaceMissing, WORKSPACE_NAME_MAX, MESSAGES.workspaceTooLong),
    })
    .check(
      z.superRefine((value: SignUpInput, ctx) => {
        const problem = newPasswordProblem(value.password, value, isCommonPassword);
        if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
      }),
    );
}

export type SignInInput = { email: string; password: string };

/** Signing in checks only that something was typed: the rules are for new passwords. */
export const SignInSchema = z.object({
  email: z.pipe(
    trimmed,
    z.string().check(z.minLength(1, MESSAGES.signInEmailMissing), z.maxLength(EMAIL_MAX, MESSAGES.emailTooLong)),
  ),
  password: z
    .string()
    .check(z.minLength(1, MESSAGES.signInPasswordMissing), z.maxLength(PASSWORD_MAX, MESSAGES.passwordTooLong)),
});

export type FieldErrors = Record<string, string>;

/** The first message for each field, in the order the schema found them. */
export function fieldErrorsFrom(error: { issues: readonly z.core.$ZodIssue[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** An email address field (trimmed, checked for shape and length), for the members' forms. */
export function emailField(missing: string = MESSAGES.emailMissing) {
  return email(missing);
}

/** A person's name, as on the sign-up form. */
export function displayNameField() {
  return oneLine(MESSAGES.nameMissing, NAME_MAX, MESSAGES.nameTooLong);
}

// The members' forms (invitations, joining, password reset). The roles offered are in roles.ts. They live here, not in their own
// module, so that the zod code they share with the forms above stays in this page chunk instead
// of moving into the chunk every wizard page loads (npm run size).

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
