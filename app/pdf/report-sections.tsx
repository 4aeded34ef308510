/**
 * Sections 1 to 6 of the PDF: the verdict, readiness by dimension, the engagement gap, the
 * capacity check, risks and recommendations. They print the report model's own wording.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactElement } from "react";
import type { ReportView } from "../report/report-view";
import type { Severity } from "../../scoring/report-model";
import {
  AnswerList,
  Bullets,
  Field,
  Heading2,
  Heading3,
  LabelValueTable,
  Panel,
  Paragraph,
  SectionOpening,
  Table,
  Tag,
  type TagTone,
} from "./pdf-blocks";
import { formatNumber, formatRange, formatRatio, levelName, phaseLabel, sentimentLabel } from "./pdf-labels";
import { COLOURS, styles } from "./pdf-theme";
import { ReadinessChart } from "./readiness-chart";

export type SectionProps = { view: ReportView; number: number; title: string; marker: ReactElement };

const SEVERITY_LABEL: Record<Severity, string> = { high: "High", medium: "Medium", low: "Low" };
const PRIORITY_LABEL = { now: "Now", next: "Next", later: "Later" } as const;
const PRIORITY_TONE: Record<keyof typeof PRIORITY_LABEL, TagTone> = { now: "high", next: "accent", later: "low" };

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <View
      style={{ flex: 1, backgroundColor: COLOURS.panel, padding: 9, borderTopWidth: 2, borderTopColor: COLOURS.brand }}
    >
      <Text style={{ fontSize: 7.5, color: COLOURS.secondary, marginBottom: 3, lineHeight: 1.3 }}>{label}</Text>
      <Text style={{ fontSize: 14, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.2 }}>{value}</Text>
      {note ? (
        <Text style={{ fontSize: 7.5, color: COLOURS.secondary, marginTop: 2, lineHeight: 1.3 }}>{note}</Text>
      ) : null}
    </View>
  );
}

function StatRow({ children }: { children: ReactElement[] }) {
  return (
    <View style={{ flexDirection: "row", gap: 8, marginBottom: 8 }} wrap={false}>
      {children}
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// 1. The verdict
// ---------------------------------------------------------------------------------------------

export function VerdictSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { verdict, method } = report;
  const bandIndex = method.bands.findIndex((band) => band.id === verdict.band);
  const indexBand = method.bands.find((band) => band.id === verdict.indexBand);
  const highRisks = report.risks.filter((risk) => risk.severity === "high");
  const topRisks = (highRisks.length > 0 ? highRisks : report.risks).slice(0, 3);
  const firstActions = report.recommendations.filter((rec) => rec.priority === "now").slice(0, 3);
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} />
      <Panel accent>
        <Text style={{ fontSize: 14, lineHeight: 1.4, fontWeight: 600 }}>{verdict.sentence}</Text>
      </Panel>
      <Text style={[styles.h3, { marginTop: 6 }]}>Where this places you</Text>
      <View style={{ flexDirection: "row", gap: 3, marginBottom: 6 }} wrap={false}>
        {method.bands.map((band, index) => {
          const current = index === bandIndex;
          return (
            <View
              key={band.id}
              style={{
                flex: 1,
                padding: 6,
                backgroundColor: current ? COLOURS.brand : COLOURS.panel,
                borderBottomWidth: current ? 3 : 0,
                borderBottomColor: COLOURS.accent,
              }}
            >
              <Text style={{ fontSize: 7.5, lineHeight: 1.3, color: current ? COLOURS.white : COLOURS.secondary }}>
                {band.label}
              </Text>
            </View>
          );
        })}
      </View>
      {verdict.cappedBy.length > 0 && indexBand ? (
        <>
          <Paragraph>
            Your overall readiness index of {report.overall.score} out of 100 alone would place you at &ldquo;
            {indexBand.label}&rdquo;. It was lowered because:
          </Paragraph>
          <Bullets items={verdict.cappedBy.map((gate) => gate.reason)} />
        </>
      ) : (
        <Paragraph>Overall readiness index: {report.overall.score} out of 100.</Paragraph>
      )}
      <StatRow>
        <Stat label="Overall readiness" value={`${report.overall.score} / 100`} />
        <Stat label="Stakeholder groups" value={String(report.meta.groupCount)} />
        <Stat label="Risks raised" value={String(report.risks.length)} note={`${highRisks.length} high`} />
        <Stat label="Things to find out" value={String(report.meta.unknownCount)} />
      </StatRow>
      {topRisks.length > 0 ? (
        <>
          <Heading2>The main risks</Heading2>
          {topRisks.map((risk) => (
            <View key={risk.id} style={{ flexDirection: "row", marginBottom: 4 }} wrap={false}>
              <View style={{ width: 58 }}>
                <Tag tone={risk.severity}>{SEVERITY_LABEL[risk.severity]}</Tag>
              </View>
              <Text style={{ flex: 1 }}>{risk.title}</Text>
            </View>
          ))}
        </>
      ) : null}
      {firstActions.length > 0 ? (
        <>
          <Heading2>What to do first</Heading2>
          <Bullets items={firstActions.map((rec) => `${rec.title}. ${rec.firstStep}`)} numbered />
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 2. Readiness by dimension
// ---------------------------------------------------------------------------------------------

export function DimensionsSection({ view, number, title, marker, chartWidth }: SectionProps & { chartWidth: number }) {
  const { report } = view;
  const contributions = new Map(report.overall.contributions.map((item) => [item.dimensionId, item]));
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} lede={report.overall.formula} />
      <View wrap={false} style={{ marginBottom: 10 }}>
        <Text style={[styles.h3, { marginTop: 0 }]}>Overall readiness: {report.overall.score} out of 100</Text>
        <ReadinessChart
          width={chartWidth}
          items={report.dimensions.map((dimension) => ({
            id: dimension.id,
            label: dimension.name,
            score: dimension.score,
          }))}
        />
      </View>
      <Table
        columns={[
          { header: "Dimension", width: 24, cell: (row) => row.name, bold: true },
          { header: "Score", width: 9, cell: (row) => String(row.score), align: "right" },
          { header: "Weight", width: 9, cell: (row) => `${row.weight}%`, align: "right" },
          {
            header: "Points",
            width: 9,
            cell: (row) => formatNumber(contributions.get(row.id)?.points ?? 0),
            align: "right",
          },
          { header: "What drove the score", width: 49, cell: (row) => row.summary },
        ]}
        rows={report.dimensions}
      />
      <Heading2 bookmark>The factors behind each score</Heading2>
      {report.dimensions.map((dimension) => (
        <Fragment key={dimension.id}>
          <Heading3>
            {dimension.name}: {dimension.score} out of 100
          </Heading3>
          <Paragraph muted>{dimension.question}</Paragraph>
          <Table
            columns={[
              { header: "Factor", width: 27, cell: (row) => row.label, bold: true },
              {
                header: "Points",
                width: 13,
                cell: (row) => `${formatNumber(row.points)} of ${row.maxPoints}`,
                align: "right",
              },
              {
                header: "What you answered and how it scored",
                width: 60,
                cell: (row) => (row.assumption ? [row.note, `Assumed: ${row.assumption}`] : row.note),
              },
            ]}
            rows={dimension.factors}
          />
          {dimension.maturity ? (
            <Panel>
              <Text style={styles.semibold}>Adoption stage: {dimension.maturity.label}</Text>
              <Text style={styles.small}>{dimension.maturity.description}</Text>
              <Text style={[styles.small, styles.muted, { marginTop: 3 }]}>{dimension.maturity.note}</Text>
            </Panel>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Engagement gap by stakeholder group
// ---------------------------------------------------------------------------------------------

export function GapsSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const quadrants = new Map(report.method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const level = (value: Parameters<typeof levelName>[0]) => levelName(value, report.method);
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="For each stakeholder group: how you engage it today, how you want to, the highest level you can keep up now, and the next step."
      />
      <Table
        columns={[
          {
            header: "Group",
            width: 21,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>{row.groupName}</Text>
                <Text style={[styles.muted, { fontSize: 7.5 }]}>
                  {quadrants.get(row.quadrant) ?? row.quadrant} · {sentimentLabel(row.sentiment)}
                </Text>
              </View>
            ),
          },
          { header: "Now", width: 11, cell: (row) => level(row.current) },
          { header: "Wanted", width: 11, cell: (row) => level(row.desired) },
          { header: "Sustainable now", width: 12, cell: (row) => level(row.sustainable) },
          {
            header: "Next step",
            width: 45,
            cell: (row) => {
              const missing = row.limitedBy.filter((requirement) => !requirement.met);
              return (
                <View>
                  <Text>{row.nextStep}</Text>
                  {missing.length > 0 ? (
                    <Text style={[styles.muted, { fontSize: 7.5, marginTop: 2 }]}>
                      Still needed: {missing.map((requirement) => requirement.description).join("; ")}.
                    </Text>
                  ) : null}
                </View>
              );
            },
          },
        ]}
        rows={report.engagementGaps}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Capacity check
// ---------------------------------------------------------------------------------------------

export function CapacitySection({ view, number, title, marker }: SectionProps) {
  const { capacity } = view.report;
  const { demand, supply, response, shortfall } = capacity;
  const hours = (value: number) => `${formatNumber(value)} working hours`;
  const stepColumns = [
    { header: "Step", width: 30, cell: (row: { label: string }) => row.label, bold: true },
    {
      header: "Value",
      width: 18,
      cell: (row: { value: number; unit: string }) => `${formatNumber(row.value)} ${row.unit}`,
    },
    { header: "How we got it", width: 52, cell: (row: { note: string }) => row.note },
  ];
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} />
      <Panel accent>
        <Text style={{ fontSize: 10.5, lineHeight: 1.45 }}>{capacity.summary}</Text>
      </Panel>
      <StatRow>
        <Stat label="Questions and comments expected a week" value={formatRange(demand.expectedWeekly)} />
        <Stat label="Needing a reply from you" value={formatRange(demand.repliesNeededWeekly)} />
        <Stat label="Replies your team can write a week" value={formatNumber(supply.weeklyReplyCapacity)} />
      </StatRow>
      <StatRow>
        <Stat
          label="Achievable response time"
          value={response.achievableLabel}
          note={`Target: ${response.targetLabel}${response.targetAssumed ? " (assumed)" : ""}`}
        />
        <Stat
          label="Capacity against need"
          value={`${formatRange(capacity.coverageRatio, formatRatio)}×`}
          note="1 means just enough"
        />
        <Stat
          label="Extra team hours needed a week"
          value={formatRange(shortfall.extraHoursPerWeek)}
          note={`${formatRange(shortfall.extraFte)} full-time staff`}
        />
      </StatRow>
      <Paragraph>{shortfall.note}</Paragraph>

      <Heading2 bookmark>Response times</Heading2>
      <LabelValueTable
        headers={["Measure", "Time"]}
        labelWidth={55}
        rows={[
          ["Your target", `${response.targetLabel}${response.targetAssumed ? " (the two-working-day default)" : ""}`],
          ["Most replies can go out within", response.achievableLabel],
          [
            "Usual reply time today",
            response.actualTodayHours === null ? "Not known" : hours(response.actualTodayHours),
          ],
          ["Questions you take on first", hours(response.priorityRepliesHours)],
          ["Replies that need an expert or a sign-off", `${formatRange(response.slowerRepliesHours)} working hours`],
          ["Longest wait out of hours", `${formatNumber(response.outOfHoursWaitHours)} clock hours`],
          ["First official reply in an emergency", `${formatNumber(response.emergencyResponseHours)} clock hours`],
          ["Meets the target", response.meetsTarget ? "Yes" : "No"],
        ]}
      />
      <Paragraph muted>
        Where the likely time comes from: {formatNumber(response.parts.attentionWait)} working hours waiting for someone
        to look, {formatNumber(response.parts.queueDelay)} waiting behind other questions and{" "}
        {formatNumber(response.parts.approvalDelay)} waiting for sign-off.
      </Paragraph>

      <Heading2 bookmark>How demand was estimated</Heading2>
      <Table columns={stepColumns} rows={demand.steps} />
      <Heading2 bookmark>Your capacity to reply</Heading2>
      <Paragraph>
        {supply.teamPeople} {supply.teamPeople === 1 ? "person" : "people"}, {formatNumber(supply.teamHoursPerWeek)}{" "}
        hours a week in total; channels watched {formatNumber(supply.coveredHoursPerWeek)} hours a week.
      </Paragraph>
      <Table columns={stepColumns} rows={supply.steps} />
      <Heading2>Assumptions</Heading2>
      <Bullets
        items={capacity.assumptions.map((item) =>
          item.fromUnknown ? `${item.text} (You answered "I don't know".)` : item.text,
        )}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 5. Risks
// ---------------------------------------------------------------------------------------------

export function RisksSection({ view, number, title, marker }: SectionProps) {
  const { risks } = view.report;
  const count = (severity: Severity) => risks.filter((risk) => risk.severity === severity).length;
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede={
          risks.length === 0
            ? "Your answers raised no risks."
            : `${risks.length} ${risks.length === 1 ? "risk" : "risks"}: ${count("high")} high, ${count("medium")} medium and ${count("low")} low, each with the answers that raised it.`
        }
      />
      {risks.map((risk, index) => (
        <Fragment key={risk.id}>
          {/* The heading and explanation stay together; the evidence below may run on. */}
          <View
            style={index === 0 ? undefined : styles.divider}
            wrap={risk.title.length + risk.explanation.length > LONG_BLOCK_CHARS}
            minPresenceAhead={24}
          >
            <View style={{ flexDirection: "row", alignItems: "flex-start", marginBottom: 4 }}>
              <View style={{ width: EVIDENCE_INDENT, paddingTop: 2 }}>
                <Tag tone={risk.severity}>{SEVERITY_LABEL[risk.severity]}</Tag>
              </View>
              <Text style={{ flex: 1, fontSize: 11, fontWeight: 700, lineHeight: 1.3 }}>{risk.title}</Text>
            </View>
            <Text style={[styles.paragraph, { marginLeft: EVIDENCE_INDENT }]}>{risk.explanation}</Text>
            <EvidenceHeading answers={view.riskEvidence[risk.id] ?? []} indent={EVIDENCE_INDENT} />
          </View>
          <EvidenceList answers={view.riskEvidence[risk.id] ?? []} indent={EVIDENCE_INDENT} />
        </Fragment>
      ))}
    </>
  );
}

