/**
 * The readiness report and starter strategy as an editable Word document: a cover, a short
 * contents, what has changed since the last assessment (a re-assessment) and where the team
 * disagreed (a workshop), both before section 1 as in the PDF, the report page's ten sections
 * under the page's own headings in the page's order (`report-sections.ts` drives the page, the
 * PDF and this), and every answer as an appendix.
 *
 * It prints the report model's own words and figures, worded by `report-wording.ts` as the page
 * words them: nothing is worked out here. The edit link and anything from the request are never
 * in it: the view's `reportUrl` is not read.
 *
 * Headings: the page's h2 (the sections) are Heading 1, its h3 Heading 2 and its h4 Heading 3.
 * Contents: a list of the sections linked to their headings, not a TOC field. A TOC field is
 * empty until Word updates it (LibreOffice and some viewers never do), and asking Word to update
 * fields on opening brings up a prompt; the Navigation Pane lists every heading anyway.
 */
import {
  divergentRows,
  WORKSHOP_SECTION,
  workshopIntro,
  workshopListIntro,
  workshopMethodPointer,
} from "../../report/workshop-wording";
import {
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  InternalHyperlink,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from "docx";
import {
  reportOutline,
  riskGroups,
  sectionPointer,
  sectionTitle,
  type ReportSectionId,
} from "../../report/report-sections";
import { REPORT_SECTIONS, ANSWERS_APPENDIX } from "../../report/report-sections";
import {
  actionWhen,
  assumptionText,
  cadenceLabel,
  capacityQuestionRows,
  capacityReplyRows,
  capacityTakesRows,
  capacityWatchRows,
  capitalise,
  decisionFor,
  heldByVerdictText,
  levelName,
  longDate,
  measureNote,
  phaseDays,
  plainNumber,
  recommendationWhen,
  replyTimeParts,
  risksIntro,
  sentimentLabel,
  shortfallNoteShown,
  stepValue,
  summaryBesideHeadline,
  type LabelledValue,
} from "../../report/report-wording";
import type { ReportBranding, ReportView } from "../../report/report-view";
import type { CalculationStep, ReadinessReport } from "../../../scoring/report-model";
import { EXPORT_PRODUCT } from "../export-meta";
import { readinessChartPng } from "./chart-png.server";
import {
  afterTable,
  bullets,
  COLOURS,
  evidence,
  heading,
  labelled,
  ListCounter,
  NUMBERING,
  numbered,
  PAGE,
  panel,
  para,
  runs,
  STYLES,
  table,
  chartPicture,
  type Block,
} from "./docx-blocks.server";
import { docxSafeData } from "./docx-text";
import { PROGRESS_DOCX_SECTION, reassessmentSection } from "./reassessment-docx.server";

export const REPORT_TITLE = "Engagement readiness report and starter strategy";

type Ctx = { view: ReportView; report: ReadinessReport; lists: ListCounter };

const SEVERITY_LABEL = { high: "High risk", medium: "Medium risk", low: "Low risk" } as const;
const PRIORITY_LABEL = { now: "Do now", next: "Do next", later: "Do later" } as const;

function sectionBookmark(id: string): string {
  // Bookmark names: letters, digits and underscores, starting with a letter.
  return `section_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

function sectionHeading(id: ReportSectionId): Paragraph {
  return heading(1, sectionTitle(id), { bookmark: sectionBookmark(id), numbered: true });
}

function sub(h: { level: 3 | 4; title: string } | null): Paragraph[] {
  if (h === null) return [];
  return [heading(h.level === 3 ? 2 : 3, h.title)];
}

function summaryRows(rows: readonly LabelledValue[]): Paragraph[] {
  return rows.map((row) => labelled(row.label, row.value));
}

// ---------------------------------------------------------------------------------------------
// Cover and contents
// ---------------------------------------------------------------------------------------------

/**
 * A client's report: the consultancy's logo (the stored, re-encoded PNG, with alternative text)
 * and "Prepared by" its name at the top of the first page, over a rule in its accent colour.
 */
function preparedBy(branding: ReportBranding): Block[] {
  const { logo } = branding;
  // At most 180 by 60 pixels on the page (about 4.8 by 1.6 cm), never enlarged.
  const scale = logo ? Math.min(180 / logo.width, 60 / logo.height, 1) : 1;
  return [
    new Paragraph({ children: [], spacing: { before: 400 } }),
    ...(logo
      ? [
          new Paragraph({
            spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO },
            children: [
              new ImageRun({
                type: "png",
                data: Buffer.from(logo.pngBase64, "base64"),
                transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
                altText: {
                  name: `${branding.workspaceName} logo`,
                  title: `${branding.workspaceName} logo`,
                  description: `${branding.workspaceName} logo`,
                },
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({
      children: runs(`Prepared by ${branding.workspaceName}`, { bold: true, size: 24 }),
      spacing: { after: 600 },
      ...(branding.accentColour
        ? {
            border: {
              bottom: { style: BorderStyle.SINGLE, size: 24, space: 8, color: branding.accentColour.slice(1) },
            },
          }
        : {}),
    }),
  ];
}

function cover({ view, report }: Ctx): Block[] {
  const facts: [string, string][] = [
    ...(view.completedBy ? [["Completed by", view.completedBy] as [string, string]] : []),
    ["Assessed on", longDate(report.meta.assessedOn)],
    ["Questionnaire version", report.meta.questionnaireVersion],
    ["Scoring method version", report.meta.methodVersion],
  ];
  return [
    ...(view.branding ? preparedBy(view.branding) : [new Paragraph({ children: [], spacing: { before: 1800 } })]),
    para(REPORT_TITLE, { style: "Kicker" }),
    new Paragraph({ style: "Title", children: runs(report.meta.organisationName) }),
    para(longDate(report.meta.assessedOn), { style: "Lede" }),
    new Paragraph({ children: [], spacing: { before: 600 } }),
    para([new TextRun({ text: "Verdict", bold: true, color: COLOURS.secondary, size: 20 })]),
    ...panel([
      [new TextRun({ text: capitalise(report.verdict.bandLabel), bold: true, size: 30, color: COLOURS.brand })],
      [...runs(report.verdict.sentence, { size: 24 })],
    ]),
    new Paragraph({ children: [], spacing: { before: 400 } }),
    ...facts.map(([label, value]) => labelled(label, value, "Small")),
  ];
}

function contents(view: ReportView): Block[] {
  // Before section 1 and outside the numbering, as in the PDF's contents: what has changed, then
  // where the team disagreed.
  const progress: ParagraphChild[][] = view.progress
    ? [
        [
          new InternalHyperlink({
            anchor: sectionBookmark(PROGRESS_DOCX_SECTION.id),
            children: [new TextRun({ text: PROGRESS_DOCX_SECTION.title, style: "Hyperlink" })],
          }),
        ],
      ]
    : [];
  const workshop: ParagraphChild[][] = view.workshop
    ? [
        [
          new InternalHyperlink({
            anchor: sectionBookmark(WORKSHOP_SECTION.id),
            children: [new TextRun({ text: WORKSHOP_SECTION.title, style: "Hyperlink" })],
          }),
        ],
      ]
    : [];
  const numberedItems = REPORT_SECTIONS.map((section, index): ParagraphChild[] => [
    new InternalHyperlink({
      anchor: sectionBookmark(section.id),
      children: [new TextRun({ text: `${index + 1}. ${section.title}`, style: "Hyperlink" })],
    }),
  ]);
  const items = [...progress, ...workshop, ...numberedItems];
  return [
    new Paragraph({ style: "ContentsTitle", pageBreakBefore: true, children: runs("Contents") }),
    ...items.map((children) => new Paragraph({ children, spacing: { after: 100 } })),
    new Paragraph({
      spacing: { after: 100 },
      children: [
        new InternalHyperlink({
          anchor: sectionBookmark(ANSWERS_APPENDIX.id),
          children: [new TextRun({ text: ANSWERS_APPENDIX.title, style: "Hyperlink" })],
        }),
      ],
    }),
    new Paragraph({ children: [], spacing: { after: 200 } }),
    para(
      "Select a section to go to it. In Word, the Navigation Pane (View, then Navigation Pane) lists every heading in the report.",
      { style: "Small" },
    ),
    para(
      "This document is the editable version of the report. Each figure and finding comes from your answers; if you change it, say so when you share it.",
      { style: "Small" },
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// The report's sections, in the page's order and under its headings
// ---------------------------------------------------------------------------------------------

function verdictSection({ report }: Ctx): Block[] {
  const { verdict, overall, method } = report;
  const outline = reportOutline(report).verdict;
  const band = method.bands.find((candidate) => candidate.id === verdict.band);
  const indexBand = method.bands.find((candidate) => candidate.id === verdict.indexBand);
  const ceiling = method.levels.find((level) => level.level === verdict.ceiling);
  return [
    sectionHeading("verdict"),
    ...panel([
      [
        new TextRun({
          text: `Overall readiness ${overall.score} out of 100: ${verdict.bandLabel}`,
          bold: true,
          color: COLOURS.brand,
        }),
      ],
      [...runs(verdict.sentence, { size: 26, bold: true })],
      [
        new TextRun({ text: `The most you can offer any group for now is ${levelName(verdict.ceiling)}`, bold: true }),
        ...runs(ceiling ? `: “${ceiling.promise}”` : "."),
      ],
    ]),
    ...sub(outline.scale),
    ...method.bands.map((candidate) =>
      para(
        candidate.id === verdict.band
          ? [new TextRun({ text: `${capitalise(candidate.label)}: your verdict`, bold: true, color: COLOURS.brand })]
          : capitalise(candidate.label),
      ),
    ),
    ...(band ? [para(band.meaning)] : []),
    ...(outline.lowered
      ? [
          ...sub(outline.lowered),
          para(
            `Your scores alone would put you at “${indexBand?.label ?? verdict.indexBand}”. The verdict is lower because:`,
          ),
          ...bullets(verdict.cappedBy.map((gate) => gate.reason)),
        ]
      : []),
  ];
}

function decisionSection({ report }: Ctx): Block[] {
  const { decision } = report;
  const outline = reportOutline(report).decision;
  return [
    sectionHeading("decision"),
    para([new TextRun({ text: decisionFor(decision.decisionMaker), bold: true, color: COLOURS.brand })]),
    para([...runs(decision.ask, { bold: true, size: 26 })]),
    ...(outline.approve ? [...sub(outline.approve), ...bullets(decision.approve)] : []),
    ...sub(outline.takes),
    labelled("People", decision.people),
    labelled("Money", decision.money),
    ...(outline.firstSteps
      ? [
          ...sub(outline.firstSteps),
          ...decision.firstSteps.flatMap((step, index) => {
            const when = actionWhen(report, step.recommendationId);
            return [
              para([new TextRun({ text: `${index + 1}. ${step.action}`, bold: true })], { keepNext: true }),
              para(step.firstStep, { keepNext: true }),
              para(`Who: ${step.owner}${when ? `. When: ${when}` : ""}`, { style: "Small" }),
            ];
          }),
        ]
      : []),
  ];
}

function readinessSection({ report }: Ctx): Block[] {
  const items = report.dimensions.map((dimension) => ({
    id: dimension.id,
    label: dimension.name,
    score: dimension.score,
  }));
  const chart = readinessChartPng(items);
  const description = `Bar chart of readiness by area, each scored out of 100: ${items
    .map((item) => `${item.label} ${item.score}`)
    .join(", ")}. The table below gives the same scores with what drove each one.`;
  return [
    sectionHeading("readiness"),
    para(
      `Each area is scored out of 100 from your answers. Together they give your overall readiness: ${report.overall.score} out of 100. How each area was scored, point by point, is in ${sectionPointer("method")}.`,
    ),
    chartPicture(chart, "Readiness by area", description),
    table(
      [
        { header: "Area", width: 34, bold: true },
        { header: "Score", width: 10, align: "right" },
        { header: "What drove the score", width: 56 },
      ],
      report.dimensions.map((dimension) => [
        [
          { text: dimension.name, bold: true },
          { text: dimension.question, muted: true },
        ],
        String(dimension.score),
        dimension.summary,
      ]),
    ),
    afterTable(),
  ];
}

function engagementSection({ report }: Ctx): Block[] {
  const outline = reportOutline(report).engagement;
  const approaches = new Map(report.method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const heldBack = report.engagementGaps.filter(
    (gap) => gap.heldByVerdict || gap.limitedBy.some((requirement) => !requirement.met),
  );
  return [
    sectionHeading("engagement"),
    para(
      "Each level is a bigger promise to the public: Inform, then Consult, Involve, Collaborate and Empower. The level you can keep now depends on your capacity and your rules. We never suggest more than you can keep.",
      { style: "Lede" },
    ),
    table(
      [
        { header: "Group", width: 22 },
        { header: "Now", width: 12 },
        { header: "Wanted", width: 12 },
        { header: "You can keep now", width: 14, bold: true },
        { header: "Next step", width: 40 },
      ],
      report.engagementGaps.map((gap) => [
        [
          { text: gap.groupName, bold: true },
          {
            text: `${approaches.get(gap.quadrant) ?? ""}. Mood: ${sentimentLabel(gap.sentiment).toLowerCase()}.`,
            muted: true,
          },
        ],
        levelName(gap.current),
        levelName(gap.desired),
        levelName(gap.sustainable),
        gap.nextStep,
      ]),
    ),
    afterTable(),
    ...(outline.holding
      ? [
          ...sub(outline.holding),
          ...heldBack.flatMap((gap) => [
            para(gap.groupName, { bold: true, keepNext: true }),
            ...(gap.heldByVerdict ? [para(heldByVerdictText(gap.sustainable))] : []),
            ...bullets(
              gap.limitedBy.filter((requirement) => !requirement.met).map((requirement) => requirement.description),
            ),
          ]),
        ]
      : []),
  ];
}

function capacitySection({ report }: Ctx): Block[] {
  const { capacity } = report;
  const outline = reportOutline(report).capacity;
  return [
    sectionHeading("capacity"),
    ...panel([[new TextRun({ text: capacity.finding.headline, bold: true })], summaryBesideHeadline(capacity)]),
    ...sub(outline.questions),
    ...summaryRows(capacityQuestionRows(capacity)),
    ...sub(outline.replies),
    ...summaryRows(capacityReplyRows(capacity)),
    ...(capacity.response.reconciliation ? [para(capacity.response.reconciliation)] : []),
    ...sub(outline.watching),
    ...summaryRows(capacityWatchRows(capacity)),
    ...sub(outline.takes),
    ...summaryRows(capacityTakesRows(capacity)),
    ...(shortfallNoteShown(capacity) ? [para(capacity.shortfall.note)] : []),
    ...(outline.restsOn
      ? [
          ...sub(outline.restsOn),
          ...bullets(capacity.assumptions.map(assumptionText)),
          para(`How the capacity figures were worked out is in ${sectionPointer("method")}.`),
        ]
      : []),
  ];
}

function risksSection({ view, report }: Ctx): Block[] {
  const outline = reportOutline(report).risks;
  return [
    sectionHeading("risks"),
    para(risksIntro(report.risks), { style: "Lede" }),
    ...riskGroups(report, outline).flatMap((group) =>
      group.heading
        ? [
            ...sub(group.heading),
            para(group.intro),
            ...group.risks.flatMap((risk) => [
              heading(3, risk.title),
              para(
                [
                  new TextRun({
                    text: `${SEVERITY_LABEL[risk.severity]}. `,
                    bold: true,
                    color:
                      risk.severity === "high"
                        ? COLOURS.high
                        : risk.severity === "medium"
                          ? COLOURS.medium
                          : COLOURS.secondary,
                  }),
                  ...runs(risk.explanation),
                ],
                { keepNext: (view.riskEvidence[risk.id] ?? []).length > 0 },
              ),
              ...evidence(view.riskEvidence[risk.id] ?? []),
            ]),
          ]
        : [],
    ),
  ];
}

function recommendationsSection({ view, report }: Ctx): Block[] {
  return [
    sectionHeading("recommendations"),
    para("Most important first. Each one says what to do first, who is best placed to own it and when.", {
      style: "Lede",
    }),
    ...report.recommendations.flatMap((rec, index) => {
      // A step stays on one page with its evidence where it fits: each part keeps with the next.
      const answers = view.recommendationEvidence[rec.id] ?? [];
      const levels = rec.levels.length > 0;
      return [
        heading(2, `${index + 1}. ${rec.title}`),
        para([new TextRun({ text: PRIORITY_LABEL[rec.priority], bold: true, color: COLOURS.brand })], {
          keepNext: true,
        }),
        para(rec.why, { keepNext: true }),
        labelled("First step", rec.firstStep, undefined, true),
        labelled("Who", rec.owner, undefined, true),
        labelled("When", recommendationWhen(report, rec), undefined, levels || answers.length > 0),
        ...(levels
          ? [
              labelled(
                "Level to work at",
                rec.levels.map((advice) => `${advice.groupName}: ${levelName(advice.level)}`).join("; "),
                undefined,
                answers.length > 0,
              ),
            ]
          : []),
        ...evidence(answers),
      ];
    }),
  ];
}

function strategySection({ report, lists }: Ctx): Block[] {
  const { strategy } = report;
  const { responsePlan, houseRules, measures } = strategy;
  const outline = reportOutline(report).strategy;
  return [
    sectionHeading("strategy"),
    para("A starting point for the first 90 days, built from your answers: adapt it with the people who will run it.", {
      style: "Lede",
    }),
    ...sub(outline.objectives),
    ...numbered(
      strategy.objectives.map((objective) => {
        const note = measureNote(objective.measureKind);
        const measure = objective.measure === null ? "No measure set yet." : `Measured by: ${objective.measure}`;
        return [
          new TextRun({ text: objective.objective, bold: true }),
          ...(objective.source === "suggested"
            ? [new TextRun({ text: "Suggested from the purposes you chose.", break: 1, color: COLOURS.secondary })]
            : []),
          new TextRun({ text: measure, break: 1 }),
          ...(note && objective.measure !== null ? [new TextRun({ text: ` ${note}`, italics: true })] : []),
        ];
      }),
      lists,
    ),
    ...sub(outline.groups),
    ...strategy.groupPlans.flatMap((plan) => [
      heading(3, `${plan.groupName}: ${plan.quadrantLabel.toLowerCase()}`),
      labelled("How to treat them", plan.approach),
      labelled("Why engage them", plan.why),
      labelled(
        "Influence and interest",
        `${capitalise(plan.influence)} influence, ${plan.interest} interest. Mood: ${sentimentLabel(plan.sentiment).toLowerCase()}.`,
      ),
      labelled("Level now and next", `${levelName(plan.levelNow)} now, then ${levelName(plan.levelNext)}.`),
      labelled("What that promises", plan.promise),
      labelled("Where to reach them", plan.channels.join(", ") || "Not known yet"),
      labelled("Concerns to address", plan.concerns.join(" ") || "None recorded"),
      labelled("Projects that affect them", plan.projects.join(", ") || "None"),
    ]),
    ...sub(outline.response),
    para(responsePlan.monitoringHours),
    ...panel([
      [new TextRun({ text: "The reply time to publish: ", bold: true }), ...runs(responsePlan.publishedResponseTime)],
    ]),
    ...(outline.responseMatrix
      ? [
          ...sub(outline.responseMatrix),
          table(
            [
              { header: "Kind of post", width: 26 },
              { header: "Who answers", width: 20 },
              { header: "Aim for", width: 18 },
              { header: "Escalate or take offline", width: 36 },
            ],
            responsePlan.matrix.map((row) => [
              [
                { text: row.category, bold: true },
                { text: row.examples, muted: true },
              ],
              row.whoAnswers,
              row.idealMet
                ? row.targetLabel
                : [{ text: row.targetLabel }, { text: `Today: ${row.achievableLabel}`, muted: true }],
              [{ text: `Escalate: ${row.escalation}` }, { text: `Offline: ${row.takeOffline}` }],
            ]),
          ),
          afterTable(),
        ]
      : []),
    ...(outline.escalate ? [...sub(outline.escalate), ...responsePlan.escalation.map((item) => para(item))] : []),
    ...(outline.offline ? [...sub(outline.offline), ...bullets(responsePlan.takeOffline)] : []),
    ...sub(outline.outOfHours),
    para(responsePlan.outOfHours),
    ...sub(outline.houseRules),
    para(houseRules.current),
    ...(outline.houseRulePoints
      ? [
          ...sub(outline.houseRulePoints),
          table(
            [
              { header: "Rule", width: 50, bold: true },
              { header: "Why", width: 50 },
            ],
            houseRules.points.map((point) => [point.point, point.why]),
          ),
          afterTable(),
        ]
      : []),
    ...sub(outline.moderation),
    para(houseRules.recommendedModeration),
    ...bullets(houseRules.moderationGuidance),
    ...sub(outline.content),
    para("Twelve weekly themes to have ready before you open new channels."),
    table(
      [
        { header: "Week", width: 15 },
        { header: "Theme", width: 47 },
        { header: "Format", width: 17 },
        { header: "For", width: 21 },
      ],
      strategy.contentPlan.map((week) => [
        [
          { text: `Week ${week.week}`, bold: true },
          { text: `from ${longDate(week.weekStarting)}`, muted: true },
        ],
        [{ text: week.theme, bold: true }, { text: week.angle }],
        week.format,
        week.serves.map((group) => group.groupName).join(", ") || "Everyone",
      ]),
    ),
    afterTable(),
    ...sub(outline.roadmap),
    ...strategy.roadmap.flatMap((phase) => [
      heading(3, phase.title),
      para(`${longDate(phase.startDate)} to ${longDate(phase.endDate)}`, { style: "Small", keepNext: true }),
      para(phase.goal),
      ...(phase.actions.length > 0
        ? phase.actions.map(
            (action) =>
              new Paragraph({
                numbering: { reference: "bullets", level: 0 },
                children: [
                  new TextRun({ text: action.action, bold: true }),
                  ...runs(` (${action.owner}). ${action.firstStep}`),
                ],
              }),
          )
        : [para("No actions fall in these days.")]),
    ]),
    ...sub(outline.measures),
    para([
      new TextRun({ text: `Review: ${cadenceLabel(measures.reviewCadence)}. `, bold: true }),
      ...runs(measures.cadenceNote),
    ]),
    ...measures.perObjective.flatMap((measure) => [
      heading(3, measure.objective),
      ...bullets([
        ...(measure.statedMeasure ? [`Your measure: ${measure.statedMeasure}`] : []),
        ...measure.suggestedIndicators,
      ]),
    ]),
    ...(outline.health ? [...sub(outline.health), ...bullets(measures.operational)] : []),
  ];
}

function findOutSection({ report }: Ctx): Block[] {
  const items = report.thingsToFindOut;
  return [
    sectionHeading("find-out"),
    para(
      items.length === 0
        ? "You answered every question. Nothing in this report rests on a guess."
        : `You answered “I don't know” ${items.length === 1 ? "once" : `${items.length} times`}. Here is what we assumed instead, and who could find out.`,
      { style: "Lede" },
    ),
    ...(items.length > 0
      ? [
          table(
            [
              { header: "Question", width: 25, bold: true },
              { header: "What we assumed", width: 27 },
              { header: "Why it matters", width: 28 },
              { header: "Who could find out", width: 20 },
            ],
            items.map((item) => [item.question, item.assumption, item.whyItMatters, item.whoCanFindOut]),
          ),
          afterTable(),
        ]
      : []),
  ];
}

