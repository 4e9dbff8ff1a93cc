import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartGeometry } from '../features/monitor/chartGeometry';
import { FONT_FILES, registerFonts } from './fonts';
import type { MonitorPdfData } from './MonitorDocument';
import { renderMonitorPdf } from './render';

const fontDir = new URL('../../../assets/fonts/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'themakamer-pdf-monitor-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function pdftotext(path: string, layout = true): string {
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

// Fictional figures and measures; no names, labels or case numbers exist in this data.
const data: MonitorPdfData = {
  documentId: 'monitor-2026-12-06',
  area: 'Regio (alle gemeenten)',
  periods: ['2024', '2025', '2026 t/m 6-12-2026'],
  generatedAt: '2026-12-06T10:15:00Z',
  groups: [
    {
      name: 'Personen',
      rows: [
        { label: 'Unieke personen besproken', definition: 'Personen in een casus die in de periode in een overleg is besproken.', values: [1234, 987, '< 5'] },
        { label: 'Waarvan in zaken huiselijk geweld', definition: 'Van die personen: in een casus van het type huiselijk geweld.', values: [412, null, 0] },
      ],
    },
    {
      name: 'Doorlooptijd',
      rows: [{ label: 'Mediaan dagen tot eerste bespreking', definition: 'Dagen van een hoge risicotaxatie tot de eerste bespreking (mediaan).', values: [12.5, 9, 7] }],
    },
  ],
  improvements: [
    { phase: 'Herkennen', items: [{ title: 'Signalenkaart voor w\u0133kteams', status: 'lopend', org: 'Gemeente Voorbeeldstad', bottlenecks: 'Capaciteit b\u0133 de w\u0133kteams; de scholing loopt vertraging op.' }] },
    { phase: 'Samenwerking en communicatie', items: [] },
  ],
};

// The chart: the headline figures as the screen draws them ("< 5" and "–" as text without a bar).
data.chart = chartGeometry([
  { id: 'personen.uniek', label: 'Unieke personen besproken', values: [1234, 987, '< 5'] },
  { id: 'casussen.nieuw', label: 'Nieuwe casussen', values: [56, null, 7] },
], data.periods)!;

describe('monitor PDF', () => {
  let text = '';
  const path = join(workDir, 'monitor.pdf');
  beforeAll(async () => {
    registerFonts({
      regular: new URL(FONT_FILES.regular, fontDir).pathname,
      bold: new URL(FONT_FILES.bold, fontDir).pathname,
      italic: new URL(FONT_FILES.italic, fontDir).pathname,
    });
    writeFileSync(path, await renderMonitorPdf(data, { creationDate: new Date('2026-12-06T10:15:00Z') }));
    text = pdftotext(path);
  });

  it('prints the title, area and the periods side by side', () => {
    expect(text).toContain('Monitor');
    expect(text).toContain('Regio (alle gemeenten)');
    expect(text).toMatch(/Personen\s+2024\s+2025\s+2026 t\/m\s+6-12-2026/u);
  });

  // pdftotext reads the right-aligned "< 5" as "<5" (the narrow space is not seen as a gap).
  it('prints each figure with its values per period, "< 5" kept, Dutch numbers, and its definition', () => {
    expect(text).toMatch(/Unieke personen besproken\s+1\.234\s+987\s+<\s?5\n/u);
    expect(text).toMatch(/Waarvan in zaken huiselijk geweld\s+412\s+–\s+0/u);
    expect(text).toMatch(/Mediaan dagen tot eerste bespreking\s+12,5\s+9\s+7/u);
    expect(pdftotext(path, false)).toMatch(/\n987\n+<\s?5\n/u);
    expect(text).toContain('Dagen van een hoge risicotaxatie tot de eerste bespreking (mediaan).');
  });

  it('draws the chart of the headline figures with its legend, axis, values and labels', () => {
    const plain = pdftotext(path, false);
    expect(text).toContain('Kerncijfers per periode');
    // The legend: one entry per period, in order, on one line.
    expect(text).toMatch(/2024\s+2025\s+2026 t\/m 6-12-2026\n/u);
    // Values over the bars, "< 5" and "–" included, then the figures' labels under the axis.
    for (const value of ['1.234', '987', '56', '7']) expect(plain).toMatch(new RegExp(`^${value.replace('.', '\\.')}$`, 'mu'));
    expect(text).toMatch(/1\.234\s+987/u);
    expect(text).toMatch(/<\s?5\s+–\s+7\n/u);
    expect(text).toMatch(/Unieke personen besproken\s+Nieuwe casussen\n/u);
    // The axis ticks run from 0 in Dutch numbers.
    for (const tick of ['0', '500', '1.000', '1.500']) expect(plain).toMatch(new RegExp(`^${tick.replace('.', '\\.')}$`, 'mu'));
  });

  it('lists the improvement measures by phase with status, organisation and knelpunten, "ĳ" drawn', () => {
    expect(text).toContain('Verbetermaatregelen');
    expect(text).toContain('Herkennen');
    expect(text).toContain('Signalenkaart voor w\u0133kteams');
    expect(text).toContain('Status: lopend · Organisatie: Gemeente Voorbeeldstad');
    // "wĳkteams" with the ligature U+0133 must survive the embedded font (Helvetica drops it).
    expect(text).toContain('Knelpunten: Capaciteit b\u0133 de w\u0133kteams');
    expect(text).toContain('Geen maatregelen in deze fase.');
  });
});
