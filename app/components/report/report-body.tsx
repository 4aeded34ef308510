import { LEVEL_NAMES } from "../../../scoring/levels";
import type { ReadinessReport } from "../../../scoring/report-model";
import type { ReportView } from "../../report/report-view";
import { ReadinessChart } from "./readiness-chart";
import {
  Evidence,
  formatDate,
  PriorityTag,
  rangeText,
  ReportSection,
  ReportTable,
  ScoreBar,
  SeverityTag,
} from "./report-parts";

/** The report's sections, in order; the contents list and the PDF's outline follow the same order. */
export const REPORT_SECTIONS = [
  { id: "verdict", title: "The verdict" },
  { id: "readiness", title: "Readiness by area" },
  { id: "engagement", title: "How far to go with each group" },
  { id: "capacity", title: "Can you answer the questions you invite?" },
  { id: "risks", title: "The main risks" },
  { id: "recommendations", title: "What to do, in order" },
  { id: "strategy", title: "Your starter strategy" },
  { id: "find-out", title: "Things to find out" },
  { id: "method", title: "How this was scored" },
] as const;

function hours(value: number): string {
  return `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${value === 1 ? "hour" : "hours"}`;
}

export function ReportBody({ view }: { view: ReportView }) {
  const { report } = view;
  return (
    <>
      <VerdictSection report={report} />
      <ReadinessSection report={report} />
      <EngagementSection report={report} />
      <CapacitySection report={report} />
      <RisksSection view={view} />
      <RecommendationsSection view={view} />
      <StrategySection report={report} />
      <FindOutSection view={view} />
      <MethodSection report={report} />
    </>
  );
}

