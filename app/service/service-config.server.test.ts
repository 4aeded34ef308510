import { describe, expect, it } from "vitest";
import { DEFAULT_EMPTY_ASSESSMENT_DAYS, readServiceConfig, ServiceConfigError } from "./service-config.server";

describe("readServiceConfig", () => {
  it("has no contact details and the default retention when nothing is set", () => {
    expect(readServiceConfig({})).toEqual({
      supportEmail: undefined,
      supportContactText: undefined,
      emptyAssessmentDays: DEFAULT_EMPTY_ASSESSMENT_DAYS,
    });
    expect(DEFAULT_EMPTY_ASSESSMENT_DAYS).toBe(30);
  });

  it("treats blank settings as unset", () => {
    expect(readServiceConfig({ SUPPORT_EMAIL: "  ", SUPPORT_CONTACT_TEXT: "", EMPTY_ASSESSMENT_DAYS: " " })).toEqual({
      supportEmail: undefined,
      supportContactText: undefined,
      emptyAssessmentDays: 30,
    });
  });

  it("reads an email address, the operator's words and a number of days", () => {
    expect(
      readServiceConfig({
        SUPPORT_EMAIL: " digital@council.example.org ",
        SUPPORT_CONTACT_TEXT: "Call 0300 123 4567,\n  Monday to Friday, 9am to 5pm.",
        EMPTY_ASSESSMENT_DAYS: "7",
      }),
    ).toEqual({
      supportEmail: "digital@council.example.org",
      supportContactText: "Call 0300 123 4567, Monday to Friday, 9am to 5pm.",
      emptyAssessmentDays: 7,
    });
  });

  it.each([
    ["not an address", "help"],
    ["two addresses", "a@example.org, b@example.org"],
    ["a mailto link", "mailto:a@example.org"],
    ["markup", "<a@example.org>"],
  ])("stops the start with a message naming SUPPORT_EMAIL for %s", (_label, value) => {
    expect(() => readServiceConfig({ SUPPORT_EMAIL: value })).toThrow(ServiceConfigError);
    expect(() => readServiceConfig({ SUPPORT_EMAIL: value })).toThrow(/^SUPPORT_EMAIL must be an email address/);
  });

  it("refuses contact text over 500 characters", () => {
    expect(() => readServiceConfig({ SUPPORT_CONTACT_TEXT: "x".repeat(501) })).toThrow(/SUPPORT_CONTACT_TEXT/);
    expect(readServiceConfig({ SUPPORT_CONTACT_TEXT: "x".repeat(500) }).supportContactText).toHaveLength(500);
  });

  it.each(["0", "-1", "1.5", "thirty", "1e3", "99999"])(
    "stops the start with a message naming EMPTY_ASSESSMENT_DAYS for %s",
    (value) => {
      expect(() => readServiceConfig({ EMPTY_ASSESSMENT_DAYS: value })).toThrow(/^EMPTY_ASSESSMENT_DAYS must be/);
    },
  );
});
