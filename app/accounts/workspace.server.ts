import { findWorkspaceForMember, listWorkspaceMembers } from "../../db/repositories/workspaces";
import { roleMay, rolesThatMay, type WorkspacePermission } from "./roles";
import { db } from "../db.server";
import { notFound } from "../http";
import { requireUser } from "./session.server";

/**
 * The signed-in person, a workspace they belong to and its members; "Page not found" for a
 * workspace they are not a member of, exactly as for one that does not exist, so the answer
 * never confirms that someone else's workspace is there.
 */
export async function requireWorkspace(request: Request, workspaceId: string | undefined) {
  const user = await requireUser(request);
  if (!workspaceId) throw notFound();
  const scope = { userId: user.userId, workspaceId };
  const workspace = await findWorkspaceForMember(db, scope);
  if (!workspace) throw notFound();
  const members = await listWorkspaceMembers(db, scope);
  return { user, workspace, members };
}

/**
 * The signed-in member and the workspace, when their role may do `permission` there; otherwise
 * "Page not found", the same as for a non-member. NOTE: a viewer posting to a consultant's action
 * gets 404 rather than 403: it says nothing a viewer cannot already see, and keeps one answer for
 * "you cannot do this here". Pages hide what a role cannot use, so a viewer only meets this by
 * typing an address or replaying a form.
 */
export async function requireWorkspacePermission(
  request: Request,
  workspaceId: string | undefined,
  permission: WorkspacePermission,
) {
  const user = await requireUser(request);
  if (!workspaceId) throw notFound();
  const scope = { userId: user.userId, workspaceId };
  const workspace = await findWorkspaceForMember(db, scope);
  if (!workspace || !roleMay(workspace.role, permission)) throw notFound();
  return {
    user,
    workspace,
    scope,
    /** The scope for a change, with the roles that may make it, checked again in the transaction. */
    writeScope: { ...scope, allowedRoles: rolesThatMay(permission) },
    may: (other: WorkspacePermission) => roleMay(workspace.role, other),
  };
}
