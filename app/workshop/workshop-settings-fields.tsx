import type { FieldErrors } from "../accounts/account-forms";

export type WorkshopSettingsValues = { sections: string[]; names: string };

/** The error summary's links to the settings' fields, in the order the form shows them. */
export function workshopSettingsErrorLinks(errors: FieldErrors, sections: readonly { id: string }[]) {
  return [
    ...(errors.sections ? [{ href: `#sections-${sections[0]?.id ?? ""}`, text: errors.sections }] : []),
    ...(errors.names ? [{ href: "#names-shown", text: errors.names }] : []),
  ];
}

/**
 * The workshop's two settings as GOV.UK form fields: which sections participants answer
 * (checkboxes) and whether the facilitator's view shows names (radios). Used when a workshop
 * starts and when its settings change, so both read the same.
 */
export function WorkshopSettingsFields({
  sections,
  values,
  errors,
}: {
  sections: readonly { id: string; title: string; hint?: string }[];
  values: WorkshopSettingsValues;
  errors: FieldErrors;
}) {
  return (
    <>
      <div className={`govuk-form-group${errors.sections ? " govuk-form-group--error" : ""}`}>
        <fieldset
          className="govuk-fieldset"
          aria-describedby={`sections-hint${errors.sections ? " sections-error" : ""}`}
        >
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Which sections do participants answer?</h2>
          </legend>
          <div className="govuk-hint" id="sections-hint">
            You answer the other sections yourself. Facts such as the organisation&apos;s size are usually best left
            with you.
          </div>
          {errors.sections ? (
            <p className="govuk-error-message" id="sections-error">
              <span className="govuk-visually-hidden">Error:</span> {errors.sections}
            </p>
          ) : null}
          <div className="govuk-checkboxes" data-module="govuk-checkboxes">
            {sections.map((section) => (
              <div className="govuk-checkboxes__item" key={section.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={`sections-${section.id}`}
                  name="sections"
                  type="checkbox"
                  value={section.id}
                  defaultChecked={values.sections.includes(section.id)}
                  aria-describedby={`sections-${section.id}-hint`}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`sections-${section.id}`}>
                  {section.title}
                </label>
                <div className="govuk-hint govuk-checkboxes__hint" id={`sections-${section.id}-hint`}>
                  {section.hint}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`govuk-form-group${errors.names ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby={`names-hint${errors.names ? " names-error" : ""}`}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Show who gave which answer?</h2>
          </legend>
          <div className="govuk-hint" id="names-hint">
            People may answer more freely when their names are hidden.
          </div>
          {errors.names ? (
            <p className="govuk-error-message" id="names-error">
              <span className="govuk-visually-hidden">Error:</span> {errors.names}
            </p>
          ) : null}
          <div className="govuk-radios" data-module="govuk-radios">
            <div className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id="names-shown"
                name="names"
                type="radio"
                value="shown"
                defaultChecked={values.names === "shown"}
                aria-describedby="names-shown-hint"
              />
              <label className="govuk-label govuk-radios__label" htmlFor="names-shown">
                Show names
              </label>
              <div className="govuk-hint govuk-radios__hint" id="names-shown-hint">
                Your view shows each person&apos;s answer next to their name.
              </div>
            </div>
            <div className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id="names-hidden"
                name="names"
                type="radio"
                value="hidden"
                defaultChecked={values.names === "hidden"}
                aria-describedby="names-hidden-hint"
              />
              <label className="govuk-label govuk-radios__label" htmlFor="names-hidden">
                Hide names
              </label>
              <div className="govuk-hint govuk-radios__hint" id="names-hidden-hint">
                Your view shows how many people gave each answer, never who. So that no one&apos;s answer can be worked
                out, a question&apos;s answers appear only once at least 3 people have answered it.
              </div>
            </div>
          </div>
        </fieldset>
      </div>
    </>
  );
}
