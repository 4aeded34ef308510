/** The addresses of a workspace's client pages and its assessments' pages and downloads. */
export function clientsPath(workspaceId: string, query?: { q?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (query?.q) params.set("q", query.q);
  if (query?.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return `/w/${workspaceId}/clients${search ? `?${search}` : ""}`;
}

export function newClientPath(workspaceId: string): string {
  return `/w/${workspaceId}/clients/new`;
}

export function clientPath(workspaceId: string, clientId: string): string {
  return `/w/${workspaceId}/clients/${clientId}`;
}

export function newAssessmentPath(workspaceId: string, clientId: string): string {
  return `/w/${workspaceId}/clients/${clientId}/assessments/new`;
}

export function takeOverPath(workspaceId: string): string {
  return `/w/${workspaceId}/take-over`;
}

export function workspaceAssessmentPath(workspaceId: string, assessmentId: string): string {
  return `/w/${workspaceId}/assessments/${assessmentId}`;
}

/** POST here to answer the assessment in the workspace (through a member key). */
export function openAssessmentPath(workspaceId: string, assessmentId: string): string {
  return `${workspaceAssessmentPath(workspaceId, assessmentId)}/open`;
}

export function privateLinkPagePath(workspaceId: string, assessmentId: string): string {
  return `${workspaceAssessmentPath(workspaceId, assessmentId)}/private-link`;
}

export function workspaceReportPath(workspaceId: string, assessmentId: string): string {
  return `${workspaceAssessmentPath(workspaceId, assessmentId)}/report`;
}

/** The report's downloads in the workspace, as the report page lists them. */
export function workspaceDownloadPaths(workspaceId: string, assessmentId: string) {
  const base = workspaceAssessmentPath(workspaceId, assessmentId);
  return {
    summaryA4Href: `${base}/summary.pdf`,
    summaryLetterHref: `${base}/summary.pdf?size=letter`,
    pdfA4Href: `${base}/report.pdf`,
    pdfLetterHref: `${base}/report.pdf?size=letter`,
    exportHrefs: {
      "report-docx": `${base}/report.docx`,
      "report-json": `${base}/report.json`,
      "answers-csv": `${base}/answers.csv`,
      "answers-json": `${base}/answers.json`,
    },
  };
}
