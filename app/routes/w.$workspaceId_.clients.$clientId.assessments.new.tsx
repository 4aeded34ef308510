import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createClientAssessment, findClient } from "../../db/repositories/clients";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import { clientPath, openAssessmentPath } from "../clients/client-paths";
import { NewPrivateLink } from "../clients/new-private-link";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { QUESTIONNAIRE_VERSION } from "../questionnaire/questionnaire";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Start a new assessment" };

async function requireClient(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireWorkspacePermission(request, params.workspaceId, "create-assessments");
  const client = await findClient(db, access.scope, params.clientId ?? "");
  if (!client) throw notFound();
  return { ...access, client };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { client, scope } = await requireClient(request, params);
  return { clientName: client.clientName, clientHref: clientPath(scope.workspaceId, client.id) };
}

/**
 * Starts the assessment and shows its private link once, on this page (only its hash is kept).
 * The page that answers the POST is the only place the link appears.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { client, writeScope, may } = await requireClient(request, params);
  const token = newAccessToken();
  const created = await createClientAssessment(db, writeScope, {
    clientId: client.id,
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  if (!created) throw notFound();
  return data({
    link: `${publicOrigin(request)}${assessmentPath(token)}`,
    openAction: may("answer-assessments") ? openAssessmentPath(writeScope.workspaceId, created.assessmentId) : null,
  });
}

export default function NewAssessmentPage() {
  const { clientName, clientHref } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  return (
    <WorkspacePage backHref={clientHref} backText={`Back to ${clientName}`}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName}</span>
          {created ? (
            <>
              <h1 className="govuk-heading-l">Assessment started</h1>
              <p className="govuk-body">There are two ways to answer it. You can use both.</p>
              <h2 className="govuk-heading-m">Send it to the client's executive</h2>
              <NewPrivateLink link={created.link} clientName={clientName} />
              {created.openAction ? (
                <>
                  <h2 className="govuk-heading-m">Answer it here</h2>
                  <p className="govuk-body">
                    Answer the questions yourself, for example in a meeting with the client. Your answers and the
                    executive's are the same answers: either of you can carry on where the other stopped.
                  </p>
                  <Form method="post" action={created.openAction}>
                    <button type="submit" className="govuk-button" data-module="govuk-button">
                      Answer it here
                    </button>
                  </Form>
                </>
              ) : null}
              <p className="govuk-body">
                <Link className="govuk-link" to={clientHref}>
                  Go back to {clientName}
                </Link>
              </p>
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Start a new assessment</h1>
              <p className="govuk-body">When you start it, you can:</p>
              <ul className="govuk-list govuk-list--bullet">
                <li>answer it here yourself, for example with the client in the room</li>
                <li>send the client's executive a private link, so they answer it themselves without an account</li>
              </ul>
              <p className="govuk-body">
                The next page shows the private link once. Copy it then if you want to send it.
              </p>
              <Form method="post">
                <div className="govuk-button-group">
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Start the assessment
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
