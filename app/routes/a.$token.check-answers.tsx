import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { markSubmitted, type RespondentContext } from "../../db/repositories/assessments";
import { getSectionCompletion } from "../../db/repositories/section-progress";
import { AnswerSummary } from "../components/answer-summary";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ErrorSummary } from "../components/error-summary";
import { QuestionFieldset, useQuestionForm } from "../components/question-form";
import { db } from "../db.server";
import { pageInput, readForm } from "../form-data.server";
import { loadAnswers, sectionStatusesFor } from "../questionnaire/answers.server";
import { completedByName, completedByRole, finishPage } from "../questionnaire/completion";
import type { FormInput } from "../questionnaire/question-types";
import { validatePage, type FieldErrors } from "../questionnaire/validate";
import { privatePageHeaders } from "../http";
import { assessmentPath, completePath, questionPath, sectionCheckPath } from "../paths";
import { pageContext } from "../questionnaire/questionnaire";
import { reviewSection } from "../questionnaire/section-review";
import { renderPdfsAhead } from "../pdf/pdf-files.server";
import { lastBuiltCache } from "../last-built.server";
import type { SectionId } from "../questionnaire/section-types";
import type { ParticipantState } from "../../db/repositories/workshops";
import { requireAnswerer, sectionsFor } from "../workshop/participant-access.server";
import { questionsBlockingFinish } from "../workshop/settling.server";
import { settleQuestionPath } from "../workshop/paths";
import type { SettleQuestion } from "../workshop/settle-questions";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    ((data as { unsettled?: unknown[] } | undefined)?.unsettled?.length ?? 0) > 0
      ? "The workshop has answers still to settle"
      : "Check your answers before you finish",
};

async function load(respondent: RespondentContext, participant: ParticipantState | null) {
  const [{ answers, notAsked }, completion] = await Promise.all([
    loadAnswers(respondent),
    getSectionCompletion(db, respondent.respondentId),
  ]);
  const statuses = sectionStatusesFor(respondent, answers, completion);
  const sections = sectionsFor(participant);
  const unfinished = sections.filter((section) => statuses.get(section.id) !== "completed");
  // A workshop is finished only once the group has settled what its participants answered (the
  // owner's finish; a participant's own finish only says they are done).
  const unsettled = unfinished.length > 0 || participant ? [] : await questionsBlockingFinish(respondent);
  return { answers, notAsked, unfinished, sections, unsettled };
}

/**
 * The questions still to settle, as the refusal lists them: a workspace member (who opened the
 * assessment with their key) gets a link to each settle page; the executive's private link does not.
 */
function unsettledList(respondent: RespondentContext, unsettled: readonly SettleQuestion[]) {
  const workspaceId = respondent.viaMemberKey ? respondent.workspaceId : null;
  return unsettled.map((question) => ({
    key: question.key,
    title: question.title,
    sectionTitle: question.sectionTitle,
    href: workspaceId ? settleQuestionPath(workspaceId, respondent.assessmentId, question.key) : null,
  }));
}

/** Every section's answers as this page lists them, reused while the answers are unchanged. */
const reviews = lastBuiltCache<{ id: SectionId; title: string; blocks: ReturnType<typeof reviewSection> }[]>(200);

export async function loader({ params }: LoaderFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const token = params.token as string;
  const { answers, notAsked, unfinished, sections, unsettled } = await load(respondent, participant);
  const ctx = pageContext(answers);
  return {
    unsettled: unsettledList(respondent, unsettled),
    organisationName: participant ? participant.clientName : respondent.organisationName,
    workshop: participant ? { clientName: participant.clientName } : null,
    completedBy: respondent.completedBy,
    taskListHref: assessmentPath(token),
    unfinished: unfinished.map((section) => ({ title: section.title, href: sectionCheckPath(token, section.id) })),
    sections:
      unfinished.length > 0 || unsettled.length > 0
        ? []
        : reviews
            .get(
              respondent.respondentId,
              [respondent.questionnaireVersion, notAsked, answers, participant?.participantSections ?? null],
              () =>
                sections.map((section) => ({
                  id: section.id,
                  title: section.title,
                  blocks: reviewSection(section, answers, ctx, notAsked),
                })),
            )
            .map((section) => ({
              ...section,
              blocks: section.blocks.map((block) => ({
                ...block,
                rows: block.rows.map((row) => ({
                  ...row,
                  href: questionPath(token, section.id, row.pageId, "summary"),
                })),
              })),
            })),
  };
}

type ActionResult = { errors: FieldErrors; formErrors: string[]; values?: FormInput };

