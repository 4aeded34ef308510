import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { RURAL_COUNCIL, STATE_AGENCY } from "../test/fixtures/example-organisations";
import { createTestAccount } from "../test/support/accounts";
import { createFinishedAssessment } from "../test/support/finished-assessment";
import {
  createEmptyDatabase,
  createTestDatabase,
  TEST_DATABASE_KIND,
  type EmptyDatabase,
  type TestDatabase,
} from "../test/support/test-database";
import { openDatabase } from "./connection";
import { COPIED_TABLES, copyDatabase, CopyRefusedError } from "./copy";
import { beginTwoStepSetUp, confirmTwoStep, createTwoStepChallenge, useRecoveryCode } from "./repositories/two-step";
import { changeBranding } from "./repositories/branding";
import { migrateToLatest } from "./migrator";
import { createAssessment } from "./repositories/assessments";
import { createReportLink } from "./repositories/links";
import { claimRender } from "./repositories/render-claims";
import { saveRenderedFile } from "./repositories/rendered-files";
import type { Database } from "./schema";
import type { Kysely } from "kysely";

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

/** A SQLite deployment with something in every table. */
async function filledSource(): Promise<TestDatabase> {
  const source = await createTestDatabase("sqlite");
  cleanUps.push(source.destroy);
  for (const example of [RURAL_COUNCIL, STATE_AGENCY]) {
    const made = await createFinishedAssessment(source.db, example.answers, {
      completedBy: "Aroha Ngata, Chief Executive",
    });
    await createReportLink(source.db, {
      assessmentId: made.assessmentId,
      id: randomUUID(),
      tokenHash: `hash-${made.assessmentId}`,
      sealedToken: "sealed",
      label: "Board papers, März",
    });
    // Bytes that are not text, to show they survive exactly.
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 37) % 256));
    for (let n = 0; n < 10; n += 1) {
      await saveRenderedFile(source.db, {
        assessmentId: made.assessmentId,
        key: `key-${n}`,
        kind: n % 2 ? "full" : "summary",
        pageSize: "A4",
        bytes,
        pageCount: 40 + n,
        layoutJson: JSON.stringify({ totalPages: 40 + n }),
      });
    }
    await claimRender(source.db, { assessmentId: made.assessmentId, key: "key-0", owner: "process-a", leaseMs: 1000 });
  }
  // Two accounts, each with a workspace, a session and its audit events.
  const ana = await createTestAccount(source.db, { email: "ana@example.org", workspaceName: "Harbour, Ōtautahi" });
  // Ana has two-step on, a recovery code used and a sign-in waiting for its code.
  await beginTwoStepSetUp(source.db, { userId: ana.userId, secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" });
  const codeHashes = Array.from({ length: 10 }, (_, index) => `recovery-${index}`);
  await confirmTwoStep(source.db, {
    userId: ana.userId,
    secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    step: 59_000_000,
    codeHashes,
  });
  await useRecoveryCode(source.db, { userId: ana.userId, codeHash: "recovery-3" });
  await createTwoStepChallenge(source.db, {
    challengeId: "waiting",
    userId: ana.userId,
    nextPath: "/account/sessions",
  });
  // Her workspace's branding: a logo's bytes (not text) and a colour.
  await changeBranding(
    source.db,
    { userId: ana.userId, workspaceId: ana.workspaceId },
    {
      logo: {
        png: Buffer.from(Array.from({ length: 2000 }, (_, index) => (index * 53) % 256)),
        width: 300,
        height: 100,
      },
      accentColour: "#1d70b8",
    },
  );
  await createTestAccount(source.db, { email: "ben@example.org", workspaceName: "Ridge" });
  // Ana's workspace has a client assessed twice (the re-assessment's id sorts before the one it
  // follows), run by Ana, and a member key to the second.
  const client = await source.db.selectFrom("assessments").select("organisation_id").executeTakeFirstOrThrow();
  await source.db
    .updateTable("organisations")
    .set({ workspace_id: ana.workspaceId, client_name: "Pūriri Valley" })
    .where("id", "=", client.organisation_id)
    .execute();
  for (const [id, created, previous] of [
    ["b-first", "2026-03-01T09:00:00.000Z", null],
    ["a-second", "2026-09-01T09:00:00.000Z", "b-first"],
  ] as const) {
    await source.db
      .insertInto("assessments")
      .values({
        id,
        organisation_id: client.organisation_id,
        questionnaire_version: "2026-12",
        created_at: created,
        updated_at: created,
        run_by_user_id: ana.userId,
        previous_assessment_id: previous,
      })
      .execute();
    await source.db
      .insertInto("respondents")
      .values({
        id: `respondent-${id}`,
        assessment_id: id,
        role: "owner",
        access_token_hash: `token-${id}`,
        created_at: created,
        last_seen_at: created,
        submitted_at: previous ? null : created,
        name: null,
        job_title: null,
      })
      .execute();
  }
  await source.db
    .insertInto("member_keys")
    .values({
      token_hash: "member-key",
      respondent_id: "respondent-a-second",
      user_id: ana.userId,
      workspace_id: ana.workspaceId,
      created_at: "2026-09-02T09:00:00.000Z",
      expires_at: "2026-09-02T21:00:00.000Z",
    })
    .execute();
  // An abandoned assessment: no answers, no name.
  await createAssessment(source.db, { accessTokenHash: "abandoned", questionnaireVersion: "2026-11" });
  return source;
}

async function emptyTarget(kind?: "sqlite" | "postgres"): Promise<EmptyDatabase> {
  const target = await createEmptyDatabase(kind);
  cleanUps.push(target.drop);
  return target;
}

/** Every table's rows, in a stable order, as plain values. */
async function contents(db: Kysely<Database>) {
  const tables: Record<string, unknown[]> = {};
  for (const { table, orderBy } of COPIED_TABLES) {
    let query = db.selectFrom(table).selectAll();
    for (const column of orderBy) query = query.orderBy(sql.ref(column), "asc");
    const rows = (await query.execute()) as Record<string, unknown>[];
    tables[table] = rows
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, Buffer.isBuffer(value) ? value.toString("base64") : value]),
        ),
      )
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return tables;
}

