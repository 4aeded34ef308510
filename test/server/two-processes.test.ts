/**
 * Two production server processes on one database, as a deployment that has outgrown one process
 * runs them behind a load balancer: what one process saves, renders or counts, the other sees.
 * On the SQLite run both share one file; in the PostgreSQL run (`npm run test:postgres`) both
 * share one PostgreSQL database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL } from "../fixtures/example-organisations";
import { createFinishedAssessment } from "../support/finished-assessment";
import { createEmptyDatabase, type EmptyDatabase } from "../support/test-database";
import { startAssessment, startServer, type RunningServer } from "./server-process";

let database: EmptyDatabase;
let first: RunningServer;
let second: RunningServer;
/** Finished assessments: one rendered by one process and read by the other, one asked of both at once. */
const finished = { handedOver: { token: "", id: "" }, askedOfBoth: { token: "", id: "" } };

const LIMITS = { RATE_LIMIT_POSTS_PER_MINUTE: "4", RATE_LIMIT_PDFS_PER_10_MINUTES: "20" };

beforeAll(async () => {
  database = await createEmptyDatabase();
  const db = openDatabase(database.url);
  try {
    await migrateToLatest(db);
    for (const [name, example] of [
      ["handedOver", RURAL_COUNCIL],
      ["askedOfBoth", METROPOLITAN_COUNCIL],
    ] as const) {
      const made = await createFinishedAssessment(db, example.answers);
      finished[name] = { token: made.token, id: made.assessmentId };
    }
  } finally {
    await db.destroy();
  }
  // Both at the same moment: each checks the migrations and sets up its rate-limit counters.
  [first, second] = await Promise.all([startServer({ database, env: LIMITS }), startServer({ database, env: LIMITS })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await first?.cleanUp();
  await second?.cleanUp();
  await database?.drop();
});

function post(server: RunningServer, path: string, body: string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** The "PDF rendered" log lines both processes wrote for an assessment. */
function rendersOf(assessmentId: string): { server: RunningServer; document: unknown }[] {
  return [first, second].flatMap((server) =>
    server
      .logEntries()
      .filter((entry) => entry.msg === "PDF rendered" && entry.assessmentId === assessmentId)
      .map((entry) => ({ server, document: entry.document })),
  );
}

async function pdfFrom(server: RunningServer, token: string): Promise<Buffer> {
  const response = await fetch(`${server.baseUrl}/a/${token}/report.pdf`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

describe("two server processes on one database", () => {
  it("both answer, each on its own port", async () => {
    expect(first.port).not.toBe(second.port);
    for (const server of [first, second]) expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it("read through one process an answer saved through the other", async () => {
    const token = await startAssessment(first.baseUrl);
    const page = `/a/${token}/organisation/name`;
    expect((await post(second, page, "orgName=Shire+of+Two+Servers")).status).toBe(302);
    const read = await (await fetch(`${first.baseUrl}${page}`)).text();
    expect(read).toContain('value="Shire of Two Servers"');
    // And back again.
    expect((await post(first, page, "orgName=Shire+of+Both+Servers")).status).toBe(302);
    expect(await (await fetch(`${second.baseUrl}${page}`)).text()).toContain('value="Shire of Both Servers"');
  });

  it(
    "serve from one process the PDF the other rendered and kept, without rendering it again",
    { timeout: 180_000 },
    async () => {
      const { token, id } = finished.handedOver;
      const rendered = await pdfFrom(first, token);
      expect(rendered.subarray(0, 5).toString()).toBe("%PDF-");
      expect(rendersOf(id).map((render) => render.server)).toEqual([first]);

      const downloaded = await pdfFrom(second, token);
      expect(downloaded.equals(rendered)).toBe(true);
      expect(rendersOf(id)).toHaveLength(1);
    },
  );

  it("render once a PDF asked of both at the same moment, and both serve it", { timeout: 180_000 }, async () => {
    const { token, id } = finished.askedOfBoth;
    const [fromFirst, fromSecond] = await Promise.all([pdfFrom(first, token), pdfFrom(second, token)]);
    expect(fromFirst.equals(fromSecond)).toBe(true);
    expect(rendersOf(id)).toHaveLength(1);
  });

  it("count a rate limit across both: the fifth post a minute to one link is refused, whichever takes it", async () => {
    const token = await startAssessment(second.baseUrl);
    const page = `/a/${token}/organisation/name`;
    const statuses: number[] = [];
    for (const server of [first, second, first, second]) {
      statuses.push((await post(server, page, `orgName=Council+${statuses.length + 1}`)).status);
    }
    expect(statuses).toEqual([302, 302, 302, 302]);
    for (const server of [first, second]) {
      const refused = await post(server, page, "orgName=One+too+many");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Nothing refused was saved; the last saved answer stands, read through either.
    expect(await (await fetch(`${first.baseUrl}${page}`)).text()).toContain('value="Council 4"');
  });

  it("wrote no private link to either log", () => {
    for (const server of [first, second]) {
      const log = server.stdoutLines().join("\n");
      expect(log).not.toMatch(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/);
    }
  });
});