function VerdictSection({ report }: { report: ReadinessReport }) {
  const { verdict, overall } = report;
  return (
    <ReportSection id="verdict" title="The verdict">
      <div className={`app-verdict app-verdict--${verdict.band}`}>
        <p className="app-verdict__band">
          Overall readiness {overall.score} out of 100: {verdict.bandLabel}
        </p>
        <p className="app-verdict__sentence">{verdict.sentence}</p>
      </div>
      {verdict.cappedBy.length > 0 ? (
        <>
          <p className="govuk-body">
            Your scores alone would put you at “
            {report.method.bands.find((band) => band.id === verdict.indexBand)?.label}”. The verdict is lower because:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {verdict.cappedBy.map((gate) => (
              <li key={gate.id}>{gate.reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </ReportSection>
  );
}

function ReadinessSection({ report }: { report: ReadinessReport }) {
  return (
    <ReportSection
      id="readiness"
      title="Readiness by area"
      intro={`Each area is scored out of 100 from your answers. The overall score, ${report.overall.score}, weighs them as the table shows.`}
    >
      <div className="app-chart-wrapper">
        <ReadinessChart items={report.dimensions.map((d) => ({ id: d.id, label: d.name, score: d.score }))} />
      </div>
      <ReportTable
        caption="Scores by area"
        columns={[
          { title: "Area" },
          { title: "Score", numeric: true },
          { title: "Weight", numeric: true },
          { title: "Why" },
        ]}
        rows={report.dimensions.map((dimension) => ({
          key: dimension.id,
          header: dimension.name,
          cells: [
            <>
              {dimension.score}
              <ScoreBar score={dimension.score} />
            </>,
            `${dimension.weight}%`,
            dimension.summary,
          ],
        }))}
      />
      {report.dimensions.map((dimension) => (
        <details className="govuk-details" key={dimension.id}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              How “{dimension.name}” was scored: {dimension.score} out of 100
            </span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">{dimension.question}</p>
            {dimension.maturity ? (
              <p className="govuk-body">
                Stage of adoption used: <strong>{dimension.maturity.label}</strong>. {dimension.maturity.note}
              </p>
            ) : null}
            <ReportTable
              columns={[{ title: "What counts" }, { title: "Points", numeric: true }, { title: "Your answer" }]}
              rows={dimension.factors.map((factor) => ({
                key: factor.id,
                header: factor.label,
                cells: [
                  `${factor.points} of ${factor.maxPoints}`,
                  <>
                    {factor.note}
                    {factor.assumption ? <span className="app-assumption"> Assumed: {factor.assumption}</span> : null}
                  </>,
                ],
              }))}
            />
          </div>
        </details>
      ))}
    </ReportSection>
  );
}

function EngagementSection({ report }: { report: ReadinessReport }) {
  return (
    <ReportSection
      id="engagement"
      title="How far to go with each group"
      intro="Each level on the IAP2 Spectrum is a bigger promise to the public. The level you can keep now depends on your capacity and your rules. We never suggest more than you can keep."
    >
      <ReportTable
        caption="Engagement levels by group"
        columns={[
          { title: "Group" },
          { title: "Now" },
          { title: "Wanted" },
          { title: "You can keep now" },
          { title: "Next step" },
        ]}
        rows={report.engagementGaps.map((gap) => ({
          key: gap.groupId,
          header: gap.groupName,
          cells: [
            LEVEL_NAMES[gap.current],
            LEVEL_NAMES[gap.desired],
            <strong key="sustainable">{LEVEL_NAMES[gap.sustainable]}</strong>,
            gap.nextStep,
          ],
        }))}
      />
      {report.engagementGaps
        .filter((gap) => gap.limitedBy.some((requirement) => !requirement.met))
        .map((gap) => (
          <details className="govuk-details" key={gap.groupId}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">What stops you going further with {gap.groupName}</span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list govuk-list--bullet">
                {gap.limitedBy
                  .filter((requirement) => !requirement.met)
                  .map((requirement) => (
                    <li key={requirement.id}>{requirement.description}</li>
                  ))}
              </ul>
            </div>
          </details>
        ))}
    </ReportSection>
  );
}

function CapacitySection({ report }: { report: ReadinessReport }) {
  const { capacity } = report;
  const rows: [string, string][] = [
    ["Questions and comments you can expect each week", rangeText(capacity.demand.expectedWeekly)],
    ["Of those, replies needed each week", rangeText(capacity.demand.repliesNeededWeekly)],
    [
      "Replies your team can write each week",
      `${capacity.supply.weeklyReplyCapacity.toLocaleString("en-GB")} (${hours(capacity.supply.teamHoursPerWeek)} a week across ${capacity.supply.teamPeople} ${capacity.supply.teamPeople === 1 ? "person" : "people"})`,
    ],
    [
      "Share of the replies needed that you can write",
      rangeText(
        {
          low: Math.round(capacity.coverageRatio.low * 100),
          likely: Math.round(capacity.coverageRatio.likely * 100),
          high: Math.round(capacity.coverageRatio.high * 100),
        },
        "%",
      ),
    ],
    ["Your target for replying", capacity.response.targetLabel],
    ["The reply time you can achieve", capacity.response.achievableLabel],
    [
      "Extra time needed to meet your target",
      capacity.shortfall.extraHoursPerWeek.high === 0
        ? "None"
        : `${rangeText(capacity.shortfall.extraHoursPerWeek, "hours a week")}, about ${rangeText(capacity.shortfall.extraFte, "full-time staff")}`,
    ],
  ];
  return (
    <ReportSection id="capacity" title="Can you answer the questions you invite?">
      <div className={`govuk-inset-text ${capacity.response.meetsTarget ? "" : "app-inset--warning"}`}>
        {capacity.summary}
      </div>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row govuk-summary-list__row--no-actions" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">{capacity.shortfall.note}</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How we worked this out</span>
        </summary>
        <div className="govuk-details__text">
          <h3 className="govuk-heading-s">Questions you can expect</h3>
          <ul className="govuk-list govuk-list--bullet">
            {capacity.demand.steps.map((step) => (
              <li key={step.id}>
                {step.label}: {step.value.toLocaleString("en-GB")} {step.unit}. {step.note}
              </li>
            ))}
          </ul>
          <h3 className="govuk-heading-s">Your capacity to reply</h3>
          <ul className="govuk-list govuk-list--bullet">
            {capacity.supply.steps.map((step) => (
              <li key={step.id}>
                {step.label}: {step.value.toLocaleString("en-GB")} {step.unit}. {step.note}
              </li>
            ))}
          </ul>
          <h3 className="govuk-heading-s">Assumptions</h3>
          <ul className="govuk-list govuk-list--bullet">
            {capacity.assumptions.map((assumption) => (
              <li key={assumption.id}>{assumption.text}</li>
            ))}
          </ul>
        </div>
      </details>
    </ReportSection>
  );
}

function RisksSection({ view }: { view: ReportView }) {
  const { risks } = view.report;
  return (
    <ReportSection id="risks" title="The main risks">
      {risks.length === 0 ? <p className="govuk-body">Your answers raised no significant risks.</p> : null}
      <ol className="app-card-list">
        {risks.map((risk) => (
          <li className="app-risk" key={risk.id}>
            <h3 className="govuk-heading-m">
              <SeverityTag severity={risk.severity} /> <span className="app-risk__title">{risk.title}</span>
            </h3>
            <p className="govuk-body">{risk.explanation}</p>
            <Evidence answers={view.riskEvidence[risk.id] ?? []} />
          </li>
        ))}
      </ol>
    </ReportSection>
  );
}

function RecommendationsSection({ view }: { view: ReportView }) {
  const { recommendations } = view.report;
  return (
    <ReportSection
      id="recommendations"
      title="What to do, in order"
      intro="Ordered by how much each one helps and how soon it is needed, weighed against the effort it takes."
    >
      <ol className="app-card-list app-card-list--numbered">
        {recommendations.map((rec) => (
          <li className="app-recommendation" key={rec.id}>
            <h3 className="govuk-heading-m">
              {rec.title} <PriorityTag priority={rec.priority} />
            </h3>
            <p className="govuk-body">{rec.why}</p>
            <dl className="govuk-summary-list govuk-summary-list--no-border app-compact-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">First step</dt>
                <dd className="govuk-summary-list__value">{rec.firstStep}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Who</dt>
                <dd className="govuk-summary-list__value">{rec.owner}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">When</dt>
                <dd className="govuk-summary-list__value">
                  {rec.phase === 1 ? "Days 1 to 30" : rec.phase === 2 ? "Days 31 to 60" : "Days 61 to 90"}
                </dd>
              </div>
            </dl>
            <Evidence answers={view.recommendationEvidence[rec.id] ?? []} />
          </li>
        ))}
      </ol>
    </ReportSection>
  );
}

function StrategySection({ report }: { report: ReadinessReport }) {
  const { strategy } = report;
  return (
    <ReportSection id="strategy" title="Your starter strategy">
      <h3 className="govuk-heading-m">Objectives</h3>
      <ol className="govuk-list govuk-list--number">
        {strategy.objectives.map((objective) => (
          <li key={objective.id}>
            <strong>{objective.objective}</strong>
            {objective.source === "suggested" ? " (suggested from your purposes)" : ""}. Measured by:{" "}
            {objective.measure}
          </li>
        ))}
      </ol>

      <h3 className="govuk-heading-m">A plan for each group</h3>
      {strategy.groupPlans.map((plan) => (
        <div className="govuk-summary-card" key={plan.groupId}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title">
              {plan.groupName}: {plan.quadrantLabel.toLowerCase()}
            </h4>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              {(
                [
                  ["How to treat them", plan.approach],
                  ["Why engage them", plan.why],
                  ["Level now and next", `${LEVEL_NAMES[plan.levelNow]}, then ${LEVEL_NAMES[plan.levelNext]}`],
                  ["What that promises", plan.promise],
                  ["Where to reach them", plan.channels.join(", ") || "Not known yet"],
                  ["Concerns to address", plan.concerns.join(" ") || "None recorded"],
                  ["Projects that affect them", plan.projects.join(", ") || "None"],
                ] as const
              ).map(([key, value]) => (
                <div className="govuk-summary-list__row govuk-summary-list__row--no-actions" key={key}>
                  <dt className="govuk-summary-list__key">{key}</dt>
                  <dd className="govuk-summary-list__value">{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ))}

      <h3 className="govuk-heading-m">Response plan</h3>
      <p className="govuk-body">Watch your channels {strategy.responsePlan.monitoringHours}.</p>
      <div className="govuk-inset-text">
        <strong>The reply time to publish:</strong> {strategy.responsePlan.publishedResponseTime}
      </div>
      <ReportTable
        caption="Who answers what, and how fast"
        columns={[
          { title: "Kind of post" },
          { title: "Who answers" },
          { title: "Aim" },
          { title: "Escalate or take offline" },
        ]}
        rows={strategy.responsePlan.matrix.map((row) => ({
          key: row.id,
          header: (
            <>
              {row.category}
              <span className="app-table__note">{row.examples}</span>
            </>
          ),
          cells: [
            row.whoAnswers,
            <>
              {row.targetLabel}
              {row.idealMet ? null : <span className="app-table__note">Today: {row.achievableLabel}</span>}
            </>,
            <>
              <span className="app-table__line">Escalate: {row.escalation}</span>
              <span className="app-table__line">Offline: {row.takeOffline}</span>
            </>,
          ],
        }))}
      />
      <h4 className="govuk-heading-s">When to escalate</h4>
      <ul className="govuk-list">
        {strategy.responsePlan.escalation.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h4 className="govuk-heading-s">When to take a conversation offline</h4>
      <ul className="govuk-list govuk-list--bullet">
        {strategy.responsePlan.takeOffline.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="govuk-body">{strategy.responsePlan.outOfHours}</p>

      <h3 className="govuk-heading-m">House rules and moderation</h3>
      <p className="govuk-body">{strategy.houseRules.current}</p>
      <ReportTable
        caption="What your house rules should cover"
        columns={[{ title: "Rule" }, { title: "Why" }]}
        rows={strategy.houseRules.points.map((point) => ({
          key: point.point,
          header: point.point,
          cells: [point.why],
        }))}
      />
      <p className="govuk-body">
        <strong>Moderation:</strong> {strategy.houseRules.recommendedModeration}
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {strategy.houseRules.moderationGuidance.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h3 className="govuk-heading-m">Three months of content</h3>
      <ReportTable
        caption="Twelve weekly themes to have ready before you open new channels"
        columns={[{ title: "Week" }, { title: "Theme" }, { title: "Format" }]}
        rows={strategy.contentPlan.map((week) => ({
          key: String(week.week),
          header: (
            <>
              Week {week.week}
              <span className="app-table__note">from {formatDate(week.weekStarting)}</span>
            </>
          ),
          cells: [
            <>
              <strong>{week.theme}</strong>
              <span className="app-table__note">{week.angle}</span>
            </>,
            week.format,
          ],
        }))}
      />

      <h3 className="govuk-heading-m">The first 90 days</h3>
      {strategy.roadmap.map((phase) => (
        <div className="app-phase" key={phase.phase}>
          <h4 className="govuk-heading-s">
            {phase.title}: days {phase.startDay} to {phase.endDay} ({formatDate(phase.startDate)} to{" "}
            {formatDate(phase.endDate)})
          </h4>
          <p className="govuk-body">{phase.goal}</p>
          <ul className="govuk-list govuk-list--bullet">
            {phase.actions.map((action) => (
              <li key={action.recommendationId}>
                <strong>{action.action}</strong> ({action.owner}). {action.firstStep}
              </li>
            ))}
          </ul>
        </div>
      ))}

      <h3 className="govuk-heading-m">Measures of success</h3>
      <p className="govuk-body">{strategy.measures.cadenceNote}</p>
      {strategy.measures.perObjective.map((measure) => (
        <div className="app-measure" key={measure.objectiveId}>
          <h4 className="govuk-heading-s">{measure.objective}</h4>
          <ul className="govuk-list govuk-list--bullet">
            {measure.statedMeasure ? <li>Your measure: {measure.statedMeasure}</li> : null}
            {measure.suggestedIndicators.map((indicator) => (
              <li key={indicator}>{indicator}</li>
            ))}
          </ul>
        </div>
      ))}
      <h4 className="govuk-heading-s">Is the engagement itself healthy?</h4>
      <ul className="govuk-list govuk-list--bullet">
        {strategy.measures.operational.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </ReportSection>
  );
}

function FindOutSection({ view }: { view: ReportView }) {
  const items = view.report.thingsToFindOut;
  return (
    <ReportSection
      id="find-out"
      title="Things to find out"
      intro={
        items.length === 0
          ? "You answered every question. Nothing in this report rests on a guess."
          : `You answered “I don't know” ${items.length === 1 ? "once" : `${items.length} times`}. Here is what we assumed instead, and who could find out.`
      }
    >
      {items.length > 0 ? (
        <ReportTable
          columns={[
            { title: "Question" },
            { title: "What we assumed" },
            { title: "Why it matters" },
            { title: "Who could find out" },
          ]}
          rows={items.map((item) => ({
            key: item.id,
            header: item.question,
            cells: [item.assumption, item.whyItMatters, item.whoCanFindOut],
          }))}
        />
      ) : null}
    </ReportSection>
  );
}

function MethodSection({ report }: { report: ReadinessReport }) {
  const { method } = report;
  return (
    <ReportSection id="method" title="How this was scored">
      {method.overview.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
      <ReportTable
        caption="Areas and their weights"
        columns={[{ title: "Area" }, { title: "Weight", numeric: true }, { title: "Why it matters" }]}
        rows={method.dimensions.map((dimension) => ({
          key: dimension.id,
          header: dimension.name,
          cells: [`${dimension.weight}%`, dimension.why],
        }))}
      />
      <p className="govuk-body">{method.overallFormula}</p>
      <ReportTable
        caption="Verdict bands"
        columns={[{ title: "Overall score" }, { title: "Verdict" }, { title: "What it means" }]}
        rows={method.bands.map((band) => ({
          key: band.id,
          header: `${band.minIndex} to ${band.maxIndex}`,
          cells: [band.label, band.meaning],
        }))}
      />
      <h3 className="govuk-heading-s">Limits on the verdict</h3>
      <ul className="govuk-list govuk-list--bullet">
        {method.gates.map((gate) => (
          <li key={gate.id}>
            {gate.rule} At most: {gate.capsAt}.
          </li>
        ))}
      </ul>
      <h3 className="govuk-heading-s">Capacity assumptions</h3>
      <ul className="govuk-list govuk-list--bullet">
        {[...method.capacityAssumptions, ...method.demandMultipliers].map((value) => (
          <li key={value.id}>
            <strong>{value.name}:</strong> {value.value}. {value.reasoning}
          </li>
        ))}
      </ul>
      <h3 className="govuk-heading-s">&ldquo;I don&apos;t know&rdquo; answers</h3>
      <ul className="govuk-list govuk-list--bullet">
        {method.unknownsPolicy.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h3 className="govuk-heading-s">Sources</h3>
      <ul className="govuk-list govuk-list--bullet">
        {method.sources.map((source) => (
          <li key={source.id}>
            {source.citation}. Used for: {source.usedFor}
          </li>
        ))}
      </ul>
      <p className="govuk-body-s">Scoring method version {method.methodVersion}.</p>
    </ReportSection>
  );
}
