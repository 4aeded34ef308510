import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { useFieldArray, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import {
  choiceIncludes,
  type CheckboxesQuestion,
  type FormInput,
  type ItemInput,
  type NumberQuestion,
  type Option,
  type Question,
  type RadiosQuestion,
  type RepeatingQuestion,
  type TextareaQuestion,
  type TextQuestion,
} from "../questionnaire/question-types";
import { fieldDomId, type FieldErrors } from "../questionnaire/validate";

export type FieldContext = {
  register: UseFormRegister<FormInput>;
  setValue: UseFormSetValue<FormInput>;
  control: Control<FormInput>;
  errors: FieldErrors;
  defaults: FormInput;
  /** True once React runs in the browser: live counts, reveals and instant add and remove switch on. */
  hydrated: boolean;
};

type FieldProps<Q extends Question> = {
  question: Q;
  ctx: FieldContext;
  isPageHeading: boolean;
  /** The form field's name: the question id, or "projects.1.name" inside a repeating group. */
  name?: string;
  /** Inside a conditional reveal or a list item: a plain label, never "(optional)". */
  nested?: boolean;
};

export function QuestionField(props: FieldProps<Question>) {
  const { question } = props;
  switch (question.kind) {
    case "text":
      return <TextField {...props} question={question} />;
    case "textarea":
      return <TextareaField {...props} question={question} />;
    case "number":
      return <NumberField {...props} question={question} />;
    case "radios":
    case "checkboxes":
      return <ChoiceField {...props} question={question} />;
    case "repeating":
      return <RepeatingField {...props} question={question} />;
  }
}

/** A default value by dotted path: "orgName", or "projects.1.name". */
function defaultAt(defaults: FormInput, path: string): unknown {
  let node: unknown = defaults;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const value = ids.filter(Boolean).join(" ");
  return value || undefined;
}

function LabelText({ question, nested }: { question: Question; nested?: boolean }) {
  return (
    <>
      {question.label}
      {question.optional && !nested ? " (optional)" : null}
    </>
  );
}

function Label({
  question,
  htmlFor,
  isPageHeading,
  nested,
}: {
  question: Question;
  htmlFor: string;
  isPageHeading: boolean;
  nested?: boolean;
}) {
  const size = isPageHeading ? " govuk-label--l" : nested ? " govuk-label--s" : " govuk-label--m";
  const label = (
    <label className={`govuk-label${size}`} htmlFor={htmlFor}>
      <LabelText question={question} nested={nested} />
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function FormGroup({ error, children, className }: { error?: string; children: ReactNode; className?: string }) {
  const classes = ["govuk-form-group", error ? "govuk-form-group--error" : "", className ?? ""];
  return <div className={classes.filter(Boolean).join(" ")}>{children}</div>;
}

function textDefault(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Says how many characters are allowed before anyone reaches the limit. With JavaScript it
 * counts down as people type; screen readers hear the count once typing pauses.
 */
function CharacterCount({
  question,
  name,
  ctx,
}: {
  question: TextQuestion | TextareaQuestion;
  name: string;
  ctx: FieldContext;
}) {
  const value = useWatch({ control: ctx.control, name });
  const length = typeof value === "string" ? value.replace(/\r\n?/g, "\n").length : 0;
  const remaining = question.maxLength - length;
  const [announced, setAnnounced] = useState("");
  const limit = question.maxLength.toLocaleString("en-GB");
  const status =
    remaining >= 0
      ? `You have ${remaining.toLocaleString("en-GB")} character${remaining === 1 ? "" : "s"} remaining`
      : `You have ${(-remaining).toLocaleString("en-GB")} character${remaining === -1 ? "" : "s"} too many`;

  useEffect(() => {
    if (!ctx.hydrated) return;
    const timer = setTimeout(() => setAnnounced(status), 1000);
    return () => clearTimeout(timer);
  }, [status, ctx.hydrated]);

  const infoId = `${fieldDomId(name)}-info`;
  const staticMessage = `You can enter up to ${limit} characters`;
  if (!ctx.hydrated) {
    return (
      <div id={infoId} className="govuk-hint govuk-character-count__message">
        {staticMessage}
      </div>
    );
  }
  return (
    <>
      <div id={infoId} className="govuk-visually-hidden">
        {staticMessage}
      </div>
      <div
        className={`govuk-character-count__message govuk-character-count__status ${remaining < 0 ? "govuk-error-message" : "govuk-hint"}`}
        aria-hidden="true"
      >
        {status}
      </div>
      <div className="govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </>
  );
}

function TextField({ question, ctx, isPageHeading, name = question.id, nested }: FieldProps<TextQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const width = question.width && question.width !== "full" ? ` govuk-input--width-${question.width}` : "";
  return (
    <FormGroup error={error} className="govuk-character-count">
      <Label question={question} htmlFor={id} isPageHeading={isPageHeading} nested={nested} />
      <Hint id={`${id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input${width}${error ? " govuk-input--error" : ""}`}
        id={id}
        type="text"
        autoComplete={question.autocomplete ?? "off"}
        spellCheck={question.autocomplete ? false : undefined}
        aria-describedby={describedBy(hintId, errorId, `${id}-info`)}
        defaultValue={textDefault(defaultAt(ctx.defaults, name))}
        {...ctx.register(name)}
      />
      <CharacterCount question={question} name={name} ctx={ctx} />
    </FormGroup>
  );
}

function TextareaField({ question, ctx, isPageHeading, name = question.id, nested }: FieldProps<TextareaQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error} className="govuk-character-count">
      <Label question={question} htmlFor={id} isPageHeading={isPageHeading} nested={nested} />
      <Hint id={`${id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        className={`govuk-textarea govuk-js-character-count${error ? " govuk-textarea--error" : ""}`}
        id={id}
        rows={question.rows}
        aria-describedby={describedBy(hintId, errorId, `${id}-info`)}
        defaultValue={textDefault(defaultAt(ctx.defaults, name))}
        {...ctx.register(name)}
      />
      <CharacterCount question={question} name={name} ctx={ctx} />
    </FormGroup>
  );
}

function NumberField({ question, ctx, isPageHeading, name = question.id, nested }: FieldProps<NumberQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const input = (
    <input
      className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
      id={id}
      type="text"
      inputMode={question.decimals ? "decimal" : "numeric"}
      spellCheck={false}
      autoComplete="off"
      aria-describedby={describedBy(hintId, errorId)}
      defaultValue={textDefault(defaultAt(ctx.defaults, name))}
      {...ctx.register(name)}
    />
  );
  return (
    <FormGroup error={error}>
      <Label question={question} htmlFor={id} isPageHeading={isPageHeading} nested={nested} />
      <Hint id={`${id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      {question.suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {question.suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}

function Legend({ question, isPageHeading, nested }: { question: Question; isPageHeading: boolean; nested?: boolean }) {
  if (isPageHeading) {
    return (
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
        <h1 className="govuk-fieldset__heading">
          <LabelText question={question} />
        </h1>
      </legend>
    );
  }
  return (
    <legend className={`govuk-fieldset__legend ${nested ? "govuk-fieldset__legend--s" : "govuk-fieldset__legend--m"}`}>
      <LabelText question={question} nested={nested} />
    </legend>
  );
}

/** The input id: the first option takes the field's own id, so error links land on it. */
function optionId(baseId: string, index: number): string {
  return index === 0 ? baseId : `${baseId}-${index + 1}`;
}

function ChoiceField({
  question,
  ctx,
  isPageHeading,
  name = question.id,
  nested,
}: FieldProps<RadiosQuestion | CheckboxesQuestion>) {
  const baseId = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${baseId}-hint` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const current = useWatch({ control: ctx.control, name });
  const type = question.kind === "radios" ? "radio" : "checkbox";
  const block = question.kind === "radios" ? "govuk-radios" : "govuk-checkboxes";
  const small = nested ? ` ${block}--small` : "";
  const inline = question.kind === "radios" && question.inline ? " govuk-radios--inline" : "";
  const defaults = defaultAt(ctx.defaults, name);
  const registered = ctx.register(name);
  const firstExclusive = question.options.findIndex((option) => option.exclusive);

  function onChange(option: Option, checked: boolean) {
    if (question.kind !== "checkboxes" || !checked) return;
    // "None of these" and the other options rule each other out, as GOV.UK Frontend does.
    const chosen = Array.isArray(current) ? (current as string[]) : [];
    const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.value);
    const next = option.exclusive
      ? [option.value]
      : [...chosen.filter((value) => !exclusive.includes(value)), option.value];
    ctx.setValue(name, [...new Set(next)]);
  }

  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <Legend question={question} isPageHeading={isPageHeading} nested={nested} />
        <Hint id={`${baseId}-hint`}>{question.hint}</Hint>
        <ErrorMessage id={`${baseId}-error`} message={error} />
        <div className={`${block}${small}${inline}`} data-module={block}>
          {question.options.map((option, index) => {
            const id = optionId(baseId, index);
            const itemHintId = option.hint ? `${id}-item-hint` : undefined;
            const conditionalId = option.reveals ? `conditional-${id}` : undefined;
            const checkedNow = ctx.hydrated
              ? choiceIncludes(current, option.value)
              : choiceIncludes(defaults, option.value);
            return (
              <Fragment key={option.value}>
                {index === firstExclusive && index > 0 ? <div className={`${block}__divider`}>or</div> : null}
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={id}
                    type={type}
                    value={option.value}
                    defaultChecked={choiceIncludes(defaults, option.value)}
                    aria-describedby={itemHintId}
                    aria-controls={ctx.hydrated ? conditionalId : undefined}
                    data-behaviour={option.exclusive && question.kind === "checkboxes" ? "exclusive" : undefined}
                    {...registered}
                    onChange={(event) => {
                      void registered.onChange(event);
                      onChange(option, event.target.checked);
                    }}
                  />
                  <label className={`govuk-label ${block}__label`} htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={itemHintId} className={`govuk-hint ${block}__hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.reveals ? (
                  <div
                    className={`${block}__conditional${checkedNow ? "" : ` ${block}__conditional--hidden`}`}
                    id={conditionalId}
                  >
                    <QuestionField question={option.reveals} ctx={ctx} isPageHeading={false} nested />
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

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
function RepeatingField({ question, ctx }: FieldProps<RepeatingQuestion>) {
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
          <LabelText question={question} />
        </legend>
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
