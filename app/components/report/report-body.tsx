import type { DimensionScore, MethodFactor, ReadinessReport } from "../../../scoring/report-model";
import {
  reportOutline,
  riskGroups,
  sectionPointer,
  sectionTitle,
  type SectionOutline,
} from "../../report/report-sections";
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
  summaryBesideHeadline,
  stepValue,
} from "../../report/report-wording";
import type { ReportView } from "../../report/report-view";
import { ReadinessChart } from "./readiness-chart";
import {
  Evidence,
  PriorityTag,
  ReportSection,
  ReportTable,
  ScoreBar,
  SeverityTag,
  SubHeading,
  SummaryList,
} from "./report-parts";
import { DisagreementMethod } from "./workshop-disagreements";
import type { WorkshopFindings } from "../../../scoring/workshop-findings";

/**
 * The whole report below the page's title, in the order of `REPORT_SECTIONS`, with the headings
 * of `report-sections.ts`: the PDF prints the same sections under the same headings.
 */
export function ReportBody({ view }: { view: ReportView }) {
  const { report } = view;
  const outline = reportOutline(report, { workshop: Boolean(view.workshop) });
  return (
    <>
      <VerdictSection report={report} outline={outline.verdict} />
      <DecisionSection report={report} outline={outline.decision} />
      <ReadinessSection report={report} />
      <EngagementSection report={report} outline={outline.engagement} />
      <CapacitySection report={report} outline={outline.capacity} />
      <RisksSection view={view} outline={outline.risks} />
      <RecommendationsSection view={view} />
      <StrategySection report={report} outline={outline.strategy} />
      <FindOutSection view={view} />
      <MethodSection report={report} outline={outline.method} workshop={view.workshop} />
    </>
  );
}

