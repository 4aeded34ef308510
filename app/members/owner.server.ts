import { mayManageMembers } from "../accounts/roles";
import { requireWorkspace } from "../accounts/workspace.server";
import { notFound } from "../http";

/**
 * The workspace, for its owners' pages (members, audit trail). Anyone else, member or not, gets
 * the app's ordinary "Page not found": the pages are not theirs to know about, and one answer
 * for every refusal keeps the rule simple. The repositories check ownership again in each query.
 */
export async function requireWorkspaceOwner(request: Request, workspaceId: string | undefined) {
  const found = await requireWorkspace(request, workspaceId);
  if (!mayManageMembers(found.workspace.role)) throw notFound();
  return { ...found, scope: { userId: found.user.userId, workspaceId: found.workspace.workspaceId } };
}
