import { describe, expect, it } from "vitest";
import type { StoredAnswers } from "../../../db/repositories/answers";
import { findPage } from "../pages";
import { pageContext } from "../questionnaire";
import { planSave } from "../save-plan";
import { formInputFor } from "../section-types";
import { validatePage } from "../validate";
import { capacitySection } from "./capacity";

function page(id: string, stored: StoredAnswers = {}) {
  const found = findPage(capacitySection.pages(pageContext(stored)), id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
}

function pageIds(stored: StoredAnswers): string[] {
  return capacitySection.pages(pageContext(stored)).map((candidate) => candidate.id);
}

const fixedId = (prefix: string) => `${prefix}-1`;

describe("team: numbers or 'I don't know'", () => {
  const team = page("team");
  const access = { accountAccess: "one-person" };

  it("takes a number, or 'I don't know' ticked with the box left empty", () => {
    expect(validatePage(team, { teamPeople: "3", teamHoursPerWeek: "12.5", ...access })).toEqual({
      ok: true,
      values: { teamPeople: 3, teamHoursPerWeek: 12.5, ...access },
    });
    expect(
      validatePage(team, {
        teamPeople: "",
        teamPeopleUnknown: "unknown",
        teamHoursPerWeek: "",
        teamHoursPerWeekUnknown: "unknown",
        ...access,
      }),
    ).toEqual({ ok: true, values: { teamPeople: "unknown", teamHoursPerWeek: "unknown", ...access } });
  });

  it("refuses a number and 'I don't know' together, and neither", () => {
    expect(
      validatePage(team, {
        teamPeople: "4",
        teamPeopleUnknown: "unknown",
        teamHoursPerWeekUnknown: "unknown",
        ...access,
      }),
    ).toEqual({
      ok: false,
      errors: { teamPeople: "Enter the number of people or select 'I don't know', not both" },
    });
    expect(validatePage(team, { teamPeople: " ", teamHoursPerWeek: "", ...access })).toEqual({
      ok: false,
      errors: {
        teamPeople: "Enter how many people help run your channels, or select 'I don't know'",
        teamHoursPerWeek: "Enter how many hours a week they spend on it, or select 'I don't know'",
      },
    });
  });

  it("ignores a checkbox value that is not 'I don't know' and still checks the number", () => {
    expect(
      validatePage(team, { teamPeople: "two", teamPeopleUnknown: "yes", teamHoursPerWeek: "1", ...access }),
    ).toEqual({ ok: false, errors: { teamPeople: "Enter the number of people as a whole number, like 3" } });
  });

  it("compares people and hours only when both are numbers", () => {
    expect(validatePage(team, { teamPeople: "2", teamHoursPerWeek: "200", ...access })).toMatchObject({
      ok: false,
      errors: { teamHoursPerWeek: "That is more hours than that many people can work in a week: check both numbers" },
    });
    expect(validatePage(team, { teamPeople: "0", teamHoursPerWeek: "5", ...access })).toMatchObject({
      ok: false,
      errors: { teamHoursPerWeek: "Enter 0 hours, as nobody helps run your channels yet" },
    });
    for (const input of [
      { teamPeople: "", teamPeopleUnknown: "unknown", teamHoursPerWeek: "9000" },
      { teamPeople: "0", teamHoursPerWeek: "", teamHoursPerWeekUnknown: "unknown" },
      { teamPeople: "2", teamHoursPerWeek: "", teamHoursPerWeekUnknown: "unknown" },
    ]) {
      expect(validatePage(team, { ...input, ...access }).ok, JSON.stringify(input)).toBe(true);
    }
  });

  it("shows a stored 'I don't know' as the ticked box and an empty number", () => {
    expect(formInputFor(team, { teamPeople: "unknown", teamHoursPerWeek: 7 })).toMatchObject({
      teamPeople: "",
      teamPeopleUnknown: "unknown",
      teamHoursPerWeek: "7",
      teamHoursPerWeekUnknown: undefined,
    });
  });
});

describe("longer cover hours", () => {
  it("asks about days and times only when cover is longer than office hours", () => {
    expect(pageIds({ coverHours: "business-hours" })).not.toContain("extended-cover");
    expect(pageIds({ coverHours: "extended-hours" })).toContain("extended-cover");
    expect(pageIds({ coverHours: "extended-hours" }).indexOf("extended-cover")).toBe(
      pageIds({ coverHours: "extended-hours" }).indexOf("cover") + 1,
    );
  });

  const cover = page("extended-cover", { coverHours: "extended-hours" });

  it.each([
    ["8", "17", "08:00", "17:00"],
    ["8:00", "20:00", "08:00", "20:00"],
    ["08:00", "8pm", "08:00", "20:00"],
    ["8am", "8.30pm", "08:00", "20:30"],
    ["7.30 a.m.", "midnight", "07:30", "24:00"],
    ["0:00", "24:00", "00:00", "24:00"],
    ["12am", "12pm", "00:00", "12:00"],
    ["0630", "2215", "06:30", "22:15"],
  ])("reads %s to %s as %s to %s", (from, to, storedFrom, storedTo) => {
    expect(validatePage(cover, { coverDays: "weekdays", coverFrom: from, coverTo: to })).toEqual({
      ok: true,
      values: { coverDays: "weekdays", coverFrom: storedFrom, coverTo: storedTo },
    });
  });

  it("takes no times at all, as hours may change from day to day", () => {
    expect(validatePage(cover, { coverDays: "every-day", coverFrom: " ", coverTo: "" })).toEqual({
      ok: true,
      values: { coverDays: "every-day" },
    });
  });

  it.each([
    [{ coverFrom: "8" }, { coverTo: "Enter the time your cover ends, or leave both times blank" }],
    [{ coverTo: "17:00" }, { coverFrom: "Enter the time your cover starts, or leave both times blank" }],
    [
      { coverFrom: "20:00", coverTo: "8am" },
      { coverTo: "Enter an end time after the start time. If your cover runs to midnight, enter 24:00" },
    ],
    [
      { coverFrom: "9", coverTo: "9:00" },
      { coverTo: "Enter an end time after the start time. If your cover runs to midnight, enter 24:00" },
    ],
    [
      { coverFrom: "24:00", coverTo: "24:00" },
      { coverFrom: "Enter the start time as a time of day, like 7:30, 07:30 or 7.30am" },
    ],
    [
      { coverFrom: "8", coverTo: "25:00" },
      { coverTo: "Enter the end time as a time of day, like 20:00, 20:30 or 8.30pm" },
    ],
    [
      { coverFrom: "13pm", coverTo: "half five" },
      {
        coverFrom: "Enter the start time as a time of day, like 7:30, 07:30 or 7.30am",
        coverTo: "Enter the end time as a time of day, like 20:00, 20:30 or 8.30pm",
      },
    ],
    [
      { coverFrom: "830", coverTo: "5pm" },
      { coverFrom: "Enter the start time as a time of day, like 7:30, 07:30 or 7.30am" },
    ],
  ])("refuses %j", (times, errors) => {
    expect(validatePage(cover, { coverDays: "weekdays", ...times })).toEqual({ ok: false, errors });
  });

  it("requires the days", () => {
    expect(validatePage(cover, {})).toEqual({ ok: false, errors: { coverDays: "Select which days you cover" } });
  });

  it("clears the days and times when cover changes away from longer hours", () => {
    const stored = { coverHours: "extended-hours", coverDays: "weekdays", coverFrom: "08:00", coverTo: "20:00" };
    const values = { coverHours: "business-hours", outOfHoursProtocol: "no" };
    expect(planSave(page("cover", stored), values, stored, fixedId).clear).toEqual([
      "coverDays",
      "coverFrom",
      "coverTo",
    ]);
    expect(planSave(page("cover", stored), { ...values, coverHours: "extended-hours" }, stored, fixedId).clear).toEqual(
      [],
    );
  });
});

describe("demand: share of questions and peaks", () => {
  it("asks the share of questions whatever the volume answer, after the volume pages", () => {
    for (const volumeKnowledge of ["known", "not-sure", undefined]) {
      const ids = pageIds({ volumeKnowledge });
      expect(ids.indexOf("question-share")).toBe(
        ids.indexOf(volumeKnowledge === "not-sure" ? "volume-estimate" : "volume") + 1,
      );
    }
  });

  it("asks how much busier only when a kind of peak is chosen", () => {
    expect(pageIds({ peaks: ["none"] })).not.toContain("peak-size");
    expect(pageIds({ peaks: ["unknown"] })).not.toContain("peak-size");
    expect(pageIds({ peaks: ["seasonal", "incidents"] })).toContain("peak-size");
  });

  it("keeps 'None' and 'I don't know' apart from the kinds of peak", () => {
    expect(validatePage(page("peaks"), { peaks: ["deadlines", "none"] })).toEqual({
      ok: false,
      errors: { peaks: "Select 'None' or 'I don't know' on its own, or select when questions rise sharply" },
    });
    expect(validatePage(page("peaks"), { peaks: "incidents" })).toEqual({ ok: true, values: { peaks: ["incidents"] } });
  });

  it("clears how much busier once no kind of peak is chosen", () => {
    const stored = { peaks: ["seasonal"], peakSize: "double" };
    expect(planSave(page("peaks", stored), { peaks: ["none"] }, stored, fixedId).clear).toEqual(["peakSize"]);
    expect(planSave(page("peaks", stored), { peaks: ["unknown"] }, stored, fixedId).clear).toEqual(["peakSize"]);
    expect(planSave(page("peaks", stored), { peaks: ["deadlines"] }, stored, fixedId).clear).toEqual([]);
  });

  it("offers the same working day between 4 hours and 1 working day", () => {
    const input = formInputFor(page("response-times"), {});
    expect(Object.keys(input)).toEqual(["targetResponse", "actualResponse"]);
    expect(validatePage(page("response-times"), { targetResponse: "same-day", actualResponse: "same-day" }).ok).toBe(
      true,
    );
  });
});

describe("approvals", () => {
  it("asks how long approval takes only for an agreed approval step", () => {
    expect(pageIds({ approvalNeed: "sensitive-only" })).toContain("approval-time");
    expect(pageIds({ approvalNeed: "most-replies" })).toContain("approval-time");
    expect(pageIds({ approvalNeed: "none" })).not.toContain("approval-time");
    expect(pageIds({ approvalNeed: "not-defined" })).not.toContain("approval-time");
  });

  it("clears the approval time when there is no agreed approval step", () => {
    const stored = { approvalNeed: "most-replies", approvalTime: "same-day" };
    for (const approvalNeed of ["none", "not-defined"]) {
      expect(planSave(page("approvals", stored), { approvalNeed }, stored, fixedId).clear).toEqual(["approvalTime"]);
    }
    expect(planSave(page("approvals", stored), { approvalNeed: "sensitive-only" }, stored, fixedId).clear).toEqual([]);
  });
});

describe("abuse", () => {
  it("is asked on the staff support page, and is required", () => {
    const staff = page("staff-support");
    expect(staff.questions.map((question) => question.id)).toEqual(["abuseFrequency", "staffSupport", "training"]);
    expect(validatePage(staff, { staffSupport: ["none"], training: "none" })).toEqual({
      ok: false,
      errors: { abuseFrequency: "Select how often the people running your channels receive abuse or threats" },
    });
  });
});
