/**
 * The emails the app sends, each as plain text and simple HTML saying the same thing. Links are
 * built by the caller from PUBLIC_BASE_URL (app/public-url.server.ts), never from the request.
 */
import { ROLE_NAMES } from "../accounts/roles";
import type { WorkspaceRole } from "../../db/schema";
import { formatDateTime } from "../accounts/format-time";
import type { OutgoingMail } from "./mailer.server";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function html(paragraphs: string[], link: { href: string; text: string }): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const button = `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>`;
  return `<!doctype html><html lang="en"><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c">${[
    body[0],
    button,
    ...body.slice(1),
  ].join("")}</body></html>`;
}

export function invitationMail(input: {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: WorkspaceRole;
  link: string;
  expiresAt: string;
}): OutgoingMail {
  const role = ROLE_NAMES[input.role].toLowerCase();
  const lead = `${input.inviterName} has invited you to join ${input.workspaceName} as a ${role}.`;
  const rest = [
    `The link works once and until ${formatDateTime(input.expiresAt)}.`,
    "If you did not expect this invitation, you can ignore this email.",
  ];
  return {
    kind: "invitation",
    to: input.to,
    subject: `You are invited to join ${input.workspaceName}`,
    text: [lead, "", "Open this link to join:", input.link, "", ...rest].join("\n"),
    html: html([lead, ...rest], { href: input.link, text: `Join ${input.workspaceName}` }),
  };
}

export function passwordResetMail(input: { to: string; name: string; link: string }): OutgoingMail {
  const lead = `Hello ${input.name}, someone asked to reset the password of your account. Open this link to choose a new password.`;
  const rest = [
    "The link works once and for one hour. Setting a new password signs you out everywhere else.",
    "If you did not ask for this, you can ignore this email: your password stays as it is.",
  ];
  return {
    kind: "password-reset",
    to: input.to,
    subject: "Reset your password",
    text: [lead, "", input.link, "", ...rest].join("\n"),
    html: html([lead, ...rest], { href: input.link, text: "Choose a new password" }),
  };
}
