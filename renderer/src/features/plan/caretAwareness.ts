/**
 * The room's awareness as one rich-text editor's remote-caret plugin should see it.
 *
 * y-prosemirror's caret plugin rebuilds its decorations on EVERY awareness change, and a
 * case board has eight plan editors (plus meeting notes) on one awareness: each keystroke
 * (our own caret moving) and each peer's keystroke anywhere made all of them recompute
 * and redraw. Here one router per awareness resolves, once per change, which fragment
 * each changed peer's caret is in, and tells only the editors of the fragments it left
 * or entered. Our own caret is never drawn by the plugin, so our changes reach no editor.
 * The plugin's 'update' listeners (Tiptap's `storage.users`, unused here) get nothing.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

type ChangeListener = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

interface Router {
  listen(fragment: Y.XmlFragment, listener: ChangeListener): void;
  unlisten(fragment: Y.XmlFragment, listener: ChangeListener): void;
}

const routers = new WeakMap<Awareness, Router>();

/**
 * Where a caret may be drawn. 'unknown': it points at text this doc does not hold yet (a
 * peer's awareness can arrive before the edit it typed); the editors draw it once that
 * edit arrives, so any of them may be showing it.
 */
type Location = Y.XmlFragment | 'unknown';

/** The registered fragment a caret (awareness `cursor` field) is in, 'unknown', or null (none). */
function fragmentOf(doc: Y.Doc, cursor: unknown, fragments: ReadonlyMap<Y.XmlFragment, unknown>): Location | null {
  const head = (cursor as { head?: unknown } | null | undefined)?.head;
  if (head === undefined || head === null) return null;
  let position: Y.AbsolutePosition | null;
  try {
    position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), doc);
  } catch {
    return null; // a malformed caret from a peer is simply not drawn
  }
  if (position === null) return 'unknown';
  let type: Y.AbstractType<unknown> | null = position?.type ?? null;
  while (type) {
    if (type instanceof Y.XmlFragment && fragments.has(type)) return type;
    type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return null;
}

function createRouter(awareness: Awareness): Router {
  const listeners = new Map<Y.XmlFragment, Set<ChangeListener>>();
  /** Where each remote client's caret was at its last change. */
  const location = new Map<number, Location>();
  const onChange: ChangeListener = (changes, origin) => {
    const affected = new Set<Y.XmlFragment>();
    const removed = new Set(changes.removed);
    for (const client of [...changes.added, ...changes.updated, ...changes.removed]) {
      if (client === awareness.clientID) continue;
      const before = location.get(client) ?? null;
      const now = removed.has(client) ? null : fragmentOf(awareness.doc, awareness.getStates().get(client)?.cursor, listeners);
      if (now) location.set(client, now);
      else location.delete(client);
      for (const where of [before, now]) {
        if (where === 'unknown') listeners.forEach((_, fragment) => affected.add(fragment));
        else if (where) affected.add(where);
      }
    }
    for (const fragment of affected) {
      for (const listener of [...(listeners.get(fragment) ?? [])]) listener(changes, origin);
    }
  };
  return {
    listen(fragment, listener) {
      if (listeners.size === 0) awareness.on('change', onChange);
      let set = listeners.get(fragment);
      if (!set) {
        set = new Set();
        listeners.set(fragment, set);
        // Carets already in this fragment were not located while it had no editor.
        for (const [client, state] of awareness.getStates()) {
          if (client === awareness.clientID || location.get(client) === 'unknown') continue;
          const where = fragmentOf(awareness.doc, state.cursor, listeners);
          if (where) location.set(client, where);
        }
      }
      set.add(listener);
    },
    unlisten(fragment, listener) {
      const set = listeners.get(fragment);
      if (!set?.delete(listener) || set.size > 0) return;
      listeners.delete(fragment);
      for (const [client, where] of location) if (where === fragment) location.delete(client);
      if (listeners.size === 0) awareness.off('change', onChange);
    },
  };
}

/** What the caret plugin and Tiptap's caret extension use of an awareness. */
export interface CaretAwareness {
  readonly doc: Y.Doc;
  readonly clientID: number;
  readonly states: Map<number, Record<string, unknown>>;
  getStates(): Map<number, Record<string, unknown>>;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change' | 'update', listener: ChangeListener): void;
  off(event: 'change' | 'update', listener: ChangeListener): void;
}

/** `awareness` as seen by the caret plugin of the editor bound to `fragment`. */
export function caretAwareness(awareness: Awareness, fragment: Y.XmlFragment): CaretAwareness {
  let router = routers.get(awareness);
  if (!router) {
    router = createRouter(awareness);
    routers.set(awareness, router);
  }
  const shared = router;
  return {
    doc: awareness.doc,
    clientID: awareness.clientID,
    get states() {
      return awareness.getStates();
    },
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    on(event, listener) {
      if (event === 'change') shared.listen(fragment, listener);
    },
    off(event, listener) {
      if (event === 'change') shared.unlisten(fragment, listener);
    },
  };
}
