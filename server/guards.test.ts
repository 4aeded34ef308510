import { describe, expect, it } from "vitest";
import { isPrivatePath } from "./app";
import { isForeignOrigin } from "./guards";
import { requestIdFrom } from "./request-log";

describe("isForeignOrigin", () => {
  const configured = { publicBaseUrl: "https://readiness.example.org", publicBaseUrlSource: "configured" } as const;
  const fallback = { publicBaseUrl: "http://localhost:3000", publicBaseUrlSource: "fallback" } as const;

  it("with PUBLIC_BASE_URL, accepts only that exact origin", () => {
    expect(isForeignOrigin({ origin: "https://readiness.example.org" }, configured)).toBe(false);
    for (const origin of [
      "http://readiness.example.org",
      "https://readiness.example.org:8443",
      "https://evil.example",
      "https://readiness.example.org.evil.example",
      "null",
      "garbage",
      "",
    ]) {
      expect(isForeignOrigin({ origin, host: "readiness.example.org" }, configured), origin).toBe(true);
    }
  });

  it("without one, follows Remix's rule: the Origin's host is the X-Forwarded-Host, or else the Host", () => {
    expect(isForeignOrigin({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, fallback)).toBe(false);
    expect(isForeignOrigin({ origin: "http://localhost:3000", host: "127.0.0.1:3000" }, fallback)).toBe(true);
    expect(
      isForeignOrigin(
        { origin: "https://app.example", host: "10.0.0.5:3000", "x-forwarded-host": "app.example, proxy" },
        fallback,
      ),
    ).toBe(false);
    expect(isForeignOrigin({ origin: "http://127.0.0.1:3000" }, fallback)).toBe(true);
    expect(isForeignOrigin({ origin: "null", host: "null" }, fallback)).toBe(true);
  });

  it("lets a post without an Origin through: browsers always send one across sites", () => {
    expect(isForeignOrigin({ host: "anything" }, configured)).toBe(false);
    expect(isForeignOrigin({}, fallback)).toBe(false);
  });
});

describe("isPrivatePath", () => {
  it("knows the pages behind a private or read-only link", () => {
    for (const path of ["/a/key", "/a/key/report.pdf", "/r/key", "/A/key", "/%61/key", "/a/key.data"]) {
      expect(isPrivatePath(path), path).toBe(true);
    }
    for (const path of ["/", "/a", "/a/", "/about", "/assets/a.js", "/_root.data", "/ab/key"]) {
      expect(isPrivatePath(path), path).toBe(false);
    }
  });
});

describe("requestIdFrom", () => {
  it("keeps a sane incoming X-Request-Id and drops anything else", () => {
    expect(requestIdFrom("5afe4e29-fcd2-482f-87a7-119b1023e2f9")).toBe("5afe4e29-fcd2-482f-87a7-119b1023e2f9");
    expect(requestIdFrom("Root=1-67891233-abcdef012345678912345678".slice(5))).toBe(
      "1-67891233-abcdef012345678912345678",
    );
    expect(requestIdFrom(["abc", "def"])).toBe("abc");
    const key = "Q6Q2nl3rq42Og8Tee46OuuyeyyHKyDMqg1VG7De0Zpk";
    for (const bad of [undefined, "", "a b", "x".repeat(65), 'x"}', "line\nbreak", "é", key, `id-${key}`]) {
      expect(requestIdFrom(bad), String(bad)).toBeUndefined();
    }
  });
});
