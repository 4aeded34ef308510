import { z } from "zod";
import { REPORT_LINK_LABEL_MAX } from "../../db/repositories/links";
import { readForm } from "../form-data.server";

/** Control characters (line breaks, tabs, NUL and the like) cannot be typed into a one-line box. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** The name an owner gives a read-only link: optional, one line, at most 80 characters. */
export const ReportLinkLabelSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .max(REPORT_LINK_LABEL_MAX, `The name must be ${REPORT_LINK_LABEL_MAX} characters or fewer`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), "The name must not contain line breaks or hidden characters"),
  )
  .transform((value) => (value === "" ? null : value));

export type LabelFormResult =
  { ok: true; label: string | null } | { ok: false; status: 400 | 413 | 415; error: string; value: string };

/**
 * Reads the "create a read-only link" form. Sent twice, or with fields we did not ask for, it
 * still reads only the one `label` it expects.
 */
export async function readReportLinkForm(request: Request): Promise<LabelFormResult> {
  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) return { ok: false, status: posted.status, error: posted.message, value: "" };
  const values = posted.fields.get("label") ?? [];
  if (values.length > 1) return { ok: false, status: 400, error: "Enter one name for the link", value: "" };
  const value = values[0] ?? "";
  const parsed = ReportLinkLabelSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, status: 400, error: parsed.error.issues[0]?.message ?? "Enter a shorter name", value };
  }
  return { ok: true, label: parsed.data };
}
