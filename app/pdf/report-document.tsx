/**
 * The readiness report and starter strategy as a react-pdf document: a cover, a contents page
 * with page numbers, the report page's ten sections under the same headings and then every answer
 * as given, each opening a new page (and each a bookmark in the outline), and a running header
 * and footer naming the accessible HTML version (a read-only link, or how to ask for one).
 *
 * Renders a `ReportView` whose strings have already been made safe to typeset (`pdfSafeData`):
 * use `renderReportPdf` rather than rendering this directly.
 */
import { Document, Link, Page, Text, View } from "@react-pdf/renderer";
import { Children, Fragment, type ComponentProps, type ReactElement } from "react";
import { COMPARISON_TITLE } from "../reassessment/comparison-wording";
import { ANSWERS_APPENDIX, REPORT_SECTIONS } from "../report/report-sections";
import { longDate } from "../report/report-wording";
import type { ReportView } from "../report/report-view";
import { AnswersAppendixSection, MethodSection, ThingsToFindOutSection } from "./appendix-sections";
import { HeaderBranding, PreparedByBlock } from "./branding-blocks";
import { ANNEX_FROM, bookmarkProps, createPageTracker, outlineEntry, type PageTracker } from "./pdf-blocks";
import { COLOURS, PAGE_MARGIN, styles, type PdfPageSize, TYPE } from "./pdf-theme";
import {
  CapacitySection,
  DecisionSection,
  EngagementSection,
  ReadinessSection,
  RecommendationsSection,
  RisksSection,
  VerdictSection,
  type SectionProps,
} from "./report-sections";
import { ReassessmentSection } from "./reassessment-section";
import { StrategySection } from "./strategy-section";
import { WorkshopSection } from "./workshop-section";
import { WORKSHOP_SECTION } from "../report/workshop-wording";

export const REPORT_TITLE = "Engagement readiness report and starter strategy";

/** The sections in report order (the page's, then the answers): the headings and the outline's entries. */
export const PDF_SECTIONS = [...REPORT_SECTIONS, ANSWERS_APPENDIX] as const;
type SectionId = (typeof PDF_SECTIONS)[number]["id"];

/**
 * A re-assessment's comparison with the client's previous assessment. It comes before section 1,
 * outside the numbering, so the sections keep the numbers the report page and its cross-references
 * give them whether or not there is an earlier assessment.
 */
export const PROGRESS_SECTION = { id: "progress", label: "Since the last assessment" } as const;

/** A workshop's disagreements, likewise before section 1 and outside the numbering. */
export const WORKSHOP_PDF_SECTION = { id: WORKSHOP_SECTION.id, label: "From the workshop" } as const;

/** Page sizes in points, as react-pdf names them. */
export const PAGE_DIMENSIONS: Record<PdfPageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

export type ReportDocumentProps = {
  view: ReportView;
  pageSize: PdfPageSize;
  /** The font stack: the body font first, then fallbacks (see fonts.server.ts). */
  fontFamily: readonly string[];
  /**
   * The previous render's layout of this same document, if any: lets react-pdf lay it out once
   * instead of twice when the page count still matches (see render-report.server.ts).
   */
  layoutHint?: PdfLayout | null;
  /** Told the layout (page counts, where each section starts) once react-pdf has paginated. */
  onLayout?: (layout: PdfLayout & { rounds: number }) => void;
};

/** What one render learnt about its layout, and the next render of the same document can reuse. */
export type PdfLayout = {
  /** Pages in the whole document. */
  totalPages: number;
  /** Pages each `<Page>` element became, in order. */
  subTotals: number[];
  /** The page each section starts on, as the contents page prints it. */
  sectionPages: Record<string, number>;
};

/**
 * The Document props our react-pdf patch reads (patches/README.md): totals known in advance, and
 * a report of the totals once paginated. NOTE: passed as a spread object because react-pdf's
 * types do not declare them.
 */
