import { useEffect, useMemo } from "react";
import { useForm, type FieldErrors as HookFieldErrors, type Resolver, type UseFormRegister } from "react-hook-form";
import type * as z from "zod/mini";
import { useClientErrorTitle } from "../components/document-title";
import type { ErrorLink } from "../components/error-summary";
import { useCheckedSubmit } from "../components/question-form";
import { fieldErrorsFrom, HONEYPOT_FIELD, type FieldErrors } from "./account-forms";

type Values = Record<string, string>;

/** react-hook-form's check before posting: the very zod schema the action runs. */
function schemaResolver(schema: z.ZodMiniType): Resolver<Values> {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values, errors: {} };
    const errors = Object.fromEntries(
      Object.entries(fieldErrorsFrom(result.error)).map(([field, message]) => [field, { type: "validate", message }]),
    );
    return { values: {}, errors: errors as HookFieldErrors<Values> };
  };
}

/**
 * An account form: a plain form the action handles on its own (without JavaScript), checked
 * first in the browser with the same schema. `fields` gives the order for the error summary.
 * After the server answers with errors, password fields are emptied, as they are without
 * JavaScript (a password is never sent back to the page).
 */
export function useAccountForm({
  schema,
  fields,
  actionData,
}: {
  schema: z.ZodMiniType;
  fields: readonly { name: string; type?: string }[];
  /** What the action answered, if it has: its field errors, new each time. */
  actionData: { errors: FieldErrors } | undefined;
}) {
  const resolver = useMemo(() => schemaResolver(schema), [schema]);
  const form = useForm<Values>({ resolver, mode: "onSubmit", reValidateMode: "onSubmit", shouldFocusError: false });

  useEffect(() => {
    if (!actionData) return;
    for (const field of fields) if (field.type === "password") form.setValue(field.name, "");
  }, [actionData, form, fields]);

  const clientErrors: FieldErrors = {};
  for (const [field, error] of Object.entries(form.formState.errors)) {
    if (typeof error?.message === "string") clientErrors[field] = error.message;
  }
  const hasClientErrors = Object.keys(clientErrors).length > 0;
  useClientErrorTitle(hasClientErrors);
  const errors = hasClientErrors ? clientErrors : (actionData?.errors ?? {});
  const errorLinks: ErrorLink[] = fields.flatMap(({ name }) =>
    errors[name] ? [{ href: `#${name}`, text: errors[name] }] : [],
  );

  const onSubmit = useCheckedSubmit(form);

  return { register: form.register, errors, errorLinks, onSubmit };
}

/** One field of an account form, as its page defines it. */
export type AccountFieldDef = {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  spellCheck?: boolean;
};

/** A GOV.UK text input with its label, hint and error message. */
export function AccountField({
  field,
  form,
  defaultValue,
}: {
  field: AccountFieldDef;
  form: { register: UseFormRegister<Values>; errors: FieldErrors };
  defaultValue?: string;
}) {
  const { name, label, hint, type = "text", autoComplete, spellCheck = false } = field;
  const error = form.errors[name];
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="govuk-error-message" id={`${name}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-30${error ? " govuk-input--error" : ""}`}
        id={name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        autoCapitalize={type === "text" ? undefined : "none"}
        defaultValue={type === "password" ? undefined : defaultValue}
        aria-describedby={describedBy || undefined}
        {...form.register(name)}
      />
    </div>
  );
}

/**
 * A field people never see (hidden with the `hidden` attribute, so screen readers and the
 * keyboard skip it too) and form-filling bots often complete. A form that comes back with it
 * filled in is refused.
 */
export function Honeypot() {
  return (
    <div hidden>
      <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
