/**
 * The Kysely view of the database. Portable between SQLite and PostgreSQL:
 * ids are app-generated text, timestamps are ISO-8601 text, JSON is text.
 */

/** An organisation being assessed. Will later belong to a workspace (a consultancy or a team). */
export interface OrganisationTable {
  id: string;
  /** Copied from the organisation-name answer so lists can show it without reading answers. */
  name: string | null;
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

export type RespondentRole = "owner";

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

export interface Database {
  organisations: OrganisationTable;
  assessments: AssessmentTable;
  respondents: RespondentTable;
  answers: AnswerTable;
  section_progress: SectionProgressTable;
}
