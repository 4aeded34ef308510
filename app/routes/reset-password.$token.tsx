import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findPasswordReset, resetPassword } from "../../db/repositories/password-resets";
import { AccountField, Honeypot, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { AccountPage } from "../accounts/account-page";
import { HONEYPOT_MESSAGE, readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, PASSWORD_HINT, type FieldErrors } from "../accounts/account-forms";
import { SIGN_IN_PATH } from "../accounts/account-paths";
import { hashPassword, isCommonPassword } from "../accounts/password.server";
import { homePathFor, newSessionToken, sessionCookie, sessionIdFor } from "../accounts/session.server";
import { summariseUserAgent } from "../accounts/user-agent";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { newPasswordSchema } from "../accounts/account-forms";
import { FORGOT_PASSWORD_PATH, resetPasswordPath } from "../members/member-paths";
import { linkTokenHash } from "../members/link-tokens.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as LoaderData | undefined)?.view === "form" ? "Choose a new password" : "This link cannot be used",
};

const FIELDS = [
  { name: "password", type: "password", label: "New password", hint: PASSWORD_HINT, autoComplete: "new-password" },
] as const satisfies readonly AccountFieldDef[];

type LoaderData = { view: "form"; email: string } | { view: "gone"; reason: "expired" | "used" | "unknown" };

async function view(token: string | undefined): Promise<LoaderData> {
  const tokenHash = linkTokenHash(token);
  const reset = tokenHash ? await findPasswordReset(db, tokenHash, new Date()) : undefined;
  if (!reset) return { view: "gone", reason: "unknown" };
  if (reset.status !== "valid") return { view: "gone", reason: reset.status };
  return { view: "form", email: reset.email };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await view(params.token);
  return data(result, { status: result.view === "gone" ? 404 : 200 });
}

type ActionResult = { errors: FieldErrors; formErrors: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const current = await view(params.token);
  if (current.view === "gone") return redirect(resetPasswordPath(params.token ?? ""));
  const form = await readAccountForm(request, ["password"]);
  if (!form.ok) return data<ActionResult>({ errors: {}, formErrors: [form.message] }, { status: form.status });
  if (form.honeypotFilled) return data<ActionResult>({ errors: {}, formErrors: [HONEYPOT_MESSAGE] }, { status: 400 });
  const parsed = newPasswordSchema({ email: current.email }, isCommonPassword).safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [] }, { status: 400 });
  }
  const token = newSessionToken();
  const done = await resetPassword(db, {
    tokenHash: linkTokenHash(params.token) as string,
    passwordHash: await hashPassword(parsed.data.password),
    session: { sessionId: sessionIdFor(token), userAgent: summariseUserAgent(request.headers.get("user-agent")) },
    now: new Date(),
  });
  if (done === "gone") return redirect(resetPasswordPath(params.token ?? ""));
  return redirect(await homePathFor(done.userId), { headers: { "Set-Cookie": sessionCookie(token) } });
}

const GONE_TEXT = {
  unknown: { title: "This password reset link is not right", body: "Check that you copied the whole link." },
  expired: { title: "This password reset link has expired", body: "A reset link works for one hour." },
  used: {
    title: "This password reset link has already been used",
    body: "Each reset link works once. If you set a new password with it, sign in with that password.",
  },
} as const;

export default function ResetPasswordPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = newPasswordSchema({ email: loaded.view === "form" ? loaded.email : "" });
  const form = useAccountForm({ schema, fields: FIELDS, actionData });
  if (loaded.view === "gone") {
    const text = GONE_TEXT[loaded.reason];
    return (
      <AccountPage>
        <h1 className="govuk-heading-l">{text.title}</h1>
        <p className="govuk-body">{text.body}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={FORGOT_PASSWORD_PATH}>
            Ask for a new link
          </Link>{" "}
          or{" "}
          <Link className="govuk-link" to={SIGN_IN_PATH}>
            sign in
          </Link>
          .
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage errors={form.errorLinks} messages={actionData?.formErrors}>
      <h1 className="govuk-heading-l">Choose a new password</h1>
      <p className="govuk-body app-wrap">
        For the account {loaded.email}. You will be signed out on every other device, and signed in here.
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Honeypot />
        {FIELDS.map((field) => (
          <AccountField key={field.name} field={field} form={form} />
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Save new password
        </button>
      </Form>
    </AccountPage>
  );
}