export function paginationProps(
  hint: PdfLayout | null | undefined,
  tracker: PageTracker,
  onLayout: ReportDocumentProps["onLayout"],
): object {
  return {
    ...(hint ? { pageTotals: { totalPages: hint.totalPages, subTotals: hint.subTotals } } : {}),
    ...(onLayout
      ? {
          onPaginate: (totals: { totalPages: number; subTotals: number[]; rounds: number }) =>
            onLayout({ ...totals, sectionPages: tracker.pages() }),
        }
      : {}),
  };
}

/**
 * Where the accessible version is, in the PDF's words. The PDF names only a read-only link: with
 * none, it tells the reader how to get one instead. (The private link is never passed in: anyone
 * holding it could change the answers, and PDFs get forwarded and published.)
 */
export const ASK_FOR_ACCESSIBLE_VERSION =
  "Ask the person who shared this report for the link to its accessible web version.";

export function documentMetadata(view: ReportView) {
  const { report } = view;
  const name = report.meta.organisationName;
  const accessible = view.reportUrl ? `Accessible version: ${view.reportUrl}` : ASK_FOR_ACCESSIBLE_VERSION;
  return {
    title: `${REPORT_TITLE}: ${name}`,
    author: view.completedBy ?? name,
    subject: `How ready ${name} is for online engagement (${report.verdict.bandLabel}), with a 90-day starter strategy. ${accessible}`,
    keywords: "online engagement, social media, readiness, public participation, starter strategy, public sector",
    creator: "Engagement readiness assessment",
    producer: "Engagement readiness assessment (react-pdf)",
    language: "en-GB",
  };
}

type PageLayoutProps = Parameters<NonNullable<ComponentProps<typeof Page>["layout"]>>[0];

/**
 * The page template for every page after the cover: running header, the flowing content, and
 * the footer with the page number and the accessible version's address. react-pdf reserves
 * the chrome's space on each page it produces. `title` names the document in the running header.
 */
export function pageChrome(view: ReportView, title: string = REPORT_TITLE) {
  const name = view.report.meta.organisationName;
  return function PageChrome({ children, pageNumber, totalPages }: PageLayoutProps) {
    return (
      <>
        <View
          style={
            view.branding?.accentColour
              ? [styles.header, { borderBottomColor: view.branding.accentColour }]
              : styles.header
          }
          tag="Artifact"
        >
          <Text style={[styles.headerOrganisation, { maxLines: 1, textOverflow: "ellipsis" }]}>{name}</Text>
          {/* A client's report names the consultancy that prepared it in place of the title. */}
          {view.branding ? (
            <HeaderBranding branding={view.branding} />
          ) : (
            <Text style={[styles.headerTitle, { maxLines: 1 }]}>{title}</Text>
          )}
        </View>
        {/* NOTE: the pages arrive as a list without keys; toArray gives each one. */}
        <View style={styles.content}>{Children.toArray(children)}</View>
        {/* Running header and footer are page decoration (artifacts) for screen readers, so the
            address is printed here for readers of paper copies, not linked: the cover and the
            contents page carry the link. */}
        <View style={styles.footer} tag="Artifact">
          <Text style={styles.footerNote}>
            {view.reportUrl
              ? `Accessible version of this report: ${view.reportUrl}`
              : "Accessible version: ask the person who shared this report for its web link"}
          </Text>
          <Text style={styles.footerPage}>
            {totalPages ? `Page ${pageNumber} of ${totalPages}` : `Page ${pageNumber}`}
          </Text>
        </View>
      </>
    );
  };
}

