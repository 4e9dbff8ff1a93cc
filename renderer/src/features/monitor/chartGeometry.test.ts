import { describe, expect, it } from 'vitest';
import { chartGeometry, chartRows, chartSummary, wrapLabel } from './chartGeometry';

const periods = ['2024', '2025', '2026'];
const figures = [
  { id: 'personen.uniek', label: 'Unieke personen besproken', values: [120, 80, '< 5' as const] },
  { id: 'casussen.nieuw', label: 'Nieuwe casussen', values: [0, null, 40] },
];

describe('the monitor chart geometry', () => {
  it('scales bars from the baseline to a nice maximum with integer ticks', () => {
    const chart = chartGeometry(figures, periods)!;
    const { plot } = chart;
    const [a2024, a2025] = chart.groups[0]!.bars;
    // 120 is the largest count: the axis ends at a nice 120 or above, and 80 is two thirds of 120.
    const top = chart.ticks.at(-1)!;
    expect(top.value).toBeGreaterThanOrEqual(120);
    expect(chart.ticks[0]).toMatchObject({ value: 0, y: plot.bottom });
    expect(chart.ticks.every((tick) => Number.isInteger(tick.value))).toBe(true);
    expect(a2024!.y + a2024!.height).toBeCloseTo(plot.bottom);
    expect(a2025!.height / a2024!.height).toBeCloseTo(80 / 120);
    expect(a2024!.text).toBe('120');
    expect(a2024!.textY).toBeLessThan(a2024!.y);
  });

  it('draws no bar for "< 5", zero or a missing value, and labels them', () => {
    const chart = chartGeometry(figures, periods)!;
    const small = chart.groups[0]!.bars[2]!;
    expect(small).toMatchObject({ height: 0, y: chart.plot.bottom, text: '< 5' });
    expect(chart.groups[1]!.bars[0]).toMatchObject({ height: 0, text: '0' });
    expect(chart.groups[1]!.bars[1]).toMatchObject({ height: 0, text: '–' });
  });

  it('keeps small counts small: the axis runs to at least 5', () => {
    const chart = chartGeometry([{ id: 'casussen.nieuw', label: 'Nieuwe casussen', values: [0, 0] }], ['Q1', 'Q2'])!;
    expect(chart.ticks.at(-1)!.value).toBeGreaterThanOrEqual(5);
    expect(chart.groups[0]!.bars.map((bar) => bar.height)).toEqual([0, 0]);
  });

  it('fits one period or three in the same group width, bars side by side without overlap', () => {
    const one = chartGeometry(figures, ['2026'])!;
    const three = chartGeometry(figures, periods)!;
    expect(one.groups[0]!.bars).toHaveLength(1);
    expect(one.legend).toHaveLength(1);
    expect(three.groups[0]!.bars).toHaveLength(3);
    expect(one.groups[0]!.bars[0]!.width).toBeGreaterThan(2.5 * three.groups[0]!.bars[0]!.width);
    const bars = three.groups.flatMap((group) => group.bars);
    bars.slice(1).forEach((bar, i) => expect(bar.x).toBeGreaterThanOrEqual(bars[i]!.x + bars[i]!.width));
    expect(bars.at(-1)!.x + bars.at(-1)!.width).toBeLessThanOrEqual(three.plot.right);
    expect(bars[0]!.x).toBeGreaterThanOrEqual(three.plot.left);
  });

  it('has nothing to chart without figures or periods', () => {
    expect(chartGeometry([], periods)).toBeNull();
    expect(chartGeometry(figures, [])).toBeNull();
  });

  it('picks the headline figures in their order and summarises them for the accessible name', () => {
    const rows = [{ id: 'casussen.nieuw' }, { id: 'acties.open.vt' }, { id: 'personen.uniek' }];
    expect(chartRows(rows).map((row) => row.id)).toEqual(['personen.uniek', 'casussen.nieuw']);
    expect(chartSummary(figures, periods)).toBe('Unieke personen besproken: 2024 120, 2025 80, 2026 < 5; Nieuwe casussen: 2024 0, 2025 –, 2026 40');
  });

  it('wraps labels at spaces', () => {
    expect(wrapLabel('Unieke personen besproken, huiselijk geweld', 16)).toEqual(['Unieke personen', 'besproken,', 'huiselijk geweld']);
  });
});
