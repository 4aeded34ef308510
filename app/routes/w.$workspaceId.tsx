import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AccountPage } from "../accounts/account-page";
import { SESSIONS_PATH } from "../accounts/account-paths";
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from "../accounts/roles";
import { requireWorkspace } from "../accounts/workspace.server";
import type { PageHandle } from "../components/document-title";
import { formatDate } from "../components/report/report-parts";
import { privatePageHeaders } from "../http";
import { brandingPath } from "../branding/branding-paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => (data as { name?: string } | undefined)?.name ?? "Your workspace",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, members } = await requireWorkspace(request, params.workspaceId);
  return {
    workspaceId: workspace.workspaceId,
    name: workspace.name,
    role: workspace.role,
    createdAt: workspace.createdAt,
    members: members.map((member) => ({
      id: member.userId,
      displayName: member.displayName,
      email: member.email,
      role: member.role,
    })),
  };
}

export default function WorkspaceHome() {
  const { workspaceId, name, role, createdAt, members } = useLoaderData<typeof loader>();
  return (
    <AccountPage>
      <span className="govuk-caption-l">Workspace</span>
      <h1 className="govuk-heading-l app-wrap">{name}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Your role</dt>
          <dd className="govuk-summary-list__value">
            {ROLE_NAMES[role]}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">{ROLE_DESCRIPTIONS[role]}</span>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Created</dt>
          <dd className="govuk-summary-list__value">{formatDate(createdAt)}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Members</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Members of {name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Email address
            </th>
            <th scope="col" className="govuk-table__header">
              Role
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <td className="govuk-table__cell app-wrap">{member.displayName}</td>
              <td className="govuk-table__cell app-wrap">{member.email}</td>
              <td className="govuk-table__cell">{ROLE_NAMES[member.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {role === "owner" ? (
        <>
          <h2 className="govuk-heading-m">Branding</h2>
          <p className="govuk-body">
            <Link className="govuk-link" to={brandingPath(workspaceId)}>
              Change your workspace name, logo and accent colour
            </Link>
            . Your clients&apos; reports show them.
          </p>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Assess an organisation</h2>
      <p className="govuk-body">
        Start an assessment from the{" "}
        <Link className="govuk-link" to="/">
          start page
        </Link>
        . You get a private link to it: keep it to come back to the assessment and its report.
      </p>

      <h2 className="govuk-heading-m">Your account</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={SESSIONS_PATH}>
          See where you are signed in
        </Link>{" "}
        and sign out of devices you no longer use.
      </p>
    </AccountPage>
  );
}
