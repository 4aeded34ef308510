import { chartGeometry, DEFAULT_CHART_OPTIONS, type ChartInput } from "../../report/chart-geometry";

/**
 * The readiness chart as SVG, from the same geometry the PDF uses. It is hidden from screen
 * readers because the table beside it gives the same figures.
 */
export function ReadinessChart({ items }: { items: readonly ChartInput[] }) {
  const geometry = chartGeometry(items, DEFAULT_CHART_OPTIONS);
  return (
    <svg
      className="app-chart"
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMinYMin meet"
    >
      {geometry.ticks.map((tick) => (
        <g key={tick.value}>
          <line className="app-chart__grid" x1={tick.x} x2={tick.x} y1={0} y2={geometry.axisY} />
          <text className="app-chart__tick" x={tick.x} y={geometry.axisY + 16} textAnchor="middle">
            {tick.value}
          </text>
        </g>
      ))}
      {geometry.bars.map((bar) => (
        <g key={bar.id}>
          <text
            className="app-chart__label"
            x={geometry.plotX - 10}
            y={bar.textY}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {bar.label}
          </text>
          <rect
            className="app-chart__track"
            x={geometry.plotX}
            y={bar.barY}
            width={geometry.plotWidth}
            height={geometry.barHeight}
          />
          <rect
            className="app-chart__bar"
            x={geometry.plotX}
            y={bar.barY}
            width={bar.barWidth}
            height={geometry.barHeight}
          />
          <text className="app-chart__value" x={bar.valueX} y={bar.textY} dominantBaseline="middle">
            {bar.score}
          </text>
        </g>
      ))}
    </svg>
  );
}
