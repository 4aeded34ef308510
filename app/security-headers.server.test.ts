import { afterEach, describe, expect, it, vi } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, HSTS, securityHeaders } from "./security-headers.server";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the header set", () => {
  it("sends every response the headers that keep links and pages safe", () => {
    expect(baseSecurityHeaders({ https: false })).toEqual({
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    });
  });

  it("adds HSTS only when the app is served over HTTPS", () => {
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toBe(HSTS);
    expect(HSTS).toBe("max-age=31536000");
    expect(baseSecurityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("gives each page a policy allowing only its own inline script", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain("unsafe-inline");
  });

  it("sets the policy on production pages only (the dev server injects inline code)", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(securityHeaders("n1")["Content-Security-Policy"]).toBe(contentSecurityPolicy("n1"));
    vi.stubEnv("NODE_ENV", "development");
    expect(securityHeaders("n1")).not.toHaveProperty("Content-Security-Policy");
    expect(securityHeaders("n1")["X-Frame-Options"]).toBe("DENY");
  });
});
