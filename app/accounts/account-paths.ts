/** The addresses of the account pages. Anonymous assessments keep theirs (`/a/<token>`). */
export const SIGN_UP_PATH = "/sign-up";
export const SIGN_IN_PATH = "/sign-in";
export const SIGN_OUT_PATH = "/sign-out";
export const SESSIONS_PATH = "/account/sessions";

export function workspacePath(workspaceId: string): string {
  return `/w/${workspaceId}`;
}
export const TWO_STEP_PATH = "/account/two-step";
export const TWO_STEP_SET_UP_PATH = "/account/two-step/set-up";
/** Where a sign-in whose password was right asks for the two-step code. */
export const SIGN_IN_CODE_PATH = "/sign-in/code";
export const RECOVERY_CODES_PATH = "/account/two-step/recovery-codes";
export const TURN_OFF_PATH = "/account/two-step/turn-off";
