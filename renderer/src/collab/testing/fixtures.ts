/** Shared fixtures for collab tests: fictional people and cases only. */
import * as Y from 'yjs';
import { createId, type CaseId } from '../../domain/ids';
import type { EditContext } from '../editContext';
import { initCaseDoc } from '../caseHeader';

/** A fixed clock so records carry predictable times. */
export const fixedNow = () => new Date('2026-03-10T09:00:00.000Z');

/** Edit contexts of fictional users. */
export const anna: EditContext = { username: 'test.anna', now: fixedNow };
export const bram: EditContext = { username: 'test.bram', now: fixedNow };

/** A new case document set up by `anna`. */
export function newCaseDoc(label = 'Casus 2026-901 (fictief)'): { doc: Y.Doc; id: CaseId } {
  const doc = new Y.Doc();
  initCaseDoc(doc, { label, caseNumber: 'TEST-901', type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'test.anna' }, anna);
  return { doc, id: createId('case') };
}

/** Makes `target` hold everything `source` has. */
export function syncInto(source: Y.Doc, target: Y.Doc): void {
  Y.applyUpdate(target, Y.encodeStateAsUpdate(source, Y.encodeStateVector(target)));
}

/** Exchanges updates both ways. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  syncInto(a, b);
  syncInto(b, a);
}
