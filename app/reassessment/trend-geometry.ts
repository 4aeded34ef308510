/**
 * The geometry of the trend chart: overall readiness (0-100) at each assessment, one point per
 * assessment spaced evenly from left to right, joined by a line. The comparison page draws it with
 * SVG and the PDF with react-pdf's SVG primitives, both from these numbers.
 */

export type TrendInput = { id: string; label: string; value: number };

export type TrendOptions = {
  /** Total width and height in the renderer's units (CSS pixels or PDF points). */
  width: number;
  height: number;
  /** Space on the left for the scale's numbers. */
  scaleWidth: number;
  /** Space at the foot for the dates. */
  axisHeight: number;
  /** Space above the plot for the top value's label. */
  topPadding: number;
  /** Space at each end of the plot, so the first and last dates are not cut off. */
  sidePadding: number;
};

export type TrendPointGeometry = TrendInput & { x: number; y: number; labelY: number };

export type TrendGeometry = {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  points: TrendPointGeometry[];
  /** The line through the points, as an SVG `points` list. */
  line: string;
  /** Scale marks at 0, 25, 50, 75 and 100. */
  ticks: { value: number; y: number }[];
};

export const DEFAULT_TREND_OPTIONS: TrendOptions = {
  width: 640,
  height: 260,
  scaleWidth: 40,
  axisHeight: 28,
  topPadding: 22,
  sidePadding: 36,
};

function clampValue(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

function one(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Lays the points out: x evenly spaced across the plot; y = value / 100 up from the axis. */
export function trendGeometry(
  items: readonly TrendInput[],
  options: TrendOptions = DEFAULT_TREND_OPTIONS,
): TrendGeometry {
  const axisY = options.height - options.axisHeight;
  const plotHeight = axisY - options.topPadding;
  const plotLeft = options.scaleWidth;
  const plotRight = options.width;
  const firstX = plotLeft + options.sidePadding;
  const span = Math.max(0, plotRight - options.sidePadding - firstX);
  const step = items.length > 1 ? span / (items.length - 1) : 0;
  const yOf = (value: number) => one(axisY - (clampValue(value) / 100) * plotHeight);
  const points = items.map((item, index) => {
    const value = clampValue(item.value);
    const y = yOf(value);
    return {
      ...item,
      value,
      x: one(items.length > 1 ? firstX + index * step : firstX + span / 2),
      y,
      labelY: one(y - 8),
    };
  });
  return {
    width: options.width,
    height: options.height,
    plotLeft,
    plotRight,
    axisY,
    points,
    line: points.map((point) => `${point.x},${point.y}`).join(" "),
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, y: yOf(value) })),
  };
}
