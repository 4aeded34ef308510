import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createAssessment, findRespondentByTokenHash, type NewAssessment } from "./assessments";
import {
  createReportLink,
  findReportLink,
  findReportLinkByTokenHash,
  lastEditLinkReplacement,
  listAccessEvents,
  listReportLinks,
  recordReportLinkUse,
  replaceEditLink,
  revokeReportLink,
} from "./links";

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

function at(minute: number): Date {
  return new Date(Date.UTC(2026, 10, 22, 9, minute));
}

async function link(
  assessment: NewAssessment,
  id: string,
  options: { label?: string | null; minute?: number; tokenHash?: string } = {},
) {
  const created = await createReportLink(t.db, {
    assessmentId: assessment.assessmentId,
    id,
    tokenHash: options.tokenHash ?? `hash-${id}`,
    sealedToken: `sealed-${id}`,
    label: options.label ?? null,
    now: at(options.minute ?? 0),
  });
  expect(created).toBe(true);
}

describe("read-only report links", () => {
  it("creates a link with its label and time, lists it, and finds its assessment's owner by its hash", async () => {
    await link(mine, "link-1", { label: "Board papers, March", minute: 5 });
    expect(await listReportLinks(t.db, mine.assessmentId)).toEqual([
      {
        id: "link-1",
        label: "Board papers, March",
        createdAt: "2026-11-22T09:05:00.000Z",
        lastUsedAt: null,
        revokedAt: null,
        sealedToken: "sealed-link-1",
      },
    ]);
    const access = await findReportLinkByTokenHash(t.db, "hash-link-1");
    expect(access?.linkId).toBe("link-1");
    expect(access?.owner.assessmentId).toBe(mine.assessmentId);
    expect(access?.owner.respondentId).toBe(mine.respondentId);
    expect(access?.owner.role).toBe("owner");
  });

  it("stores only what it is given: the token's hash and its sealed form, never the token", async () => {
    await link(mine, "link-1", { tokenHash: "a".repeat(64) });
    const row = await t.db.selectFrom("report_links").selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe("a".repeat(64));
    expect(row.sealed_token).toBe("sealed-link-1");
  });

  it("lists working links newest first, and only the assessment's own", async () => {
    await link(mine, "old", { minute: 1 });
    await link(mine, "new", { minute: 9 });
    await link(theirs, "other", { minute: 5 });
    expect((await listReportLinks(t.db, mine.assessmentId)).map((row) => row.id)).toEqual(["new", "old"]);
    expect((await listReportLinks(t.db, theirs.assessmentId)).map((row) => row.id)).toEqual(["other"]);
  });

  it("refuses a second link with an id already taken, by this or another assessment, and writes nothing", async () => {
    await link(mine, "taken");
    const again = { id: "taken", sealedToken: "s", label: null };
    expect(await createReportLink(t.db, { ...again, assessmentId: mine.assessmentId, tokenHash: "h2" })).toBe(false);
    expect(await createReportLink(t.db, { ...again, assessmentId: theirs.assessmentId, tokenHash: "h3" })).toBe(false);
    expect(await listReportLinks(t.db, theirs.assessmentId)).toEqual([]);
    expect(await findReportLinkByTokenHash(t.db, "h3")).toBeUndefined();
    expect((await listAccessEvents(t.db, theirs.assessmentId)).length).toBe(0);
  });

  it("revokes a link: it opens nothing, leaves the list, loses its sealed token, and cannot be revoked twice", async () => {
    await link(mine, "link-1", { label: "Partners" });
    expect(await revokeReportLink(t.db, { assessmentId: mine.assessmentId, linkId: "link-1", now: at(30) })).toBe(true);
    expect(await findReportLinkByTokenHash(t.db, "hash-link-1")).toBeUndefined();
    expect(await listReportLinks(t.db, mine.assessmentId)).toEqual([]);
    const kept = await findReportLink(t.db, { assessmentId: mine.assessmentId, linkId: "link-1" });
    expect(kept).toMatchObject({ label: "Partners", revokedAt: "2026-11-22T09:30:00.000Z", sealedToken: null });
    expect(await revokeReportLink(t.db, { assessmentId: mine.assessmentId, linkId: "link-1" })).toBe(false);
  });

  it("records when a link was last used", async () => {
    await link(mine, "link-1");
    await recordReportLinkUse(t.db, { assessmentId: mine.assessmentId, linkId: "link-1", now: at(45) });
    expect((await listReportLinks(t.db, mine.assessmentId))[0]?.lastUsedAt).toBe("2026-11-22T09:45:00.000Z");
  });

  it("records creating and revoking, in order", async () => {
    await link(mine, "link-1", { minute: 1 });
    await revokeReportLink(t.db, { assessmentId: mine.assessmentId, linkId: "link-1", now: at(2) });
    expect(await listAccessEvents(t.db, mine.assessmentId)).toEqual([
      { event: "report-link-created", reportLinkId: "link-1", occurredAt: "2026-11-22T09:01:00.000Z" },
      { event: "report-link-revoked", reportLinkId: "link-1", occurredAt: "2026-11-22T09:02:00.000Z" },
    ]);
  });
});

