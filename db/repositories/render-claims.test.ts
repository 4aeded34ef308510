import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createAssessment, deleteAssessment, type NewAssessment } from "./assessments";
import { claimRender, releaseRenderClaim, renderClaimed, renewRenderClaim } from "./render-claims";

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

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, seconds));
const claim = (assessment: NewAssessment, owner: string, seconds: number, key = "k1") =>
  claimRender(t.db, { assessmentId: assessment.assessmentId, key, owner, leaseMs: 15_000, now: at(seconds) });

describe("render claims", () => {
  it("lets one owner claim a file, and no other until it is released", async () => {
    expect(await claim(mine, "process-a", 0)).toBe(true);
    expect(await claim(mine, "process-b", 1)).toBe(false);
    expect(await renderClaimed(t.db, { assessmentId: mine.assessmentId, key: "k1", now: at(1) })).toBe(true);
    // The owner may claim again (a second download in the same process).
    expect(await claim(mine, "process-a", 2)).toBe(true);
    // Releasing someone else's claim does nothing.
    await releaseRenderClaim(t.db, { assessmentId: mine.assessmentId, key: "k1", owner: "process-b" });
    expect(await claim(mine, "process-b", 3)).toBe(false);
    await releaseRenderClaim(t.db, { assessmentId: mine.assessmentId, key: "k1", owner: "process-a" });
    expect(await renderClaimed(t.db, { assessmentId: mine.assessmentId, key: "k1", now: at(3) })).toBe(false);
    expect(await claim(mine, "process-b", 4)).toBe(true);
  });

  it("lets a lapsed claim be taken over, and renewing keeps it", async () => {
    expect(await claim(mine, "process-a", 0)).toBe(true);
    const renew = (owner: string, seconds: number) =>
      renewRenderClaim(t.db, { assessmentId: mine.assessmentId, key: "k1", owner, leaseMs: 15_000, now: at(seconds) });
    expect(await renew("process-a", 10)).toBe(true);
    expect(await claim(mine, "process-b", 20)).toBe(false); // renewed to 25 s
    expect(await claim(mine, "process-b", 25)).toBe(true); // lapsed: taken over
    expect(await renew("process-a", 26)).toBe(false); // no longer process A's
    expect(await renderClaimed(t.db, { assessmentId: mine.assessmentId, key: "k1", now: at(39) })).toBe(true);
    expect(await renderClaimed(t.db, { assessmentId: mine.assessmentId, key: "k1", now: at(40) })).toBe(false);
  });

  it("keeps each assessment's and each file's claims apart", async () => {
    expect(await claim(mine, "process-a", 0)).toBe(true);
    expect(await claim(theirs, "process-b", 0)).toBe(true);
    expect(await claim(mine, "process-b", 0, "k2")).toBe(true);
    expect(await renderClaimed(t.db, { assessmentId: theirs.assessmentId, key: "k2", now: at(0) })).toBe(false);
  });

  it("lets exactly one of many connections claim a file at the same moment", async () => {
    const others = Array.from({ length: 6 }, () => openDatabase(t.url));
    try {
      const results = await Promise.all(
        others.map((db, index) =>
          claimRender(db, { assessmentId: mine.assessmentId, key: "race", owner: `process-${index}`, leaseMs: 15_000 }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(others.map((db) => db.destroy()));
    }
  });

  it("go with their assessment", async () => {
    expect(await claim(mine, "process-a", 0)).toBe(true);
    await deleteAssessment(t.db, mine.assessmentId);
    const rows = await t.db.selectFrom("render_claims").selectAll().execute();
    expect(rows).toEqual([]);
  });
});
