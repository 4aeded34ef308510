/**
 * The Kysely view of the database. Portable between SQLite and PostgreSQL:
 * ids are app-generated text, timestamps are ISO-8601 text, JSON is text.
 */

/**
 * An organisation being assessed: a workspace's client when `workspace_id` is set, otherwise the
 * organisation of an anonymous self-serve assessment.
 */
export interface OrganisationTable {
  id: string;
  /** Copied from the organisation-name answer so lists can show it without reading answers. */
  name: string | null;
  /** The workspace this organisation is a client of; null for an anonymous assessment's. */
  workspace_id: string | null;
  /** The name the workspace gave the client; null for anonymous organisations. */
  client_name: string | null;
  created_at: string;
  updated_at: string;
}

/** One assessment of one organisation, on the questionnaire version it was started on. */
export interface AssessmentTable {
  id: string;
  organisation_id: string;
  questionnaire_version: string;
  created_at: string;
  updated_at: string;
  /** The workspace member who created or took over the assessment; null for anonymous ones. */
  run_by_user_id: string | null;
  /** The finished assessment of the same client this one follows (a re-assessment), or null. */
  previous_assessment_id: string | null;
  /** When a member took this anonymously started assessment into the workspace; null otherwise. */
  taken_over_at: string | null;
}

/**
 * Someone answering an assessment. Today every assessment has one respondent, the owner,
 * who reaches it through a private link. Workshops will add participants to the same
 * assessment, each with their own answers.
 */
export interface RespondentTable {
  id: string;
  assessment_id: string;
  role: RespondentRole;
  /** SHA-256 of the private link's token: the token itself is never stored. */
  access_token_hash: string;
  created_at: string;
  last_seen_at: string;
  /** When they checked every answer and finished; null until then. */
  submitted_at: string | null;
  /**
   * Their name, if they gave it when finishing. Rows written before `job_title` existed hold
   * "name, role" here as one line, exactly as typed.
   */
  name: string | null;
  /** Their role, such as "Director of Communications", if they gave it. */
  job_title: string | null;
}

/**
 * "owner": whoever holds the assessment's private link (its answers are the assessment's answers).
 * "participant": one person in a workshop, answering the sections the facilitator chose.
 */
export type RespondentRole = "owner" | "participant";

/** One respondent's answer to one question, as JSON text of the typed value. */
export interface AnswerTable {
  respondent_id: string;
  assessment_id: string;
  question_id: string;
  value_json: string;
  updated_at: string;
}

/** Whether a respondent has said a section is complete. */
export interface SectionProgressTable {
  respondent_id: string;
  section_id: string;
  completed_at: string | null;
  updated_at: string;
}

/**
 * A read-only link to an assessment's report (the report page and its PDF, nothing else). Like
 * the private link, only the SHA-256 of its token is stored for finding it.
 */
export interface ReportLinkTable {
  id: string;
  assessment_id: string;
  token_hash: string;
  /**
   * The token, encrypted with a key derived from the owner's private link, so that the owner's
   * PDF can name the newest link while the database alone cannot open it. Null once revoked.
   */
  sealed_token: string | null;
  /** The owner's name for it, such as "Board papers, March". */
  label: string | null;
  created_at: string;
  /** When someone last opened the report or its PDF through it. */
  last_used_at: string | null;
  /** When the owner revoked it; it opens nothing from then on. */
  revoked_at: string | null;
}

export type AccessEventKind = "edit-link-replaced" | "report-link-created" | "report-link-revoked";

/** What happened to an assessment's links, and when: a record for the owner and for audits. */
export interface AccessEventTable {
  id: string;
  assessment_id: string;
  event: AccessEventKind;
  report_link_id: string | null;
  occurred_at: string;
}

/**
 * A finished file (today the report PDF), kept so a download reads one row. `file_key` is a
 * SHA-256 of exactly what the file shows, its render options and the renderer's version.
 */
