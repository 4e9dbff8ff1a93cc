import { useEffect, useMemo, useState } from 'react';
import { readMeetingMeta } from '../../collab/meetingHeader';
import type { MeetingId } from '../../domain/ids';
import { useDocManager, useRooms } from '../session';
import type { MeetingChoice } from './ActionForm';

/**
 * The meetings this case was discussed in, with their start where the user has the
 * meeting (the doc manager keeps it open); others are offered without a date.
 */
export function useMeetingChoices(meetingIds: readonly MeetingId[]): MeetingChoice[] {
  const manager = useDocManager();
  const { entries } = useRooms();
  const openable = meetingIds.filter((id) => entries.some((entry) => entry.room === id)).sort().join('\n');
  const [starts, setStarts] = useState<Readonly<Record<string, string | null>>>({});

  useEffect(() => {
    const rooms = openable === '' ? [] : openable.split('\n');
    const opened = manager.openAll(rooms);
    let current = true;
    void Promise.all(opened.handles.map((handle) => handle.whenLoaded)).then(() => {
      if (!current) return;
      setStarts(Object.fromEntries(opened.handles.map((handle) => [handle.room, readMeetingMeta(handle.doc)?.start ?? null])));
    });
    return () => {
      current = false;
      opened.release();
    };
  }, [manager, openable]);

  return useMemo(() => meetingIds.map((id) => ({ id, start: starts[id] ?? null })), [meetingIds, starts]);
}
