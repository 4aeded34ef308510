import { describe, expect, it } from "vitest";
import type { AuditAction } from "../../db/schema";
import { workshopQuestionTitle } from "../workshop/settle-questions";
import { auditSentence } from "./audit-sentences";

const aroha = { actor: "Aroha Ngata", actorUserId: "u1", subject: null };

describe("the audit trail's sentences", () => {
  it.each([
    ["member-invited", { email: "sam@example.org", role: "viewer" }, "Aroha Ngata invited sam@example.org as a viewer"],
    ["member-invited", { email: "sam@example.org", role: "owner" }, "Aroha Ngata invited sam@example.org as an owner"],
    ["invitation-withdrawn", { email: "sam@example.org" }, "Aroha Ngata withdrew the invitation to sam@example.org"],
    ["member-joined", { role: "consultant" }, "Aroha Ngata joined the workspace as a consultant"],
    [
      "member-role-changed",
      { name: "Sam Tupaea", from: "consultant", to: "owner" },
      "Aroha Ngata changed Sam Tupaea's role from consultant to owner",
    ],
    ["member-removed", { name: "Sam Tupaea" }, "Aroha Ngata removed Sam Tupaea from the workspace"],
    ["workspace-created", { name: "Harbour" }, "Aroha Ngata created the workspace Harbour"],
    [
      "client-created",
      { clientName: "Tauranga District Council" },
      "Aroha Ngata added the client Tauranga District Council",
    ],
    [
      "report-exported",
      { kind: "summary-pdf-a4", clientName: "Tauranga District Council" },
      "Aroha Ngata downloaded the board summary PDF (A4) of Tauranga District Council's assessment",
    ],
    [
      "reassessment-started",
      { prefilled: true, clientName: "Tauranga District Council" },
      "Aroha Ngata started the next assessment of Tauranga District Council, with the last answers to check",
    ],
    ["assessment-created", {}, "Aroha Ngata started an assessment of a client"],
    [
      "branding-changed",
      { name: { from: "Harbour", to: "Harbour Engagement" }, logo: { removed: true } },
      "Aroha Ngata renamed the workspace to Harbour Engagement and removed the logo",
    ],
    [
      "workshop-started",
      { clientName: "Harbour City Council", sections: ["capacity"] },
      "Aroha Ngata turned an assessment of Harbour City Council into a workshop",
    ],
    [
      "workshop-changed",
      { clientName: "Harbour City Council", namesShown: false },
      "Aroha Ngata changed the settings of the Harbour City Council workshop: names are hidden",
    ],
    ["workshop-closed", { clientName: "Harbour City Council" }, "Aroha Ngata closed the Harbour City Council workshop"],
    ["workshop-reopened", {}, "Aroha Ngata reopened a workshop"],
    [
      "workshop-participant-invited",
      { name: "Sam Tupaea", clientName: "Harbour City Council" },
      "Aroha Ngata invited Sam Tupaea to the Harbour City Council workshop",
    ],
    [
      "workshop-participant-removed",
      { name: "Sam Tupaea", clientName: "Harbour City Council" },
      "Aroha Ngata removed Sam Tupaea from the Harbour City Council workshop",
    ],
    [
      "branding-changed",
      { accentColour: { from: null, to: "#0b4f5c" } },
      "Aroha Ngata set the accent colour to #0b4f5c",
    ],
  ] as const)("words %s", (action, detail, sentence) => {
    expect(auditSentence(action as AuditAction, { ...aroha, detail })).toBe(sentence);
  });

  it("words settling a workshop question with the question's own short wording", () => {
    // As the audit page gives it: the question's wording added from the questionnaire.
    const settle = (detail: Record<string, unknown>) =>
      auditSentence("workshop-question-settled", {
        ...aroha,
        detail: { clientName: "Coast Council", ...detail, ...workshopQuestionTitle(detail) },
      });
    expect(settle({ questionId: "sentiment@residents", revision: 1 })).toBe(
      "Aroha Ngata settled the group's answer to \"How they feel now: Residents\" in the workshop on Coast Council's assessment",
    );
    expect(settle({ questionId: "teamPeople", revision: 3 })).toMatch(
      /^Aroha Ngata changed the group's settled answer to "[^"]+" in the workshop on Coast Council's assessment$/,
    );
    expect(settle({ questionId: "no-such-question", revision: 1 })).toBe(
      "Aroha Ngata settled the group's answer to a question in the workshop on Coast Council's assessment",
    );
  });

  it("says someone left when they removed themselves", () => {
    expect(auditSentence("member-removed", { ...aroha, subject: "u1", detail: { name: "Aroha Ngata" } })).toBe(
      "Aroha Ngata left the workspace",
    );
  });

  it("still reads as a sentence for an action it has no words for yet", () => {
    const action = "a-future-kind" as AuditAction;
    expect(auditSentence(action, { ...aroha, detail: { clientName: "Tauranga District Council" } })).toBe(
      "Aroha Ngata did this: a future kind (Tauranga District Council)",
    );
    expect(auditSentence("something-new" as AuditAction, { ...aroha, detail: {} })).toBe(
      "Aroha Ngata did this: something new",
    );
  });
});
