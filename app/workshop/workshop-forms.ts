/**
 * The workshop's forms, validated on the server with zod (`zod/mini`, as the other forms are):
 * turning an assessment into a workshop, inviting a participant, and joining by the workshop link.
 */
import * as z from "zod/mini";
import type { SectionDef } from "../questionnaire/section-types";

/** As long as a role such as "Director of Communications and Engagement" needs, and no longer. */
export const PARTICIPANT_NAME_MAX = 80;
export const PARTICIPANT_ROLE_MAX = 80;

export const WORKSHOP_MESSAGES = {
  sectionsMissing: "Choose at least one section for participants to answer",
  sectionUnknown: "Choose sections from the list",
  namesMissing: "Choose whether the facilitator's view shows participants' names",
  nameMissing: "Enter a name",
  nameTooLong: `The name must be ${PARTICIPANT_NAME_MAX} characters or fewer`,
  roleTooLong: `The role must be ${PARTICIPANT_ROLE_MAX} characters or fewer`,
  ownNameMissing: "Enter your name",
  ownNameTooLong: `Your name must be ${PARTICIPANT_NAME_MAX} characters or fewer`,
  ownRoleTooLong: `Your role must be ${PARTICIPANT_ROLE_MAX} characters or fewer`,
  nameTaken:
    "Someone in this workshop already has this name. Add a surname or an initial, so the facilitator can tell you apart",
  inviteNameTaken:
    "Someone in this workshop already has this name. Add a surname or an initial, so you can tell them apart",
} as const;

/** The default choice: every section except the facts about the organisation, which stay with the facilitator. */
export function defaultParticipantSections(sections: readonly SectionDef[]): string[] {
  return sections.filter((section) => section.id !== "organisation").map((section) => section.id);
}

/**
 * The sections participants answer: at least one, each one of the questionnaire's, and each
 * section a chosen one builds on chosen too (the engagement model asks about the groups that
 * "who you need to engage" names, so it cannot be answered without it).
 */
export function participantSectionsSchema(sections: readonly SectionDef[]) {
  const known = new Map(sections.map((section) => [section.id as string, section]));
  return z.array(z.string()).check(
    z.minLength(1, WORKSHOP_MESSAGES.sectionsMissing),
    z.refine((ids: string[]) => ids.every((id) => known.has(id)), WORKSHOP_MESSAGES.sectionUnknown),
    z.superRefine((ids: string[], ctx) => {
      const chosen = new Set(ids);
      for (const id of ids) {
        const section = known.get(id);
        for (const dependency of section?.dependsOn ?? []) {
          if (chosen.has(dependency)) continue;
          const needed = known.get(dependency);
          ctx.issues.push({
            code: "custom",
            input: ids,
            message: `Also choose "${needed?.title ?? dependency}": the section "${section?.title ?? id}" asks about what it names`,
          });
          return;
        }
      }
    }),
  );
}

export function startWorkshopSchema(sections: readonly SectionDef[]) {
  return z.object({
    sections: participantSectionsSchema(sections),
    names: z.enum(["shown", "hidden"], WORKSHOP_MESSAGES.namesMissing),
  });
}

/** Trims and closes up spaces, as the repository stores the name. */
function tidy() {
  return z.transform((value: string) => value.trim().replace(/\s+/g, " "));
}

function nameField(missing: string, tooLong: string) {
  return z.pipe(
    z.string(),
    z.pipe(tidy(), z.string().check(z.minLength(1, missing), z.maxLength(PARTICIPANT_NAME_MAX, tooLong))),
  );
}

function roleField(tooLong: string) {
  return z.pipe(
    z.string(),
    z.pipe(
      tidy(),
      z.pipe(
        z.string().check(z.maxLength(PARTICIPANT_ROLE_MAX, tooLong)),
        z.transform((value: string) => (value === "" ? null : value)),
      ),
    ),
  );
}

/** The facilitator inviting someone by name. */
export const InviteParticipantSchema = z.object({
  name: nameField(WORKSHOP_MESSAGES.nameMissing, WORKSHOP_MESSAGES.nameTooLong),
  role: roleField(WORKSHOP_MESSAGES.roleTooLong),
});

/** Someone joining through the workshop link, in their own words. */
export const JoinWorkshopSchema = z.object({
  name: nameField(WORKSHOP_MESSAGES.ownNameMissing, WORKSHOP_MESSAGES.ownNameTooLong),
  role: roleField(WORKSHOP_MESSAGES.ownRoleTooLong),
});
