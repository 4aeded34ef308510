/**
 * The loaders of the download routes under the private link (`/a/<token>/report.docx` and the
 * rest). Each loads the assessment's data and hands it to a builder in `export-files.server.ts`;
 * another link family serves the same files by calling those builders with its own data.
 */
import { redirect } from "@remix-run/node";
import { requireRespondent } from "../assessment-access.server";
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
  const respondent = await requireRespondent(safeToken).catch((error: unknown) => {
    if (error instanceof Response && error.status === 404) {
      throw redirect(`/a/${encodeURIComponent(safeToken)}/report`, 303);
    }
    throw error;
  });
  try {
    const exported = await BUILDERS[kind](await loadExportSource(respondent));
    if (exported === null) return redirect(reportPath(safeToken), 303);
    return exportResponse(exported);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[export] assessment ${respondent.assessmentId}: ${kind} failed: ${message}`);
    return redirect(`${reportPath(safeToken)}?${DOWNLOAD_FAILED_PARAM}=1`, 303);
  }
}
