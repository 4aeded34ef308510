/**
 * The IAP2 Spectrum of Public Participation as the report uses it: ordering, names and the
 * promise each level makes, in our own words. Source: IAP2 Federation, Spectrum of Public
 * Participation. Also used by the report views.
 */
import { IAP2_LEVELS, type CurrentLevel, type Iap2Level } from "./answers";

/** Display names, capitalised. */
export const LEVEL_NAMES: Readonly<Record<CurrentLevel, string>> = {
  none: "Not engaged online",
  inform: "Inform",
  consult: "Consult",
  involve: "Involve",
  collaborate: "Collaborate",
  empower: "Empower",
};

/** What each level promises the public, in our own words. A higher level is a bigger promise. */
export const LEVEL_PROMISES: Readonly<Record<Iap2Level, string>> = {
  inform: "We tell you what is happening and why, clearly, accurately and in good time.",
  consult: "We ask for your views on what we propose, and we tell you what difference they made.",
  involve: "We work with you throughout, so that your concerns shape the options we consider.",
  collaborate: "We develop the answers with you and build your advice into the decision as far as we can.",
  empower: "You make the decision, and we carry it out.",
};

/**
 * Position of a level on the Spectrum: none = 0, inform = 1, consult = 2, involve = 3,
 * collaborate = 4, empower = 5.
 */
export function levelRank(level: CurrentLevel): number {
  return level === "none" ? 0 : IAP2_LEVELS.indexOf(level) + 1;
}

/**
 * The IAP2 level at a rank, clamped to inform (1) .. empower (5).
 *
 * Formula: IAP2_LEVELS[clamp(rank, 1, 5) - 1].
 */
export function levelAtRank(rank: number): Iap2Level {
  const index = Math.min(IAP2_LEVELS.length, Math.max(1, Math.round(rank))) - 1;
  return IAP2_LEVELS[index] ?? "inform";
}

/** Compares levels for sorting: negative when `a` is lower than `b`. */
export function compareLevels(a: CurrentLevel, b: CurrentLevel): number {
  return levelRank(a) - levelRank(b);
}

/** The level name in lower case for use inside a sentence ("consult"). */
export function levelWord(level: CurrentLevel): string {
  return level === "none" ? "not engaged online" : level;
}
