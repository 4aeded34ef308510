import type { Migration } from "kysely";
import * as coreTables from "./2026-11-21-01-core-tables";
import * as respondentSubmittedAt from "./2026-11-21-02-respondent-submitted-at";
import * as respondentName from "./2026-11-21-03-respondent-name";
import * as reportLinks from "./2026-11-22-01-report-links";
import * as respondentJobTitle from "./2026-11-29-01-respondent-job-title";
import * as renderedFiles from "./2026-11-30-01-rendered-files";
import * as renderClaims from "./2026-11-30-02-render-claims";
import * as accounts from "./2026-11-30-03-accounts";
import * as clients from "./2026-11-30-04-clients";
import * as memberKeys from "./2026-11-30-05-member-keys";
import * as branding from "./2026-11-30-06-branding";
import * as invitations from "./2026-11-30-07-invitations";
import * as twoStep from "./2026-11-30-08-two-step";
import * as workshops from "./2026-11-30-09-workshops";

/**
 * Every migration, by name. One static list shared by the app, the tests and `npm run db:migrate`.
 * NOTE: Kysely's FileMigrationProvider imports files at run time, which cannot load `.ts` on Node 20.
 * Names sort in the order they run; add new migrations at the end with a later date prefix.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-21-01-core-tables": coreTables,
  "2026-11-21-02-respondent-submitted-at": respondentSubmittedAt,
  "2026-11-21-03-respondent-name": respondentName,
  "2026-11-22-01-report-links": reportLinks,
  "2026-11-29-01-respondent-job-title": respondentJobTitle,
  "2026-11-30-01-rendered-files": renderedFiles,
  "2026-11-30-02-render-claims": renderClaims,
  "2026-11-30-03-accounts": accounts,
  "2026-11-30-04-clients": clients,
  "2026-11-30-05-member-keys": memberKeys,
  "2026-11-30-06-branding": branding,
  "2026-11-30-07-invitations": invitations,
  "2026-11-30-08-two-step": twoStep,
  "2026-11-30-09-workshops": workshops,
};
