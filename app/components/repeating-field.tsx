import { useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import type { ItemInput, RepeatingQuestion } from "../questionnaire/question-types";
import { fieldDomId } from "../questionnaire/validate";
import { DefaultSubmitButton } from "./default-submit-button";
import {
  defaultAt,
  describedBy,
  ErrorMessage,
  FormGroup,
  Hint,
  LabelText,
  QuestionField,
  textDefault,
  type FieldProps,
} from "./question-fields";

function blankItem(question: RepeatingQuestion): ItemInput {
  const item: ItemInput = { id: "" };
  for (const field of question.fields) item[field.id] = field.kind === "checkboxes" ? [] : "";
  return item;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A list people build with "Add another" and "Remove". Without JavaScript both buttons post the
 * form and the server sends it back with the item added or removed, nothing saved; with
 * JavaScript they change the list at once.
 */
export function RepeatingField({ question, ctx }: FieldProps<RepeatingQuestion>) {
  const { fields, append, remove } = useFieldArray({ control: ctx.control, name: question.id as never });
  const addButton = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const error = ctx.errors[question.id];
  const baseId = fieldDomId(question.id);
  const itemName = question.itemName;
  const full = fields.length >= question.maxItems;

  function add() {
    const index = fields.length;
    const first = question.fields[0];
    append(blankItem(question) as never, {
      shouldFocus: true,
      focusName: first ? `${question.id}.${index}.${first.id}` : undefined,
    });
    setAnnouncement(`${capitalise(itemName)} ${index + 1} added`);
  }

  function removeAt(index: number) {
    remove(index);
    setAnnouncement(`${capitalise(itemName)} ${index + 1} removed`);
    addButton.current?.focus();
  }

  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(question.hint && `${baseId}-hint`)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <LabelText question={question} markOptional />
        </legend>
        {/* Before every "Add" and "Remove" button in the form, so Enter in any field continues. */}
        <DefaultSubmitButton />
        <Hint id={`${baseId}-hint`}>{question.hint}</Hint>
        <ErrorMessage id={`${baseId}-error`} message={error} />
        {fields.length === 0 ? (
          <p className="govuk-body app-repeating__empty" id={baseId} tabIndex={-1}>
            No {itemName}s added.
          </p>
        ) : null}
        {fields.map((field, index) => {
          const prefix = `${question.id}.${index}`;
          const savedId = defaultAt(ctx.defaults, `${prefix}.id`);
          return (
            <div className="app-repeating__item" key={field.id}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {capitalise(itemName)} {index + 1}
                </legend>
                <input type="hidden" defaultValue={textDefault(savedId)} {...ctx.register(`${prefix}.id`)} />
                {question.fields.map((itemField) => (
                  <QuestionField
                    key={itemField.id}
                    question={itemField}
                    ctx={ctx}
                    isPageHeading={false}
                    name={`${prefix}.${itemField.id}`}
                    nested
                    markOptional
                  />
                ))}
                <button
                  type={ctx.hydrated ? "button" : "submit"}
                  name={ctx.hydrated ? undefined : "intent"}
                  value={ctx.hydrated ? undefined : `remove:${question.id}:${index}`}
                  className="govuk-button govuk-button--secondary app-repeating__remove"
                  data-module="govuk-button"
                  onClick={ctx.hydrated ? () => removeAt(index) : undefined}
                >
                  Remove
                  <span className="govuk-visually-hidden">
                    {" "}
                    {itemName} {index + 1}
                  </span>
                </button>
              </fieldset>
            </div>
          );
        })}
        {full ? (
          <p className="govuk-body">
            You have added the most {itemName}s you can ({question.maxItems}).
          </p>
        ) : (
          <button
            ref={addButton}
            type={ctx.hydrated ? "button" : "submit"}
            name={ctx.hydrated ? undefined : "intent"}
            value={ctx.hydrated ? undefined : `add:${question.id}`}
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={ctx.hydrated ? add : undefined}
            id={fields.length === 0 ? undefined : baseId}
          >
            {fields.length === 0 ? `Add a ${itemName}` : `Add another ${itemName}`}
          </button>
        )}
        <div className="govuk-visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </fieldset>
    </FormGroup>
  );
}
