/**
 * A client's report in the workspace: the page, its PDFs and its data files, for any member
 * (viewers too). The assessment is found through the scoped repository (`findWorkspaceRespondent`),
 * which gives the same `RespondentContext` the private link's pages use, so the report, PDF and
 * export code is shared, not copied. The PDF names no accessible version here: the workspace
 * holds neither the private link nor a read-only link's token, and never names a member key.
 */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { findWorkspaceRespondent, recordReportExport } from "../../db/repositories/clients";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { db } from "../db.server";
import { buildDownload } from "../exports/export-route.server";
import type { ExportKind } from "../exports/download-name";
import { notFound } from "../http";
import { storedPdfRenderer } from "../pdf/pdf-files.server";
import { pageSizeFromUrl, reportPdfResponse } from "../pdf/pdf-response.server";
import type { PdfDocumentKind } from "../pdf/render-report.server";
import { loadReport } from "../report.server";
import { workspaceReportPath } from "./client-paths";

/** The member, the workspace and the assessment's respondent, or "Page not found". */
export async function requireWorkspaceReport(
  request: Request,
  params: LoaderFunctionArgs["params"],
  permission: "read-reports" | "download-reports",
) {
  const access = await requireWorkspacePermission(request, params.workspaceId, permission);
  const respondent = await findWorkspaceRespondent(db, access.scope, params.assessmentId ?? "");
  if (!respondent) throw notFound();
  return { ...access, respondent };
}

/** The report as the workspace shows it: no links into the questions, no accessible version. */
export function loadWorkspaceReport(respondent: Awaited<ReturnType<typeof requireWorkspaceReport>>["respondent"]) {
  return loadReport(respondent, { accessibleVersionUrl: null, sectionHref: null });
}

/** A PDF of the report, audited as an export when it is sent. */
export async function workspacePdfLoader({ params, request }: LoaderFunctionArgs, document: PdfDocumentKind) {
  const { scope, respondent } = await requireWorkspaceReport(request, params, "download-reports");
  const reportHref = workspaceReportPath(scope.workspaceId, respondent.assessmentId);
  const loaded = await loadWorkspaceReport(respondent);
  if (loaded.kind === "incomplete") return redirect(reportHref, 303);
  const pageSize = pageSizeFromUrl(request.url);
  const response = await reportPdfResponse(loaded.view, {
    pageSize,
    document,
    assessmentId: respondent.assessmentId,
    reportHref,
    pool: storedPdfRenderer(respondent.assessmentId),
  });
  if (response.status === 503) return response;
  if (response.status >= 500) return redirect(`${reportHref}?pdf-failed=1`, 303);
  if (response.ok) {
    await recordReportExport(db, scope, {
      assessmentId: respondent.assessmentId,
      kind: `${document === "summary" ? "summary" : "report"}-pdf-${pageSize === "LETTER" ? "letter" : "a4"}`,
    });
  }
  return response;
}

/** A Word or data file of the report or answers, audited as an export when it is sent. */
export async function workspaceExportLoader({ params, request }: LoaderFunctionArgs, kind: ExportKind) {
  const { scope, respondent } = await requireWorkspaceReport(request, params, "download-reports");
  const response = await buildDownload(
    respondent,
    kind,
    workspaceReportPath(scope.workspaceId, respondent.assessmentId),
  );
  if (response.ok) await recordReportExport(db, scope, { assessmentId: respondent.assessmentId, kind });
  return response;
}
