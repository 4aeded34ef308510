import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { findMemberForOwner, removeMember } from "../../db/repositories/members";
import { AccountPage } from "../accounts/account-page";
import { SIGN_IN_PATH } from "../accounts/account-paths";
import { ROLE_NAMES } from "../accounts/roles";
import { clearedSessionCookie } from "../accounts/session.server";
import { ConfirmAction, WarningText } from "../components/confirm-action";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { membersPath } from "../members/member-paths";
import { requireWorkspaceOwner } from "../members/owner.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => ((data as { isMe?: boolean } | undefined)?.isMe ? "Leave the workspace" : "Remove a member"),
};

async function load(request: Request, params: { workspaceId?: string; userId?: string }) {
  const { workspace, scope, user, members } = await requireWorkspaceOwner(request, params.workspaceId);
  const member = params.userId ? await findMemberForOwner(db, scope, params.userId) : undefined;
  if (!member) throw notFound();
  const owners = members.filter((m) => m.role === "owner").length;
  return { workspace, scope, user, member, lastOwner: member.role === "owner" && owners <= 1 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user, member, lastOwner } = await load(request, params);
  return {
    workspaceId: workspace.workspaceId,
    workspaceName: workspace.name,
    isMe: member.userId === user.userId,
    lastOwner,
    member: { displayName: member.displayName, email: member.email, role: member.role },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, scope, user, member } = await load(request, params);
  const result = await removeMember(db, scope, { memberUserId: member.userId, now: new Date() });
  if (result === "last-owner") {
    return data(
      { message: "The workspace must keep at least one owner. Make someone else an owner first." },
      { status: 400 },
    );
  }
  if (result === "not-found") throw notFound();
  // Leaving ends one's own sessions too: sign in again to reach other workspaces.
  if (member.userId === user.userId) {
    return redirect(SIGN_IN_PATH, { headers: { "Set-Cookie": clearedSessionCookie() } });
  }
  return redirect(`${membersPath(workspace.workspaceId)}?done=removed`);
}

export default function RemoveMemberPage() {
  const { workspaceId, workspaceName, isMe, lastOwner, member } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = membersPath(workspaceId);
  return (
    <AccountPage messages={result ? [result.message] : undefined}>
      <span className="govuk-caption-l app-wrap">{workspaceName}</span>
      {isMe ? (
        <h1 className="govuk-heading-l">Are you sure you want to leave this workspace?</h1>
      ) : (
        <h1 className="govuk-heading-l app-wrap">Are you sure you want to remove {member.displayName}?</h1>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value app-wrap">{member.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Role</dt>
          <dd className="govuk-summary-list__value">{ROLE_NAMES[member.role]}</dd>
        </div>
      </dl>
      {lastOwner ? (
        <>
          <p className="govuk-body">
            {isMe ? "You are" : `${member.displayName} is`} the only owner. The workspace must keep at least one owner:
            make someone else an owner first.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={back}>
              Back to members
            </a>
          </p>
        </>
      ) : (
        <>
          <WarningText>
            {isMe
              ? "You will lose access to this workspace at once, and be signed out on every device. Only an owner can invite you back."
              : `${member.displayName} will lose access at once and be signed out on every device. To undo this, invite them again.`}
          </WarningText>
          <ConfirmAction label={isMe ? "Leave the workspace" : "Remove member"} cancelHref={back} />
        </>
      )}
    </AccountPage>
  );
}
