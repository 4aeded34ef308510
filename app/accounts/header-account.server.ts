import { data } from "@remix-run/node";
import { listWorkspacesForUser } from "../../db/repositories/workspaces";
import type { HeaderAccount } from "../components/app-header";
import { db } from "../db.server";
import { SESSIONS_PATH, workspacePath } from "./account-paths";
import { getSignedInUser, sessionCookie, sessionTokenOf } from "./session.server";

/**
 * The root loader's answer: who is signed in, for the header. A page that names a person must
 * never be kept by a shared cache, so signed in it is `private, no-store`; every page varies by
 * cookie. When this request moved the session's expiry on, the cookie is sent again so the
 * browser keeps it as long as the server does.
 */
export async function headerAccount(request: Request) {
  const user = await getSignedInUser(request);
  if (!user) return data({ account: null as HeaderAccount }, { headers: { Vary: "Cookie" } });
  const [home] = await listWorkspacesForUser(db, user.userId);
  const headers = new Headers({ "Cache-Control": "private, no-store", Vary: "Cookie" });
  const token = sessionTokenOf(request);
  if (user.extended && token) headers.append("Set-Cookie", sessionCookie(token));
  // Everyone has a workspace today (sign-up makes one); without one, the sessions page is home.
  const account: HeaderAccount = home
    ? { workspaceName: home.name, workspaceHref: workspacePath(home.workspaceId) }
    : { workspaceName: "Your account", workspaceHref: SESSIONS_PATH };
  return data({ account }, { headers });
}
