import { describe, expect, it } from "vitest";
import { findPage } from "../pages";
import { pageContext } from "../questionnaire";
import { collectPages } from "../section-types";
import { validatePage } from "../validate";
import { OrganisationSchema, organisationSection } from "./organisation";

function page(id: string) {
  const found = findPage(organisationSection.pages(pageContext({})), id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
}

describe("organisation name", () => {
  it.each([
    [{}, "Enter your organisation's name"],
    [{ orgName: "" }, "Enter your organisation's name"],
    [{ orgName: "   " }, "Enter your organisation's name"],
    [{ orgName: "x".repeat(151) }, "Organisation name must be 150 characters or fewer"],
    [{ orgName: "Bad\u0000name" }, "Organisation name contains hidden control characters: remove them"],
    [{ orgName: ["a", "b"] }, "Enter your organisation's name"],
  ])("rejects %j with %j", (input, message) => {
    expect(validatePage(page("name"), input as never)).toEqual({ ok: false, errors: { orgName: message } });
  });

  it("trims spaces and keeps markup and accents as typed", () => {
    expect(validatePage(page("name"), { orgName: "  <b>Municipalité de Lévis</b> " })).toEqual({
      ok: true,
      values: { orgName: "<b>Municipalité de Lévis</b>" },
    });
  });

  it("accepts exactly 150 characters", () => {
    expect(validatePage(page("name"), { orgName: "x".repeat(150) }).ok).toBe(true);
  });
});

describe("organisation type with a follow-up", () => {
  it("requires a choice from the list", () => {
    expect(validatePage(page("type"), {})).toEqual({
      ok: false,
      errors: { orgType: "Select the type of organisation" },
    });
    expect(validatePage(page("type"), { orgType: "kingdom" })).toEqual({
      ok: false,
      errors: { orgType: "Select the type of organisation" },
    });
  });

  it("requires the description when 'Something else' is chosen", () => {
    expect(validatePage(page("type"), { orgType: "other", orgTypeOther: "" })).toEqual({
      ok: false,
      errors: { orgTypeOther: "Describe what type of organisation it is" },
    });
    expect(validatePage(page("type"), { orgType: "other", orgTypeOther: "Water board" })).toEqual({
      ok: true,
      values: { orgType: "other", orgTypeOther: "Water board" },
    });
  });

  it("drops a stale description when another type is chosen", () => {
    expect(validatePage(page("type"), { orgType: "council", orgTypeOther: "Water board" })).toEqual({
      ok: true,
      values: { orgType: "council" },
    });
  });
});

describe("organisation size", () => {
  it.each([
    ["45000", 45000],
    ["45,000", 45000],
    [" 45 000 ", 45000],
    ["1", 1],
  ])("reads %j as %d", (typed, expected) => {
    const result = validatePage(page("size"), { population: typed, staffCount: "10" });
    expect(result).toEqual({ ok: true, values: { population: expected, staffCount: 10 } });
  });

  it.each([
    ["", "Enter about how many people your organisation serves"],
    ["lots", "Enter the number of people served as a whole number, like 45000"],
    ["4.5", "Enter the number of people served as a whole number, like 45000"],
    ["-3", "Enter the number of people served as a whole number, like 45000"],
    ["0", "The number of people served must be 1 or more"],
    ["3000000000", "The number of people served must be 2,000,000,000 or fewer"],
  ])("rejects people served %j", (typed, message) => {
    const result = validatePage(page("size"), { population: typed, staffCount: "10" });
    expect(result).toEqual({ ok: false, errors: { population: message } });
  });

  it("reports every problem on the page at once", () => {
    expect(validatePage(page("size"), {})).toEqual({
      ok: false,
      errors: {
        population: "Enter about how many people your organisation serves",
        staffCount: "Enter about how many staff your organisation employs",
      },
    });
  });
});

describe("channels", () => {
  it("accepts one or several channels", () => {
    expect(validatePage(page("channels"), { channels: "facebook" })).toEqual({
      ok: true,
      values: { channels: ["facebook"] },
    });
    expect(validatePage(page("channels"), { channels: ["facebook", "youtube"] })).toEqual({
      ok: true,
      values: { channels: ["facebook", "youtube"] },
    });
  });

  it("takes 'I don't know' on its own", () => {
    expect(validatePage(page("channels"), { channels: ["unknown"] })).toEqual({
      ok: true,
      values: { channels: ["unknown"] },
    });
  });

  const required = "Select the channels your organisation uses, or select 'None yet' or 'I don't know'";
  const exclusive = "Select 'None yet' or 'I don't know' on its own, or select the channels you use";
  it.each([
    [{}, required],
    [{ channels: [] }, required],
    [{ channels: ["myspace"] }, required],
    [{ channels: ["facebook", "facebook"] }, required],
    [{ channels: ["facebook", "none"] }, exclusive],
    [{ channels: ["facebook", "unknown"] }, exclusive],
    [{ channels: ["none", "unknown"] }, exclusive],
  ])("rejects %j", (input, message) => {
    expect(validatePage(page("channels"), input)).toEqual({ ok: false, errors: { channels: message } });
  });

  it("requires the other channels when 'Other channels' is ticked, and keeps them", () => {
    expect(validatePage(page("channels"), { channels: ["other"] })).toEqual({
      ok: false,
      errors: { channelsOther: "Enter the other channels you use" },
    });
    expect(validatePage(page("channels"), { channels: ["other"], channelsOther: "Snapchat" })).toEqual({
      ok: true,
      values: { channels: ["other"], channelsOther: "Snapchat" },
    });
  });
});

describe("the whole section", () => {
  const stored = {
    orgName: "Riverside District Council",
    orgType: "council",
    population: 45000,
    staffCount: 350,
    channels: ["facebook", "other"],
    channelsOther: "Snapchat",
    emergencyServices: ["emergency-management"],
    contentiousTopics: ["planning"],
  };

  it("validates stored answers, turned back into form values, to the typed answers", () => {
    const input = collectPages(organisationSection.pages(pageContext(stored)), stored);
    expect(OrganisationSchema.parse(input)).toEqual(stored);
  });

  it("fails while any required answer is missing", () => {
    const { staffCount: _omitted, ...partial } = stored;
    const input = collectPages(organisationSection.pages(pageContext(partial)), partial);
    const result = OrganisationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["staffCount"]);
  });
});
