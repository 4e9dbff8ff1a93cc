import { describe, expect, it } from 'vitest';
import type { CaseId } from '../../domain/ids';
import type { AgendaRow } from './agendaRows';
import { dropDelta, moveLimits, moveOnAgenda } from './agendaMove';

const id = (letter: string) => `case:${letter.repeat(16)}` satisfies CaseId;
const [k1, k2, o1, o2, r1] = [id('a'), id('b'), id('c'), id('d'), id('e')];
const caseRow = (key: CaseId, group: 'children' | 'other', position: number): AgendaRow => ({ kind: 'case', key, position, label: key, group, weeksSinceDiscussed: 0, longNotDiscussed: false });
const rows: AgendaRow[] = [
  { kind: 'open-actions', key: 'open-actions', position: 1 },
  caseRow(k1, 'children', 2),
  caseRow(k2, 'children', 3),
  caseRow(o1, 'other', 4),
  { kind: 'restricted', key: r1, position: 5 },
  caseRow(o2, 'other', 6),
];

describe('moving cases on the agenda', () => {
  it('moves within the group and reports the new place on screen', () => {
    expect(moveOnAgenda(rows, o2, -1)).toEqual({ order: [k1, k2, o1, o2, r1], position: 5 });
    expect(moveOnAgenda(rows, k2, -1)).toEqual({ order: [k2, k1, o1, r1, o2], position: 2 });
  });

  it('stops at the edge of the group: a case without children never jumps above those with', () => {
    expect(moveOnAgenda(rows, o1, -1)).toEqual({ order: [k1, k2, o1, r1, o2], position: 4 });
    expect(moveLimits(rows, o1)).toEqual({ up: false, down: true });
    expect(moveLimits(rows, k2)).toEqual({ up: true, down: false });
    expect(moveLimits(rows, r1)).toEqual({ up: true, down: true });
  });

  it('turns a drop into places moved, only within a group', () => {
    expect(dropDelta(rows, o2, o1)).toBe(-2);
    expect(dropDelta(rows, o1, o2)).toBe(2);
    expect(dropDelta(rows, o1, k1)).toBeNull();
  });
});
