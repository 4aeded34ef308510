/**
 * The readiness bar chart, drawn with react-pdf's SVG primitives from the same geometry as the
 * HTML report's chart (`chartGeometry`), so the two always agree.
 */
import { G, Line, Rect, Svg, Text } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { chartGeometry, type ChartInput } from "../report/chart-geometry";
import { BODY_FONT, COLOURS, TYPE } from "./pdf-theme";

/** What the chart shows, for screen readers: every bar's label and score. */
export function chartAltText(items: readonly ChartInput[]): string {
  const bars = items.map((item) => `${item.label}: ${item.score}`).join("; ");
  return `Bar chart of readiness by area, each scored out of 100. ${bars}.`;
}

/**
 * A chart drawn to size as a tagged figure: screen readers get `alt` (every figure the chart
 * shows) in place of the drawing.
 */
export function ChartFigure({
  width,
  height,
  alt,
  marginBottom,
  children,
}: {
  width: number;
  height: number;
  alt: string;
  /** Space below the chart, in points, where no heading or table margin gives it. */
  marginBottom?: number;
  children: ReactNode;
}) {
  return (
    <Svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      tag="Figure"
      alt={alt}
      {...(marginBottom === undefined ? {} : { style: { marginBottom } })}
    >
      {children}
    </Svg>
  );
}

export function ReadinessChart({ items, width }: { items: readonly ChartInput[]; width: number }) {
  const geometry = chartGeometry(items, {
    width,
    labelWidth: 150,
    valueWidth: 30,
    rowHeight: 18,
    barHeight: 10,
    axisHeight: 16,
  });
  const text = { fontFamily: BODY_FONT, fontSize: TYPE.small };
  return (
    <ChartFigure width={geometry.width} height={geometry.height} alt={chartAltText(items)}>
      {geometry.ticks.map((tick) => (
        <G key={tick.value}>
          <Line x1={tick.x} y1={0} x2={tick.x} y2={geometry.axisY} stroke={COLOURS.rule} strokeWidth={0.6} />
          <Text
            x={tick.x}
            y={geometry.axisY + 11}
            textAnchor="middle"
            fill={COLOURS.secondary}
            style={{ ...text, fontSize: TYPE.min }}
          >
            {String(tick.value)}
          </Text>
        </G>
      ))}
      {geometry.bars.map((bar) => (
        <G key={bar.id}>
          <Text x={geometry.plotX - 8} y={bar.textY + 3} textAnchor="end" fill={COLOURS.text} style={text}>
            {bar.label}
          </Text>
          <Rect
            x={geometry.plotX}
            y={bar.barY}
            width={geometry.plotWidth}
            height={geometry.barHeight}
            fill={COLOURS.panel}
          />
          <Rect x={geometry.plotX} y={bar.barY} width={bar.barWidth} height={geometry.barHeight} fill={COLOURS.brand} />
          <Text x={bar.valueX} y={bar.textY + 3} fill={COLOURS.text} style={{ ...text, fontWeight: 700 }}>
            {String(bar.score)}
          </Text>
        </G>
      ))}
      <Line
        x1={geometry.plotX}
        y1={geometry.axisY}
        x2={geometry.plotX + geometry.plotWidth}
        y2={geometry.axisY}
        stroke={COLOURS.border}
        strokeWidth={0.8}
      />
    </ChartFigure>
  );
}
