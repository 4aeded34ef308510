import { describe, expect, it } from "vitest";
import { SECTIONS } from "../questionnaire/questionnaire";
import {
  defaultParticipantSections,
  InviteParticipantSchema,
  JoinWorkshopSchema,
  startWorkshopSchema,
  WORKSHOP_MESSAGES,
} from "./workshop-forms";

const schema = startWorkshopSchema(SECTIONS);

function firstMessage(result: { success: boolean; error?: { issues: readonly { message: string }[] } }) {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe("turning an assessment into a workshop", () => {
  it("offers every section but the organisation's facts by default", () => {
    expect(defaultParticipantSections(SECTIONS)).toEqual([
      "stakeholders",
      "engagement-model",
      "capacity",
      "commitment",
    ]);
    expect(schema.safeParse({ sections: defaultParticipantSections(SECTIONS), names: "hidden" }).success).toBe(true);
  });

  it("needs at least one section and a choice about names", () => {
    expect(firstMessage(schema.safeParse({ sections: [], names: "shown" }))).toBe(WORKSHOP_MESSAGES.sectionsMissing);
    expect(firstMessage(schema.safeParse({ sections: ["capacity"], names: "" }))).toBe(WORKSHOP_MESSAGES.namesMissing);
  });

  it("refuses a section the questionnaire does not have", () => {
    expect(firstMessage(schema.safeParse({ sections: ["capacity", "payroll"], names: "shown" }))).toBe(
      WORKSHOP_MESSAGES.sectionUnknown,
    );
  });

  it("needs the section a chosen section builds on", () => {
    const message = firstMessage(schema.safeParse({ sections: ["engagement-model"], names: "shown" }));
    expect(message).toContain('Also choose "Decide who you need to engage and why"');
    expect(schema.safeParse({ sections: ["stakeholders", "engagement-model"], names: "shown" }).success).toBe(true);
  });
});

describe("a participant's name and role", () => {
  it("tidies spaces and keeps an empty role as none", () => {
    expect(InviteParticipantSchema.parse({ name: "  Aroha   Ngata ", role: "  " })).toEqual({
      name: "Aroha Ngata",
      role: null,
    });
    expect(JoinWorkshopSchema.parse({ name: "Sam", role: " Councillor " })).toEqual({
      name: "Sam",
      role: "Councillor",
    });
  });

  it("needs a name of at most 80 characters, and a role of at most 80", () => {
    expect(firstMessage(JoinWorkshopSchema.safeParse({ name: "   ", role: "" }))).toBe(
      WORKSHOP_MESSAGES.ownNameMissing,
    );
    expect(firstMessage(JoinWorkshopSchema.safeParse({ name: "a".repeat(81), role: "" }))).toBe(
      WORKSHOP_MESSAGES.ownNameTooLong,
    );
    expect(JoinWorkshopSchema.safeParse({ name: "a".repeat(80), role: "b".repeat(80) }).success).toBe(true);
    expect(firstMessage(InviteParticipantSchema.safeParse({ name: "Sam", role: "b".repeat(81) }))).toBe(
      WORKSHOP_MESSAGES.roleTooLong,
    );
  });
});
