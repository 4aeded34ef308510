import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { openDatabase } from "../connection";
import { migrations } from "../migrations/migration-list";
import { migrateToLatest } from "../migrator";
import { saveAnswers } from "./answers";
import {
  countAssessments,
  createAssessment,
  deleteAssessment,
  deleteEmptyAssessments,
  describeCompletedBy,
  findRespondentByTokenHash,
  markSubmitted,
} from "./assessments";
import { createReportLink, findReportLinkByTokenHash, replaceEditLink } from "./links";
import { setSectionCompleted } from "./section-progress";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

describe("createAssessment", () => {
  it("creates an organisation, an assessment on the given questionnaire version and its owner", async () => {
    const now = new Date("2026-11-21T10:00:00.000Z");
    const ids = await createAssessment(t.db, { accessTokenHash: "hash-1", questionnaireVersion: "2026-11", now });

    const found = await findRespondentByTokenHash(t.db, "hash-1");
    expect(found).toEqual({
      respondentId: ids.respondentId,
      role: "owner",
      assessmentId: ids.assessmentId,
      organisationId: ids.organisationId,
      organisationName: null,
      workspaceId: null,
      questionnaireVersion: "2026-11",
      assessmentCreatedAt: "2026-11-21T10:00:00.000Z",
      assessmentUpdatedAt: "2026-11-21T10:00:00.000Z",
      submittedAt: null,
      respondentName: null,
      completedBy: { name: null, jobTitle: null },
      viaMemberKey: false,
    });
    const respondent = await t.db.selectFrom("respondents").selectAll().executeTakeFirstOrThrow();
    expect(respondent.role).toBe("owner");
    expect(await countAssessments(t.db)).toBe(1);
  });

  it("gives every assessment its own ids", async () => {
    const a = await createAssessment(t.db, { accessTokenHash: "a", questionnaireVersion: "v" });
    const b = await createAssessment(t.db, { accessTokenHash: "b", questionnaireVersion: "v" });
    expect(
      new Set([a.assessmentId, a.organisationId, a.respondentId, b.assessmentId, b.organisationId, b.respondentId])
        .size,
    ).toBe(6);
  });

  it("refuses a second respondent with the same link and writes nothing for it", async () => {
    await createAssessment(t.db, { accessTokenHash: "same", questionnaireVersion: "v" });
    await expect(createAssessment(t.db, { accessTokenHash: "same", questionnaireVersion: "v" })).rejects.toThrow(
      /UNIQUE|duplicate key/,
    );
    // The transaction rolled back: no orphan organisation or assessment was left behind.
    expect(await countAssessments(t.db)).toBe(1);
    const organisations = await t.db.selectFrom("organisations").select("id").execute();
    expect(organisations).toHaveLength(1);
  });
});

describe("findRespondentByTokenHash", () => {
  it("finds nothing for an unknown link", async () => {
    await createAssessment(t.db, { accessTokenHash: "known", questionnaireVersion: "v" });
    expect(await findRespondentByTokenHash(t.db, "unknown")).toBeUndefined();
  });
});

async function rowCounts() {
  const count = async (
    table:
      | "organisations"
      | "assessments"
      | "respondents"
      | "answers"
      | "section_progress"
      | "report_links"
      | "access_events",
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    organisations: await count("organisations"),
    assessments: await count("assessments"),
    respondents: await count("respondents"),
    answers: await count("answers"),
    sectionProgress: await count("section_progress"),
    reportLinks: await count("report_links"),
    accessEvents: await count("access_events"),
  };
}

/** An assessment with an answer, a finished section, a report link and a replaced private link. */
async function fullAssessment(hash: string, now?: Date) {
  const ids = await createAssessment(t.db, { accessTokenHash: hash, questionnaireVersion: "v", now });
  await saveAnswers(t.db, { ...ids, set: { orgName: "Somewhere" }, clear: [], organisationName: "Somewhere", now });
  await setSectionCompleted(t.db, { respondentId: ids.respondentId, sectionId: "organisation", completed: true });
  await createReportLink(t.db, {
    assessmentId: ids.assessmentId,
    id: `link-${hash}`,
    tokenHash: `report-${hash}`,
    sealedToken: "s",
    label: null,
  });
  await replaceEditLink(t.db, {
    ...ids,
    currentTokenHash: hash,
    newTokenHash: `${hash}-2`,
    reseal: () => null,
  });
  return ids;
}

describe("deleteAssessment", () => {
  it("deletes the assessment and everything of it, and nothing of anyone else's", async () => {
    const doomed = await fullAssessment("doomed");
    await fullAssessment("kept");
    const before = await rowCounts();
    expect(await deleteAssessment(t.db, doomed.assessmentId)).toBe(true);
    expect(await rowCounts()).toEqual({
      organisations: before.organisations - 1,
      assessments: before.assessments - 1,
      respondents: before.respondents - 1,
      answers: before.answers - 1,
      sectionProgress: before.sectionProgress - 1,
      reportLinks: before.reportLinks - 1,
      accessEvents: before.accessEvents - 2,
    });
    expect(await findRespondentByTokenHash(t.db, "doomed-2")).toBeUndefined();
    expect(await findReportLinkByTokenHash(t.db, "report-doomed")).toBeUndefined();
    expect(await findRespondentByTokenHash(t.db, "kept-2")).toBeDefined();
    expect(await findReportLinkByTokenHash(t.db, "report-kept")).toBeDefined();
  });

  it("says so when there is nothing to delete", async () => {
    expect(await deleteAssessment(t.db, "no-such-assessment")).toBe(false);
  });

  it("keeps an organisation that another assessment still uses", async () => {
    const first = await createAssessment(t.db, { accessTokenHash: "first", questionnaireVersion: "v" });
    const second = await createAssessment(t.db, { accessTokenHash: "second", questionnaireVersion: "v" });
    // Re-assessing an organisation later puts a second assessment under the same organisation.
    await t.db
      .updateTable("assessments")
      .set({ organisation_id: first.organisationId })
      .where("id", "=", second.assessmentId)
      .execute();
    await deleteAssessment(t.db, first.assessmentId);
    const organisations = await t.db.selectFrom("organisations").select("id").execute();
    expect(organisations.map((row) => row.id)).toContain(first.organisationId);
    expect(await findRespondentByTokenHash(t.db, "second")).toBeDefined();
  });
});