describe("scoping: one assessment's link never reaches another's data", () => {
  it("cannot find, revoke or mark as used another assessment's link", async () => {
    await link(theirs, "their-link");
    const scope = { assessmentId: mine.assessmentId, linkId: "their-link" };
    expect(await findReportLink(t.db, scope)).toBeUndefined();
    expect(await revokeReportLink(t.db, scope)).toBe(false);
    await recordReportLinkUse(t.db, { ...scope, now: at(50) });
    const theirsNow = await findReportLink(t.db, { assessmentId: theirs.assessmentId, linkId: "their-link" });
    expect(theirsNow).toMatchObject({ revokedAt: null, lastUsedAt: null });
    expect(await findReportLinkByTokenHash(t.db, "hash-their-link")).toBeDefined();
    expect(await listAccessEvents(t.db, mine.assessmentId)).toEqual([]);
  });

  it("a read-only link opens its own assessment's owner, whichever link is asked", async () => {
    await link(mine, "mine-1");
    await link(theirs, "theirs-1");
    expect((await findReportLinkByTokenHash(t.db, "hash-mine-1"))?.owner.assessmentId).toBe(mine.assessmentId);
    expect((await findReportLinkByTokenHash(t.db, "hash-theirs-1"))?.owner.assessmentId).toBe(theirs.assessmentId);
    // A read-only link's hash is not a private link: it opens no respondent.
    expect(await findRespondentByTokenHash(t.db, "hash-mine-1")).toBeUndefined();
    // And a private link's hash opens no report link.
    expect(await findReportLinkByTokenHash(t.db, "edit-mine")).toBeUndefined();
  });

  it("cannot replace another assessment's private link, even knowing its hash", async () => {
    const replaced = await replaceEditLink(t.db, {
      assessmentId: mine.assessmentId,
      respondentId: theirs.respondentId,
      currentTokenHash: "edit-theirs",
      newTokenHash: "stolen",
      reseal: () => "x",
    });
    expect(replaced).toBe(false);
    expect(await findRespondentByTokenHash(t.db, "edit-theirs")).toBeDefined();
    expect(await findRespondentByTokenHash(t.db, "stolen")).toBeUndefined();
  });
});

describe("replacing the private link", () => {
  it("makes the new hash open the assessment and the old one nothing, at once", async () => {
    const replaced = await replaceEditLink(t.db, {
      assessmentId: mine.assessmentId,
      respondentId: mine.respondentId,
      currentTokenHash: "edit-mine",
      newTokenHash: "edit-mine-2",
      reseal: () => null,
      now: at(10),
    });
    expect(replaced).toBe(true);
    expect(await findRespondentByTokenHash(t.db, "edit-mine")).toBeUndefined();
    expect((await findRespondentByTokenHash(t.db, "edit-mine-2"))?.assessmentId).toBe(mine.assessmentId);
    expect(await lastEditLinkReplacement(t.db, mine.assessmentId)).toBe("2026-11-22T09:10:00.000Z");
    expect(await lastEditLinkReplacement(t.db, theirs.assessmentId)).toBeNull();
  });

  it("lets only one of two racing replacements win", async () => {
    const base = { assessmentId: mine.assessmentId, respondentId: mine.respondentId, reseal: () => null };
    const [first, second] = await Promise.all([
      replaceEditLink(t.db, { ...base, currentTokenHash: "edit-mine", newTokenHash: "winner-a" }),
      replaceEditLink(t.db, { ...base, currentTokenHash: "edit-mine", newTokenHash: "winner-b" }),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    const a = await findRespondentByTokenHash(t.db, "winner-a");
    const b = await findRespondentByTokenHash(t.db, "winner-b");
    expect(Boolean(a) !== Boolean(b)).toBe(true);
    expect((await listAccessEvents(t.db, mine.assessmentId)).length).toBe(1);
  });

  it("reseals every working link in the same step, and keeps a link's old seal when asked to", async () => {
    await link(mine, "keep");
    await link(mine, "reseal");
    await link(mine, "gone");
    await link(theirs, "theirs");
    await revokeReportLink(t.db, { assessmentId: mine.assessmentId, linkId: "gone" });
    const seen: string[] = [];
    await replaceEditLink(t.db, {
      assessmentId: mine.assessmentId,
      respondentId: mine.respondentId,
      currentTokenHash: "edit-mine",
      newTokenHash: "edit-mine-2",
      reseal: ({ id, sealedToken }) => {
        seen.push(id);
        return id === "keep" ? null : `${sealedToken}+new`;
      },
    });
    expect(seen.sort()).toEqual(["keep", "reseal"]);
    const sealed = Object.fromEntries(
      (await listReportLinks(t.db, mine.assessmentId)).map((row) => [row.id, row.sealedToken]),
    );
    expect(sealed).toEqual({ keep: "sealed-keep", reseal: "sealed-reseal+new" });
    // The links themselves still work: their hashes are untouched.
    expect(await findReportLinkByTokenHash(t.db, "hash-reseal")).toBeDefined();
    expect((await listReportLinks(t.db, theirs.assessmentId))[0]?.sealedToken).toBe("sealed-theirs");
  });

  it("changes nothing when the current link is no longer the respondent's", async () => {
    await link(mine, "link-1");
    const replaced = await replaceEditLink(t.db, {
      assessmentId: mine.assessmentId,
      respondentId: mine.respondentId,
      currentTokenHash: "not-the-current-one",
      newTokenHash: "edit-mine-2",
      reseal: () => "changed",
    });
    expect(replaced).toBe(false);
    expect(await findRespondentByTokenHash(t.db, "edit-mine")).toBeDefined();
    expect((await listReportLinks(t.db, mine.assessmentId))[0]?.sealedToken).toBe("sealed-link-1");
    expect(await lastEditLinkReplacement(t.db, mine.assessmentId)).toBeNull();
  });
});
