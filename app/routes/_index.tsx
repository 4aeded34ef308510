import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { createAssessment } from "../../db/repositories/assessments";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privateLinkPath } from "../paths";
import { QUESTIONNAIRE_VERSION } from "../questionnaire/questionnaire";

export const handle: PageHandle = { title: "Check if your organisation is ready for online engagement" };

/** Starting needs no input, so the body is never read. */
export async function action() {
  const token = newAccessToken();
  await createAssessment(db, { accessTokenHash: hashAccessToken(token), questionnaireVersion: QUESTIONNAIRE_VERSION });
  return redirect(`${privateLinkPath(token)}?started`);
}

export default function StartPage() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-xl">Check if your organisation is ready for online engagement</h1>
            <p className="govuk-body-l">
              Find out whether your organisation can keep up social media and other online channels where the public ask
              questions and expect answers, and what it will take.
            </p>
            <p className="govuk-body">This assessment is for:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>chief executives, directors and managers of councils, government agencies and other public bodies</li>
              <li>consultants running the assessment with a client</li>
            </ul>

            <h2 className="govuk-heading-m">What you will be asked</h2>
            <p className="govuk-body">There are 5 sections:</p>
            <ol className="govuk-list govuk-list--number">
              <li>Describe your organisation</li>
              <li>Decide who you need to engage and why</li>
              <li>Describe your engagement model today and the one you want</li>
              <li>Assess your capacity to answer questions</li>
              <li>Set your commitment</li>
            </ol>
            <p className="govuk-body">
              It takes 20 to 30 minutes. You do not need to finish in one go: your answers are saved each time you
              select Continue. Estimates are fine, and some questions let you say you do not know.
            </p>

            <div className="app-card">
              <h2 className="govuk-heading-m">What you get at the end</h2>
              <ul className="govuk-list govuk-list--bullet">
                <li>a one-sentence verdict on how ready you are</li>
                <li>a score for each part of readiness, with the reasons</li>
                <li>a check of the questions you can expect against the time you have to answer them</li>
                <li>the main risks, and what to do about each</li>
                <li>a starter strategy and a 90-day plan, as a PDF you can give to your leadership team or board</li>
              </ul>
            </div>

            <Form method="post">
              <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
                Start now
                <svg
                  className="govuk-button__start-icon"
                  xmlns="http://www.w3.org/2000/svg"
                  width="17.5"
                  height="19"
                  viewBox="0 0 33 40"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                </svg>
              </button>
            </Form>

            <h2 className="govuk-heading-m">Coming back to an assessment</h2>
            <p className="govuk-body">
              When you start, you get a private link to your assessment. Use it to come back and carry on where you left
              off. We do not ask for your name or email address, so keep the link safe: we cannot send it to you again.
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
