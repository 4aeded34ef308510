/** The form's own fields, named so that no question id can clash with them. */
export const SETTLE_FIELDS = {
  reason: "settleReason",
  revision: "settleRevision",
  intent: "settleIntent",
  /** For lists: whose list becomes the group's ("current" keeps the group's own). */
  choice: "settleChoice",
} as const;