// Blocks longer than this (only pathological input) may split: an unsplittable block taller
// than a page would be cut off.
const LONG_BLOCK_CHARS = 1500;
const EVIDENCE_INDENT = 58;

function EvidenceHeading({ answers, indent }: { answers: readonly unknown[]; indent: number }) {
  if (answers.length === 0) return null;
  return (
    <Text style={[styles.small, styles.semibold, { color: COLOURS.brand, marginLeft: indent, marginTop: 2 }]}>
      The answers behind this
    </Text>
  );
}

function EvidenceList({ answers, indent }: { answers: readonly { label: string; value: string }[]; indent: number }) {
  if (answers.length === 0) return <View style={{ marginBottom: 12 }} />;
  return (
    <View style={{ marginLeft: indent, marginBottom: 12 }}>
      <AnswerList answers={answers} />
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// 6. Recommendations
// ---------------------------------------------------------------------------------------------

export function RecommendationsSection({ view, number, title, marker }: SectionProps) {
  const { recommendations } = view.report;
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="Highest priority first. “How this was scored” explains how impact, urgency and effort set each priority and phase."
      />
      {recommendations.map((rec, index) => (
        <Fragment key={rec.id}>
          <View
            style={index === 0 ? undefined : styles.divider}
            wrap={rec.title.length + rec.why.length + rec.firstStep.length > LONG_BLOCK_CHARS}
            minPresenceAhead={24}
          >
            <View style={{ flexDirection: "row", marginBottom: 4 }}>
              <Text style={{ width: 24, fontSize: 11, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.3 }}>
                {index + 1}
              </Text>
              <View style={{ flex: 1 }}>
                <Text style={{ fontSize: 11, fontWeight: 700, lineHeight: 1.3, marginBottom: 3 }}>{rec.title}</Text>
                <View style={{ flexDirection: "row", gap: 6 }}>
                  <Tag tone={PRIORITY_TONE[rec.priority]}>{`Priority: ${PRIORITY_LABEL[rec.priority]}`}</Tag>
                  <Tag tone="brand">{phaseLabel(rec.phase)}</Tag>
                  <Text style={{ fontSize: 7.5, lineHeight: 1.3, color: COLOURS.secondary, paddingTop: 1 }}>
                    Impact {rec.impact} · urgency {rec.urgency} · effort {rec.effort} · priority {rec.priorityScore} of
                    11
                  </Text>
                </View>
              </View>
            </View>
            <View style={{ marginLeft: 24 }}>
              <Field label="Why">{rec.why}</Field>
              <Field label="First step">{rec.firstStep}</Field>
              <Field label="Owner">{rec.owner}</Field>
              {rec.levels.length > 0 ? (
                <Field label="Levels to work at">
                  {rec.levels
                    .map((advice) => `${advice.groupName}: ${levelName(advice.level, view.report.method)}`)
                    .join("; ")}
                </Field>
              ) : null}
            </View>
            <EvidenceHeading answers={view.recommendationEvidence[rec.id] ?? []} indent={24} />
          </View>
          <EvidenceList answers={view.recommendationEvidence[rec.id] ?? []} indent={24} />
        </Fragment>
      ))}
    </>
  );
}
