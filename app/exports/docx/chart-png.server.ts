/**
 * The Word document's charts: the readiness chart, with the same geometry as the page's SVG chart
 * and the PDF's (`chartGeometry`), and a re-assessment's trend line, with the same geometry as the
 * comparison page's and the PDF's (`trendGeometry`). Each is written as an SVG string and
 * rasterised to PNG with resvg (Rust, via @resvg/resvg-js prebuilt binaries from the npm
 * registry; no system libraries, no network).
 * PNG rather than SVG in the document: every Word since 2007 and LibreOffice show it, where an
 * SVG picture needs Word 2016 or later and a PNG fallback anyway.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Trend } from "../../../scoring/reassessment";
import { monthYear } from "../../reassessment/comparison-wording";
import { trendGeometry } from "../../reassessment/trend-geometry";
import { chartGeometry, type ChartInput } from "../../report/chart-geometry";

/** The chart's size in the document, in CSS pixels (96 to the inch): the text column's width. */
export const CHART_WIDTH_PX = 600;
/** Pixels per CSS pixel in the PNG: sharp when printed (about 290 dots per inch at full width). */
const SCALE = 3;

const COLOURS = {
  bar: "#0b4f5c",
  line: "#0b4f5c",
  track: "#eef4f5",
  grid: "#d8dcdd",
  axis: "#b1b4b6",
  text: "#0b0c0c",
  muted: "#484949",
};
const FONT_FAMILY = "Public Sans";

// NOTE: resolved from this module's location, which works from the source tree and from the
// server bundle alike: both sit inside the project, and Node walks up to its node_modules.
const require = createRequire(import.meta.url);
const FONT_FILES = [
  "@expo-google-fonts/public-sans/400Regular/PublicSans_400Regular.ttf",
  "@expo-google-fonts/public-sans/700Bold/PublicSans_700Bold.ttf",
].map((file) => require.resolve(file));

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The chart as a standalone SVG document, sized in CSS pixels. */
export function readinessChartSvg(items: readonly ChartInput[]): { svg: string; width: number; height: number } {
  const geometry = chartGeometry(items, {
    width: CHART_WIDTH_PX,
    labelWidth: 200,
    valueWidth: 40,
    rowHeight: 30,
    barHeight: 16,
    axisHeight: 22,
  });
  const parts: string[] = [];
  for (const tick of geometry.ticks) {
    parts.push(
      `<line x1="${tick.x}" y1="0" x2="${tick.x}" y2="${geometry.axisY}" stroke="${COLOURS.grid}" stroke-width="1"/>`,
      `<text x="${tick.x}" y="${geometry.axisY + 16}" text-anchor="middle" font-size="11" fill="${COLOURS.muted}">${tick.value}</text>`,
    );
  }
  for (const bar of geometry.bars) {
    parts.push(
      `<text x="${geometry.plotX - 10}" y="${bar.textY + 4.5}" text-anchor="end" font-size="13" fill="${COLOURS.text}">${escapeXml(bar.label)}</text>`,
      `<rect x="${geometry.plotX}" y="${bar.barY}" width="${geometry.plotWidth}" height="${geometry.barHeight}" fill="${COLOURS.track}"/>`,
      `<rect x="${geometry.plotX}" y="${bar.barY}" width="${bar.barWidth}" height="${geometry.barHeight}" fill="${COLOURS.bar}"/>`,
      `<text x="${bar.valueX}" y="${bar.textY + 4.5}" font-size="13" font-weight="700" fill="${COLOURS.text}">${bar.score}</text>`,
    );
  }
  parts.push(
    `<line x1="${geometry.plotX}" y1="${geometry.axisY}" x2="${geometry.plotX + geometry.plotWidth}" y2="${geometry.axisY}" stroke="${COLOURS.axis}" stroke-width="1.2"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${geometry.width}" height="${geometry.height}" viewBox="0 0 ${geometry.width} ${geometry.height}" font-family="${FONT_FAMILY}">${parts.join("")}</svg>`;
  return { svg, width: geometry.width, height: geometry.height };
}

/**
 * The trend chart as a standalone SVG document, sized in CSS pixels: overall readiness at each
 * assessment, oldest on the left, each point labelled with its score and its month.
 */
export function trendChartSvg(trend: Trend): { svg: string; width: number; height: number } {
  const geometry = trendGeometry(
    trend.points.map((point) => ({ id: point.assessedOn, label: monthYear(point.assessedOn), value: point.overall })),
    { width: CHART_WIDTH_PX, height: 230, scaleWidth: 40, axisHeight: 28, topPadding: 24, sidePadding: 44 },
  );
  const parts: string[] = [];
  for (const tick of geometry.ticks) {
    parts.push(
      `<line x1="${geometry.plotLeft}" y1="${tick.y}" x2="${geometry.plotRight}" y2="${tick.y}" stroke="${COLOURS.grid}" stroke-width="1"/>`,
      `<text x="${geometry.plotLeft - 8}" y="${tick.y + 4}" text-anchor="end" font-size="11" fill="${COLOURS.muted}">${tick.value}</text>`,
    );
  }
  parts.push(
    `<polyline points="${geometry.line}" fill="none" stroke="${COLOURS.line}" stroke-width="2.5" stroke-linejoin="round"/>`,
  );
  for (const point of geometry.points) {
    parts.push(
      `<circle cx="${point.x}" cy="${point.y}" r="5" fill="${COLOURS.line}"/>`,
      `<text x="${point.x}" y="${point.labelY}" text-anchor="middle" font-size="13" font-weight="700" fill="${COLOURS.text}">${point.value}</text>`,
      `<text x="${point.x}" y="${geometry.axisY + 18}" text-anchor="middle" font-size="12" fill="${COLOURS.muted}">${escapeXml(point.label)}</text>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${geometry.width}" height="${geometry.height}" viewBox="0 0 ${geometry.width} ${geometry.height}" font-family="${FONT_FAMILY}">${parts.join("")}</svg>`;
  return { svg, width: geometry.width, height: geometry.height };
}

function png({ svg, width, height }: { svg: string; width: number; height: number }) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: SCALE },
    background: "#ffffff",
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return { png: resvg.render().asPng(), width, height };
}

/** The chart as a PNG, with its size in CSS pixels for the document. */
export function readinessChartPng(items: readonly ChartInput[]): { png: Buffer; width: number; height: number } {
  return png(readinessChartSvg(items));
}

/** The trend chart as a PNG, with its size in CSS pixels for the document. */
export function trendChartPng(trend: Trend): { png: Buffer; width: number; height: number } {
  return png(trendChartSvg(trend));
}
