import { describe, expect, it } from "vitest";
import { pageInput, readForm } from "./form-data.server";
import { teamPeople } from "./questionnaire/sections/capacity";
import { orgName, orgType, channels } from "./questionnaire/sections/organisation";

function post(body: string | Uint8Array<ArrayBuffer>, type = "application/x-www-form-urlencoded") {
  return new Request("http://test/", { method: "POST", body, headers: { "content-type": type } });
}

describe("readForm", () => {
  it("reads names and values, including repeats, spaces and UTF-8", async () => {
    const result = await readForm(post("a=1&b=x+y&b=2&name=M%C3%A9tis%20%26%20T%C4%81maki&empty="));
    expect(result).toEqual({
      ok: true,
      fields: new Map([
        ["a", ["1"]],
        ["b", ["x y", "2"]],
        ["name", ["Métis & Tāmaki"]],
        ["empty", [""]],
      ]),
    });
  });

  it("reads a charset parameter on the content type", async () => {
    const result = await readForm(post("a=1", "application/x-www-form-urlencoded;charset=UTF-8"));
    expect(result.ok).toBe(true);
  });

  it.each([
    ["a=%E0%A4%A", "a broken percent escape"],
    ["a=%FF%FE", "bytes that are not UTF-8"],
  ])("rejects %s (%s) with 400", async (body) => {
    const result = await readForm(post(body));
    expect(result).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects raw bytes that are not UTF-8 with 400", async () => {
    const result = await readForm(post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe])));
    expect(result).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects other formats with 415", async () => {
    const result = await readForm(post('{"a":1}', "application/json"));
    expect(result).toMatchObject({ ok: false, status: 415 });
  });

  it("stops reading a body over the limit and answers 413", async () => {
    const result = await readForm(post(`a=${"x".repeat(2000)}`), 1000);
    expect(result).toMatchObject({ ok: false, status: 413 });
  });
});

describe("pageInput", () => {
  const questions = [orgName, orgType, channels];

  it("keeps single answers as text and choice lists as lists", () => {
    const fields = new Map([
      ["orgName", ["Riverside"]],
      ["channels", ["facebook", "x"]],
    ]);
    expect(pageInput(fields, questions)).toEqual({
      input: { orgName: "Riverside", channels: ["facebook", "x"] },
      problems: [],
    });
  });

  it("reports answers to questions that are not on the page", () => {
    const { problems } = pageInput(new Map([["isAdmin", ["true"]]]), questions);
    expect(problems).toEqual([
      "The form included an answer to a question that is not on this page. Check your answers and try again.",
    ]);
  });

  it("reports a single answer sent twice", () => {
    const { problems } = pageInput(new Map([["orgName", ["A", "B"]]]), questions);
    expect(problems).toEqual(['The answer to "Organisation name" was sent more than once. Check it and try again.']);
  });

  it("takes a number question's 'I don't know' checkbox as a field of its own, once", () => {
    const fields = new Map([
      ["teamPeople", [""]],
      ["teamPeopleUnknown", ["unknown"]],
    ]);
    expect(pageInput(fields, [teamPeople])).toEqual({
      input: { teamPeople: "", teamPeopleUnknown: "unknown" },
      problems: [],
    });
    expect(pageInput(new Map([["teamPeopleUnknown", ["unknown", "unknown"]]]), [teamPeople]).problems).toEqual([
      'The answer to "People who help" was sent more than once. Check it and try again.',
    ]);
    expect(pageInput(new Map([["orgNameUnknown", ["unknown"]]]), questions).problems).toHaveLength(1);
  });
});
