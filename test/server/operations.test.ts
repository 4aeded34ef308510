import { existsSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server-process";

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function openSocket(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let data = "";
    const socket = connect(port, "127.0.0.1", () => resolve({ socket, received: () => data, closed }));
    const closed = new Promise<void>((done) => socket.once("close", () => done()));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.once("error", reject);
  });
}

function logHas(server: RunningServer, message: string): boolean {
  return server.stdoutLines().some((line) => line.includes(`"msg":"${message}`));
}

describe("health checks", () => {
  it("answers /healthz and /readyz, and keeps healthy checks out of the log", async () => {
    const server = await startServer();
    try {
      for (let index = 0; index < 5; index += 1) {
        const live = await fetch(`${server.baseUrl}/healthz`);
        expect(live.status).toBe(200);
        expect(await live.text()).toBe("ok\n");
        const ready = await fetch(`${server.baseUrl}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.text()).toBe("ready\n");
        expect(ready.headers.get("cache-control")).toBe("no-store");
      }
      await fetch(`${server.baseUrl}/`).then((response) => response.arrayBuffer());
      expect(await server.stop()).toBe(0);
      const requests = server.logEntries().filter((entry) => entry.msg === "request");
      expect(requests.map((entry) => entry.path)).toEqual(["/"]);
    } finally {
      await server.cleanUp();
    }
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM: refuses new connections, finishes the request in progress, answers not ready, exits 0", async () => {
    const server = await startServer();
    try {
      const { socket, received, closed } = await openSocket(server.port);
      // A slow request: a form whose body arrives in pieces, the last after the signal.
      socket.write(
        [
          "POST /?index HTTP/1.1",
          `Host: 127.0.0.1:${server.port}`,
          `Origin: ${server.baseUrl}`,
          "Content-Type: application/x-www-form-urlencoded",
          "Transfer-Encoding: chunked",
          "",
          "5\r\nhello\r\n",
        ].join("\r\n"),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      server.child.kill("SIGTERM");
      await waitFor(() => logHas(server, "shutting down"), "the shutdown to start");

      // No new connections...
      await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
      // ...but the request in progress finishes, and a request queued behind it on the same
      // connection hears that the server is no longer ready.
      socket.write(`0\r\n\r\nGET /readyz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
      await closed;
      const responses = received().split(/(?=HTTP\/1\.1 )/);
      expect(responses[0]).toMatch(/^HTTP\/1\.1 302 /);
      expect(responses[0]).toMatch(/\r\nlocation: \/a\/[\w-]{43}\/your-link\?started\r\n/i);
      expect(responses[1]).toMatch(/^HTTP\/1\.1 503 /);
      expect(responses[1]).toMatch(/\r\nConnection: close\r\n/i);
      expect(responses[1]).toContain("shutting down");

      expect(await server.exited).toBe(0);
      expect(logHas(server, "stopped")).toBe(true);
      expect(server.logEntries().find((entry) => entry.msg === "stopped")?.clean).toBe(true);
      // The database was closed properly: SQLite folds its write-ahead log back in on close.
      if (server.databaseFile) expect(existsSync(`${server.databaseFile}-wal`)).toBe(false);
      // The assessment started by the slow request was saved before the database closed.
      expect(server.logEntries().some((entry) => entry.msg === "request" && entry.status === 302)).toBe(true);
    } finally {
      await server.cleanUp();
    }
  });

  it("cuts off requests still running after SHUTDOWN_TIMEOUT_SECONDS and exits 1", async () => {
    const server = await startServer({ env: { SHUTDOWN_TIMEOUT_SECONDS: "1" } });
    try {
      const { socket } = await openSocket(server.port);
      // A body that never finishes.
      socket.write(
        `POST /?index HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n`,
      );
      socket.on("error", () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      expect(await server.stop("SIGTERM")).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(logHas(server, "requests still in progress after the time limit")).toBe(true);
    } finally {
      await server.cleanUp();
    }
  });

  it("stops on SIGINT too", async () => {
    const server = await startServer();
    try {
      expect(await server.stop("SIGINT")).toBe(0);
      expect(logHas(server, "stopped")).toBe(true);
    } finally {
      await server.cleanUp();
    }
  });
});

describe("configuration at start-up", () => {
  async function refusal(env: Record<string, string | undefined>, args: string[] = []) {
    const server = await startServer({ env, args, waitUntilReady: false });
    try {
      return { code: await server.exited, stderr: server.stderr(), stdout: server.stdoutLines() };
    } finally {
      await server.cleanUp();
    }
  }

  it("refuses to start in production without PUBLIC_BASE_URL, naming it", async () => {
    const result = await refusal({ PUBLIC_BASE_URL: undefined });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PUBLIC_BASE_URL is required in production");
    expect(result.stdout).toEqual([]);
  });

  it("refuses a PUBLIC_BASE_URL with a path, and TRUST_PROXY=true, naming each", async () => {
    const result = await refusal({ PUBLIC_BASE_URL: "https://example.org/readiness", TRUST_PROXY: "true" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PUBLIC_BASE_URL: "https:\/\/example.org\/readiness" must not have a path/);
    expect(result.stderr).toMatch(/TRUST_PROXY: "true" would let any client choose its own address/);
  });

  it("starts without PUBLIC_BASE_URL when run with --local (npm start), and says what links will be", async () => {
    const server = await startServer({ env: { PUBLIC_BASE_URL: undefined }, args: ["--local"] });
    try {
      const page = await fetch(`${server.baseUrl}/`);
      expect(page.status).toBe(200);
      expect(await server.stop()).toBe(0);
      const warning = server.logEntries().find((entry) => entry.level === "warn");
      expect(String(warning?.msg)).toContain(
        `PUBLIC_BASE_URL is not set, so links will start http://localhost:${server.port}`,
      );
    } finally {
      await server.cleanUp();
    }
  });
});
