import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listClients } from "../../db/repositories/clients";
import { workspacePath } from "../accounts/account-paths";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { clientPath, clientsPath, newClientPath, takeOverPath } from "../clients/client-paths";
import { describeProgress } from "../clients/client-status";
import { StatusCell, WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { SECTIONS } from "../questionnaire/questionnaire";
import { longDate } from "../report/report-wording";
import { Pagination } from "../components/pagination";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Clients" };

/** Longer searches are cut to this: no client name is longer. */
const SEARCH_MAX = 120;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, workspace, may } = await requireWorkspacePermission(request, params.workspaceId, "read-clients");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const requestedPage = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const found = await listClients(db, scope, { search: q, page: Number.isFinite(requestedPage) ? requestedPage : 1 });
  const workspaceId = scope.workspaceId;
  return {
    workspaceName: workspace.name,
    homeHref: workspacePath(workspaceId),
    q,
    total: found.total,
    page: found.page,
    pageCount: found.pageCount,
    pageHrefs: Array.from({ length: found.pageCount }, (_, index) => clientsPath(workspaceId, { q, page: index + 1 })),
    searchAction: clientsPath(workspaceId),
    newClientHref: may("create-clients") ? newClientPath(workspaceId) : null,
    takeOverHref: may("take-over-assessments") ? takeOverPath(workspaceId) : null,
    clients: found.clients.map((client) => ({
      id: client.id,
      href: clientPath(workspaceId, client.id),
      name: client.clientName,
      // The organisation-name answer, when it says something the client's name does not.
      answeredName:
        client.organisationName && client.organisationName.toLowerCase() !== client.clientName.toLowerCase()
          ? client.organisationName
          : null,
      assessmentCount: client.assessmentCount,
      status: client.latest ? describeProgress(client.latest.progress, SECTIONS.length) : null,
      lastActivity: longDate(client.lastActivityAt),
    })),
  };
}

export default function ClientsPage() {
  const data = useLoaderData<typeof loader>();
  const searching = data.q !== "";
  return (
    <WorkspacePage backHref={data.homeHref} backText={`Back to ${data.workspaceName}`}>
      <span className="govuk-caption-l app-wrap">{data.workspaceName}</span>
      <h1 className="govuk-heading-l">Clients</h1>
      {data.newClientHref || data.takeOverHref ? (
        <div className="govuk-button-group">
          {data.newClientHref ? (
            <Link className="govuk-button" data-module="govuk-button" to={data.newClientHref}>
              Add a client
            </Link>
          ) : null}
          {data.takeOverHref ? (
            <Link className="govuk-link" to={data.takeOverHref}>
              Take over an assessment someone started without an account
            </Link>
          ) : null}
        </div>
      ) : null}

      {data.total === 0 && !searching ? (
        <EmptyState canAdd={data.newClientHref !== null} />
      ) : (
        <>
          <Form method="get" action={data.searchAction} role="search" className="app-client-search">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="q">
                Search clients
              </label>
              <div className="govuk-hint" id="q-hint">
                By the client's name or the organisation name given in an assessment.
              </div>
              <input
                className="govuk-input govuk-input--width-20"
                id="q"
                name="q"
                type="search"
                defaultValue={data.q}
                aria-describedby="q-hint"
                maxLength={120}
                spellCheck={false}
              />
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Search
              </button>
              {searching ? (
                <Link className="govuk-link" to={data.searchAction}>
                  Clear search
                </Link>
              ) : null}
            </div>
          </Form>

          <p className="govuk-body" role="status">
            {searching
              ? `${data.total} ${data.total === 1 ? "client matches" : "clients match"} "${data.q}".`
              : `${data.total} ${data.total === 1 ? "client" : "clients"}, most recent activity first.`}
          </p>

          {data.clients.length > 0 ? (
            <table className="govuk-table app-stacked-table">
              <caption className="govuk-table__caption govuk-visually-hidden">
                Clients, most recent activity first
                {data.pageCount > 1 ? `, page ${data.page} of ${data.pageCount}` : ""}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Client
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Latest assessment
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last activity
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.clients.map((client) => (
                  <tr className="govuk-table__row" key={client.id}>
                    <td className="govuk-table__cell app-wrap">
                      <Link className="govuk-link" to={client.href}>
                        {client.name}
                      </Link>
                      {client.answeredName ? (
                        <>
                          <br />
                          <span className="govuk-body-s">Answered as {client.answeredName}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell" data-label="Latest assessment">
                      <StatusCell status={client.status} />
                    </td>
                    <td className="govuk-table__cell" data-label="Last activity">
                      {client.lastActivity}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">Check the spelling, or search for part of the name.</p>
          )}
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            hrefFor={(n) => data.pageHrefs[n - 1] ?? data.searchAction}
            label="Pages of clients"
          />
        </>
      )}
    </WorkspacePage>
  );
}

function EmptyState({ canAdd }: { canAdd: boolean }) {
  return canAdd ? (
    <>
      <h2 className="govuk-heading-m">You have no clients yet</h2>
      <p className="govuk-body">Add each organisation you assess as a client. Then, for each client, you can:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>answer its assessment here, with the client in the room or from your notes</li>
        <li>send its executive a private link, so they answer it themselves without an account</li>
      </ul>
      <p className="govuk-body">
        If an executive has already started an assessment on their own, ask them for their private link and take it
        over.
      </p>
    </>
  ) : (
    <>
      <h2 className="govuk-heading-m">There are no clients yet</h2>
      <p className="govuk-body">
        When a consultant in this workspace adds a client, it appears here, with its assessments and reports.
      </p>
    </>
  );
}
