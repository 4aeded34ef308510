import type { Kysely, Transaction } from "kysely";
import { inTransaction } from "../transaction";
import type { Database } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

/** A respondent's stored answers by question id, values parsed from JSON. */
export type StoredAnswers = Record<string, unknown>;

export async function getAnswers(db: Db, respondentId: string): Promise<StoredAnswers> {
  const rows = await db
    .selectFrom("answers")
    .select(["question_id", "value_json"])
    .where("respondent_id", "=", respondentId)
    .execute();
  const answers: StoredAnswers = {};
  for (const row of rows) answers[row.question_id] = JSON.parse(row.value_json) as unknown;
  return answers;
}

export type AnswerChanges = {
  respondentId: string;
  assessmentId: string;
  organisationId: string;
  /** Answers to store, replacing any earlier answer to the same question. */
  set: Record<string, unknown>;
  /** Questions whose answers are cleared (an optional question left blank, a hidden follow-up). */
  clear: readonly string[];
  /** When given, the organisation's display name is updated in the same transaction. */
  organisationName?: string;
  /**
   * True for a workshop participant: nothing is saved unless, in the same transaction, they are
   * still in the workshop and it is still open (the facilitator may close it or remove them while
   * the page is open). Owners leave it out, so their saves stay free of the extra read.
   */
  whileInOpenWorkshop?: boolean;
  now?: Date;
};

/** Thrown by `saveAnswers` when a participant's workshop has closed or they were removed. */
export class WorkshopNotOpenError extends Error {
  constructor() {
    super("the participant's workshop is closed, or they were removed from it");
    this.name = "WorkshopNotOpenError";
  }
}

/**
 * Saves one page of answers atomically: every change is written, or none is.
 * Also records the time on the assessment and the respondent and, when given, the
 * organisation's name.
 */
export async function saveAnswers(db: Kysely<Database>, changes: AnswerChanges): Promise<void> {
  const now = (changes.now ?? new Date()).toISOString();
  await inTransaction(db, async (trx) => {
    if (changes.whileInOpenWorkshop) {
      const open = await trx
        .selectFrom("workshop_participants as p")
        .innerJoin("workshops as w", "w.assessment_id", "p.assessment_id")
        .select("p.respondent_id")
        .where("p.respondent_id", "=", changes.respondentId)
        .where("p.removed_at", "is", null)
        .where("w.closed_at", "is", null)
        .executeTakeFirst();
      if (!open) throw new WorkshopNotOpenError();
    }
    // One statement for the whole page, however many answers it has: one round trip to the
    // database, which on PostgreSQL is most of a save's time.
    const rows = Object.entries(changes.set).map(([questionId, value]) => ({
      respondent_id: changes.respondentId,
      assessment_id: changes.assessmentId,
      question_id: questionId,
      value_json: JSON.stringify(value),
      updated_at: now,
    }));
    // Within PostgreSQL's 65,535 values a statement (5 a row); a page has a few dozen at most.
    for (let index = 0; index < rows.length; index += 1000) {
      await trx
        .insertInto("answers")
        .values(rows.slice(index, index + 1000))
        .onConflict((oc) =>
          oc.columns(["respondent_id", "question_id"]).doUpdateSet((eb) => ({
            value_json: eb.ref("excluded.value_json"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .execute();
    }
    if (changes.clear.length > 0) {
      await trx
        .deleteFrom("answers")
        .where("respondent_id", "=", changes.respondentId)
        .where("question_id", "in", [...changes.clear])
        .execute();
    }
    await trx.updateTable("assessments").set({ updated_at: now }).where("id", "=", changes.assessmentId).execute();
    await trx.updateTable("respondents").set({ last_seen_at: now }).where("id", "=", changes.respondentId).execute();
    if (changes.organisationName !== undefined) {
      await trx
        .updateTable("organisations")
        .set({ name: changes.organisationName, updated_at: now })
        .where("id", "=", changes.organisationId)
        .execute();
    }
  });
}
