import { describe, expect, it } from 'vitest';
import { actionsToCsv, actionsToCsvBytes, csvCell } from './csv';
import type { ActionRow } from './model';

const row = (overrides: Partial<ActionRow> = {}): ActionRow => ({
  caseLabel: 'Casus Zilverreiger',
  description: 'Advies enkelband opstellen',
  ownerName: 'Fenna Jansen-Bĳlsma',
  ownerOrg: 'rn',
  ownerOrgName: 'Reclassering',
  due: '2026-04-01',
  statusLabel: 'Open',
  ...overrides,
});

/** A minimal RFC 4180 reader with ';' as separator, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('actionsToCsv', () => {
  it('starts with a UTF-8 byte order mark and keeps "ĳ" intact as UTF-8', () => {
    const bytes = actionsToCsvBytes([row()]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toContain('Fenna Jansen-B\u0133lsma');
    // U+0133 in UTF-8 is C4 B3.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc4, 0xb3]))).toBe(true);
  });

  it('uses ";" between cells, CRLF after every line and Dutch dates', () => {
    const csv = actionsToCsv([row(), row({ due: '2026-12-31', statusLabel: 'In behandeling' })]);
    expect(csv).toBe(
      '\uFEFFCasus;Actie;Eigenaar;Organisatie;Deadline;Status\r\n' +
        'Casus Zilverreiger;Advies enkelband opstellen;Fenna Jansen-Bĳlsma;Reclassering;01-04-2026;Open\r\n' +
        'Casus Zilverreiger;Advies enkelband opstellen;Fenna Jansen-Bĳlsma;Reclassering;31-12-2026;In behandeling\r\n',
    );
  });

  it('quotes cells with separators, quotes or line breaks so they read back unchanged', () => {
    const tricky = row({ description: 'Bel "Veilig Thuis"; daarna\r\nmail sturen', ownerName: ' spatie ' });
    const [, cells] = parseCsv(actionsToCsv([tricky]).slice(1));
    expect(cells?.[1]).toBe('Bel "Veilig Thuis"; daarna\r\nmail sturen');
    expect(cells?.[2]).toBe(' spatie ');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    for (const evil of ['=HYPERLINK("http://example.invalid")', '+31 6 0000', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
    }
    const [, cells] = parseCsv(actionsToCsv([row({ description: '=1+1' })]).slice(1));
    expect(cells?.[1]).toBe("'=1+1");
    expect(csvCell('Gewoon tekst')).toBe('Gewoon tekst');
  });

  it('writes only the header for an empty list', () => {
    expect(actionsToCsv([])).toBe('\uFEFFCasus;Actie;Eigenaar;Organisatie;Deadline;Status\r\n');
  });

  it('refuses a due date that is not an ISO date', () => {
    expect(() => actionsToCsv([row({ due: '1-4-2026' })])).toThrow(/ISO date/);
  });
});
