import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findWorkspaceAssessment, replaceClientPrivateLink } from "../../db/repositories/clients";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import { clientPath } from "../clients/client-paths";
import { NewPrivateLink } from "../clients/new-private-link";
import { WorkspacePage } from "../clients/workspace-page";
import { WarningText } from "../components/confirm-action";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { renderPdfsAhead } from "../pdf/pdf-files.server";
import { publicOrigin } from "../public-url.server";
import { longDate } from "../report/report-wording";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Make a new private link" };

async function requireAssessment(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireWorkspacePermission(request, params.workspaceId, "send-private-links");
  const assessment = await findWorkspaceAssessment(db, access.scope, params.assessmentId ?? "");
  if (!assessment) throw notFound();
  return { ...access, assessment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assessment, scope } = await requireAssessment(request, params);
  return {
    clientName: assessment.clientName,
    startedOn: longDate(assessment.createdAt),
    clientHref: clientPath(scope.workspaceId, assessment.clientId),
  };
}

/** Replaces the executive's private link and shows the new one once. The old link stops working. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { assessment, writeScope } = await requireAssessment(request, params);
  const token = newAccessToken();
  const replaced = await replaceClientPrivateLink(db, writeScope, {
    assessmentId: assessment.id,
    newTokenHash: hashAccessToken(token),
  });
  if (!replaced) throw notFound();
  renderPdfsAhead(assessment.id, token);
  return data({ link: `${publicOrigin(request)}${assessmentPath(token)}` });
}

export default function PrivateLinkPage() {
  const { clientName, startedOn, clientHref } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>();
  return (
    <WorkspacePage backHref={clientHref} backText={`Back to ${clientName}`}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName}</span>
          {made ? (
            <>
              <h1 className="govuk-heading-l">New private link made</h1>
              <p className="govuk-body">The old link no longer works.</p>
              <NewPrivateLink link={made.link} clientName={clientName} />
              <p className="govuk-body">
                <Link className="govuk-link" to={clientHref}>
                  Go back to {clientName}
                </Link>
              </p>
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Make a new private link</h1>
              <p className="govuk-body">
                For the assessment started on {startedOn}. Make a new link when the executive has lost theirs, or when
                the link has reached someone who should not have it.
              </p>
              <p className="govuk-body">
                The answers and the report stay as they are. Read-only links the executive shared keep working.
              </p>
              <WarningText>
                The current private link will stop working at once, for everyone who has it. Send the new link to the
                executive, or they cannot carry on.
              </WarningText>
              <Form method="post">
                <div className="govuk-button-group">
                  <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                    Make a new private link
                  </button>
                  <Link className="govuk-link" to={clientHref}>
                    Cancel
                  </Link>
                </div>
              </Form>
            </>
          )}
        </div>
      </div>
    </WorkspacePage>
  );
}
