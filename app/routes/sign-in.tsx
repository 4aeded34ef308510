import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { startSession } from "../../db/repositories/sessions";
import { createTwoStepChallenge, hasTwoStep } from "../../db/repositories/two-step";
import { findUserByEmail } from "../../db/repositories/users";
import { AccountField, Honeypot, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { AccountPage } from "../accounts/account-page";
import { HONEYPOT_MESSAGE, readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, SignInSchema, type FieldErrors } from "../accounts/account-forms";
import { SIGN_IN_CODE_PATH, SIGN_UP_PATH } from "../accounts/account-paths";
import { verifyPassword } from "../accounts/password.server";
import {
  homePathFor,
  newSessionToken,
  requireAnonymous,
  safeNextPath,
  sessionCookie,
  sessionIdFor,
} from "../accounts/session.server";
import { beginSignInAttempt, limitStoreFrom, signInKeys, signInSucceeded } from "../accounts/sign-in-limits.server";
import { challengeIdFor, newChallengeToken, twoStepCookie } from "../accounts/two-step.server";
import { summariseUserAgent } from "../accounts/user-agent";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { waitInWords } from "../components/refusal-page";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

/** A private page; when attempts are refused, Retry-After says for how long. */
export const headers: HeadersFunction = (args) => {
  const headers = new Headers(privatePageHeaders(args));
  const retryAfter = args.actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
export const handle: PageHandle = { title: "Sign in" };

const FIELDS = [
  { name: "email", type: "email", label: "Email address", autoComplete: "username" },
  { name: "password", type: "password", label: "Password", autoComplete: "current-password" },
] as const satisfies readonly AccountFieldDef[];
type Field = (typeof FIELDS)[number]["name"];
type ActionResult = { errors: FieldErrors; formErrors: string[]; values: { email: string } };

/** One answer for every failure, so it never says whether the email has an account. */
export const SIGN_IN_FAILED = "The email address or password is not right";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return { signedOut: url.searchParams.has("signed-out"), timedOut: url.searchParams.has("timed-out") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readAccountForm<Field>(
    request,
    FIELDS.map((field) => field.name),
  );
  if (!form.ok) {
    return data<ActionResult>(
      { errors: {}, formErrors: [form.message], values: { email: "" } },
      { status: form.status },
    );
  }
  const values = { email: form.values.email };
  if (form.honeypotFilled) {
    return data<ActionResult>({ errors: {}, formErrors: [HONEYPOT_MESSAGE], values }, { status: 400 });
  }
  const parsed = SignInSchema.safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [], values }, { status: 400 });
  }
  const limits = limitStoreFrom(context);
  const keys = signInKeys(parsed.data.email, context.clientAddress);
  const attempt = await beginSignInAttempt(limits, keys);
  if (!attempt.allowed) {
    return data<ActionResult>(
      {
        errors: {},
        formErrors: [
          `Too many attempts to sign in to this account. Wait ${waitInWords(attempt.retryAfterSeconds)}, then try again.`,
        ],
        values,
      },
      { status: 429, headers: { "Retry-After": String(attempt.retryAfterSeconds) } },
    );
  }
  const user = await findUserByEmail(db, parsed.data.email);
  // Checked even when there is no such account, against a dummy hash, so the answer takes as long.
  const correct = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !correct) {
    return data<ActionResult>({ errors: { email: SIGN_IN_FAILED }, formErrors: [], values }, { status: 400 });
  }
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await hasTwoStep(db, user.id)) {
    // The password was right, but no session yet: the code comes first (app/routes/sign-in_.code.tsx).
    await signInSucceeded(limits, keys, { knownDevice: false });
    const challengeToken = newChallengeToken();
    await createTwoStepChallenge(db, {
      challengeId: challengeIdFor(challengeToken),
      userId: user.id,
      nextPath: next ?? null,
    });
    return redirect(SIGN_IN_CODE_PATH, { headers: { "Set-Cookie": twoStepCookie(challengeToken) } });
  }
  await signInSucceeded(limits, keys);
  const token = newSessionToken();
  await startSession(db, {
    sessionId: sessionIdFor(token),
    userId: user.id,
    userAgent: summariseUserAgent(request.headers.get("user-agent")),
  });
  return redirect(next ?? (await homePathFor(user.id)), { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function SignInPage() {
  const { signedOut, timedOut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useAccountForm({ schema: SignInSchema, fields: FIELDS, actionData });
  return (
    <AccountPage errors={form.errorLinks} messages={actionData?.formErrors}>
      {signedOut && !actionData ? <SuccessBanner id="signed-out-title">You have signed out</SuccessBanner> : null}
      {timedOut && !actionData ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="timed-out-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="timed-out-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              You need to sign in again. A code must be entered within 5 minutes of the password.
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <p className="govuk-body">Sign in to your workspace with your email address and password.</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Honeypot />
        {FIELDS.map((field) => (
          <AccountField key={field.name} field={field} form={form} defaultValue={actionData?.values.email} />
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Sign in
        </button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/forgot-password">
          Forgotten your password?
        </Link>
      </p>
      <p className="govuk-body">
        No account yet?{" "}
        <Link className="govuk-link" to={SIGN_UP_PATH}>
          Create an account
        </Link>
        .
      </p>
      <p className="govuk-body">
        You do not need an account to complete an assessment for your own organisation: an assessment you started
        without one opens with its private link.
      </p>
    </AccountPage>
  );
}
