import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../test/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createAssessment } from "./assessments";
import { listWorkspaceAuditEvents } from "./audit";
import {
  brandingForAssessment,
  changeBranding,
  findBrandingForMember,
  findLogoForMember,
  logoForAssessment,
} from "./branding";
import { findWorkspaceForMember } from "./workspaces";

let t: TestDatabase;
let ana: TestAccount;
let ben: TestAccount;
const logo = { png: Buffer.from("stand-in for re-encoded PNG bytes"), width: 300, height: 120 };
const logoHash = createHash("sha256").update(logo.png).digest("hex");

beforeEach(async () => {
  t = await createTestDatabase();
  ana = await createTestAccount(t.db, { email: "ana@example.org", workspaceName: "Harbour" });
  ben = await createTestAccount(t.db, { email: "ben@example.org", workspaceName: "Ridge" });
});
afterEach(async () => {
  await t.destroy();
});

const anaScope = () => ({ userId: ana.userId, workspaceId: ana.workspaceId });

function addMember(workspaceId: string, userId: string, role: "owner" | "consultant" | "viewer") {
  return t.db
    .insertInto("workspace_members")
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: new Date().toISOString() })
    .execute();
}

describe("workspace branding", () => {
  it("starts with the workspace's name and no logo or colour", async () => {
    expect(await findBrandingForMember(t.db, anaScope())).toEqual({
      workspaceId: ana.workspaceId,
      name: "Harbour",
      accentColour: null,
      logo: null,
    });
  });

  it("lets the owner change name, logo and colour in one go, with one audit event and no bytes in it", async () => {
    const at = new Date("2026-11-30T10:00:00.000Z");
    const result = await changeBranding(
      t.db,
      anaScope(),
      { name: "Harbour Partners", logo, accentColour: "#1d70b8" },
      at,
    );
    expect(result).toEqual({ kind: "changed", changed: ["name", "accentColour", "logo"] });
    expect(await findBrandingForMember(t.db, anaScope())).toEqual({
      workspaceId: ana.workspaceId,
      name: "Harbour Partners",
      accentColour: "#1d70b8",
      logo: { sha256: logoHash, width: 300, height: 120, updatedAt: at.toISOString() },
    });
    expect(await findLogoForMember(t.db, anaScope())).toEqual({ png: logo.png, sha256: logoHash });
    const events = (await listWorkspaceAuditEvents(t.db, anaScope())).filter((e) => e.action === "branding-changed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: ana.userId,
      subject: ana.workspaceId,
      detail: {
        name: { from: "Harbour", to: "Harbour Partners" },
        accentColour: { from: null, to: "#1d70b8" },
        logo: { sha256: logoHash, width: 300, height: 120, bytes: logo.png.byteLength, was: null },
      },
    });
    expect(JSON.stringify(events[0])).not.toContain(logo.png.toString("base64"));
    expect(JSON.stringify(events[0])).not.toContain("stand-in");
  });

  it("removes the logo and clears the colour; unchanged values write nothing", async () => {
    await changeBranding(t.db, anaScope(), { logo, accentColour: "#1d70b8" });
    expect(await changeBranding(t.db, anaScope(), { name: "Harbour", accentColour: "#1d70b8", logo })).toEqual({
      kind: "changed",
      changed: [],
    });
    expect(await changeBranding(t.db, anaScope(), { logo: null, accentColour: null })).toEqual({
      kind: "changed",
      changed: ["accentColour", "logo"],
    });
    expect(await findBrandingForMember(t.db, anaScope())).toMatchObject({ accentColour: null, logo: null });
    expect(await findLogoForMember(t.db, anaScope())).toBeUndefined();
    const events = (await listWorkspaceAuditEvents(t.db, anaScope())).filter((e) => e.action === "branding-changed");
    expect(events).toHaveLength(2);
  });

  it("lets a consultant or viewer read the branding but not change it", async () => {
    await changeBranding(t.db, anaScope(), { logo, accentColour: "#1d70b8" });
    for (const role of ["consultant", "viewer"] as const) {
      const other = await createTestAccount(t.db, { email: `${role}@example.org` });
      await addMember(ana.workspaceId, other.userId, role);
      const scope = { userId: other.userId, workspaceId: ana.workspaceId };
      expect(await findBrandingForMember(t.db, scope)).toMatchObject({ name: "Harbour", accentColour: "#1d70b8" });
      expect(await findLogoForMember(t.db, scope)).toMatchObject({ sha256: logoHash });
      expect(await changeBranding(t.db, scope, { name: "Taken over", accentColour: null, logo: null })).toEqual({
        kind: "not-found",
      });
    }
    expect(await findBrandingForMember(t.db, anaScope())).toMatchObject({ name: "Harbour", accentColour: "#1d70b8" });
    expect(await findLogoForMember(t.db, anaScope())).toMatchObject({ sha256: logoHash });
  });

  it("gives a non-member nothing and lets them change nothing", async () => {
    await changeBranding(t.db, anaScope(), { logo, accentColour: "#1d70b8" });
    const theirs = { userId: ben.userId, workspaceId: ana.workspaceId };
    expect(await findBrandingForMember(t.db, theirs)).toBeUndefined();
    expect(await findLogoForMember(t.db, theirs)).toBeUndefined();
    expect(await changeBranding(t.db, theirs, { name: "Mine now", logo: null })).toEqual({ kind: "not-found" });
    expect(await changeBranding(t.db, { userId: ana.userId, workspaceId: "no-such-id" }, { name: "X" })).toEqual({
      kind: "not-found",
    });
    expect((await findWorkspaceForMember(t.db, anaScope()))?.name).toBe("Harbour");
    expect(await findLogoForMember(t.db, anaScope())).toMatchObject({ sha256: logoHash });
  });

  it("refuses a logo without its size, and a colour that is not 7 characters, in the database too", async () => {
    const now = new Date().toISOString();
    await expect(
      t.db
        .insertInto("workspace_branding")
        .values({ workspace_id: ana.workspaceId, logo_png: logo.png, updated_at: now })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto("workspace_branding")
        .values({ workspace_id: ana.workspaceId, accent_colour: "blue", updated_at: now })
        .execute(),
    ).rejects.toThrow();
  });
});

