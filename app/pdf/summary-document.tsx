/**
 * The board summary: two to four pages a council or board can read in five minutes. The decision
 * sought, the verdict and where it places the organisation, the people and money it takes, the
 * three most serious risks and the first 90 days, under the report page's own headings
 * (`boardSummaryOutline`), with the same running header, footer and accessible-version rule as
 * the full report. Every figure and sentence is the report model's: nothing is worked out here.
 *
 * Renders a `ReportView` whose strings have already been made safe to typeset (`pdfSafeData`):
 * use `renderReportPdf` with `document: "summary"` rather than rendering this directly.
 */
import { BOARD_SUMMARY_DISAGREEMENTS, type WorkshopFindings } from "../../scoring/workshop-findings";
import { divergentRows, WORKSHOP_SECTION, workshopIntro, workshopListIntro } from "../report/workshop-wording";
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { Severity } from "../../scoring/report-model";
import {
  BOARD_SUMMARY_RISKS,
  BOARD_SUMMARY_TITLE,
  boardSummaryOutline,
  REPORT_SECTIONS,
} from "../report/report-sections";
import { capitalise, decisionFor, levelName, longDate, risksIntro } from "../report/report-wording";
import type { ReportView } from "../report/report-view";
import {
  Bullets,
  createPageTracker,
  Heading2,
  Heading3,
  LabelValueTable,
  outlineEntry,
  Paragraph,
  Tag,
} from "./pdf-blocks";
import {
  AccessibleVersionNote,
  documentMetadata,
  pageChrome,
  paginationProps,
  REPORT_TITLE,
  type PdfLayout,
} from "./report-document";
import { PreparedByBlock } from "./branding-blocks";
import { COLOURS, PAGE_MARGIN, styles, TYPE, type PdfPageSize } from "./pdf-theme";

/** Room a heading needs below it on the page (see `Heading2`). */
const KEEP = 40;

const SEVERITY_LABEL: Record<Severity, string> = { high: "High risk", medium: "Medium risk", low: "Low risk" };

export type SummaryDocumentProps = {
  view: ReportView;
  pageSize: PdfPageSize;
  fontFamily: readonly string[];
  /** The previous render's layout of this same summary, if any (see `ReportDocumentProps`). */
  layoutHint?: PdfLayout | null;
  /** Told the layout (page counts; a summary has no contents page) once react-pdf has paginated. */
  onLayout?: (layout: PdfLayout & { rounds: number }) => void;
};

/** The header and title of the first page: whose summary, of what, when, and where the rest is. */
function CoverBlock({ view }: { view: ReportView }) {
  const { report } = view;
  const name = report.meta.organisationName;
  return (
    <View style={{ marginBottom: 6 }}>
      {view.branding ? <PreparedByBlock branding={view.branding} marginBottom={10} /> : null}
      <View
        style={{
          backgroundColor: COLOURS.brand,
          marginHorizontal: -PAGE_MARGIN.horizontal,
          paddingHorizontal: PAGE_MARGIN.horizontal,
          paddingTop: 16,
          paddingBottom: 16,
          borderBottomWidth: 4,
          borderBottomColor: COLOURS.accent,
          marginBottom: 12,
        }}
      >
        <Text style={{ color: COLOURS.accent, fontSize: TYPE.body, fontWeight: 700, lineHeight: 1.3, marginBottom: 6 }}>
          {BOARD_SUMMARY_TITLE}: engagement readiness
        </Text>
        <Text
          tag="H1"
          style={{
            color: COLOURS.white,
            fontSize: name.length > 80 ? 16 : 22,
            fontWeight: 700,
            lineHeight: 1.2,
            marginBottom: 6,
            maxLines: 3,
            textOverflow: "ellipsis",
          }}
        >
          {name}
        </Text>
        <Text style={{ color: COLOURS.white, fontSize: TYPE.body, lineHeight: 1.3 }}>
          {longDate(report.meta.assessedOn)}
          {view.completedBy ? `   ·   Completed by ${view.completedBy}` : ""}
        </Text>
      </View>
      <Text style={[styles.paragraph, styles.muted]}>
        This summary takes the decision, the verdict, the three most serious risks and the first 90 days from the full “
        {REPORT_TITLE}” ({REPORT_SECTIONS.length} sections and the answers given), which has the evidence, the plan for
        each group and how it was all worked out.
      </Text>
      <AccessibleVersionNote reportUrl={view.reportUrl} tone="contents" />
    </View>
  );
}

