/**
 * A workspace's branding: the name it is shown under (`workspaces.name`), its logo and its
 * accent colour. Members read it; only owners change it. Every function takes the caller's scope
 * and checks membership in the query itself, so a non-member gets nothing, exactly as for a
 * workspace that does not exist. `brandingForAssessment` is the one read without a member: it
 * serves a client's report, reached through the assessment's own key (a private or read-only link).
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";
import { membershipOf, type WorkspaceScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

export type LogoInfo = { sha256: string; width: number; height: number; updatedAt: string };

export type WorkspaceBranding = {
  workspaceId: string;
  name: string;
  accentColour: string | null;
  logo: LogoInfo | null;
};

/** A re-encoded logo, ready to store. */
export type StoredLogo = { png: Buffer; width: number; height: number };

/** What a report shows of its workspace's branding; the logo with its bytes (re-encoded PNG, base64). */
export type AssessmentBranding = {
  workspaceName: string;
  accentColour: string | null;
  logo: { sha256: string; width: number; height: number; pngBase64: string } | null;
};

function logoInfo(row: {
  logo_sha256: string | null;
  logo_width: number | null;
  logo_height: number | null;
  logo_updated_at: string | null;
}): LogoInfo | null {
  if (!row.logo_sha256 || row.logo_width === null || row.logo_height === null || !row.logo_updated_at) return null;
  return {
    sha256: row.logo_sha256,
    width: Number(row.logo_width),
    height: Number(row.logo_height),
    updatedAt: row.logo_updated_at,
  };
}

