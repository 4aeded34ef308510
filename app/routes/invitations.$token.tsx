import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findInvitationByToken, type InvitationStatus } from "../../db/repositories/members";
import { findUserByEmail } from "../../db/repositories/users";
import { listWorkspacesForUser } from "../../db/repositories/workspaces";
import { AccountField, Honeypot, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { AccountPage } from "../accounts/account-page";
import { HONEYPOT_MESSAGE, readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, PASSWORD_HINT, type FieldErrors } from "../accounts/account-forms";
import { SIGN_IN_PATH, SIGN_OUT_PATH, workspacePath } from "../accounts/account-paths";
import { formatDateTime } from "../accounts/format-time";
import { ROLE_DESCRIPTIONS } from "../accounts/roles";
import { hashPassword, isCommonPassword } from "../accounts/password.server";
import { getSignedInUser, newSessionToken, sessionCookie, sessionIdFor } from "../accounts/session.server";
import { summariseUserAgent } from "../accounts/user-agent";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { roleWithArticle } from "../members/audit-sentences";
import { joinSchema } from "../accounts/account-forms";
import { invitationPath } from "../members/member-paths";
import { linkTokenHash } from "../members/link-tokens.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => {
    const view = (data as LoaderData | undefined)?.view;
    return view === "gone" || view === undefined ? "This invitation cannot be used" : "Join a workspace";
  },
};

const FIELDS = [
  { name: "displayName", label: "Your name", autoComplete: "name" },
  { name: "password", type: "password", label: "Create a password", hint: PASSWORD_HINT, autoComplete: "new-password" },
] as const satisfies readonly AccountFieldDef[];
type Field = (typeof FIELDS)[number]["name"];

type Gone = { view: "gone"; reason: Exclude<InvitationStatus, "pending"> | "unknown" };
type Invitation = {
  workspaceName: string;
  workspaceId: string;
  email: string;
  role: "owner" | "consultant" | "viewer";
  invitedByName: string | null;
  expiresAt: string;
};
type LoaderData =
  | Gone
  | ({ view: "new-account" } & Invitation)
  | ({ view: "sign-in"; signInHref: string } & Invitation)
  | ({ view: "join" | "already-member" } & Invitation)
  | ({ view: "other-account"; signedInAs: string } & Invitation);

/** One status for every link that cannot be used, so an answer never says more than "not here". */
const GONE_STATUS = 404;

async function view(request: Request, token: string | undefined): Promise<LoaderData> {
  const tokenHash = linkTokenHash(token);
  const invitation = tokenHash ? await findInvitationByToken(db, tokenHash, new Date()) : undefined;
  if (!invitation) return { view: "gone", reason: "unknown" };
  if (invitation.status !== "pending") return { view: "gone", reason: invitation.status };
  const details: Invitation = {
    workspaceName: invitation.workspaceName,
    workspaceId: invitation.workspaceId,
    email: invitation.email,
    role: invitation.role,
    invitedByName: invitation.invitedByName,
    expiresAt: invitation.expiresAt,
  };
  const user = await getSignedInUser(request);
  if (user) {
    if (user.email !== invitation.email) return { view: "other-account", signedInAs: user.email, ...details };
    const mine = await listWorkspacesForUser(db, user.userId);
    const member = mine.some((workspace) => workspace.workspaceId === invitation.workspaceId);
    return { view: member ? "already-member" : "join", ...details };
  }
  // The link's holder is the invited person: telling them they already have an account is theirs to know.
  const existing = await findUserByEmail(db, invitation.email);
  if (!existing) return { view: "new-account", ...details };
  const signInHref = `${SIGN_IN_PATH}?next=${encodeURIComponent(invitationPath(token ?? ""))}`;
  return { view: "sign-in", signInHref, ...details };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const result = await view(request, params.token);
  return data(result, { status: result.view === "gone" ? GONE_STATUS : 200 });
}

type ActionResult = { errors: FieldErrors; formErrors: string[]; values: { displayName: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const current = await view(request, params.token);
  if (current.view === "gone" || current.view === "already-member" || current.view === "other-account") {
    return redirect(invitationPath(params.token ?? ""));
  }
  const tokenHash = linkTokenHash(params.token) as string;
  const user = await getSignedInUser(request);
  if (current.view === "join" && user) {
    const joined = await acceptInvitation(db, {
      tokenHash,
      now: new Date(),
      person: { kind: "existing", userId: user.userId },
    });
    return typeof joined === "string"
      ? redirect(invitationPath(params.token ?? ""))
      : redirect(workspacePath(joined.workspaceId));
  }
  if (current.view !== "new-account") return redirect(invitationPath(params.token ?? ""));

  const form = await readAccountForm<Field>(
    request,
    FIELDS.map((field) => field.name),
  );
  if (!form.ok) {
    return data<ActionResult>(
      { errors: {}, formErrors: [form.message], values: { displayName: "" } },
      { status: form.status },
    );
  }
  const values = { displayName: form.values.displayName };
  if (form.honeypotFilled) {
    return data<ActionResult>({ errors: {}, formErrors: [HONEYPOT_MESSAGE], values }, { status: 400 });
  }
  const parsed = joinSchema({ email: current.email, workspaceName: current.workspaceName }, isCommonPassword).safeParse(
    form.values,
  );
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [], values }, { status: 400 });
  }
  const token = newSessionToken();
  const joined = await acceptInvitation(db, {
    tokenHash,
    now: new Date(),
    person: {
      kind: "new",
      displayName: parsed.data.displayName,
      passwordHash: await hashPassword(parsed.data.password),
      session: { sessionId: sessionIdFor(token), userAgent: summariseUserAgent(request.headers.get("user-agent")) },
    },
  });
  if (typeof joined === "string") return redirect(invitationPath(params.token ?? ""));
  return redirect(workspacePath(joined.workspaceId), { headers: { "Set-Cookie": sessionCookie(token) } });
}