function methodSection({ view, report }: Ctx): Block[] {
  const { method, capacity } = report;
  const outline = reportOutline(report, { workshop: Boolean(view.workshop) }).method;
  const rules = new Map(
    method.dimensions.flatMap((dimension) =>
      dimension.factors.map((factor) => [`${dimension.id}/${factor.id}`, factor.rule] as const),
    ),
  );
  const stepTable = (steps: readonly CalculationStep[]) => [
    table(
      [
        { header: "Step", width: 30, bold: true },
        { header: "Value", width: 18 },
        { header: "How we got it", width: 52 },
      ],
      steps.map((step) => [step.label, stepValue(step), step.note]),
    ),
    afterTable(),
  ];
  return [
    sectionHeading("method"),
    ...method.overview.map((paragraph) => para(paragraph)),
    ...sub(outline.areas),
    ...report.dimensions.flatMap((dimension) => [
      heading(3, `${dimension.name}: ${dimension.score} out of 100`),
      para(`${dimension.question} It counts for ${dimension.weight}% of the overall score.`),
      table(
        [
          { header: "What counts", width: 22, bold: true },
          { header: "Points", width: 12, align: "right" },
          { header: "Your answer", width: 33 },
          { header: "How it scores", width: 33 },
        ],
        dimension.factors.map((factor) => [
          factor.label,
          `${plainNumber(factor.points)} of ${factor.maxPoints}`,
          factor.assumption
            ? [{ text: factor.note }, { text: `Assumed: ${factor.assumption}`, muted: true }]
            : factor.note,
          rules.get(`${dimension.id}/${factor.id}`) ?? "",
        ]),
      ),
      afterTable(),
      ...(dimension.maturity
        ? [
            para([
              new TextRun({ text: `Stage of adoption used: ${dimension.maturity.label}. `, bold: true }),
              ...runs(`${dimension.maturity.description} ${dimension.maturity.note}`),
            ]),
          ]
        : []),
    ]),
    ...sub(outline.overall),
    para(method.overallFormula),
    table(
      [
        { header: "Area", width: 46, bold: true },
        { header: "Score", width: 18, align: "right" },
        { header: "Weight", width: 18, align: "right" },
        { header: "Points added", width: 18, align: "right" },
      ],
      report.overall.contributions.map((item) => [
        item.name,
        String(item.score),
        `${item.weight}%`,
        plainNumber(item.points),
      ]),
    ),
    afterTable(),
    table(
      [
        { header: "Overall score", width: 18 },
        { header: "Verdict", width: 28, bold: true },
        { header: "What it means", width: 54 },
      ],
      method.bands.map((band) => [`${band.minIndex} to ${band.maxIndex}`, capitalise(band.label), band.meaning]),
    ),
    afterTable(),
    ...(outline.limits
      ? [...sub(outline.limits), ...bullets(method.gates.map((gate) => `${gate.rule} At most: ${gate.capsAt}.`))]
      : []),
    ...sub(outline.capacity),
    ...(outline.demandSteps ? [...sub(outline.demandSteps), ...stepTable(capacity.demand.steps)] : []),
    ...(outline.supplySteps ? [...sub(outline.supplySteps), ...stepTable(capacity.supply.steps)] : []),
    ...(outline.replyTime ? [...sub(outline.replyTime), para(replyTimeParts(capacity) ?? "")] : []),
    ...(outline.capacityValues
      ? [
          ...sub(outline.capacityValues),
          table(
            [
              { header: "Figure", width: 24, bold: true },
              { header: "Value", width: 32 },
              { header: "Why", width: 44 },
            ],
            [...method.capacityAssumptions, ...method.demandMultipliers].map((value) => [
              value.name,
              value.value,
              value.reasoning,
            ]),
          ),
          afterTable(),
        ]
      : []),
    ...sub(outline.levels),
    table(
      [
        { header: "Level", width: 16, bold: true },
        { header: "The promise", width: 39 },
        { header: "Needed to keep it", width: 45 },
      ],
      method.levels.map((level) => [
        level.name,
        level.promise,
        method.levelRules.find((rule) => rule.level === level.level)?.requirements ?? [],
      ]),
    ),
    afterTable(),
    ...(outline.ranking
      ? [
          ...sub(outline.ranking),
          ...bullets(method.priorityFormula),
          table(
            [
              { header: "Action", width: 40, bold: true },
              { header: "Impact", width: 10, align: "right" },
              { header: "Urgency", width: 11, align: "right" },
              { header: "Effort", width: 10, align: "right" },
              { header: "Priority", width: 11, align: "right" },
              { header: "When", width: 18 },
            ],
            report.recommendations.map((rec) => [
              rec.title,
              String(rec.impact),
              String(rec.urgency),
              String(rec.effort),
              String(rec.priorityScore),
              phaseDays(rec.phase),
            ]),
          ),
          afterTable(),
        ]
      : []),
    ...(outline.risks ? [...sub(outline.risks), ...bullets(method.riskRules)] : []),
    ...(outline.groups
      ? [
          ...sub(outline.groups),
          table(
            [
              { header: "Approach", width: 20, bold: true },
              { header: "Influence and interest", width: 26 },
              { header: "What it means", width: 54 },
            ],
            method.quadrants.map((quadrant) => [quadrant.label, quadrant.rule, quadrant.approach]),
          ),
          afterTable(),
        ]
      : []),
    ...(outline.adoption
      ? [
          ...sub(outline.adoption),
          table(
            [
              { header: "Stage", width: 26, bold: true },
              { header: "What it looks like", width: 74 },
            ],
            method.adoptionStages.map((stage) => [stage.label, stage.description]),
          ),
          afterTable(),
        ]
      : []),
    ...(outline.fitting ? [...sub(outline.fitting), ...bullets(method.fitting)] : []),
    ...(outline.unknowns ? [...sub(outline.unknowns), ...bullets(method.unknownsPolicy)] : []),
    ...(outline.disagreement && view.workshop
      ? [...sub(outline.disagreement), ...view.workshop.method.map((paragraph) => para(paragraph))]
      : []),
    ...(outline.sources
      ? [
          ...sub(outline.sources),
          ...bullets(
            method.sources.map(
              (source) => `${source.citation}${source.url ? ` ${source.url}` : ""}. Used for: ${source.usedFor}`,
            ),
          ),
        ]
      : []),
    para(`Scoring method version ${method.methodVersion}.`, { style: "Small" }),
  ];
}

