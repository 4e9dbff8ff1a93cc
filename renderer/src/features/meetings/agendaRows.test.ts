import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initCaseDoc } from '../../collab/caseHeader';
import { addPerson } from '../../collab/persons';
import { readCaseBoard } from '../../collab/readCaseBoard';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId } from '../../domain/ids';
import { agendaRows, rowKeys } from './agendaRows';

const created = (iso: string) => ({ username: 'pim.proef', now: () => new Date(iso) });

function board(id: CaseId, label: string, options: { child?: boolean; createdAt?: string } = {}): CaseBoard {
  const doc = new Y.Doc();
  initCaseDoc(doc, { label, type: 'ex-partnerstalking', status: 'in-behandeling' }, created(options.createdAt ?? '2031-03-01T09:00:00.000Z'));
  if (options.child) addPerson(doc, { role: 'kind', name: 'Kind Fictief' });
  return readCaseBoard(doc, id);
}

const a: CaseId = 'case:aaaaaaaaaaaaaaaa';
const b: CaseId = 'case:bbbbbbbbbbbbbbbb';
const secret: CaseId = 'case:ssssssssssssssss';

describe('agenda rows', () => {
  const now = new Date('2031-03-04T10:00:00.000Z');

  it('puts the open-actions item first, cases with children next, and flags a long undiscussed case', () => {
    const boards = new Map<CaseId, CaseBoard>([
      [a, board(a, 'Casus Linde', { createdAt: '2030-10-01T09:00:00.000Z' })],
      [b, board(b, 'Casus Eik', { child: true })],
    ]);
    const rows = agendaRows({ order: [a, b], canOpen: () => true, boards, meetings: [], now });
    expect(rows.map((row) => row.kind)).toEqual(['open-actions', 'case', 'case']);
    expect(rows[1]).toMatchObject({ key: b, label: 'Casus Eik', group: 'children', longNotDiscussed: false, position: 2 });
    expect(rows[2]).toMatchObject({ key: a, label: 'Casus Linde', group: 'other', longNotDiscussed: true, position: 3 });
    expect(rowKeys(rows)).toEqual(['open-actions', b, a]);
  });

  it('uses the last meeting that discussed the case for the flag', () => {
    const boards = new Map<CaseId, CaseBoard>([[a, board(a, 'Casus Linde', { createdAt: '2030-10-01T09:00:00.000Z' })]]);
    const meetings = [{ agenda: [a] as CaseId[], meta: { type: 'themakamer' as const, start: '2031-02-25T09:00:00.000Z', chair: 'pim.proef', status: 'concept' as const, version: 0, createdBy: 'pim.proef' } }];
    const [, row] = agendaRows({ order: [a], canOpen: () => true, boards, meetings, now });
    expect(row).toMatchObject({ weeksSinceDiscussed: 1, longNotDiscussed: false });
  });

  it('shows a case without access as restricted: no label, no facts, not moved up for children it may have', () => {
    const boards = new Map<CaseId, CaseBoard>([[a, board(a, 'Casus Linde')], [secret, board(secret, 'Casus Geheim', { child: true })]]);
    const rows = agendaRows({ order: [a, secret], canOpen: (id) => id !== secret, boards, meetings: [], now });
    expect(rows[2]).toEqual({ kind: 'restricted', key: secret, position: 3 });
    expect(JSON.stringify(rows)).not.toContain('Geheim');
  });

  it('shows a case still syncing without a label', () => {
    const rows = agendaRows({ order: [a], canOpen: () => true, boards: new Map(), meetings: [], now });
    expect(rows[1]).toMatchObject({ kind: 'case', label: null, longNotDiscussed: false });
  });
});
