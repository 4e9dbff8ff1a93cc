import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CaseSummary } from '../../domain/caseList';
import { toIsoDate } from '../../domain/dates';
import { isId } from '../../domain/ids';
import { useDocManager, useRooms } from '../session';
import { afterNextPaint } from '../plan/nextTask';
import { nextMeetings, summarizeCaseDoc } from './caseSummaries';

/** Changes arrive in bursts (typing, a sync catch-up): the list is recomputed at most this often. */
const recomputeDelayMs = 150;

/**
 * One row per case the user may open, kept current as any case or meeting document
 * changes (locally or from peers). The documents are the doc manager's shared ones.
 * While a case's full document is still being applied from the vault (at the start of a
 * session), its row is read from the case's read copy; `loading` is true until every
 * case's full document is in.
 */
export function useCaseSummaries(): { rows: CaseSummary[]; loading: boolean } {
  const { t } = useTranslation();
  const manager = useDocManager();
  const { entries } = useRooms();
  const fallbackLabel = t('cases.loadingLabel');
  const roomsKey = entries.map((entry) => entry.room).join(' ');
  const rooms = useMemo(() => (roomsKey === '' ? [] : roomsKey.split(' ')), [roomsKey]);
  const [state, setState] = useState<{ rows: CaseSummary[]; loading: boolean; fromCopies: boolean }>({ rows: [], loading: false, fromCopies: false });
  /** Lets the full documents be applied (called once the rows from the read copies painted). */
  const copiesShown = useRef<() => void>(() => {});

  useEffect(() => {
    const { handles, release } = manager.openAll(rooms);
    const cases = handles.flatMap((handle) => (isId('case', handle.room) ? [{ id: handle.room, doc: handle.doc, handle }] : []));
    const meetings = handles.filter((handle) => isId('meeting', handle.room));
    /** Read copies of cases whose full document is not applied yet. */
    const copies = new Map<string, Y.Doc>();
    const loaded = new Set<string>();
    let current = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const compute = (): void => {
      timer = null;
      const now = new Date();
      const next = nextMeetings(meetings.map((handle) => handle.doc), now);
      const today = toIsoDate(now);
      setState({
        rows: cases.map(({ id, doc }) => summarizeCaseDoc(id, copies.get(id) ?? doc, today, next.get(id) ?? null, fallbackLabel)),
        loading: cases.some(({ id }) => !loaded.has(id)),
        fromCopies: copies.size > 0,
      });
    };
    const schedule = (): void => {
      // A room that loads after the list changed (e.g. it was just dropped) must not bring back the old rows.
      if (current) timer ??= setTimeout(compute, recomputeDelayMs);
    };
    compute();
    for (const handle of handles) {
      handle.doc.on('update', schedule);
      void handle.whenLoaded.then(() => {
        loaded.add(handle.room);
        copies.delete(handle.room);
        schedule();
      });
    }
    // Rows from the read copies first; the full documents are applied after they painted.
    copiesShown.current = () => cases.forEach(({ handle }) => handle.readCopyShown());
    void Promise.all(cases.map(async ({ id, handle }) => {
      const copy = await handle.readCopy();
      if (copy && current && !loaded.has(id)) copies.set(id, copy);
    })).then(() => {
      if (current && copies.size > 0) compute();
    });
    return () => {
      current = false;
      if (timer !== null) clearTimeout(timer);
      for (const handle of handles) handle.doc.off('update', schedule);
      release();
    };
  }, [manager, rooms, fallbackLabel]);
  useEffect(() => (state.fromCopies ? afterNextPaint(() => copiesShown.current()) : undefined), [state.fromCopies]);

  return { rows: state.rows, loading: state.loading };
}
