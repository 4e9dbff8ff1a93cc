/**
 * The monitor's chart (docs/design.md "Monitor", chart): a few headline figures across the chosen
 * periods as grouped bars, one group per figure, one bar per period. The geometry is computed here
 * once with d3-scale (pure functions, no DOM) and drawn twice: as inline SVG on the screen
 * (MonitorChart) and with react-pdf's Svg primitives in the PDF (MonitorDocument). The table stays
 * the accessible source of truth; the chart only shows it.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { MonitorValue } from './monitorCsv';

/** The figures the chart shows, in this order, when the answer has them (counts only). */
export const chartFigureIds = ['personen.uniek', 'casussen.nieuw', 'casussen.lopend', 'personen.uniek-hg'] as const;

/** One bar: a period's value of one figure. No bar (height 0) for "< 5" and for a missing value. */
export interface ChartBar { period: number; fill: string; x: number; y: number; width: number; height: number; text: string; textX: number; textY: number }
/** One group of bars: a figure, its label in lines under the axis. */
export interface ChartGroup { id: string; label: string; lines: { text: string; x: number; y: number }[]; bars: ChartBar[] }
/** A tick of the value axis. */
export interface ChartTick { value: number; text: string; y: number }

/** Everything a renderer needs; all coordinates in the chart's own units (viewBox 0 0 width height). */
export interface ChartGeometry {
  width: number;
  height: number;
  /** The plot area: left edge of the bars, baseline of the bars, right edge, top. */
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: ChartTick[];
  groups: ChartGroup[];
  /** One entry per period: its label and where its swatch goes in the legend. */
  legend: { label: string; x: number; y: number; fill: string }[];
}

/** One fill per period (at most three); dark enough for 3:1 against white. */
export const periodColours = ['#1d4f91', '#b35900', '#2e7d32'] as const;

export interface ChartInput { id: string; label: string; values: readonly (MonitorValue | undefined)[] }

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** The text over a bar: the count, "< 5" as is, "–" for no value. */
export const chartValueText = (value: MonitorValue | undefined): string =>
  value === null || value === undefined ? '–' : typeof value === 'number' ? number.format(value) : value;

/** Splits a label into lines of at most `max` characters at spaces (a longer word stays whole). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/u).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The headline figures among `rows`, in {@link chartFigureIds} order. */
export function chartRows<T extends { id: string }>(rows: readonly T[]): T[] {
  return chartFigureIds.flatMap((id) => rows.filter((row) => row.id === id));
}

/**
 * The chart for `figures` over `periods`; null when there is nothing to chart. The value axis runs
 * from 0 to a nice maximum (at least 5, so small counts do not fill the chart), integer ticks only.
 */
export function chartGeometry(figures: readonly ChartInput[], periods: readonly string[], width = 520, height = 240): ChartGeometry | null {
  if (figures.length === 0 || periods.length === 0) return null;
  const legendRow = 16;
  const labelLines = 3;
  const lineHeight = 10;
  const plot = { left: 44, right: width - 8, top: legendRow + 12, bottom: height - labelLines * lineHeight - 8 };
  const max = Math.max(5, ...figures.flatMap((figure) => figure.values.map((value) => (typeof value === 'number' ? value : 0))));
  const y = scaleLinear().domain([0, max]).range([plot.bottom, plot.top]).nice(4);
  const ticks = y.ticks(4).filter((value) => Number.isInteger(value)).map((value) => ({ value, text: number.format(value), y: y(value) }));
  const outer = scaleBand<string>().domain(figures.map((figure) => figure.id)).range([plot.left, plot.right]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<number>().domain(periods.map((_, i) => i)).range([0, outer.bandwidth()]).padding(0.08);
  const charsPerLine = Math.max(8, Math.floor(outer.bandwidth() / 4.6));
  const groups = figures.map((figure): ChartGroup => {
    const x0 = outer(figure.id)!;
    const bars = periods.map((_, period): ChartBar => {
      const value = figure.values[period];
      const x = x0 + inner(period)!;
      const barWidth = inner.bandwidth();
      const top = typeof value === 'number' ? y(value) : plot.bottom;
      return { period, fill: periodColours[period % periodColours.length]!, x, y: top, width: barWidth, height: plot.bottom - top, text: chartValueText(value), textX: x + barWidth / 2, textY: top - 3 };
    });
    const centre = x0 + outer.bandwidth() / 2;
    const lines = wrapLabel(figure.label, charsPerLine).slice(0, labelLines).map((text, i) => ({ text, x: centre, y: plot.bottom + 12 + i * lineHeight }));
    return { id: figure.id, label: figure.label, lines, bars };
  });
  const legendStep = (plot.right - plot.left) / periods.length;
  const legend = periods.map((label, i) => ({ label, x: plot.left + i * legendStep, y: 4, fill: periodColours[i % periodColours.length]! }));
  return { width, height, plot, ticks, groups, legend };
}

/** A one-sentence summary for the chart's accessible name: each figure with its values per period. */
export function chartSummary(figures: readonly ChartInput[], periods: readonly string[]): string {
  return figures.map((figure) => `${figure.label}: ${periods.map((period, i) => `${period} ${chartValueText(figure.values[i])}`).join(', ')}`).join('; ');
}