/** The workspace's branding for one of its members; undefined for anyone else. */
export async function findBrandingForMember(db: Db, scope: WorkspaceScope): Promise<WorkspaceBranding | undefined> {
  const row = await db
    .selectFrom("workspaces as w")
    .leftJoin("workspace_branding as b", "b.workspace_id", "w.id")
    .select([
      "w.id",
      "w.name",
      "b.accent_colour",
      "b.logo_sha256",
      "b.logo_width",
      "b.logo_height",
      "b.logo_updated_at",
    ])
    .where("w.id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  if (!row) return undefined;
  return { workspaceId: row.id, name: row.name, accentColour: row.accent_colour, logo: logoInfo(row) };
}

/** The logo's bytes and hash for one of the workspace's members; undefined for anyone else or no logo. */
export async function findLogoForMember(
  db: Db,
  scope: WorkspaceScope,
): Promise<{ png: Buffer; sha256: string } | undefined> {
  const row = await db
    .selectFrom("workspace_branding as b")
    .select(["b.logo_png", "b.logo_sha256"])
    .where("b.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .executeTakeFirst();
  if (!row?.logo_png || !row.logo_sha256) return undefined;
  return { png: Buffer.from(row.logo_png), sha256: row.logo_sha256 };
}

/**
 * The branding a report of this assessment shows: its client's workspace's name, logo and
 * colour. Null for an anonymous assessment (its organisation belongs to no workspace), so the
 * product's own look stays. Callers reach it only through the assessment's own link.
 */
export async function brandingForAssessment(db: Db, assessmentId: string): Promise<AssessmentBranding | null> {
  const row = await db
    .selectFrom("assessments as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("workspaces as w", "w.id", "o.workspace_id")
    .leftJoin("workspace_branding as b", "b.workspace_id", "w.id")
    .select(["w.name", "b.accent_colour", "b.logo_png", "b.logo_sha256", "b.logo_width", "b.logo_height"])
    .where("a.id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) return null;
  const logo =
    row.logo_png && row.logo_sha256 && row.logo_width !== null && row.logo_height !== null
      ? {
          sha256: row.logo_sha256,
          width: Number(row.logo_width),
          height: Number(row.logo_height),
          pngBase64: Buffer.from(row.logo_png).toString("base64"),
        }
      : null;
  return { workspaceName: row.name, accentColour: row.accent_colour, logo };
}

/** The logo of the workspace an assessment is a client of; undefined for anonymous assessments or no logo. */
export async function logoForAssessment(
  db: Db,
  assessmentId: string,
): Promise<{ png: Buffer; sha256: string } | undefined> {
  const row = await db
    .selectFrom("assessments as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("workspace_branding as b", "b.workspace_id", "o.workspace_id")
    .select(["b.logo_png", "b.logo_sha256"])
    .where("a.id", "=", assessmentId)
    .executeTakeFirst();
  if (!row?.logo_png || !row.logo_sha256) return undefined;
  return { png: Buffer.from(row.logo_png), sha256: row.logo_sha256 };
}

export type BrandingChanges = {
  /** A new name, already checked. */
  name?: string;
  /** A new logo (re-encoded), or null to remove it. */
  logo?: StoredLogo | null;
  /** A new colour (`#rrggbb`, checked), or null to clear it. */
  accentColour?: string | null;
};

export type BrandingChangeResult = { kind: "not-found" } | { kind: "changed"; changed: string[] };

/**
 * Changes the workspace's branding in one transaction, with a `branding-changed` audit event
 * saying what changed (names of fields and the logo's hash and size, never its bytes). Only an
 * owner may: anyone else gets "not-found", as for a workspace that does not exist.
 * Values equal to what is stored are not counted as changes; with none, nothing is written.
 */
export async function changeBranding(
  db: Kysely<Database>,
  scope: WorkspaceScope,
  changes: BrandingChanges,
  now = new Date(),
): Promise<BrandingChangeResult> {
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const owner = await trx
      .selectFrom("workspace_members")
      .select("user_id")
      .where("workspace_id", "=", scope.workspaceId)
      .where("user_id", "=", scope.userId)
      .where("role", "=", "owner")
      .executeTakeFirst();
    if (!owner) return { kind: "not-found" } as const;
    const current = await findBrandingForMember(trx, scope);
    if (!current) return { kind: "not-found" } as const;

    const detail: Record<string, unknown> = {};
    const changed: string[] = [];
    if (changes.name !== undefined && changes.name !== current.name) {
      await trx.updateTable("workspaces").set({ name: changes.name }).where("id", "=", scope.workspaceId).execute();
      changed.push("name");
      detail.name = { from: current.name, to: changes.name };
    }
    const row: Partial<Database["workspace_branding"]> = {};
    if (changes.accentColour !== undefined && changes.accentColour !== current.accentColour) {
      row.accent_colour = changes.accentColour;
      changed.push("accentColour");
      detail.accentColour = { from: current.accentColour, to: changes.accentColour };
    }
    if (changes.logo === null && current.logo) {
      Object.assign(row, {
        logo_png: null,
        logo_width: null,
        logo_height: null,
        logo_sha256: null,
        logo_updated_at: null,
      });
      changed.push("logo");
      detail.logo = { removed: true, was: current.logo.sha256 };
    } else if (changes.logo) {
      const sha256 = createHash("sha256").update(changes.logo.png).digest("hex");
      if (sha256 !== current.logo?.sha256) {
        Object.assign(row, {
          logo_png: changes.logo.png,
          logo_width: changes.logo.width,
          logo_height: changes.logo.height,
          logo_sha256: sha256,
          logo_updated_at: at,
        });
        changed.push("logo");
        detail.logo = {
          sha256,
          width: changes.logo.width,
          height: changes.logo.height,
          bytes: changes.logo.png.byteLength,
          was: current.logo?.sha256 ?? null,
        };
      }
    }
    if (Object.keys(row).length > 0) {
      await trx
        .insertInto("workspace_branding")
        .values({ workspace_id: scope.workspaceId, updated_at: at, ...row })
        .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ ...row, updated_at: at }))
        .execute();
    }
    if (changed.length > 0) {
      await recordAuditEvent(trx, {
        workspaceId: scope.workspaceId,
        actorUserId: scope.userId,
        action: "branding-changed",
        subject: scope.workspaceId,
        detail,
        now: at,
      });
    }
    return { kind: "changed", changed } as const;
  });
}
