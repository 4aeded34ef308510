/**
 * Small, deterministic text helpers for report wording. No locale APIs: `toLocaleString` depends
 * on the runtime's ICU data, which would break byte-stable output.
 */
import { round } from "./numbers";

/** Working hours in a working day (9:00 to 17:00), and in a working week (Monday to Friday). */
export const WORKING_HOURS_PER_DAY = 8;
export const WORKING_HOURS_PER_WEEK = 40;

/** Joins items as "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[], conjunction = "and"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1] ?? ""}`;
}

/**
 * Formats a number with thousands separators and at most `decimals` decimals, for example
 * 12345.6 -> "12,345.6". Non-finite values print as "0".
 */
export function formatNumber(value: number, decimals = 0): string {
  const rounded = round(value, decimals);
  const negative = rounded < 0;
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(decimals).split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction === undefined ? "" : fraction.replace(/0+$/, "");
  return `${negative ? "-" : ""}${withCommas}${trimmed ? `.${trimmed}` : ""}`;
}

/**
 * Describes working hours in the largest natural unit: under 8 -> hours, under 40 -> working days,
 * otherwise working weeks. For example 4 -> "4 working hours", 16 -> "2 working days".
 * Range: 0 and above; 400 or more reads "more than 10 working weeks".
 */
export function workingHoursLabel(hours: number): string {
  if (hours >= 400) return "more than 10 working weeks";
  if (hours < 1) return "under an hour";
  if (hours < WORKING_HOURS_PER_DAY) return plural(round(hours, 1), "working hour");
  if (hours < WORKING_HOURS_PER_WEEK) return plural(round(hours / WORKING_HOURS_PER_DAY, 1), "working day");
  return plural(round(hours / WORKING_HOURS_PER_WEEK, 1), "working week");
}

/**
 * Describes clock hours: under 48 -> hours (one decimal under 10, whole hours from 10), otherwise
 * days. For example 5.5 -> "5.5 hours", 43.3 -> "43 hours", 64 -> "2.7 days".
 */
export function clockHoursLabel(hours: number): string {
  if (hours < 1) return "under an hour";
  if (hours < 48) return plural(round(hours, hours < 10 ? 1 : 0), "hour");
  return plural(round(hours / 24, 1), "day");
}

/**
 * "2 of your 3 groups have", "1 of your 3 groups has", "Your one group has" or "Your one group
 * does not have": the start of a sentence about how many of the things answered have something,
 * with the verb agreeing. Follow it with what they have.
 */
export function countOfYour(count: number, total: number, singular: string, pluralNoun: string): string {
  if (total === 1) return count >= 1 ? `Your one ${singular} has` : `Your one ${singular} does not have`;
  return `${formatNumber(count)} of your ${formatNumber(total)} ${pluralNoun} ${count === 1 ? "has" : "have"}`;
}

/** "1 hour", "2 hours", "1.5 hours". */
export function plural(count: number, unit: string): string {
  return `${formatNumber(count, 1)} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * Describes a share between 0 and 1 in words a council meeting would use:
 * under 0.1 -> "less than a tenth", then tenths, fifths, quarters, thirds, halves and three quarters.
 */
export function shareInWords(share: number): string {
  if (share < 0.1) return "less than a tenth";
  if (share < 0.15) return "about a tenth";
  if (share < 0.22) return "about a fifth";
  if (share < 0.3) return "about a quarter";
  if (share < 0.4) return "about a third";
  if (share < 0.6) return "about half";
  if (share < 0.7) return "about two thirds";
  if (share < 0.85) return "about three quarters";
  if (share < 1) return "nearly all";
  return "all";
}

/** Trims text and collapses runs of white space; empty when only white space. */
export function tidy(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Upper-cases the first character only, for a sentence that starts with a name or a list. */
export function upperFirst(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Lower-cases the first character only, keeping names such as "Mergel" intact. */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
