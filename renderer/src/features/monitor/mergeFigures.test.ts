import { describe, expect, it } from 'vitest';
import { mergeFigures } from './MonitorPage';

const figure = (id: string, group: string, value: number | null | '< 5') => ({ id, group, label: `L ${id}`, definition: `D ${id}`, value });

describe('mergeFigures', () => {
  it('puts each figure on one row with its value per period, groups kept together in first-seen order', () => {
    const rows = mergeFigures([
      { figures: [figure('a', 'personen', 3), figure('b', 'casussen', '< 5'), figure('acties.x', 'acties', 1)] },
      { figures: [figure('a', 'personen', 4), figure('b', 'casussen', 9), figure('acties.y', 'acties', 2), figure('c', 'personen', null)] },
    ]);
    expect(rows.map((row) => [row.id, row.values])).toEqual([
      ['a', [3, 4]], ['c', [null, null]], ['b', ['< 5', 9]], ['acties.x', [1, null]], ['acties.y', [null, 2]],
    ]);
    expect(rows[0]).toMatchObject({ label: 'L a', definition: 'D a', group: 'personen' });
    expect(rows[0]?.source).toBeUndefined();
  });

  it('keeps the source of a partner figure, also when only a later period has one', () => {
    const rows = mergeFigures([
      { figures: [{ ...figure('partner.vt.meldingen', 'partners', null), source: '' }] },
      { figures: [{ ...figure('partner.vt.meldingen', 'partners', 140), source: 'Veilig Thuis' }] },
    ]);
    expect(rows).toEqual([{ id: 'partner.vt.meldingen', group: 'partners', label: 'L partner.vt.meldingen', definition: 'D partner.vt.meldingen', values: [null, 140], source: 'Veilig Thuis' }]);
  });
});
