/**
 * Sections 8 to 10 of the PDF: the things to find out (the "I don't know" answers), how the
 * report was scored (the model's method appendix), and every answer as given.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import { Bullets, Heading2, Heading3, LabelValueTable, Paragraph, SectionOpening, Table } from "./pdf-blocks";
import { COLOURS, styles } from "./pdf-theme";
import type { SectionProps } from "./report-sections";

// ---------------------------------------------------------------------------------------------
// 8. Things to find out
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
          <Heading3>{item.question}</Heading3>
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
// 9. How this was scored
// ---------------------------------------------------------------------------------------------

export function MethodSection({ view, number, title, marker }: SectionProps) {
  const { method } = view.report;
  const valueColumns = [
    { header: "Assumption", width: 24, cell: (row: { name: string }) => row.name, bold: true },
    { header: "Value", width: 34, cell: (row: { value: string }) => row.value },
    { header: "Why", width: 42, cell: (row: { reasoning: string }) => row.reasoning },
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

      <Heading2 bookmark>Dimensions and weights</Heading2>
      {method.dimensions.map((dimension) => (
        <Fragment key={dimension.id}>
          <Heading3>
            {dimension.name} (weight {dimension.weight}%)
          </Heading3>
          <Paragraph muted>{dimension.why}</Paragraph>
          <Table
            columns={[
              { header: "Factor", width: 30, cell: (row) => row.label, bold: true },
              { header: "Points", width: 10, cell: (row) => String(row.maxPoints), align: "right" },
              { header: "How the answer scores", width: 60, cell: (row) => row.rule },
            ]}
            rows={dimension.factors}
          />
        </Fragment>
      ))}

      <Heading2 bookmark>Overall index and bands</Heading2>
      <Paragraph>{method.overallFormula}</Paragraph>
      <Table
        columns={[
          { header: "Band", width: 30, cell: (row) => row.label, bold: true },
          { header: "Index", width: 12, cell: (row) => `${row.minIndex} to ${row.maxIndex}` },
          { header: "What it means", width: 58, cell: (row) => row.meaning },
        ]}
        rows={method.bands}
      />
      <Heading3>Gates that can lower the band</Heading3>
      <Table
        columns={[
          { header: "Rule", width: 66, cell: (row) => row.rule },
          { header: "Highest band allowed", width: 34, cell: (row) => row.capsAt },
        ]}
        rows={method.gates}
      />

      <Heading2 bookmark>Capacity model</Heading2>
      <Heading3>Assumptions</Heading3>
      <Table columns={valueColumns} rows={method.capacityAssumptions} />
      <Heading3>What raises demand</Heading3>
      <Table columns={valueColumns} rows={method.demandMultipliers} />

      <Heading2 bookmark>Engagement levels</Heading2>
      <Paragraph muted>
        The IAP2 Spectrum of Public Participation names five levels; each is a promise to the public. Our wording.
      </Paragraph>
      <Table
        columns={[
          { header: "Level", width: 16, cell: (row) => row.name, bold: true },
          { header: "The promise", width: 39, cell: (row) => row.promise },
          {
            header: "Needed to sustain it",
            width: 45,
            cell: (row) => method.levelRules.find((rule) => rule.level === row.level)?.requirements ?? [],
          },
        ]}
        rows={method.levels}
      />

      <Heading2 bookmark>Risks, priorities and unknowns</Heading2>
      <Heading3>Risks</Heading3>
      <Bullets items={method.riskRules} />
      <Heading3>Priority of recommendations</Heading3>
      <Bullets items={method.priorityFormula} />
      <Heading3>&ldquo;I don&rsquo;t know&rdquo; answers</Heading3>
      <Bullets items={method.unknownsPolicy} />

      <Heading2 bookmark>Stakeholder quadrants and adoption stages</Heading2>
      <Table
        columns={[
          { header: "Quadrant", width: 20, cell: (row) => row.label, bold: true },
          { header: "Influence and interest", width: 24, cell: (row) => row.rule },
          { header: "Approach", width: 56, cell: (row) => row.approach },
        ]}
        rows={method.quadrants}
      />
      <Table
        columns={[
          { header: "Adoption stage", width: 26, cell: (row) => row.label, bold: true },
          { header: "What it looks like", width: 74, cell: (row) => row.description },
        ]}
        rows={method.adoptionStages}
      />

      <Heading2 bookmark>Sources</Heading2>
      {method.sources.map((source) => (
        <View key={source.id} style={{ marginBottom: 6 }} wrap={false}>
          <Text style={styles.small}>{source.citation}</Text>
          {source.url ? <Text style={[styles.small, { color: COLOURS.brand }]}>{source.url}</Text> : null}
          <Text style={[styles.small, styles.muted]}>Used for: {source.usedFor}</Text>
        </View>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 10. Every answer as given
// ---------------------------------------------------------------------------------------------

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
          {section.blocks.map((block, index) => (
            <Fragment key={index}>
              {block.title ? <Heading3>{block.title}</Heading3> : null}
              <Table
                columns={[
                  { header: "Question", width: 40, cell: (row) => row.label, bold: true },
                  { header: "Answer", width: 60, cell: (row) => row.value },
                ]}
                rows={block.rows}
              />
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}
