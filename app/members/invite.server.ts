/**
 * Inviting someone: the invitation is written (its token's hash only), then, with SMTP, the
 * email is sent, outside the transaction. Without SMTP, or when sending fails, the owner gets the
 * link to copy, once. With SMTP the owner is not shown the link: the email is what shows the
 * invited person owns the address.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createInvitation } from "../../db/repositories/members";
import type { WorkspaceScope } from "../../db/repositories/workspaces";
import { limitStoreFrom } from "../accounts/sign-in-limits.server";
import { db } from "../db.server";
import { getLogger } from "../logger.server";
import { mailEnabled, sendMail } from "../mail/mailer.server";
import { invitationMail } from "../mail/messages.server";
import { invitationPath } from "./member-paths";
import type { InviteRole } from "../accounts/roles";
import { linkTokenHash, newLinkToken, publicLink } from "./link-tokens.server";

export type InviteOutcome =
  | { kind: "emailed"; email: string }
  | { kind: "link"; email: string; link: string; emailFailed: boolean }
  | { kind: "refused"; reason: "already-member" | "already-invited" | "too-many" | "not-found" };

export async function inviteMember(
  context: AppLoadContext,
  scope: WorkspaceScope,
  input: { email: string; role: InviteRole; inviterName: string; workspaceName: string },
): Promise<InviteOutcome> {
  try {
    const decision = await limitStoreFrom(context).consume("invitation-send", `workspace:${scope.workspaceId}`);
    if (!decision.allowed) return { kind: "refused", reason: "too-many" };
  } catch (error) {
    getLogger().warn({ err: error }, "invitation limit store failed: invitation allowed");
  }
  const token = newLinkToken();
  const created = await createInvitation(db, scope, {
    email: input.email,
    role: input.role,
    tokenHash: linkTokenHash(token) as string,
    now: new Date(),
  });
  if (typeof created === "string") return { kind: "refused", reason: created };
  const link = publicLink(invitationPath(token));
  const email = input.email.trim().toLowerCase();
  if (!mailEnabled()) return { kind: "link", email, link, emailFailed: false };
  const sent = await sendMail(
    invitationMail({
      to: email,
      workspaceName: input.workspaceName,
      inviterName: input.inviterName,
      role: input.role,
      link,
      expiresAt: created.expiresAt,
    }),
  );
  return sent === "sent" ? { kind: "emailed", email } : { kind: "link", email, link, emailFailed: true };
}
