import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../domain/caseList';
import { toIsoDate } from '../../domain/dates';
import { isId } from '../../domain/ids';
import { useDocManager, useRooms } from '../session';
import { nextMeetings, summarizeCaseDoc } from './caseSummaries';

/** Changes arrive in bursts (typing, a sync catch-up): the list is recomputed at most this often. */
const recomputeDelayMs = 150;

/**
 * One row per case the user may open, kept current as any case or meeting document
 * changes (locally or from peers). The documents are the doc manager's shared ones.
 */
export function useCaseSummaries(): CaseSummary[] {
  const { t } = useTranslation();
  const manager = useDocManager();
  const { entries } = useRooms();
  const fallbackLabel = t('cases.loadingLabel');
  const roomsKey = entries.map((entry) => entry.room).join(' ');
  const rooms = useMemo(() => (roomsKey === '' ? [] : roomsKey.split(' ')), [roomsKey]);
  const [rows, setRows] = useState<CaseSummary[]>([]);

  useEffect(() => {
    const { handles, release } = manager.openAll(rooms);
    const cases = handles.flatMap((handle) => (isId('case', handle.room) ? [{ id: handle.room, doc: handle.doc }] : []));
    const meetings = handles.filter((handle) => isId('meeting', handle.room));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const compute = (): void => {
      timer = null;
      const now = new Date();
      const next = nextMeetings(meetings.map((handle) => handle.doc), now);
      const today = toIsoDate(now);
      setRows(cases.map(({ id, doc }) => summarizeCaseDoc(id, doc, today, next.get(id) ?? null, fallbackLabel)));
    };
    const schedule = (): void => {
      timer ??= setTimeout(compute, recomputeDelayMs);
    };
    compute();
    for (const handle of handles) {
      handle.doc.on('update', schedule);
      void handle.whenLoaded.then(schedule);
    }
    return () => {
      if (timer !== null) clearTimeout(timer);
      for (const handle of handles) handle.doc.off('update', schedule);
      release();
    };
  }, [manager, rooms, fallbackLabel]);

  return rows;
}
