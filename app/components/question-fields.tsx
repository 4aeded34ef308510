import { Fragment, useEffect, useState, type ReactNode } from "react";
import { useWatch, type Control, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import {
  choiceIncludes,
  type CheckboxesQuestion,
  type FieldInput,
  type FormInput,
  type NumberQuestion,
  type Option,
  type Question,
  type RadiosQuestion,
  type TextareaQuestion,
  type TextQuestion,
} from "../questionnaire/question-types";
import type { FieldErrors } from "../questionnaire/validate";

export type FieldContext = {
  register: UseFormRegister<FormInput>;
  setValue: UseFormSetValue<FormInput>;
  control: Control<FormInput>;
  errors: FieldErrors;
  defaults: FormInput;
  /** True once React runs in the browser: live counts and reveals switch on. */
  hydrated: boolean;
};

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type FieldProps<Q extends Question> = { question: Q; ctx: FieldContext; isPageHeading: boolean };

export function QuestionField({ question, ctx, isPageHeading }: FieldProps<Question>) {
  switch (question.kind) {
    case "text":
      return <TextField question={question} ctx={ctx} isPageHeading={isPageHeading} />;
    case "textarea":
      return <TextareaField question={question} ctx={ctx} isPageHeading={isPageHeading} />;
    case "number":
      return <NumberField question={question} ctx={ctx} isPageHeading={isPageHeading} />;
    case "radios":
      return <RadiosField question={question} ctx={ctx} isPageHeading={isPageHeading} />;
    case "checkboxes":
      return <CheckboxesField question={question} ctx={ctx} isPageHeading={isPageHeading} />;
  }
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const value = ids.filter(Boolean).join(" ");
  return value || undefined;
}

/** A revealed follow-up is "optional" only in the sense that its option may not be chosen. */
function LabelText({ question, nested }: { question: Question; nested?: boolean }) {
  return (
    <>
      {question.label}
      {question.optional && !nested ? " (optional)" : null}
    </>
  );
}

function Label({ question, isPageHeading, nested }: { question: Question; isPageHeading: boolean; nested?: boolean }) {
  const size = isPageHeading ? " govuk-label--l" : nested ? "" : " govuk-label--m";
  const label = (
    <label className={`govuk-label${size}`} htmlFor={question.id}>
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

function textDefault(value: FieldInput): string {
  return typeof value === "string" ? value : "";
}

/**
 * Says how many characters are allowed before anyone reaches the limit. With JavaScript it
 * counts down as people type; screen readers hear the count once typing pauses.
 */
function CharacterCount({ question, ctx }: { question: TextQuestion | TextareaQuestion; ctx: FieldContext }) {
  const value = useWatch({ control: ctx.control, name: question.id });
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

  const staticMessage = `You can enter up to ${limit} characters`;
  if (!ctx.hydrated) {
    return (
      <div id={`${question.id}-info`} className="govuk-hint govuk-character-count__message">
        {staticMessage}
      </div>
    );
  }
  return (
    <>
      <div id={`${question.id}-info`} className="govuk-visually-hidden">
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

function TextField({ question, ctx, isPageHeading, nested }: FieldProps<TextQuestion> & { nested?: boolean }) {
  const error = ctx.errors[question.id];
  const hintId = question.hint ? `${question.id}-hint` : undefined;
  const errorId = error ? `${question.id}-error` : undefined;
  const width = question.width && question.width !== "full" ? ` govuk-input--width-${question.width}` : "";
  return (
    <FormGroup error={error} className="govuk-character-count">
      <Label question={question} isPageHeading={isPageHeading} nested={nested} />
      <Hint id={`${question.id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${question.id}-error`} message={error} />
      <input
        className={`govuk-input${width}${error ? " govuk-input--error" : ""}`}
        id={question.id}
        type="text"
        autoComplete={question.autocomplete ?? "off"}
        spellCheck={question.autocomplete ? false : undefined}
        aria-describedby={describedBy(hintId, errorId, `${question.id}-info`)}
        defaultValue={textDefault(ctx.defaults[question.id])}
        {...ctx.register(question.id)}
      />
      <CharacterCount question={question} ctx={ctx} />
    </FormGroup>
  );
}

function TextareaField({ question, ctx, isPageHeading }: FieldProps<TextareaQuestion>) {
  const error = ctx.errors[question.id];
  const hintId = question.hint ? `${question.id}-hint` : undefined;
  const errorId = error ? `${question.id}-error` : undefined;
  return (
    <FormGroup error={error} className="govuk-character-count">
      <Label question={question} isPageHeading={isPageHeading} />
      <Hint id={`${question.id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${question.id}-error`} message={error} />
      <textarea
        className={`govuk-textarea govuk-js-character-count${error ? " govuk-textarea--error" : ""}`}
        id={question.id}
        rows={question.rows}
        aria-describedby={describedBy(hintId, errorId, `${question.id}-info`)}
        defaultValue={textDefault(ctx.defaults[question.id])}
        {...ctx.register(question.id)}
      />
      <CharacterCount question={question} ctx={ctx} />
    </FormGroup>
  );
}

function NumberField({ question, ctx, isPageHeading }: FieldProps<NumberQuestion>) {
  const error = ctx.errors[question.id];
  const hintId = question.hint ? `${question.id}-hint` : undefined;
  const errorId = error ? `${question.id}-error` : undefined;
  const input = (
    <input
      className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
      id={question.id}
      type="text"
      inputMode={question.decimals ? "decimal" : "numeric"}
      spellCheck={false}
      autoComplete="off"
      aria-describedby={describedBy(hintId, errorId)}
      defaultValue={textDefault(ctx.defaults[question.id])}
      {...ctx.register(question.id)}
    />
  );
  return (
    <FormGroup error={error}>
      <Label question={question} isPageHeading={isPageHeading} />
      <Hint id={`${question.id}-hint`}>{question.hint}</Hint>
      <ErrorMessage id={`${question.id}-error`} message={error} />
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

function Legend({ question, isPageHeading }: { question: Question; isPageHeading: boolean }) {
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
    <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
      <LabelText question={question} />
    </legend>
  );
}

/** The input id: the first option takes the question's id, so error links land on it. */
function optionId(question: Question, index: number): string {
  return index === 0 ? question.id : `${question.id}-${index + 1}`;
}

type ChoiceProps = FieldProps<RadiosQuestion | CheckboxesQuestion>;

function ChoiceField({ question, ctx, isPageHeading }: ChoiceProps) {
  const error = ctx.errors[question.id];
  const hintId = question.hint ? `${question.id}-hint` : undefined;
  const errorId = error ? `${question.id}-error` : undefined;
  const current = useWatch({ control: ctx.control, name: question.id });
  const type = question.kind === "radios" ? "radio" : "checkbox";
  const block = question.kind === "radios" ? "govuk-radios" : "govuk-checkboxes";
  const inline = question.kind === "radios" && question.inline ? " govuk-radios--inline" : "";
  const defaults = ctx.defaults[question.id];
  const registered = ctx.register(question.id);

  function onChange(option: Option, checked: boolean) {
    if (question.kind !== "checkboxes" || !checked) return;
    // "None of these" and the other options rule each other out, as GOV.UK Frontend does.
    const chosen = Array.isArray(current) ? current : [];
    const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.value);
    const next = option.exclusive
      ? [option.value]
      : [...chosen.filter((value) => !exclusive.includes(value)), option.value];
    ctx.setValue(question.id, [...new Set(next)]);
  }

  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <Legend question={question} isPageHeading={isPageHeading} />
        <Hint id={`${question.id}-hint`}>{question.hint}</Hint>
        <ErrorMessage id={`${question.id}-error`} message={error} />
        <div className={`${block}${inline}`} data-module={block}>
          {question.options.map((option, index) => {
            const id = optionId(question, index);
            const itemHintId = option.hint ? `${id}-item-hint` : undefined;
            const conditionalId = option.reveals ? `conditional-${id}` : undefined;
            const checkedNow = ctx.hydrated
              ? choiceIncludes(current, option.value)
              : choiceIncludes(defaults, option.value);
            const showDivider = option.exclusive && index > 0;
            return (
              <Fragment key={option.value}>
                {showDivider ? <div className={`${block}__divider`}>or</div> : null}
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={id}
                    type={type}
                    value={option.value}
                    defaultChecked={choiceIncludes(defaults, option.value)}
                    aria-describedby={itemHintId}
                    aria-controls={ctx.hydrated ? conditionalId : undefined}
                    data-behaviour={option.exclusive ? "exclusive" : undefined}
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
                    <TextField question={option.reveals} ctx={ctx} isPageHeading={false} nested />
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

function RadiosField(props: FieldProps<RadiosQuestion>) {
  return <ChoiceField {...props} />;
}

function CheckboxesField(props: FieldProps<CheckboxesQuestion>) {
  return <ChoiceField {...props} />;
}
