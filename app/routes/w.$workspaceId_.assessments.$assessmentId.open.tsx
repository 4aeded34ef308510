import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { createMemberKey } from "../../db/repositories/clients";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import { db } from "../db.server";
import { notFound } from "../http";
import { assessmentPath } from "../paths";

/** Nothing to see here: opening an assessment is a POST from the client's page. */
export function loader() {
  throw notFound();
}

/**
 * Answers the assessment in the workspace: makes a key of the member's own (only its hash is
 * stored), good for 12 hours while they stay an owner or consultant, and opens the wizard with
 * it. The executive's private link is untouched.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { writeScope } = await requireWorkspacePermission(request, params.workspaceId, "answer-assessments");
  const key = newAccessToken();
  const made = await createMemberKey(db, writeScope, {
    assessmentId: params.assessmentId ?? "",
    tokenHash: hashAccessToken(key),
  });
  if (!made) throw notFound();
  return redirect(assessmentPath(key), 303);
}
