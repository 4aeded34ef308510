/**
 * The Word document's look and its building blocks: Word's own heading styles (Heading 1 to 3,
 * so the Navigation Pane and screen readers find every heading), real lists from numbering
 * definitions, tables whose header row repeats on each page and whose rows never split, and
 * panels drawn with paragraph borders (not one-cell tables, which screen readers announce as
 * tables).
 *
 * The body font is Arial: every copy of Word has it, and LibreOffice substitutes Liberation Sans,
 * which has the same letter widths, so pages break in the same places. Nothing is embedded.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IRunOptions,
  type IStylesOptions,
  type ParagraphChild,
} from "docx";

export const FONT = "Arial";
export const COLOURS = {
  brand: "0B4F5C",
  text: "0B0C0C",
  secondary: "484949",
  border: "B1B4B6",
  rule: "D8DCDD",
  panel: "EEF4F5",
  high: "B42B2B",
  medium: "8A5300",
  white: "FFFFFF",
} as const;

/** A4 in twentieths of a point, with 2.2 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1247 } as const;
/** The width of the text column, in twentieths of a point. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

// Font sizes are in half-points.
const SIZE = { body: 22, small: 19, table: 19, lede: 24, h1: 36, h2: 28, h3: 24, title: 52 } as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, color: COLOURS.text, language: { value: "en-GB" } },
      paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: SIZE.title, bold: true, color: COLOURS.brand },
      paragraph: { spacing: { before: 120, after: 240, line: 252, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: FONT, size: SIZE.h1, bold: true, color: COLOURS.brand },
      paragraph: {
        spacing: { before: 0, after: 200, line: 264, lineRule: LineRuleType.AUTO },
        keepNext: true,
        keepLines: true,
      },
    },
    heading2: {
      run: { font: FONT, size: SIZE.h2, bold: true, color: COLOURS.brand },
      paragraph: {
        spacing: { before: 360, after: 120, line: 264, lineRule: LineRuleType.AUTO },
        keepNext: true,
        keepLines: true,
      },
    },
    heading3: {
      run: { font: FONT, size: SIZE.h3, bold: true, color: COLOURS.text },
      paragraph: {
        spacing: { before: 240, after: 80, line: 264, lineRule: LineRuleType.AUTO },
        keepNext: true,
        keepLines: true,
      },
    },
    hyperlink: { run: { color: COLOURS.brand, underline: {} } },
  },
  paragraphStyles: [
    {
      id: "Lede",
      name: "Lede",
      basedOn: "Normal",
      next: "Normal",
      run: { size: SIZE.lede, color: COLOURS.secondary },
      paragraph: { spacing: { after: 200 } },
    },
    {
      id: "Small",
      name: "Small text",
      basedOn: "Normal",
      next: "Normal",
      run: { size: SIZE.small, color: COLOURS.secondary },
    },
    {
      id: "TableText",
      name: "Table text",
      basedOn: "Normal",
      run: { size: SIZE.table },
      paragraph: { spacing: { before: 0, after: 40, line: 264, lineRule: LineRuleType.AUTO } },
    },
    {
      id: "Panel",
      name: "Panel",
      basedOn: "Normal",
      next: "Normal",
      paragraph: {
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: COLOURS.brand, space: 8 } },
        shading: { type: ShadingType.CLEAR, fill: COLOURS.panel, color: "auto" },
        indent: { left: 200, right: 200 },
        spacing: { after: 0 },
      },
    },
    {
      id: "Kicker",
      name: "Kicker",
      basedOn: "Normal",
      next: "Normal",
      run: { size: 28, bold: true, color: COLOURS.brand },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: "ContentsTitle",
      name: "Contents title",
      basedOn: "Normal",
      next: "Normal",
      run: { size: SIZE.h1, bold: true, color: COLOURS.brand },
      paragraph: { spacing: { after: 200 } },
    },
  ],
};

/** Real lists: bullets, numbers, and the numbers of the report's ten sections. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: "bullets",
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: "•",
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 400, hanging: 260 } } },
        },
      ],
    },
    {
      reference: "numbers",
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: "%1.",
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 400, hanging: 360 } } },
        },
      ],
    },
    {
      reference: "sections",
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: "%1.",
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 0, hanging: 0 } } },
        },
      ],
    },
  ],
};

export type Block = Paragraph | Table;

/** Text as runs, a "\n" in the text as a line break. */
export function runs(text: string, options: Omit<IRunOptions, "text" | "children"> = {}): TextRun[] {
  return text.split("\n").map((line, index) => new TextRun({ ...options, text: line, break: index > 0 ? 1 : 0 }));
}

export function para(
  content: string | readonly ParagraphChild[],
  options: { style?: string; bold?: boolean; keepNext?: boolean; italics?: boolean } = {},
): Paragraph {
  const children =
    typeof content === "string" ? runs(content, { bold: options.bold, italics: options.italics }) : [...content];
  return new Paragraph({ children, style: options.style, keepNext: options.keepNext });
}

/** "Label: value", the label bold: for the short facts the page shows as summary lists. */
export function labelled(label: string, value: string, style?: string, keepNext?: boolean): Paragraph {
  return new Paragraph({
    style,
    keepNext,
    children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)],
  });
}

export function heading(level: 1 | 2 | 3, text: string, options: { bookmark?: string; numbered?: boolean } = {}) {
  const headingLevel = (["Heading1", "Heading2", "Heading3"] as const)[level - 1];
  const children = options.bookmark ? [new Bookmark({ id: options.bookmark, children: runs(text) })] : runs(text);
  return new Paragraph({
    style: headingLevel,
    children,
    pageBreakBefore: level === 1,
    ...(options.numbered ? { numbering: { reference: "sections", level: 0 } } : {}),
  });
}

