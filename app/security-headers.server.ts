/**
 * Headers for every HTML page. The private link is the only key to an assessment, so no page
 * may leak its address to another site (Referrer-Policy), be framed, or run injected script.
 * NOTE: "same-origin", not "no-referrer": with no-referrer, browsers send `Origin: null` on form
 * posts, and Remix rejects those as possible cross-site request forgery.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  // NOTE: Vite's dev server injects inline styles and scripts for hot reloading, so the strict
  // policy applies to production builds only.
  if (process.env.NODE_ENV === "production") {
    headers["Content-Security-Policy"] = [
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
  return headers;
}
