import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database> | Transaction<Database>;

/** When each section was marked complete by the respondent, by section id. */
export type SectionCompletion = Record<string, string | null>;

export async function getSectionCompletion(db: Db, respondentId: string): Promise<SectionCompletion> {
  const rows = await db
    .selectFrom("section_progress")
    .select(["section_id", "completed_at"])
    .where("respondent_id", "=", respondentId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.section_id, row.completed_at]));
}

/** Records whether the respondent has said a section is complete. */
export async function setSectionCompleted(
  db: Db,
  input: { respondentId: string; sectionId: string; completed: boolean; now?: Date },
): Promise<void> {
  const now = (input.now ?? new Date()).toISOString();
  const completedAt = input.completed ? now : null;
  await db
    .insertInto("section_progress")
    .values({
      respondent_id: input.respondentId,
      section_id: input.sectionId,
      completed_at: completedAt,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["respondent_id", "section_id"]).doUpdateSet({ completed_at: completedAt, updated_at: now }),
    )
    .execute();
}
