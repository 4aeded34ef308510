import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { getSectionCompletion, setSectionCompleted } from "../../db/repositories/section-progress";
import { requireAnswerer, requireSectionFor } from "../workshop/participant-access.server";
import { AnswerSummary } from "../components/answer-summary";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ErrorSummary } from "../components/error-summary";
import { QuestionField } from "../components/question-fields";
import { useQuestionForm } from "../components/question-form";
import { db } from "../db.server";
import { pageInput, readForm } from "../form-data.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath, questionPath } from "../paths";
import { loadAnswers } from "../questionnaire/answers.server";
import { completionPage, sectionCompleted } from "../questionnaire/completion";
import type { FormInput } from "../questionnaire/question-types";
import {
  canOpenSection,
  findSection,
  firstIncompletePage,
  isSectionValid,
  pageContext,
} from "../questionnaire/questionnaire";
import { reviewSection } from "../questionnaire/section-review";
import type { SectionDef } from "../questionnaire/section-types";
import { validatePage, type FieldErrors } from "../questionnaire/validate";

export const headers = privatePageHeaders;

export const handle: PageHandle = {
  title: (data) => `Check your answers: ${(data as { sectionTitle?: string } | undefined)?.sectionTitle ?? "section"}`,
};

function requireSection(sectionId: string | undefined): SectionDef {
  const section = findSection(sectionId);
  if (!section) throw notFound();
  return section;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const section = requireSection(params.section);
  requireSectionFor(participant, section.id);
  const token = params.token as string;
  const [{ answers, notAsked }, completion] = await Promise.all([
    loadAnswers(respondent),
    getSectionCompletion(db, respondent.respondentId),
  ]);
  if (!canOpenSection(section, answers, completion)) throw redirect(assessmentPath(token));
  const ctx = pageContext(answers);
  const blocks = reviewSection(section, answers, ctx, notAsked).map((block) => ({
    ...block,
    rows: block.rows.map((row) => ({ ...row, href: questionPath(token, section.id, row.pageId, "check") })),
  }));
  const toAnswer = blocks.flatMap((block) => block.rows).filter((row) => row.needsAnswer);
  const next = firstIncompletePage(section, answers, ctx);
  const saidComplete = completion[section.id];
  return {
    sectionTitle: section.title,
    blocks,
    toAnswerCount: toAnswer.length,
    nextToAnswerHref: next ? questionPath(token, section.id, next.id) : undefined,
    completedDefault: saidComplete ? "yes" : saidComplete === null ? "no" : undefined,
    taskListHref: assessmentPath(token),
  };
}

type ActionResult = { errors: FieldErrors; formErrors: string[]; values?: FormInput };

export async function action({ params, request }: ActionFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const section = requireSection(params.section);
  requireSectionFor(participant, section.id);
  const token = params.token as string;

  const posted = await readForm(request);
  if (!posted.ok) return data<ActionResult>({ errors: {}, formErrors: [posted.message] }, { status: posted.status });
  const { input, problems } = pageInput(posted.fields, [sectionCompleted]);
  if (problems.length > 0)
    return data<ActionResult>({ errors: {}, formErrors: problems, values: input }, { status: 400 });
  const result = validatePage(completionPage, input);
  if (!result.ok) return data<ActionResult>({ errors: result.errors, formErrors: [], values: input }, { status: 400 });

  const completed = result.values.completed === "yes";
  if (completed && !isSectionValid(section, (await loadAnswers(respondent)).answers)) {
    return data<ActionResult>(
      {
        errors: { completed: "Answer every question in this section before you mark it as complete" },
        formErrors: [],
        values: input,
      },
      { status: 400 },
    );
  }
  await setSectionCompleted(db, { respondentId: respondent.respondentId, sectionId: section.id, completed });
  return redirect(assessmentPath(token));
}

export default function CheckSectionPage() {
  const { sectionTitle, blocks, toAnswerCount, nextToAnswerHref, completedDefault, taskListHref } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const formAction = location.pathname;
  const { ctx, errorLinks, onSubmit } = useQuestionForm({
    page: completionPage,
    defaults: actionData?.values ?? { completed: completedDefault },
    serverErrors: actionData?.errors,
    action: formAction,
  });

  return (
    <div className="govuk-width-container">
      <BackLink to={taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errorLinks} messages={actionData?.formErrors} />
            <span className="govuk-caption-l">{sectionTitle}</span>
            <h1 className="govuk-heading-l">Check your answers</h1>
            <div className="govuk-!-margin-bottom-9">
              <AnswerSummary blocks={blocks} />
            </div>

            {toAnswerCount > 0 && nextToAnswerHref ? (
              <>
                <div className="govuk-inset-text">
                  You have {toAnswerCount} {toAnswerCount === 1 ? "question" : "questions"} left to answer in this
                  section. You can mark it as complete once you have answered {toAnswerCount === 1 ? "it" : "them"}.
                </div>
                <div className="govuk-button-group">
                  <Link
                    to={nextToAnswerHref}
                    className="govuk-button"
                    role="button"
                    draggable="false"
                    data-module="govuk-button"
                  >
                    Continue answering
                  </Link>
                  <Link to={taskListHref} className="govuk-link">
                    Return to your assessment
                  </Link>
                </div>
              </>
            ) : (
              <Form method="post" action={formAction} noValidate onSubmit={onSubmit}>
                <QuestionField question={sectionCompleted} ctx={ctx} isPageHeading={false} />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Continue
                </button>
              </Form>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
