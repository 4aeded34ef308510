import type { ReportBranding, ReportView } from "../report/report-view";

/** What a page shows of a workspace's branding: the logo by address, never its bytes. */
export type PageBranding = {
  workspaceName: string;
  accentColour: string | null;
  logo: { src: string; width: number; height: number } | null;
};

/** The address of a logo image, with its hash so that a browser may keep it for as long as it likes. */
export function logoSrc(path: string, sha256: string): string {
  return `${path}?v=${sha256.slice(0, 16)}`;
}

/** True when `v` (from a logo's address) names this logo. */
export function logoVersionMatches(v: string | null, sha256: string): boolean {
  return v !== null && v.length === 16 && sha256.startsWith(v);
}

/** The page's branding, with the logo served from `logoPath` (an address that needs the page's own key). */
export function pageBranding(branding: ReportBranding | undefined, logoPath: string): PageBranding | null {
  if (!branding) return null;
  return {
    workspaceName: branding.workspaceName,
    accentColour: branding.accentColour,
    logo: branding.logo
      ? { src: logoSrc(logoPath, branding.logo.sha256), width: branding.logo.width, height: branding.logo.height }
      : null,
  };
}

/** The view as a page's data: without the branding (and so without the logo's bytes), which the page gets apart. */
export function viewForPage(view: ReportView): ReportView {
  if (!view.branding) return view;
  const { branding: _branding, ...rest } = view;
  return rest;
}
