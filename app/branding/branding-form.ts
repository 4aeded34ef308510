/**
 * The branding page's fields and their rules, shared by the page and the action. The name
 * follows the sign-up form's rules for a workspace name.
 */
import { MESSAGES, WORKSPACE_NAME_MAX } from "../accounts/account-forms";

export const BRANDING_FIELDS = { name: "name", logo: "logo", accentColour: "accentColour" } as const;

/** Which of the page's forms was sent: each saves one thing. */
export const BRANDING_INTENTS = ["name", "logo", "remove-logo", "colour"] as const;
export type BrandingIntent = (typeof BRANDING_INTENTS)[number];

/** What was saved, for the confirmation after the redirect. */
export const SAVED_MESSAGES = {
  name: "The workspace name was saved",
  logo: "The logo was saved",
  "logo-removed": "The logo was removed",
  colour: "The accent colour was saved",
  "colour-removed": "The accent colour was removed",
  unchanged: "Nothing had changed, so nothing was saved",
} as const;
export type SavedKind = keyof typeof SAVED_MESSAGES;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** The workspace name as typed, trimmed, or the message saying what is wrong with it. */
export function checkWorkspaceName(typed: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = typed.trim();
  if (name === "") return { ok: false, message: MESSAGES.workspaceMissing };
  if (name.length > WORKSPACE_NAME_MAX) return { ok: false, message: MESSAGES.workspaceTooLong };
  if (CONTROL_CHARACTERS.test(name)) return { ok: false, message: "Remove line breaks and hidden characters" };
  return { ok: true, name };
}
