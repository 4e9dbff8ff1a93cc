import { describe, expect, it } from 'vitest';
import { csvCell, dutchNumber, monitorCsv, monitorFileName } from './monitorCsv';
import { resolvePeriod } from './periods';

const columns = ['Groep', 'Cijfer', 'Definitie'] as const;

describe('monitorCsv', () => {
  it('writes a BOM, ";" between cells, CRLF line ends and a header with the periods', () => {
    const text = monitorCsv(columns, ['2025', 'K1 2026'], [{ group: 'Casussen', label: 'Nieuwe casussen', definition: 'Casussen aangemaakt in de periode.', values: [12, 7] }]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe('Groep;Cijfer;Definitie;2025;K1 2026\r\nCasussen;Nieuwe casussen;Casussen aangemaakt in de periode.;12;7\r\n');
    expect(text.slice(1).replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
  });

  it('keeps "< 5" as is, writes a decimal comma and leaves no value empty', () => {
    const text = monitorCsv(columns, ['a', 'b', 'c'], [{ group: 'Doorlooptijd', label: 'Mediaan', definition: 'd', values: ['< 5', 2.5, null] }]);
    expect(text.split('\r\n')[1]).toBe('Doorlooptijd;Mediaan;d;< 5;2,5;');
  });

  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('taxatie "hoog"')).toBe('"taxatie ""hoog"""');
    expect(csvCell('regel\neen')).toBe('"regel\neen"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('< 5')).toBe('< 5');
    const text = monitorCsv(columns, ['2025'], [{ group: 'g', label: 'Taxatie "hoog"; eerste', definition: 'x', values: [3] }]);
    expect(text.split('\r\n')[1]).toBe('g;"Taxatie ""hoog""; eerste";x;3');
  });

  it('writes numbers the Dutch way', () => {
    expect(dutchNumber(1234)).toBe('1234');
    expect(dutchNumber(0.5)).toBe('0,5');
  });

  it('names the file after the periods and the area', () => {
    expect(monitorFileName(['2024', '2025', '2026 t/m 6-12-2026'], null)).toBe('monitor_2024_2025_2026-tm-6-12-2026.csv');
    expect(monitorFileName(['K1 2026'], 'Súdwest-Fryslân')).toBe('monitor_k1-2026_sudwest-fryslan.csv');
  });
});

describe('resolvePeriod', () => {
  const today = '2026-12-06';
  it('resolves a year, a quarter and a range', () => {
    expect(resolvePeriod({ kind: 'year', year: 2025 }, today)).toEqual({ from: '2025-01-01', to: '2025-12-31', at: '2025-12-31', label: '2025' });
    expect(resolvePeriod({ kind: 'quarter', year: 2024, quarter: 1 }, today)).toEqual({ from: '2024-01-01', to: '2024-03-31', at: '2024-03-31', label: 'K1 2024' });
    expect(resolvePeriod({ kind: 'quarter', year: 2025, quarter: 4 }, today)?.to).toBe('2025-12-31');
    expect(resolvePeriod({ kind: 'range', from: '2026-01-01', to: '2026-06-30' }, today)?.label).toBe('1-1-2026 t/m 30-6-2026');
  });

  it('stops a running period at today and says so', () => {
    expect(resolvePeriod({ kind: 'year', year: 2026 }, today)).toEqual({ from: '2026-01-01', to: today, at: today, label: '2026 t/m 6-12-2026' });
  });

  it('refuses a reversed range, a bad date and a period that has not begun', () => {
    expect(resolvePeriod({ kind: 'range', from: '2026-02-01', to: '2026-01-01' }, today)).toBeNull();
    expect(resolvePeriod({ kind: 'range', from: '2026-02-30', to: '2026-03-01' }, today)).toBeNull();
    expect(resolvePeriod({ kind: 'range', from: '', to: '' }, today)).toBeNull();
    expect(resolvePeriod({ kind: 'year', year: 2027 }, today)).toBeNull();
  });
});
