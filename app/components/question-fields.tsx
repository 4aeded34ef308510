import { Fragment, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { useWatch, type Control, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import {
  choiceIncludes,
  DONT_KNOW,
  dontKnowField,
  type CheckboxesQuestion,
  type FormInput,
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
  /**
   * How to draw a list question ("Add another"). Only the sections that ask one pass it, so the
   * other wizard pages do not load its code: it keeps them inside their JavaScript budget.
   */
  RepeatingField?: ComponentType<FieldProps<RepeatingQuestion>>;
};

export type FieldProps<Q extends Question> = {
  question: Q;
  ctx: FieldContext;
  isPageHeading: boolean;
  /** The form field's name: the question id, or "projects.1.name" inside a repeating group. */
  name?: string;
  /** Inside a conditional reveal, a list item or a group of questions: a smaller label. */
  nested?: boolean;
  /**
   * Whether an optional question says "(optional)". Not inside a conditional reveal, whose
   * follow-up is required once its option is chosen; yes in a list item. Defaults to `!nested`.
   */
  markOptional?: boolean;
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
    case "repeating": {
      const Repeating = props.ctx.RepeatingField;
      if (!Repeating)
        throw new Error(`The page asks "${question.id}", a list, but its route did not pass RepeatingField.`);
      return <Repeating {...props} question={question} />;
    }
  }
}

/** A default value by dotted path: "orgName", or "projects.1.name". */
export function defaultAt(defaults: FormInput, path: string): unknown {
  let node: unknown = defaults;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const value = ids.filter(Boolean).join(" ");
  return value || undefined;
}

export function LabelText({ question, markOptional }: { question: Question; markOptional: boolean }) {
  return (
    <>
      {question.label}
      {question.optional && markOptional ? " (optional)" : null}
    </>
  );
}

function Label({
  question,
  htmlFor,
  isPageHeading,
  nested,
  markOptional = !nested,
}: {
  question: Question;
  htmlFor: string;
  isPageHeading: boolean;
  nested?: boolean;
  markOptional?: boolean;
}) {
  const size = isPageHeading ? " govuk-label--l" : nested ? " govuk-label--s" : " govuk-label--m";
  const label = (
    <label className={`govuk-label${size}`} htmlFor={htmlFor}>
      <LabelText question={question} markOptional={markOptional} />
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export function FormGroup({ error, children, className }: { error?: string; children: ReactNode; className?: string }) {
  const classes = ["govuk-form-group", error ? "govuk-form-group--error" : "", className ?? ""];
  return <div className={classes.filter(Boolean).join(" ")}>{children}</div>;
}

export function textDefault(value: unknown): string {
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

function TextField({
  question,
  ctx,
  isPageHeading,
  name = question.id,
  nested,
  markOptional,
}: FieldProps<TextQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const width = question.width && question.width !== "full" ? ` govuk-input--width-${question.width}` : "";
  const counted = question.countCharacters !== false;
  return (
    <FormGroup error={error} className={counted ? "govuk-character-count" : undefined}>
      <Label
        question={question}
        htmlFor={id}
        isPageHeading={isPageHeading}
        nested={nested}
        markOptional={markOptional}
      />
      <Hint id={`${id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input${width}${error ? " govuk-input--error" : ""}`}
        id={id}
        type="text"
        autoComplete={question.autocomplete ?? "off"}
        spellCheck={question.autocomplete && counted ? false : undefined}
        aria-describedby={describedBy(hintId, errorId, counted && `${id}-info`)}
        defaultValue={textDefault(defaultAt(ctx.defaults, name))}
        {...ctx.register(name)}
      />
      {counted ? <CharacterCount question={question} name={name} ctx={ctx} /> : null}
    </FormGroup>
  );
}

function TextareaField({
  question,
  ctx,
  isPageHeading,
  name = question.id,
  nested,
  markOptional,
}: FieldProps<TextareaQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error} className="govuk-character-count">
      <Label
        question={question}
        htmlFor={id}
        isPageHeading={isPageHeading}
        nested={nested}
        markOptional={markOptional}
      />
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

/** The box of a number question, with its prefix (a currency sign) and suffix (a unit) if any. */
function NumberInput({
  question,
  id,
  name,
  ctx,
  error,
  describedBy: description,
  onTyped,
}: {
  question: NumberQuestion;
  id: string;
  name: string;
  ctx: FieldContext;
  error?: string;
  describedBy?: string;
  onTyped?: (text: string) => void;
}) {
  const registered = ctx.register(name);
  const input = (
    <input
      className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
      id={id}
      type="text"
      inputMode={question.decimals ? "decimal" : "numeric"}
      spellCheck={false}
      autoComplete="off"
      aria-describedby={description}
      defaultValue={textDefault(defaultAt(ctx.defaults, name))}
      {...registered}
      onChange={(event) => {
        void registered.onChange(event);
        onTyped?.(event.target.value);
      }}
    />
  );
  if (!question.prefix && !question.suffix) return input;
  return (
    <div className="govuk-input__wrapper">
      {question.prefix ? (
        <div className="govuk-input__prefix" aria-hidden="true">
          {question.prefix}
        </div>
      ) : null}
      {input}
      {question.suffix ? (
        <div className="govuk-input__suffix" aria-hidden="true">
          {question.suffix}
        </div>
      ) : null}
    </div>
  );
}

function NumberField(props: FieldProps<NumberQuestion>) {
  if (props.question.dontKnow) return <NumberOrDontKnowField {...props} />;
  const { question, ctx, isPageHeading, name = question.id, nested, markOptional } = props;
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <Label
        question={question}
        htmlFor={id}
        isPageHeading={isPageHeading}
        nested={nested}
        markOptional={markOptional}
      />
      <Hint id={`${id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <NumberInput
        question={question}
        id={id}
        name={name}
        ctx={ctx}
        error={error}
        describedBy={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}

/**
 * A number, or "I don't know": the box, the GOV.UK "or" divider, then one checkbox. They are
 * one group, whose legend is the question. Without JavaScript both post and the server points
 * out an answer given both ways; with it, ticking the box empties the number and typing a number
 * unticks the box, as GOV.UK's "none of these" checkboxes do.
 */
function NumberOrDontKnowField({
  question,
  ctx,
  isPageHeading,
  name = question.id,
  nested,
}: FieldProps<NumberQuestion>) {
  const id = fieldDomId(name);
  const error = ctx.errors[name];
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const companion = dontKnowField(name);
  const checkboxId = `${id}-unknown`;
  const registered = ctx.register(companion);
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <Legend question={question} isPageHeading={isPageHeading} nested={nested} />
        <Hint id={`${id}-hint`}>{question.hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
          {question.dontKnow?.inputLabel ?? question.label}
        </label>
        <NumberInput
          question={question}
          id={id}
          name={name}
          ctx={ctx}
          error={error}
          onTyped={(text) => {
            if (text.trim() !== "") ctx.setValue(companion, undefined);
          }}
        />
        <div className="govuk-checkboxes govuk-!-margin-top-2" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__divider">or</div>
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id={checkboxId}
              type="checkbox"
              value={DONT_KNOW}
              defaultChecked={defaultAt(ctx.defaults, companion) === DONT_KNOW}
              {...registered}
              onChange={(event) => {
                void registered.onChange(event);
                if (event.target.checked) ctx.setValue(name, "");
              }}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={checkboxId}>
              I don&apos;t know
            </label>
          </div>
        </div>
      </fieldset>
    </FormGroup>
  );
}

function Legend({
  question,
  isPageHeading,
  nested,
  markOptional = !nested,
}: {
  question: Question;
  isPageHeading: boolean;
  nested?: boolean;
  markOptional?: boolean;
}) {
  if (isPageHeading) {
    return (
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
        <h1 className="govuk-fieldset__heading">
          <LabelText question={question} markOptional />
        </h1>
      </legend>
    );
  }
  return (
    <legend className={`govuk-fieldset__legend ${nested ? "govuk-fieldset__legend--s" : "govuk-fieldset__legend--m"}`}>
      <LabelText question={question} markOptional={markOptional} />
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
  markOptional,
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
        <Legend question={question} isPageHeading={isPageHeading} nested={nested} markOptional={markOptional} />
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
                  {/* NOTE: the rule reads the input as a text box because `type` is a variable; it is
                      always "radio" or "checkbox" here, which GOV.UK gives aria-expanded. */}
                  {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props */}
                  <input
                    className={`${block}__input`}
                    id={id}
                    type={type}
                    value={option.value}
                    defaultChecked={choiceIncludes(defaults, option.value)}
                    aria-describedby={itemHintId}
                    aria-controls={ctx.hydrated ? conditionalId : undefined}
                    // As GOV.UK Frontend does once its script runs: screen readers hear that the
                    // option opens a follow-up question, and whether it is open. Without JavaScript
                    // every follow-up shows, so there is nothing to expand.
                    aria-expanded={ctx.hydrated && conditionalId ? checkedNow : undefined}
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
