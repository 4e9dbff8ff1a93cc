/**
 * The agenda of a meeting: a Y.Array of case ids in the chair's order. Read
 * deduplicated (concurrent moves may leave a duplicate); ordering rules are in
 * domain/agenda.
 */
import type * as Y from 'yjs';
import { dedupeAgenda } from '../domain/agenda';
import { DomainError } from '../domain/errors';
import { isId, type CaseId } from '../domain/ids';
import { meetingDoc } from './meetingDoc';
import { origins } from './origins';

/** The agenda as the chair ordered it, duplicates and malformed ids removed. */
export function readAgenda(doc: Y.Doc): CaseId[] {
  return dedupeAgenda(meetingDoc(doc).agenda.toArray());
}

/** Puts a case at the end of the agenda (no-op when already on it). */
export function addToAgenda(doc: Y.Doc, caseId: CaseId): void {
  if (!isId('case', caseId)) throw new DomainError('id-invalid', 'caseId');
  const agenda = meetingDoc(doc).agenda;
  if (agenda.toArray().includes(caseId)) return;
  doc.transact(() => agenda.push([caseId]), origins.userEdit);
}

/** Takes a case off the agenda (every copy of it). */
export function removeFromAgenda(doc: Y.Doc, caseId: CaseId): void {
  const agenda = meetingDoc(doc).agenda;
  doc.transact(() => {
    const items = agenda.toArray();
    for (let i = items.length - 1; i >= 0; i--) if (items[i] === caseId) agenda.delete(i, 1);
  }, origins.userEdit);
}

/**
 * Stores a new manual order (from domain `moveAgendaCase`). Only the positions that differ
 * are rewritten, so a concurrent add by someone else survives.
 */
export function setAgendaOrder(doc: Y.Doc, order: readonly CaseId[]): void {
  const agenda = meetingDoc(doc).agenda;
  const wanted = dedupeAgenda(order);
  doc.transact(() => {
    const current = agenda.toArray();
    let prefix = 0;
    while (prefix < wanted.length && prefix < current.length && current[prefix] === wanted[prefix]) prefix++;
    const rest = wanted.slice(prefix);
    const restSet = new Set<unknown>(rest);
    // Delete from the end so indexes stay valid; keep entries not in `order` (added concurrently).
    for (let i = current.length - 1; i >= prefix; i--) if (restSet.has(current[i])) agenda.delete(i, 1);
    agenda.insert(prefix, rest);
  }, origins.userEdit);
}
