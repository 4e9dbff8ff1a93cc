import { useMemo, useSyncExternalStore } from 'react';
import type { ActionListItem } from '../../domain/actionRules';
import { isId } from '../../domain/ids';
import { useRoomDocs, useRooms } from '../session';
import { createCaseActionsStore } from './caseActionsStore';

/** The actions of every case the user may see, and whether every case is loaded from the vault yet. */
export function useAllCaseActions(fallbackLabel: string): { items: readonly ActionListItem[]; loading: boolean } {
  const { entries } = useRooms();
  const { handles, loaded } = useRoomDocs(entries.filter((entry) => isId('case', entry.room)).map((entry) => entry.room));
  const store = useMemo(() => createCaseActionsStore(handles, fallbackLabel), [handles, fallbackLabel]);
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { items, loading: !loaded };
}
