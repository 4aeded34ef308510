import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLogoForMember } from "../../db/repositories/branding";
import { requireUser } from "../accounts/session.server";
import { logoResponse } from "../branding/logo-response.server";
import { db } from "../db.server";
import { notFound } from "../http";

/** The workspace's logo, for its members only: anyone else, and a workspace without a logo, get 404. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!params.workspaceId) throw notFound();
  return logoResponse(request, await findLogoForMember(db, { userId: user.userId, workspaceId: params.workspaceId }));
}