function DecisionPart({ view }: { view: ReportView }) {
  const { report } = view;
  const { decision } = report;
  const summary = boardSummaryOutline(report).decision;
  return (
    <>
      <Heading2 bookmark keepWithNext={KEEP}>
        {summary.title}
      </Heading2>
      <View style={{ borderLeftWidth: 4, borderLeftColor: COLOURS.brand, paddingLeft: 10, marginBottom: 6 }}>
        <Text style={[styles.sectionLabel, { letterSpacing: 0, marginBottom: 3 }]}>
          {decisionFor(decision.decisionMaker)}
        </Text>
        <Text style={{ fontSize: TYPE.lead, fontWeight: 700, lineHeight: 1.35 }}>{decision.ask}</Text>
      </View>
      {summary.approve ? (
        <>
          <Heading3 keepWithNext={KEEP}>{summary.approve.title}</Heading3>
          <Bullets items={decision.approve} />
        </>
      ) : null}
      <Heading3 keepWithNext={KEEP}>{summary.takes.title}</Heading3>
      <LabelValueTable
        labelWidth={18}
        rows={[
          ["People", decision.people],
          ["Money", decision.money],
        ]}
      />
    </>
  );
}

function VerdictPart({ view }: { view: ReportView }) {
  const { report } = view;
  const { verdict, method } = report;
  const summary = boardSummaryOutline(report).verdict;
  const band = method.bands.find((candidate) => candidate.id === verdict.band);
  const ceiling = method.levels.find((level) => level.level === verdict.ceiling);
  return (
    <>
      <Heading2 bookmark keepWithNext={KEEP}>
        {summary.title}
      </Heading2>
      <View style={[styles.panel, styles.panelAccent]} wrap={false}>
        <Text style={[styles.strong, { color: COLOURS.brand, marginBottom: 3 }]}>
          Overall readiness {report.overall.score} out of 100: {verdict.bandLabel}
        </Text>
        <Text style={{ fontSize: TYPE.lead, lineHeight: 1.35, fontWeight: 600 }}>{verdict.sentence}</Text>
        <Text style={{ marginTop: 6 }}>
          <Text style={styles.strong}>The most you can offer any group for now is {levelName(verdict.ceiling)}</Text>
          {ceiling ? `: “${ceiling.promise}”` : "."}
        </Text>
      </View>
      <Heading3 keepWithNext={KEEP}>{summary.scale.title}</Heading3>
      {/* The scale as a list: each step, and which one is this organisation's. */}
      <View style={{ flexDirection: "row", gap: 3, marginBottom: 6 }} wrap={false} tag="L">
        {method.bands.map((candidate, index) => {
          const current = candidate.id === verdict.band;
          return (
            <View
              key={candidate.id}
              tag="LI"
              style={{
                flex: 1,
                padding: 5,
                backgroundColor: current ? COLOURS.brand : COLOURS.panel,
                borderBottomWidth: current ? 3 : 0,
                borderBottomColor: COLOURS.accent,
              }}
            >
              <Text
                tag="Lbl"
                style={{ fontSize: TYPE.min, lineHeight: 1.25, color: current ? COLOURS.accent : COLOURS.secondary }}
              >
                {current ? "Your verdict" : `Step ${index + 1}`}
              </Text>
              <Text
                tag="LBody"
                style={{
                  fontSize: TYPE.min,
                  lineHeight: 1.25,
                  fontWeight: current ? 700 : 400,
                  color: current ? COLOURS.white : COLOURS.text,
                }}
              >
                {capitalise(candidate.label)}
              </Text>
            </View>
          );
        })}
      </View>
      {band ? <Paragraph>{band.meaning}</Paragraph> : null}
    </>
  );
}

