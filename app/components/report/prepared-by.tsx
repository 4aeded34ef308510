import type { PageBranding } from "../../branding/page-branding";

/**
 * "Prepared by" the consultancy, with its logo, at the top of a client's report. The accent
 * colour is a band above it, drawn as SVG (a fill, not a style attribute, which the page's
 * Content-Security-Policy would block). No text is set in the accent colour.
 */
export function PreparedBy({ branding }: { branding: PageBranding }) {
  const { logo } = branding;
  return (
    <div className="app-branding">
      {branding.accentColour ? (
        <svg className="app-branding__band" aria-hidden="true" focusable="false" width="100%" height="8">
          <rect width="100%" height="8" fill={branding.accentColour} />
        </svg>
      ) : null}
      <div className="app-branding__row">
        {logo ? (
          <img
            className="app-branding__logo"
            src={logo.src}
            alt={`${branding.workspaceName} logo`}
            width={logo.width}
            height={logo.height}
          />
        ) : null}
        <p className="govuk-body app-branding__prepared app-wrap">
          Prepared by <strong>{branding.workspaceName}</strong>
        </p>
      </div>
    </div>
  );
}
