import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMeasure, updateMeasure } from '../../collab/measures';
import { CollabError } from '../../collab/errors';
import { boardErrorOf } from './boardErrors';

const who = { username: 'pim.proef' };

describe('boardErrorOf', () => {
  it('names the code and field of a refused record', () => {
    const doc = new Y.Doc();
    let caught: unknown;
    try {
      addMeasure(doc, { kind: 'contactverbod', start: '2026-03-10', end: '2026-03-01' }, who);
    } catch (error) {
      caught = error;
    }
    expect(boardErrorOf(caught)).toEqual({ key: 'date-range-invalid', field: 'end' });
  });

  it('says when a record was removed by someone else meanwhile', () => {
    const doc = new Y.Doc();
    let caught: unknown;
    try {
      updateMeasure(doc, 'measure:bestaatniet00001', { note: 'x' }, who);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CollabError);
    expect(boardErrorOf(caught)).toEqual({ key: 'not-found', field: null });
    expect(boardErrorOf(new Error('boom'))).toEqual({ key: 'other', field: null });
  });
});
