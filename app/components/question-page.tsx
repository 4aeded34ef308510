import { Form, useActionData, useLoaderData, useLocation, useParams } from "@remix-run/react";
import { notFound } from "../http";
import type { QuestionActionResult, questionPageLoader } from "../question-page.server";
import type { FormInput } from "../questionnaire/question-types";
import { findPage } from "../questionnaire/pages";
import type { SectionDef } from "../questionnaire/section-types";
import { BackLink } from "./back-link";
import type { PageHandle } from "./document-title";
import { HiddenFields } from "./hidden-fields";
import type { FieldContext } from "./question-fields";
import { QuestionForm } from "./question-form";

type QuestionLoaderData = Awaited<ReturnType<typeof questionPageLoader>>;

export const questionPageHandle: PageHandle = {
  title: (data) => (data as { pageTitle?: string } | undefined)?.pageTitle ?? "Question",
};

/** A question page of one section: the form, or a confirmation before answers are deleted. */
export function QuestionPage({
  section,
  RepeatingField,
}: {
  section: SectionDef;
  /** Sections that ask a list question pass how to draw it (see FieldContext). */
  RepeatingField?: FieldContext["RepeatingField"];
}) {
  const { ctx, sectionTitle, values, backHref } = useLoaderData<QuestionLoaderData>();
  const actionData = useActionData<QuestionActionResult>();
  const location = useLocation();
  const params = useParams();
  // The loader has already answered 404 for unknown pages, so this never throws here.
  const page = findPage(section.pages(ctx), params.page);
  if (!page) throw notFound();
  const formAction = location.pathname + location.search;
  const defaults = actionData?.values ?? values;

  if (actionData?.confirmRemoval) {
    return (
      <RemovalConfirmation
        removal={actionData.confirmRemoval}
        values={defaults}
        sectionTitle={sectionTitle}
        action={formAction}
        backHref={backHref}
      />
    );
  }
  return (
    <div className="govuk-width-container">
      <BackLink to={backHref} />
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <QuestionForm
              key={`${section.id}/${page.id}`}
              page={page}
              sectionTitle={sectionTitle}
              defaults={defaults}
              serverErrors={actionData?.errors}
              formErrors={actionData?.formErrors}
              action={formAction}
              draftKey={location.pathname}
              RepeatingField={RepeatingField}
            />
          </div>
        </div>
      </main>
    </div>
  );
}

function RemovalConfirmation({
  removal,
  values,
  sectionTitle,
  action,
  backHref,
}: {
  removal: NonNullable<QuestionActionResult["confirmRemoval"]>;
  values: FormInput;
  sectionTitle: string;
  action: string;
  backHref: string;
}) {
  return (
    <div className="govuk-width-container">
      <BackLink to={backHref} />
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">{sectionTitle}</span>
            <h1 className="govuk-heading-l app-wrap">{removal.title}</h1>
            <p className="govuk-body">
              You have already answered questions about {removal.names.length === 1 ? "this group" : "these groups"}.
              Removing {removal.names.length === 1 ? "it" : "them"} also deletes {removal.answerCount}{" "}
              {removal.answerCount === 1 ? "answer" : "answers"} about {removal.names.length === 1 ? "it" : "them"}, in
              this section and the next. You cannot undo this.
            </p>
            <div className="govuk-button-group">
              <Form method="post" action={action}>
                <HiddenFields values={values} />
                <input type="hidden" name="confirmRemoval" value="yes" />
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Yes, remove and continue
                </button>
              </Form>
              <Form method="post" action={action}>
                <HiddenFields values={values} />
                <input type="hidden" name="confirmRemoval" value="no" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  No, go back
                </button>
              </Form>
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}
