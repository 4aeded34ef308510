/**
 * The clients' forms: one zod schema each, used by react-hook-form in the browser and by the
 * action on the server. Written with `zod/mini`, as the other forms are (README, "Performance").
 */
import * as z from "zod/mini";

/** As db/repositories/clients.ts `CLIENT_NAME_MAX` (a route component cannot import db/). */
export const CLIENT_NAME_MAX_LENGTH = 120;

export const CLIENT_MESSAGES = {
  nameMissing: "Enter the client's name",
  nameTooLong: `The client's name must be ${CLIENT_NAME_MAX_LENGTH} characters or fewer`,
  linkMissing: "Paste the private link the client's executive gave you",
  linkInvalid:
    "This is not a private link. Paste the whole address, like https://example.org/a/ followed by 43 letters and numbers",
  unknownLink:
    "No assessment has this private link. Check you copied the whole link. If the executive made a new link, ask them for it",
  alreadyInWorkspace:
    "This assessment already belongs to a workspace, so it cannot be taken over. Ask the person who gave you the link who runs it",
  chooseWhere: "Choose whether to add it as a new client or to one of your clients",
  chooseClient: "Choose one of your clients",
} as const;

const clientName = z.pipe(
  z.string(),
  z.pipe(
    z.transform((value: string) => value.trim().replace(/\s+/g, " ")),
    z
      .string()
      .check(
        z.minLength(1, CLIENT_MESSAGES.nameMissing),
        z.maxLength(CLIENT_NAME_MAX_LENGTH, CLIENT_MESSAGES.nameTooLong),
      ),
  ),
);

export const NewClientSchema = z.object({ clientName });

/** The token in a pasted private link: the whole address, a path, or the token alone. */
export function tokenFromPastedLink(pasted: string): string | null {
  const text = pasted.trim();
  const match = /(?:^|\/a\/)([A-Za-z0-9_-]{43})(?=$|[/?#])/.exec(text);
  return match?.[1] ?? null;
}

export const TakeOverLinkSchema = z.object({
  link: z.string().check(
    z.refine((value: string) => value.trim() !== "", CLIENT_MESSAGES.linkMissing),
    z.refine(
      (value: string) => value.trim() === "" || tokenFromPastedLink(value) !== null,
      CLIENT_MESSAGES.linkInvalid,
    ),
  ),
});
