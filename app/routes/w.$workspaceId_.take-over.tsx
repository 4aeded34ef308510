import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkClientName, listClientNames, previewTakeOver, takeOverAssessment } from "../../db/repositories/clients";
import { readAccountForm } from "../accounts/account-form.server";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { hashAccessToken } from "../assessment-access.server";
import { CLIENT_MESSAGES, tokenFromPastedLink } from "../clients/client-forms";
import { clientPath, clientsPath } from "../clients/client-paths";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import type { ErrorLink } from "../components/error-summary";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Take over an assessment" };

type Step =
  | { step: "link"; link: string; error: string | null }
  | {
      step: "where";
      link: string;
      clientName: string;
      clientId: string;
      errors: { clientName?: string; clientId?: string };
      clients: { id: string; name: string }[];
    };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, scope } = await requireWorkspacePermission(request, params.workspaceId, "take-over-assessments");
  return { workspaceName: workspace.name, clientsHref: clientsPath(scope.workspaceId) };
}

const REFUSALS = {
  "unknown-link": CLIENT_MESSAGES.unknownLink,
  "already-in-a-workspace": CLIENT_MESSAGES.alreadyInWorkspace,
};

/**
 * Two steps on one address. First the pasted link is checked (it exists, and belongs to no
 * workspace); then the member names the new client (suggested from the organisation-name answer)
 * or picks an existing one, and the assessment comes in, in one transaction.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { writeScope, scope } = await requireWorkspacePermission(request, params.workspaceId, "take-over-assessments");
  const form = await readAccountForm(request, ["intent", "link", "clientName", "clientId"]);
  if (!form.ok) {
    return data<Step>({ step: "link", link: "", error: form.message }, { status: form.status });
  }
  const { intent, link, clientName, clientId } = form.values;
  const token = tokenFromPastedLink(link);
  if (link.trim() === "" || token === null) {
    const error = link.trim() === "" ? CLIENT_MESSAGES.linkMissing : CLIENT_MESSAGES.linkInvalid;
    return data<Step>({ step: "link", link, error }, { status: 400 });
  }
  const tokenHash = hashAccessToken(token);
  if (intent !== "new-client" && intent !== "existing-client") {
    const preview = await previewTakeOver(db, tokenHash);
    if (preview.status !== "ok") {
      return data<Step>({ step: "link", link, error: REFUSALS[preview.status] }, { status: 400 });
    }
    return data<Step>({
      step: "where",
      link,
      clientName: preview.organisationName ?? "",
      clientId: "",
      errors: {},
      clients: await listClientNames(db, scope),
    });
  }
  const where: Step & { step: "where" } = {
    step: "where",
    link,
    clientName,
    clientId,
    errors: {},
    clients: [],
  };
  if (intent === "new-client") {
    const checked = checkClientName(clientName);
    if (!checked.ok) where.errors.clientName = checked.message;
  } else if (clientId === "") {
    where.errors.clientId = CLIENT_MESSAGES.chooseClient;
  }
  if (Object.keys(where.errors).length === 0) {
    const result = await takeOverAssessment(db, writeScope, {
      tokenHash,
      target:
        intent === "new-client" ? { kind: "new-client", name: clientName } : { kind: "existing-client", clientId },
    });
    if (result.ok) return redirect(`${clientPath(scope.workspaceId, result.clientId)}?taken-over`, 303);
    if (result.reason === "not-found") throw notFound();
    if (result.reason === "unknown-link" || result.reason === "already-in-a-workspace") {
      return data<Step>({ step: "link", link, error: REFUSALS[result.reason] }, { status: 400 });
    }
    if (intent === "new-client") where.errors.clientName = result.message;
    else where.errors.clientId = result.message;
  }
  return data<Step>({ ...where, clients: await listClientNames(db, scope) }, { status: 400 });
}

export default function TakeOverPage() {
  const { workspaceName, clientsHref } = useLoaderData<typeof loader>();
  const state: Step = useActionData<typeof action>() ?? { step: "link", link: "", error: null };
  const errors: ErrorLink[] =
    state.step === "link"
      ? state.error
        ? [{ href: "#link", text: state.error }]
        : []
      : [
          ...(state.errors.clientName ? [{ href: "#clientName", text: state.errors.clientName }] : []),
          ...(state.errors.clientId ? [{ href: "#clientId", text: state.errors.clientId }] : []),
        ];
  return (
    <WorkspacePage backHref={clientsHref} backText="Back to clients" errors={errors}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{workspaceName}</span>
          <h1 className="govuk-heading-l">Take over an assessment</h1>
          {state.step === "link" ? (
            <>
              <p className="govuk-body">
                An executive may have started an assessment on their own, without an account. If they give you their
                private link, you can bring the assessment into your workspace. Their link keeps working, so they can
                carry on answering.
              </p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="check" />
                <div className={`govuk-form-group${state.error ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label govuk-label--s" htmlFor="link">
                    Private link
                  </label>
                  <div className="govuk-hint" id="link-hint">
                    Paste the whole address they sent you. It starts with the address of this service and has /a/ in it.
                  </div>
                  {state.error ? (
                    <p className="govuk-error-message" id="link-error">
                      <span className="govuk-visually-hidden">Error:</span> {state.error}
                    </p>
                  ) : null}
                  <input
                    className={`govuk-input${state.error ? " govuk-input--error" : ""}`}
                    id="link"
                    name="link"
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    defaultValue={state.link}
                    aria-describedby={`link-hint${state.error ? " link-error" : ""}`}
                  />
                </div>
                <div className="govuk-button-group">
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Continue
                  </button>
                  <Link className="govuk-link" to={clientsHref}>
                    Cancel
                  </Link>
                </div>
              </Form>
            </>
          ) : (
            <WhereStep state={state} />
          )}
        </div>
      </div>
    </WorkspacePage>
  );
}

function WhereStep({ state }: { state: Extract<Step, { step: "where" }> }) {
  return (
    <>
      <p className="govuk-body">We found the assessment. Add it as a new client, or to one of your clients.</p>
      <h2 className="govuk-heading-m">As a new client</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="new-client" />
        <input type="hidden" name="link" value={state.link} />
        <div className={`govuk-form-group${state.errors.clientName ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="clientName">
            Client's name
          </label>
          <div className="govuk-hint" id="clientName-hint">
            We have filled in the organisation name given in the assessment, if there is one. You can change it.
          </div>
          {state.errors.clientName ? (
            <p className="govuk-error-message" id="clientName-error">
              <span className="govuk-visually-hidden">Error:</span> {state.errors.clientName}
            </p>
          ) : null}
          <input
            className={`govuk-input govuk-input--width-30${state.errors.clientName ? " govuk-input--error" : ""}`}
            id="clientName"
            name="clientName"
            type="text"
            autoComplete="organization"
            defaultValue={state.clientName}
            aria-describedby={`clientName-hint${state.errors.clientName ? " clientName-error" : ""}`}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Add as a new client
        </button>
      </Form>
      {state.clients.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">To one of your clients</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="existing-client" />
            <input type="hidden" name="link" value={state.link} />
            <div className={`govuk-form-group${state.errors.clientId ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label govuk-label--s" htmlFor="clientId">
                Client
              </label>
              {state.errors.clientId ? (
                <p className="govuk-error-message" id="clientId-error">
                  <span className="govuk-visually-hidden">Error:</span> {state.errors.clientId}
                </p>
              ) : null}
              <select
                className={`govuk-select${state.errors.clientId ? " govuk-select--error" : ""}`}
                id="clientId"
                name="clientId"
                defaultValue={state.clientId}
                aria-describedby={state.errors.clientId ? "clientId-error" : undefined}
              >
                <option value="">Choose a client</option>
                {state.clients.map((client) => (
                  <option key={client.id} value={client.id}>
                    {client.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add to this client
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
