/**
 * The audit trail: who did what, and when. Events are written in the same transaction as the
 * change they record, so the trail never claims something that did not happen. Reading a
 * workspace's trail takes the caller's scope and returns nothing to a non-member.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { AuditAction, AuditEventTable, Database } from "../schema";
import { countFrom } from "../dialect";
import { membershipOf, ownershipOf, type WorkspaceScope } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

export type AuditEvent = {
  id: string;
  workspaceId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  subject: string | null;
  createdAt: string;
  detail: Record<string, unknown>;
};

/** Writes one event. `detail` must hold nothing secret: no password, cookie value or token. */
export async function recordAuditEvent(
  db: Db,
  input: {
    workspaceId?: string | null;
    actorUserId: string | null;
    action: AuditAction;
    subject?: string | null;
    detail?: Record<string, unknown>;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      workspace_id: input.workspaceId ?? null,
      actor_user_id: input.actorUserId,
      action: input.action,
      subject: input.subject ?? null,
      created_at: input.now,
      detail_json: JSON.stringify(input.detail ?? {}),
    })
    .execute();
}

function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    actorUserId: row.actor_user_id,
    action: row.action,
    subject: row.subject,
    createdAt: row.created_at,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
  };
}

const AUDIT_COLUMNS = [
  "id",
  "workspace_id",
  "actor_user_id",
  "action",
  "subject",
  "created_at",
  "detail_json",
] as const;

/** A workspace's events, oldest first; nothing at all unless `userId` is a member of it. */
export async function listWorkspaceAuditEvents(db: Db, scope: WorkspaceScope): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom("audit_events")
    .select(AUDIT_COLUMNS)
    .where("workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(membershipOf(db, scope)))
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toAuditEvent);
}

/** What one person did (signing in and out, revoking sessions), oldest first. */
export async function listUserAuditEvents(db: Db, userId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom("audit_events")
    .select(AUDIT_COLUMNS)
    .where("actor_user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toAuditEvent);
}

export type AuditEntry = AuditEvent & {
  /** The name of the person who did it; null once their account is deleted. */
  actorName: string | null;
};

export type AuditFilter = { actorUserId?: string; action?: AuditAction };

/**
 * One page of a workspace's trail, newest first, with the total number of events matching
 * `filter`; for owners of the workspace only (anyone else gets no events and a total of 0).
 */
export async function listWorkspaceAuditPage(
  db: Db,
  scope: WorkspaceScope,
  options: { page: number; perPage: number; filter?: AuditFilter },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const filter = options.filter ?? {};
  let base = db
    .selectFrom("audit_events as e")
    .where("e.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(ownershipOf(db, scope)));
  if (filter.actorUserId) base = base.where("e.actor_user_id", "=", filter.actorUserId);
  if (filter.action) base = base.where("e.action", "=", filter.action);
  const counted = await base.select((eb) => eb.fn.countAll().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select([
      "e.id",
      "e.workspace_id",
      "e.actor_user_id",
      "e.action",
      "e.subject",
      "e.created_at",
      "e.detail_json",
      "u.display_name",
    ])
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(options.perPage)
    .offset((Math.max(1, options.page) - 1) * options.perPage)
    .execute();
  return {
    entries: rows.map((row) => ({ ...toAuditEvent(row), actorName: row.display_name })),
    total: countFrom(counted.total),
  };
}

/** The people who appear in a workspace's trail, by name, for the owner's filter; empty for others. */
export async function listWorkspaceAuditActors(
  db: Db,
  scope: WorkspaceScope,
): Promise<{ userId: string; name: string }[]> {
  const rows = await db
    .selectFrom("audit_events as e")
    .innerJoin("users as u", "u.id", "e.actor_user_id")
    .select(["u.id", "u.display_name"])
    .distinct()
    .where("e.workspace_id", "=", scope.workspaceId)
    .where((eb) => eb.exists(ownershipOf(db, scope)))
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.display_name }));
}
