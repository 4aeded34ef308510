/**
 * The building blocks of the PDF: section openings, headings that stay with what follows,
 * bullet lists, panels, tags and tables whose rows never split across pages.
 */
import { Text, View } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import { sectionNumber, type Subheading } from "../report/report-sections";
import type { LabelledValue } from "../report/report-wording";
import { COLOURS, styles } from "./pdf-theme";

/**
 * The full PDF keeps the method and every answer as an annex at the end, after what a reader
 * acts on: sections from "How this was scored" on are labelled so, on their openings and in the
 * contents.
 */
export const ANNEX_FROM = sectionNumber("method");

/** Where each section starts, filled in while react-pdf paginates (see `createPageTracker`). */
export type PageTracker = {
  /** An invisible marker that records the page it lands on. */
  marker: (id: string) => ReactElement;
  pageOf: (id: string) => number | undefined;
  /** Every marker's page as recorded so far. */
  pages: () => Record<string, number>;
};

/**
 * Records section start pages during layout so the contents page can print them in the same
 * render. NOTE: this relies on react-pdf calling every `render` prop while it paginates and
 * then again, once the page count is known, for the final pages: by then every marker after
 * the contents page has reported its page. When the page count is given in advance (see
 * `PdfLayout` in render-report.server.ts) there is one round only, and the pages come from
 * `known` instead. The PDF integration test checks the printed numbers
 * against where pdftotext finds each heading, so a change in react-pdf cannot go unnoticed.
 */
export function createPageTracker(known: Readonly<Record<string, number>> = {}): PageTracker {
  // Pages known from the previous render of the same document: with them the contents page can
  // be right in a single layout round (the caller checks they still hold afterwards).
  const pages = new Map<string, number>(Object.entries(known));
  return {
    marker: (id) => (
      <View
        render={({ pageNumber }) => {
          pages.set(id, pageNumber);
          return null;
        }}
      />
    ),
    pageOf: (id) => pages.get(id),
    pages: () => Object.fromEntries(pages),
  };
}

/**
 * An outline entry that opens its page whole. NOTE: without `fit`, pdfkit measures the entry's
 * left edge from the right of the page, so viewers jumped to the page's right margin.
 */
export function outlineEntry(title: string): { title: string; fit: true } {
  return { title, fit: true };
}

/**
 * Props that add an outline (bookmark) entry. NOTE: react-pdf supports `bookmark` on every node
 * and nests entries by the tree, but its TypeScript types declare it only on Page.
 */
export function bookmarkProps(title: string): object {
  return { bookmark: outlineEntry(title) };
}

// Room (points) a heading needs below it on the page, or it moves to the next page with what
// follows. NOTE: react-pdf honours this only when there is somewhere to break before the
// heading, so headings sit directly in the page flow (in fragments), never first in a View.
const KEEP_WITH_NEXT = 110;
/** Room (points) a section's opening needs below it: about a quarter of a page. */
const SECTION_OPENING_ROOM = 180;

export function SectionOpening({
  number,
  title,
  lede,
  marker,
}: {
  /** The section's number; a string stands in its place for a section outside the numbering. */
  number: number | string;
  title: string;
  lede?: string;
  marker: ReactElement;
}) {
  // A section that follows another on the same page opens with room for some of its content
  // below the title, or starts the next page.
  return (
    <View style={{ marginBottom: 4 }} wrap={false} minPresenceAhead={SECTION_OPENING_ROOM}>
      {marker}
      <Text style={styles.sectionLabel}>
        {typeof number === "string" ? number : number >= ANNEX_FROM ? `Annex · Section ${number}` : `Section ${number}`}
      </Text>
      <Text style={styles.h1} tag="H1">
        {title}
      </Text>
      {lede ? <Text style={styles.lede}>{lede}</Text> : null}
    </View>
  );
}

/**
 * `keepWithNext` overrides the room (points) the heading needs below it. NOTE: on some pages
 * react-pdf 4.9 moves a heading with a large `minPresenceAhead` to the next page although what
 * follows fits (the board summary's Letter pages lost half a page to it); the summary asks for
 * less.
 */
export function Heading2({
  children,
  bookmark,
  keepWithNext = KEEP_WITH_NEXT,
}: {
  children: string;
  bookmark?: boolean;
  keepWithNext?: number;
}) {
  return (
    <Text style={styles.h2} tag="H2" minPresenceAhead={keepWithNext} {...(bookmark ? bookmarkProps(children) : {})}>
      {children}
    </Text>
  );
}

/**
 * The smaller heading; `level` 2 where it sits straight under a section's title, so the tagged
 * PDF skips no heading level.
 */
