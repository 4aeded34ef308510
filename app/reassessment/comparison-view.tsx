/**
 * The comparison behind a re-assessment, as a section of a page: what changed between two
 * reports of one organisation (verdict, overall readiness, each area, risks, groups, the steps of
 * the last plan) and, with three or more assessments, the trend as a chart with its data table.
 * Renders the model from `scoring/reassessment.ts` and works nothing out itself; the words come
 * from `comparison-wording.ts`, shared with the PDF.
 */
import { Fragment } from "react";
import type { ReassessmentComparison, Trend } from "../../scoring/reassessment";
import { ReportSection, ReportTable, SeverityTag, SubHeading, SummaryList } from "../components/report/report-parts";
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
  STEP_STATUS_TAGS,
  stepCountsText,
  STEPS_INTRO,
  summaryRows,
  timeBetweenText,
  trendChartDescription,
  trendTable,
  verdictTag,
  type ChangeTag,
} from "./comparison-wording";
import { trendGeometry } from "./trend-geometry";

const TONE_CLASS: Record<ChangeTag["tone"], string> = {
  up: "govuk-tag--green",
  down: "govuk-tag--red",
  same: "govuk-tag--grey",
};

/** A GOV.UK tag whose words carry the change; the colour only repeats it. */
export function ChangeTagView({ tag }: { tag: ChangeTag }) {
  return <strong className={`govuk-tag ${TONE_CLASS[tag.tone]}`}>{tag.label}</strong>;
}

function Heading({ id, title }: { id: string; title: string }) {
  return <SubHeading heading={{ level: 3, title }} id={id} />;
}

export type ComparisonViewProps = {
  comparison: ReassessmentComparison;
  /** The trend across every assessment of this organisation, when there are three or more. */
  trend: Trend | null;
  /** The section's heading id; change it when the page shows more than one comparison. */
  id?: string;
};

export function ComparisonView({ comparison, trend, id = "reassessment" }: ComparisonViewProps) {
  const { verdict, overall, risks, groups } = comparison;
  return (
    <ReportSection id={id} title={COMPARISON_TITLE} intro={timeBetweenText(comparison)}>
      {comparison.method.note ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {comparison.method.note}
          </strong>
        </div>
      ) : null}

      <Heading id={`${id}-summary`} title={COMPARISON_HEADINGS.summary} />
      <p className="govuk-body-l">{comparison.summary.headline}</p>
      <SummaryList rows={summaryRows(comparison)} />

      <Heading id={`${id}-verdict`} title={COMPARISON_HEADINGS.verdict} />
      <ReportTable
        caption={`${COMPARISON_HEADINGS.verdict}, then and now`}
        columns={[{ title: "Measure" }, { title: "Then" }, { title: "Now" }, { title: "Change" }]}
        rows={[
          {
            key: "verdict",
            header: "Verdict",
            cells: [verdict.thenLabel, verdict.nowLabel, <ChangeTagView key="tag" tag={verdictTag(verdict)} />],
          },
          {
            key: "overall",
            header: "Overall readiness, out of 100",
            cells: [
              String(overall.then),
              String(overall.now),
              <ChangeTagView key="tag" tag={scoreChangeTag(overall)} />,
            ],
          },
        ]}
      />

      <Heading id={`${id}-areas`} title={COMPARISON_HEADINGS.areas} />
      <ReportTable
        caption="Score by area, out of 100, then and now"
        columns={[
          { title: "Area" },
          { title: "Then", numeric: true },
          { title: "Now", numeric: true },
          { title: "Change" },
        ]}
        rows={comparison.areas.map((area) => ({
          key: area.id,
          header: area.name,
          cells: [scoreText(area.then), scoreText(area.now), <ChangeTagView key="tag" tag={areaChangeTag(area)} />],
        }))}
      />

      <Heading id={`${id}-risks`} title={COMPARISON_HEADINGS.risks} />
      {riskLists(comparison).map((list) =>
        list.risks.length > 0 ? (
          <ReportTable
            key={list.id}
            caption={list.title}
            columns={[{ title: "Risk" }, { title: list.severityHeader }]}
            rows={list.risks.map((risk) => ({
              key: risk.id,
              header: risk.title,
              cells: [<SeverityTag key="tag" severity={risk.severity} />],
            }))}
          />
        ) : (
          <p className="govuk-body" key={list.id}>
            {list.empty}
          </p>
        ),
      )}
      {risks.continuing.length > 0 ? (
        <ReportTable
          caption="Risks found both times"
          columns={[{ title: "Risk" }, { title: "Then" }, { title: "Now" }, { title: "Change" }]}
          rows={risks.continuing.map((risk) => ({
            key: risk.id,
            header: risk.title,
            cells: [
              <SeverityTag key="then" severity={risk.severityThen} />,
              <SeverityTag key="now" severity={risk.severityNow} />,
              <ChangeTagView key="tag" tag={riskChangeTag(risk)} />,
            ],
          }))}
        />
      ) : null}

      <Heading id={`${id}-groups`} title={COMPARISON_HEADINGS.groups} />
      {groups.matched.length > 0 ? (
        <ReportTable
          caption="How far you go with each group, then and now"
          columns={[{ title: "Group" }, { title: "Today" }, { title: "Wanted" }, { title: "Can keep up" }]}
          rows={groups.matched.map((group) => ({
            key: group.groupId,
            header: groupNameText(group),
            cells: [levelChangeText(group.current), levelChangeText(group.desired), levelChangeText(group.sustainable)],
          }))}
        />
      ) : null}
      {groupLists(comparison).map((list) => (
        <Fragment key={list.id}>
          <p className="govuk-body">{list.intro}</p>
          <ul className="govuk-list govuk-list--bullet">
            {list.groups.map((group) => (
              <li key={group}>{group}</li>
            ))}
          </ul>
        </Fragment>
      ))}

      <Heading id={`${id}-steps`} title={COMPARISON_HEADINGS.steps} />
      <p className="govuk-body">{STEPS_INTRO}</p>
      <p className="govuk-body">{stepCountsText(comparison)}</p>
      <ReportTable
        caption={`Steps from the plan of ${longDate(comparison.earlier.assessedOn)}`}
        columns={[{ title: "Step" }, { title: "Who" }, { title: "Status" }, { title: "Why" }]}
        rows={comparison.steps.map((step) => ({
          key: step.recommendationId,
          header: step.action,
          cells: [step.owner, <ChangeTagView key="tag" tag={STEP_STATUS_TAGS[step.status]} />, step.reason],
        }))}
      />

      {trend ? <TrendView trend={trend} id={`${id}-trend`} /> : null}
    </ReportSection>
  );
}