describe("branding of an assessment's report", () => {
  it("is null for an anonymous assessment, and the workspace's for a client's", async () => {
    await changeBranding(t.db, anaScope(), { name: "Harbour Partners", logo, accentColour: "#1d70b8" });
    const anonymous = await createAssessment(t.db, {
      accessTokenHash: "a".repeat(64),
      questionnaireVersion: "2026-11",
    });
    expect(await brandingForAssessment(t.db, anonymous.assessmentId)).toBeNull();
    expect(await logoForAssessment(t.db, anonymous.assessmentId)).toBeUndefined();

    const client = await createAssessment(t.db, { accessTokenHash: "b".repeat(64), questionnaireVersion: "2026-11" });
    await t.db
      .updateTable("organisations")
      .set({ workspace_id: ana.workspaceId })
      .where("id", "=", client.organisationId)
      .execute();
    expect(await brandingForAssessment(t.db, client.assessmentId)).toEqual({
      workspaceName: "Harbour Partners",
      accentColour: "#1d70b8",
      logo: { sha256: logoHash, width: 300, height: 120, pngBase64: logo.png.toString("base64") },
    });
    expect(await logoForAssessment(t.db, client.assessmentId)).toEqual({ png: logo.png, sha256: logoHash });

    // A client of a workspace with no branding saved still shows the workspace's name.
    await t.db
      .updateTable("organisations")
      .set({ workspace_id: ben.workspaceId })
      .where("id", "=", client.organisationId)
      .execute();
    expect(await brandingForAssessment(t.db, client.assessmentId)).toEqual({
      workspaceName: "Ridge",
      accentColour: null,
      logo: null,
    });
    expect(await logoForAssessment(t.db, client.assessmentId)).toBeUndefined();
    expect(await brandingForAssessment(t.db, "no-such-assessment")).toBeNull();
  });
});
