/**
 * When the accessibility statement and privacy notice were written and last checked. Update
 * these whenever either page is reviewed, or the service is tested again: the accessibility
 * regulations ask for the dates, and a stale date tells readers the statement may be out of date.
 */
export const STATEMENT_DATES = {
  accessibilityPrepared: "29 November 2026",
  accessibilityReviewed: "29 November 2026",
  serviceTested: "29 November 2026",
  privacyUpdated: "30 November 2026",
} as const;
