import { afterEach, describe, expect, it } from "vitest";
import { parseConfig, setConfig } from "../config.server";
import { clearedSessionCookie, safeNextPath, sessionCookie, sessionTokenOf } from "./session.server";
import { summariseUserAgent } from "./user-agent";

afterEach(() => {
  globalThis.__appConfig = undefined;
});

describe("the session cookie", () => {
  it("is __Host-session, Secure, HttpOnly and SameSite=Lax for 30 days when the app is served over https", () => {
    setConfig(parseConfig({ PUBLIC_BASE_URL: "https://readiness.example.org" }));
    expect(sessionCookie("v".repeat(43))).toBe(
      `__Host-session=${"v".repeat(43)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure`,
    );
    expect(clearedSessionCookie()).toBe("__Host-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
  });

  it("is plain `session`, without Secure, over http (a computer of one's own)", () => {
    setConfig(parseConfig({ PUBLIC_BASE_URL: "http://localhost:3000" }));
    expect(sessionCookie("v".repeat(43))).toBe(
      `session=${"v".repeat(43)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`,
    );
  });

  it("is read only when well formed", () => {
    setConfig(parseConfig({}));
    const token = "A".repeat(43);
    const with_ = (cookie: string) => new Request("http://localhost/", { headers: { cookie } });
    expect(sessionTokenOf(with_(`other=1; session=${token}`))).toBe(token);
    expect(sessionTokenOf(with_(`session=${token}x`))).toBeUndefined();
    expect(sessionTokenOf(with_(`xsession=${token}`))).toBeUndefined();
  });
});

describe("where to go after signing in", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeNextPath("/w/abc?tab=members")).toBe("/w/abc?tab=members");
    expect(safeNextPath("/account/sessions")).toBe("/account/sessions");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a\nb", "", null]) {
      expect(safeNextPath(bad)).toBeUndefined();
    }
  });
});

describe("device names", () => {
  it("summarises a User-Agent header as a browser and a system", () => {
    expect(
      summariseUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome on Linux");
    expect(
      summariseUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iPhone");
    expect(summariseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
      "Firefox on Windows",
    );
    expect(summariseUserAgent("curl/8.0")).toBeNull();
    expect(summariseUserAgent(undefined)).toBeNull();
  });
});
