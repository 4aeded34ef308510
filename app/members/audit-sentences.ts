/**
 * The audit trail in plain sentences: "Aroha Ngata invited sam@example.org as a viewer".
 *
 * `AUDIT_SENTENCES` is a table keyed by `AuditAction`. To word a new kind of event, add an entry
 * `"the-action": ({ actor, detail }) => \`${actor} ...\`` reading what the event's `detail` holds
 * (with `text(detail, "key")`, which gives "" for a missing key). An action without an entry still
 * reads as a sentence (`fallbackSentence`), so a new kind of event is never shown as raw data.
 */
import type { AuditAction, WorkspaceRole } from "../../db/schema";
import { ROLE_NAMES } from "../accounts/roles";

export type SentenceInput = {
  /** The person's name, or "A former member" once their account is gone. */
  actor: string;
  actorUserId: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
};

type Sentence = (event: SentenceInput) => string;

/** A detail value as text; "" when it is missing or not text. */
export function text(detail: Record<string, unknown>, key: string): string {
  const value = detail[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** "a consultant", "an owner", "a viewer". */
export function roleWithArticle(role: string): string {
  const name = ROLE_NAMES[role as WorkspaceRole]?.toLowerCase() ?? (role || "member");
  return `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`;
}

function nameOr(detail: Record<string, unknown>, fallback: string): string {
  return text(detail, "name") || text(detail, "email") || fallback;
}

export const AUDIT_SENTENCES: { [A in AuditAction]?: Sentence } = {
  "account-created": ({ actor }) => `${actor} created an account`,
  "workspace-created": ({ actor, detail }) =>
    text(detail, "name") ? `${actor} created the workspace ${text(detail, "name")}` : `${actor} created the workspace`,
  "signed-in": ({ actor }) => `${actor} signed in`,
  "signed-out": ({ actor }) => `${actor} signed out`,
  "session-revoked": ({ actor }) => `${actor} signed out another device`,
  "member-invited": ({ actor, detail }) =>
    `${actor} invited ${text(detail, "email")} as ${roleWithArticle(text(detail, "role"))}`,
  "invitation-withdrawn": ({ actor, detail }) => `${actor} withdrew the invitation to ${text(detail, "email")}`,
  "member-joined": ({ actor, detail }) => `${actor} joined the workspace as ${roleWithArticle(text(detail, "role"))}`,
  "member-role-changed": ({ actor, detail }) =>
    `${actor} changed ${nameOr(detail, "a member")}'s role from ${ROLE_NAMES[text(detail, "from") as WorkspaceRole]?.toLowerCase() ?? text(detail, "from")} to ${ROLE_NAMES[text(detail, "to") as WorkspaceRole]?.toLowerCase() ?? text(detail, "to")}`,
  "member-removed": ({ actor, actorUserId, subject, detail }) =>
    subject && subject === actorUserId
      ? `${actor} left the workspace`
      : `${actor} removed ${nameOr(detail, "a member")} from the workspace`,
  "password-reset-link-made": ({ actor, detail }) =>
    `${actor} made a password reset link for ${nameOr(detail, "a member")}`,
  "password-reset-requested": ({ actor }) => `${actor} asked for a password reset link`,
  "password-reset": ({ actor }) => `${actor} set a new password with a reset link`,
  "client-created": ({ actor, detail }) => `${actor} added the client ${clientOf(detail)}`,
  "assessment-created": ({ actor, detail }) => `${actor} started an assessment of ${clientOf(detail)}`,
  "assessment-taken-over": ({ actor, detail }) =>
    `${actor} took over an assessment of ${clientOf(detail)} that was started without an account`,
  "private-link-replaced": ({ actor, detail }) =>
    `${actor} made a new private link for an assessment of ${clientOf(detail)}, so the old link stopped working`,
  "report-exported": ({ actor, detail }) =>
    `${actor} downloaded ${EXPORT_WORDS[text(detail, "kind")] ?? "a file"} of ${clientOf(detail)}'s assessment`,
  "reassessment-started": ({ actor, detail }) =>
    `${actor} started the next assessment of ${clientOf(detail)}${
      detail.prefilled === true ? ", with the last answers to check" : ", blank"
    }`,
  "branding-changed": ({ actor, detail }) => `${actor} ${brandingChanges(detail)}`,
  "two-step-turned-on": ({ actor }) => `${actor} turned on two-step sign-in`,
  "two-step-turned-off": ({ actor }) => `${actor} turned off two-step sign-in`,
  "recovery-codes-made": ({ actor }) => `${actor} made new recovery codes for two-step sign-in`,
  "recovery-code-used": ({ actor }) => `${actor} signed in with a recovery code`,
  "workshop-started": ({ actor, detail }) => `${actor} turned an assessment of ${clientOf(detail)} into a workshop`,
  "workshop-changed": ({ actor, detail }) =>
    `${actor} changed the settings of ${workshopOf(detail)}${
      detail.namesShown === true ? ": names are shown" : detail.namesShown === false ? ": names are hidden" : ""
    }`,
  "workshop-closed": ({ actor, detail }) => `${actor} closed ${workshopOf(detail)}`,
  "workshop-reopened": ({ actor, detail }) => `${actor} reopened ${workshopOf(detail)}`,
  "workshop-participant-invited": ({ actor, detail }) =>
    `${actor} invited ${nameOr(detail, "a participant")} to ${workshopOf(detail)}`,
  "workshop-participant-removed": ({ actor, detail }) =>
    `${actor} removed ${nameOr(detail, "a participant")} from ${workshopOf(detail)}`,
  "workshop-question-settled": ({ actor, detail }) => {
    // The audit page adds the question's wording (`workshopQuestionTitle`): the questionnaire's
    // definitions stay out of this module, which pages such as the invitation page also load.
    const title = text(detail, "questionTitle");
    const question = title ? `"${title}"` : "a question";
    const changed = Number(text(detail, "revision")) > 1;
    return changed
      ? `${actor} changed the group's settled answer to ${question} in the workshop on ${clientOf(detail)}'s assessment`
      : `${actor} settled the group's answer to ${question} in the workshop on ${clientOf(detail)}'s assessment`;
  },
};

/** "the Harbour City Council workshop", or "a workshop" once the client is gone. */
function workshopOf(detail: Record<string, unknown>): string {
  const client = text(detail, "clientName");
  return client ? `the ${client} workshop` : "a workshop";
}

/** "renamed the workspace to Harbour and removed the logo": what a branding change did. */
function brandingChanges(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  const name = detail.name as { to?: unknown } | undefined;
  if (name && typeof name.to === "string") parts.push(`renamed the workspace to ${name.to}`);
  const logo = detail.logo as { removed?: unknown } | undefined;
  if (logo) parts.push(logo.removed === true ? "removed the logo" : "changed the logo");
  if ("accentColour" in detail) {
    const colour = detail.accentColour as { to?: unknown } | undefined;
    parts.push(typeof colour?.to === "string" ? `set the accent colour to ${colour.to}` : "removed the accent colour");
  }
  if (parts.length === 0) return "changed the branding";
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The client an event is about, as the audit page found it; "a client" once it is gone. */
function clientOf(detail: Record<string, unknown>): string {
  return text(detail, "clientName") || "a client";
}

/** What a member downloaded, by the kind an export event records. */
const EXPORT_WORDS: Record<string, string> = {
  "report-pdf-a4": "the PDF report (A4)",
  "report-pdf-letter": "the PDF report (US Letter)",
  "summary-pdf-a4": "the board summary PDF (A4)",
  "summary-pdf-letter": "the board summary PDF (US Letter)",
  "report-docx": "the Word report",
  "report-json": "the report's data",
  "answers-csv": "the answers as a spreadsheet",
  "answers-json": "the answers as data",
};

/** "Aroha Ngata: client created", for an action the table has no words for yet. */
export function fallbackSentence(action: string, event: SentenceInput): string {
  const what = action.replace(/[-_]+/g, " ").trim() || "an action";
  const about = text(event.detail, "name") || text(event.detail, "clientName");
  return `${event.actor} did this: ${what}${about ? ` (${about})` : ""}`;
}

/** The sentence for one event of the trail. */
export function auditSentence(action: AuditAction, event: SentenceInput): string {
  const sentence = AUDIT_SENTENCES[action];
  return sentence ? sentence(event) : fallbackSentence(action, event);
}

/** The kinds of event the owner can filter by, with their names in the filter. */
export const AUDIT_KIND_NAMES: { [A in AuditAction]?: string } = {
  "workspace-created": "Workspace created",
  "member-invited": "Invitations sent",
  "invitation-withdrawn": "Invitations withdrawn",
  "member-joined": "Members joined",
  "member-role-changed": "Roles changed",
  "member-removed": "Members removed",
  "password-reset-link-made": "Password reset links made",
  "client-created": "Clients added",
  "assessment-created": "Assessments started",
  "reassessment-started": "Next assessments started",
  "assessment-taken-over": "Assessments taken over",
  "private-link-replaced": "Private links replaced",
  "report-exported": "Downloads",
  "branding-changed": "Branding changed",
  "workshop-started": "Workshops started",
  "workshop-participant-invited": "Workshop participants invited",
  "workshop-participant-removed": "Workshop participants removed",
  "workshop-closed": "Workshops closed",
};
