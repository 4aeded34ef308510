/**
 * A small document that exercises the same code paths as the report (text shaping and line
 * breaking, tables, the chart, the page template), rendered once when a worker starts so the
 * JavaScript engine has compiled them before the first real report arrives.
 */
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { AnswerList, Bullets, Heading2, Paragraph, Table } from "./pdf-blocks";
import { styles } from "./pdf-theme";
import { ReadinessChart } from "./readiness-chart";

const SENTENCE =
  "Ville de Rivière-des-Érables is ready to involve its stakeholders online, but not yet to collaborate, because it has too little spare capacity.";

export function WarmUpDocument({ fontFamily }: { fontFamily: readonly string[] }) {
  const rows = Array.from({ length: 30 }, (_, index) => ({ label: `Factor ${index + 1}`, note: SENTENCE }));
  return (
    <Document tagged>
      <Page
        size="A4"
        style={[styles.page, { fontFamily: [...fontFamily] }]}
        layout={({ children, pageNumber }) => (
          <>
            <View style={styles.header} tag="Artifact">
              <Text>Warm-up</Text>
            </View>
            <View style={styles.content}>{children}</View>
            <View style={styles.footer} tag="Artifact">
              <Text>Page {pageNumber}</Text>
            </View>
          </>
        )}
      >
        <View style={styles.flow}>
          <Heading2 bookmark>Warm-up</Heading2>
          <Paragraph>{SENTENCE}</Paragraph>
          <ReadinessChart
            width={480}
            items={rows.slice(0, 9).map((row, index) => ({ id: row.label, label: row.label, score: index * 11 }))}
          />
          <Bullets items={[SENTENCE, SENTENCE]} />
          <AnswerList answers={rows.slice(0, 6).map((row) => ({ label: row.label, value: row.note }))} />
          <Table
            columns={[
              { header: "Factor", width: 30, cell: (row) => row.label, bold: true },
              { header: "Note", width: 70, cell: (row) => row.note },
            ]}
            rows={rows}
          />
        </View>
      </Page>
    </Document>
  );
}
