/**
 * Section 7 of the PDF: the starter strategy. Objectives, a plan per stakeholder group on
 * Mendelow's power/interest grid, the response plan, house rules and moderation, the twelve-week
 * content plan, the 90-day roadmap, and measures with a review cadence.
 */
import { Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { GroupPlan, Quadrant, Tactic } from "../../scoring/report-model";
import { Bullets, Heading2, Heading3, Panel, Paragraph, SectionOpening, Table, Tag } from "./pdf-blocks";
import { cadenceLabel, levelName, longDate, sentimentLabel, shortDate } from "./pdf-labels";
import { COLOURS, styles } from "./pdf-theme";
import type { SectionProps } from "./report-sections";

const TACTICS: Record<Tactic, string> = { share: "Share", listen: "Listen", engage: "Engage" };
const SOURCES: Record<"stated" | "suggested", string> = { stated: "Yours", suggested: "Suggested" };
const HIGH_LOW = { high: "high", low: "low" } as const;

// Mendelow's grid, laid out as it is usually drawn: power up the side, interest along the bottom.
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
                      fontSize: 7.5,
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
                      fontSize: 8.5,
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
        <Text style={{ fontSize: 7.5, lineHeight: 1.3, color: COLOURS.secondary }}>
          Top row: high influence. Bottom row: low influence. Left: low interest. Right: high interest.
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
        Influence {HIGH_LOW[plan.influence]} · interest {HIGH_LOW[plan.interest]} · mood{" "}
        {sentimentLabel(plan.sentiment).toLowerCase()} · level now {level(plan.levelNow)}, next {level(plan.levelNext)},
        sustainable {level(plan.levelSustainable)}, wanted {level(plan.levelDesired)}
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>Why: </Text>
        {plan.why}
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>Approach: </Text>
        {plan.approach}
      </Text>
      <Text style={styles.paragraph}>
        <Text style={styles.semibold}>The promise at {level(plan.levelNext)}: </Text>
        <Text style={styles.italic}>{plan.promise}</Text>
      </Text>
      <View style={{ flexDirection: "row", gap: 12 }}>
        <View style={{ width: "40%" }}>
          <Text style={[styles.small, styles.semibold, { color: COLOURS.brand }]}>Where to reach them</Text>
          <Bullets items={plan.channels.length > 0 ? plan.channels : ["Not stated"]} small />
        </View>
        <View style={{ width: "60%" }}>
          <Text style={[styles.small, styles.semibold, { color: COLOURS.brand }]}>Concerns to address</Text>
          <Bullets items={plan.concerns.length > 0 ? plan.concerns : ["None recorded"]} small />
        </View>
      </View>
    </View>
  );
}