export function AccessibleVersionNote({ reportUrl, tone }: { reportUrl: string | null; tone: "cover" | "contents" }) {
  return (
    <View
      style={{
        borderWidth: 0.75,
        borderColor: COLOURS.border,
        borderLeftWidth: 4,
        borderLeftColor: COLOURS.brand,
        padding: 10,
        backgroundColor: tone === "cover" ? COLOURS.white : COLOURS.panel,
      }}
    >
      <Text style={[styles.small, styles.strong, { color: COLOURS.brand, marginBottom: 2 }]}>Accessible version</Text>
      {reportUrl ? (
        <>
          <Text style={styles.small}>
            This PDF is tagged, so screen readers can follow its headings, lists and tables. The same report is also a
            web page, which you can resize and read in any browser, at
          </Text>
          {/* On a line of its own, so the address is never broken. */}
          <Link src={reportUrl} style={[styles.small, { color: COLOURS.brand }]}>
            {reportUrl}
          </Link>
        </>
      ) : (
        <Text style={styles.small}>
          This PDF is tagged, so screen readers can follow its headings, lists and tables. The same report is also a web
          page, which you can resize and read in any browser. {ASK_FOR_ACCESSIBLE_VERSION}
        </Text>
      )}
    </View>
  );
}

function CoverPage({ view, size, fontFamily }: { view: ReportView; size: PdfPageSize; fontFamily: string[] }) {
  const { report } = view;
  const name = report.meta.organisationName;
  // Long names step down in size so they still fit the cover; the rest of the report wraps them.
  const nameSize = name.length > 120 ? 16 : name.length > 60 ? 22 : 30;
  const band = report.verdict.bandLabel;
  const rows: [string, string][] = [
    ...(view.completedBy ? [["Completed by", view.completedBy] as [string, string]] : []),
    ["Assessed on", longDate(report.meta.assessedOn)],
    ["Questionnaire version", report.meta.questionnaireVersion],
    ["Method version", report.meta.methodVersion],
  ];
  return (
    <Page size={size} style={{ fontFamily, color: COLOURS.text, fontSize: TYPE.body }} bookmark={outlineEntry("Cover")}>
      {view.branding ? (
        <View style={{ paddingHorizontal: PAGE_MARGIN.horizontal, paddingTop: 36 }}>
          <PreparedByBlock branding={view.branding} marginBottom={0} />
        </View>
      ) : null}
      <View
        style={{
          backgroundColor: COLOURS.brand,
          paddingHorizontal: PAGE_MARGIN.horizontal,
          paddingTop: view.branding ? 40 : 90,
          paddingBottom: 36,
        }}
      >
        <Text style={{ color: COLOURS.accent, fontSize: 12, fontWeight: 600, lineHeight: 1.3, marginBottom: 14 }}>
          {REPORT_TITLE}
        </Text>
        <Text
          tag="H1"
          style={{
            color: COLOURS.white,
            fontSize: nameSize,
            fontWeight: 700,
            lineHeight: 1.15,
            marginBottom: 14,
            maxLines: 6,
            textOverflow: "ellipsis",
          }}
        >
          {name}
        </Text>
        <Text style={{ color: COLOURS.white, fontSize: 12 }}>{longDate(report.meta.assessedOn)}</Text>
      </View>
      <View style={{ height: 5, backgroundColor: COLOURS.accent }} />
      <View style={[styles.flow, { paddingHorizontal: PAGE_MARGIN.horizontal, paddingTop: 30, flexGrow: 1 }]}>
        <Text style={styles.sectionLabel}>Verdict</Text>
        <Text style={{ fontSize: 18, fontWeight: 700, color: COLOURS.brand, marginBottom: 8, lineHeight: 1.25 }}>
          {band.charAt(0).toUpperCase() + band.slice(1)}
        </Text>
        <Text style={{ fontSize: 12, lineHeight: 1.45, marginBottom: 22, maxLines: 10, textOverflow: "ellipsis" }}>
          {report.verdict.sentence}
        </Text>
        <View style={{ borderTopWidth: 0.75, borderTopColor: COLOURS.rule, marginBottom: 22 }}>
          {rows.map(([label, value]) => (
            <View
              key={label}
              style={{
                flexDirection: "row",
                paddingVertical: 5,
                borderBottomWidth: 0.75,
                borderBottomColor: COLOURS.rule,
              }}
            >
              <Text style={{ width: 130, color: COLOURS.secondary }}>{label}</Text>
              <Text style={{ flex: 1, fontWeight: 600, maxLines: 3, textOverflow: "ellipsis" }}>{value}</Text>
            </View>
          ))}
        </View>
      </View>
      <View style={[styles.flow, { paddingHorizontal: PAGE_MARGIN.horizontal, paddingBottom: 40 }]}>
        <AccessibleVersionNote reportUrl={view.reportUrl} tone="cover" />
      </View>
    </Page>
  );
}

