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

/** Everything a member can do in a workspace that not every role may. */
export type WorkspacePermission =
  | "read-clients"
  | "read-reports"
  | "download-reports"
  | "create-clients"
  | "create-assessments"
  | "answer-assessments"
  | "send-private-links"
  | "take-over-assessments"
  | "manage-members"
  | "manage-branding"
  | "run-workshops";

/**
 * What each role may do. The server checks this in every loader and action (through
 * `requireWorkspacePermission`), and pages hide what the member's role cannot use.
 */
export const ROLE_PERMISSIONS: Record<WorkspaceRole, readonly WorkspacePermission[]> = {
  owner: [
    "read-clients",
    "read-reports",
    "download-reports",
    "create-clients",
    "create-assessments",
    "answer-assessments",
    "send-private-links",
    "take-over-assessments",
    "manage-members",
    "manage-branding",
    "run-workshops",
  ],
  consultant: [
    "read-clients",
    "read-reports",
    "download-reports",
    "create-clients",
    "create-assessments",
    "answer-assessments",
    "send-private-links",
    "take-over-assessments",
    "run-workshops",
  ],
  viewer: ["read-clients", "read-reports", "download-reports"],
};

/** Whether a role may do something. */
export function roleMay(role: WorkspaceRole, permission: WorkspacePermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The roles that may do something, for queries that check a member's role in the database. */
export function rolesThatMay(permission: WorkspacePermission): WorkspaceRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as WorkspaceRole[]).filter((role) => roleMay(role, permission));
}

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
