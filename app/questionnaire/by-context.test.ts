import { describe, expect, it } from "vitest";
import { byContext, type PageContext } from "./section-types";
import { pageContext, SECTIONS } from "./questionnaire";
import { storedAnswersFrom } from "./stored-answers";
import { EXAMPLE_ORGANISATIONS } from "../../test/fixtures/example-organisations";

const ctx = (groups: string[], purposes: string[] = []): PageContext => ({
  groups: groups.map((name) => ({ id: name.toLowerCase(), name, phrase: name.toLowerCase() })),
  switches: { purposes },
});

describe("byContext", () => {
  it("builds once for each context's content, and again for different content", () => {
    let builds = 0;
    const pages = byContext((context) => {
      builds += 1;
      return context.groups.map((group) => group.name);
    });
    const first = pages(ctx(["Residents"]));
    expect(pages(ctx(["Residents"]))).toBe(first);
    expect(builds).toBe(1);
    expect(pages(ctx(["Residents", "Businesses"]))).toEqual(["Residents", "Businesses"]);
    expect(pages(ctx(["Residents"], ["share"]))).not.toBe(first);
    expect(builds).toBe(3);
  });

  it("keeps only the most recent contexts", () => {
    let builds = 0;
    const pages = byContext(() => {
      builds += 1;
      return [builds];
    }, 2);
    const one = pages(ctx(["One"]));
    pages(ctx(["Two"]));
    pages(ctx(["Three"]));
    expect(pages(ctx(["One"]))).not.toBe(one);
    expect(builds).toBe(4);
  });

  it("reuses each section's pages for a new context read from the same answers", () => {
    for (const example of EXAMPLE_ORGANISATIONS) {
      const answers = storedAnswersFrom(example.answers);
      for (const section of SECTIONS) {
        expect(section.pages(pageContext(answers))).toBe(section.pages(pageContext(answers)));
      }
    }
  });
});
