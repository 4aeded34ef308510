/**
 * Re-assessment: a client's earlier finished assessments, read to compare with a later one, and
 * starting the next assessment for a client from a finished one, blank or with its answers
 * copied in to review.
 *
 * Only workspace clients have a history: an anonymous assessment's organisation has no other
 * assessment. A member finds a workspace assessment with `findWorkspaceRespondent` (clients.ts).
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";
import { recordAuditEvent } from "./audit";
import { selectRespondentContext, toRespondentContext, type RespondentContext } from "./assessments";
import type { WriteScope } from "./clients";
import { membershipOf } from "./workspaces";

type Db = Kysely<Database> | Transaction<Database>;

/** How many earlier assessments a comparison and its trend read at most (the newest ones). */
export const HISTORY_LIMIT = 12;

/**
 * The finished assessments of the same workspace client that were started before this one,
 * oldest first, at most `HISTORY_LIMIT` (the newest of them). Empty for an anonymous assessment.
 * "Finished" means its owner checked every answer and finished it; an assessment still in
 * progress is not compared with.
 */
export async function earlierFinishedAssessments(db: Db, respondent: RespondentContext): Promise<RespondentContext[]> {
  if (respondent.workspaceId === null) return [];
  const rows = await selectRespondentContext(db)
    .where("o.id", "=", respondent.organisationId)
    .where("o.workspace_id", "=", respondent.workspaceId)
    .where("r.role", "=", "owner")
    .where("r.submitted_at", "is not", null)
    .where("a.id", "!=", respondent.assessmentId)
    .where((eb) =>
      eb.or([
        eb("a.created_at", "<", respondent.assessmentCreatedAt),
        eb.and([eb("a.created_at", "=", respondent.assessmentCreatedAt), eb("a.id", "<", respondent.assessmentId)]),
      ]),
    )
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(HISTORY_LIMIT)
    .execute();
  return rows.map(toRespondentContext).reverse();
}

export type NextAssessment = { assessmentId: string; respondentId: string; organisationId: string };

/**
 * Starts the next assessment for the client of a finished one, in one transaction: the
 * assessment (recording which it follows and who ran it), its owner with the private link's
 * hash, the copied answers when `answers` is given, and an audit event. Section progress is not
 * copied, so every section is checked again before the report is ready.
 *
 * Returns undefined, writing nothing, unless the caller has one of `scope.allowedRoles` in the
 * workspace the earlier assessment's client belongs to (checked in the transaction) and that
 * assessment is finished.
 */
export async function startNextAssessment(
  db: Kysely<Database>,
  scope: WriteScope,
  input: {
    fromAssessmentId: string;
    accessTokenHash: string;
    questionnaireVersion: string;
    /** Answers to start with, already read for `questionnaireVersion`; null to start blank. */
    answers: Record<string, unknown> | null;
    now?: Date;
  },
): Promise<NextAssessment | undefined> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const from = await trx
      .selectFrom("assessments as a")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .innerJoin("respondents as r", (join) => join.onRef("r.assessment_id", "=", "a.id").on("r.role", "=", "owner"))
      .select(["a.id", "a.organisation_id", "r.submitted_at"])
      .where("a.id", "=", input.fromAssessmentId)
      .where("o.workspace_id", "=", scope.workspaceId)
      .where((eb) => eb.exists(membershipOf(trx, scope).where("caller.role", "in", [...scope.allowedRoles])))
      .executeTakeFirst();
    if (!from || from.submitted_at === null) return undefined;
    const next: NextAssessment = {
      assessmentId: randomUUID(),
      respondentId: randomUUID(),
      organisationId: from.organisation_id,
    };
    await trx
      .insertInto("assessments")
      .values({
        id: next.assessmentId,
        organisation_id: next.organisationId,
        questionnaire_version: input.questionnaireVersion,
        created_at: now,
        updated_at: now,
        run_by_user_id: scope.userId,
        previous_assessment_id: from.id,
      })
      .execute();
    await trx
      .insertInto("respondents")
      .values({
        id: next.respondentId,
        assessment_id: next.assessmentId,
        role: "owner",
        access_token_hash: input.accessTokenHash,
        created_at: now,
        last_seen_at: now,
        submitted_at: null,
        name: null,
        job_title: null,
      })
      .execute();
    const rows = Object.entries(input.answers ?? {}).map(([questionId, value]) => ({
      respondent_id: next.respondentId,
      assessment_id: next.assessmentId,
      question_id: questionId,
      value_json: JSON.stringify(value),
      updated_at: now,
    }));
    for (let index = 0; index < rows.length; index += 1000) {
      await trx
        .insertInto("answers")
        .values(rows.slice(index, index + 1000))
        .execute();
    }
    await trx.updateTable("organisations").set({ updated_at: now }).where("id", "=", next.organisationId).execute();
    await recordAuditEvent(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: "reassessment-started",
      subject: next.assessmentId,
      detail: { follows: from.id, prefilled: input.answers !== null, answersCopied: rows.length },
      now,
    });
    return next;
  });
}