/**
 * "What has changed since the last assessment", for a client assessed before: before section 1
 * and outside the numbering, as in the PDF (`reassessment-docx.server.ts`).
 */
function progressSection({ view }: Ctx): Block[] {
  return view.progress ? reassessmentSection(view.progress, sectionBookmark(PROGRESS_DOCX_SECTION.id)) : [];
}

/**
 * "Where your team disagreed", for a workshop: before section 1 and outside the numbering, as on
 * the page and in the PDF, in the same words (`workshop-wording.ts`).
 */
function workshopSection({ view }: Ctx): Block[] {
  const findings = view.workshop;
  if (!findings) return [];
  return [
    heading(1, WORKSHOP_SECTION.title, { bookmark: sectionBookmark(WORKSHOP_SECTION.id) }),
    para(workshopIntro(findings)),
    para(workshopListIntro(findings, findings.divergent.length)),
    ...findings.divergent.flatMap((question) => [heading(2, question.label), ...summaryRows(divergentRows(question))]),
    para(workshopMethodPointer()),
  ];
}

function answersAppendix({ view }: Ctx): Block[] {
  return [
    heading(1, ANSWERS_APPENDIX.title, { bookmark: sectionBookmark(ANSWERS_APPENDIX.id) }),
    para(
      `Every answer as given, worded as the questions were asked${view.completedBy ? `, completed by ${view.completedBy}` : ""}.`,
      { style: "Lede" },
    ),
    ...view.appendix.sections.flatMap((section) => [
      heading(2, section.title),
      ...section.blocks.flatMap((block) => [
        ...(block.title ? [heading(3, block.title)] : []),
        table(
          [
            { header: "Question", width: 40, bold: true },
            { header: "Answer", width: 60 },
          ],
          block.rows.map((row) => [row.label, row.value.length === 1 ? (row.value[0] ?? "") : row.value]),
        ),
        afterTable(),
      ]),
    ]),
  ];
}

