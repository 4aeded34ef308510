/**
 * Sections 1 to 7 of the PDF: the verdict, the decision for leadership, readiness by area, how far
 * to go with each group, the capacity check, the main risks and what to do. They print the report
 * model's own wording, under the headings of `report/report-sections.ts` and with the figures
 * worded by `report/report-wording.ts`, exactly as the report page does.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactElement } from "react";
import type { Severity } from "../../scoring/report-model";
import { reportOutline, riskGroups, sectionPointer } from "../report/report-sections";
import {
  actionWhen,
  assumptionText,
  capacityQuestionRows,
  capacityReplyRows,
  capacityTakesRows,
  capacityWatchRows,
  capitalise,
  decisionFor,
  heldByVerdictText,
  levelName,
  recommendationWhen,
  risksIntro,
  sentimentLabel,
  shortfallNoteShown,
  summaryBesideHeadline,
} from "../report/report-wording";
import type { ReportView } from "../report/report-view";
import {
  AnswerList,
  Bullets,
  Field,
  LabelValueTable,
  Panel,
  Paragraph,
  SectionOpening,
  SubHeading,
  SummaryTable,
  Table,
  Tag,
  type TagTone,
} from "./pdf-blocks";
import { COLOURS, styles, TYPE } from "./pdf-theme";
import { ReadinessChart } from "./readiness-chart";

export type SectionProps = { view: ReportView; number: number; title: string; marker: ReactElement };

const SEVERITY_LABEL: Record<Severity, string> = { high: "High risk", medium: "Medium risk", low: "Low risk" };
const PRIORITY_LABEL = { now: "Do now", next: "Do next", later: "Do later" } as const;
const PRIORITY_TONE: Record<keyof typeof PRIORITY_LABEL, TagTone> = { now: "high", next: "accent", later: "low" };

// ---------------------------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------------------------

export function VerdictSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { verdict, method } = report;
  const outline = reportOutline(report).verdict;
  const band = method.bands.find((candidate) => candidate.id === verdict.band);
  const indexBand = method.bands.find((candidate) => candidate.id === verdict.indexBand);
  const ceiling = method.levels.find((level) => level.level === verdict.ceiling);
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} />
      <Panel accent>
        <Text style={[styles.small, styles.strong, { color: COLOURS.brand, marginBottom: 4 }]}>
          Overall readiness {report.overall.score} out of 100: {verdict.bandLabel}
        </Text>
        <Text style={{ fontSize: 13, lineHeight: 1.4, fontWeight: 600 }}>{verdict.sentence}</Text>
        <Text style={{ marginTop: 8 }}>
          <Text style={styles.strong}>The most you can offer any group for now is {levelName(verdict.ceiling)}</Text>
          {ceiling ? `: “${ceiling.promise}”` : "."}
        </Text>
      </Panel>
      <SubHeading heading={outline.scale} />
      <View style={{ flexDirection: "row", gap: 3, marginBottom: 6 }} wrap={false}>
        {method.bands.map((candidate) => {
          const current = candidate.id === verdict.band;
          return (
            <View
              key={candidate.id}
              style={{
                flex: 1,
                padding: 6,
                backgroundColor: current ? COLOURS.brand : COLOURS.panel,
                borderBottomWidth: current ? 3 : 0,
                borderBottomColor: COLOURS.accent,
              }}
            >
              <Text style={{ fontSize: TYPE.min, lineHeight: 1.3, color: current ? COLOURS.white : COLOURS.secondary }}>
                {capitalise(candidate.label)}
              </Text>
              {current ? (
                <Text
                  style={{ fontSize: TYPE.min, lineHeight: 1.3, fontWeight: 700, color: COLOURS.accent, marginTop: 3 }}
                >
                  YOUR VERDICT
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>
      {band ? <Paragraph>{band.meaning}</Paragraph> : null}
      {outline.lowered ? (
        <>
          <SubHeading heading={outline.lowered} />
          <Paragraph>
            Your scores alone would put you at “{indexBand?.label ?? verdict.indexBand}”. The verdict is lower because:
          </Paragraph>
          <Bullets items={verdict.cappedBy.map((gate) => gate.reason)} />
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Decision for leadership
// ---------------------------------------------------------------------------------------------

export function DecisionSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { decision } = report;
  const outline = reportOutline(report).decision;
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} />
      <View
        style={{
          borderWidth: 2,
          borderColor: COLOURS.brand,
          borderTopWidth: 8,
          paddingHorizontal: 16,
          paddingTop: 12,
          paddingBottom: 8,
          marginBottom: 10,
        }}
      >
        {/* NOTE: no letter spacing here: pdftotext (and so copy and paste) reads spaced capitals as single letters. */}
        <Text
          style={{
            fontSize: TYPE.small,
            lineHeight: 1.3,
            fontWeight: 700,
            color: COLOURS.brand,
            textTransform: "uppercase",
            marginBottom: 4,
          }}
        >
          {decisionFor(decision.decisionMaker)}
        </Text>
        <Text style={{ fontSize: 13, fontWeight: 700, lineHeight: 1.4, marginBottom: 4 }}>{decision.ask}</Text>
        {outline.approve ? (
          <>
            <SubHeading heading={outline.approve} />
            <Bullets items={decision.approve} />
          </>
        ) : null}
        <SubHeading heading={outline.takes} />
        <LabelValueTable
          labelWidth={18}
          rows={[
            ["People", decision.people],
            ["Money", decision.money],
          ]}
        />
        {outline.firstSteps ? (
          <>
            <SubHeading heading={outline.firstSteps} />
            {decision.firstSteps.map((step, index) => {
              const when = actionWhen(report, step.recommendationId);
              return (
                <View
                  key={step.recommendationId}
                  wrap={false}
                  style={{ flexDirection: "row", marginBottom: 8, paddingTop: index === 0 ? 0 : 6 }}
                >
                  <Text style={{ width: 22, fontSize: 14, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.2 }}>
                    {index + 1}
                  </Text>
                  <View style={{ flex: 1 }}>
                    <Text style={{ fontSize: 12, fontWeight: 700, lineHeight: 1.3, marginBottom: 2 }}>
                      {step.action}
                    </Text>
                    <Text style={{ marginBottom: 2 }}>{step.firstStep}</Text>
                    <Text style={[styles.small, styles.muted]}>
                      Who: {step.owner}
                      {when ? `   ·   When: ${when}` : ""}
                    </Text>
                  </View>
                </View>
              );
            })}
          </>
        ) : null}
      </View>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Readiness by area
