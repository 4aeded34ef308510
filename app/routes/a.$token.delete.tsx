import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { deleteAssessment } from "../../db/repositories/assessments";
import { requireOwner } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath, DELETED_PATH } from "../paths";
import { reportPath } from "../report.server";
import { ConfirmAction, WarningText } from "../components/confirm-action";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Delete this assessment" };

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await requireOwner(params.token);
  const token = params.token as string;
  return {
    organisationName: owner.organisationName,
    taskListHref: assessmentPath(token),
    reportHref: reportPath(token),
  };
}

/**
 * Deletes the assessment for good: answers, progress, report links and their record, the
 * owner's link and the organisation. Posting to this address is the confirmation; the body is
 * never read.
 */
export async function action({ params }: ActionFunctionArgs) {
  const owner = await requireOwner(params.token);
  if (!(await deleteAssessment(db, owner.assessmentId))) throw notFound();
  return redirect(DELETED_PATH);
}

export default function DeleteAssessmentPage() {
  const { organisationName, taskListHref, reportHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {organisationName ? <span className="govuk-caption-l app-wrap">{organisationName}</span> : null}
            <h1 className="govuk-heading-l">Delete this assessment</h1>
            <p className="govuk-body">This deletes, for good:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>every answer</li>
              <li>the report</li>
              <li>your private link and every read-only link to the report</li>
            </ul>
            <p className="govuk-body">
              Anyone who opens one of those links will see &quot;Page not found&quot;. PDFs already downloaded are not
              affected. If you might need the report later,{" "}
              <Link className="govuk-link" to={reportHref}>
                download it first
              </Link>
              .
            </p>
            <WarningText>You cannot undo this.</WarningText>
            <ConfirmAction label="Delete assessment" cancelHref={taskListHref} />
          </div>
        </div>
      </main>
    </div>
  );
}
