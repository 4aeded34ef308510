/**
 * Deterministic number helpers. Every number that reaches the report passes through `round`, so
 * the same input always serialises to the same bytes, and nothing non-finite can leak out.
 */

/**
 * Rounds half away from zero to a fixed number of decimals; any non-finite input becomes 0.
 *
 * Formula: sign(x) x floor(|x| x 10^d + 0.5) / 10^d. Unitless; range: any finite number.
 */
export function round(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.floor(Math.abs(value) * factor + 0.5)) / factor;
  // NOTE: normalise -0 to 0 so JSON never prints "-0".
  return rounded === 0 ? 0 : rounded;
}

/** Rounds up to a fixed number of decimals (ceil); non-finite becomes 0. Range: any finite number. */
export function roundUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** decimals;
  // NOTE: subtract a hair before ceil so 2.0000000001 (float noise) does not round up to 2.1.
  const rounded = Math.ceil(value * factor - 1e-9) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Clamps `value` to [min, max]; NaN becomes `min`. */
export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/**
 * Divides, returning `fallback` when the divisor is zero or the result is not finite.
 *
 * Formula: numerator / denominator, or `fallback`. Unitless.
 */
export function safeDivide(numerator: number, denominator: number, fallback: number): number {
  if (denominator === 0) return fallback;
  const result = numerator / denominator;
  return Number.isFinite(result) ? result : fallback;
}
