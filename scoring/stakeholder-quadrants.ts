/**
 * Mendelow's power/interest grid (Mendelow 1991). The questionnaire's "influence" is the power
 * axis. Also used by the report views.
 */
import type { Degree } from "./answers";
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
 * The quadrant for a group. The grid has two steps on each axis; "some" (medium) sits on the high
 * side when the other axis is high, and otherwise on the side that keeps the group in view.
 *
 * Rule (influence / interest):
 * - high/high, high/medium, medium/high -> manage closely;
 * - high/low, medium/low -> keep satisfied;
 * - medium/medium, low/high, low/medium -> keep informed;
 * - low/low -> monitor.
 */
export function quadrantFor(influence: Degree, interest: Degree): Quadrant {
  if (influence === "high") return interest === "low" ? "keep-satisfied" : "manage-closely";
  if (influence === "medium") {
    if (interest === "high") return "manage-closely";
    return interest === "medium" ? "keep-informed" : "keep-satisfied";
  }
  return interest === "low" ? "monitor" : "keep-informed";
}
