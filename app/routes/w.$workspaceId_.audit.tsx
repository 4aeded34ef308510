import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listWorkspaceAuditActors, listWorkspaceAuditPage } from "../../db/repositories/audit";
import { clientNamesForAudit } from "../../db/repositories/clients";
import type { AuditAction } from "../../db/schema";
import { AccountPage } from "../accounts/account-page";
import { workspacePath } from "../accounts/account-paths";
import { formatDateTime } from "../accounts/format-time";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { AUDIT_KIND_NAMES, auditSentence } from "../members/audit-sentences";
import { auditPath, membersPath } from "../members/member-paths";
import { workshopQuestionTitle } from "../workshop/settle-questions";
import { requireWorkspaceOwner } from "../members/owner.server";
import { Pagination } from "../components/pagination";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Audit trail" };

const PER_PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, scope } = await requireWorkspaceOwner(request, params.workspaceId);
  const url = new URL(request.url);
  const pageParam = url.searchParams.get("page") ?? "1";
  const page = /^\d{1,6}$/.test(pageParam) && Number(pageParam) >= 1 ? Number(pageParam) : 1;
  const actors = await listWorkspaceAuditActors(db, scope);
  const person = url.searchParams.get("person") ?? "";
  const kind = url.searchParams.get("kind") ?? "";
  const filter = {
    actorUserId: actors.some((actor) => actor.userId === person) ? person : undefined,
    action: kind in AUDIT_KIND_NAMES ? (kind as AuditAction) : undefined,
  };
  const { entries, total } = await listWorkspaceAuditPage(db, scope, { page, perPage: PER_PAGE, filter });
  // Events about clients and assessments name the client as the workspace knows it now.
  const names = await clientNamesForAudit(db, scope, {
    clientIds: entries.flatMap((entry) => (typeof entry.detail.clientId === "string" ? [entry.detail.clientId] : [])),
    assessmentIds: entries.flatMap((entry) => (entry.subject ? [entry.subject] : [])),
  });
  const clientName = (entry: (typeof entries)[number]): string | undefined =>
    (typeof entry.detail.clientId === "string" ? names.byClient.get(entry.detail.clientId) : undefined) ??
    (entry.subject ? (names.byAssessment.get(entry.subject) ?? names.byClient.get(entry.subject)) : undefined);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return data({
    workspaceId: workspace.workspaceId,
    workspaceName: workspace.name,
    page: Math.min(page, pages),
    pages,
    total,
    actors,
    person: filter.actorUserId ?? "",
    kind: filter.action ?? "",
    events: entries.map((entry) => ({
      id: entry.id,
      at: entry.createdAt,
      sentence: auditSentence(entry.action, {
        actor: entry.actorName ?? "A former member",
        actorUserId: entry.actorUserId,
        subject: entry.subject,
        detail: {
          ...entry.detail,
          ...(clientName(entry) ? { clientName: clientName(entry) } : {}),
          ...workshopQuestionTitle(entry.detail),
        },
      }),
    })),
  });
}

function pageHref(base: string, page: number, person: string, kind: string): string {
  const query = new URLSearchParams();
  if (person) query.set("person", person);
  if (kind) query.set("kind", kind);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

export default function AuditPage() {
  const { workspaceId, workspaceName, page, pages, total, actors, person, kind, events } =
    useLoaderData<typeof loader>();
  const base = auditPath(workspaceId);
  const filtered = Boolean(person || kind);
  return (
    <AccountPage>
      <span className="govuk-caption-l app-wrap">{workspaceName}</span>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Who did what in this workspace, newest first. Only owners can see this page.{" "}
        <Link className="govuk-link" to={membersPath(workspaceId)}>
          Members
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={workspacePath(workspaceId)}>
          Back to the workspace
        </Link>
      </p>
      <Form method="get" className="app-inline-form govuk-!-margin-bottom-6">
        <div className="govuk-form-group govuk-!-margin-bottom-0">
          <label className="govuk-label govuk-label--s" htmlFor="person">
            Person
          </label>
          <select className="govuk-select" id="person" name="person" defaultValue={person}>
            <option value="">Everyone</option>
            {actors.map((actor) => (
              <option key={actor.userId} value={actor.userId}>
                {actor.name}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group govuk-!-margin-bottom-0">
          <label className="govuk-label govuk-label--s" htmlFor="kind">
            Kind of event
          </label>
          <select className="govuk-select" id="kind" name="kind" defaultValue={kind}>
            <option value="">All kinds</option>
            {Object.entries(AUDIT_KIND_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-filter-button"
        >
          Show events
        </button>
      </Form>
      <p className="govuk-body" role="status">
        {total === 0
          ? filtered
            ? "No events match this filter."
            : "Nothing has been recorded yet."
          : `${total} ${total === 1 ? "event" : "events"}${pages > 1 ? `, page ${page} of ${pages}` : ""}.`}
      </p>
      {events.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Events, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                What happened
              </th>
              <th scope="col" className="govuk-table__header app-audit-time">
                When
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((event) => (
              <tr className="govuk-table__row" key={event.id}>
                <td className="govuk-table__cell app-wrap">{event.sentence}</td>
                <td className="govuk-table__cell app-audit-time">
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination
        page={page}
        pageCount={pages}
        hrefFor={(n) => pageHref(base, n, person, kind)}
        label="Pages of the audit trail"
      />
    </AccountPage>
  );
}