function ContentsPage({
  view,
  size,
  fontFamily,
  tracker,
}: {
  view: ReportView;
  size: PdfPageSize;
  fontFamily: string[];
  tracker: PageTracker;
}) {
  return (
    <Page
      size={size}
      style={[styles.page, { fontFamily }]}
      bookmark={outlineEntry("Contents")}
      layout={pageChrome(view)}
    >
      <Text style={styles.h1} tag="H1">
        Contents
      </Text>
      <View style={{ marginTop: 10, marginBottom: 24, borderTopWidth: 1, borderTopColor: COLOURS.brand }} tag="TOC">
        {view.progress ? (
          <View
            tag="TOCI"
            style={{
              flexDirection: "row",
              alignItems: "baseline",
              paddingVertical: 7,
              borderBottomWidth: 0.75,
              borderBottomColor: COLOURS.rule,
            }}
          >
            <Text style={{ width: 28 }} />
            <Text style={{ flex: 1, fontSize: 11 }}>{COMPARISON_TITLE}</Text>
            <Text
              style={{ width: 40, textAlign: "right", fontSize: 11, fontWeight: 600 }}
              render={() => String(tracker.pageOf(PROGRESS_SECTION.id) ?? "")}
            />
          </View>
        ) : null}
        {view.workshop ? (
          <View
            tag="TOCI"
            style={{
              flexDirection: "row",
              alignItems: "baseline",
              paddingVertical: 7,
              borderBottomWidth: 0.75,
              borderBottomColor: COLOURS.rule,
            }}
          >
            <Text style={{ width: 28 }} />
            <Text style={{ flex: 1, fontSize: 11 }}>{WORKSHOP_SECTION.title}</Text>
            <Text
              style={{ width: 40, textAlign: "right", fontSize: 11, fontWeight: 600 }}
              render={() => String(tracker.pageOf(WORKSHOP_PDF_SECTION.id) ?? "")}
            />
          </View>
        ) : null}
        {PDF_SECTIONS.map((section, index) => (
          <Fragment key={section.id}>
            {index + 1 === ANNEX_FROM ? (
              <Text style={[styles.sectionLabel, { marginTop: 14, marginBottom: 0, paddingBottom: 4 }]}>
                Annex: the method and your answers
              </Text>
            ) : null}
            <View
              tag="TOCI"
              style={{
                flexDirection: "row",
                alignItems: "baseline",
                paddingVertical: 7,
                borderBottomWidth: 0.75,
                borderBottomColor: COLOURS.rule,
              }}
            >
              <Text style={{ width: 28, fontWeight: 700, color: COLOURS.brand, fontSize: 11 }}>{index + 1}</Text>
              <Text style={{ flex: 1, fontSize: 11 }}>{section.title}</Text>
              <Text
                style={{ width: 40, textAlign: "right", fontSize: 11, fontWeight: 600 }}
                render={() => String(tracker.pageOf(section.id) ?? "")}
              />
            </View>
          </Fragment>
        ))}
      </View>
      <AccessibleVersionNote reportUrl={view.reportUrl} tone="contents" />
    </Page>
  );
}

/**
 * Pages for the sections. The body's sections follow one another on the same run of pages, so a
 * short section (nothing left to find out, a decision that runs a few lines over) never leaves a
 * page nearly empty; each section opens with room below its title or moves on whole. The annex
 * sections each start a new page.
 */