/** The trend: a line chart described for screen readers, and the same figures as a table. */
export function TrendView({ trend, id }: { trend: Trend; id: string }) {
  const table = trendTable(trend);
  return (
    <>
      <Heading id={id} title={COMPARISON_HEADINGS.trend} />
      {trend.methodNote ? <p className="govuk-inset-text">{trend.methodNote}</p> : null}
      <div className="app-trend">
        <TrendChart trend={trend} id={`${id}-chart`} />
      </div>
      <ReportTable
        caption="Scores out of 100 at each assessment"
        columns={[{ title: "Score" }, ...table.columns.map((title) => ({ title, numeric: true }))]}
        rows={table.rows.map((row) => ({ key: row.id, header: row.name, cells: row.values }))}
      />
    </>
  );
}

export function TrendChart({ trend, id }: { trend: Trend; id: string }) {
  const geometry = trendGeometry(
    trend.points.map((point) => ({ id: point.assessedOn, label: monthYear(point.assessedOn), value: point.overall })),
  );
  return (
    <svg
      className="app-chart app-trend__chart"
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>Overall readiness at each assessment</title>
      <desc id={`${id}-desc`}>{trendChartDescription(trend)}</desc>
      {geometry.ticks.map((tick) => (
        <g key={tick.value}>
          <line className="app-chart__grid" x1={geometry.plotLeft} x2={geometry.plotRight} y1={tick.y} y2={tick.y} />
          <text
            className="app-chart__tick"
            x={geometry.plotLeft - 8}
            y={tick.y}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {tick.value}
          </text>
        </g>
      ))}
      <polyline className="app-trend__line" points={geometry.line} />
      {geometry.points.map((point, index) => (
        <g key={`${point.id}-${index}`}>
          <circle className="app-trend__point" cx={point.x} cy={point.y} r={5} />
          <text className="app-chart__value" x={point.x} y={point.labelY} textAnchor="middle">
            {point.value}
          </text>
          <text className="app-chart__tick" x={point.x} y={geometry.axisY + 18} textAnchor="middle">
            {point.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
