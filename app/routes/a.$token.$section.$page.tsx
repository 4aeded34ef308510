import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useParams } from "@remix-run/react";
import { getAnswers, saveAnswers } from "../../db/repositories/answers";
import { requireRespondent } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { QuestionForm } from "../components/question-form";
import { db } from "../db.server";
import { pageInput, readForm } from "../form-data.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath, questionPath, sectionCheckPath } from "../paths";
import type { FormInput } from "../questionnaire/question-types";
import { findPage, findSection, pageAfter, pageBefore } from "../questionnaire/questionnaire";
import { formInputFor, pageQuestions, type PageDef, type SectionDef } from "../questionnaire/section-types";
import { validatePage, type FieldErrors } from "../questionnaire/validate";

export const headers = privatePageHeaders;

export const handle: PageHandle = {
  title: (data) => (data as { pageTitle?: string } | undefined)?.pageTitle ?? "Question",
};

function requirePage(
  sectionId: string | undefined,
  pageId: string | undefined,
): { section: SectionDef; page: PageDef } {
  const section = findSection(sectionId);
  const page = section ? findPage(section, pageId) : undefined;
  if (!section || !page) throw notFound();
  return { section, page };
}

function pageTitle(page: PageDef): string {
  return page.title ?? page.questions[0]?.label ?? "Question";
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(params.token);
  const { section, page } = requirePage(params.section, params.page);
  const token = params.token as string;
  const returnToCheck = new URL(request.url).searchParams.get("return") === "check";
  const answers = await getAnswers(db, respondent.respondentId);
  const previous = pageBefore(section, page);
  return {
    pageTitle: pageTitle(page),
    sectionTitle: section.title,
    values: formInputFor(pageQuestions(page), answers),
    backHref: returnToCheck
      ? sectionCheckPath(token, section.id)
      : previous
        ? questionPath(token, section.id, previous.id)
        : assessmentPath(token),
  };
}

/** What a rejected post returns: the problems, and what was typed (unless the body was unreadable). */
type ActionResult = { errors: FieldErrors; formErrors: string[]; values?: FormInput };

function invalid(result: ActionResult, status: 400 | 413 | 415 = 400) {
  return data(result, { status });
}

export async function action({ params, request }: ActionFunctionArgs) {
  const respondent = await requireRespondent(params.token);
  const { section, page } = requirePage(params.section, params.page);
  const token = params.token as string;
  const returnToCheck = new URL(request.url).searchParams.get("return") === "check";

  const posted = await readForm(request);
  if (!posted.ok) return invalid({ errors: {}, formErrors: [posted.message] }, posted.status);

  const questions = pageQuestions(page);
  const { input, problems } = pageInput(posted.fields, questions);
  if (problems.length > 0) return invalid({ errors: {}, formErrors: problems, values: input });

  const result = validatePage(page, input);
  if (!result.ok) return invalid({ errors: result.errors, formErrors: [], values: input });

  const set: Record<string, unknown> = {};
  const clear: string[] = [];
  for (const question of questions) {
    const value = result.values[question.id];
    if (value === undefined) clear.push(question.id);
    else set[question.id] = value;
  }
  await saveAnswers(db, {
    respondentId: respondent.respondentId,
    assessmentId: respondent.assessmentId,
    organisationId: respondent.organisationId,
    set,
    clear,
    organisationName: typeof set.orgName === "string" ? set.orgName : undefined,
  });

  const next = pageAfter(section, page);
  return redirect(
    returnToCheck || !next ? sectionCheckPath(token, section.id) : questionPath(token, section.id, next.id),
  );
}

export default function QuestionPage() {
  const { sectionTitle, values, backHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const params = useParams();
  // The loader has already answered 404 for unknown pages, so this never throws here.
  const { section, page } = requirePage(params.section, params.page);
  return (
    <div className="govuk-width-container">
      <BackLink to={backHref} />
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <QuestionForm
              key={`${section.id}/${page.id}`}
              page={page}
              sectionTitle={sectionTitle}
              defaults={actionData?.values ?? values}
              serverErrors={actionData?.errors}
              formErrors={actionData?.formErrors}
              action={location.pathname + location.search}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
