import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changeMemberRole, listPendingInvitations, withdrawInvitation } from "../../db/repositories/members";
import { createPasswordResetForMember } from "../../db/repositories/password-resets";
import { listWorkspaceMembers } from "../../db/repositories/workspaces";
import { AccountPage } from "../accounts/account-page";
import { readAccountForm } from "../accounts/account-form.server";
import { workspacePath } from "../accounts/account-paths";
import { formatDateTime } from "../accounts/format-time";
import { INVITE_ROLES, ROLE_DESCRIPTIONS, ROLE_NAMES } from "../accounts/roles";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { mailEnabled } from "../mail/mailer.server";
import { fieldErrorsFrom, InviteSchema, RoleChangeSchema, type FieldErrors } from "../accounts/account-forms";
import { auditPath, membersPath, removeMemberPath, resetPasswordPath } from "../members/member-paths";
import { inviteMember } from "../members/invite.server";
import { linkTokenHash, newLinkToken, publicLink } from "../members/link-tokens.server";
import { requireWorkspaceOwner } from "../members/owner.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Members" };

const DONE_MESSAGES: Record<string, string> = {
  withdrawn: "The invitation was withdrawn. Its link no longer works.",
  role: "The member's role was changed.",
  removed: "The member was removed. They were signed out at once.",
};

const INVITE_FIELDS = ["email", "role"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, scope, user } = await requireWorkspaceOwner(request, params.workspaceId);
  const now = new Date();
  const [members, invitations] = await Promise.all([
    listWorkspaceMembers(db, scope),
    listPendingInvitations(db, scope, now),
  ]);
  return {
    workspaceId: workspace.workspaceId,
    workspaceName: workspace.name,
    myUserId: user.userId,
    mailEnabled: mailEnabled(),
    done: new URL(request.url).searchParams.get("done") ?? "",
    members,
    invitations,
  };
}

type ActionResult =
  | { kind: "invite-errors"; errors: FieldErrors; formErrors: string[]; values: { email: string; role: string } }
  | { kind: "invited-email"; email: string }
  | { kind: "invited-link"; email: string; link: string; emailFailed: boolean }
  | { kind: "reset-link"; name: string; link: string }
  | { kind: "member-error"; message: string };

const REFUSALS = {
  "already-member": "This person is already a member of the workspace",
  "already-invited": "This email address already has an invitation waiting. Withdraw it below to send a new one",
  "too-many": "Too many invitations have been sent from this workspace in the last hour. Try again later",
  "not-found": "You can no longer invite people to this workspace",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { workspace, scope, user } = await requireWorkspaceOwner(request, params.workspaceId);
  const form = await readAccountForm(request, ["intent", "email", "role", "userId", "invitationId"]);
  if (!form.ok) {
    return data<ActionResult>({ kind: "member-error", message: form.message }, { status: form.status });
  }
  const here = membersPath(workspace.workspaceId);
  const { intent } = form.values;
  if (intent === "invite") {
    const values = { email: form.values.email, role: form.values.role };
    const parsed = InviteSchema.safeParse(values);
    if (!parsed.success) {
      return data<ActionResult>(
        { kind: "invite-errors", errors: fieldErrorsFrom(parsed.error), formErrors: [], values },
        { status: 400 },
      );
    }
    const outcome = await inviteMember(context, scope, {
      email: parsed.data.email,
      role: parsed.data.role,
      inviterName: user.displayName,
      workspaceName: workspace.name,
    });
    if (outcome.kind === "refused") {
      return data<ActionResult>(
        { kind: "invite-errors", errors: { email: REFUSALS[outcome.reason] }, formErrors: [], values },
        { status: outcome.reason === "too-many" ? 429 : 400 },
      );
    }
    if (outcome.kind === "emailed") return data<ActionResult>({ kind: "invited-email", email: outcome.email });
    return data<ActionResult>({
      kind: "invited-link",
      email: outcome.email,
      link: outcome.link,
      emailFailed: outcome.emailFailed,
    });
  }
  if (intent === "withdraw") {
    const done = await withdrawInvitation(db, scope, { invitationId: form.values.invitationId, now: new Date() });
    if (!done) {
      return data<ActionResult>(
        { kind: "member-error", message: "That invitation has already been used, withdrawn or has expired." },
        { status: 400 },
      );
    }
    return redirect(`${here}?done=withdrawn`);
  }
  if (intent === "change-role") {
    const parsed = RoleChangeSchema.safeParse({ userId: form.values.userId, role: form.values.role });
    if (!parsed.success) {
      return data<ActionResult>({ kind: "member-error", message: "Choose a role from the list." }, { status: 400 });
    }
    const result = await changeMemberRole(db, scope, {
      memberUserId: parsed.data.userId,
      role: parsed.data.role,
      now: new Date(),
    });
    if (result === "last-owner") {
      return data<ActionResult>(
        {
          kind: "member-error",
          message:
            "The workspace must keep at least one owner. Make someone else an owner first, then change this role.",
        },
        { status: 400 },
      );
    }
    if (result === "not-found") {
      return data<ActionResult>(
        { kind: "member-error", message: "That person is not a member any more." },
        { status: 400 },
      );
    }
    if (parsed.data.userId === user.userId && parsed.data.role !== "owner")
      return redirect(workspacePath(workspace.workspaceId));
    return redirect(`${here}?done=role`);
  }
  if (intent === "reset-link" && !mailEnabled()) {
    const token = newLinkToken();
    const made = await createPasswordResetForMember(db, scope, {
      memberUserId: form.values.userId,
      tokenHash: linkTokenHash(token) as string,
      now: new Date(),
    });
    if (!made) {
      return data<ActionResult>(
        { kind: "member-error", message: "That person is not a member any more." },
        { status: 400 },
      );
    }
    return data<ActionResult>({
      kind: "reset-link",
      name: made.displayName,
      link: publicLink(resetPasswordPath(token)),
    });
  }
  return data<ActionResult>(
    { kind: "member-error", message: "The form could not be sent. Try again." },
    { status: 400 },
  );
}

