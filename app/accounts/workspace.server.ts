import { findWorkspaceForMember, listWorkspaceMembers } from "../../db/repositories/workspaces";
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
