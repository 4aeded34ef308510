import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { METROPOLITAN_COUNCIL, RURAL_COUNCIL } from "../../test/fixtures/example-organisations";
import { ruralCouncilReassessment, scoreOn } from "../../test/fixtures/reassessment-pairs";
import { compareReports } from "../../scoring/reassessment";
import { textOf } from "../../test/support/report-markup";
import { ComparisonView, type ComparisonViewProps } from "./comparison-view";

const { comparison, trend, earlier, later } = ruralCouncilReassessment();

function render(props: ComparisonViewProps): string {
  return renderToString(createElement(ComparisonView, props));
}

/** Each table's caption, column headers and row headers, with their text. */
function tables(html: string): { caption: string; columns: string[]; rows: string[]; body: string }[] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((match) => {
    const table = match[1] ?? "";
    return {
      caption: textOf(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? ""),
      columns: [...table.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1] ?? "")),
      rows: [...table.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1] ?? "")),
      body: textOf(table),
    };
  });
}

function tableCaptioned(html: string, caption: string) {
  const found = tables(html).find((table) => table.caption === caption);
  if (!found) throw new Error(`No table captioned "${caption}"`);
  return found;
}

describe("ComparisonView", () => {
  const html = render({ comparison, trend: null });
  const text = textOf(html);

  it("opens with the heading, the dates and the time between, and the summary for the council", () => {
    expect(html).toMatch(/<section class="app-report-section" aria-labelledby="reassessment">/);
    expect(html).toContain(
      '<h2 class="govuk-heading-l" id="reassessment">What has changed since the last assessment</h2>',
    );
    expect(text).toContain("Assessed on 16 April 2026 and again on 16 November 2026: 7 months apart (214 days).");
    expect(text).toContain(comparison.summary.headline);
    expect(text).toContain("What improved");
    expect(text).toContain("What to do next");
    const headings = [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((match) => textOf(match[1] ?? ""));
    expect(headings).toEqual([
      "In short",
      "Verdict and overall readiness",
      "Readiness by area",
      "Risks",
      "Stakeholder groups",
      "Steps from the last plan",
    ]);
  });

  it("gives every table a caption and scoped headers", () => {
    const all = tables(html);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const table of all) {
      expect(table.caption).not.toBe("");
      expect(table.columns.length).toBeGreaterThan(1);
      expect(table.rows.length).toBeGreaterThan(0);
    }
    // Every header cell is scoped: no <th> without scope.
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
    expect(html).toMatch(/<th scope="row"/);
  });

  it("shows each area then and now, with the change in words as well as colour", () => {
    const areas = tableCaptioned(html, "Score by area, out of 100, then and now");
    expect(areas.columns).toEqual(["Area", "Then", "Now", "Change"]);
    expect(areas.rows).toEqual(comparison.areas.map((area) => area.name));
    const safeguards = comparison.areas.find((area) => area.id === "safeguards");
    expect(areas.body).toContain(
      `House rules and safeguards ${safeguards?.then} ${safeguards?.now} Up ${safeguards?.change} points`,
    );
    expect(areas.body).toContain("Listening 40 40 No change");
    expect(html).toContain('<strong class="govuk-tag govuk-tag--green">Up ');
    const overall = tableCaptioned(html, "Verdict and overall readiness, then and now");
    expect(overall.body).toContain(`Overall readiness, out of 100 ${earlier.overall.score} ${later.overall.score} Up`);
    expect(overall.body).toContain(
      "Verdict not ready to open two-way channels not ready to open two-way channels No change",
    );
  });

  it("lists risks no longer found, new risks and risks found both times", () => {
    const resolved = tableCaptioned(html, "Risks no longer found");
    expect(resolved.rows).toContain("Hostile groups, and no house rules");
    expect(text).toContain("No new risk was found.");
    const continuing = tableCaptioned(html, "Risks found both times");
    expect(continuing.columns).toEqual(["Risk", "Then", "Now", "Change"]);
    expect(continuing.body).toContain("Inviting more questions than you can answer High risk Medium risk Less serious");
  });

  it("shows each group's levels then and now in words", () => {
    const groups = tableCaptioned(html, "How far you go with each group, then and now");
    expect(groups.columns).toEqual(["Group", "Today", "Wanted", "Can keep up"]);
    expect(groups.body).toContain(
      "Ridge landowners and farmers Up from Not engaged online to Inform Consult, no change",
    );
    expect(groups.body).toContain("Residents Inform, no change Involve, no change Inform, no change");
  });

  it("shows every step of the last plan with an honest status and why", () => {
    expect(text).toContain("This report cannot see whether a step was carried out.");
    const steps = tableCaptioned(html, "Steps from the plan of 16 April 2026");
    expect(steps.rows).toHaveLength(comparison.steps.length);
    expect(steps.body).toContain(
      "Publish house rules and set up moderation before opening conversations The person who runs your channels, with your legal adviser Done The risk it was for is no longer found.",
    );
    expect(steps.body).toContain("Partly done No longer needed for Ridge landowners and farmers");
    expect(text).toContain(
      `Of the ${comparison.steps.length} steps in the last plan: ${comparison.stepCounts.done} done,`,
    );
  });

  it("shows no trend with two assessments, and warns only when the methods differ", () => {
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("govuk-warning-text");
    const other = {
      ...comparison,
      method: { ...comparison.method, sameMethod: false, note: "Scored with 2.0.1 and 3.0.0." },
    };
    const warned = render({ comparison: other, trend: null });
    expect(textOf(warned)).toContain("Warning Scored with 2.0.1 and 3.0.0.");
  });
});

describe("groups in one report only", () => {
  it("lists groups new in this assessment and groups no longer in it, with their levels in words", () => {
    const other = compareReports(
      scoreOn(RURAL_COUNCIL.answers, "2026-01-12"),
      scoreOn(METROPOLITAN_COUNCIL.answers, "2026-11-16"),
    );
    const text = textOf(render({ comparison: other, trend: null }));
    expect(text).toContain(
      "Groups in the last assessment but not in this one: Ridge landowners and farmers: Not engaged online now, wants Consult, can keep up Inform.",
    );
    expect(text).toContain("Groups new in this assessment:");
    for (const group of other.groups.added) expect(text).toContain(`${group.name}:`);
    expect(text).toContain("Verdict not ready to open two-way channels ready to involve Moved up");
  });
});

describe("the trend", () => {
  const html = render({ comparison, trend });

  it("draws the chart as an image with a title and a description that give its figures", () => {
    const svg = /<svg[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/aria-labelledby="reassessment-trend-chart-title reassessment-trend-chart-desc"/);
    expect(svg).toContain('<title id="reassessment-trend-chart-title">Overall readiness at each assessment</title>');
    const description = textOf(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? "");
    expect(description).toContain("at each of 3 assessments over 7 months");
    for (const point of trend.points) expect(svg).toContain(`>${point.overall}</text>`);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain(">Apr 2026</text>");
  });

  it("gives the same figures in a visible table beneath the chart, oldest first", () => {
    const table = tableCaptioned(html, "Scores out of 100 at each assessment");
    expect(table.columns).toEqual(["Score", "16 April 2026", "3 August 2026", "16 November 2026"]);
    expect(table.rows[0]).toBe("Overall readiness");
    expect(table.rows).toHaveLength(10);
    expect(table.body).toContain(`Overall readiness ${trend.points.map((point) => point.overall).join(" ")}`);
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf("Scores out of 100 at each assessment"));
  });
});
