/**
 * Moving a case on the agenda (drag or keyboard) within its group, as the chair sees the
 * groups. Restricted items (no access) sit in "the rest" and can be moved there too.
 */
import { moveAgendaCase, type AgendaEntry } from '../../domain/agenda';
import type { CaseId } from '../../domain/ids';
import type { AgendaRow } from './agendaRows';

function entriesOf(rows: readonly AgendaRow[]): AgendaEntry[] {
  return rows.map((row): AgendaEntry => (row.kind === 'open-actions'
    ? { kind: 'open-actions' }
    : { kind: 'case', caseId: row.key, group: row.kind === 'case' ? row.group : 'other', weeksSinceDiscussed: null, longNotDiscussed: false }));
}

/** The new manual order and where the case ends up on screen (1-based, counting the open-actions item). */
export function moveOnAgenda(rows: readonly AgendaRow[], caseId: CaseId, delta: number): { order: CaseId[]; position: number } {
  const order = moveAgendaCase(entriesOf(rows), caseId, delta);
  // The returned order is grouped as shown (children first), after the open-actions item.
  return { order, position: order.indexOf(caseId) + 2 };
}

/** Whether a case can move up / down within its group (the buttons are disabled at the edges). */
export function moveLimits(rows: readonly AgendaRow[], caseId: CaseId): { up: boolean; down: boolean } {
  const groupOf = (row: AgendaRow) => (row.kind === 'case' ? row.group : 'other');
  const target = rows.find((row) => row.key === caseId);
  if (!target || target.kind === 'open-actions') return { up: false, down: false };
  const group = rows.filter((row) => row.kind !== 'open-actions' && groupOf(row) === groupOf(target));
  const index = group.indexOf(target);
  return { up: index > 0, down: index < group.length - 1 };
}

/** The places between two rows of the same group (for a drop), or null across groups. */
export function dropDelta(rows: readonly AgendaRow[], from: CaseId, to: CaseId): number | null {
  const groupOf = (row: AgendaRow) => (row.kind === 'case' ? row.group : 'other');
  const source = rows.find((row) => row.key === from);
  const target = rows.find((row) => row.key === to);
  if (!source || !target || source.kind === 'open-actions' || target.kind === 'open-actions' || groupOf(source) !== groupOf(target)) return null;
  const group = rows.filter((row) => row.kind !== 'open-actions' && groupOf(row) === groupOf(source));
  return group.indexOf(target) - group.indexOf(source);
}
