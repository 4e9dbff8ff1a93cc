import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocHandle } from '../../collab/doc-manager';
import { addImprovement, improvementText } from '../../collab/improvements';
import { appendBlocks } from '../../collab/richText';
import type { RoomState, RoomStatus } from '../../collab/sync-status';
import { figureGroups, improvementsForPdf, readBoard, type BoardNames } from './monitorPdf';

const context = { username: 'regie', now: () => new Date('2026-03-01T09:00:00Z') };
const names: BoardNames = { phase: (phase) => `fase ${phase}`, status: (status) => `status ${status}`, org: (id) => (id === 'vt' ? 'Veilig Thuis (fictief)' : id) };

function board(): Y.Doc {
  const doc = new Y.Doc();
  const id = addImprovement(doc, { title: 'Signalenkaart (fictief)', phase: 'herkennen', status: 'lopend', org: 'vt' }, context);
  addImprovement(doc, { title: 'Zonder eigenaar (fictief)', phase: 'nieuw', status: 'gepland', org: '' }, context);
  appendBlocks(improvementText(doc, id, 'bottlenecks')!, [
    { kind: 'paragraph', runs: [{ text: 'Capaciteit', bold: true }, { text: ' bij de wijkteams.' }] },
    { kind: 'list', ordered: false, items: [[{ text: 'Scholing' }], [{ text: 'Wachtlijst' }]] },
  ]);
  appendBlocks(improvementText(doc, id, 'progress')!, [{ kind: 'paragraph', runs: [{ text: 'Niet in de PDF.' }] }]);
  return doc;
}

/** A doc-manager hold on `doc` whose status moves to `state` (an edge: the real manager is tested in collab). */
function handleOn(doc: Y.Doc, state: RoomState, released: string[]): DocHandle {
  const status = { room: 'measures:x', state, loaded: true, unconfirmed: 0, lastSyncedAt: null, storageError: false, closeCode: null } satisfies RoomStatus;
  return {
    room: 'measures:x', doc, awareness: undefined as never, whenLoaded: Promise.resolve(),
    readCopy: () => Promise.resolve(null), readCopyShown: () => {}, setPresence: () => {},
    status: { getSnapshot: () => status, subscribe: () => () => {} },
    release: () => released.push('released'),
  };
}

describe('the monitor PDF data', () => {
  it('groups the figures in the server order with the groups\' names', () => {
    const rows = [
      { id: 'a', group: 'personen', label: 'A', definition: 'Def A.', values: [1, '< 5' as const] },
      { id: 'b', group: 'casussen', label: 'B', definition: 'Def B.', values: [null, 0] },
      { id: 'c', group: 'personen', label: 'C', definition: 'Def C.', values: [3, 4] },
    ];
    expect(figureGroups(rows, (group) => group.toUpperCase())).toEqual([
      { name: 'PERSONEN', rows: [{ label: 'A', definition: 'Def A.', values: [1, '< 5'] }, { label: 'C', definition: 'Def C.', values: [3, 4] }] },
      { name: 'CASUSSEN', rows: [{ label: 'B', definition: 'Def B.', values: [null, 0] }] },
    ]);
  });

  it('lists the board by phase with status, organisation name and the knelpunten as plain text, not the stand van zaken', () => {
    const phases = improvementsForPdf(board(), names);
    expect(phases.map((phase) => phase.phase)).toEqual(['fase herkennen', 'fase risico', 'fase regie', 'fase samenwerking', 'fase overig', 'fase nieuw']);
    expect(phases[0]!.items).toEqual([{ title: 'Signalenkaart (fictief)', status: 'status lopend', org: 'Veilig Thuis (fictief)', bottlenecks: 'Capaciteit bij de wijkteams. · Scholing · Wachtlijst' }]);
    expect(phases[5]!.items).toEqual([{ title: 'Zonder eigenaar (fictief)', status: 'status gepland', org: '', bottlenecks: '' }]);
    expect(JSON.stringify(phases)).not.toContain('Niet in de PDF.');
  });

  it('reads the board once in sync and releases it; leaves it out without a room or when access is gone', async () => {
    const released: string[] = [];
    const doc = board();
    const open = (state: RoomState) => ({ open: () => handleOn(doc, state, released) });
    expect((await readBoard(open('online'), 'measures:x', names))?.[0]?.items).toHaveLength(1);
    expect(await readBoard(open('forbidden'), 'measures:x', names)).toBeNull();
    expect(released).toEqual(['released', 'released']);
    expect(await readBoard(open('online'), null, names)).toBeNull();
    // Still syncing after the wait: the vault's copy is printed.
    expect((await readBoard(open('syncing'), 'measures:x', names, 10))?.[0]?.items).toHaveLength(1);
    expect(released).toHaveLength(3);
  });
});
