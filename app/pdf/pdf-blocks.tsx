/**
 * The building blocks of the PDF: section openings, headings that stay with what follows,
 * bullet lists, panels, tags and tables whose rows never split across pages.
 */
import { Text, View } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import { COLOURS, styles } from "./pdf-theme";

/** Where each section starts, filled in while react-pdf paginates (see `PageTracker`). */
export type PageTracker = {
  /** An invisible marker that records the page it lands on. */
  marker: (id: string) => ReactElement;
  pageOf: (id: string) => number | undefined;
};

/**
 * Records section start pages during layout so the contents page can print them in the same
 * render. NOTE: this relies on react-pdf calling every `render` prop once while it paginates and
 * again, in page order, once the page count is known: by the second round every marker after
 * the contents page has reported its page. The PDF integration test checks the printed numbers
 * against where pdftotext finds each heading, so a change in react-pdf cannot go unnoticed.
 */
export function createPageTracker(): PageTracker {
  const pages = new Map<string, number>();
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
  };
}

/** Minimum room (points) a heading needs below it on the page, or it moves to the next page. */
const KEEP_WITH_NEXT = 90;

export function SectionOpening({
  number,
  title,
  lede,
  marker,
}: {
  number: number;
  title: string;
  lede?: string;
  marker: ReactElement;
}) {
  return (
    <View style={{ marginBottom: 4 }}>
      {marker}
      <Text style={styles.sectionLabel}>Section {number}</Text>
      <Text style={styles.h1}>{title}</Text>
      {lede ? <Text style={styles.lede}>{lede}</Text> : null}
    </View>
  );
}

export function Heading2({ children, bookmark }: { children: string; bookmark?: boolean }) {
  return (
    <Text style={styles.h2} minPresenceAhead={KEEP_WITH_NEXT} bookmark={bookmark ? children : undefined}>
      {children}
    </Text>
  );
}

export function Heading3({ children }: { children: ReactNode }) {
  return (
    <Text style={styles.h3} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

export function Paragraph({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? [styles.paragraph, styles.muted] : styles.paragraph}>{children}</Text>;
}

export function Bullets({ items, numbered, small }: { items: readonly string[]; numbered?: boolean; small?: boolean }) {
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map((item, index) => (
        <View key={index} style={small ? [styles.bulletRow, styles.small] : styles.bulletRow} wrap={false}>
          <Text style={styles.bulletMark}>{numbered ? `${index + 1}.` : "•"}</Text>
          <Text style={styles.bulletText}>{item}</Text>
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
};

// Rows longer than this may split across pages: a row taller than a page cannot be kept whole.
const UNSPLITTABLE_ROW_CHARS = 1400;

function cellChars(cell: Cell): number {
  if (typeof cell === "string") return cell.length;
  if (Array.isArray(cell)) return cell.reduce((sum: number, line: string) => sum + line.length, 0);
  return 0;
}

function CellContent({ cell, bold, align }: { cell: Cell; bold?: boolean; align?: "left" | "right" }) {
  const style = [bold ? styles.semibold : {}, align === "right" ? { textAlign: "right" as const } : {}];
  if (typeof cell === "string") return <Text style={style}>{cell}</Text>;
  if (Array.isArray(cell)) {
    const lines = cell as readonly string[];
    if (lines.length === 1) return <Text style={style}>{lines[0]}</Text>;
    return (
      <View>
        {lines.map((line, index) => (
          <View key={index} style={{ flexDirection: "row", marginBottom: index === lines.length - 1 ? 0 : 1.5 }}>
            <Text style={{ width: 8, color: COLOURS.brand }}>•</Text>
            <Text style={[{ flex: 1 }, ...style]}>{line}</Text>
          </View>
        ))}
      </View>
    );
  }
  return cell as ReactElement;
}

/**
 * A table with a header row that repeats on every page the table spans, and rows that are
 * never split across pages (unless a single row is too long to fit on one).
 */
export function Table<Row>({
  columns,
  rows,
  keepWithPrevious,
  showHeader = true,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** False for two-column label and value tables, where a header adds nothing. */
  showHeader?: boolean;
  /** Keep the first rows on the same page as the heading above. */
  keepWithPrevious?: boolean;
}) {
  return (
    <View style={styles.table} minPresenceAhead={keepWithPrevious ? 40 : undefined}>
      {showHeader ? (
        <View style={styles.tableHeader} fixed>
        {columns.map((column, index) => (
          <Text
            key={index}
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
      ) : null}
      {rows.map((row, rowIndex) => {
        const cells = columns.map((column) => column.cell(row));
        const chars = cells.reduce((sum: number, cell) => sum + cellChars(cell), 0);
        return (
          <View key={rowIndex} style={styles.tableRow} wrap={chars > UNSPLITTABLE_ROW_CHARS}>
            {cells.map((cell, index) => (
              <View key={index} style={[styles.tableCell, { width: `${columns[index]?.width ?? 0}%` }]}>
                <CellContent cell={cell} bold={columns[index]?.bold} align={columns[index]?.align} />
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

/** Two-column question and answer list, used for evidence and the answers appendix. */
export function AnswerList({ answers }: { answers: readonly { label: string; value: string }[] }) {
  return (
    <View style={{ marginTop: 2, marginBottom: 4 }}>
      {answers.map((answer, index) => (
        <View
          key={index}
          style={[styles.small, { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: COLOURS.rule }]}
          wrap={answer.label.length + answer.value.length > UNSPLITTABLE_ROW_CHARS}
        >
          <Text style={[styles.muted, { width: "42%", paddingRight: 8 }]}>{answer.label}</Text>
          <Text style={{ width: "58%" }}>{answer.value}</Text>
        </View>
      ))}
    </View>
  );
}
