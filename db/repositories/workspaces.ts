/**
 * Workspaces and who belongs to them. Every read takes the caller's scope (their user id, and
 * the workspace's id) and filters by membership in the query itself: a person who is not a
 * member gets nothing, exactly as for a workspace that does not exist, so a route answers 404
 * and never confirms that someone else's workspace is there.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, WorkspaceRole } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

/** A caller's scope for a change, with the roles that may make it (checked again in its transaction). */
export type WriteScope = WorkspaceScope & { allowedRoles: readonly WorkspaceRole[] };

/** Whether the caller is a member of the scope's workspace in one of the roles that may write. */
export async function callerMayWrite(db: Db, scope: WriteScope): Promise<boolean> {
  const row = await db
    .selectFrom("workspace_members")
    .select("role")
    .where("workspace_id", "=", scope.workspaceId)
    .where("user_id", "=", scope.userId)
    .executeTakeFirst();
  return row !== undefined && scope.allowedRoles.includes(row.role);
}

export type WorkspaceMembership = {
  workspaceId: string;
  name: string;
  role: WorkspaceRole;
  createdAt: string;
};

export type WorkspaceMember = {
  userId: string;
  displayName: string;
  email: string;
  role: WorkspaceRole;
  joinedAt: string;
};

export type WorkspaceScope = { userId: string; workspaceId: string };

/**
 * The caller's membership of the scope's workspace, as a subquery: every read of a workspace's
 * data adds `where((eb) => eb.exists(membershipOf(db, scope)))`, so a non-member gets no rows.
 */
export function membershipOf(db: Db, scope: WorkspaceScope) {
  return db
    .selectFrom("workspace_members as caller")
    .select("caller.user_id")
    .where("caller.workspace_id", "=", scope.workspaceId)
    .where("caller.user_id", "=", scope.userId);
}

/** The caller's owner membership of the scope's workspace, as a subquery: for owner-only reads and changes. */
export function ownershipOf(db: Db, scope: WorkspaceScope) {
  return db
    .selectFrom("workspace_members as caller")
    .select("caller.user_id")
    .where("caller.workspace_id", "=", scope.workspaceId)
    .where("caller.user_id", "=", scope.userId)
    .where("caller.role", "=", "owner");
}

/** The workspaces a person belongs to, oldest membership first (the first is their home). */
export async function listWorkspacesForUser(db: Db, userId: string): Promise<WorkspaceMembership[]> {
  const rows = await db
    .selectFrom("workspace_members as m")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .select(["w.id", "w.name", "m.role", "w.created_at"])
    .where("m.user_id", "=", userId)
    .orderBy("m.created_at")
    .orderBy("w.id")
    .execute();
  return rows.map((row) => ({ workspaceId: row.id, name: row.name, role: row.role, createdAt: row.created_at }));
}

/** The workspace with the caller's role in it; undefined if it does not exist or they are not a member. */
export async function findWorkspaceForMember(db: Db, scope: WorkspaceScope): Promise<WorkspaceMembership | undefined> {
  const row = await db
    .selectFrom("workspace_members as m")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .select(["w.id", "w.name", "m.role", "w.created_at"])
    .where("m.user_id", "=", scope.userId)
    .where("m.workspace_id", "=", scope.workspaceId)
    .executeTakeFirst();
  return row ? { workspaceId: row.id, name: row.name, role: row.role, createdAt: row.created_at } : undefined;
}

/** The workspace's members, owners first then by name; empty unless the caller is a member. */
export async function listWorkspaceMembers(db: Db, scope: WorkspaceScope): Promise<WorkspaceMember[]> {
  const rows = await db
    .selectFrom("workspace_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.display_name", "u.email", "m.role", "m.created_at"])
    .where("m.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .orderBy("m.created_at")
    .orderBy("u.id")
    .execute();
  const roleOrder: Record<WorkspaceRole, number> = { owner: 0, consultant: 1, viewer: 2 };
  return rows
    .map((row) => ({
      userId: row.id,
      displayName: row.display_name,
      email: row.email,
      role: row.role,
      joinedAt: row.created_at,
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
}
