import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import {
  completeTwoStepSignIn,
  findTwoStep,
  findTwoStepChallenge,
  type TwoStepProof,
} from "../../db/repositories/two-step";
import { findUserById } from "../../db/repositories/users";
import { AccountField, useAccountForm } from "../accounts/account-form";
import { readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { AccountPage } from "../accounts/account-page";
import { SIGN_IN_PATH, TWO_STEP_PATH } from "../accounts/account-paths";
import {
  homePathFor,
  newSessionToken,
  requireAnonymous,
  sessionCookie,
  sessionIdFor,
} from "../accounts/session.server";
import { beginCodeAttempt, limitStoreFrom, signInKeys, twoStepSucceeded } from "../accounts/sign-in-limits.server";
import {
  challengeIdFor,
  challengeTokenOf,
  clearedTwoStepCookie,
  normaliseCode,
  normaliseRecoveryCode,
  recoveryCodeHash,
  verifyCode,
} from "../accounts/two-step.server";
import { SIGN_IN_CODE_FIELD, SignInCodeSchema } from "../accounts/two-step-forms";
import { summariseUserAgent } from "../accounts/user-agent";
import type { PageHandle } from "../components/document-title";
import { waitInWords } from "../components/refusal-page";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers: HeadersFunction = (args) => {
  const headers = new Headers(privatePageHeaders(args));
  const retryAfter = args.actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
export const handle: PageHandle = { title: "Enter your code" };

const FIELDS = [SIGN_IN_CODE_FIELD] as const;
type ActionResult = { errors: FieldErrors; formErrors: string[] };

export const CODE_WRONG = "The code is not right. Enter the 6-digit code your app shows now";
export const CODE_USED = "That code has been used already. Wait for your app to show a new code, then enter that one";
export const RECOVERY_CODE_WRONG = "That recovery code is not right, or it has been used already";

/** Back to the password, saying why: the five minutes ran out, or the sign-in was finished. */
function startAgain(): Response {
  return redirect(`${SIGN_IN_PATH}?timed-out`, { headers: { "Set-Cookie": clearedTwoStepCookie() } });
}

async function waitingSignIn(request: Request) {
  const token = challengeTokenOf(request);
  return token ? findTwoStepChallenge(db, challengeIdFor(token)) : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  if (!(await waitingSignIn(request))) throw startAgain();
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const challenge = await waitingSignIn(request);
  if (!challenge) return startAgain();
  const form = await readAccountForm(request, ["code"]);
  if (!form.ok) return data<ActionResult>({ errors: {}, formErrors: [form.message] }, { status: form.status });
  const parsed = SignInCodeSchema.safeParse(form.values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [] }, { status: 400 });
  }
  const user = await findUserById(db, challenge.userId);
  const twoStep = await findTwoStep(db, challenge.userId);
  if (!user || !twoStep?.confirmedAt) return startAgain();

  const limits = limitStoreFrom(context);
  const keys = signInKeys(user.email, context.clientAddress);
  const attempt = await beginCodeAttempt(limits, keys);
  if (!attempt.allowed) {
    return data<ActionResult>(
      {
        errors: {},
        formErrors: [`Too many wrong codes. Wait ${waitInWords(attempt.retryAfterSeconds)}, then try again.`],
      },
      { status: 429, headers: { "Retry-After": String(attempt.retryAfterSeconds) } },
    );
  }

  const typed = parsed.data.code;
  let proof: TwoStepProof;
  if (normaliseCode(typed)) {
    const step = await verifyCode(twoStep.secret, typed);
    if (step === undefined) {
      return data<ActionResult>({ errors: { code: CODE_WRONG }, formErrors: [] }, { status: 400 });
    }
    proof = { kind: "code", step };
  } else {
    const recoveryCode = normaliseRecoveryCode(typed);
    if (!recoveryCode) {
      return data<ActionResult>({ errors: { code: RECOVERY_CODE_WRONG }, formErrors: [] }, { status: 400 });
    }
    proof = { kind: "recovery-code", codeHash: recoveryCodeHash(user.id, recoveryCode) };
  }

  const token = newSessionToken();
  const done = await completeTwoStepSignIn(db, {
    challengeId: challenge.challengeId,
    proof,
    session: {
      sessionId: sessionIdFor(token),
      userId: user.id,
      userAgent: summariseUserAgent(request.headers.get("user-agent")),
    },
  });
  if (!done.ok) {
    if (done.reason === "expired") return startAgain();
    const message = done.reason === "code-used" ? CODE_USED : RECOVERY_CODE_WRONG;
    return data<ActionResult>({ errors: { code: message }, formErrors: [] }, { status: 400 });
  }
  await twoStepSucceeded(limits, keys);
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(token));
  headers.append("Set-Cookie", clearedTwoStepCookie());
  const next = challenge.nextPath ?? (await homePathFor(user.id));
  if (done.recoveryCodesLeft !== undefined) {
    // Say how many are left, then go on to where the person was going.
    return redirect(`${TWO_STEP_PATH}?recovery-code-used&next=${encodeURIComponent(next)}`, { headers });
  }
  return redirect(next, { headers });
}

export default function SignInCodePage() {
  const actionData = useActionData<typeof action>();
  const form = useAccountForm({ schema: SignInCodeSchema, fields: FIELDS, actionData });
  return (
    <AccountPage errors={form.errorLinks} messages={actionData?.formErrors}>
      <h1 className="govuk-heading-l">Enter your code</h1>
      <p className="govuk-body">
        Your account has two-step sign-in. Open your authenticator app and enter the code it shows for this account.
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <AccountField field={SIGN_IN_CODE_FIELD} form={form} />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Sign in
        </button>
      </Form>
      <p className="govuk-body">
        You have 5 minutes to enter the code. After that, or if this is not your account,{" "}
        <Link className="govuk-link" to={SIGN_IN_PATH}>
          sign in again
        </Link>
        .
      </p>
      <p className="govuk-body">
        If you have lost both your phone and your recovery codes, you cannot sign in on your own.{" "}
        <Link className="govuk-link" to="/contact">
          Contact us
        </Link>{" "}
        for help.
      </p>
    </AccountPage>
  );
}
