/**
 * The branding page's fields and messages, shared by the page and the action. The checks are in
 * `branding-action.server.ts`: the name's come from the sign-up form's schema module, which would
 * otherwise make the bundler split zod into a chunk of its own for every wizard page.
 */

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
