import { readForm } from "../form-data.server";
import { HONEYPOT_FIELD } from "./account-forms";

export type AccountFormResult<K extends string> =
  | { ok: true; values: Record<K, string>; honeypotFilled: boolean }
  | { ok: false; status: 400 | 413 | 415; message: string };

/** Said when the hidden field comes back filled in: to a person, it can only mean "try again". */
export const HONEYPOT_MESSAGE = "The form could not be sent. Try again.";

/**
 * Reads an account form: the named fields, each once (a field sent twice is refused, as our
 * pages never send one twice), and whether the honeypot was filled in. Other fields are ignored.
 */
export async function readAccountForm<K extends string>(
  request: Request,
  names: readonly K[],
): Promise<AccountFormResult<K>> {
  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) return posted;
  const values = {} as Record<K, string>;
  for (const name of names) {
    const sent = posted.fields.get(name) ?? [];
    if (sent.length > 1) return { ok: false, status: 400, message: "The form was sent with a field twice. Try again." };
    values[name] = sent[0] ?? "";
  }
  return { ok: true, values, honeypotFilled: (posted.fields.get(HONEYPOT_FIELD) ?? []).some((value) => value !== "") };
}