// ---------------------------------------------------------------------------------------------

export function ReadinessSection({ view, number, title, marker, chartWidth }: SectionProps & { chartWidth: number }) {
  const { report } = view;
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede={`Each area is scored out of 100 from your answers. Together they give your overall readiness: ${report.overall.score} out of 100. How each area was scored, point by point, is in ${sectionPointer("method")}.`}
      />
      <View wrap={false} style={{ marginBottom: 10 }}>
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
          {
            header: "Area",
            width: 38,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>{row.name}</Text>
                <Text style={[styles.muted, { fontSize: TYPE.min }]}>{row.question}</Text>
              </View>
            ),
          },
          { header: "Score", width: 9, cell: (row) => String(row.score), align: "right" },
          { header: "What drove the score", width: 53, cell: (row) => row.summary },
        ]}
        rows={report.dimensions}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// How far to go with each group
// ---------------------------------------------------------------------------------------------

export function EngagementSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const outline = reportOutline(report).engagement;
  const approaches = new Map(report.method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const heldBack = report.engagementGaps.filter(
    (gap) => gap.heldByVerdict || gap.limitedBy.some((requirement) => !requirement.met),
  );
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="Each level is a bigger promise to the public: Inform, then Consult, Involve, Collaborate and Empower. The level you can keep now depends on your capacity and your rules. We never suggest more than you can keep."
      />
      <Table
        columns={[
          {
            header: "Group",
            width: 21,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>{row.groupName}</Text>
                <Text style={[styles.muted, { fontSize: TYPE.min }]}>
                  {approaches.get(row.quadrant) ?? ""}. Mood: {sentimentLabel(row.sentiment).toLowerCase()}.
                </Text>
              </View>
            ),
          },
          // NOTE: 13% fits "Collaborate", the longest level name, in bold on A4 and US Letter.
          { header: "Now", width: 13, cell: (row) => levelName(row.current) },
          { header: "Wanted", width: 13, cell: (row) => levelName(row.desired) },
          { header: "You can keep now", width: 13, cell: (row) => levelName(row.sustainable), bold: true },
          { header: "Next step", width: 40, cell: (row) => row.nextStep },
        ]}
        rows={report.engagementGaps}
      />
      {outline.holding ? (
        <>
          <SubHeading heading={outline.holding} />
          <Table
            showHeader={false}
            columns={[
              { header: "Group", width: 26, cell: (row) => row.groupName, bold: true, rowHeader: true },
              {
                header: "What holds it back",
                width: 74,
                cell: (row) => [
                  ...(row.heldByVerdict ? [heldByVerdictText(row.sustainable)] : []),
                  ...row.limitedBy
                    .filter((requirement) => !requirement.met)
                    .map((requirement) => requirement.description),
                ],
              },
            ]}
            rows={heldBack}
          />
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Can you answer the questions you invite?
// ---------------------------------------------------------------------------------------------

const FINDING_COLOUR: Record<ReportView["report"]["capacity"]["finding"]["status"], string> = {
  "hours-unknown": COLOURS.medium,
  "no-hours": COLOURS.high,
  short: COLOURS.high,
  stretched: COLOURS.medium,
  slow: COLOURS.medium,
  enough: COLOURS.brand,
  comfortable: COLOURS.brand,
};

export function CapacitySection({ view, number, title, marker }: SectionProps) {
  const { capacity } = view.report;
  const outline = reportOutline(view.report).capacity;
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} />
      <View style={[styles.panel, { borderLeftWidth: 4, borderLeftColor: FINDING_COLOUR[capacity.finding.status] }]}>
        <Text style={{ fontSize: 11.5, fontWeight: 700, lineHeight: 1.4, marginBottom: 6 }}>
          {capacity.finding.headline}
        </Text>
        <Text>{summaryBesideHeadline(capacity)}</Text>
      </View>
      <SubHeading heading={outline.questions} />
      <SummaryTable rows={capacityQuestionRows(capacity)} />
      <SubHeading heading={outline.replies} />
      <SummaryTable rows={capacityReplyRows(capacity)} />
      {capacity.response.reconciliation ? <Paragraph>{capacity.response.reconciliation}</Paragraph> : null}
      <SubHeading heading={outline.watching} />
      <SummaryTable rows={capacityWatchRows(capacity)} />
      <SubHeading heading={outline.takes} />
      <SummaryTable rows={capacityTakesRows(capacity)} />
      {shortfallNoteShown(capacity) ? <Paragraph>{capacity.shortfall.note}</Paragraph> : null}
      {outline.restsOn ? (
        <>
          <SubHeading heading={outline.restsOn} />
          <Bullets items={capacity.assumptions.map(assumptionText)} />
          <Paragraph muted>How the capacity figures were worked out is in {sectionPointer("method")}.</Paragraph>
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The main risks
// ---------------------------------------------------------------------------------------------

// Blocks longer than this (only pathological input) may split: an unsplittable block taller
// than a page would be cut off.
const LONG_BLOCK_CHARS = 1500;
const EVIDENCE_INDENT = 70;

function EvidenceHeading({ answers, indent }: { answers: readonly unknown[]; indent: number }) {
  if (answers.length === 0) return null;
  return (
    <Text style={[styles.small, styles.semibold, { color: COLOURS.brand, marginLeft: indent, marginTop: 2 }]}>
      The answers behind this
    </Text>
  );
}

/**
 * The answers behind a risk or an action, and the space before the next one. NOTE: the last one
 * in a section has no space after it: react-pdf puts a bottom margin that does not fit on a page
 * of its own, which left a blank page at the end of a section.
 */
function EvidenceList({
  answers,
  indent,
  last,
}: {
  answers: readonly { label: string; value: string }[];
  indent: number;
  last: boolean;
}) {
  const marginBottom = last ? 0 : 12;
  if (answers.length === 0) return last ? null : <View style={{ marginBottom }} />;
  return (
    <View style={{ marginLeft: indent, marginBottom }}>
      <AnswerList answers={answers} />
    </View>
  );
}

export function RisksSection({ view, number, title, marker }: SectionProps) {
  const { risks } = view.report;
  const outline = reportOutline(view.report).risks;
  const groups = riskGroups(view.report, outline);
  return (
    <>
      <SectionOpening number={number} title={title} marker={marker} lede={risksIntro(risks)} />
      {groups.map((group, groupIndex) =>
        group.heading ? (
          <Fragment key={group.heading.title}>
            <SubHeading heading={group.heading} />
            <Paragraph muted>{group.intro}</Paragraph>
            {group.risks.map((risk, index) => (
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
                <EvidenceList
                  answers={view.riskEvidence[risk.id] ?? []}
                  indent={EVIDENCE_INDENT}
                  last={index === group.risks.length - 1 && groups.slice(groupIndex + 1).every((next) => !next.heading)}
                />
              </Fragment>
            ))}
          </Fragment>
        ) : null,
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// What to do, in order
// ---------------------------------------------------------------------------------------------

export function RecommendationsSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="Most important first. Each one says what to do first, who is best placed to own it and when."
      />
      {report.recommendations.map((rec, index) => (
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
                <Tag tone={PRIORITY_TONE[rec.priority]}>{PRIORITY_LABEL[rec.priority]}</Tag>
              </View>
            </View>
            <View style={{ marginLeft: 24 }}>
              <Field label="Why">{rec.why}</Field>
              <Field label="First step">{rec.firstStep}</Field>
              <Field label="Who">{rec.owner}</Field>
              <Field label="When">{recommendationWhen(report, rec)}</Field>
              {rec.levels.length > 0 ? (
                <Field label="Level to work at">
                  {rec.levels.map((advice) => `${advice.groupName}: ${levelName(advice.level)}`).join("; ")}
                </Field>
              ) : null}
            </View>
            <EvidenceHeading answers={view.recommendationEvidence[rec.id] ?? []} indent={24} />
          </View>
          <EvidenceList
            answers={view.recommendationEvidence[rec.id] ?? []}
            indent={24}
            last={index === report.recommendations.length - 1}
          />
        </Fragment>
      ))}
    </>
  );
}
