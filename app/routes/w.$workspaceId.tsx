import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AccountPage } from "../accounts/account-page";
import { SESSIONS_PATH, TWO_STEP_PATH } from "../accounts/account-paths";
import { ROLE_DESCRIPTIONS, ROLE_NAMES, roleMay } from "../accounts/roles";
import { requireWorkspace } from "../accounts/workspace.server";
import { clientsPath, takeOverPath } from "../clients/client-paths";
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
    clientsHref: clientsPath(workspace.workspaceId),
    mayWork: roleMay(workspace.role, "create-clients"),
    takeOverHref: roleMay(workspace.role, "take-over-assessments") ? takeOverPath(workspace.workspaceId) : null,
    members: members.map((member) => ({
      id: member.userId,
      displayName: member.displayName,
      email: member.email,
      role: member.role,
    })),
  };
}

export default function WorkspaceHome() {
  const { workspaceId, name, role, createdAt, members, clientsHref, takeOverHref, mayWork } =
    useLoaderData<typeof loader>();
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

      <h2 className="govuk-heading-m">Clients</h2>
      <p className="govuk-body">
        {mayWork
          ? "Add each organisation you assess as a client. Start an assessment for it, then answer it yourself in this workspace, or send the client's executive a private link to answer it themselves."
          : "Read your workspace's clients, their assessments and their reports."}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={clientsHref}>
          Go to your clients
        </Link>
      </p>
      {takeOverHref ? (
        <p className="govuk-body">
          Has an executive started an assessment without an account?{" "}
          <Link className="govuk-link" to={takeOverHref}>
            Take it over with their private link
          </Link>
          .
        </p>
      ) : null}

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
        <p className="govuk-body">
          <Link className="govuk-link" to={`/w/${workspaceId}/members`}>
            Manage members and invitations
          </Link>{" "}
          ·{" "}
          <Link className="govuk-link" to={`/w/${workspaceId}/audit`}>
            Audit trail
          </Link>
        </p>
      ) : null}

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

      <h2 className="govuk-heading-m">Your account</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={SESSIONS_PATH}>
          See where you are signed in
        </Link>{" "}
        and sign out of devices you no longer use.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={TWO_STEP_PATH}>
          Two-step sign-in
        </Link>
        : ask for a code from an app on your phone as well as your password.
      </p>
    </AccountPage>
  );
}
