/**
 * Response headers that keep a private link from leaking and pages from being misused.
 *
 * `baseSecurityHeaders` goes on every response the production server sends (pages, PDFs,
 * `.data` responses, static files, error pages); `securityHeaders` adds the page's
 * Content-Security-Policy with its nonce, set by entry.server.tsx on each HTML page.
 * NOTE: Referrer-Policy is "same-origin", not "no-referrer": with no-referrer, browsers send
 * `Origin: null` on form posts, and those are refused as possible cross-site request forgery.
 */

/** HSTS for a year: long enough to matter, and the usual value. No includeSubDomains, since
 * the app may live on a subdomain of an organisation whose other sites are not all HTTPS. */
export const HSTS = "max-age=31536000";

export function baseSecurityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  // Browsers ignore HSTS sent over plain HTTP, and sending it from a local http:// address
  // could pin a developer's browser to https for localhost.
  if (options.https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/** The strict policy for HTML pages, allowing only this response's inline script. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Headers for an HTML page: the base set (also sent by the development server, which has no
 * server of our own in front of it) and, in production builds, the Content-Security-Policy.
 * HSTS is left to the production server, which knows the public address.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  const headers = baseSecurityHeaders({ https: false });
  // NOTE: Vite's dev server injects inline styles and scripts for hot reloading, so the strict
  // policy applies to production builds only.
  if (process.env.NODE_ENV === "production") headers["Content-Security-Policy"] = contentSecurityPolicy(nonce);
  return headers;
}