function RisksPart({ view }: { view: ReportView }) {
  const { report } = view;
  const summary = boardSummaryOutline(report).risks;
  const top = report.risks.slice(0, BOARD_SUMMARY_RISKS);
  const intro =
    report.risks.length === 0
      ? risksIntro(report.risks)
      : report.risks.length <= BOARD_SUMMARY_RISKS
        ? `${risksIntro(report.risks).replace(/, each with the answers that raised it\.$/, ".")} The full report gives the answers that raised each.`
        : `The three most serious of ${report.risks.length} risks. The full report has all of them, each with the answers that raised it.`;
  return (
    <>
      <Heading2 bookmark keepWithNext={KEEP}>
        {summary.title}
      </Heading2>
      <Paragraph>{intro}</Paragraph>
      {top.length > 0 ? (
        <View tag="L">
          {top.map((risk, index) => (
            // A risk and its explanation stay together on one page.
            <View
              key={risk.id}
              tag="LI"
              wrap={risk.explanation.length > 900}
              style={{ flexDirection: "row", marginBottom: 8 }}
            >
              <Text
                tag="Lbl"
                style={{ width: 20, fontSize: TYPE.lead, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.2 }}
              >
                {`${index + 1}.`}
              </Text>
              <View style={{ flex: 1 }} tag="LBody">
                <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 2 }}>
                  <Tag tone={risk.severity}>{SEVERITY_LABEL[risk.severity]}</Tag>
                </View>
                <Text style={{ fontSize: TYPE.body, fontWeight: 700, lineHeight: 1.3, marginBottom: 2 }}>
                  {risk.title}
                </Text>
                <Text>{risk.explanation}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

/**
 * A workshop's board summary: the few questions the team disagreed on most, what it agreed and
 * why, in the full report's words (`workshop-wording.ts`); the full report has up to eight.
 */
function WorkshopPart({ findings }: { findings: WorkshopFindings }) {
  const top = findings.divergent.slice(0, BOARD_SUMMARY_DISAGREEMENTS);
  return (
    <>
      <Heading2 bookmark keepWithNext={KEEP}>
        {WORKSHOP_SECTION.title}
      </Heading2>
      <Paragraph>{workshopIntro(findings)}</Paragraph>
      <Paragraph>
        {workshopListIntro(findings, top.length)}
        {findings.divergent.length > top.length ? ` The full report has all ${findings.divergent.length}.` : ""}
      </Paragraph>
      {top.length > 0 ? (
        <View tag="L">
          {top.map((question, index) => (
            <View key={question.questionId} tag="LI" wrap={false} style={{ flexDirection: "row", marginBottom: 8 }}>
              <Text
                tag="Lbl"
                style={{ width: 20, fontSize: TYPE.lead, fontWeight: 700, color: COLOURS.brand, lineHeight: 1.2 }}
              >
                {`${index + 1}.`}
              </Text>
              <View style={{ flex: 1 }} tag="LBody">
                <Text style={{ fontSize: TYPE.body, fontWeight: 700, lineHeight: 1.3, marginBottom: 2 }}>
                  {question.label}
                </Text>
                {divergentRows(question).map((row) => (
                  <Text key={row.label}>
                    <Text style={{ fontWeight: 600 }}>{row.label}: </Text>
                    {row.value}
                  </Text>
                ))}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

/** The most actions a phase of the first 90 days can have and still fit on one page of the summary. */
const PHASE_ACTIONS_ON_ONE_PAGE = 16;

function RoadmapPart({ view }: { view: ReportView }) {
  const { report } = view;
  const summary = boardSummaryOutline(report).roadmap;
  return (
    <>
      <Heading2 bookmark keepWithNext={KEEP}>
        {summary.title}
      </Heading2>
      {report.strategy.roadmap.map((phase) => (
        // A phase stays on one page with its actions, so no page holds only the last few of them;
        // only a phase too long for a page may break, and then never between its title and goal.
        <View key={phase.phase} wrap={phase.actions.length > PHASE_ACTIONS_ON_ONE_PAGE}>
          <View wrap={false} style={{ marginBottom: 6 }}>
            <View style={{ backgroundColor: COLOURS.brand, paddingVertical: 4, paddingHorizontal: 8, marginBottom: 4 }}>
              <Text style={{ color: COLOURS.white, fontSize: TYPE.body, fontWeight: 700, lineHeight: 1.3 }}>
                {phase.title}: {longDate(phase.startDate)} to {longDate(phase.endDate)}
              </Text>
            </View>
            <Paragraph muted>{phase.goal}</Paragraph>
          </View>
          {phase.actions.length > 0 ? (
            <Bullets items={phase.actions.map((action) => `${action.action} (${action.owner})`)} />
          ) : (
            <Paragraph muted>No actions fall in these days.</Paragraph>
          )}
        </View>
      ))}
    </>
  );
}

/** The board summary document; a plain function (no hooks), like `ReportDocument`. */
export function SummaryDocument({ view, pageSize, fontFamily, layoutHint, onLayout }: SummaryDocumentProps) {
  const fonts = [...fontFamily];
  const metadata = documentMetadata(view);
  return (
    <Document
      {...metadata}
      title={`${BOARD_SUMMARY_TITLE}: ${view.report.meta.organisationName}`}
      subject={`${BOARD_SUMMARY_TITLE} of the ${REPORT_TITLE.toLowerCase()}. ${metadata.subject}`}
      pageMode="useOutlines"
      tagged
      {...paginationProps(layoutHint, createPageTracker(), onLayout)}
    >
      <Page
        size={pageSize}
        style={[styles.page, { fontFamily: fonts }]}
        bookmark={outlineEntry(BOARD_SUMMARY_TITLE)}
        layout={pageChrome(view, `${BOARD_SUMMARY_TITLE}: engagement readiness`)}
      >
        <View style={styles.flow} tag="Sect">
          <CoverBlock view={view} />
          <DecisionPart view={view} />
          <VerdictPart view={view} />
          <RisksPart view={view} />
          {view.workshop ? <WorkshopPart findings={view.workshop} /> : null}
          <RoadmapPart view={view} />
        </View>
      </Page>
    </Document>
  );
}
