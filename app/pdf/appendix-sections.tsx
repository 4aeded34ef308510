/**
 * The last sections of the PDF: the things to find out (the "I don't know" answers), how the
 * report was scored (the workings behind every finding, and the method), and every answer as
 * given.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { CalculationStep } from "../../scoring/report-model";
import { reportOutline } from "../report/report-sections";
import { capitalise, phaseDays, plainNumber, replyTimeParts, stepValue } from "../report/report-wording";
import {
  Bullets,
  Heading2,
  Heading3,
  LabelValueTable,
  Paragraph,
  SectionOpening,
  SubHeading,
  Table,
} from "./pdf-blocks";
import { COLOURS, styles } from "./pdf-theme";
import type { SectionProps } from "./report-sections";

// ---------------------------------------------------------------------------------------------
// Things to find out
// ---------------------------------------------------------------------------------------------

export function ThingsToFindOutSection({ view, number, title, marker }: SectionProps) {
  const items = view.report.thingsToFindOut;
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede={
          items.length === 0
            ? "You answered every question, so nothing rests on an assumption."
            : "Where you answered “I don't know”, the report used an assumption instead. Finding out makes the report more accurate."
        }
      />
      {items.map((item) => (
        <Fragment key={item.id}>
          <Heading3 level={2}>{item.question}</Heading3>
          <LabelValueTable
            labelWidth={26}
            rows={[
              ["What we assumed", item.assumption],
              ["Why it matters", item.whyItMatters],
              ["Who can find out", item.whoCanFindOut],
              ["What it affects", item.affects.join(", ")],
              ...(view.unknownEvidence[item.id] ?? []).map((answer): [string, string] => [
                `You answered: ${answer.label}`,
                answer.value,
              ]),
            ]}
          />
        </Fragment>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// How this was scored
// ---------------------------------------------------------------------------------------------

export function MethodSection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { method, capacity } = report;
  const outline = reportOutline(report, { workshop: Boolean(view.workshop) }).method;
  const rules = new Map(
    method.dimensions.flatMap((dimension) =>
      dimension.factors.map((factor) => [`${dimension.id}/${factor.id}`, factor.rule] as const),
    ),
  );
  const stepColumns = [
    { header: "Step", width: 30, cell: (row: CalculationStep) => row.label, bold: true },
    { header: "Value", width: 18, cell: (row: CalculationStep) => stepValue(row) },
    { header: "How we got it", width: 52, cell: (row: CalculationStep) => row.note },
  ];
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede={`Method version ${method.methodVersion}. The same answers always give the same report.`}
      />
      <Bullets items={method.overview} />

      <SubHeading heading={outline.areas} />
      {report.dimensions.map((dimension) => (
        <Fragment key={dimension.id}>
          <Heading3>
            {dimension.name}: {dimension.score} out of 100
          </Heading3>
          <Paragraph muted>
            {dimension.question} It counts for {dimension.weight}% of the overall score.
          </Paragraph>
          <Table
            columns={[
              { header: "What counts", width: 22, cell: (row) => row.label, bold: true },
              {
                header: "Points",
                width: 10,
                cell: (row) => `${plainNumber(row.points)} of ${row.maxPoints}`,
                align: "right",
              },
              {
                header: "Your answer",
                width: 34,
                cell: (row) => (row.assumption ? [row.note, `Assumed: ${row.assumption}`] : row.note),
              },
              { header: "How it scores", width: 34, cell: (row) => rules.get(`${dimension.id}/${row.id}`) ?? "" },
            ]}
            rows={dimension.factors}
          />
          {dimension.maturity ? (
            <Paragraph>
              <Text style={styles.semibold}>Stage of adoption used: {dimension.maturity.label}. </Text>
              {dimension.maturity.description} {dimension.maturity.note}
            </Paragraph>
          ) : null}
        </Fragment>
      ))}

      <SubHeading heading={outline.overall} />
      <Paragraph>{method.overallFormula}</Paragraph>
      <Table
        columns={[
          { header: "Area", width: 46, cell: (row) => row.name, bold: true },
          { header: "Score", width: 18, cell: (row) => String(row.score), align: "right" },
          { header: "Weight", width: 18, cell: (row) => `${row.weight}%`, align: "right" },
          { header: "Points added", width: 18, cell: (row) => plainNumber(row.points), align: "right" },
        ]}
        rows={report.overall.contributions}
      />
      <Table
        columns={[
          { header: "Overall score", width: 16, cell: (row) => `${row.minIndex} to ${row.maxIndex}` },
          { header: "Verdict", width: 30, cell: (row) => capitalise(row.label), bold: true },
          { header: "What it means", width: 54, cell: (row) => row.meaning },
        ]}
        rows={method.bands}
      />
      {outline.limits ? (
        <>
          <SubHeading heading={outline.limits} />
          <Bullets items={method.gates.map((gate) => `${gate.rule} At most: ${gate.capsAt}.`)} />
        </>
      ) : null}

      <SubHeading heading={outline.capacity} />
      {outline.demandSteps ? (
        <>
          <SubHeading heading={outline.demandSteps} />
          <Table columns={stepColumns} rows={capacity.demand.steps} />
        </>
      ) : null}
      {outline.supplySteps ? (
        <>
          <SubHeading heading={outline.supplySteps} />
          <Table columns={stepColumns} rows={capacity.supply.steps} />
        </>
      ) : null}
      {outline.replyTime ? (
        <>
          <SubHeading heading={outline.replyTime} />
          <Paragraph>{replyTimeParts(capacity)}</Paragraph>
        </>
      ) : null}
      {outline.capacityValues ? (
        <>
          <SubHeading heading={outline.capacityValues} />
          <Table
            columns={[
              { header: "Figure", width: 24, cell: (row) => row.name, bold: true },
              { header: "Value", width: 34, cell: (row) => row.value },
              { header: "Why", width: 42, cell: (row) => row.reasoning },
            ]}
            rows={[...method.capacityAssumptions, ...method.demandMultipliers]}
          />
        </>
      ) : null}

      <SubHeading heading={outline.levels} />
      <Table
        columns={[
          { header: "Level", width: 16, cell: (row) => row.name, bold: true },
          { header: "The promise", width: 39, cell: (row) => row.promise },
          {
            header: "Needed to keep it",
            width: 45,
            cell: (row) => method.levelRules.find((rule) => rule.level === row.level)?.requirements ?? [],
          },
        ]}
        rows={method.levels}
      />

      {outline.ranking ? (
        <>
          <SubHeading heading={outline.ranking} />
          <Bullets items={method.priorityFormula} />
          <Table
            columns={[
              { header: "Action", width: 46, cell: (row) => row.title, bold: true },
              { header: "Impact", width: 9, cell: (row) => String(row.impact), align: "right" },
              { header: "Urgency", width: 10, cell: (row) => String(row.urgency), align: "right" },
              { header: "Effort", width: 9, cell: (row) => String(row.effort), align: "right" },
              { header: "Priority", width: 10, cell: (row) => String(row.priorityScore), align: "right" },
              { header: "When", width: 16, cell: (row) => phaseDays(row.phase) },
            ]}
            rows={report.recommendations}
          />
        </>
      ) : null}

      {outline.risks ? (
        <>
          <SubHeading heading={outline.risks} />
          <Bullets items={method.riskRules} />
        </>
      ) : null}

      {outline.groups ? (
        <>
          <SubHeading heading={outline.groups} />
          <Table
            columns={[
              { header: "Approach", width: 20, cell: (row) => row.label, bold: true },
              { header: "Influence and interest", width: 24, cell: (row) => row.rule },
              { header: "What it means", width: 56, cell: (row) => row.approach },
            ]}
            rows={method.quadrants}
          />
        </>
      ) : null}

      {outline.adoption ? (
        <>
          <SubHeading heading={outline.adoption} />
          <Table
            columns={[
              { header: "Stage", width: 26, cell: (row) => row.label, bold: true },
              { header: "What it looks like", width: 74, cell: (row) => row.description },
            ]}
            rows={method.adoptionStages}
          />
        </>
      ) : null}

      {outline.fitting ? (
        <>
          <SubHeading heading={outline.fitting} />
          <Bullets items={method.fitting} />
        </>
      ) : null}

      {outline.unknowns ? (
        <>
          <SubHeading heading={outline.unknowns} />
          <Bullets items={method.unknownsPolicy} />
        </>
      ) : null}

      {outline.disagreement && view.workshop ? (
        <>
          <SubHeading heading={outline.disagreement} />
          {view.workshop.method.map((paragraph) => (
            <Paragraph key={paragraph}>{paragraph}</Paragraph>
          ))}
        </>
      ) : null}

      {outline.sources ? (
        <>
          <SubHeading heading={outline.sources} />
          {method.sources.map((source) => (
            <View key={source.id} style={{ marginBottom: 6 }} wrap={false}>
              <Text style={styles.small}>{source.citation}</Text>
              {source.url ? <Text style={[styles.small, { color: COLOURS.brand }]}>{source.url}</Text> : null}
              <Text style={[styles.small, styles.muted]}>Used for: {source.usedFor}</Text>
            </View>
          ))}
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Every answer as given
// ---------------------------------------------------------------------------------------------

/** Rows in a table short enough to keep whole with its title. */
const SHORT_TABLE_ROWS = 4;