const GONE_TEXT: Record<Gone["reason"], { title: string; body: string }> = {
  unknown: {
    title: "This invitation link is not right",
    body: "Check that you copied the whole link from the email or message.",
  },
  expired: { title: "This invitation has expired", body: "Invitations work for 7 days." },
  withdrawn: { title: "This invitation was withdrawn", body: "The person who invited you has cancelled it." },
  used: {
    title: "This invitation has already been used",
    body: "Each invitation link works once. If you joined with it, sign in to reach the workspace.",
  },
};

function GonePage({ reason }: { reason: Gone["reason"] }) {
  const text = GONE_TEXT[reason];
  return (
    <AccountPage>
      <h1 className="govuk-heading-l">{text.title}</h1>
      <p className="govuk-body">{text.body}</p>
      <p className="govuk-body">
        Ask an owner of the workspace to invite you again. If you already have an account,{" "}
        <Link className="govuk-link" to={SIGN_IN_PATH}>
          sign in
        </Link>
        .
      </p>
    </AccountPage>
  );
}

function InvitationSummary({ invitation }: { invitation: Invitation }) {
  return (
    <>
      <span className="govuk-caption-l">Invitation</span>
      <h1 className="govuk-heading-l app-wrap">Join {invitation.workspaceName}</h1>
      <p className="govuk-body app-wrap">
        {invitation.invitedByName ?? "An owner of the workspace"} has invited {invitation.email} to join{" "}
        {invitation.workspaceName} as {roleWithArticle(invitation.role)}. {ROLE_DESCRIPTIONS[invitation.role]}
      </p>
      <p className="govuk-body">The invitation works until {formatDateTime(invitation.expiresAt)}.</p>
    </>
  );
}

function NewAccountForm({ invitation }: { invitation: Invitation }) {
  const actionData = useActionData<typeof action>();
  const result = actionData && "errors" in actionData ? actionData : undefined;
  const schema = joinSchema({ email: invitation.email, workspaceName: invitation.workspaceName });
  const form = useAccountForm({ schema, fields: FIELDS, actionData: result });
  return (
    <AccountPage errors={form.errorLinks} messages={result?.formErrors}>
      <InvitationSummary invitation={invitation} />
      <h2 className="govuk-heading-m">Create your account</h2>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Honeypot />
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value app-wrap">{invitation.email}</dd>
          </div>
        </dl>
        {FIELDS.map((field) => (
          <AccountField
            key={field.name}
            field={field}
            form={form}
            defaultValue={field.name === "displayName" ? result?.values.displayName : undefined}
          />
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Create account and join
        </button>
      </Form>
    </AccountPage>
  );
}

export default function InvitationPage() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.view === "gone") return <GonePage reason={loaded.reason} />;
  if (loaded.view === "new-account") return <NewAccountForm invitation={loaded} />;
  return (
    <AccountPage>
      <InvitationSummary invitation={loaded} />
      {loaded.view === "join" ? (
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Join {loaded.workspaceName}
          </button>
        </Form>
      ) : null}
      {loaded.view === "already-member" ? (
        <p className="govuk-body">
          You are already a member of this workspace.{" "}
          <Link className="govuk-link" to={workspacePath(loaded.workspaceId)}>
            Go to {loaded.workspaceName}
          </Link>
          .
        </p>
      ) : null}
      {loaded.view === "sign-in" ? (
        <>
          <p className="govuk-body app-wrap">
            An account already uses {loaded.email}. Sign in with it, and you will come back here to join.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={loaded.signInHref}>
              Sign in to join
            </Link>
          </p>
        </>
      ) : null}
      {loaded.view === "other-account" ? (
        <>
          <p className="govuk-body app-wrap">
            You are signed in as {loaded.signedInAs}, but this invitation is for {loaded.email}. Sign out, then open the
            invitation link again to join as {loaded.email}.
          </p>
          <Form method="post" action={SIGN_OUT_PATH}>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Sign out
            </button>
          </Form>
        </>
      ) : null}
    </AccountPage>
  );
}
