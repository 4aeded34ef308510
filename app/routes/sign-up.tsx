import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { createAccount } from "../../db/repositories/users";
import { AccountField, Honeypot, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { AccountPage } from "../accounts/account-page";
import { HONEYPOT_MESSAGE, readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, PASSWORD_HINT, signUpSchema, type FieldErrors } from "../accounts/account-forms";
import { SIGN_IN_PATH, workspacePath } from "../accounts/account-paths";
import { hashPassword, isCommonPassword } from "../accounts/password.server";
import { newSessionToken, requireAnonymous, sessionCookie, sessionIdFor } from "../accounts/session.server";
import { summariseUserAgent } from "../accounts/user-agent";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Create an account" };

const FIELDS = [
  { name: "displayName", label: "Your name", autoComplete: "name" },
  {
    name: "email",
    type: "email",
    label: "Work email address",
    hint: "You will use this to sign in.",
    autoComplete: "email",
  },
  { name: "password", type: "password", label: "Create a password", hint: PASSWORD_HINT, autoComplete: "new-password" },
  {
    name: "workspaceName",
    label: "Workspace name",
    hint: "Usually your consultancy's or team's name, such as 'Harbour Engagement Consulting'.",
    autoComplete: "organization",
    spellCheck: true,
  },
] as const satisfies readonly AccountFieldDef[];
type Field = (typeof FIELDS)[number]["name"];
/** What the page shows again after an error: everything typed except the password. */
type Kept = { displayName: string; email: string; workspaceName: string };
type ActionResult = { errors: FieldErrors; formErrors: string[]; values: Kept };

const EMPTY: Kept = { displayName: "", email: "", workspaceName: "" };
const EMAIL_TAKEN = "An account already uses this email address. Sign in instead, or use a different email address";
const browserSchema = signUpSchema();

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readAccountForm<Field>(
    request,
    FIELDS.map((field) => field.name),
  );
  if (!form.ok) {
    return data<ActionResult>({ errors: {}, formErrors: [form.message], values: EMPTY }, { status: form.status });
  }
  const { password: _password, ...kept } = form.values;
  if (form.honeypotFilled) {
    return data<ActionResult>({ errors: {}, formErrors: [HONEYPOT_MESSAGE], values: kept }, { status: 400 });
  }
  const parsed = signUpSchema(isCommonPassword).safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [], values: kept }, { status: 400 });
  }
  const token = newSessionToken();
  const created = await createAccount(db, {
    email: parsed.data.email,
    displayName: parsed.data.displayName,
    passwordHash: await hashPassword(parsed.data.password),
    workspaceName: parsed.data.workspaceName,
    session: { sessionId: sessionIdFor(token), userAgent: summariseUserAgent(request.headers.get("user-agent")) },
  });
  if (created === "email-taken") {
    return data<ActionResult>({ errors: { email: EMAIL_TAKEN }, formErrors: [], values: kept }, { status: 400 });
  }
  return redirect(workspacePath(created.workspaceId), { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function SignUpPage() {
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? EMPTY;
  const form = useAccountForm({ schema: browserSchema, fields: FIELDS, actionData });
  return (
    <AccountPage errors={form.errorLinks} messages={actionData?.formErrors}>
      <h1 className="govuk-heading-l">Create an account</h1>
      <p className="govuk-body">
        An account gives you a workspace for your team or consultancy. You will be its owner.
      </p>
      <p className="govuk-body">
        You do not need an account to complete an assessment for your own organisation.{" "}
        <Link className="govuk-link" to="/">
          Start an assessment without an account
        </Link>
        .
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Honeypot />
        {FIELDS.map((field) => (
          <AccountField
            key={field.name}
            field={field}
            form={form}
            defaultValue={field.name === "password" ? undefined : values[field.name]}
          />
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Create account
        </button>
      </Form>
      <p className="govuk-body">
        Already have an account?{" "}
        <Link className="govuk-link" to={SIGN_IN_PATH}>
          Sign in
        </Link>
        .
      </p>
    </AccountPage>
  );
}
