import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawRequest, startServer, type RunningServer } from "./server-process";

/*
 * Behind a TLS proxy: PUBLIC_BASE_URL is https://readiness.example.org, the proxy is the one
 * hop in front (TRUST_PROXY=1). Links come from the public address, never from Host; forms
 * must come from the public address; HSTS is on every response.
 */

const PUBLIC = "https://readiness.example.org";
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_BASE_URL: PUBLIC, TRUST_PROXY: "1" } });
});

afterAll(async () => {
  await server.stop();
  await server.cleanUp();
});

async function start(headers: Record<string, string>): Promise<{ status: number; location: string }> {
  const response = await rawRequest(server.baseUrl, {
    method: "POST",
    path: "/?index",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: "",
  });
  return { status: response.status, location: String(response.headers.location ?? "") };
}

describe("an app behind a TLS proxy", () => {
  it("builds the private link from PUBLIC_BASE_URL, whatever the Host and X-Forwarded headers say", async () => {
    const { status, location } = await start({
      host: "evil.example:666",
      origin: PUBLIC,
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
    });
    expect(status).toBe(302);
    const page = await rawRequest(server.baseUrl, {
      method: "GET",
      path: location,
      headers: { host: "evil.example:666", "x-forwarded-host": "evil.example" },
    });
    expect(page.status).toBe(200);
    const token = /\/a\/([\w-]{43})\//.exec(location)?.[1] ?? "";
    expect(page.body).toContain(`${PUBLIC}/a/${token}`);
    expect(page.body).not.toContain("evil.example");
    expect(page.body).not.toContain("http://readiness.example.org");
  });

  it("accepts forms only from the public address", async () => {
    expect((await start({ origin: PUBLIC })).status).toBe(302);
    // The address the server was reached at is not the public one: refused.
    expect((await start({ origin: server.baseUrl, host: `127.0.0.1:${server.port}` })).status).toBe(403);
    expect((await start({ origin: "http://readiness.example.org" })).status).toBe(403);
    expect((await start({ origin: "https://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
  });

  it("sends HSTS on every response: pages, files, errors, health checks", async () => {
    for (const path of ["/", "/favicon.svg", "/no/such/page", "/healthz", "/_root.data"]) {
      const response = await rawRequest(server.baseUrl, { method: "GET", path });
      expect(response.headers["strict-transport-security"], path).toBe("max-age=31536000");
    }
  });

  it("logs the client's address from the trusted proxy's X-Forwarded-For, and only one hop of it", async () => {
    await rawRequest(server.baseUrl, {
      method: "GET",
      path: "/?marker=1",
      headers: { "x-forwarded-for": "198.51.100.7, 203.0.113.9" },
    });
    await rawRequest(server.baseUrl, { method: "GET", path: "/favicon-missing" });
    // A request's line is written when its answer has been sent: it can reach us just after.
    const logged = () => server.logEntries().filter((entry) => entry.msg === "request");
    await vi.waitFor(() => expect(logged().some((entry) => entry.path === "/favicon-missing")).toBe(true));
    const lines = logged();
    // With one trusted hop, the client is the address that proxy saw: the last in the list.
    expect(lines.some((entry) => entry.path === "/" && entry.remoteAddress === "203.0.113.9")).toBe(true);
    expect(lines.some((entry) => entry.remoteAddress === "198.51.100.7")).toBe(false);
    expect(lines.find((entry) => entry.path === "/favicon-missing")?.remoteAddress).toBe("127.0.0.1");
  });
});
