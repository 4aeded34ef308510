/**
 * What every export says about where it came from. Nothing here comes from the request: no host,
 * no private link, no database id.
 */

/** The product, as the exports' creator and generator. */
export const EXPORT_PRODUCT = "Engagement readiness assessment";

export type ExportMeta = {
  /** Identifies the assessment across exports; never its private link or its database id. */
  exportId: string;
  /** When the file was made, ISO 8601 in UTC. */
  generatedAt: string;
  questionnaireVersion: string;
  organisationName: string | null;
  /** The day the assessment was finished (yyyy-mm-dd), or null while it is still being answered. */
  finishedOn: string | null;
  completedBy: string | null;
};