export function Heading3({
  children,
  level = 3,
  keepWithNext = 90,
}: {
  children: ReactNode;
  level?: 2 | 3;
  keepWithNext?: number;
}) {
  return (
    <Text style={styles.h3} tag={level === 2 ? "H2" : "H3"} minPresenceAhead={keepWithNext}>
      {children}
    </Text>
  );
}

/**
 * A sub-heading from the shared list (`report-sections.ts`), as the page words it: level 3 as a
 * bookmarked h2-sized heading, level 4 as the smaller one. Nothing when this report has nothing
 * under it.
 */
export function SubHeading({ heading }: { heading: Subheading | null }) {
  if (heading === null) return null;
  return heading.level === 3 ? <Heading2 bookmark>{heading.title}</Heading2> : <Heading3>{heading.title}</Heading3>;
}

export function Paragraph({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? [styles.paragraph, styles.muted] : styles.paragraph}>{children}</Text>;
}

export function Bullets({ items, numbered, small }: { items: readonly string[]; numbered?: boolean; small?: boolean }) {
  return (
    <View style={{ marginBottom: 6 }} tag="L">
      {items.map((item, index) => (
        <View key={index} style={small ? [styles.bulletRow, styles.small] : styles.bulletRow} wrap={false} tag="LI">
          <Text style={styles.bulletMark} tag="Lbl">
            {numbered ? `${index + 1}.` : "•"}
          </Text>
          <Text style={styles.bulletText} tag="LBody">
            {item}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function Panel({ children, accent }: { children: ReactNode; accent?: boolean }) {
  return <View style={accent ? [styles.panel, styles.panelAccent] : styles.panel}>{children}</View>;
}

export type TagTone = "high" | "medium" | "low" | "brand" | "accent";

const TAG_COLOURS: Record<TagTone, { color: string; backgroundColor: string }> = {
  high: { color: COLOURS.white, backgroundColor: COLOURS.high },
  medium: { color: COLOURS.text, backgroundColor: COLOURS.accent },
  low: { color: COLOURS.white, backgroundColor: COLOURS.low },
  brand: { color: COLOURS.white, backgroundColor: COLOURS.brand },
  accent: { color: COLOURS.text, backgroundColor: COLOURS.accent },
};

export function Tag({ tone, children }: { tone: TagTone; children: string }) {
  return <Text style={[styles.tag, TAG_COLOURS[tone]]}>{children}</Text>;
}

/** A small labelled value, for "Owner: ..." lines. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={{ marginBottom: 3 }}>
      <Text style={styles.semibold}>{label}: </Text>
      {children}
    </Text>
  );
}

export type Cell = string | readonly string[] | ReactElement;

export type Column<Row> = {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
  cell: (row: Row) => Cell;
  align?: "left" | "right";
  bold?: boolean;
  /** The cells of this column head their rows (a label and value table's labels). */
  rowHeader?: boolean;
};

// Rows longer than this may split across pages: a row taller than a page cannot be kept whole.
// Only pathological input (a 2,000-character answer) gets near it.
const UNSPLITTABLE_ROW_CHARS = 1400;

function cellChars(cell: Cell): number {
  if (typeof cell === "string") return cell.length;
  if (Array.isArray(cell)) return cell.reduce((sum: number, line: string) => sum + line.length, 0);
  return 0;
}

function CellContent({ cell, column }: { cell: Cell; column: Column<never> }) {
  // NOTE: a string cell is one Text carrying the cell's width and padding, not a View around a
  // Text: react-pdf's time grows with the number of nodes, and tables are most of them.
  const style = [
    styles.tableCell,
    { width: `${column.width}%` },
    column.bold ? styles.semibold : {},
    column.align === "right" ? { textAlign: "right" as const } : {},
  ];
  // In the tagged PDF a cell is a data cell, or a header for its row in label and value tables.
  const tag = column.rowHeader ? { tag: "TH" as const, scope: "Row" as const } : { tag: "TD" as const };
  if (typeof cell === "string")
    return (
      <Text style={style} {...tag}>
        {cell}
      </Text>
    );
  if (Array.isArray(cell)) {
    const lines = cell as readonly string[];
    if (lines.length <= 1)
      return (
        <Text style={style} {...tag}>
          {lines[0] ?? ""}
        </Text>
      );
    return (
      <Text style={style} {...tag}>
        {lines.map((line) => `• ${line}`).join("\n")}
      </Text>
    );
  }
  return (
    <View style={[styles.tableCell, { width: `${column.width}%` }]} {...tag}>
      {cell as ReactElement}
    </View>
  );
}

/**
 * A table whose header row is never separated from its first row, and whose rows are never
 * split across pages (unless a single row is too long to fit on one).
 */
export function Table<Row>({
  columns,
  rows,
  showHeader = true,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** False for two-column label and value tables, where a header adds nothing. */
  showHeader?: boolean;
}) {
  const header = showHeader ? (
    <View style={styles.tableHeader} tag="TR">
      {columns.map((column, index) => (
        <Text
          key={index}
          tag="TH"
          scope="Column"
          style={[
            styles.tableHeaderCell,
            { width: `${column.width}%` },
            column.align === "right" ? { textAlign: "right" } : {},
          ]}
        >
          {column.header}
        </Text>
      ))}
    </View>
  ) : null;
  let firstRowSplits = false;
  const splitting: boolean[] = [];
  const rowElements = rows.map((row, rowIndex) => {
    const cells = columns.map((column) => column.cell(row));
    const splits = cells.reduce((sum: number, cell) => sum + cellChars(cell), 0) > UNSPLITTABLE_ROW_CHARS;
    if (rowIndex === 0) firstRowSplits = splits;
    splitting.push(splits);
    return (
      <View key={rowIndex} style={styles.tableRow} wrap={splits} tag="TR">
        {cells.map((cell, index) => (
          <CellContent key={index} cell={cell} column={columns[index] as Column<never>} />
        ))}
      </View>
    );
  });
  const [firstRow, ...otherRows] = rowElements;
  // The last row never sits alone at the top of a page: it keeps the row before it (a page with
  // one row and nothing else looked like a mistake). Not when either row may split.
  const tail =
    otherRows.length >= 2 && !splitting.slice(-2).some(Boolean) ? (
      <View wrap={false}>{otherRows.slice(-2)}</View>
    ) : null;
  const middleRows = tail ? otherRows.slice(0, -2) : otherRows;
  // The page the table's first row lands on, recorded while react-pdf paginates (as
  // `createPageTracker` does), so that the repeated header row below shows only on later pages.
  // NOTE: when the first row does not fit at the foot of a page, react-pdf lays it out there,
  // then again on the next page: the last page recorded is the one it is drawn on. The repeated
  // header comes after the first row in the tree, so on every page react-pdf resolves the first
  // row's marker before the header's render prop, and both pagination rounds (the second is
  // for "Page N of M") lay the table out the same way, so the page count in the footer holds.
  const firstRowPages = new Set<number>();
  const repeatedHeader = showHeader ? (
    // `fixed`, so react-pdf repeats it on each page the table continues on (at the top, since
    // the first row is not there), and the tagged PDF marks it as an artifact: the header row in
    // the table's structure is the one above the first row.
    <View
      fixed
      render={({ pageNumber }) => (firstRowPages.size > 0 && pageNumber > Math.max(...firstRowPages) ? header : null)}
    />
  ) : null;
  return (
    <View style={styles.table} tag="Table">
      {/* NOTE: the header travels with the first row as one unbreakable block, so a table that
          cannot start on a page moves whole to the next (taking the heading above it along). A
          plain fixed header was tried first: react-pdf's paginator could leave it alone at the
          foot of a page; the repeated one above shows only on pages after the first row's. */}
      <View wrap={firstRowSplits}>
        <View
          render={({ pageNumber }) => {
            firstRowPages.add(pageNumber);
            return null;
          }}
        />
        {header}
        {firstRow}
      </View>
      {repeatedHeader}
      {middleRows}
      {tail}
    </View>
  );
}

/** A two-column table of labels and values, with or without a header row. */
export function LabelValueTable({
  rows,
  headers,
  labelWidth = 40,
}: {
  rows: readonly (readonly [string, string])[];
  headers?: readonly [string, string];
  labelWidth?: number;
}) {
  return (
    <Table
      showHeader={headers !== undefined}
      columns={[
        { header: headers?.[0] ?? "", width: labelWidth, cell: (row) => row[0], bold: true, rowHeader: true },
        { header: headers?.[1] ?? "", width: 100 - labelWidth, cell: (row) => row[1] },
      ]}
      rows={rows}
    />
  );
}

/** Labels and values worded once for the page and the PDF (`report-wording.ts`). */
export function SummaryTable({ rows, labelWidth = 38 }: { rows: readonly LabelledValue[]; labelWidth?: number }) {
  return <LabelValueTable labelWidth={labelWidth} rows={rows.map((row) => [row.label, row.value] as const)} />;
}

/**
 * The answers behind a finding, as one small paragraph ("Question: answer · ..."): compact enough
 * for long evidence lists, and a single node for react-pdf to lay out.
 */
export function AnswerList({ answers }: { answers: readonly { label: string; value: string }[] }) {
  return (
    <Text style={[styles.small, { color: COLOURS.secondary, marginBottom: 2 }]}>
      {answers.map((answer, index) => (
        <Text key={index}>
          {index > 0 ? "   ·   " : ""}
          {answer.label}: <Text style={{ color: COLOURS.text, fontWeight: 600 }}>{answer.value}</Text>
        </Text>
      ))}
    </Text>
  );
}
