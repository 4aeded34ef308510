import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createAssessment, deleteAssessment, type NewAssessment } from "./assessments";
import {
  deleteRenderedFilesExcept,
  findRenderedFile,
  latestRenderedLayout,
  listRenderedFiles,
  saveRenderedFile,
} from "./rendered-files";

let t: TestDatabase;
let mine: NewAssessment;
let theirs: NewAssessment;

beforeEach(async () => {
  t = await createTestDatabase();
  mine = await createAssessment(t.db, { accessTokenHash: "edit-mine", questionnaireVersion: "v" });
  theirs = await createAssessment(t.db, { accessTokenHash: "edit-theirs", questionnaireVersion: "v" });
});
afterEach(async () => {
  await t.destroy();
});

function file(assessment: NewAssessment, key: string, options: { minute?: number; pageCount?: number } = {}) {
  return saveRenderedFile(t.db, {
    assessmentId: assessment.assessmentId,
    key,
    kind: "full",
    pageSize: "A4",
    bytes: Buffer.from(`%PDF ${assessment.assessmentId} ${key}`),
    pageCount: options.pageCount ?? 41,
    layoutJson: JSON.stringify({ totalPages: options.pageCount ?? 41 }),
    now: new Date(Date.UTC(2026, 10, 30, 9, options.minute ?? 0)),
  });
}

describe("rendered files", () => {
  it("keeps the bytes exactly and finds them by assessment and key", async () => {
    await file(mine, "k1");
    const found = await findRenderedFile(t.db, { assessmentId: mine.assessmentId, key: "k1" });
    expect(found).toMatchObject({ key: "k1", kind: "full", pageSize: "A4", pageCount: 41 });
    expect(Buffer.isBuffer(found?.bytes)).toBe(true);
    expect(found?.bytes.toString()).toBe(`%PDF ${mine.assessmentId} k1`);
    expect(await findRenderedFile(t.db, { assessmentId: mine.assessmentId, key: "k2" })).toBeNull();
  });

  it("never finds another assessment's file, even with the same key", async () => {
    await file(theirs, "same-key");
    expect(await findRenderedFile(t.db, { assessmentId: mine.assessmentId, key: "same-key" })).toBeNull();
    await file(mine, "same-key");
    const found = await findRenderedFile(t.db, { assessmentId: mine.assessmentId, key: "same-key" });
    expect(found?.bytes.toString()).toBe(`%PDF ${mine.assessmentId} same-key`);
  });

  it("keeps the first file when the same key is saved twice (two processes rendering at once)", async () => {
    await file(mine, "k1", { pageCount: 41 });
    await file(mine, "k1", { pageCount: 42 });
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([
      expect.objectContaining({ key: "k1", pageCount: 41 }),
    ]);
  });

  it("removes only this assessment's files whose key is no longer current", async () => {
    await file(mine, "old", { minute: 1 });
    await file(mine, "current", { minute: 2 });
    await file(theirs, "old", { minute: 1 });
    expect(await deleteRenderedFilesExcept(t.db, { assessmentId: mine.assessmentId, currentKeys: ["current"] })).toBe(
      1,
    );
    expect((await listRenderedFiles(t.db, mine.assessmentId)).map((row) => row.key)).toEqual(["current"]);
    expect((await listRenderedFiles(t.db, theirs.assessmentId)).map((row) => row.key)).toEqual(["old"]);
    expect(await deleteRenderedFilesExcept(t.db, { assessmentId: mine.assessmentId, currentKeys: [] })).toBe(1);
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([]);
  });

  it("gives the newest layout of a kind and page size, for the next render to reuse", async () => {
    await file(mine, "a", { minute: 1, pageCount: 40 });
    await file(mine, "b", { minute: 2, pageCount: 43 });
    await file(theirs, "c", { minute: 3, pageCount: 12 });
    expect(await latestRenderedLayout(t.db, { assessmentId: mine.assessmentId, kind: "full", pageSize: "A4" })).toEqual(
      {
        pageCount: 43,
        layoutJson: JSON.stringify({ totalPages: 43 }),
      },
    );
    expect(
      await latestRenderedLayout(t.db, { assessmentId: mine.assessmentId, kind: "full", pageSize: "LETTER" }),
    ).toBeNull();
  });

  it("goes with its assessment", async () => {
    await file(mine, "k1");
    await file(theirs, "k1");
    expect(await deleteAssessment(t.db, mine.assessmentId)).toBe(true);
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([]);
    expect(await listRenderedFiles(t.db, theirs.assessmentId)).toHaveLength(1);
  });

  it("goes with its assessment through the foreign key alone (ON DELETE CASCADE)", async () => {
    await file(mine, "k1");
    await t.db.deleteFrom("respondents").where("assessment_id", "=", mine.assessmentId).execute();
    await t.db.deleteFrom("assessments").where("id", "=", mine.assessmentId).execute();
    expect(await listRenderedFiles(t.db, mine.assessmentId)).toEqual([]);
  });
});
