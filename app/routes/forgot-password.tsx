import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AccountField, Honeypot, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { AccountPage } from "../accounts/account-page";
import { HONEYPOT_MESSAGE, readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { SIGN_IN_PATH } from "../accounts/account-paths";
import { requireAnonymous } from "../accounts/session.server";
import type { PageHandle } from "../components/document-title";
import { waitInWords } from "../components/refusal-page";
import { privatePageHeaders } from "../http";
import { mailEnabled } from "../mail/mailer.server";
import { ForgotPasswordSchema } from "../accounts/account-forms";
import { requestPasswordReset } from "../members/password-reset.server";

export const headers: HeadersFunction = (args) => {
  const headers = new Headers(privatePageHeaders(args));
  const retryAfter = args.actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
export const handle: PageHandle = { title: "Reset your password" };

const FIELDS = [
  {
    name: "email",
    type: "email",
    label: "Email address",
    hint: "The address you sign in with.",
    autoComplete: "username",
  },
] as const satisfies readonly AccountFieldDef[];

type ActionResult =
  { sent: false; errors: FieldErrors; formErrors: string[]; values: { email: string } } | { sent: true; email: string };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { mailEnabled: mailEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readAccountForm(request, ["email"]);
  if (!form.ok) {
    return data<ActionResult>(
      { sent: false, errors: {}, formErrors: [form.message], values: { email: "" } },
      { status: form.status },
    );
  }
  const values = { email: form.values.email };
  if (form.honeypotFilled) {
    return data<ActionResult>({ sent: false, errors: {}, formErrors: [HONEYPOT_MESSAGE], values }, { status: 400 });
  }
  const parsed = ForgotPasswordSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>(
      { sent: false, errors: fieldErrorsFrom(parsed.error), formErrors: [], values },
      { status: 400 },
    );
  }
  const outcome = await requestPasswordReset(context, parsed.data.email);
  if (outcome.kind === "too-many") {
    return data<ActionResult>(
      {
        sent: false,
        errors: {},
        formErrors: [
          `Too many password reset requests from your network. Wait ${waitInWords(outcome.retryAfterSeconds)}, then try again.`,
        ],
        values,
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return data<ActionResult>({ sent: true, email: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const { mailEnabled: canEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.sent ? actionData : undefined;
  const form = useAccountForm({ schema: ForgotPasswordSchema, fields: FIELDS, actionData: failed });
  if (actionData?.sent) {
    return (
      <AccountPage>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body app-wrap">
          If an account uses {actionData.email}, we have sent a link to it to choose a new password. The link works
          once, for one hour.
        </p>
        <p className="govuk-body">
          No email after a few minutes? Check your spam folder, or{" "}
          <Link className="govuk-link" to="/forgot-password">
            ask for another link
          </Link>
          .
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage errors={form.errorLinks} messages={failed?.formErrors}>
      <h1 className="govuk-heading-l">Reset your password</h1>
      {canEmail ? (
        <>
          <p className="govuk-body">We will email you a link to choose a new password.</p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <Honeypot />
            {FIELDS.map((field) => (
              <AccountField key={field.name} field={field} form={form} defaultValue={failed?.values.email} />
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Send the link
            </button>
          </Form>
        </>
      ) : (
        <p className="govuk-body">
          This service does not send email. Ask an owner of your workspace to make you a password reset link from the
          workspace&apos;s members page.
        </p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={SIGN_IN_PATH}>
          Back to sign in
        </Link>
      </p>
    </AccountPage>
  );
}
