import { describe, expect, it } from "vitest";
import { MEMBER_KEY_ROLES } from "../../db/repositories/assessments";
import { ROLE_PERMISSIONS, roleMay, rolesThatMay } from "./roles";

describe("what each role may do", () => {
  it("lets an owner do everything a consultant may, and a consultant everything a viewer may", () => {
    for (const permission of ROLE_PERMISSIONS.consultant) expect(roleMay("owner", permission)).toBe(true);
    for (const permission of ROLE_PERMISSIONS.viewer) expect(roleMay("consultant", permission)).toBe(true);
  });

  it("lets a viewer read and download, and nothing else", () => {
    expect([...ROLE_PERMISSIONS.viewer].sort()).toEqual(["download-reports", "read-clients", "read-reports"]);
    expect(roleMay("viewer", "create-clients")).toBe(false);
    expect(roleMay("consultant", "manage-members")).toBe(false);
  });

  it("opens member keys to the same roles the database lookup accepts", () => {
    expect([...MEMBER_KEY_ROLES].sort()).toEqual(rolesThatMay("answer-assessments").sort());
  });
});
