/**
 * The loaders of the download routes under the private link (`/a/<token>/report.docx` and the
 * rest) and under a read-only link (`/r/<token>/report.docx`, `/r/<token>/report.json`). Each
 * loads the assessment's data and hands it to a builder in `export-files.server.ts`.
 */
import { redirect } from "@remix-run/node";
import { recordReportLinkUse } from "../../db/repositories/links";
import type { RespondentContext } from "../../db/repositories/assessments";
import { requireNotParticipant } from "../workshop/participant-access.server";
import { db } from "../db.server";
import { getLogger } from "../logger.server";
import { requireReportLink } from "../links/report-links.server";
import { readOnlyReportPath } from "../paths";
import { reportPath } from "../report.server";
import {
  answersCsvFile,
  answersJsonFile,
  exportResponse,
  reportDocxFile,
  reportJsonFile,
  type ExportFile,
} from "./export-files.server";
import { loadExportSource, type ExportSource } from "./export-source.server";
import type { ExportKind } from "./download-name";
import type { ReadOnlyExportKind } from "./export-paths";

const BUILDERS: Record<ExportKind, (source: ExportSource) => ExportFile | null | Promise<ExportFile | null>> = {
  "report-docx": reportDocxFile,
  "report-json": reportJsonFile,
  "answers-csv": answersCsvFile,
  "answers-json": answersJsonFile,
};

/** The query that tells the report page a download could not be made. */
export const DOWNLOAD_FAILED_PARAM = "download-failed";

/**
 * Answers with the file, or sends the person to a page that explains: an unknown link to "Page
 * not found" (through the report's address, as the PDF does), a report file of an unfinished
 * assessment to the report page, which lists the sections still to do, and a file that could not
 * be built (logged with the assessment id, never the link) back to the report page, which says so.
 */
export async function exportDownload(token: string | undefined, kind: ExportKind): Promise<Response> {
  const safeToken = token ?? "";
  const respondent = await requireNotParticipant(safeToken).catch((error: unknown) => {
    if (error instanceof Response && error.status === 404) {
      throw redirect(`/a/${encodeURIComponent(safeToken)}/report`, 303);
    }
    throw error;
  });
  return buildDownload(respondent, kind, reportPath(safeToken));
}

/**
 * The same through a read-only link, which offers only the report's files. An unknown or revoked
 * link goes to its report page, which answers "Page not found", as the PDF does.
 */
export async function readOnlyExportDownload(token: string | undefined, kind: ReadOnlyExportKind): Promise<Response> {
  const reportHref = readOnlyReportPath(encodeURIComponent(token ?? ""));
  const { linkId, owner } = await requireReportLink(token).catch((error: unknown) => {
    if (error instanceof Response && error.status === 404) throw redirect(reportHref, 303);
    throw error;
  });
  await recordReportLinkUse(db, { assessmentId: owner.assessmentId, linkId });
  return buildDownload(owner, kind, reportHref);
}

/**
 * Builds one export for an assessment already found (through a link, or in a workspace by a
 * member), sending the reader back to `reportHref` when it cannot be made.
 */
export async function buildDownload(
  respondent: RespondentContext,
  kind: ExportKind,
  reportHref: string,
): Promise<Response> {
  try {
    const exported = await BUILDERS[kind](await loadExportSource(respondent));
    if (exported === null) return redirect(reportHref, 303);
    return exportResponse(exported);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    getLogger().error(
      { component: "export", assessmentId: respondent.assessmentId, kind, err: error },
      `Export failed: ${message}`,
    );
    return redirect(`${reportHref}?${DOWNLOAD_FAILED_PARAM}=1`, 303);
  }
}