function VerdictSection({ report, outline }: { report: ReadinessReport; outline: SectionOutline<"verdict"> }) {
  const { verdict, overall, method } = report;
  const band = method.bands.find((candidate) => candidate.id === verdict.band);
  const indexBand = method.bands.find((candidate) => candidate.id === verdict.indexBand);
  const ceiling = method.levels.find((level) => level.level === verdict.ceiling);
  return (
    <ReportSection id="verdict" title={sectionTitle("verdict")}>
      <div className={`app-verdict app-verdict--${verdict.band}`}>
        <p className="app-verdict__band">
          Overall readiness {overall.score} out of 100: {verdict.bandLabel}
        </p>
        <p className="app-verdict__sentence">{verdict.sentence}</p>
        <p className="app-verdict__ceiling">
          <strong>The most you can offer any group for now is {levelName(verdict.ceiling)}</strong>
          {ceiling ? <>: “{ceiling.promise}”</> : "."}
        </p>
      </div>
      <SubHeading heading={outline.scale} />
      <ol className="app-band-scale">
        {method.bands.map((candidate) => {
          const current = candidate.id === verdict.band;
          return (
            <li
              key={candidate.id}
              className={`app-band-scale__step${current ? " app-band-scale__step--current" : ""}`}
              aria-current={current ? "true" : undefined}
            >
              {capitalise(candidate.label)}
              {current ? <span className="app-band-scale__you">Your verdict</span> : null}
            </li>
          );
        })}
      </ol>
      {band ? <p className="govuk-body">{band.meaning}</p> : null}
      {outline.lowered ? (
        <>
          <SubHeading heading={outline.lowered} />
          <p className="govuk-body">
            Your scores alone would put you at “{indexBand?.label ?? verdict.indexBand}”. The verdict is lower because:
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

function DecisionSection({ report, outline }: { report: ReadinessReport; outline: SectionOutline<"decision"> }) {
  const { decision } = report;
  return (
    <ReportSection id="decision" title={sectionTitle("decision")}>
      <div className="app-decision">
        <p className="app-decision__for">{decisionFor(decision.decisionMaker)}</p>
        <p className="app-decision__ask">{decision.ask}</p>
        {outline.approve ? (
          <>
            <SubHeading heading={outline.approve} />
            <ul className="govuk-list govuk-list--bullet app-decision__approve">
              {decision.approve.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : null}
        <SubHeading heading={outline.takes} />
        <SummaryList
          className="app-decision__takes"
          rows={[
            { label: "People", value: decision.people },
            { label: "Money", value: decision.money },
          ]}
        />
        {outline.firstSteps ? (
          <>
            <SubHeading heading={outline.firstSteps} />
            <ol className="app-steps">
              {decision.firstSteps.map((step) => {
                const when = actionWhen(report, step.recommendationId);
                return (
                  <li className="app-steps__step" key={step.recommendationId}>
                    <p className="govuk-body app-steps__action">{step.action}</p>
                    <p className="govuk-body">{step.firstStep}</p>
                    <p className="govuk-body-s app-steps__meta">
                      <span>Who: {step.owner}</span>
                      {when ? <span>When: {when}</span> : null}
                    </p>
                  </li>
                );
              })}
            </ol>
          </>
        ) : null}
      </div>
    </ReportSection>
  );
}

function ReadinessSection({ report }: { report: ReadinessReport }) {
  return (
    <ReportSection id="readiness" title={sectionTitle("readiness")}>
      <p className="govuk-body">
        Each area is scored out of 100 from your answers. Together they give your overall readiness:{" "}
        {report.overall.score} out of 100.{" "}
        <a className="govuk-link" href="#method-areas">
          How each area was scored
        </a>
        , point by point, is in {sectionPointer("method")}.
      </p>
      <div className="app-chart-wrapper">
        <ReadinessChart items={report.dimensions.map((d) => ({ id: d.id, label: d.name, score: d.score }))} />
      </div>
      <ReportTable
        caption="Scores by area"
        columns={[{ title: "Area" }, { title: "Score", numeric: true }, { title: "What drove the score" }]}
        rows={report.dimensions.map((dimension) => ({
          key: dimension.id,
          header: (
            <>
              {dimension.name}
              <span className="app-table__note">{dimension.question}</span>
            </>
          ),
          cells: [
            <>
              {dimension.score}
              <ScoreBar score={dimension.score} />
            </>,
            dimension.summary,
          ],
        }))}
      />
    </ReportSection>
  );
}

function EngagementSection({ report, outline }: { report: ReadinessReport; outline: SectionOutline<"engagement"> }) {
  const approaches = new Map(report.method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const heldBack = report.engagementGaps.filter(
    (gap) => gap.heldByVerdict || gap.limitedBy.some((requirement) => !requirement.met),
  );
  return (
    <ReportSection
      id="engagement"
      title={sectionTitle("engagement")}
      intro="Each level is a bigger promise to the public: Inform, then Consult, Involve, Collaborate and Empower. The level you can keep now depends on your capacity and your rules. We never suggest more than you can keep."
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
          header: (
            <>
              {gap.groupName}
              <span className="app-table__note">
                {approaches.get(gap.quadrant) ?? ""}. Mood: {sentimentLabel(gap.sentiment).toLowerCase()}.
              </span>
            </>
          ),
          cells: [
            levelName(gap.current),
            levelName(gap.desired),
            <strong key="sustainable">{levelName(gap.sustainable)}</strong>,
            gap.nextStep,
          ],
        }))}
      />
      {outline.holding ? (
        <>
          <SubHeading heading={outline.holding} />
          <dl className="govuk-summary-list">
            {heldBack.map((gap) => (
              <div className="govuk-summary-list__row govuk-summary-list__row--no-actions" key={gap.groupId}>
                <dt className="govuk-summary-list__key">{gap.groupName}</dt>
                <dd className="govuk-summary-list__value">
                  {gap.heldByVerdict ? <p className="govuk-body">{heldByVerdictText(gap.sustainable)}</p> : null}
                  {gap.limitedBy.some((requirement) => !requirement.met) ? (
                    <ul className="govuk-list govuk-list--bullet">
                      {gap.limitedBy
                        .filter((requirement) => !requirement.met)
                        .map((requirement) => (
                          <li key={requirement.id}>{requirement.description}</li>
                        ))}
                    </ul>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </ReportSection>
  );
}

const CAPACITY_TONE: Record<ReadinessReport["capacity"]["finding"]["status"], string> = {
  "hours-unknown": "app-inset--warning",
  "no-hours": "app-inset--alert",
  short: "app-inset--alert",
  stretched: "app-inset--warning",
  slow: "app-inset--warning",
  enough: "app-inset--ok",
  comfortable: "app-inset--ok",
};

function CapacitySection({ report, outline }: { report: ReadinessReport; outline: SectionOutline<"capacity"> }) {
  const { capacity } = report;
  return (
    <ReportSection id="capacity" title={sectionTitle("capacity")}>
      <div className={`govuk-inset-text app-finding ${CAPACITY_TONE[capacity.finding.status]}`}>
        <p className="govuk-body app-finding__headline">{capacity.finding.headline}</p>
        <p className="govuk-body">{summaryBesideHeadline(capacity)}</p>
      </div>
      <SubHeading heading={outline.questions} />
      <SummaryList rows={capacityQuestionRows(capacity)} />
      <SubHeading heading={outline.replies} />
      <SummaryList rows={capacityReplyRows(capacity)} />
      {capacity.response.reconciliation ? <p className="govuk-body">{capacity.response.reconciliation}</p> : null}
      <SubHeading heading={outline.watching} />
      <SummaryList rows={capacityWatchRows(capacity)} />
      <SubHeading heading={outline.takes} />
      <SummaryList rows={capacityTakesRows(capacity)} />
      {shortfallNoteShown(capacity) ? <p className="govuk-body">{capacity.shortfall.note}</p> : null}
      {outline.restsOn ? (
        <>
          <SubHeading heading={outline.restsOn} />
          <ul className="govuk-list govuk-list--bullet">
            {capacity.assumptions.map((assumption) => (
              <li key={assumption.id}>{assumptionText(assumption)}</li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href="#method-capacity">
              How the capacity figures were worked out
            </a>{" "}
            is in {sectionPointer("method")}.
          </p>
        </>
      ) : null}
    </ReportSection>
  );
}

function RisksSection({ view, outline }: { view: ReportView; outline: SectionOutline<"risks"> }) {
  const { risks } = view.report;
  const groups = riskGroups(view.report, outline);
  return (
    <ReportSection id="risks" title={sectionTitle("risks")} intro={risksIntro(risks)}>
      {groups.map((group) =>
        group.heading ? (
          <div key={group.heading.title}>
            <SubHeading heading={group.heading} />
            <p className="govuk-body">{group.intro}</p>
            <ol className="app-card-list">
              {group.risks.map((risk) => (
                <li className="app-risk" key={risk.id}>
                  <h4 className="govuk-heading-s app-risk__heading">
                    <SeverityTag severity={risk.severity} /> <span className="app-risk__title">{risk.title}</span>
                  </h4>
                  <p className="govuk-body">{risk.explanation}</p>
                  <Evidence answers={view.riskEvidence[risk.id] ?? []} />
                </li>
              ))}
            </ol>
          </div>
        ) : null,
      )}
    </ReportSection>
  );
}

function RecommendationsSection({ view }: { view: ReportView }) {
  const { report } = view;
  return (
    <ReportSection
      id="recommendations"
      title={sectionTitle("recommendations")}
      intro="Most important first. Each one says what to do first, who is best placed to own it and when."
    >
      <ol className="app-card-list app-card-list--numbered">
        {report.recommendations.map((rec) => (
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
                <dd className="govuk-summary-list__value">{recommendationWhen(report, rec)}</dd>
              </div>
              {rec.levels.length > 0 ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Level to work at</dt>
                  <dd className="govuk-summary-list__value">
                    {rec.levels.map((advice) => `${advice.groupName}: ${levelName(advice.level)}`).join("; ")}
                  </dd>
                </div>
              ) : null}
            </dl>
            <Evidence answers={view.recommendationEvidence[rec.id] ?? []} />
          </li>
        ))}
      </ol>
    </ReportSection>
  );
}

function StrategySection({ report, outline }: { report: ReadinessReport; outline: SectionOutline<"strategy"> }) {
  const { strategy } = report;
  const { responsePlan, houseRules, measures } = strategy;
  return (
    <ReportSection
      id="strategy"
      title={sectionTitle("strategy")}
      intro="A starting point for the first 90 days, built from your answers: adapt it with the people who will run it."
    >
      <SubHeading heading={outline.objectives} />
      <ol className="govuk-list govuk-list--number app-objectives">
        {strategy.objectives.map((objective) => {
          const note = measureNote(objective.measureKind);
          return (
            <li key={objective.id}>
              <strong>{objective.objective}</strong>
              {objective.source === "suggested" ? (
                <span className="app-table__note">Suggested from the purposes you chose.</span>
              ) : null}
              <span className="app-objectives__measure">
                {objective.measure === null ? (
                  "No measure set yet."
                ) : (
                  <>
                    Measured by: {objective.measure}
                    {note ? <span className="app-assumption"> {note}</span> : null}
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>

      <SubHeading heading={outline.groups} />
      {strategy.groupPlans.map((plan) => (
        <div className="govuk-summary-card" key={plan.groupId}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title">
              {plan.groupName}: {plan.quadrantLabel.toLowerCase()}
            </h4>
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList
              rows={[
                { label: "How to treat them", value: plan.approach },
                { label: "Why engage them", value: plan.why },
                {
                  label: "Influence and interest",
                  value: `${capitalise(plan.influence)} influence, ${plan.interest} interest. Mood: ${sentimentLabel(plan.sentiment).toLowerCase()}.`,
                },
                {
                  label: "Level now and next",
                  value: `${levelName(plan.levelNow)} now, then ${levelName(plan.levelNext)}.`,
                },
                { label: "What that promises", value: plan.promise },
                { label: "Where to reach them", value: plan.channels.join(", ") || "Not known yet" },
                { label: "Concerns to address", value: plan.concerns.join(" ") || "None recorded" },
                { label: "Projects that affect them", value: plan.projects.join(", ") || "None" },
              ]}
            />
          </div>
        </div>
      ))}

      <SubHeading heading={outline.response} />
      <p className="govuk-body">{responsePlan.monitoringHours}</p>
      <div className="govuk-inset-text">
        <strong>The reply time to publish:</strong> {responsePlan.publishedResponseTime}
      </div>
      {outline.responseMatrix ? (
        <>
          <SubHeading heading={outline.responseMatrix} />
          <ReportTable
            columns={[
              { title: "Kind of post" },
              { title: "Who answers" },
              { title: "Aim for" },
              { title: "Escalate or take offline" },
            ]}
            rows={responsePlan.matrix.map((row) => ({
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
        </>
      ) : null}
      {outline.escalate ? (
        <>
          <SubHeading heading={outline.escalate} />
          <ul className="govuk-list">
            {responsePlan.escalation.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {outline.offline ? (
        <>
          <SubHeading heading={outline.offline} />
          <ul className="govuk-list govuk-list--bullet">
            {responsePlan.takeOffline.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      <SubHeading heading={outline.outOfHours} />
      <p className="govuk-body">{responsePlan.outOfHours}</p>

      <SubHeading heading={outline.houseRules} />
      <p className="govuk-body">{houseRules.current}</p>
      {outline.houseRulePoints ? (
        <>
          <SubHeading heading={outline.houseRulePoints} />
          <ReportTable
            columns={[{ title: "Rule" }, { title: "Why" }]}
            rows={houseRules.points.map((point) => ({
              key: point.point,
              header: point.point,
              cells: [point.why],
            }))}
          />
        </>
      ) : null}
      <SubHeading heading={outline.moderation} />
      <p className="govuk-body">{houseRules.recommendedModeration}</p>
      <ul className="govuk-list govuk-list--bullet">
        {houseRules.moderationGuidance.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <SubHeading heading={outline.content} />
      <ReportTable
        caption="Twelve weekly themes to have ready before you open new channels"
        columns={[{ title: "Week" }, { title: "Theme" }, { title: "Format" }, { title: "For" }]}
        rows={strategy.contentPlan.map((week) => ({
          key: String(week.week),
          header: (
            <>
              Week {week.week}
              <span className="app-table__note">from {longDate(week.weekStarting)}</span>
            </>
          ),
          cells: [
            <>
              <strong>{week.theme}</strong>
              <span className="app-table__note">{week.angle}</span>
            </>,
            week.format,
            week.serves.map((group) => group.groupName).join(", ") || "Everyone",
          ],
        }))}
      />

      <SubHeading heading={outline.roadmap} />
      {strategy.roadmap.map((phase) => (
        <div className="app-phase" key={phase.phase}>
          <h4 className="govuk-heading-s">{phase.title}</h4>
          <p className="govuk-body-s app-phase__dates">
            {longDate(phase.startDate)} to {longDate(phase.endDate)}
          </p>
          <p className="govuk-body">{phase.goal}</p>
          {phase.actions.length > 0 ? (
            <ul className="govuk-list govuk-list--bullet">
              {phase.actions.map((action) => (
                <li key={action.recommendationId}>
                  <strong>{action.action}</strong> ({action.owner}). {action.firstStep}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No actions fall in these days.</p>
          )}
        </div>
      ))}

      <SubHeading heading={outline.measures} />
      <p className="govuk-body">
        <strong>Review: {cadenceLabel(measures.reviewCadence)}.</strong> {measures.cadenceNote}
      </p>
      {measures.perObjective.map((measure) => (
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
      {outline.health ? (
        <>
          <SubHeading heading={outline.health} />
          <ul className="govuk-list govuk-list--bullet">
            {measures.operational.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </ReportSection>
  );
}

function FindOutSection({ view }: { view: ReportView }) {
  const items = view.report.thingsToFindOut;
  return (
    <ReportSection
      id="find-out"
      title={sectionTitle("find-out")}
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

function AreaScoring({ dimension, rules }: { dimension: DimensionScore; rules: Map<string, MethodFactor> }) {
  const weight = dimension.weight;
  return (
    <div className="app-method-area">
      <h4 className="govuk-heading-s">
        {dimension.name}: {dimension.score} out of 100
      </h4>
      <p className="govuk-body">
        {dimension.question} It counts for {weight}% of the overall score.
      </p>
      <ReportTable
        columns={[
          { title: "What counts" },
          { title: "Points", numeric: true },
          { title: "Your answer" },
          { title: "How it scores" },
        ]}
        rows={dimension.factors.map((factor) => ({
          key: factor.id,
          header: factor.label,
          cells: [
            <span className="app-nowrap" key="points">
              {plainNumber(factor.points)} of {factor.maxPoints}
            </span>,
            <>
              {factor.note}
              {factor.assumption ? <span className="app-assumption"> Assumed: {factor.assumption}</span> : null}
            </>,
            rules.get(`${dimension.id}/${factor.id}`)?.rule ?? "",
          ],
        }))}
      />
      {dimension.maturity ? (
        <p className="govuk-body">
          Stage of adoption used: <strong>{dimension.maturity.label}</strong>. {dimension.maturity.description}{" "}
          {dimension.maturity.note}
        </p>
      ) : null}
    </div>
  );
}

function MethodSection({
  report,
  outline,
  workshop,
}: {
  report: ReadinessReport;
  outline: SectionOutline<"method">;
  workshop?: WorkshopFindings;
}) {
  const { method, capacity } = report;
  const rules = new Map(
    method.dimensions.flatMap((dimension) =>
      dimension.factors.map((factor) => [`${dimension.id}/${factor.id}`, factor] as const),
    ),
  );
  const stepRows = (steps: typeof capacity.demand.steps) =>
    steps.map((step) => ({ key: step.id, header: step.label, cells: [stepValue(step), step.note] }));
  return (
    <ReportSection id="method" title={sectionTitle("method")}>
      {method.overview.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}

      <SubHeading heading={outline.areas} id="method-areas" />
      {report.dimensions.map((dimension) => (
        <AreaScoring key={dimension.id} dimension={dimension} rules={rules} />
      ))}

      <SubHeading heading={outline.overall} />
      <p className="govuk-body">{method.overallFormula}</p>
      <ReportTable
        caption="What each area adds to the overall score"
        columns={[
          { title: "Area" },
          { title: "Score", numeric: true },
          { title: "Weight", numeric: true },
          { title: "Points added", numeric: true },
        ]}
        rows={report.overall.contributions.map((item) => ({
          key: item.dimensionId,
          header: item.name,
          cells: [String(item.score), `${item.weight}%`, plainNumber(item.points)],
        }))}
      />
      <ReportTable
        caption="Verdicts"
        columns={[{ title: "Overall score" }, { title: "Verdict" }, { title: "What it means" }]}
        rows={method.bands.map((band) => ({
          key: band.id,
          header: `${band.minIndex} to ${band.maxIndex}`,
          cells: [capitalise(band.label), band.meaning],
        }))}
      />
      {outline.limits ? (
        <>
          <SubHeading heading={outline.limits} />
          <ul className="govuk-list govuk-list--bullet">
            {method.gates.map((gate) => (
              <li key={gate.id}>
                {gate.rule} At most: {gate.capsAt}.
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <SubHeading heading={outline.capacity} id="method-capacity" />
      {outline.demandSteps ? (
        <>
          <SubHeading heading={outline.demandSteps} />
          <ReportTable
            columns={[{ title: "Step" }, { title: "Value" }, { title: "How we got it" }]}
            rows={stepRows(capacity.demand.steps)}
          />
        </>
      ) : null}
      {outline.supplySteps ? (
        <>
          <SubHeading heading={outline.supplySteps} />
          <ReportTable
            columns={[{ title: "Step" }, { title: "Value" }, { title: "How we got it" }]}
            rows={stepRows(capacity.supply.steps)}
          />
        </>
      ) : null}
      {outline.replyTime ? (
        <>
          <SubHeading heading={outline.replyTime} />
          <p className="govuk-body">{replyTimeParts(capacity)}</p>
        </>
      ) : null}
      {outline.capacityValues ? (
        <>
          <SubHeading heading={outline.capacityValues} />
          <ReportTable
            columns={[{ title: "Figure" }, { title: "Value" }, { title: "Why" }]}
            rows={[...method.capacityAssumptions, ...method.demandMultipliers].map((value) => ({
              key: value.id,
              header: value.name,
              cells: [value.value, value.reasoning],
            }))}
          />
        </>
      ) : null}

      <SubHeading heading={outline.levels} />
      <ReportTable
        columns={[{ title: "Level" }, { title: "The promise" }, { title: "Needed to keep it" }]}
        rows={method.levels.map((level) => ({
          key: level.level,
          header: level.name,
          cells: [
            level.promise,
            <ul className="govuk-list govuk-list--bullet app-table__list" key="needs">
              {(method.levelRules.find((rule) => rule.level === level.level)?.requirements ?? []).map((need) => (
                <li key={need}>{need}</li>
              ))}
            </ul>,
          ],
        }))}
      />

      {outline.ranking ? (
        <>
          <SubHeading heading={outline.ranking} />
          <ul className="govuk-list govuk-list--bullet">
            {method.priorityFormula.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <ReportTable
            caption="Your actions, as ranked"
            columns={[
              { title: "Action" },
              { title: "Impact", numeric: true },
              { title: "Urgency", numeric: true },
              { title: "Effort", numeric: true },
              { title: "Priority", numeric: true },
              { title: "When" },
            ]}
            rows={report.recommendations.map((rec) => ({
              key: rec.id,
              header: rec.title,
              cells: [
                String(rec.impact),
                String(rec.urgency),
                String(rec.effort),
                String(rec.priorityScore),
                phaseDays(rec.phase),
              ],
            }))}
          />
        </>
      ) : null}

      {outline.risks ? (
        <>
          <SubHeading heading={outline.risks} />
          <ul className="govuk-list govuk-list--bullet">
            {method.riskRules.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}

      {outline.groups ? (
        <>
          <SubHeading heading={outline.groups} />
          <ReportTable
            columns={[{ title: "Approach" }, { title: "Influence and interest" }, { title: "What it means" }]}
            rows={method.quadrants.map((quadrant) => ({
              key: quadrant.quadrant,
              header: quadrant.label,
              cells: [quadrant.rule, quadrant.approach],
            }))}
          />
        </>
      ) : null}

      {outline.adoption ? (
        <>
          <SubHeading heading={outline.adoption} />
          <ReportTable
            columns={[{ title: "Stage" }, { title: "What it looks like" }]}
            rows={method.adoptionStages.map((stage) => ({
              key: stage.stage,
              header: stage.label,
              cells: [stage.description],
            }))}
          />
        </>
      ) : null}

      {outline.fitting ? (
        <>
          <SubHeading heading={outline.fitting} />
          <ul className="govuk-list govuk-list--bullet">
            {method.fitting.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}

      {outline.unknowns ? (
        <>
          <SubHeading heading={outline.unknowns} />
          <ul className="govuk-list govuk-list--bullet">
            {method.unknownsPolicy.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}

      {outline.disagreement && workshop ? (
        <>
          <SubHeading heading={outline.disagreement} />
          <DisagreementMethod findings={workshop} />
        </>
      ) : null}

      {outline.sources ? (
        <>
          <SubHeading heading={outline.sources} />
          <ul className="govuk-list govuk-list--bullet">
            {method.sources.map((source) => (
              <li key={source.id}>
                {source.citation}
                {source.url ? (
                  <>
                    {" "}
                    <span className="app-wrap">{source.url}</span>
                  </>
                ) : null}
                . Used for: {source.usedFor}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="govuk-body-s">Scoring method version {method.methodVersion}.</p>
    </ReportSection>
  );
}
