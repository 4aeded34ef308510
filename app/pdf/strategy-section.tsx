/**
 * "Your starter strategy" in the PDF: objectives, a plan per stakeholder group (with the
 * influence and interest grid), the response plan, house rules and moderation, the twelve-week
 * content plan, the first 90 days, and measures with a review cadence. Headings and wording as on
 * the report page.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { GroupPlan, Quadrant } from "../../scoring/report-model";
import { reportOutline } from "../report/report-sections";
import {
  cadenceLabel,
  capitalise,
  levelName,
  longDate,
  measureNote,
  sentimentLabel,
  shortDate,
} from "../report/report-wording";
import { Bullets, Panel, Paragraph, SectionOpening, SubHeading, Table, Tag } from "./pdf-blocks";
import { COLOURS, styles, TYPE } from "./pdf-theme";
import type { SectionProps } from "./report-sections";

const SOURCES: Record<"stated" | "suggested", string> = { stated: "Yours", suggested: "Suggested" };

// The influence and interest grid, laid out as it is usually drawn: influence up the side,
// interest along the bottom.
const GRID: readonly (readonly Quadrant[])[] = [
  ["keep-satisfied", "manage-closely"],
  ["monitor", "keep-informed"],
];

function PowerInterestGrid({ plans, labels }: { plans: readonly GroupPlan[]; labels: Map<Quadrant, string> }) {
  return (
    <View wrap={false} style={{ marginBottom: 12 }}>
      <View>
        {GRID.map((row, rowIndex) => (
          <View key={rowIndex} style={{ flexDirection: "row", gap: 4, marginBottom: 4 }}>
            {row.map((quadrant) => {
              const groups = plans.filter((plan) => plan.quadrant === quadrant);
              const closest = quadrant === "manage-closely";
              return (
                <View
                  key={quadrant}
                  style={{
                    flex: 1,
                    minHeight: 62,
                    padding: 7,
                    backgroundColor: closest ? COLOURS.brand : COLOURS.panel,
                  }}
                >
                  <Text
                    style={{
                      fontSize: TYPE.min,
                      fontWeight: 700,
                      textTransform: "uppercase",
                      letterSpacing: 0.6,
                      color: closest ? COLOURS.accent : COLOURS.brand,
                      marginBottom: 3,
                    }}
                  >
                    {labels.get(quadrant) ?? quadrant}
                  </Text>
                  <Text
                    style={{
                      fontSize: TYPE.small,
                      lineHeight: 1.35,
                      color: closest ? COLOURS.white : COLOURS.text,
                      maxLines: 12,
                      textOverflow: "ellipsis",
                    }}
                  >
                    {groups.length > 0 ? groups.map((plan) => plan.groupName).join("\n") : "No groups"}
                  </Text>
                </View>
              );
            })}
          </View>
        ))}
        <Text style={{ fontSize: TYPE.min, lineHeight: 1.3, color: COLOURS.secondary }}>
          Top row: more influence. Bottom row: less influence. Left: less interest. Right: more interest.
        </Text>
      </View>
    </View>
  );
}

const LONG_CARD_CHARS = 1200;

function cardChars(plan: GroupPlan): number {
  return [plan.groupName, plan.why, plan.approach, plan.promise, ...plan.channels, ...plan.concerns].join("").length;
}

function GroupPlanCard({ plan, level }: { plan: GroupPlan; level: (value: GroupPlan["levelNow"]) => string }) {
  return (
    // A card is kept whole rather than split across pages, unless pathological input (thousands
    // of characters typed into one answer) makes it too tall for a page.
    <View
      wrap={cardChars(plan) > LONG_CARD_CHARS}
      style={{ marginBottom: 12, borderLeftWidth: 3, borderLeftColor: COLOURS.brand, paddingLeft: 10 }}
    >
      <View style={{ flexDirection: "row", alignItems: "center", gap: 8, marginBottom: 3 }}>
        <Text style={{ fontSize: 11, fontWeight: 700, lineHeight: 1.3 }}>{plan.groupName}</Text>
        <Tag tone="brand">{plan.quadrantLabel}</Tag>
      </View>
      <Text style={[styles.small, styles.muted, { marginBottom: 4 }]}>
        {capitalise(plan.influence)} influence, {plan.interest} interest. Mood:{" "}
        {sentimentLabel(plan.sentiment).toLowerCase()}. {level(plan.levelNow)} now, then {level(plan.levelNext)}.
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>Why engage them: </Text>
        {plan.why}
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>How to treat them: </Text>
        {plan.approach}
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>What {level(plan.levelNext)} promises: </Text>
        <Text style={styles.italic}>{plan.promise}</Text>
      </Text>
      <View style={{ flexDirection: "row", gap: 12 }}>
        <View style={{ width: "40%" }}>
          <Text style={[styles.small, styles.semibold, { color: COLOURS.brand }]}>Where to reach them</Text>
          <Bullets items={plan.channels.length > 0 ? plan.channels : ["Not known yet"]} small />
        </View>
        <View style={{ width: "60%" }}>
          <Text style={[styles.small, styles.semibold, { color: COLOURS.brand }]}>Concerns to address</Text>
          <Bullets items={plan.concerns.length > 0 ? plan.concerns : ["None recorded"]} small />
        </View>
      </View>
      {plan.projects.length > 0 ? (
        <Text style={[styles.small, { marginTop: 2 }]}>
          <Text style={[styles.semibold, { color: COLOURS.brand }]}>Projects that affect them: </Text>
          {plan.projects.join(", ")}
        </Text>
      ) : null}
    </View>
  );
}

export function StrategySection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { strategy, method } = report;
  const { responsePlan, houseRules, measures } = strategy;
  const outline = reportOutline(report).strategy;
  const quadrantLabels = new Map(method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const level = (value: GroupPlan["levelNow"]) => levelName(value);
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="A starting point for the first 90 days, built from your answers: adapt it with the people who will run it."
      />

      <SubHeading heading={outline.objectives} />
      <Table
        columns={[
          { header: "Objective", width: 40, cell: (row) => row.objective, bold: true },
          {
            header: "How you will know",
            width: 46,
            cell: (row) => {
              const note = measureNote(row.measureKind);
              if (row.measure === null) return "No measure set yet.";
              return note ? [row.measure, note] : row.measure;
            },
          },
          { header: "Source", width: 14, cell: (row) => SOURCES[row.source] },
        ]}
        rows={strategy.objectives}
      />

      <SubHeading heading={outline.groups} />
      <PowerInterestGrid plans={strategy.groupPlans} labels={quadrantLabels} />
      {strategy.groupPlans.map((plan) => (
        <GroupPlanCard key={plan.groupId} plan={plan} level={level} />
      ))}

      <SubHeading heading={outline.response} />
      <Panel>
        <Text>{responsePlan.monitoringHours}</Text>
        <Text style={{ marginTop: 4 }}>
          <Text style={styles.semibold}>The reply time to publish: </Text>
          {responsePlan.publishedResponseTime}
        </Text>
      </Panel>
      {outline.responseMatrix ? (
        <>
          <SubHeading heading={outline.responseMatrix} />
          <Table
            columns={[
              {
                header: "Kind of post",
                width: 27,
                cell: (row) => (
                  <View>
                    <Text style={styles.semibold}>{row.category}</Text>
                    <Text style={[styles.muted, { fontSize: TYPE.min }]}>{row.examples}</Text>
                  </View>
                ),
              },
              { header: "Who answers", width: 20, cell: (row) => row.whoAnswers },
              {
                header: "Aim for",
                width: 17,
                cell: (row) => (row.idealMet ? row.targetLabel : [row.targetLabel, `Today: ${row.achievableLabel}`]),
              },
              {
                header: "Escalate or take offline",
                width: 36,
                cell: (row) => [`Escalate: ${row.escalation}`, `Offline: ${row.takeOffline}`],
              },
            ]}
            rows={responsePlan.matrix}
          />
        </>
      ) : null}
      {outline.escalate ? (
        <>
          <SubHeading heading={outline.escalate} />
          {responsePlan.escalation.map((step, index) => (
            <Text key={index} style={[styles.paragraph, { marginBottom: 3 }]} wrap={false}>
              {step}
            </Text>
          ))}
        </>
      ) : null}
      {outline.offline ? (
        <>
          <SubHeading heading={outline.offline} />
          <Bullets items={responsePlan.takeOffline} />
        </>
      ) : null}
      <SubHeading heading={outline.outOfHours} />
      <Paragraph>{responsePlan.outOfHours}</Paragraph>

      <SubHeading heading={outline.houseRules} />
      <Paragraph>{houseRules.current}</Paragraph>
      {outline.houseRulePoints ? (
        <>
          <SubHeading heading={outline.houseRulePoints} />
          <Table
            columns={[
              { header: "Rule", width: 58, cell: (row) => row.point },
              { header: "Why", width: 42, cell: (row) => row.why },
            ]}
            rows={houseRules.points}
          />
        </>
      ) : null}
      <SubHeading heading={outline.moderation} />
      <Panel>
        <Text>{houseRules.recommendedModeration}</Text>
      </Panel>
      <Bullets items={houseRules.moderationGuidance} />

      <SubHeading heading={outline.content} />
      <Paragraph muted>Twelve weekly themes to have ready before you open new channels.</Paragraph>
      <Table
        columns={[
          {
            header: "Week",
            width: 12,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>Week {row.week}</Text>
                <Text style={[styles.muted, { fontSize: TYPE.min }]}>from {shortDate(row.weekStarting)}</Text>
              </View>
            ),
          },
          {
            header: "Theme",
            width: 50,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>{row.theme}</Text>
                <Text>{row.angle}</Text>
              </View>
            ),
          },
          { header: "Format", width: 17, cell: (row) => row.format },
          {
            header: "For",
            width: 21,
            cell: (row) => row.serves.map((group) => group.groupName).join(", ") || "Everyone",
          },
        ]}
        rows={strategy.contentPlan}
      />

      <SubHeading heading={outline.roadmap} />
      {strategy.roadmap.map((phase) => (
        <Fragment key={phase.phase}>
          <View
            wrap={false}
            minPresenceAhead={80}
            style={{ backgroundColor: COLOURS.brand, paddingVertical: 6, paddingHorizontal: 8, marginBottom: 4 }}
          >
            <Text style={{ color: COLOURS.white, fontWeight: 700, fontSize: 12 }}>{phase.title}</Text>
            <Text style={{ color: COLOURS.white, fontSize: TYPE.min, lineHeight: 1.35 }}>
              {longDate(phase.startDate)} to {longDate(phase.endDate)}: {phase.goal}
            </Text>
          </View>
          {phase.actions.length > 0 ? (
            <Table
              columns={[
                { header: "Action", width: 32, cell: (row) => row.action, bold: true },
                { header: "First step", width: 46, cell: (row) => row.firstStep },
                { header: "Who", width: 22, cell: (row) => row.owner },
              ]}
              rows={phase.actions}
            />
          ) : (
            <Paragraph muted>No actions fall in these days.</Paragraph>
          )}
        </Fragment>
      ))}

      <SubHeading heading={outline.measures} />
      <Paragraph>
        <Text style={styles.semibold}>Review: {cadenceLabel(measures.reviewCadence)}. </Text>
        {measures.cadenceNote}
      </Paragraph>
      <Table
        columns={[
          { header: "Objective", width: 34, cell: (row) => row.objective, bold: true },
          {
            header: "Your measure",
            width: 28,
            cell: (row) => row.statedMeasure ?? "None yet",
          },
          { header: "Indicators to track", width: 38, cell: (row) => row.suggestedIndicators },
        ]}
        rows={measures.perObjective}
      />
      {outline.health ? (
        <>
          <SubHeading heading={outline.health} />
          <Bullets items={measures.operational} />
        </>
      ) : null}
    </>
  );
}
