/**
 * The re-assessment in the PDF: what changed since the last assessment and, with three or more
 * assessments, the trend as a chart (a tagged figure with alternate text) followed by the same
 * figures as a table. Built from the same blocks, headings and words as the rest of the report
 * (`pdf-blocks.tsx`, `reassessment/comparison-wording.ts`), so it reads like one of its sections
 * and the comparison page says exactly the same.
 *
 * It takes plain data that is already safe to typeset: pass the comparison and trend through
 * `pdfSafeData` first, as `renderReportPdf` does for the report view.
 */
import { Circle, G, Line, Polyline, Text } from "@react-pdf/renderer";
import { Fragment, type ReactElement } from "react";
import type { ReassessmentComparison, Trend } from "../../scoring/reassessment";
import { longDate } from "../report/report-wording";
import {
  areaChangeTag,
  COMPARISON_HEADINGS,
  COMPARISON_TITLE,
  groupNameText,
  groupLists,
  levelChangeText,
  monthYear,
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
} from "../reassessment/comparison-wording";
import { trendGeometry } from "../reassessment/trend-geometry";
import {
  Bullets,
  Heading2,
  Heading3,
  Panel,
  Paragraph,
  SectionOpening,
  SummaryTable,
  Table,
  Tag,
  type Column,
  type TagTone,
} from "./pdf-blocks";
import { BODY_FONT, COLOURS, styles, TYPE } from "./pdf-theme";
import { ChartFigure } from "./readiness-chart";

const TONE: Record<ChangeTag["tone"], TagTone> = { up: "brand", down: "high", same: "low" };

function ChangeTagCell({ tag }: { tag: ChangeTag }) {
  return <Tag tone={TONE[tag.tone]}>{tag.label}</Tag>;
}

export type ReassessmentSectionProps = {
  comparison: ReassessmentComparison;
  /** The trend across every assessment, when there are three or more; null otherwise. */
  trend: Trend | null;
  /**
   * The section's number in the document, as the contents page gives it; or the words shown in
   * its place when the section stands outside the numbering (before section 1).
   */
  number: number | string;
  title?: string;
  /** The page tracker's marker for this section (`createPageTracker`). */
  marker: ReactElement;
  /** The width of the page's text block, in points, for the trend chart. */
  chartWidth: number;
};

type ThenNow = { measure: string; then: string; now: string; tag: ChangeTag };

const THEN_NOW_COLUMNS: readonly Column<ThenNow>[] = [
  { header: "Measure", width: 34, cell: (row) => row.measure, bold: true, rowHeader: true },
  { header: "Then", width: 22, cell: (row) => row.then },
  { header: "Now", width: 22, cell: (row) => row.now },
  { header: "Change", width: 22, cell: (row) => <ChangeTagCell tag={row.tag} /> },
];

