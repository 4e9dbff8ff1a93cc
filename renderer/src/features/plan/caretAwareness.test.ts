import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { caretAwareness } from './caretAwareness';

/** A doc with two sections (fragments in a map, as the plan stores them), each holding a paragraph of text. */
function twoSections(doc: Y.Doc): { a: Y.XmlFragment; b: Y.XmlFragment } {
  const plan = doc.getMap<Y.XmlFragment>('plan');
  doc.transact(() => {
    for (const key of ['a', 'b']) {
      const fragment = new Y.XmlFragment();
      plan.set(key, fragment);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Tekst ${key} (fictief)`)]);
      fragment.insert(0, [paragraph]);
    }
  });
  return { a: plan.get('a')!, b: plan.get('b')! };
}

/** A caret in the text of `fragment` at `index`, as y-prosemirror publishes it. */
function caretIn(fragment: Y.XmlFragment, index: number) {
  const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
  return { anchor: position, head: position };
}

/** Our doc and awareness with two sections, and a peer's (synced once) whose awareness `forward` brings over. */
function room() {
  const doc = new Y.Doc();
  const { a, b } = twoSections(doc);
  const remoteDoc = new Y.Doc();
  Y.applyUpdate(remoteDoc, Y.encodeStateAsUpdate(doc));
  const local = new Awareness(doc);
  const remote = new Awareness(remoteDoc);
  const forward = () => applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
  return { doc, a, b, remoteDoc, local, remote, forward };
}

describe('caretAwareness', () => {
  it('wakes only the editors whose fragment a remote caret enters, moves in or leaves; never for our own caret', () => {
    const { a, b, local, remote, forward } = room();
    const calls: string[] = [];
    const inA = caretAwareness(local, a);
    const inB = caretAwareness(local, b);
    const listenA = () => calls.push('a');
    const listenB = () => calls.push('b');
    inA.on('change', listenA);
    inB.on('change', listenB);

    // Our own caret: the plugin never draws it, so no editor wakes.
    inA.setLocalStateField('cursor', caretIn(a, 1));
    expect(calls).toEqual([]);
    // A peer types in A: only A; moves within A: A again; moves to B: both (left A, entered B).
    remote.setLocalStateField('cursor', caretIn(a, 2));
    forward();
    expect(calls).toEqual(['a']);
    remote.setLocalStateField('cursor', caretIn(a, 3));
    forward();
    expect(calls).toEqual(['a', 'a']);
    remote.setLocalStateField('cursor', caretIn(b, 1));
    forward();
    expect(calls.slice(2).sort()).toEqual(['a', 'b']);
    // The peer leaves: B takes its caret away.
    calls.length = 0;
    removeAwarenessStates(local, [remote.clientID], 'remote');
    expect(calls).toEqual(['b']);
    // A malformed caret from a peer is ignored, not thrown.
    remote.setLocalStateField('cursor', { head: { type: 'onzin' } });
    calls.length = 0;
    expect(() => forward()).not.toThrow();
    expect(calls).toEqual([]);
    // After off, nothing.
    inA.off('change', listenA);
    inB.off('change', listenB);
    remote.setLocalStateField('cursor', caretIn(a, 4));
    forward();
    expect(calls).toEqual([]);
    // The view passes the rest through.
    expect(inA.getStates()).toBe(local.getStates());
    expect(inA.states).toBe(local.getStates());
    expect(inA.clientID).toBe(local.clientID);
    expect(inA.getLocalState()?.cursor).toEqual(caretIn(a, 1));
  });

  it('locates carets already in a fragment when its editor mounts later', () => {
    const { a, local, remote, forward } = room();
    remote.setLocalStateField('cursor', caretIn(a, 2));
    forward();
    const calls: string[] = [];
    caretAwareness(local, a).on('change', () => calls.push('a'));
    // The peer leaves A for nowhere: A must hear of it to take the caret away.
    remote.setLocalStateField('cursor', null);
    forward();
    expect(calls).toEqual(['a']);
  });

  it('a caret that arrives before the text it points at may be drawn anywhere later: its removal wakes every editor', () => {
    const { doc, a, b, remoteDoc, local, remote, forward } = room();
    const calls: string[] = [];
    caretAwareness(local, a).on('change', () => calls.push('a'));
    caretAwareness(local, b).on('change', () => calls.push('b'));
    // The peer types in A; its caret arrives here before its text does.
    const remoteA = remoteDoc.getMap<Y.XmlFragment>('plan').get('a')!;
    ((remoteA.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Nieuw ');
    remote.setLocalStateField('cursor', caretIn(remoteA, 3));
    forward();
    calls.length = 0;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remoteDoc)); // the text arrives; y-prosemirror redraws from the doc change
    remote.setLocalStateField('cursor', null);
    forward();
    expect(calls.sort()).toEqual(['a', 'b']);
  });
});
