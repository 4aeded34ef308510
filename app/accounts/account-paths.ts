/** The addresses of the account pages. Anonymous assessments keep theirs (`/a/<token>`). */
export const SIGN_UP_PATH = "/sign-up";
export const SIGN_IN_PATH = "/sign-in";
export const SIGN_OUT_PATH = "/sign-out";
export const SESSIONS_PATH = "/account/sessions";

export function workspacePath(workspaceId: string): string {
  return `/w/${workspaceId}`;
}
