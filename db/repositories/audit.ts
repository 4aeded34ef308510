/**
 * The audit trail: who did what, and when. Events are written in the same transaction as the
 * change they record, so the trail never claims something that did not happen. Reading a
 * workspace's trail takes the caller's scope and returns nothing to a non-member.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { AuditAction, AuditEventTable, Database } from "../schema";
import { membershipOf, type WorkspaceScope } from "./workspaces";

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
