import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SECTIONS, timeToAnswer } from "./questionnaire";

describe("how long the questionnaire takes", () => {
  it("is the start page's estimate for the whole questionnaire", () => {
    expect(timeToAnswer()).toBe("about 20 to 30 minutes");
    // The start page says it in words of its own; the two must not drift apart.
    expect(readFileSync(new URL("../routes/_index.tsx", import.meta.url), "utf8")).toContain(
      "It takes 20 to 30 minutes.",
    );
  });

  it("is shorter for a workshop participant who answers only some sections", () => {
    expect(timeToAnswer(["capacity"])).toBe("about 5 to 8 minutes");
    expect(timeToAnswer(["stakeholders", "engagement-model", "capacity", "commitment"])).toBe("about 15 to 25 minutes");
  });

  it("counts every section, each with a sensible range", () => {
    for (const section of SECTIONS) {
      expect(section.minutes[0]).toBeGreaterThan(0);
      expect(section.minutes[1]).toBeGreaterThanOrEqual(section.minutes[0]);
    }
    expect(timeToAnswer(["not-a-section"])).toBe("a few minutes");
  });
});
