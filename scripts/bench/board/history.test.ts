import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCaseBoard } from '../../../renderer/src/collab/readCaseBoard';
import { generateHistory } from './history';

describe('bench history', () => {
  it('is the requested number of separate edits with the planned mix, and reads back as a valid case board', () => {
    const history = generateHistory(2_000);
    const total = Object.values(history.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(2_000);
    // One update per edit at least (a new paragraph is one), never batched into fewer.
    expect(history.updates.length).toBeGreaterThanOrEqual(2_000);
    expect(history.counts.planTyping).toBeGreaterThan(1_500);
    expect(history.counts.actions).toBeGreaterThan(80);

    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, Y.mergeUpdates(history.updates));
    const board = readCaseBoard(replayed, 'case:benchhistory00001');
    expect(board.meta?.label).toBe('Casus 2023-417 (fictief)');
    expect(board.skipped).toEqual([]);
    // Most action edits change existing actions; about one in ten creates one.
    expect(board.actions.length).toBeGreaterThan(3);
    expect(board.plan.map((section) => section.text).join('').length).toBeGreaterThan(1_000);
  });

  it('is the same every run', () => {
    const a = generateHistory(500);
    const b = generateHistory(500);
    expect(Y.encodeStateAsUpdate(a.doc).length).toBe(Y.encodeStateAsUpdate(b.doc).length);
  });
});