const SECTION_BUILDERS: Record<ReportSectionId, (ctx: Ctx) => Block[]> = {
  verdict: verdictSection,
  decision: decisionSection,
  readiness: readinessSection,
  engagement: engagementSection,
  capacity: capacitySection,
  risks: risksSection,
  recommendations: recommendationsSection,
  strategy: strategySection,
  "find-out": findOutSection,
  method: methodSection,
};

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The document properties, written whole: docx has no option for the language, and stamps the
 * time of packing; this gives the language and the export's own time instead.
 */
function corePropertiesXml(view: ReportView, modified: string): string {
  const { report } = view;
  const name = report.meta.organisationName;
  const fields: [string, string][] = [
    ["dc:title", `${REPORT_TITLE}: ${name}`],
    [
      "dc:subject",
      `How ready ${name} is for online engagement (${report.verdict.bandLabel}), with a 90-day starter strategy.`,
    ],
    ["dc:creator", EXPORT_PRODUCT],
    [
      "cp:keywords",
      "online engagement, social media, readiness, public participation, starter strategy, public sector",
    ],
    [
      "dc:description",
      `Assessed on ${longDate(report.meta.assessedOn)}. Scoring method version ${report.meta.methodVersion}.`,
    ],
    ["cp:lastModifiedBy", EXPORT_PRODUCT],
    ["dc:language", "en-GB"],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...fields.map(([tag, value]) => `<${tag}>${escapeXml(value)}</${tag}>`),
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(modified)}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(modified)}</dcterms:modified>`,
    "</cp:coreProperties>",
  ].join("");
}

function footer(name: string): Footer {
  const shortName = Array.from(name).length > 70 ? `${Array.from(name).slice(0, 68).join("")}…` : name;
  return new Footer({
    children: [
      new Paragraph({
        style: "Small",
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - 2 * PAGE.margin }],
        border: { top: { style: "single", size: 4, color: COLOURS.rule, space: 6 } },
        children: [
          ...runs(shortName),
          new TextRun({ children: ["\tPage ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/**
 * Builds the Word document for a finished assessment's report. The same view always gives the
 * same document: its created and modified times are the assessment's date, not the time of
 * packing, so a document can be cached by what it shows.
 */
export async function buildReportDocx(view: ReportView): Promise<Buffer> {
  // Every string made safe for XML first; the address of the report page is dropped, never used.
  const safe: ReportView = { ...docxSafeData({ ...view, reportUrl: "" }) };
  const ctx: Ctx = { view: safe, report: safe.report, lists: new ListCounter() };
  const body: Block[] = [
    ...cover(ctx),
    ...contents(safe),
    ...progressSection(ctx),
    ...workshopSection(ctx),
    ...REPORT_SECTIONS.flatMap((section) => SECTION_BUILDERS[section.id](ctx)),
    ...answersAppendix(ctx),
  ];
  const name = safe.report.meta.organisationName;
  const document = new Document({
    title: `${REPORT_TITLE}: ${name}`,
    creator: EXPORT_PRODUCT,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: 567 },
          },
          // The cover has no footer.
          titlePage: true,
        },
        footers: { default: footer(name), first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document, false, [
    {
      path: "docProps/core.xml",
      data: corePropertiesXml(safe, `${safe.report.meta.assessedOn.slice(0, 10)}T00:00:00Z`),
    },
  ]);
}
