import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { findClient, listClientAssessments } from "../../db/repositories/clients";
import { workshopIdsAmong } from "../../db/repositories/workshops";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import {
  clientsPath,
  newAssessmentPath,
  openAssessmentPath,
  privateLinkPagePath,
  workspaceReportPath,
} from "../clients/client-paths";
import { describeProgress, describeRunBy } from "../clients/client-status";
import { StatusCell, WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { SECTIONS } from "../questionnaire/questionnaire";
import { changesPath, nextAssessmentPath } from "../reassessment/reassessment-paths";
import { longDate } from "../report/report-wording";
import { participantsPath, startWorkshopPath } from "../workshop/paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => (data as { clientName?: string } | undefined)?.clientName ?? "Client",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, may } = await requireWorkspacePermission(request, params.workspaceId, "read-clients");
  const client = await findClient(db, scope, params.clientId ?? "");
  if (!client) throw notFound();
  const assessments = await listClientAssessments(db, scope, client.id);
  const workspaceId = scope.workspaceId;
  const url = new URL(request.url);
  const canAnswer = may("answer-assessments");
  const canSend = may("send-private-links");
  const canStart = may("create-assessments");
  const canRunWorkshops = may("run-workshops");
  const workshops = canRunWorkshops
    ? await workshopIdsAmong(
        db,
        scope,
        assessments.map((assessment) => assessment.id),
      )
    : new Set<string>();
  // Oldest first, the finished ones: each after the first has a comparison with the one before.
  const finished = assessments
    .filter((assessment) => assessment.progress.kind === "finished")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const compared = new Set(finished.slice(1).map((assessment) => assessment.id));
  const latestFinished = finished[finished.length - 1];
  return {
    clientName: client.clientName,
    answeredName:
      client.organisationName && client.organisationName.toLowerCase() !== client.clientName.toLowerCase()
        ? client.organisationName
        : null,
    added: url.searchParams.has("added"),
    takenOver: url.searchParams.has("taken-over"),
    clientsHref: clientsPath(workspaceId),
    // After a finished assessment, the next starts from it (blank or with its answers to check).
    newAssessment: canStart
      ? latestFinished
        ? { href: nextAssessmentPath(workspaceId, latestFinished.id), text: "Start the next assessment" }
        : { href: newAssessmentPath(workspaceId, client.id), text: "Start a new assessment" }
      : null,
    assessments: assessments.map((assessment) => ({
      id: assessment.id,
      startedOn: longDate(assessment.createdAt),
      status: describeProgress(assessment.progress, SECTIONS.length),
      lastActivity: longDate(assessment.lastActivityAt),
      runBy: describeRunBy(assessment.runBy),
      finished: assessment.progress.kind === "finished",
      reportHref: workspaceReportPath(workspaceId, assessment.id),
      // A finished assessment is not answered again: a re-assessment starts a new one.
      openAction:
        canAnswer && assessment.progress.kind !== "finished" ? openAssessmentPath(workspaceId, assessment.id) : null,
      privateLinkHref: canSend ? privateLinkPagePath(workspaceId, assessment.id) : null,
      // A workshop's page stays reachable once its assessment is finished; a new one starts only on an unfinished one.
      workshop: !canRunWorkshops
        ? null
        : workshops.has(assessment.id)
          ? { href: participantsPath(workspaceId, assessment.id), text: "Workshop participants" }
          : assessment.progress.kind !== "finished"
            ? { href: startWorkshopPath(workspaceId, assessment.id), text: "Run it as a workshop" }
            : null,
      changesHref: compared.has(assessment.id) ? changesPath(workspaceId, assessment.id) : null,
    })),
  };
}

export default function ClientPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <WorkspacePage backHref={data.clientsHref} backText="Back to clients">
      {data.added ? (
        <SuccessBanner id="client-added">
          {data.clientName} is now one of your clients. Start its first assessment when you are ready.
        </SuccessBanner>
      ) : null}
      {data.takenOver ? (
        <SuccessBanner
          id="assessment-taken-over"
          detail="The executive's private link still works, so they can carry on answering."
        >
          The assessment is now in your workspace.
        </SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">Client</span>
      <h1 className="govuk-heading-l app-wrap">{data.clientName}</h1>
      {data.answeredName ? (
        <p className="govuk-body app-wrap">Its latest assessment names the organisation as {data.answeredName}.</p>
      ) : null}

      {data.newAssessment ? (
        <Link className="govuk-button" data-module="govuk-button" to={data.newAssessment.href}>
          {data.newAssessment.text}
        </Link>
      ) : null}

      <h2 className="govuk-heading-m">Assessments</h2>
      {data.assessments.length === 0 ? (
        <p className="govuk-body">
          {data.newAssessment
            ? "There are no assessments yet. Start one, then answer it here or send the client's executive a private link to answer it themselves."
            : "There are no assessments yet."}
        </p>
      ) : (
        <table className="govuk-table app-stacked-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Assessments of {data.clientName}, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Started
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Last activity
              </th>
              <th scope="col" className="govuk-table__header">
                Run by
              </th>
              <th scope="col" className="govuk-table__header">
                What you can do
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.assessments.map((assessment) => (
              <tr className="govuk-table__row" key={assessment.id}>
                <th scope="row" className="govuk-table__header">
                  {assessment.startedOn}
                </th>
                <td className="govuk-table__cell" data-label="Status">
                  <StatusCell status={assessment.status} />
                </td>
                <td className="govuk-table__cell" data-label="Last activity">
                  {assessment.lastActivity}
                </td>
                <td className="govuk-table__cell app-wrap" data-label="Run by">
                  {assessment.runBy}
                </td>
                <td className="govuk-table__cell" data-label="What you can do">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {assessment.openAction ? (
                      <li>
                        <Form method="post" action={assessment.openAction}>
                          <button
                            type="submit"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                          >
                            Answer it here
                            <span className="govuk-visually-hidden">: assessment started {assessment.startedOn}</span>
                          </button>
                        </Form>
                      </li>
                    ) : null}
                    <li>
                      <Link className="govuk-link" to={assessment.reportHref}>
                        {assessment.finished ? "Read the report" : "See what is left to do"}
                        <span className="govuk-visually-hidden">: assessment started {assessment.startedOn}</span>
                      </Link>
                    </li>
                    {assessment.changesHref ? (
                      <li>
                        <Link className="govuk-link" to={assessment.changesHref}>
                          See what has changed
                          <span className="govuk-visually-hidden">: assessment started {assessment.startedOn}</span>
                        </Link>
                      </li>
                    ) : null}
                    {assessment.workshop ? (
                      <li>
                        <Link className="govuk-link" to={assessment.workshop.href}>
                          {assessment.workshop.text}
                          <span className="govuk-visually-hidden">: assessment started {assessment.startedOn}</span>
                        </Link>
                      </li>
                    ) : null}
                    {assessment.privateLinkHref ? (
                      <li>
                        <Link className="govuk-link" to={assessment.privateLinkHref}>
                          Make a new private link for the executive
                          <span className="govuk-visually-hidden">: assessment started {assessment.startedOn}</span>
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </WorkspacePage>
  );
}