export function AnswersAppendixSection({ view, number, title, marker }: SectionProps) {
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede={`Every answer as given, worded as the questions were asked${view.completedBy ? `, completed by ${view.completedBy}` : ""}.`}
      />
      {view.appendix.sections.map((section) => (
        <Fragment key={section.id}>
          <Heading2 bookmark>{section.title}</Heading2>
          {section.blocks.map((block, index) => {
            const table = (
              <Table
                columns={[
                  { header: "Question", width: 40, cell: (row) => row.label, bold: true, rowHeader: true },
                  { header: "Answer", width: 60, cell: (row) => row.value },
                ]}
                rows={block.rows}
              />
            );
            // A short titled table (a group's levels now and wanted) moves to the next page as
            // one piece with its title. Asking the title to keep room below it instead made
            // react-pdf move each such title to a page of its own.
            if (block.title && block.rows.length <= SHORT_TABLE_ROWS) {
              return (
                <View key={index} wrap={false}>
                  <Heading3 keepWithNext={0}>{block.title}</Heading3>
                  {table}
                </View>
              );
            }
            return (
              <Fragment key={index}>
                {block.title ? <Heading3>{block.title}</Heading3> : null}
                {table}
              </Fragment>
            );
          })}
        </Fragment>
      ))}
    </>
  );
}
