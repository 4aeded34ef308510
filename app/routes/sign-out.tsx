import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { endSession } from "../../db/repositories/sessions";
import { AccountPage } from "../accounts/account-page";
import { SIGN_IN_PATH, SIGN_OUT_PATH } from "../accounts/account-paths";
import { clearedSessionCookie, getSignedInUser } from "../accounts/session.server";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Sign out" };

/** Signing out changes something, so it takes a post: this page holds the button for it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSignedInUser(request);
  if (!user) throw redirect(SIGN_IN_PATH);
  return { displayName: user.displayName, email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSignedInUser(request);
  if (user) await endSession(db, { userId: user.userId, sessionId: user.sessionId, action: "signed-out" });
  return redirect(`${SIGN_IN_PATH}?signed-out`, { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export default function SignOutPage() {
  const { displayName, email } = useLoaderData<typeof loader>();
  return (
    <AccountPage>
      <h1 className="govuk-heading-l">Sign out</h1>
      <p className="govuk-body app-wrap">{`You are signed in as ${displayName} (${email}).`}</p>
      <p className="govuk-body">Signing out here does not sign you out on your other devices.</p>
      <Form method="post" action={SIGN_OUT_PATH}>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Sign out
        </button>
      </Form>
    </AccountPage>
  );
}
