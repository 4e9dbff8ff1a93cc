import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocsStore } from './docsStore';

const titleOf = (_room: string, doc: Y.Doc) => String(doc.getMap('meta').get('title') ?? '');

describe('a store over several documents', () => {
  it('notifies only when a read value changed, and keeps unchanged snapshots identical', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('meta').set('title', 'een');
    const store = createDocsStore([{ room: 'a', doc: a }, { room: 'b', doc: b }], titleOf);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const first = store.getSnapshot();
    expect([...first.entries()]).toEqual([['a', 'een'], ['b', '']]);

    b.getMap('other').set('x', 1); // not read: no notification, same snapshot
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(first);

    b.getMap('meta').set('title', 'twee');
    expect(calls).toBe(1);
    expect(store.getSnapshot().get('b')).toBe('twee');
    expect(store.getSnapshot().get('a')).toBe('een');

    unsubscribe();
    a.getMap('meta').set('title', 'drie');
    expect(calls).toBe(1);
    // Read again on demand while nobody listens.
    expect(store.getSnapshot().get('a')).toBe('drie');
  });
});
