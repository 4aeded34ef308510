import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo, type FormEvent } from "react";
import {
  useForm,
  type FieldErrors as HookFieldErrors,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { FormInput, Question } from "../questionnaire/question-types";
import { pageQuestions, type PageDef, type PageFieldset } from "../questionnaire/section-types";
import { errorLinks, orderErrors, validatePage, type FieldErrors } from "../questionnaire/validate";
import { useClientErrorTitle } from "./document-title";
import { ErrorSummary } from "./error-summary";
import { QuestionField, type FieldContext } from "./question-fields";
import { useHydrated } from "./use-hydrated";
import { clearDraft, useDraft } from "./use-draft";

/** react-hook-form nests errors for list fields; we show one message per field path. */
function flattenErrors(node: unknown, prefix: string, out: Record<string, string>) {
  if (typeof node !== "object" || node === null) return;
  const message = (node as { message?: unknown }).message;
  if (prefix && typeof message === "string" && message && !(prefix in out)) out[prefix] = message;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    flattenErrors(child, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key, out);
  }
}

/**
 * react-hook-form's check before the form posts: the very validation the server runs on the same
 * page, so the browser and the server cannot disagree. (A hand-written resolver rather than
 * @hookform/resolvers: it reuses validatePage and keeps the wizard pages under their size budget.)
 */
function pageResolver(page: PageDef): Resolver<FormInput> {
  return (values) => {
    const result = validatePage(page, values);
    if (result.ok) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const [path, message] of Object.entries(result.errors)) {
      const keys = path.split(".");
      let node = errors;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[keys[keys.length - 1] as string] = { type: "validate", message };
    }
    return { values: {}, errors: errors as HookFieldErrors<FormInput> };
  };
}

function clientErrorsFrom(errors: HookFieldErrors<FormInput>, questions: readonly Question[]): FieldErrors {
  const flat: Record<string, string> = {};
  flattenErrors(errors, "", flat);
  return orderErrors(flat, questions);
}

type QuestionFormOptions = {
  page: PageDef;
  /** The values to show: what was posted (after an error) or what is saved. */
  defaults: FormInput;
  serverErrors?: FieldErrors;
  /** Where the form posts, including any ?return=check. */
  action: string;
  /** Keep a draft of what is typed in this browser, under this key, until the page is saved. */
  draftKey?: string;
  /** For sections that ask a list question: how to draw it. */
  RepeatingField?: FieldContext["RepeatingField"];
};

/**
 * The state behind a question form. The form is a plain HTML form the server handles on its
 * own; in the browser, react-hook-form first checks it with the very same zod schema, then lets
 * Remix post it.
 */
export function useQuestionForm({
  page,
  defaults,
  serverErrors,
  action,
  draftKey,
  RepeatingField,
}: QuestionFormOptions) {
  const questions = pageQuestions(page);
  const resolver = useMemo(() => pageResolver(page), [page]);
  const form = useForm<FormInput>({
    resolver,
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const hydrated = useHydrated();

  // After the server has answered with errors, the form already holds what was typed.
  const draft = useDraft(form, draftKey, hydrated && !serverErrors);
  const clientErrors = clientErrorsFrom(form.formState.errors, questions);
  const hasClientErrors = Object.keys(clientErrors).length > 0;
  useClientErrorTitle(hasClientErrors);
  const errors = hasClientErrors ? clientErrors : (serverErrors ?? {});

  const ctx: FieldContext = {
    register: form.register,
    setValue: form.setValue,
    control: form.control,
    errors,
    defaults,
    hydrated,
    RepeatingField,
  };

  const onSubmit = useCheckedSubmit(form, action, () => {
    if (draftKey) clearDraft(draftKey);
  });

  return { ctx, errorLinks: errorLinks(errors), onSubmit, draft };
}

/**
 * A form's submit handler in the browser: react-hook-form checks the form first, then Remix
 * posts it (to `action`, or the page's own address). A second press while a post is on its way
 * does nothing. The wizard's pages and the account pages share it.
 */
export function useCheckedSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  action?: string,
  beforePost?: () => void,
) {
  const submit = useSubmit();
  const navigation = useNavigation();
  return (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    if (navigation.state !== "idle") {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(() => {
      beforePost?.();
      submit(target, { method: "post", action });
    })(event);
  };
}

/** Questions asked together under one legend, each with its own label and errors. */
export function QuestionFieldset({
  fieldset,
  page,
  ctx,
}: {
  fieldset: PageFieldset;
  page: PageDef;
  ctx: FieldContext;
}) {
  const hintId = fieldset.hint ? `${fieldset.questionIds.join("-")}-group-hint` : undefined;
  const questions = fieldset.questionIds.flatMap((id) => page.questions.filter((question) => question.id === id));
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby={hintId}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          {fieldset.legend}
          {fieldset.optional ? " (optional)" : null}
        </legend>
        {fieldset.hint ? (
          <div id={hintId} className="govuk-hint">
            {fieldset.hint}
          </div>
        ) : null}
        {questions.map((question) => (
          <QuestionField key={question.id} question={question} ctx={ctx} isPageHeading={false} nested />
        ))}
      </fieldset>
    </div>
  );
}

type QuestionFormProps = QuestionFormOptions & {
  sectionTitle: string;
  formErrors?: readonly string[];
};

/** A whole question page: error summary, heading, the questions and Continue. */
export function QuestionForm({
  page,
  sectionTitle,
  defaults,
  serverErrors,
  formErrors,
  action,
  draftKey,
  RepeatingField,
}: QuestionFormProps) {
  const {
    ctx,
    errorLinks: links,
    onSubmit,
    draft,
  } = useQuestionForm({ page, defaults, serverErrors, action, draftKey, RepeatingField });
  const single = page.questions.length === 1 && !page.title;
  return (
    <>
      <ErrorSummary errors={links} messages={formErrors} />
      {draft.restored ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="draft-banner-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="draft-banner-title">
              Not saved yet
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              We have put back what you typed on this page last time. Select Continue to save it.
            </p>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={draft.discard}
            >
              Discard it and show my saved answers
            </button>
          </div>
        </div>
      ) : null}
      <span className="govuk-caption-l">{sectionTitle}</span>
      {single ? null : <h1 className="govuk-heading-l">{page.title}</h1>}
      {page.intro?.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
      {page.details ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{page.details.summary}</span>
          </summary>
          <div className="govuk-details__text">
            {page.details.paragraphs.map((paragraph) => (
              <p className="govuk-body" key={paragraph}>
                {paragraph}
              </p>
            ))}
          </div>
        </details>
      ) : null}
      <Form method="post" action={action} noValidate onSubmit={onSubmit}>
        {page.questions.map((question) => {
          const fieldset = page.fieldsets?.find((candidate) => candidate.questionIds.includes(question.id));
          if (!fieldset)
            return <QuestionField key={question.id} question={question} ctx={ctx} isPageHeading={single} />;
          // A group of questions is drawn once, where its first question would be.
          if (fieldset.questionIds[0] !== question.id) return null;
          return <QuestionFieldset key={question.id} fieldset={fieldset} page={page} ctx={ctx} />;
        })}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Continue
        </button>
      </Form>
    </>
  );
}
