import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { beginTwoStepSetUp, countUnusedRecoveryCodes, findTwoStep } from "../../db/repositories/two-step";
import { AccountPage } from "../accounts/account-page";
import {
  RECOVERY_CODES_PATH,
  SESSIONS_PATH,
  TURN_OFF_PATH,
  TWO_STEP_PATH,
  TWO_STEP_SET_UP_PATH,
} from "../accounts/account-paths";
import { formatDateTime } from "../accounts/format-time";
import { homePathFor, requireUser, safeNextPath } from "../accounts/session.server";
import { newTwoStepSecret, RECOVERY_CODE_COUNT } from "../accounts/two-step.server";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { readForm } from "../form-data.server";
import { privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Two-step sign-in" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const twoStep = await findTwoStep(db, user.userId);
  const on = Boolean(twoStep?.confirmedAt);
  const url = new URL(request.url);
  const usedRecoveryCode = on && url.searchParams.has("recovery-code-used");
  return {
    on,
    turnedOnAt: twoStep?.confirmedAt ?? null,
    codesLeft: on ? await countUnusedRecoveryCodes(db, user.userId) : 0,
    codesMade: RECOVERY_CODE_COUNT,
    turnedOff: !on && url.searchParams.has("turned-off"),
    usedRecoveryCode,
    continueTo: usedRecoveryCode
      ? (safeNextPath(url.searchParams.get("next")) ?? (await homePathFor(user.userId)))
      : null,
    homeHref: await homePathFor(user.userId),
  };
}

/** "Turn on": a new key to set up, then the set-up page shows it. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, 4 * 1024);
  if (form.ok && form.fields.get("intent")?.[0] === "turn-on") {
    await beginTwoStepSetUp(db, { userId: user.userId, secret: newTwoStepSecret() });
    return redirect(TWO_STEP_SET_UP_PATH);
  }
  return redirect(TWO_STEP_PATH);
}

function codesLeftInWords(count: number): string {
  return count === 1 ? "1 recovery code" : `${count} recovery codes`;
}

export default function TwoStepPage() {
  const { on, turnedOnAt, codesLeft, codesMade, turnedOff, usedRecoveryCode, continueTo, homeHref } =
    useLoaderData<typeof loader>();
  return (
    <AccountPage>
      {turnedOff ? <SuccessBanner id="turned-off-title">Two-step sign-in is off</SuccessBanner> : null}
      {usedRecoveryCode ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="recovery-used-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="recovery-used-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              You signed in with a recovery code. You have {codesLeftInWords(codesLeft)} left.
            </p>
            <p className="govuk-body">
              That code will not work again. {codesLeft <= 3 ? "Make new codes soon so you are not locked out. " : ""}
              <Link className="govuk-notification-banner__link" to={continueTo ?? homeHref}>
                Continue to your workspace
              </Link>
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">Two-step sign-in</h1>
      {on ? (
        <>
          <p className="govuk-body">
            When you sign in, you enter your password and then a 6-digit code from the authenticator app on your phone.
            Someone who learns your password still cannot sign in as you.
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                <strong className="govuk-tag govuk-tag--green">On</strong>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Turned on</dt>
              <dd className="govuk-summary-list__value">{turnedOnAt ? formatDateTime(turnedOnAt) : null}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Recovery codes left</dt>
              <dd className="govuk-summary-list__value">
                {codesLeft} of {codesMade}
              </dd>
            </div>
          </dl>
          {codesLeft <= 3 ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                You have {codesLeftInWords(codesLeft)} left. Make new ones so you can still sign in if you lose your
                phone.
              </strong>
            </div>
          ) : null}
          <h2 className="govuk-heading-m">Recovery codes</h2>
          <p className="govuk-body">
            If you have lost your codes or used most of them, make new ones. The old codes stop working.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={RECOVERY_CODES_PATH}>
              Make new recovery codes
            </Link>
          </p>
          <h2 className="govuk-heading-m">Turn off two-step sign-in</h2>
          <p className="govuk-body">You will sign in with your password alone. We do not recommend it.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={TURN_OFF_PATH}>
              Turn off two-step sign-in
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body">
            Two-step sign-in keeps your account and your clients&apos; assessments safe even if someone learns your
            password. After your password, you enter a 6-digit code from an authenticator app on your phone.
          </p>
          <p className="govuk-body">
            You need an authenticator app, such as Google Authenticator, Microsoft Authenticator or a password manager
            that makes codes. Setting it up takes about 2 minutes.
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                <strong className="govuk-tag govuk-tag--grey">Off</strong>
              </dd>
            </div>
          </dl>
          <Form method="post">
            <input type="hidden" name="intent" value="turn-on" />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Turn on two-step sign-in
            </button>
          </Form>
        </>
      )}
      <h2 className="govuk-heading-m">Your account</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={SESSIONS_PATH}>
            See where you are signed in
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={homeHref}>
            Back to your workspace
          </Link>
        </li>
      </ul>
    </AccountPage>
  );
}