export interface RenderedFileTable {
  assessment_id: string;
  file_key: string;
  /** Which document: "full" (the whole report) or, later, "summary". */
  kind: string;
  /** "A4" or "LETTER". */
  page_size: string;
  /** The file: blob in SQLite, bytea in PostgreSQL. */
  bytes: Buffer;
  byte_length: number;
  page_count: number;
  /** The layout's page counts and section pages, JSON, reused by the next render of the document. */
  layout_json: string;
  created_at: string;
}

/** A server process's lease on rendering one file, so several processes render it once. */
export interface RenderClaimTable {
  assessment_id: string;
  file_key: string;
  /** A random id the claiming process made at start. */
  owner: string;
  claimed_at: string;
  /** When the lease lapses unless renewed: ISO-8601 text, compared as text. */
  expires_at: string;
}

/** A person with an account (a consultant, or someone at an organisation). */
export interface UserTable {
  id: string;
  /** Trimmed and lower-cased before it is stored, so it is unique whatever case it was typed in. */
  email: string;
  display_name: string;
  /** Argon2id, in the PHC string format. Null for an account that signs in another way (later: single sign-on). */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** A consultancy or a team: the place clients and their assessments will belong to. */
export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export type WorkspaceRole = "owner" | "consultant" | "viewer";

export interface WorkspaceMemberTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: string;
}

/** A signed-in browser. */
export interface SessionTable {
  /** SHA-256 (hex) of the random value in the cookie: the value itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  /** Updated at most once a minute, so reading a page rarely writes. */
  last_used_at: string;
  expires_at: string;
  /** A short summary such as "Firefox on Windows", for the list of devices; never the raw header. */
  user_agent: string | null;
}

export type AuditAction =
  | "account-created"
  | "workspace-created"
  | "signed-in"
  | "signed-out"
  | "session-revoked"
  | "client-created"
  | "assessment-created"
  | "assessment-taken-over"
  | "private-link-replaced"
  | "report-exported"
  | "reassessment-started"
  | "two-step-turned-on"
  | "two-step-turned-off"
  | "recovery-codes-made"
  | "recovery-code-used"
  | "member-invited"
  | "invitation-withdrawn"
  | "member-joined"
  | "member-role-changed"
  | "member-removed"
  | "password-reset-requested"
  | "password-reset-link-made"
  | "password-reset"
  | "branding-changed"
  | "workshop-started"
  | "workshop-changed"
  | "workshop-closed"
  | "workshop-reopened"
  | "workshop-participant-invited"
  | "workshop-participant-removed"
  | "workshop-question-settled";

/**
 * A workspace member's short-lived key to answer a client's assessment in the wizard. Works only
 * while its person is still an owner or consultant of the workspace and until `expires_at`.
 */
export interface MemberKeyTable {
  /** SHA-256 (hex) of the key's token: the token itself is never stored. */
  token_hash: string;
  respondent_id: string;
  user_id: string;
  workspace_id: string;
  created_at: string;
  expires_at: string;
}

/** An invitation to join a workspace. Only the SHA-256 (hex) of its token is stored. */
export interface InvitationTable {
  id: string;
  workspace_id: string;
  /** Normalised: trimmed and lower case. */
  email: string;
  role: WorkspaceRole;
  token_hash: string;
  invited_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by_user_id: string | null;
  withdrawn_at: string | null;
}

/** A password reset link. Only the SHA-256 (hex) of its token is stored. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  /** The owner who made the link for a member; null when the person asked for it. */
  created_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Who did what, and when: for the workspace's owners and for audits. */
export interface AuditEventTable {
  id: string;
  /** Null for events that belong to no workspace (signing in and out). */
  workspace_id: string | null;
  /** Null once the person's account is deleted. */
  actor_user_id: string | null;
  action: AuditAction;
  /** What it was done to, such as a workspace's or a session's id (never a session's cookie value). */
  subject: string | null;
  created_at: string;
  /** JSON text of a small object; never a password, a cookie or a token. */
  detail_json: string;
}