export function StrategySection({ view, number, title, marker }: SectionProps) {
  const { report } = view;
  const { strategy, method } = report;
  const { responsePlan, houseRules, measures } = strategy;
  const quadrantLabels = new Map(method.quadrants.map((quadrant) => [quadrant.quadrant, quadrant.label]));
  const level = (value: GroupPlan["levelNow"]) => levelName(value, method);
  const objectives = new Map(strategy.objectives.map((objective) => [objective.id, objective]));
  return (
    <>
      <SectionOpening
        number={number}
        title={title}
        marker={marker}
        lede="A starting point for the first 90 days, built from your answers: adapt it with the people who will run it."
      />

      <Heading2 bookmark>Objectives</Heading2>
      <Table
        columns={[
          { header: "Objective", width: 38, cell: (row) => row.objective, bold: true },
          { header: "How you will know", width: 36, cell: (row) => row.measure },
          { header: "Source", width: 11, cell: (row) => SOURCES[row.source] },
          { header: "Tactics", width: 15, cell: (row) => row.tactics.map((tactic) => TACTICS[tactic]).join(", ") },
        ]}
        rows={strategy.objectives}
      />

      <Heading2 bookmark>Plan for each stakeholder group</Heading2>
      <PowerInterestGrid plans={strategy.groupPlans} labels={quadrantLabels} />
      {strategy.groupPlans.map((plan) => (
        <GroupPlanCard key={plan.groupId} plan={plan} level={level} />
      ))}

      <Heading2 bookmark>Response plan</Heading2>
      <Panel>
        <Text>
          <Text style={styles.semibold}>When the channels are watched: </Text>
          {responsePlan.monitoringHours}
        </Text>
        <Text style={{ marginTop: 4 }}>
          <Text style={styles.semibold}>Response time to publish: </Text>
          {responsePlan.publishedResponseTime}
        </Text>
      </Panel>
      <Heading3>Priorities and target times</Heading3>
      <Table
        columns={[
          {
            header: "What comes in",
            width: 34,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>{row.category}</Text>
                <Text style={[styles.muted, { fontSize: 7.5 }]}>{row.examples}</Text>
              </View>
            ),
          },
          { header: "Who answers", width: 24, cell: (row) => row.whoAnswers },
          { header: "Aim for", width: 24, cell: (row) => row.targetLabel },
          {
            header: "Achievable today",
            width: 18,
            cell: (row) => (row.idealMet ? row.achievableLabel : [row.achievableLabel, "Short of the ideal"]),
          },
        ]}
        rows={responsePlan.matrix}
      />
      <Heading3>Escalation and when to go offline</Heading3>
      <Table
        columns={[
          { header: "What comes in", width: 26, cell: (row) => row.category, bold: true },
          { header: "Escalate to", width: 37, cell: (row) => row.escalation },
          { header: "Take it offline", width: 37, cell: (row) => row.takeOffline },
        ]}
        rows={responsePlan.matrix}
      />
      <Heading3>Escalation path</Heading3>
      {responsePlan.escalation.map((step, index) => (
        <Text key={index} style={[styles.paragraph, { marginBottom: 3 }]} wrap={false}>
          {step}
        </Text>
      ))}
      <Heading3>Take a conversation offline when</Heading3>
      <Bullets items={responsePlan.takeOffline} />
      <Heading3>Out of hours</Heading3>
      <Paragraph>{responsePlan.outOfHours}</Paragraph>

      <Heading2 bookmark>House rules and moderation</Heading2>
      <Paragraph>{houseRules.current}</Paragraph>
      <Table
        columns={[
          { header: "Your house rules should say", width: 58, cell: (row) => row.point },
          { header: "Why", width: 42, cell: (row) => row.why },
        ]}
        rows={houseRules.points}
      />
      <Heading3>Moderation</Heading3>
      <Panel>
        <Text>{houseRules.recommendedModeration}</Text>
      </Panel>
      <Bullets items={houseRules.moderationGuidance} />

      <Heading2 bookmark>Three-month content plan</Heading2>
      <Table
        columns={[
          {
            header: "Week",
            width: 12,
            cell: (row) => (
              <View>
                <Text style={styles.semibold}>Week {row.week}</Text>
                <Text style={[styles.muted, { fontSize: 7.5 }]}>{shortDate(row.weekStarting)}</Text>
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

      <Heading2 bookmark>90-day roadmap</Heading2>
      {strategy.roadmap.map((phase) => (
        <Fragment key={phase.phase}>
          <View
            minPresenceAhead={80}
            style={{ backgroundColor: COLOURS.brand, paddingVertical: 6, paddingHorizontal: 8, marginBottom: 4 }}
          >
            <Text style={{ color: COLOURS.white, fontWeight: 700, fontSize: 10.5 }}>{phase.title}</Text>
            <Text style={{ color: COLOURS.white, fontSize: 8, lineHeight: 1.35 }}>
              {longDate(phase.startDate)} to {longDate(phase.endDate)}: {phase.goal}
            </Text>
          </View>
          {phase.actions.length > 0 ? (
            <Table
              columns={[
                { header: "Action", width: 32, cell: (row) => row.action, bold: true },
                { header: "First step", width: 46, cell: (row) => row.firstStep },
                { header: "Owner", width: 22, cell: (row) => row.owner },
              ]}
              rows={phase.actions}
            />
          ) : (
            <Paragraph muted>No actions fall in this phase.</Paragraph>
          )}
        </Fragment>
      ))}

      <Heading2 bookmark>Measures and review</Heading2>
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
            cell: (row) => row.statedMeasure ?? objectives.get(row.objectiveId)?.measure ?? "None stated",
          },
          { header: "Indicators to track", width: 38, cell: (row) => row.suggestedIndicators },
        ]}
        rows={measures.perObjective}
      />
      <Heading3>The health of the engagement itself</Heading3>
      <Bullets items={measures.operational} />
    </>
  );
}