export function ReassessmentSection({
  comparison,
  trend,
  number,
  title = COMPARISON_TITLE,
  marker,
  chartWidth,
}: ReassessmentSectionProps) {
  const { verdict, overall, risks, groups } = comparison;
  return (
    <>
      <SectionOpening number={number} title={title} lede={timeBetweenText(comparison)} marker={marker} />
      {comparison.method.note ? (
        <Panel>
          <Text style={[styles.strong, { marginBottom: 2 }]}>Before you compare</Text>
          <Text>{comparison.method.note}</Text>
        </Panel>
      ) : null}

      <Heading2 bookmark>{COMPARISON_HEADINGS.summary}</Heading2>
      <Panel accent>
        <Text style={{ fontSize: TYPE.lead, lineHeight: 1.4, fontWeight: 600 }}>{comparison.summary.headline}</Text>
      </Panel>
      <SummaryTable rows={summaryRows(comparison)} />

      <Heading2 bookmark>{COMPARISON_HEADINGS.verdict}</Heading2>
      <Table
        columns={THEN_NOW_COLUMNS}
        rows={[
          { measure: "Verdict", then: verdict.thenLabel, now: verdict.nowLabel, tag: verdictTag(verdict) },
          {
            measure: "Overall readiness, out of 100",
            then: String(overall.then),
            now: String(overall.now),
            tag: scoreChangeTag(overall),
          },
        ]}
      />

      <Heading2 bookmark>{COMPARISON_HEADINGS.areas}</Heading2>
      <Table
        columns={[{ ...THEN_NOW_COLUMNS[0], header: "Area" } as Column<ThenNow>, ...THEN_NOW_COLUMNS.slice(1)]}
        rows={comparison.areas.map((area) => ({
          measure: area.name,
          then: scoreText(area.then),
          now: scoreText(area.now),
          tag: areaChangeTag(area),
        }))}
      />

      <Heading2 bookmark>{COMPARISON_HEADINGS.risks}</Heading2>
      {riskLists(comparison).map((list) => (
        <Fragment key={list.id}>
          <Heading3>{list.title}</Heading3>
          {list.risks.length > 0 ? (
            <Bullets
              items={list.risks.map((risk) => `${risk.title} (${severityLabel(risk.severity).toLowerCase()})`)}
            />
          ) : (
            <Paragraph>{list.empty}</Paragraph>
          )}
        </Fragment>
      ))}
      {risks.continuing.length > 0 ? (
        <>
          <Heading3>Risks found both times</Heading3>
          <Table
            columns={[
              { header: "Risk", width: 40, cell: (risk) => risk.title, bold: true, rowHeader: true },
              { header: "Then", width: 18, cell: (risk) => severityLabel(risk.severityThen) },
              { header: "Now", width: 18, cell: (risk) => severityLabel(risk.severityNow) },
              { header: "Change", width: 24, cell: (risk) => <ChangeTagCell tag={riskChangeTag(risk)} /> },
            ]}
            rows={risks.continuing}
          />
        </>
      ) : null}

      <Heading2 bookmark>{COMPARISON_HEADINGS.groups}</Heading2>
      {groups.matched.length > 0 ? (
        <Table
          columns={[
            { header: "Group", width: 25, cell: (group) => groupNameText(group), bold: true, rowHeader: true },
            { header: "Today", width: 25, cell: (group) => levelChangeText(group.current) },
            { header: "Wanted", width: 25, cell: (group) => levelChangeText(group.desired) },
            { header: "Can keep up", width: 25, cell: (group) => levelChangeText(group.sustainable) },
          ]}
          rows={groups.matched}
        />
      ) : null}
      {groupLists(comparison).map((list) => (
        <Fragment key={list.id}>
          <Paragraph>{list.intro}</Paragraph>
          <Bullets items={list.groups} />
        </Fragment>
      ))}

      <Heading2 bookmark>{COMPARISON_HEADINGS.steps}</Heading2>
      <Paragraph>{STEPS_INTRO}</Paragraph>
      <Paragraph>{stepCountsText(comparison)}</Paragraph>
      <Paragraph muted>The plan of {longDate(comparison.earlier.assessedOn)}, step by step:</Paragraph>
      <Table
        columns={[
          { header: "Step", width: 34, cell: (step) => step.action, bold: true, rowHeader: true },
          { header: "Who", width: 20, cell: (step) => step.owner },
          { header: "Status", width: 16, cell: (step) => <ChangeTagCell tag={STEP_STATUS_TAGS[step.status]} /> },
          { header: "Why", width: 30, cell: (step) => step.reason },
        ]}
        rows={comparison.steps}
      />

      {trend ? <TrendSection trend={trend} chartWidth={chartWidth} /> : null}
    </>
  );
}

function TrendSection({ trend, chartWidth }: { trend: Trend; chartWidth: number }) {
  const table = trendTable(trend);
  const valueWidth = table.columns.length > 0 ? 64 / table.columns.length : 64;
  return (
    <>
      <Heading2 bookmark>{COMPARISON_HEADINGS.trend}</Heading2>
      {trend.methodNote ? <Paragraph muted>{trend.methodNote}</Paragraph> : null}
      <TrendChart trend={trend} width={chartWidth} />
      <Table
        columns={[
          { header: "Score", width: 36, cell: (row) => row.name, bold: true, rowHeader: true },
          ...table.columns.map((header, index): Column<(typeof table.rows)[number]> => ({
            header,
            width: valueWidth,
            align: "right",
            cell: (row) => row.values[index] ?? "",
          })),
        ]}
        rows={table.rows}
      />
    </>
  );
}

/** The trend chart: a tagged figure whose alternate text gives every point. */
export function TrendChart({ trend, width }: { trend: Trend; width: number }) {
  const geometry = trendGeometry(
    trend.points.map((point) => ({ id: point.assessedOn, label: monthYear(point.assessedOn), value: point.overall })),
    { width, height: 180, scaleWidth: 28, axisHeight: 20, topPadding: 16, sidePadding: 30 },
  );
  const text = { fontFamily: BODY_FONT, fontSize: TYPE.min };
  return (
    <ChartFigure width={geometry.width} height={geometry.height} alt={trendChartDescription(trend)} marginBottom={10}>
      {geometry.ticks.map((tick) => (
        <G key={tick.value}>
          <Line
            x1={geometry.plotLeft}
            y1={tick.y}
            x2={geometry.plotRight}
            y2={tick.y}
            stroke={COLOURS.rule}
            strokeWidth={0.6}
          />
          <Text x={geometry.plotLeft - 6} y={tick.y + 3} textAnchor="end" fill={COLOURS.secondary} style={text}>
            {String(tick.value)}
          </Text>
        </G>
      ))}
      <Polyline points={geometry.line} stroke={COLOURS.brand} strokeWidth={2} fill="none" />
      {geometry.points.map((point, index) => (
        <G key={`${point.id}-${index}`}>
          <Circle cx={point.x} cy={point.y} r={3.5} fill={COLOURS.brand} />
          <Text
            x={point.x}
            y={point.labelY}
            textAnchor="middle"
            fill={COLOURS.text}
            style={{ ...text, fontWeight: 700 }}
          >
            {String(point.value)}
          </Text>
          <Text x={point.x} y={geometry.axisY + 13} textAnchor="middle" fill={COLOURS.secondary} style={text}>
            {point.label}
          </Text>
        </G>
      ))}
    </ChartFigure>
  );
}
