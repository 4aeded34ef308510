/**
 * A re-assessment in the Word document: what changed since the client's last assessment and,
 * with three or more assessments, the trend as a picture followed by the same figures as a
 * table. It mirrors the PDF's section (`pdf/reassessment-section.tsx`) part for part, in the same
 * words (`reassessment/comparison-wording.ts`), so the page, the PDF and this never differ.
 *
 * Word has no tag: a change is its words in a table cell, bold and in the tag's colour, as the
 * risks section sets a severity. The words carry the meaning; the colour only repeats it.
 */
import { TextRun } from "docx";
import type { Trend } from "../../../scoring/reassessment";
import {
  areaChangeTag,
  COMPARISON_HEADINGS,
  COMPARISON_TITLE,
  groupLists,
  groupNameText,
  levelChangeText,
  riskChangeTag,
  riskLists,
  scoreChangeTag,
  scoreText,
  severityLabel,
  STEP_STATUS_TAGS,
  stepCountsText,
  STEPS_INTRO,
  summaryRows,
  timeBetweenText,
  trendChartDescription,
  trendTable,
  verdictTag,
  type ChangeTag,
} from "../../reassessment/comparison-wording";
import type { ReportProgress } from "../../report/report-view";
import { longDate } from "../../report/report-wording";
import { trendChartPng } from "./chart-png.server";
import {
  afterTable,
  bullets,
  chartPicture,
  COLOURS,
  heading,
  labelled,
  panel,
  para,
  table,
  type Block,
  type CellLine,
  type Column,
} from "./docx-blocks.server";

/** The section's anchor name, as the report page names it; the contents link to it. */
export const PROGRESS_DOCX_SECTION = { id: "since-last-assessment", title: COMPARISON_TITLE } as const;

const TONE_COLOUR: Record<ChangeTag["tone"], string> = {
  up: COLOURS.brand,
  down: COLOURS.high,
  same: COLOURS.secondary,
};

function tagCell(tag: ChangeTag): CellLine[] {
  return [{ text: tag.label, bold: true, colour: TONE_COLOUR[tag.tone] }];
}

/** Measure, then and now, and the change: the columns of the PDF's then-and-now tables. */
function thenNowColumns(first: string): Column[] {
  return [
    { header: first, width: 34, bold: true },
    { header: "Then", width: 22 },
    { header: "Now", width: 22 },
    { header: "Change", width: 22 },
  ];
}

/**
 * The section's blocks: a Heading 1 outside the numbering (the caller puts it before section 1,
 * where the PDF has it), its parts as Heading 2 and 3, and its tables with header rows.
 */
export function reassessmentSection(progress: ReportProgress, bookmark: string): Block[] {
  const { comparison, trend } = progress;
  const { verdict, overall, risks, groups } = comparison;
  return [
    heading(1, COMPARISON_TITLE, { bookmark }),
    para(timeBetweenText(comparison), { style: "Lede" }),
    ...(comparison.method.note
      ? panel([[new TextRun({ text: "Before you compare", bold: true })], comparison.method.note])
      : []),

    heading(2, COMPARISON_HEADINGS.summary),
    ...panel([[new TextRun({ text: comparison.summary.headline, bold: true })]]),
    ...summaryRows(comparison).map((row) => labelled(row.label, row.value)),

    heading(2, COMPARISON_HEADINGS.verdict),
    table(thenNowColumns("Measure"), [
      ["Verdict", verdict.thenLabel, verdict.nowLabel, tagCell(verdictTag(verdict))],
      ["Overall readiness, out of 100", String(overall.then), String(overall.now), tagCell(scoreChangeTag(overall))],
    ]),
    afterTable(),

    heading(2, COMPARISON_HEADINGS.areas),
    table(
      thenNowColumns("Area"),
      comparison.areas.map((area) => [
        area.name,
        scoreText(area.then),
        scoreText(area.now),
        tagCell(areaChangeTag(area)),
      ]),
    ),
    afterTable(),

    heading(2, COMPARISON_HEADINGS.risks),
    ...riskLists(comparison).flatMap((list) => [
      heading(3, list.title),
      ...(list.risks.length > 0
        ? bullets(list.risks.map((risk) => `${risk.title} (${severityLabel(risk.severity).toLowerCase()})`))
        : [para(list.empty)]),
    ]),
    ...(risks.continuing.length > 0
      ? [
          heading(3, "Risks found both times"),
          table(
            [
              { header: "Risk", width: 40, bold: true },
              { header: "Then", width: 18 },
              { header: "Now", width: 18 },
              { header: "Change", width: 24 },
            ],
            risks.continuing.map((risk) => [
              risk.title,
              severityLabel(risk.severityThen),
              severityLabel(risk.severityNow),
              tagCell(riskChangeTag(risk)),
            ]),
          ),
          afterTable(),
        ]
      : []),

    heading(2, COMPARISON_HEADINGS.groups),
    ...(groups.matched.length > 0
      ? [
          table(
            [
              { header: "Group", width: 25, bold: true },
              { header: "Today", width: 25 },
              { header: "Wanted", width: 25 },
              { header: "Can keep up", width: 25 },
            ],
            groups.matched.map((group) => [
              groupNameText(group),
              levelChangeText(group.current),
              levelChangeText(group.desired),
              levelChangeText(group.sustainable),
            ]),
          ),
          afterTable(),
        ]
      : []),
    ...groupLists(comparison).flatMap((list) => [para(list.intro, { keepNext: true }), ...bullets(list.groups)]),

    heading(2, COMPARISON_HEADINGS.steps),
    para(STEPS_INTRO),
    para(stepCountsText(comparison)),
    para(`The plan of ${longDate(comparison.earlier.assessedOn)}, step by step:`, { style: "Small", keepNext: true }),
    table(
      [
        { header: "Step", width: 34, bold: true },
        { header: "Who", width: 20 },
        { header: "Status", width: 16 },
        { header: "Why", width: 30 },
      ],
      comparison.steps.map((step) => [step.action, step.owner, tagCell(STEP_STATUS_TAGS[step.status]), step.reason]),
    ),
    afterTable(),

    ...(trend ? trendBlocks(trend) : []),
  ];
}

/** The trend: the chart as a picture whose alternative text gives every point, then its table. */
function trendBlocks(trend: Trend): Block[] {
  const chart = trendChartPng(trend);
  const data = trendTable(trend);
  // The dates as headers: wide enough for "16 November 2026" on one line at three assessments.
  const valueWidth = data.columns.length > 0 ? 69 / data.columns.length : 69;
  return [
    heading(2, COMPARISON_HEADINGS.trend),
    ...(trend.methodNote ? [para(trend.methodNote, { style: "Small" })] : []),
    chartPicture(chart, COMPARISON_HEADINGS.trend, trendChartDescription(trend)),
    table(
      [
        { header: "Score", width: 31, bold: true },
        ...data.columns.map((header): Column => ({ header, width: valueWidth, align: "right" })),
      ],
      data.rows.map((row) => [row.name, ...row.values]),
    ),
    afterTable(),
  ];
}
