/**
 * The PDF's look: the web app's restrained palette, Public Sans in a few sizes, A4 or US Letter
 * pages with room for the running header and footer. Sizes are PDF points (1/72 inch).
 */
import { StyleSheet } from "@react-pdf/renderer";

export const PAGE_SIZES = ["A4", "LETTER"] as const;
export type PdfPageSize = (typeof PAGE_SIZES)[number];

export const BODY_FONT = "Public Sans";
/** Draws what the body font lacks (Arabic, Hebrew, Greek, Cyrillic, symbols); see fonts.server.ts. */
export const FALLBACK_FONT = "DejaVu Sans";

export const COLOURS = {
  brand: "#0b4f5c",
  brandDark: "#083a44",
  accent: "#f2b134",
  text: "#0b0c0c",
  secondary: "#484949",
  border: "#b1b4b6",
  rule: "#d8dcdd",
  panel: "#eef4f5",
  white: "#ffffff",
  high: "#ca3535",
  highPanel: "#fbeaea",
  medium: "#b06d00",
  mediumPanel: "#fdf3e1",
  low: "#505a5f",
  lowPanel: "#f1f2f3",
} as const;

export const PAGE_MARGIN = { top: 26, bottom: 24, horizontal: 56 } as const;

/**
 * Type sizes in points. Body text is 11 pt and nothing is set below 9 pt: a review found 69% of
 * the words at 8.5 pt or smaller, too small for many board members to read on paper. The PDF
 * tests read the sizes back from the content streams and fail below these.
 */
export const TYPE = {
  /** The smallest anything is set: running header and footer, labels, tags. */
  min: 9,
  /** Secondary text: evidence lines, notes, table headers. */
  small: 9.5,
  /** Table cells: body text too. */
  table: 11,
  /** Body text. */
  body: 11,
  /** Emphasised sentences: the verdict, the decision sought. */
  lead: 12.5,
} as const;

export const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE_MARGIN.top,
    paddingBottom: PAGE_MARGIN.bottom,
    paddingHorizontal: PAGE_MARGIN.horizontal,
    fontSize: TYPE.body,
    color: COLOURS.text,
  },
  // NOTE: react-pdf 4.9 re-resolves styles each time it lays a page out again, and multiplies a
  // unitless lineHeight by the font size every time. Text drawn by a render prop (page numbers)
  // is laid out again on every page, so its line height grew without bound and crashed the
  // renderer. Line height is therefore set only on this wrapper around the flowing content (with
  // its font size, so it resolves to points) and on text styles, never on a page or on anything
  // fixed or dynamic.
  flow: { fontSize: TYPE.body, lineHeight: 1.4 },
  /** Space above a section that follows another on the same page. */
  sectionAfter: { marginTop: 28 },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.75,
    borderBottomColor: COLOURS.rule,
    paddingBottom: 5,
    fontSize: TYPE.min,
    color: COLOURS.secondary,
  },
  headerOrganisation: { fontWeight: 600, color: COLOURS.brand, maxWidth: "55%" },
  headerTitle: { maxWidth: "43%", textAlign: "right" },
  content: { flexGrow: 1, paddingTop: 22, paddingBottom: 16 },
  footer: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderTopWidth: 0.75,
    borderTopColor: COLOURS.rule,
    paddingTop: 5,
    fontSize: TYPE.min,
    color: COLOURS.secondary,
  },
  footerNote: { maxWidth: "78%" },
  footerPage: { fontWeight: 600, color: COLOURS.text },

  sectionLabel: {
    fontSize: TYPE.min,
    lineHeight: 1.3,
    fontWeight: 700,
    color: COLOURS.brand,
    letterSpacing: 1,
    textTransform: "uppercase",
    marginBottom: 2,
  },
  h1: { fontSize: 22, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.2, marginBottom: 6 },
  lede: { fontSize: 12, lineHeight: 1.45, color: COLOURS.secondary, marginBottom: 14 },
  h2: {
    fontSize: 15,
    fontWeight: 700,
    color: COLOURS.brand,
    marginTop: 16,
    marginBottom: 6,
    lineHeight: 1.25,
  },
  h3: { fontSize: 12, fontWeight: 700, marginTop: 10, marginBottom: 4, lineHeight: 1.3 },
  paragraph: { marginBottom: 6 },
  muted: { color: COLOURS.secondary },
  small: { fontSize: TYPE.small, lineHeight: 1.35 },
  strong: { fontWeight: 700 },
  semibold: { fontWeight: 600 },
  italic: { fontStyle: "italic" },

  bulletRow: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 12, color: COLOURS.brand, fontWeight: 700 },
  bulletText: { flex: 1 },

  divider: { borderTopWidth: 0.75, borderTopColor: COLOURS.rule, paddingTop: 10 },
  panel: { backgroundColor: COLOURS.panel, padding: 12, marginBottom: 10, borderRadius: 2 },
  panelAccent: { borderLeftWidth: 4, borderLeftColor: COLOURS.accent },

  table: { marginBottom: 10 },
  tableHeader: {
    flexDirection: "row",
    borderTopWidth: 1,
    borderTopColor: COLOURS.brand,
    backgroundColor: COLOURS.panel,
    borderBottomWidth: 0.75,
    borderBottomColor: COLOURS.border,
    fontSize: TYPE.small,
    fontWeight: 700,
    color: COLOURS.brandDark,
    lineHeight: 1.3,
  },
  tableRow: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: COLOURS.rule,
    fontSize: TYPE.table,
    lineHeight: 1.35,
  },
  tableCell: { paddingVertical: 4, paddingHorizontal: 4 },
  tableHeaderCell: { paddingVertical: 4, paddingHorizontal: 4 },

  tag: {
    alignSelf: "flex-start",
    lineHeight: 1.25,
    fontSize: TYPE.min,
    fontWeight: 700,
    // NOTE: wider spacing makes pdftotext (and copy and paste) read "LATER" as "L ATER".
    letterSpacing: 0.2,
    textTransform: "uppercase",
    paddingVertical: 1.5,
    paddingHorizontal: 5,
    borderRadius: 2,
  },
});
