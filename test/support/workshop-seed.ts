import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { QUESTIONNAIRE_VERSION } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import { saveAnswers } from "../../db/repositories/answers";
import { markSubmitted } from "../../db/repositories/assessments";
import { createClient, createClientAssessment } from "../../db/repositories/clients";
import { inviteParticipant, startWorkshop } from "../../db/repositories/workshops";
import type { Database, WorkspaceRole } from "../../db/schema";
import type { AssessmentAnswers } from "../../scoring/answers";
import { EXAMPLE_ORGANISATIONS } from "../fixtures/example-organisations";
import { createTestAccount, type TestAccount } from "./accounts";

const WRITERS: WorkspaceRole[] = ["owner", "consultant"];

/** What participants answer unless a test says otherwise: everything but the organisation's facts. */
export const PARTICIPANT_SECTIONS = ["stakeholders", "engagement-model", "capacity", "commitment"] as const;

export type SeededParticipant = { respondentId: string; name: string; token: string };

export type SeededWorkshop = {
  owner: TestAccount;
  clientId: string;
  clientName: string;
  assessmentId: string;
  /** The owner respondent's private link's token (never to appear on a workshop page). */
  ownerToken: string;
  participants: SeededParticipant[];
};

export type WorkshopSeed = {
  account?: TestAccount;
  clientName?: string;
  namesShown?: boolean;
  sections?: readonly string[];
  /** One entry per participant: their name, answers (none: not started) and whether they finished. */
  participants: { name: string; roleLabel?: string; answers?: AssessmentAnswers; finished?: boolean }[];
};

function token(): { token: string; hash: string } {
  const value = randomBytes(32).toString("base64url");
  return { token: value, hash: createHash("sha256").update(value).digest("hex") };
}

/**
 * A workspace assessment turned into a workshop, with participants invited by name and their
 * answers stored as the wizard stores them: straight through the repositories, so the facilitator
 * pages can be tested without the participants' own pages.
 */
export async function seedWorkshop(db: Kysely<Database>, seed: WorkshopSeed): Promise<SeededWorkshop> {
  const owner = seed.account ?? (await createTestAccount(db, { workspaceName: `Workshop Consulting ${randomUUID()}` }));
  const scope = { userId: owner.userId, workspaceId: owner.workspaceId, allowedRoles: WRITERS };
  const clientName = seed.clientName ?? `Harbour District Council ${randomBytes(3).toString("hex")}`;
  const client = await createClient(db, scope, { name: clientName });
  if (!client.ok) throw new Error(`could not create the client: ${client.reason}`);
  const ownerLink = token();
  const assessment = await createClientAssessment(db, scope, {
    clientId: client.clientId,
    accessTokenHash: ownerLink.hash,
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  if (!assessment) throw new Error("could not create the assessment");
  const started = await startWorkshop(db, scope, assessment.assessmentId, {
    participantSections: seed.sections ?? PARTICIPANT_SECTIONS,
    namesShown: seed.namesShown ?? true,
  });
  if (!started.ok) throw new Error(`could not start the workshop: ${started.reason}`);
  const participants: SeededParticipant[] = [];
  for (const person of seed.participants) {
    const link = token();
    const added = await inviteParticipant(db, scope, {
      assessmentId: assessment.assessmentId,
      name: person.name,
      roleLabel: person.roleLabel ?? null,
      accessTokenHash: link.hash,
    });
    if (!added.ok) throw new Error(`could not invite ${person.name}: ${added.reason}`);
    if (person.answers) {
      await saveAnswers(db, {
        assessmentId: assessment.assessmentId,
        respondentId: added.respondentId,
        organisationId: client.clientId,
        set: storedAnswersFrom(person.answers),
        clear: [],
      });
    }
    if (person.finished) await markSubmitted(db, { respondentId: added.respondentId, name: person.name });
    participants.push({ respondentId: added.respondentId, name: person.name, token: link.token });
  }
  return {
    owner,
    clientId: client.clientId,
    clientName,
    assessmentId: assessment.assessmentId,
    ownerToken: ownerLink.token,
    participants,
  };
}

/** Example answers for the n-th participant: the example organisations in turn, numbers varied. */
export function variedAnswers(index: number): AssessmentAnswers {
  const example = EXAMPLE_ORGANISATIONS[index % EXAMPLE_ORGANISATIONS.length];
  if (!example) throw new Error("no example organisations");
  const factor = 1 + (index % 5) / 4;
  return JSON.parse(JSON.stringify(example.answers), (_key, value: unknown) =>
    typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.round(value * factor) : value,
  ) as AssessmentAnswers;
}
