/**
 * Figures that are estimates carry only the precision they have: two significant figures at most,
 * and a range wider than a few times is not a figure at all but something to find out. Money is
 * written in the organisation's own currency.
 */
import type { Currency } from "./answers";
import type { Range } from "./report-model";
import { formatNumber } from "./text";

/** A range is too wide to act on when its high end is more than this many times its low end. */
export const WIDEST_USABLE_RATIO = 4;

/**
 * Rounds to at most two significant figures, for estimates. 0.046 -> 0.046, 1,068.6 -> 1,100,
 * 21.4 -> 21, 3.84 -> 3.8. Non-finite values become 0.
 *
 * Formula: round(x / 10^(k-1)) x 10^(k-1), with k the number of digits before the point (for
 * x >= 10), else rounded to one decimal (1 to 10) or two significant figures (under 1).
 */
export function twoFigures(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const sign = value < 0 ? -1 : 1;
  const size = Math.abs(value);
  // NOTE: a billionth of anything in this report is nothing; it also keeps toFixed in range.
  if (size < 1e-9) return 0;
  const magnitude = Math.floor(Math.log10(size));
  const step = 10 ** (magnitude - 1);
  const rounded = Math.round(size / step) * step;
  // NOTE: 10 ** -n is inexact in floating point; fix the digits so 0.1 + 0.2 style noise never shows.
  const digits = Math.max(0, 1 - magnitude);
  return sign * Number(rounded.toFixed(digits));
}

/** An estimate in words: two significant figures with thousands separators ("1,100", "3.8"). */
export function estimateText(value: number): string {
  const rounded = twoFigures(value);
  const decimals = Math.abs(rounded) < 10 ? (Math.abs(rounded) < 1 ? 2 : 1) : 0;
  return formatNumber(rounded, decimals);
}

/** A count of things (messages, questions) in words: whole numbers, two significant figures. */
export function countText(value: number): string {
  const rounded = twoFigures(value);
  return rounded < 1 ? "fewer than 1" : formatNumber(Math.round(rounded), 0);
}

/**
 * Whether a range is narrow enough to plan on: its high end is at most four times its low end,
 * or the whole spread is small (at most `smallSpread` in its own unit). Judged on the figures
 * as the reader sees them (two significant figures), so a range shown as 19 to 78 is never
 * called usable because it was 19.4 to 77.6 before rounding.
 */
export function isUsableRange(range: Range, smallSpread: number): boolean {
  const low = twoFigures(range.low);
  const high = twoFigures(range.high);
  if (high - low <= smallSpread) return true;
  return high <= WIDEST_USABLE_RATIO * Math.max(low, Number.MIN_VALUE);
}

/**
 * A spread too wide to plan on, in words: "anything from 5 to 120 more hours a week", or
 * "anything up to 75 ..." when the low end is nothing.
 */
export function spreadInWords(range: { low: number; high: number }, unit = ""): string {
  const suffix = unit ? ` ${unit}` : "";
  const low = estimateText(range.low);
  const high = estimateText(range.high);
  return twoFigures(range.low) <= 0 ? `anything up to ${high}${suffix}` : `anything from ${low} to ${high}${suffix}`;
}

/**
 * "about 40", or "about 40 (between 30 and 55)" when the ends differ, each to two significant
 * figures; the unit follows the likely figure ("about 40 hours a week (between ...)").
 */
export function rangeInWords(range: Range, unit = ""): string {
  const suffix = unit ? ` ${unit}` : "";
  const low = estimateText(range.low);
  const high = estimateText(range.high);
  const likely = estimateText(range.likely);
  if (low === high) return `about ${likely}${suffix}`;
  return `about ${likely}${suffix} (between ${low} and ${high})`;
}

const SYMBOLS: Readonly<Record<Exclude<Currency, "other">, string>> = {
  AUD: "A$",
  CAD: "C$",
  EUR: "€",
  GBP: "£",
  NZD: "NZ$",
  USD: "US$",
};

/**
 * Typical cost of an hour of a communications officer's time, with on-costs, by currency. No
 * public-sector figure is published; these are judgements from typical salaries plus about a
 * quarter for on-costs, and the report says so. "other" has none: the report then shows hours only.
 */
export const DEFAULT_HOURLY_COST: Readonly<Record<Exclude<Currency, "other">, number>> = {
  AUD: 65,
  CAD: 55,
  EUR: 40,
  GBP: 30,
  NZD: 55,
  USD: 50,
};

/** Money in the organisation's currency: "A$96,000"; "96,000 in your currency" when it is "other". */
export function moneyText(amount: number, currency: Currency, estimate = true): string {
  const value = estimate ? estimateText(amount) : formatNumber(amount);
  return currency === "other" ? `${value} in your currency` : `${SYMBOLS[currency]}${value}`;
}
