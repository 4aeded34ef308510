import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

function problemsOf(env: Record<string, string>, local = false): string[] {
  try {
    parseConfig(env, { local });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseConfig", () => {
  it("has working defaults for development", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      mode: "development",
      publicBaseUrl: "http://localhost:3000",
      publicBaseUrlSource: "fallback",
      trustProxy: false,
      port: 3000,
      host: undefined,
      logLevel: "info",
      databaseUrl: undefined,
      shutdownTimeoutMs: 10_000,
    });
    expect(config.backupDir).toMatch(/\/data\/backups$/);
  });

  it("falls back to localhost on the configured port, never to a request's Host", () => {
    expect(parseConfig({ PORT: "4321", NODE_ENV: "test" }).publicBaseUrl).toBe("http://localhost:4321");
  });

  it("requires PUBLIC_BASE_URL in production, with a message naming it", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/PUBLIC_BASE_URL is required in production/);
    expect(problemsOf({ NODE_ENV: "production", PUBLIC_BASE_URL: "  " })[0]).toMatch(/^PUBLIC_BASE_URL is required/);
    // Except for `npm start` on one's own computer.
    expect(parseConfig({ NODE_ENV: "production" }, { local: true }).publicBaseUrlSource).toBe("fallback");
  });

  it("reduces PUBLIC_BASE_URL to its origin", () => {
    for (const [given, origin] of [
      ["https://readiness.example.org", "https://readiness.example.org"],
      ["https://readiness.example.org/", "https://readiness.example.org"],
      ["HTTPS://Readiness.Example.org:443/", "https://readiness.example.org"],
      ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
      ["https://[::1]:8443", "https://[::1]:8443"],
    ]) {
      const config = parseConfig({ NODE_ENV: "production", PUBLIC_BASE_URL: given as string });
      expect(config.publicBaseUrl, given).toBe(origin);
      expect(config.publicBaseUrlSource).toBe("configured");
    }
  });

  it("refuses a PUBLIC_BASE_URL that is not an absolute http(s) address at the root", () => {
    const cases: [string, RegExp][] = [
      ["readiness.example.org", /not an absolute address/],
      ["/a/path", /not an absolute address/],
      ["ftp://readiness.example.org", /must start with https:\/\/ or http:\/\//],
      ["https://readiness.example.org/app", /must not have a path/],
      ["https://readiness.example.org/?x=1", /must not have a query/],
      ["https://readiness.example.org/#top", /must not have a query or fragment/],
      ["https://user:secret@readiness.example.org", /must not contain a user name or password/],
      ["javascript:alert(1)", /must start with https:\/\//],
    ];
    for (const [value, message] of cases) {
      const problems = problemsOf({ NODE_ENV: "production", PUBLIC_BASE_URL: value });
      expect(problems.join("\n"), value).toMatch(message);
      expect(
        problems.every((problem) => problem.startsWith("PUBLIC_BASE_URL: ")),
        value,
      ).toBe(true);
    }
  });

  it("reads TRUST_PROXY as a hop count or a list of addresses and subnets, never as true", () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(parseConfig({ TRUST_PROXY: "10.0.0.1" }).trustProxy).toEqual(["10.0.0.1"]);
    expect(parseConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.0/24,fd00::/8, loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.0/24",
      "fd00::/8",
      "loopback",
    ]);
    expect(problemsOf({ TRUST_PROXY: "true" })[0]).toMatch(/^TRUST_PROXY: "true" would let any client/);
    expect(problemsOf({ TRUST_PROXY: "proxy.internal" })[0]).toMatch(
      /^TRUST_PROXY: "proxy.internal" is not an address/,
    );
    expect(problemsOf({ TRUST_PROXY: "10.0.0.0/33" })[0]).toMatch(/"10.0.0.0\/33" is not an address/);
    expect(problemsOf({ TRUST_PROXY: "10.0.0.1,,10.0.0.2" })[0]).toMatch(/^TRUST_PROXY: /);
    expect(problemsOf({ TRUST_PROXY: "500" })[0]).toMatch(/^TRUST_PROXY: 500 proxies/);
  });

  it("reads SMTP_URL and MAIL_FROM, refusing a bad SMTP_URL without repeating its password", () => {
    expect(parseConfig({}).smtpUrl).toBeUndefined();
    expect(parseConfig({ PUBLIC_BASE_URL: "https://readiness.example.org" }).mailFrom).toBe(
      "Engagement readiness <no-reply@readiness.example.org>",
    );
    const config = parseConfig({ SMTP_URL: "smtp://user:pa55@mail.example.org:587", MAIL_FROM: "Us <hi@example.org>" });
    expect(config.smtpUrl).toBe("smtp://user:pa55@mail.example.org:587");
    expect(config.mailFrom).toBe("Us <hi@example.org>");
    const problems = problemsOf({ SMTP_URL: "https://user:secret-pass@mail.example.org" });
    expect(problems).toEqual(["SMTP_URL: must start with smtp:// or smtps://"]);
    expect(problemsOf({ SMTP_URL: "not a url secret-pass" })[0]).toMatch(/^SMTP_URL: is not a URL/);
    expect(problemsOf({ SMTP_URL: "not a url secret-pass" }).join(" ")).not.toContain("secret-pass");
    expect(problemsOf({ MAIL_FROM: "no address here" })[0]).toMatch(/^MAIL_FROM: must be an email address/);
  });

  it("reads the rate limits, with defaults a workshop never reaches, and 0 to turn one off", () => {
    expect(parseConfig({}).limits).toEqual({
      createPerHour: 60,
      postsPerMinute: 120,
      pdfsPer10Minutes: 30,
      getsPerMinute: 1200,
      signUpsPerHour: 10,
      workshopJoinsPerHour: 60,
      signInFailuresPer15Minutes: 5,
      signInFailuresPerAddressPerHour: 50,
      signInFailuresPerAccountPerHour: 100,
      passwordResetsPerAddressPerHour: 10,
      passwordResetsPerAccountPerHour: 3,
      invitationsPerWorkspacePerHour: 50,
    });
    expect(
      parseConfig({
        RATE_LIMIT_CREATE_PER_HOUR: "5",
        RATE_LIMIT_POSTS_PER_MINUTE: "0",
        RATE_LIMIT_PDFS_PER_10_MINUTES: "7",
        RATE_LIMIT_GETS_PER_MINUTE: "100000",
        RATE_LIMIT_SIGN_UPS_PER_HOUR: "2",
        RATE_LIMIT_SIGN_IN_FAILURES_PER_15_MINUTES: "3",
        RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: "0",
        RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_PER_HOUR: "40",
      }).limits,
    ).toEqual({
      createPerHour: 5,
      postsPerMinute: 0,
      pdfsPer10Minutes: 7,
      getsPerMinute: 100000,
      signUpsPerHour: 2,
      workshopJoinsPerHour: 60,
      signInFailuresPer15Minutes: 3,
      signInFailuresPerAddressPerHour: 0,
      signInFailuresPerAccountPerHour: 40,
      passwordResetsPerAddressPerHour: 10,
      passwordResetsPerAccountPerHour: 3,
      invitationsPerWorkspacePerHour: 50,
    });
    const problems = problemsOf({
      RATE_LIMIT_CREATE_PER_HOUR: "-1",
      RATE_LIMIT_POSTS_PER_MINUTE: "lots",
      RATE_LIMIT_PDFS_PER_10_MINUTES: "2.5",
      RATE_LIMIT_GETS_PER_MINUTE: "2000000",
    });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "RATE_LIMIT_CREATE_PER_HOUR",
      "RATE_LIMIT_GETS_PER_MINUTE",
      "RATE_LIMIT_PDFS_PER_10_MINUTES",
      "RATE_LIMIT_POSTS_PER_MINUTE",
    ]);
  });

  it("checks PORT, HOST, LOG_LEVEL, DATABASE_URL and SHUTDOWN_TIMEOUT_SECONDS", () => {
    const config = parseConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      LOG_LEVEL: "WARN",
      DATABASE_URL: "file:/var/lib/readiness/app.sqlite",
      SHUTDOWN_TIMEOUT_SECONDS: "2.5",
      BACKUP_DIR: "/var/backups/readiness",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      logLevel: "warn",
      databaseUrl: "file:/var/lib/readiness/app.sqlite",
      shutdownTimeoutMs: 2500,
      backupDir: "/var/backups/readiness",
    });
    const problems = problemsOf({
      PORT: "80a",
      HOST: "http://0.0.0.0",
      LOG_LEVEL: "loud",
      DATABASE_URL: "postgres://",
      DATABASE_POOL_SIZE: "0",
      SHUTDOWN_TIMEOUT_SECONDS: "0",
      NODE_ENV: "staging",
    });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "DATABASE_POOL_SIZE",
      "DATABASE_URL",
      "HOST",
      "LOG_LEVEL",
      "NODE_ENV",
      "PORT",
      "SHUTDOWN_TIMEOUT_SECONDS",
    ]);
    expect(problemsOf({ PORT: "70000" })[0]).toMatch(/^PORT: "70000" is not a port number/);
  });

  it("takes a PostgreSQL database and the size of each process's connection pool", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://readiness:secret@db.internal:5432/readiness",
      DATABASE_POOL_SIZE: "25",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://readiness:secret@db.internal:5432/readiness",
      databasePoolSize: 25,
    });
    expect(parseConfig({}).databasePoolSize).toBe(10);
    expect(problemsOf({ DATABASE_POOL_SIZE: "101" })[0]).toMatch(
      /^DATABASE_POOL_SIZE: "101" is not a number of connections from 1 to 100/,
    );
    expect(problemsOf({ DATABASE_URL: "postgres://:5432" })[0]).toMatch(/^DATABASE_URL: .*not a valid address/);
  });

  it("treats empty values, as in a copied .env.example, as not set", () => {
    const config = parseConfig({ PORT: "", HOST: "", TRUST_PROXY: "", LOG_LEVEL: "", PUBLIC_BASE_URL: "" });
    expect(config).toMatchObject({ port: 3000, host: undefined, trustProxy: false, logLevel: "info" });
  });

  it("lists every problem at once", () => {
    expect(problemsOf({ NODE_ENV: "production", PUBLIC_BASE_URL: "nope", TRUST_PROXY: "true" })).toHaveLength(2);
  });
});
