/**
 * The user's read marks and reminder preferences, loaded from their vault once per session
 * and written back on every change, as an external store the bell and the settings share.
 */
import { defaultReminderPreferences, markRead, type ReadReminders, type ReminderKind, type ReminderPreferences } from '../../domain/reminders';
import { loadReadReminders, loadReminderPreferences, saveReadReminders, saveReminderPreferences, type Vault } from '../../vault';

/** What the store holds; `loaded` is false until the vault answered. */
export interface ReminderStateSnapshot {
  loaded: boolean;
  read: ReadReminders;
  preferences: ReminderPreferences;
}

/** The store. Writes go to the vault in order; a failed write keeps the in-memory state. */
export interface ReminderState {
  getSnapshot(): ReminderStateSnapshot;
  subscribe(listener: () => void): () => void;
  markRead(keys: readonly string[], now: Date): Promise<void>;
  setPreference(kind: ReminderKind, on: boolean): Promise<void>;
}

/** Creates the store over `vault` and starts loading it. */
export function createReminderState(vault: Pick<Vault, 'getJson' | 'putJson'>, onError: (error: unknown) => void = () => {}): ReminderState {
  const listeners = new Set<() => void>();
  let snapshot: ReminderStateSnapshot = { loaded: false, read: {}, preferences: defaultReminderPreferences };
  let writes: Promise<void> = Promise.resolve();
  const publish = (next: ReminderStateSnapshot): void => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const loading = Promise.all([loadReadReminders(vault), loadReminderPreferences(vault)])
    .then(([read, preferences]) => publish({ loaded: true, read: { ...read, ...snapshot.read }, preferences }))
    .catch((error: unknown) => {
      onError(error);
      publish({ ...snapshot, loaded: true });
    });
  // Every write waits for the load (never overwrite marks not read yet) and the write before it.
  const write = (save: () => Promise<void>): Promise<void> => {
    writes = writes.then(() => loading).then(save).catch(onError);
    return writes;
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    markRead(keys, now) {
      const fresh = keys.filter((key) => !Object.hasOwn(snapshot.read, key));
      if (fresh.length === 0) return writes;
      publish({ ...snapshot, read: markRead(snapshot.read, fresh, now) });
      return write(() => saveReadReminders(vault, snapshot.read));
    },
    setPreference(kind, on) {
      publish({ ...snapshot, preferences: { ...snapshot.preferences, [kind]: on } });
      return write(() => saveReminderPreferences(vault, snapshot.preferences));
    },
  };
}

const perVault = new WeakMap<object, ReminderState>();

/** The one store of a vault (the bell and the settings in it share it for the session). */
export function reminderStateOf(vault: Vault): ReminderState {
  let state = perVault.get(vault);
  if (!state) {
    state = createReminderState(vault, (error) => console.warn('reminders: vault', error instanceof Error ? error.name : 'error'));
    perVault.set(vault, state);
  }
  return state;
}
