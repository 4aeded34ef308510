import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmTwoStep, findTwoStep } from "../../db/repositories/two-step";
import { AccountField, useAccountForm } from "../accounts/account-form";
import { readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { AccountPage } from "../accounts/account-page";
import { TWO_STEP_PATH } from "../accounts/account-paths";
import { requireUser } from "../accounts/session.server";
import {
  authenticatorUri,
  keyForTyping,
  newRecoveryCodes,
  qrCodeDataUri,
  recoveryCodeHash,
  recoveryCodesText,
  verifyCode,
} from "../accounts/two-step.server";
import { SET_UP_CODE_FIELD, SetUpCodeSchema } from "../accounts/two-step-forms";
import { RecoveryCodes } from "../accounts/two-step-parts";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Set up two-step sign-in" };

const FIELDS = [SET_UP_CODE_FIELD] as const;

export const SET_UP_CODE_WRONG =
  "The code is not right. Enter the code the app shows now for this account. If it still fails, check your phone sets its time automatically";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const twoStep = await findTwoStep(db, user.userId);
  if (!twoStep) throw redirect(TWO_STEP_PATH);
  // Once on, the key is never shown again. (Not a redirect: after the action turns it on, this
  // loader runs again and the page must stay to show the recovery codes.)
  if (twoStep.confirmedAt) return { on: true as const };
  return {
    on: false as const,
    qrCode: await qrCodeDataUri(authenticatorUri(twoStep.secret, user.email)),
    key: keyForTyping(twoStep.secret),
  };
}

type ActionResult =
  { done: false; errors: FieldErrors; formErrors: string[] } | { done: true; codes: string[]; text: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readAccountForm(request, ["code"]);
  if (!form.ok) {
    return data<ActionResult>({ done: false, errors: {}, formErrors: [form.message] }, { status: form.status });
  }
  const parsed = SetUpCodeSchema.safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ done: false, errors: fieldErrorsFrom(parsed.error), formErrors: [] }, { status: 400 });
  }
  const twoStep = await findTwoStep(db, user.userId);
  if (!twoStep || twoStep.confirmedAt) return redirect(TWO_STEP_PATH);
  const step = await verifyCode(twoStep.secret, parsed.data.code);
  if (step === undefined) {
    return data<ActionResult>({ done: false, errors: { code: SET_UP_CODE_WRONG }, formErrors: [] }, { status: 400 });
  }
  const codes = newRecoveryCodes();
  const confirmed = await confirmTwoStep(db, {
    userId: user.userId,
    secret: twoStep.secret,
    step,
    codeHashes: codes.map((code) => recoveryCodeHash(user.userId, code)),
  });
  if (!confirmed) return redirect(TWO_STEP_PATH);
  return data<ActionResult>({ done: true, codes, text: recoveryCodesText(user.email, codes, new Date()) });
}

export default function SetUpTwoStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useAccountForm({
    schema: SetUpCodeSchema,
    fields: FIELDS,
    actionData: actionData && !actionData.done ? actionData : undefined,
  });
  if (actionData?.done) {
    return (
      <AccountPage>
        <SuccessBanner id="turned-on-title">Two-step sign-in is on</SuccessBanner>
        <h1 className="govuk-heading-l">Save your recovery codes</h1>
        <RecoveryCodes codes={actionData.codes} text={actionData.text} />
        <Link className="govuk-button" to={TWO_STEP_PATH}>
          I have saved my recovery codes
        </Link>
      </AccountPage>
    );
  }
  if (loaded.on) {
    return (
      <AccountPage>
        <h1 className="govuk-heading-l">Two-step sign-in is already on</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={TWO_STEP_PATH}>
            Go to two-step sign-in
          </Link>{" "}
          to make new recovery codes or to turn it off.
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage errors={form.errorLinks} messages={actionData && !actionData.done ? actionData.formErrors : undefined}>
      <h1 className="govuk-heading-l">Set up two-step sign-in</h1>
      <h2 className="govuk-heading-m">1. Add this account to your authenticator app</h2>
      <p className="govuk-body">Open the app on your phone, choose to add an account, and scan this QR code.</p>
      <img
        className="app-qr-code"
        src={loaded.qrCode}
        width={200}
        height={200}
        alt="QR code for your authenticator app. If you cannot scan it, type in the key shown below."
      />
      <h3 className="govuk-heading-s">If you cannot scan the code</h3>
      <p className="govuk-body">Choose to enter a key by hand, and type in this key. Spaces do not matter.</p>
      <p className="govuk-body">
        <code className="app-two-step-key" id="two-step-key">
          {loaded.key}
        </code>
      </p>
      <p className="govuk-body">If the app asks, choose a time-based code.</p>
      <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <AccountField field={SET_UP_CODE_FIELD} form={form} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Turn on two-step sign-in
          </button>
          <Link className="govuk-link" to={TWO_STEP_PATH}>
            Cancel
          </Link>
        </div>
      </Form>
    </AccountPage>
  );
}
