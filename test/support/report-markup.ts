/**
 * The report page's body as a reader meets it: `ReportBody` rendered to static HTML, its headings
 * in order and its text with the markup taken out. Shared by the report view's tests and the PDF
 * tests, which compare the two.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportBody } from "../../app/components/report/report-body";
import type { ReportView } from "../../app/report/report-view";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", nbsp: " " };

function decode(html: string): string {
  return html.replace(/&(#?[a-z0-9]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** Text with the tags removed, entities decoded and white space collapsed. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .replace(/ ([.,:;])/g, "$1")
    .trim();
}

export type PageHeading = { level: 2 | 3 | 4; title: string };

export type RenderedReportPage = {
  html: string;
  /** Section titles (h2) and the shared sub-headings (h3 and h4 marked `app-subheading`), in order. */
  headings: PageHeading[];
  /** Every word of the body. */
  text: string;
  /** The words of every section before "How this was scored". */
  bodyText: string;
  /** The words of "How this was scored". */
  methodText: string;
};

export function renderReportPage(view: ReportView): RenderedReportPage {
  const html = renderToStaticMarkup(createElement(ReportBody, { view }));
  const headings: PageHeading[] = [];
  for (const match of html.matchAll(/<h([234])([^>]*)>([\s\S]*?)<\/h\1>/g)) {
    const level = Number(match[1]) as 2 | 3 | 4;
    const attributes = match[2] ?? "";
    if (level === 2 || /\bapp-subheading\b/.test(attributes)) headings.push({ level, title: textOf(match[3] ?? "") });
  }
  const methodStart = html.search(/<h2[^>]*id="method"/);
  if (methodStart < 0) throw new Error("The report page has no method section.");
  return {
    html,
    headings,
    text: textOf(html),
    bodyText: textOf(html.slice(0, methodStart)),
    methodText: textOf(html.slice(methodStart)),
  };
}
