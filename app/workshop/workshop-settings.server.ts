import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { readForm } from "../form-data.server";
import { SECTIONS } from "../questionnaire/questionnaire";
import { startWorkshopSchema } from "./workshop-forms";
import type { WorkshopSettingsValues } from "./workshop-settings-fields";

export type WorkshopSettingsRefusal = {
  status: number;
  body: { errors: FieldErrors; formErrors: string[]; values: WorkshopSettingsValues };
};

/**
 * The workshop's settings as posted by the start and settings forms, checked on the server:
 * the sections in the questionnaire's order (whatever order the browser sent them in) and
 * whether names show; or what to answer, with the choices as posted so the form keeps them.
 */
export async function readWorkshopSettings(
  request: Request,
): Promise<
  | { ok: true; settings: { participantSections: string[]; namesShown: boolean } }
  | ({ ok: false } & WorkshopSettingsRefusal)
> {
  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) {
    return {
      ok: false,
      status: posted.status,
      body: { errors: {}, formErrors: [posted.message], values: { sections: [], names: "" } },
    };
  }
  const values: WorkshopSettingsValues = {
    sections: posted.fields.get("sections") ?? [],
    names: posted.fields.get("names")?.[0] ?? "",
  };
  const parsed = startWorkshopSchema(SECTIONS).safeParse(values);
  if (!parsed.success) {
    return { ok: false, status: 400, body: { errors: fieldErrorsFrom(parsed.error), formErrors: [], values } };
  }
  const chosen = new Set(parsed.data.sections);
  return {
    ok: true,
    settings: {
      participantSections: SECTIONS.filter((section) => chosen.has(section.id)).map((section) => section.id),
      namesShown: parsed.data.names === "shown",
    },
  };
}
