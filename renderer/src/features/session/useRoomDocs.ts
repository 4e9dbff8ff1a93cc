import { useEffect, useState } from 'react';
import type { DocHandle } from '../../collab/doc-manager';
import { useDocManager } from './useSession';

/**
 * Holds the doc manager's shared documents of `rooms` while mounted. Pass only rooms the
 * user has (need-to-know: a room not in the user's list is never opened). `loaded` turns
 * true once every vault copy is in its document.
 */
export function useRoomDocs(rooms: readonly string[]): { handles: readonly DocHandle[]; loaded: boolean } {
  const manager = useDocManager();
  // A stable key: the same set of rooms keeps the same handles.
  const key = [...rooms].sort().join('\n');
  const [handles, setHandles] = useState<readonly DocHandle[]>([]);
  const [loaded, setLoaded] = useState<readonly DocHandle[] | null>(null);

  useEffect(() => {
    const opened = manager.openAll(key === '' ? [] : key.split('\n'));
    setHandles(opened.handles);
    let current = true;
    void Promise.all(opened.handles.map((handle) => handle.whenLoaded)).then(() => {
      if (current) setLoaded(opened.handles);
    });
    return () => {
      current = false;
      opened.release();
    };
  }, [manager, key]);

  return { handles, loaded: loaded === handles };
}
