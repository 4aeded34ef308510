/** The addresses of the members, invitation, password reset and audit pages. */
export const FORGOT_PASSWORD_PATH = "/forgot-password";

export function membersPath(workspaceId: string): string {
  return `/w/${workspaceId}/members`;
}

export function removeMemberPath(workspaceId: string, userId: string): string {
  return `/w/${workspaceId}/members/${userId}/remove`;
}

export function auditPath(workspaceId: string): string {
  return `/w/${workspaceId}/audit`;
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}

export function resetPasswordPath(token: string): string {
  return `/reset-password/${token}`;
}