function RoleSelect({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  return (
    <select
      className={`govuk-select${error ? " govuk-select--error" : ""}`}
      id={id}
      name="role"
      defaultValue={defaultValue}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      {INVITE_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_NAMES[role]}
        </option>
      ))}
    </select>
  );
}

export default function MembersPage() {
  const {
    workspaceId,
    workspaceName,
    myUserId,
    mailEnabled: canEmail,
    members,
    invitations,
    done: doneCode,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const done = result ? undefined : DONE_MESSAGES[doneCode];
  const inviteErrors = result?.kind === "invite-errors" ? result.errors : {};
  const inviteValues = result?.kind === "invite-errors" ? result.values : { email: "", role: "consultant" };
  const errorLinks = INVITE_FIELDS.flatMap((field) =>
    inviteErrors[field] ? [{ href: `#invite-${field}`, text: inviteErrors[field] }] : [],
  );
  const ownerCount = members.filter((member) => member.role === "owner").length;

  return (
    <AccountPage errors={errorLinks} messages={result?.kind === "member-error" ? [result.message] : undefined}>
      {done ? <SuccessBanner id="done-title">{done}</SuccessBanner> : null}
      {result?.kind === "invited-email" ? (
        <SuccessBanner id="invited-title" detail="The link in it works once, for 7 days.">
          We have sent an invitation to {result.email}
        </SuccessBanner>
      ) : null}
      {result?.kind === "invited-link" ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title govuk-!-font-size-27">Invitation made for {result.email}</h2>
          <div className="govuk-panel__body govuk-!-font-size-19">
            {result.emailFailed
              ? "The email could not be sent. Copy the link and send it to them yourself."
              : "This service does not send email. Copy the link and send it to them yourself."}
          </div>
        </div>
      ) : null}
      {result?.kind === "invited-link" ? (
        <CopyableLink
          link={result.link}
          label="This is the only time the link is shown. It works once, for 7 days, and only for that email address."
        />
      ) : null}
      {result?.kind === "reset-link" ? (
        <>
          <h2 className="govuk-heading-m app-wrap">Password reset link for {result.name}</h2>
          <CopyableLink
            link={result.link}
            label="Send this link to them yourself. It works once, for one hour. This is the only time it is shown."
          />
        </>
      ) : null}

      <span className="govuk-caption-l app-wrap">{workspaceName}</span>
      <h1 className="govuk-heading-l">Members</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={workspacePath(workspaceId)}>
          Back to the workspace
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={auditPath(workspaceId)}>
          Audit trail
        </Link>
      </p>

      {members.map((member) => {
        const isMe = member.userId === myUserId;
        const lastOwner = member.role === "owner" && ownerCount <= 1;
        return (
          <div className="govuk-summary-card" key={member.userId}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title app-wrap">
                {member.displayName}
                {isMe ? " (you)" : ""}
              </h2>
              {lastOwner ? null : (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" to={removeMemberPath(workspaceId, member.userId)}>
                      {isMe ? "Leave the workspace" : "Remove"}
                      {isMe ? null : <span className="govuk-visually-hidden"> {member.displayName}</span>}
                    </Link>
                  </li>
                </ul>
              )}
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Email address</dt>
                  <dd className="govuk-summary-list__value app-wrap">{member.email}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Role</dt>
                  <dd className="govuk-summary-list__value">
                    {lastOwner ? (
                      <>
                        {ROLE_NAMES[member.role]}
                        <br />
                        <span className="govuk-hint govuk-!-margin-bottom-0">
                          The only owner. Make someone else an owner before changing this role.
                        </span>
                      </>
                    ) : (
                      <Form method="post" className="app-inline-form">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <label className="govuk-label govuk-visually-hidden" htmlFor={`role-${member.userId}`}>
                          Role of {member.displayName}
                        </label>
                        <RoleSelect id={`role-${member.userId}`} defaultValue={member.role} />{" "}
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          Change role<span className="govuk-visually-hidden"> of {member.displayName}</span>
                        </button>
                      </Form>
                    )}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Joined</dt>
                  <dd className="govuk-summary-list__value">{formatDateTime(member.joinedAt)}</dd>
                </div>
                {canEmail || isMe ? null : (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Password</dt>
                    <dd className="govuk-summary-list__value">
                      <Form method="post">
                        <input type="hidden" name="intent" value="reset-link" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          Make a password reset link
                          <span className="govuk-visually-hidden"> for {member.displayName}</span>
                        </button>
                      </Form>
                    </dd>
                  </div>
                )}
              </dl>
            </div>
          </div>
        );
      })}

      <h2 className="govuk-heading-m">Invitations waiting</h2>
      {invitations.length === 0 ? (
        <p className="govuk-body">No invitations are waiting.</p>
      ) : (
        invitations.map((invitation) => (
          <div className="govuk-summary-card" key={invitation.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title app-wrap">{invitation.email}</h3>
              <div className="govuk-summary-card__actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Withdraw<span className="govuk-visually-hidden"> the invitation to {invitation.email}</span>
                  </button>
                </Form>
              </div>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Role</dt>
                  <dd className="govuk-summary-list__value">{ROLE_NAMES[invitation.role]}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Invited by</dt>
                  <dd className="govuk-summary-list__value app-wrap">
                    {invitation.invitedByName ?? "A former member"}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Expires</dt>
                  <dd className="govuk-summary-list__value">{formatDateTime(invitation.expiresAt)}</dd>
                </div>
              </dl>
            </div>
          </div>
        ))
      )}

      <h2 className="govuk-heading-m">Invite someone</h2>
      <p className="govuk-body">
        {canEmail
          ? "We will email them a link to join. It works once, for 7 days."
          : "You will get a link to send them yourself. It works once, for 7 days."}
      </p>
      {/* A new key after each invitation empties the form for the next one. */}
      <Form
        method="post"
        noValidate
        key={result?.kind === "invited-link" || result?.kind === "invited-email" ? result.email : "invite"}
      >
        <input type="hidden" name="intent" value="invite" />
        <div className={`govuk-form-group${inviteErrors.email ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="invite-email">
            Their email address
          </label>
          {inviteErrors.email ? (
            <p className="govuk-error-message" id="invite-email-error">
              <span className="govuk-visually-hidden">Error:</span> {inviteErrors.email}
            </p>
          ) : null}
          <input
            className={`govuk-input govuk-input--width-30${inviteErrors.email ? " govuk-input--error" : ""}`}
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={inviteValues.email}
            aria-describedby={inviteErrors.email ? "invite-email-error" : undefined}
          />
        </div>
        <div className={`govuk-form-group${inviteErrors.role ? " govuk-form-group--error" : ""}`}>
          <fieldset className="govuk-fieldset" aria-describedby={inviteErrors.role ? "invite-role-error" : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What they can do</legend>
            {inviteErrors.role ? (
              <p className="govuk-error-message" id="invite-role-error">
                <span className="govuk-visually-hidden">Error:</span> {inviteErrors.role}
              </p>
            ) : null}
            <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
              {INVITE_ROLES.map((role, index) => (
                <div className="govuk-radios__item" key={role}>
                  <input
                    className="govuk-radios__input"
                    id={index === 0 ? "invite-role" : `invite-role-${role}`}
                    name="role"
                    type="radio"
                    value={role}
                    defaultChecked={inviteValues.role === role}
                    aria-describedby={`invite-role-${role}-hint`}
                  />
                  <label
                    className="govuk-label govuk-radios__label"
                    htmlFor={index === 0 ? "invite-role" : `invite-role-${role}`}
                  >
                    {ROLE_NAMES[role]}
                  </label>
                  <div id={`invite-role-${role}-hint`} className="govuk-hint govuk-radios__hint">
                    {ROLE_DESCRIPTIONS[role]}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {canEmail ? "Send invitation" : "Make invitation link"}
        </button>
      </Form>
    </AccountPage>
  );
}