async function withDb<T>(url: string, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase(url);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

describe(`db:copy, from SQLite to ${TEST_DATABASE_KIND === "postgres" ? "PostgreSQL" : "another SQLite file"}`, () => {
  it("copies every row of every table exactly, and says how many", async () => {
    const source = await filledSource();
    const target = await emptyTarget();
    const result = await copyDatabase(source.url, target.url);
    expect(result.map((row) => row.table)).toEqual(COPIED_TABLES.map((table) => table.table));
    expect(Object.fromEntries(result.map((row) => [row.table, row.rows]))).toMatchObject({
      organisations: 3,
      // The three above and the client's two.
      assessments: 5,
      respondents: 5,
      member_keys: 1,
      rendered_files: 20,
      render_claims: 2,
      report_links: 2,
      users: 2,
      workspaces: 2,
      workspace_members: 2,
      workspace_branding: 1,
      sessions: 2,
      // Each account's three, two-step turned on, recovery codes made and one used, the branding.
      audit_events: 10,
      two_step_settings: 1,
      recovery_codes: 10,
      two_step_challenges: 1,
    });
    const copied = await withDb(target.url, contents);
    expect(copied).toEqual(await contents(source.db));
    expect(copied.answers?.length).toBeGreaterThan(100);
  });

  it("copies back the other way, so a deployment can move in either direction", async () => {
    const source = await filledSource();
    const middle = await emptyTarget();
    await copyDatabase(source.url, middle.url);
    const back = await emptyTarget("sqlite");
    await copyDatabase(middle.url, back.url);
    expect(await withDb(back.url, contents)).toEqual(await contents(source.db));
  });

  it("refuses to write into a database that already has data, and changes nothing there", async () => {
    const source = await filledSource();
    const target = await emptyTarget();
    await withDb(target.url, async (db) => {
      await migrateToLatest(db);
      await createAssessment(db, { accessTokenHash: "already here", questionnaireVersion: "2026-11" });
    });
    const before = await withDb(target.url, contents);
    const refusal = copyDatabase(source.url, target.url);
    await expect(refusal).rejects.toThrow(CopyRefusedError);
    await expect(refusal).rejects.toThrow(/already holds data \(organisations, assessments, respondents\)/);
    expect(await withDb(target.url, contents)).toEqual(before);
  });

  it("writes nothing at all when the copy fails part way", async () => {
    const source = await filledSource();
    const target = await emptyTarget();
    const failing = copyDatabase(source.url, target.url, {
      onTable: (table) => {
        if (table === "report_links") throw new Error("the network dropped");
      },
    });
    await expect(failing).rejects.toThrow("the network dropped");
    const after = await withDb(target.url, contents);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
    // And the same target then takes the whole copy.
    await copyDatabase(source.url, target.url);
    expect(await withDb(target.url, contents)).toEqual(await contents(source.db));
  });

  it("refuses a source that is not up to date, the same database twice, and a source with nothing in it", async () => {
    const source = await filledSource();
    await expect(copyDatabase(source.url, source.url)).rejects.toThrow(/same database/);
    const blank = await emptyTarget("sqlite");
    const target = await emptyTarget();
    await expect(copyDatabase(blank.url, target.url)).rejects.toThrow(/holds no assessments database/);
    await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(source.db);
    await expect(copyDatabase(source.url, target.url)).rejects.toThrow(/not up to date \(1 migration to run\)/);
  });
});