export async function action({ params, request }: ActionFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const token = params.token as string;
  const { unfinished, unsettled } = await load(respondent, participant);
  // Finishing with a section left undone, or a workshop question unsettled, is not possible from
  // our page; send people back to it, which says what is left.
  if (unfinished.length > 0 || unsettled.length > 0) return redirect(`${assessmentPath(token)}/check-answers`, 303);
  if (participant) {
    // The facilitator knows who they are: finishing only says they are done. No report, no PDFs.
    await markSubmitted(db, {
      respondentId: respondent.respondentId,
      name: participant.name,
      jobTitle: participant.roleLabel,
    });
    return redirect(completePath(token));
  }
  const posted = await readForm(request);
  if (!posted.ok) return data<ActionResult>({ errors: {}, formErrors: [posted.message] }, { status: posted.status });
  const { input, problems } = pageInput(posted.fields, finishPage.questions);
  if (problems.length > 0)
    return data<ActionResult>({ errors: {}, formErrors: problems, values: input }, { status: 400 });
  const result = validatePage(finishPage, input);
  if (!result.ok) return data<ActionResult>({ errors: result.errors, formErrors: [], values: input }, { status: 400 });
  const text = (id: string) => {
    const value = result.values[id];
    return typeof value === "string" && value !== "" ? value : null;
  };
  await markSubmitted(db, {
    respondentId: respondent.respondentId,
    name: text(completedByName.id),
    jobTitle: text(completedByRole.id),
  });
  // The PDFs are made now, in the background, so the first download is immediate.
  renderPdfsAhead(respondent.assessmentId, token);
  return redirect(completePath(token));
}

export default function CheckAnswersPage() {
  const { organisationName, workshop, completedBy, taskListHref, unfinished, unsettled, sections } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { ctx, errorLinks, onSubmit } = useQuestionForm({
    page: finishPage,
    defaults: actionData?.values ?? {
      [completedByName.id]: completedBy.name ?? "",
      [completedByRole.id]: completedBy.jobTitle ?? "",
    },
    serverErrors: actionData?.errors,
    action: location.pathname,
  });
  return (
    <div className="govuk-width-container">
      <BackLink to={taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errorLinks} messages={actionData?.formErrors} />
            {organisationName ? <span className="govuk-caption-l app-wrap">{organisationName}</span> : null}
            {unfinished.length > 0 ? (
              <>
                <h1 className="govuk-heading-l">You have not finished every section</h1>
                <p className="govuk-body">Complete these sections before you check and finish your assessment:</p>
                <ul className="govuk-list govuk-list--bullet">
                  {unfinished.map((section) => (
                    <li key={section.href}>
                      <Link className="govuk-link" to={section.href}>
                        {section.title}
                      </Link>
                    </li>
                  ))}
                </ul>
                <p className="govuk-body">
                  <Link className="govuk-link" to={taskListHref}>
                    Return to your assessment
                  </Link>
                </p>
              </>
            ) : unsettled.length > 0 ? (
              <UnsettledRefusal unsettled={unsettled} taskListHref={taskListHref} />
            ) : (
              <>
                <h1 className="govuk-heading-l">Check your answers before you finish</h1>
                {sections.map((section) => (
                  <section
                    key={section.id}
                    className="govuk-!-margin-bottom-9"
                    aria-labelledby={`section-${section.id}`}
                  >
                    <h2 className="govuk-heading-m" id={`section-${section.id}`}>
                      {section.title}
                    </h2>
                    <AnswerSummary blocks={section.blocks} cardHeading="h3" />
                  </section>
                ))}
                {workshop ? (
                  <>
                    <h2 className="govuk-heading-m">Now finish</h2>
                    <p className="govuk-body">
                      By finishing, you tell the facilitator that these are your answers. You can still change them
                      until the workshop closes.
                    </p>
                    <Form method="post" action={location.pathname}>
                      <button type="submit" className="govuk-button" data-module="govuk-button">
                        Finish
                      </button>
                    </Form>
                  </>
                ) : (
                  <>
                    <h2 className="govuk-heading-m">Now finish your assessment</h2>
                    <p className="govuk-body">
                      By finishing, you confirm that these answers are as accurate as you can make them. You can still
                      change them later with your private link.
                    </p>
                    <Form method="post" action={location.pathname} noValidate onSubmit={onSubmit}>
                      {finishPage.fieldsets?.map((fieldset) => (
                        <QuestionFieldset key={fieldset.legend} fieldset={fieldset} page={finishPage} ctx={ctx} />
                      ))}
                      <button type="submit" className="govuk-button" data-module="govuk-button">
                        Finish assessment
                      </button>
                    </Form>
                  </>
                )}
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}

/** A workshop with questions its group has not settled yet: it cannot be finished, and this says why. */
function UnsettledRefusal({
  unsettled,
  taskListHref,
}: {
  unsettled: readonly { key: string; title: string; sectionTitle: string; href: string | null }[];
  taskListHref: string;
}) {
  const count = unsettled.length;
  const linked = unsettled.some((question) => question.href !== null);
  return (
    <>
      <h1 className="govuk-heading-l">The workshop has answers still to settle</h1>
      <p className="govuk-body">
        This assessment was answered in a workshop. The report is built from the answers the group agreed, so it can be
        finished only when the group has settled every question its participants answered.
      </p>
      <p className="govuk-body">
        {count === 1 ? "1 question is" : `${count} questions are`} still to settle
        {linked ? ":" : ". The person running the workshop settles them:"}
      </p>
      <ul className="govuk-list govuk-list--bullet" data-testid="unsettled-questions">
        {unsettled.map((question) => (
          <li key={question.key}>
            {question.href ? (
              <Link className="govuk-link" to={question.href}>
                {question.title}
              </Link>
            ) : (
              question.title
            )}{" "}
            <span className="govuk-hint govuk-!-display-inline">({question.sectionTitle})</span>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to={taskListHref}>
          Return to your assessment
        </Link>
      </p>
    </>
  );
}
