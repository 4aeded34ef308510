/**
 * Sending email: invitations and password reset links. Mail goes through the SMTP server in
 * SMTP_URL (nodemailer); without it the server sends nothing and the pages give owners the link
 * to copy instead (`mailEnabled()`).
 *
 * NOTE: nothing about a message's content reaches the log: its links are keys. A failure is
 * logged with its kind and the SMTP error's code only, since a library's error text could quote
 * the message or the URL (which may hold the SMTP password).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "../config.server";
import { getLogger } from "../logger.server";

export type MailKind = "invitation" | "password-reset";

export type OutgoingMail = {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
};

let cached: { url: string; transport: Transporter } | undefined;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = {
      url,
      // A mail server that does not answer must not hold a page up for long.
      transport: nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0]),
    };
  }
  return cached.transport;
}

/** Whether this server sends email (SMTP_URL is set). */
export function mailEnabled(): boolean {
  return getConfig().smtpUrl !== undefined;
}

/**
 * Sends one message. Returns "sent", "not-configured" (no SMTP_URL) or "failed" (logged without
 * its content); never throws, so the page can offer the link to copy instead.
 */
export async function sendMail(message: OutgoingMail): Promise<"sent" | "not-configured" | "failed"> {
  const { smtpUrl, mailFrom } = getConfig();
  if (!smtpUrl) return "not-configured";
  try {
    await transportFor(smtpUrl).sendMail({
      from: mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    getLogger().info({ mail: message.kind }, "email sent");
    return "sent";
  } catch (error) {
    const code = error && typeof error === "object" && "code" in error ? String(error.code) : "unknown";
    getLogger().error({ mail: message.kind, code }, "email could not be sent");
    return "failed";
  }
}

/** Closes the SMTP connection, if one is open (shutdown; tests). */
export function closeMailer(): void {
  cached?.transport.close();
  cached = undefined;
}