/** A person's two-step sign-in (authenticator app); see the two-step migration. */
export interface TwoStepSettingsTable {
  user_id: string;
  /** The base32 TOTP key given to the authenticator app. */
  secret: string;
  created_at: string;
  /** Null while being set up; two-step is on once it is set. */
  confirmed_at: string | null;
  /** The 30-second step of the last code accepted: a code is accepted only for a later step. */
  last_used_step: number | null;
}

/** A one-use recovery code, stored only as a hash. */
export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A sign-in waiting for its code: the password was right. */
export interface TwoStepChallengeTable {
  /** SHA-256 (hex) of the random value in the short-lived cookie. */
  id: string;
  user_id: string;
  next_path: string | null;
  created_at: string;
  expires_at: string;
}

/** A workspace's logo and accent colour (its name is `workspaces.name`). */
export interface WorkspaceBrandingTable {
  workspace_id: string;
  /** The logo as re-encoded by the app (PNG), never the uploaded file. */
  logo_png: Buffer | null;
  logo_width: number | null;
  logo_height: number | null;
  /** SHA-256 (hex) of `logo_png`. */
  logo_sha256: string | null;
  logo_updated_at: string | null;
  /** `#rrggbb`, lower case, with a contrast of at least 4.5 to 1 against white. */
  accent_colour: string | null;
  updated_at: string;
}

/** An assessment turned into a workshop; see the workshops migration. */
export interface WorkshopTable {
  assessment_id: string;
  workspace_id: string;
  created_by_user_id: string | null;
  /** JSON text: the section ids participants answer. */
  participant_sections_json: string;
  /** 1 when the facilitator's view names who answered what; 0 when names are hidden. */
  names_shown: number;
  /** SHA-256 (hex) of the workshop link's token; null while the link is off. */
  join_token_hash: string | null;
  created_at: string;
  updated_at: string;
  /** When the facilitator closed it; participants' links then save nothing. */
  closed_at: string | null;
}

export type WorkshopJoinedVia = "invitation" | "workshop-link";

/** A workshop participant: a respondent of the assessment with a name of their own. */
export interface WorkshopParticipantTable {
  respondent_id: string;
  assessment_id: string;
  name: string;
  /** `name` trimmed, spaces collapsed and lower-cased: unique among current participants. */
  name_key: string;
  /** Their role in the organisation, such as "Communications lead", if given. */
  role_label: string | null;
  joined_via: WorkshopJoinedVia;
  created_at: string;
  /** When the facilitator removed them; their answers then leave every count. */
  removed_at: string | null;
}

/** The group's answer to one question of a workshop, as JSON text of the typed value. */
export interface WorkshopSettlementTable {
  assessment_id: string;
  question_id: string;
  value_json: string;
  /** Why the group chose it, if the facilitator wrote it down. */
  reason: string | null;
  settled_by_user_id: string | null;
  settled_at: string;
  /** 1 when first settled; one more with each change. */
  revision: number;
}

export interface Database {
  organisations: OrganisationTable;
  assessments: AssessmentTable;
  respondents: RespondentTable;
  answers: AnswerTable;
  section_progress: SectionProgressTable;
  report_links: ReportLinkTable;
  access_events: AccessEventTable;
  rendered_files: RenderedFileTable;
  render_claims: RenderClaimTable;
  users: UserTable;
  workspaces: WorkspaceTable;
  workspace_members: WorkspaceMemberTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  member_keys: MemberKeyTable;
  two_step_settings: TwoStepSettingsTable;
  recovery_codes: RecoveryCodeTable;
  two_step_challenges: TwoStepChallengeTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  workspace_branding: WorkspaceBrandingTable;
  workshops: WorkshopTable;
  workshop_participants: WorkshopParticipantTable;
  workshop_settlements: WorkshopSettlementTable;
}
