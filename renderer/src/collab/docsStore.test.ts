import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocsStore, scopedRead } from './docsStore';

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

  it('with a scoped read, re-reads a document only when a change touched its roots', () => {
    const a = new Y.Doc();
    a.getMap('meta').set('title', 'een');
    let reads = 0;
    const read = scopedRead(['meta'], (room: string, doc: Y.Doc) => {
      reads++;
      return titleOf(room, doc);
    });
    const store = createDocsStore([{ room: 'a', doc: a }], read);
    let calls = 0;
    store.subscribe(() => calls++);
    const before = reads;
    a.getMap('live').set('currentItem', 'x'); // another root: not read again
    a.getText('notes').insert(0, 'typen');
    expect(reads).toBe(before);
    a.getMap('meta').set('title', 'twee'); // its root: read, and notified
    expect(reads).toBe(before + 1);
    expect(calls).toBe(1);
    expect(store.getSnapshot().get('a')).toBe('twee');
    // A nested change under the root counts too.
    const nested = new Y.Map<string>();
    a.getMap('meta').set('nested', nested);
    nested.set('k', 'v');
    expect(reads).toBe(before + 3);
  });
});
