/**
 * Mendelow's power/interest grid (Mendelow 1991). The questionnaire's "influence" is the power
 * axis. Also used by the report views.
 */
import type { HighLow } from "./answers";
import type { Quadrant } from "./report-model";

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  "manage-closely": "Manage closely",
  "keep-satisfied": "Keep satisfied",
  "keep-informed": "Keep informed",
  monitor: "Monitor",
};

/** What each quadrant means for how the organisation treats the group, in our own words. */
export const QUADRANT_APPROACHES: Readonly<Record<Quadrant, string>> = {
  "manage-closely":
    "They can change what you do and they are paying attention: talk with them early and often, and brief them before anything goes public.",
  "keep-satisfied":
    "They can change what you do but are not following closely: keep them briefed on what affects them so nothing surprises them.",
  "keep-informed":
    "They care a lot but have less sway: give them regular, honest updates and a clear way to have their say.",
  monitor:
    "They are not following closely and have less sway: keep an eye on them and share general updates, without heavy effort.",
};

/**
 * The quadrant for a group.
 *
 * Rule: high/high -> manage closely; high influence, low interest -> keep satisfied;
 * low influence, high interest -> keep informed; low/low -> monitor.
 */
export function quadrantFor(influence: HighLow, interest: HighLow): Quadrant {
  if (influence === "high") return interest === "high" ? "manage-closely" : "keep-satisfied";
  return interest === "high" ? "keep-informed" : "monitor";
}