function SectionPages({
  sections,
  size,
  fontFamily,
  view,
}: {
  sections: { section: (typeof PDF_SECTIONS)[number]; number: number; body: ReactElement }[];
  size: PdfPageSize;
  fontFamily: string[];
  view: ReportView;
}) {
  return (
    <Page size={size} style={[styles.page, { fontFamily }]} layout={pageChrome(view)}>
      {sections.map(({ section, number, body }, index) => (
        <View
          key={section.id}
          style={index === 0 ? styles.flow : [styles.flow, styles.sectionAfter]}
          tag="Sect"
          {...bookmarkProps(`${number}. ${section.title}`)}
        >
          {body}
        </View>
      ))}
    </Page>
  );
}

const SECTION_BODIES: Record<SectionId, (props: SectionProps & { chartWidth: number }) => ReactElement> = {
  verdict: VerdictSection,
  decision: DecisionSection,
  readiness: ReadinessSection,
  engagement: EngagementSection,
  capacity: CapacitySection,
  risks: RisksSection,
  recommendations: RecommendationsSection,
  strategy: StrategySection,
  "find-out": ThingsToFindOutSection,
  method: MethodSection,
  answers: AnswersAppendixSection,
};

/** The body's sections in one group; each annex section in a group of its own. */
function sectionGroups(): (typeof PDF_SECTIONS)[number][][] {
  const body = PDF_SECTIONS.filter((_, index) => index + 1 < ANNEX_FROM);
  const annex = PDF_SECTIONS.filter((_, index) => index + 1 >= ANNEX_FROM);
  return [body, ...annex.map((section) => [section])];
}

/** The document element; a plain function (it uses no hooks) so callers get a typed element. */
export function ReportDocument({ view, pageSize, fontFamily, layoutHint, onLayout }: ReportDocumentProps) {
  // One tracker per render: concurrent renders in one thread must not share page numbers.
  const tracker = createPageTracker(layoutHint?.sectionPages);
  const fonts = [...fontFamily];
  const chartWidth = PAGE_DIMENSIONS[pageSize].width - 2 * PAGE_MARGIN.horizontal;
  return (
    <Document
      {...documentMetadata(view)}
      pageMode="useOutlines"
      tagged
      {...paginationProps(layoutHint, tracker, onLayout)}
    >
      <CoverPage view={view} size={pageSize} fontFamily={fonts} />
      <ContentsPage view={view} size={pageSize} fontFamily={fonts} tracker={tracker} />
      {view.progress ? (
        <Page size={pageSize} style={[styles.page, { fontFamily: fonts }]} layout={pageChrome(view)}>
          <View style={styles.flow} tag="Sect" {...bookmarkProps(COMPARISON_TITLE)}>
            <ReassessmentSection
              comparison={view.progress.comparison}
              trend={view.progress.trend}
              number={PROGRESS_SECTION.label}
              marker={tracker.marker(PROGRESS_SECTION.id)}
              chartWidth={chartWidth}
            />
          </View>
        </Page>
      ) : null}
      {view.workshop ? (
        <Page size={pageSize} style={[styles.page, { fontFamily: fonts }]} layout={pageChrome(view)}>
          <View style={styles.flow} tag="Sect" {...bookmarkProps(WORKSHOP_SECTION.title)}>
            <WorkshopSection
              findings={view.workshop}
              number={WORKSHOP_PDF_SECTION.label}
              marker={tracker.marker(WORKSHOP_PDF_SECTION.id)}
            />
          </View>
        </Page>
      ) : null}
      {sectionGroups().map((group) => (
        <SectionPages
          key={group[0]?.id}
          size={pageSize}
          fontFamily={fonts}
          view={view}
          sections={group.map((section) => {
            const number = PDF_SECTIONS.indexOf(section) + 1;
            const Body = SECTION_BODIES[section.id];
            return {
              section,
              number,
              body: (
                <Body
                  view={view}
                  number={number}
                  title={section.title}
                  marker={tracker.marker(section.id)}
                  chartWidth={chartWidth}
                />
              ),
            };
          })}
        />
      ))}
    </Document>
  );
}
