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
