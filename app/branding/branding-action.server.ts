/**
 * The branding page's posts. Each of its forms saves one thing (the name, the logo, removing the
 * logo, the accent colour) in one transaction with its audit event. The logo form is
 * `multipart/form-data`; the others are ordinary forms.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { changeBranding, type BrandingChanges } from "../../db/repositories/branding";
import type { WorkspaceScope } from "../../db/repositories/workspaces";
import { db } from "../db.server";
import { readForm } from "../form-data.server";
import { checkAccentColour } from "./accent-colour";
import { MESSAGES, WORKSPACE_NAME_MAX } from "../accounts/account-forms";
import { BRANDING_FIELDS, BRANDING_INTENTS, type BrandingIntent, type SavedKind } from "./branding-form";
import { checkAndReencodeLogo, LOGO_MESSAGES, MAX_LOGO_BYTES } from "./logo.server";

export type BrandingPostResult =
  | { ok: true; saved: SavedKind }
  | {
      ok: false;
      status: 400 | 404 | 413 | 415;
      /** Problems with a field, by the field's name. */
      errors: Record<string, string>;
      /** Problems with the whole form. */
      formErrors: string[];
      /** What was typed, to show again. */
      values: { name?: string; accentColour?: string };
    };

/** Text fields of the logo form are short: the intent. */
const MAX_TEXT_PART_BYTES = 1024;
/** Marks a logo part that went over the size limit (its bytes were not kept). */
const TOO_LARGE = "\u0000too-large";

async function collect(data: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  for await (const chunk of data) {
    total += chunk.byteLength;
    // Past the limit the rest is read through (the next part comes after it) but not kept.
    if (total > limit) over = true;
    if (!over) chunks.push(chunk);
  }
  return over ? null : Buffer.concat(chunks, total);
}

/** Keeps the logo's bytes up to 1 MB and the short text fields; stops keeping anything past its limit. */
const uploadHandler: UploadHandler = async ({ name, filename, contentType, data }) => {
  if (name === BRANDING_FIELDS.logo) {
    const bytes = await collect(data, MAX_LOGO_BYTES);
    if (bytes === null) return TOO_LARGE;
    // No file chosen: browsers send an empty part with an empty file name.
    if (bytes.byteLength === 0 && !filename) return undefined;
    return new File([new Uint8Array(bytes)], filename || "logo", { type: contentType });
  }
  const bytes = await collect(data, MAX_TEXT_PART_BYTES);
  if (bytes === null) return undefined;
  return new TextDecoder().decode(bytes);
};

function failure(
  status: 400 | 404 | 413 | 415,
  errors: Record<string, string>,
  values: { name?: string; accentColour?: string } = {},
  formErrors: string[] = [],
): BrandingPostResult {
  return { ok: false, status, errors, formErrors, values };
}

async function save(scope: WorkspaceScope, changes: BrandingChanges, saved: SavedKind): Promise<BrandingPostResult> {
  const result = await changeBranding(db, scope, changes);
  if (result.kind === "not-found") return failure(404, {});
  return { ok: true, saved: result.changed.length === 0 ? "unchanged" : saved };
}

async function logoPost(request: Request, scope: WorkspaceScope): Promise<BrandingPostResult> {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, uploadHandler);
  } catch {
    return failure(400, {}, {}, ["The logo could not be uploaded. Choose the file again and try again."]);
  }
  if (form.get("intent") !== "logo") return failure(400, {}, {}, ["The form could not be sent. Try again."]);
  const logo = form.get(BRANDING_FIELDS.logo);
  if (logo === TOO_LARGE) return failure(400, { logo: LOGO_MESSAGES.tooLarge });
  if (!(logo instanceof File)) return failure(400, { logo: LOGO_MESSAGES.missing });
  const checked = await checkAndReencodeLogo(new Uint8Array(await logo.arrayBuffer()));
  if (!checked.ok) return failure(400, { logo: checked.message });
  return save(scope, { logo: { png: checked.png, width: checked.width, height: checked.height } }, "logo");
}

/** Handles one post to the branding page by an owner (the route has checked the role). */
export async function handleBrandingPost(request: Request, scope: WorkspaceScope): Promise<BrandingPostResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "multipart/form-data") return logoPost(request, scope);

  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) return failure(posted.status, {}, {}, [posted.message]);
  const field = (name: string) => {
    const sent = posted.fields.get(name) ?? [];
    return sent.length === 1 ? sent[0] : sent.length === 0 ? "" : undefined;
  };
  const intent = field("intent") as BrandingIntent | undefined;
  if (!intent || !BRANDING_INTENTS.includes(intent) || intent === "logo") {
    return failure(400, {}, {}, ["The form could not be sent. Try again."]);
  }
  if (intent === "name") {
    const typed = field(BRANDING_FIELDS.name);
    if (typed === undefined) return failure(400, {}, {}, ["The form was sent with a field twice. Try again."]);
    const checked = checkWorkspaceName(typed);
    if (!checked.ok) return failure(400, { name: checked.message }, { name: typed });
    return save(scope, { name: checked.name }, "name");
  }
  if (intent === "remove-logo") return save(scope, { logo: null }, "logo-removed");
  const typed = field(BRANDING_FIELDS.accentColour);
  if (typed === undefined) return failure(400, {}, {}, ["The form was sent with a field twice. Try again."]);
  const checked = checkAccentColour(typed);
  if (!checked.ok) return failure(400, { accentColour: checked.message }, { accentColour: typed });
  return save(scope, { accentColour: checked.colour }, checked.colour ? "colour" : "colour-removed");
}

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
