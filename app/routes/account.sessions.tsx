import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { endOtherSessions, endSession, listSessions } from "../../db/repositories/sessions";
import { AccountPage } from "../accounts/account-page";
import { SESSIONS_PATH, SIGN_IN_PATH, TWO_STEP_PATH } from "../accounts/account-paths";
import { formatDateTime } from "../accounts/format-time";
import { clearedSessionCookie, homePathFor, requireUser } from "../accounts/session.server";
import { readForm } from "../form-data.server";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Where you are signed in" };

const SESSION_ID = /^[0-9a-f]{64}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listSessions(db, user.userId);
  const ended = Number(new URL(request.url).searchParams.get("ended") ?? "0");
  return {
    homeHref: await homePathFor(user.userId),
    ended: Number.isInteger(ended) && ended > 0 && ended < 10_000 ? ended : 0,
    sessions: sessions.map((session) => ({
      id: session.sessionId,
      device: session.userAgent ?? "Unknown browser",
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      current: session.sessionId === user.sessionId,
    })),
  };
}

type ActionResult = { errors: Record<string, string>; formErrors: string[] };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, 4 * 1024);
  if (!form.ok) return data<ActionResult>({ errors: {}, formErrors: [form.message] }, { status: form.status });
  const intent = form.fields.get("intent")?.[0];
  if (intent === "end-others") {
    const ended = await endOtherSessions(db, { userId: user.userId, keepSessionId: user.sessionId });
    return redirect(`${SESSIONS_PATH}?ended=${ended}`);
  }
  const sessionId = form.fields.get("sessionId")?.[0] ?? "";
  if (intent === "end" && SESSION_ID.test(sessionId)) {
    const current = sessionId === user.sessionId;
    const ended = await endSession(db, {
      userId: user.userId,
      sessionId,
      action: current ? "signed-out" : "session-revoked",
    });
    if (current) {
      return redirect(`${SIGN_IN_PATH}?signed-out`, { headers: { "Set-Cookie": clearedSessionCookie() } });
    }
    return redirect(`${SESSIONS_PATH}?ended=${ended ? 1 : 0}`);
  }
  return data<ActionResult>(
    { errors: {}, formErrors: ["That device is no longer signed in. The list below is up to date."] },
    { status: 400 },
  );
}

export default function SessionsPage() {
  const { homeHref, ended, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const others = sessions.filter((session) => !session.current).length;
  return (
    <AccountPage messages={actionData?.formErrors}>
      {ended > 0 && !actionData ? (
        <SuccessBanner id="ended-title">
          {ended === 1 ? "You signed out of 1 device" : `You signed out of ${ended} devices`}
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">Where you are signed in</h1>
      <p className="govuk-body">
        These are the browsers and devices signed in to your account. If you do not recognise one, sign out of it here:
        it stops working at once.
      </p>
      <p className="govuk-body">You stay signed in on a device for 30 days after you last use it.</p>
      <dl className="govuk-summary-list">
        {sessions.map((session) => (
          <div className="govuk-summary-list__row" key={session.id}>
            <dt className="govuk-summary-list__key">
              {session.device}
              {session.current ? (
                <>
                  <br />
                  <strong className="govuk-tag govuk-tag--green">This device</strong>
                </>
              ) : null}
            </dt>
            <dd className="govuk-summary-list__value">
              Signed in {formatDateTime(session.createdAt)}
              <br />
              Last used {formatDateTime(session.lastUsedAt)}
            </dd>
            <dd className="govuk-summary-list__actions">
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                  Sign out
                  <span className="govuk-visually-hidden">
                    {session.current
                      ? " of this device"
                      : ` of ${session.device}, last used ${formatDateTime(session.lastUsedAt)}`}
                  </span>
                </button>
              </Form>
            </dd>
          </div>
        ))}
      </dl>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Sign out of all other devices
          </button>
        </Form>
      ) : (
        <p className="govuk-body">You are not signed in anywhere else.</p>
      )}
      <p className="govuk-body">
        To make your account harder to break into,{" "}
        <Link className="govuk-link" to={TWO_STEP_PATH}>
          set up two-step sign-in
        </Link>
        .
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={homeHref}>
          Back to your workspace
        </Link>
      </p>
    </AccountPage>
  );
}
