import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { hasTwoStep, turnOffTwoStep } from "../../db/repositories/two-step";
import { AccountField, useAccountForm } from "../accounts/account-form";
import { readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { AccountPage } from "../accounts/account-page";
import { TWO_STEP_PATH } from "../accounts/account-paths";
import { requireUser } from "../accounts/session.server";
import { limitStoreFrom } from "../accounts/sign-in-limits.server";
import { confirmIdentity } from "../accounts/two-step-confirm.server";
import { CONFIRM_FIELD, ConfirmSchema } from "../accounts/two-step-forms";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers: HeadersFunction = (args) => {
  const headers = new Headers(privatePageHeaders(args));
  const retryAfter = args.actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
export const handle: PageHandle = { title: "Turn off two-step sign-in" };

const FIELDS = [CONFIRM_FIELD] as const;
type ActionResult = { errors: FieldErrors; formErrors: string[] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasTwoStep(db, user.userId))) throw redirect(TWO_STEP_PATH);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasTwoStep(db, user.userId))) return redirect(TWO_STEP_PATH);
  const form = await readAccountForm(request, ["confirmation"]);
  if (!form.ok) return data<ActionResult>({ errors: {}, formErrors: [form.message] }, { status: form.status });
  const parsed = ConfirmSchema.safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [] }, { status: 400 });
  }
  const confirmed = await confirmIdentity(limitStoreFrom(context), {
    userId: user.userId,
    clientAddress: context.clientAddress,
    confirmation: parsed.data.confirmation,
  });
  if (!confirmed.ok) {
    return data<ActionResult>(
      confirmed.status === 429
        ? { errors: {}, formErrors: [confirmed.message] }
        : { errors: { confirmation: confirmed.message }, formErrors: [] },
      {
        status: confirmed.status,
        headers: confirmed.retryAfterSeconds ? { "Retry-After": String(confirmed.retryAfterSeconds) } : undefined,
      },
    );
  }
  await turnOffTwoStep(db, { userId: user.userId });
  return redirect(`${TWO_STEP_PATH}?turned-off`);
}

export default function TurnOffTwoStepPage() {
  const actionData = useActionData<typeof action>();
  const form = useAccountForm({ schema: ConfirmSchema, fields: FIELDS, actionData });
  return (
    <AccountPage errors={form.errorLinks} messages={actionData?.formErrors}>
      <h1 className="govuk-heading-l">Turn off two-step sign-in</h1>
      <p className="govuk-body">
        You will sign in with your password alone. Your recovery codes will stop working. You can turn two-step sign-in
        on again at any time, with a new QR code.
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <AccountField field={CONFIRM_FIELD} form={form} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Turn off two-step sign-in
          </button>
          <Link className="govuk-link" to={TWO_STEP_PATH}>
            Cancel
          </Link>
        </div>
      </Form>
    </AccountPage>
  );
}
