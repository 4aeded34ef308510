/**
 * The geometry of the readiness chart: one horizontal bar per dimension on a 0-100 scale.
 * The HTML report draws it with SVG and the PDF with react-pdf's SVG primitives, both from these
 * numbers, so the two can never disagree.
 */

export type ChartInput = { id: string; label: string; score: number };

export type ChartOptions = {
  /** Total width in the renderer's units (CSS pixels or PDF points). */
  width: number;
  /** Space on the left for the dimension names. */
  labelWidth: number;
  /** Space on the right for the score beside each bar. */
  valueWidth: number;
  rowHeight: number;
  barHeight: number;
  /** Space at the foot for the scale's numbers. */
  axisHeight: number;
};

export type ChartBar = ChartInput & {
  /** Top of the row. */
  rowY: number;
  barY: number;
  barWidth: number;
  /** Vertical middle of the row, for the label and value text. */
  textY: number;
  valueX: number;
};

export type ChartGeometry = {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  barHeight: number;
  bars: ChartBar[];
  /** Scale marks at 0, 25, 50, 75 and 100. */
  ticks: { value: number; x: number }[];
  axisY: number;
};

export const DEFAULT_CHART_OPTIONS: ChartOptions = {
  width: 640,
  labelWidth: 230,
  valueWidth: 44,
  rowHeight: 34,
  barHeight: 18,
  axisHeight: 22,
};

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
}

/** Lays out the bars: bar width = score / 100 × plot width; rows stacked from the top. */
export function chartGeometry(
  items: readonly ChartInput[],
  options: ChartOptions = DEFAULT_CHART_OPTIONS,
): ChartGeometry {
  const plotX = options.labelWidth;
  const plotWidth = Math.max(0, options.width - options.labelWidth - options.valueWidth);
  const bars = items.map((item, index) => {
    const score = clampScore(item.score);
    const rowY = index * options.rowHeight;
    const barWidth = Math.round((score / 100) * plotWidth * 10) / 10;
    return {
      ...item,
      score,
      rowY,
      barY: rowY + (options.rowHeight - options.barHeight) / 2,
      barWidth,
      textY: rowY + options.rowHeight / 2,
      valueX: plotX + barWidth + 6,
    };
  });
  const axisY = items.length * options.rowHeight;
  return {
    width: options.width,
    height: axisY + options.axisHeight,
    plotX,
    plotWidth,
    barHeight: options.barHeight,
    bars,
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, x: plotX + (value / 100) * plotWidth })),
    axisY,
  };
}
