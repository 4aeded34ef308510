import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { startNextAssessment } from "../../db/repositories/reassessment";
import { AccountPage } from "../accounts/account-page";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { WarningText } from "../components/confirm-action";
import { formatDate } from "../components/report/report-parts";
import { db } from "../db.server";
import { readForm } from "../form-data.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { QUESTIONNAIRE_VERSION } from "../questionnaire/questionnaire";
import { answersToCarryOver, requireWorkspaceAssessment } from "../reassessment/reassessment.server";
import { clientPath } from "../clients/client-paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Start the next assessment" };

const START_CHOICES = ["copy", "blank"] as const;
type StartChoice = (typeof START_CHOICES)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, assessment } = await requireWorkspaceAssessment(request, params, "create-assessments");
  return {
    clientName: assessment.organisationName,
    finishedOn: assessment.submittedAt,
    clientHref: clientPath(workspace.workspaceId, assessment.organisationId),
  };
}

type ActionResult =
  | { pageTitle: string; started: { link: string; startHref: string }; errors?: undefined }
  | { started?: undefined; errors: { start?: string }; formErrors: string[]; choice?: StartChoice };

export async function action({ request, params }: ActionFunctionArgs) {
  const { writeScope, assessment } = await requireWorkspaceAssessment(request, params, "create-assessments");
  const form = await readForm(request, 4 * 1024);
  if (!form.ok) return data<ActionResult>({ errors: {}, formErrors: [form.message] }, { status: form.status });
  const choice = form.fields.get("start")?.[0];
  if (!START_CHOICES.includes(choice as StartChoice)) {
    return data<ActionResult>(
      { errors: { start: "Choose how the next assessment should start" }, formErrors: [] },
      { status: 400 },
    );
  }
  if (assessment.submittedAt === null) {
    return data<ActionResult>(
      {
        errors: {},
        formErrors: ["This assessment is not finished yet. Finish it before you start the next one."],
        choice: choice as StartChoice,
      },
      { status: 409 },
    );
  }
  const token = newAccessToken();
  const started = await startNextAssessment(db, writeScope, {
    fromAssessmentId: assessment.assessmentId,
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    answers: choice === "copy" ? await answersToCarryOver(assessment) : null,
  });
  // Gone, moved or no longer allowed between the page and the post: as for any other wrong id.
  if (!started) throw notFound();
  // The private link is shown this once, in the answer to the post: only its hash is kept.
  return data<ActionResult>({
    pageTitle: "The next assessment has started",
    started: { link: `${publicOrigin(request)}${assessmentPath(token)}`, startHref: assessmentPath(token) },
  });
}

export default function NextAssessmentPage() {
  const { clientName, finishedOn, clientHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = clientName ?? "this client";
  if (actionData?.started) {
    return (
      <AccountPage>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">The next assessment has started</h1>
          <div className="govuk-panel__body app-wrap">for {name}</div>
        </div>
        <p className="govuk-body">
          Answer it now, or send its private link to the person at {name} who will answer it. When it is finished, its
          report shows what has changed since the last one.
        </p>
        <CopyableLink link={actionData.started.link} label="The assessment's private link:" />
        <WarningText>
          Anyone who has this link can see and change the answers. This is the only time it is shown. If it is lost, you
          can make a new one.
        </WarningText>
        <div className="govuk-button-group">
          <Link
            to={actionData.started.startHref}
            className="govuk-button"
            data-module="govuk-button"
            role="button"
            draggable="false"
          >
            Answer it now
          </Link>
          <Link className="govuk-link" to={clientHref}>
            Back to {name}
          </Link>
        </div>
      </AccountPage>
    );
  }
  const fieldError = actionData?.errors?.start;
  const formErrors = actionData?.started ? [] : (actionData?.formErrors ?? []);
  return (
    <>
      <div className="govuk-width-container">
        <BackLink to={clientHref}>{`Back to ${name}`}</BackLink>
      </div>
      <AccountPage errors={fieldError ? [{ href: "#start", text: fieldError }] : []} messages={formErrors}>
        <Form method="post" noValidate>
          <div className={`govuk-form-group${fieldError ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={`start-hint${fieldError ? " start-error" : ""}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                <span className="govuk-caption-l app-wrap">{name}</span>
                <h1 className="govuk-fieldset__heading">Start the next assessment</h1>
              </legend>
              <div id="start-hint" className="govuk-hint">
                {finishedOn ? `The last assessment was finished on ${formatDate(finishedOn)}. ` : ""}
                The new one is compared with it when it is finished.
              </div>
              {fieldError ? (
                <p id="start-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {fieldError}
                </p>
              ) : null}
              <div className="govuk-radios" data-module="govuk-radios">
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id="start"
                    name="start"
                    type="radio"
                    value="copy"
                    aria-describedby="start-copy-hint"
                    defaultChecked={actionData?.choice === "copy"}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor="start">
                    With the last answers, to check and change
                  </label>
                  <div id="start-copy-hint" className="govuk-hint govuk-radios__hint">
                    Quicker. Every section must still be checked and marked complete, so nothing is carried over without
                    being looked at.
                  </div>
                </div>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id="start-blank"
                    name="start"
                    type="radio"
                    value="blank"
                    aria-describedby="start-blank-hint"
                    defaultChecked={actionData?.choice === "blank"}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor="start-blank">
                    Blank
                  </label>
                  <div id="start-blank-hint" className="govuk-hint govuk-radios__hint">
                    Every question is answered afresh, without sight of the last answers.
                  </div>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Start the assessment
          </button>
        </Form>
      </AccountPage>
    </>
  );
}
