import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { hasTwoStep, replaceRecoveryCodes } from "../../db/repositories/two-step";
import { AccountField, useAccountForm } from "../accounts/account-form";
import { readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { AccountPage } from "../accounts/account-page";
import { TWO_STEP_PATH } from "../accounts/account-paths";
import { requireUser } from "../accounts/session.server";
import { limitStoreFrom } from "../accounts/sign-in-limits.server";
import { newRecoveryCodes, recoveryCodeHash, recoveryCodesText } from "../accounts/two-step.server";
import { confirmIdentity } from "../accounts/two-step-confirm.server";
import { CONFIRM_FIELD, ConfirmSchema } from "../accounts/two-step-forms";
import { RecoveryCodes } from "../accounts/two-step-parts";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers: HeadersFunction = (args) => {
  const headers = new Headers(privatePageHeaders(args));
  const retryAfter = args.actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
export const handle: PageHandle = { title: "Make new recovery codes" };

const FIELDS = [CONFIRM_FIELD] as const;
type ActionResult =
  { done: false; errors: FieldErrors; formErrors: string[] } | { done: true; codes: string[]; text: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasTwoStep(db, user.userId))) throw redirect(TWO_STEP_PATH);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!(await hasTwoStep(db, user.userId))) return redirect(TWO_STEP_PATH);
  const form = await readAccountForm(request, ["confirmation"]);
  if (!form.ok) {
    return data<ActionResult>({ done: false, errors: {}, formErrors: [form.message] }, { status: form.status });
  }
  const parsed = ConfirmSchema.safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ done: false, errors: fieldErrorsFrom(parsed.error), formErrors: [] }, { status: 400 });
  }
  const confirmed = await confirmIdentity(limitStoreFrom(context), {
    userId: user.userId,
    clientAddress: context.clientAddress,
    confirmation: parsed.data.confirmation,
  });
  if (!confirmed.ok) {
    return data<ActionResult>(
      confirmed.status === 429
        ? { done: false, errors: {}, formErrors: [confirmed.message] }
        : { done: false, errors: { confirmation: confirmed.message }, formErrors: [] },
      {
        status: confirmed.status,
        headers: confirmed.retryAfterSeconds ? { "Retry-After": String(confirmed.retryAfterSeconds) } : undefined,
      },
    );
  }
  const codes = newRecoveryCodes();
  const replaced = await replaceRecoveryCodes(db, {
    userId: user.userId,
    codeHashes: codes.map((code) => recoveryCodeHash(user.userId, code)),
  });
  if (!replaced) return redirect(TWO_STEP_PATH);
  return data<ActionResult>({ done: true, codes, text: recoveryCodesText(user.email, codes, new Date()) });
}

export default function NewRecoveryCodesPage() {
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.done ? actionData : undefined;
  const form = useAccountForm({ schema: ConfirmSchema, fields: FIELDS, actionData: failed });
  if (actionData?.done) {
    return (
      <AccountPage>
        <SuccessBanner id="codes-made-title" detail="Your old recovery codes no longer work.">
          You have new recovery codes
        </SuccessBanner>
        <h1 className="govuk-heading-l">Save your new recovery codes</h1>
        <RecoveryCodes codes={actionData.codes} text={actionData.text} />
        <Link className="govuk-button" to={TWO_STEP_PATH}>
          I have saved my recovery codes
        </Link>
      </AccountPage>
    );
  }
  return (
    <AccountPage errors={form.errorLinks} messages={failed?.formErrors}>
      <h1 className="govuk-heading-l">Make new recovery codes</h1>
      <p className="govuk-body">
        You get 10 new codes to keep. Your old codes stop working at once, including any you have not used.
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <AccountField field={CONFIRM_FIELD} form={form} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Make new recovery codes
          </button>
          <Link className="govuk-link" to={TWO_STEP_PATH}>
            Cancel
          </Link>
        </div>
      </Form>
    </AccountPage>
  );
}
