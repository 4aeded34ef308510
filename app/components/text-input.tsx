import type { ReactNode } from "react";

/**
 * One GOV.UK text input with its label, hint and error message, for forms that are not question
 * pages (those draw their fields from the question definitions). `id` is also the field's name.
 */
export function TextInput({
  id,
  label,
  hint,
  error,
  defaultValue,
  autoComplete,
  spellCheck,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  autoComplete: string;
  spellCheck?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-20${error ? " govuk-input--error" : ""}`}
        id={id}
        name={id}
        type="text"
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        defaultValue={defaultValue}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