/** Numbered lists restart at 1: each list is its own instance of the "numbers" definition. */
export class ListCounter {
  private next = 1;
  instance(): number {
    const value = this.next;
    this.next += 1;
    return value;
  }
}

export function bullets(items: readonly string[], options: { style?: string } = {}): Paragraph[] {
  return items.map(
    (item) =>
      new Paragraph({ style: options.style, children: runs(item), numbering: { reference: "bullets", level: 0 } }),
  );
}

export function numbered(items: readonly (string | readonly ParagraphChild[])[], counter: ListCounter): Paragraph[] {
  const instance = counter.instance();
  return items.map(
    (item) =>
      new Paragraph({
        children: typeof item === "string" ? runs(item) : [...item],
        numbering: { reference: "numbers", level: 0, instance },
      }),
  );
}

/** A panel: paragraphs with a coloured rule on the left and a tinted background. */
export function panel(paragraphs: readonly (string | readonly ParagraphChild[])[]): Paragraph[] {
  return paragraphs.map(
    (content, index) =>
      new Paragraph({
        style: "Panel",
        children: typeof content === "string" ? runs(content) : [...content],
        spacing: { before: index === 0 ? 60 : 0, after: index === paragraphs.length - 1 ? 200 : 80 },
        keepNext: index < paragraphs.length - 1,
        keepLines: true,
      }),
  );
}

/**
 * A line of a cell with its own look. `colour` (hex, no "#") sets a tag's text in its colour, as
 * the risks set their severity: the words always say the same without it.
 */
export type CellLine = { text: string; bold?: boolean; muted?: boolean; colour?: string };

/** A cell: one paragraph, several (a list of lines), or lines with their own look. */
export type CellContent = string | readonly string[] | readonly CellLine[];

export type Column = { header: string; width: number; bold?: boolean; align?: "right" };

function cellParagraphs(content: CellContent, column: Column): Paragraph[] {
  const lines: readonly CellLine[] =
    typeof content === "string"
      ? [{ text: content }]
      : content.map((line) => (typeof line === "string" ? { text: line } : line));
  const list = typeof content !== "string" && content.length > 1 && content.every((line) => typeof line === "string");
  return (lines.length === 0 ? [{ text: "" }] : lines).map(
    (line) =>
      new Paragraph({
        style: "TableText",
        alignment: column.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(line.text, {
          bold: line.bold ?? (line.muted ? false : column.bold),
          color: line.colour ?? (line.muted ? COLOURS.secondary : undefined),
        }),
        ...(list ? { numbering: { reference: "bullets", level: 0 } } : {}),
      }),
  );
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule };
const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" };

/**
 * A table with a header row that repeats on every page it runs onto (`tableHeader`) and rows that
 * never split across pages (`cantSplit`), its cells real text. Widths are shares of the column.
 */
export function table(columns: readonly Column[], rows: readonly (readonly CellContent[])[]): Table {
  const widths = columns.map((column) => Math.round((column.width / 100) * CONTENT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column, index) =>
        new TableCell({
          width: { size: widths[index] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: COLOURS.brand, color: "auto" },
          margins: CELL_MARGINS,
          children: [
            new Paragraph({
              style: "TableText",
              alignment: column.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: runs(column.header, { bold: true, color: COLOURS.white }),
            }),
          ],
        }),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map(
          (column, index) =>
            new TableCell({
              width: { size: widths[index] ?? 0, type: WidthType.DXA },
              margins: CELL_MARGINS,
              children: cellParagraphs(row[index] ?? "", column),
            }),
        ),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE },
  });
}

/**
 * A chart drawn as a PNG (`chart-png.server.ts`), the text block's full width, kept with the
 * table that follows it, with alternative text that gives its figures.
 */
export function chartPicture(chart: { png: Buffer; width: number; height: number }, name: string, description: string) {
  const widthPx = Math.round((CONTENT_WIDTH / 1440) * 96);
  return new Paragraph({
    // NOTE: an explicit single line spacing: with the document's 1.2 lines as the default,
    // LibreOffice clipped the picture to one line's height.
    spacing: { before: 120, after: 200, line: 240, lineRule: LineRuleType.AUTO },
    keepNext: true,
    children: [
      new ImageRun({
        type: "png",
        data: chart.png,
        transformation: { width: widthPx, height: Math.round((chart.height / chart.width) * widthPx) },
        altText: { name, title: name, description },
      }),
    ],
  });
}

/** Space after a table, so the next paragraph does not touch its last rule. */
export function afterTable(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 120 } });
}

/**
 * "The answers behind this", as a small heading-less block with a bulleted list, kept on one page
 * (and so with the step or risk it follows, which keeps itself with this list).
 */
export function evidence(answers: readonly { label: string; value: string }[]): Paragraph[] {
  if (answers.length === 0) return [];
  return [
    new Paragraph({
      style: "Small",
      keepNext: true,
      spacing: { before: 60, after: 40 },
      children: [new TextRun({ text: "The answers behind this", bold: true, color: COLOURS.brand })],
    }),
    ...answers.map(
      (answer, index) =>
        new Paragraph({
          style: "Small",
          keepNext: index < answers.length - 1,
          keepLines: true,
          spacing: { after: 40 },
          numbering: { reference: "bullets", level: 0 },
          children: [new TextRun({ text: `${answer.label}: ` }), ...runs(answer.value, { color: COLOURS.text })],
        }),
    ),
  ];
}