describe("deleteEmptyAssessments", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

  it("removes only assessments with no answers created before the cutoff, with their rows", async () => {
    const abandoned = await createAssessment(t.db, {
      accessTokenHash: "abandoned",
      questionnaireVersion: "v",
      now: day(1),
    });
    await createReportLink(t.db, {
      assessmentId: abandoned.assessmentId,
      id: "abandoned-link",
      tokenHash: "abandoned-report",
      sealedToken: "s",
      label: null,
    });
    await setSectionCompleted(t.db, { respondentId: abandoned.respondentId, sectionId: "x", completed: false });
    await createAssessment(t.db, { accessTokenHash: "recent", questionnaireVersion: "v", now: day(20) });
    await fullAssessment("answered", day(1));

    expect(await deleteEmptyAssessments(t.db, { createdBefore: day(10) })).toBe(1);
    expect(await findRespondentByTokenHash(t.db, "abandoned")).toBeUndefined();
    expect(await findReportLinkByTokenHash(t.db, "abandoned-report")).toBeUndefined();
    expect(await findRespondentByTokenHash(t.db, "recent")).toBeDefined();
    expect(await findRespondentByTokenHash(t.db, "answered-2")).toBeDefined();
    expect(await rowCounts()).toMatchObject({ organisations: 2, assessments: 2, respondents: 2, reportLinks: 1 });
    // Nothing left to remove: a second run removes nothing.
    expect(await deleteEmptyAssessments(t.db, { createdBefore: day(10) })).toBe(0);
  });

  it("works through more than one batch", async () => {
    for (let index = 0; index < 7; index += 1) {
      await createAssessment(t.db, { accessTokenHash: `empty-${index}`, questionnaireVersion: "v", now: day(1) });
    }
    expect(await deleteEmptyAssessments(t.db, { createdBefore: day(2), batchSize: 3 })).toBe(7);
    expect(await countAssessments(t.db)).toBe(0);
    expect(await rowCounts()).toMatchObject({ organisations: 0, respondents: 0 });
  });
});

describe("who completed the assessment", () => {
  it("stores a name and a role, and reads them back apart and as the cover shows them", async () => {
    const ids = await createAssessment(t.db, { accessTokenHash: "done", questionnaireVersion: "v" });
    const now = new Date("2026-11-29T09:30:00.000Z");
    await markSubmitted(t.db, {
      respondentId: ids.respondentId,
      name: "Aroha Ngata",
      jobTitle: "Director of Communications",
      now,
    });
    const found = await findRespondentByTokenHash(t.db, "done");
    expect(found?.completedBy).toEqual({ name: "Aroha Ngata", jobTitle: "Director of Communications" });
    expect(found?.respondentName).toBe("Aroha Ngata, Director of Communications");
    expect(found?.submittedAt).toBe("2026-11-29T09:30:00.000Z");
  });

  it("shows whichever part was given, and nothing when neither was", () => {
    expect(describeCompletedBy({ name: "Aroha Ngata", jobTitle: null })).toBe("Aroha Ngata");
    expect(describeCompletedBy({ name: null, jobTitle: "Chief Executive" })).toBe("Chief Executive");
    expect(describeCompletedBy({ name: "", jobTitle: "" })).toBeNull();
    expect(describeCompletedBy({ name: null, jobTitle: null })).toBeNull();
  });

  it("keeps a line stored before roles were asked apart readable, exactly as it was typed", async () => {
    // A database as it was before the role column: one free-text line in `name`.
    const dir = mkdtempSync(path.join(tmpdir(), "readiness-old-"));
    const db = openDatabase(`file:${path.join(dir, "old.sqlite")}`);
    try {
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < "2026-11-29-01-respondent-job-title"),
      );
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(error).toBeUndefined();
      // NOTE: the old schema has no job_title, so the row is written the way the old code wrote it.
      const ids = { organisationId: randomUUID(), assessmentId: randomUUID(), respondentId: randomUUID() };
      const now = new Date().toISOString();
      await db
        .insertInto("organisations")
        .values({ id: ids.organisationId, name: null, created_at: now, updated_at: now })
        .execute();
      await db
        .insertInto("assessments")
        .values({
          id: ids.assessmentId,
          organisation_id: ids.organisationId,
          questionnaire_version: "2026-11",
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto("respondents")
        .values({
          id: ids.respondentId,
          assessment_id: ids.assessmentId,
          role: "owner",
          access_token_hash: "old",
          created_at: now,
          last_seen_at: now,
          submitted_at: now,
          name: "Aroha Ngata, Director of Communications",
        } as never)
        .execute();

      await migrateToLatest(db);
      const found = await findRespondentByTokenHash(db, "old");
      expect(found?.respondentName).toBe("Aroha Ngata, Director of Communications");
      expect(found?.completedBy).toEqual({ name: "Aroha Ngata, Director of Communications", jobTitle: null });
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
