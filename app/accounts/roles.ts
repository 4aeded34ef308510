import type { WorkspaceRole } from "../../db/schema";

/**
 * What each role in a workspace means, in the words the pages use. Roles are a fixed map in
 * code, not a table: what each may do is decided here as the features that need it arrive.
 */
export const ROLE_NAMES: Record<WorkspaceRole, string> = {
  owner: "Owner",
  consultant: "Consultant",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  owner: "Runs the workspace: its name, its members and everything in it.",
  consultant: "Works with clients and their assessments.",
  viewer: "Reads clients' assessments and reports without changing them.",
};

/** The roles an owner may invite someone as (an owner may make another owner). */
export const INVITE_ROLES = ["consultant", "viewer", "owner"] as const satisfies readonly WorkspaceRole[];
export type InviteRole = (typeof INVITE_ROLES)[number];

/** What a role may do about the workspace's members, its invitations and its audit trail. */
export type MemberPermission = "manage-members" | "read-audit" | "see-members";

/**
 * The members feature's part of the role map (issue 13): only owners manage members (invite,
 * withdraw, change roles, remove, make reset links) and read the audit trail; every member sees
 * who else belongs (on the workspace's home page).
 */
export const MEMBER_PERMISSIONS: Record<WorkspaceRole, readonly MemberPermission[]> = {
  owner: ["manage-members", "read-audit", "see-members"],
  consultant: ["see-members"],
  viewer: ["see-members"],
};

export function mayManageMembers(role: WorkspaceRole): boolean {
  return MEMBER_PERMISSIONS[role].includes("manage-members");
}

export function mayReadAudit(role: WorkspaceRole): boolean {
  return MEMBER_PERMISSIONS[role].includes("read-audit");
}
