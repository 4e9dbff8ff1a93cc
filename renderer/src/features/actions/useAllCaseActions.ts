import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DocHandle } from '../../collab/doc-manager';
import type { ActionListItem } from '../../domain/actionRules';
import { isId } from '../../domain/ids';
import { useDocManager, useRooms } from '../session';
import { createCaseActionsStore } from './caseActionsStore';

/** The actions of every case the user may see, and whether every case is loaded from the vault yet. */
export function useAllCaseActions(fallbackLabel: string): { items: readonly ActionListItem[]; loading: boolean } {
  const manager = useDocManager();
  const { entries } = useRooms();
  // A stable key: the same set of rooms keeps the same handles (the manager shares open docs).
  const roomsKey = entries.filter((entry) => isId('case', entry.room)).map((entry) => entry.room).sort().join('\n');
  const [handles, setHandles] = useState<readonly DocHandle[]>([]);
  const [loaded, setLoaded] = useState<readonly DocHandle[] | null>(null);

  useEffect(() => {
    const rooms = roomsKey === '' ? [] : roomsKey.split('\n');
    const opened = manager.openAll(rooms);
    setHandles(opened.handles);
    let current = true;
    void Promise.all(opened.handles.map((handle) => handle.whenLoaded)).then(() => {
      if (current) setLoaded(opened.handles);
    });
    return () => {
      current = false;
      opened.release();
    };
  }, [manager, roomsKey]);

  const store = useMemo(() => createCaseActionsStore(handles, fallbackLabel), [handles, fallbackLabel]);
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { items, loading: loaded !== handles };
}
