import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RichBlock } from '../domain/richText';
import { blocksToPlainText } from '../domain/richText';
import { appendBlocks, fragmentToBlocks } from './richText';

/** Builds the structure y-prosemirror writes for a Tiptap StarterKit document. */
function tiptapFragment(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section');
  const text = (parts: [string, Record<string, object>?][]) => {
    const t = new Y.XmlText();
    let at = 0;
    for (const [s, marks] of parts) {
      t.insert(at, s, marks ?? {});
      at += s.length;
    }
    return t;
  };
  const el = (name: string, children: (Y.XmlElement | Y.XmlText)[]) => {
    const e = new Y.XmlElement(name);
    e.insert(0, children);
    return e;
  };
  doc.transact(() => {
    fragment.insert(0, [
      el('heading', [text([['Risico']])]),
      el('paragraph', [text([['Geen contact met ', {}], ['verdachte', { bold: {} }], [' (fictief)', {}]])]),
      el('paragraph', [text([['eerste regel']]), el('hardBreak', []), text([['tweede', { italic: {} }]])]),
      el('bulletList', [
        el('listItem', [el('paragraph', [text([['AWARE uitreiken']])])]),
        el('listItem', [
          el('paragraph', [text([['Camera']])]),
          el('orderedList', [el('listItem', [el('paragraph', [text([['ophangen']])])])]),
        ]),
      ]),
      el('blockquote', [el('paragraph', [text([['citaat']])])]),
      el('horizontalRule', []),
      el('paragraph', []),
      el('codeBlock', [text([['code']])]),
    ]);
  });
  return fragment;
}

describe('rich text fragments', () => {
  it('read a Tiptap-shaped fragment into blocks with marks, breaks and lists', () => {
    const blocks = fragmentToBlocks(tiptapFragment());
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Risico' },
      { kind: 'paragraph', runs: [{ text: 'Geen contact met ' }, { text: 'verdachte', bold: true }, { text: ' (fictief)' }] },
      { kind: 'paragraph', runs: [{ text: 'eerste regel\n' }, { text: 'tweede', italic: true }] },
      { kind: 'list', ordered: false, items: [[{ text: 'AWARE uitreiken' }], [{ text: 'Camera' }], [{ text: 'ophangen' }]] },
      { kind: 'paragraph', runs: [{ text: 'citaat' }] },
      { kind: 'paragraph', runs: [] },
      { kind: 'paragraph', runs: [{ text: 'code' }] },
    ]);
    expect(blocksToPlainText(blocks)).toBe('Risico\nGeen contact met verdachte (fictief)\neerste regel\ntweede\n• AWARE uitreiken\n• Camera\n• ophangen\ncitaat\n\ncode');
  });

  it('read the never-export marking of a paragraph, a heading or a whole list, and write it back', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('plan');
    appendBlocks(fragment, [
      { kind: 'paragraph', runs: [{ text: 'Gewoon' }] },
      { kind: 'paragraph', runs: [{ text: 'Geheim adres (fictief)' }], neverExport: true },
      { kind: 'list', ordered: false, items: [[{ text: 'Een' }], [{ text: 'Twee' }]], neverExport: true },
    ]);
    const blocks = fragmentToBlocks(fragment);
    expect(blocks.map((block) => block.neverExport === true)).toEqual([false, true, true]);
    expect((fragment.get(1) as Y.XmlElement).getAttribute('neverExport')).toBe(true);
    // As y-prosemirror stores a Tiptap attribute: the element attribute, on the list as a whole.
    const marked = new Y.XmlElement('heading');
    marked.setAttribute('neverExport', true as unknown as string);
    marked.insert(0, [new Y.XmlText('Kop')]);
    fragment.insert(fragment.length, [marked]);
    expect(fragmentToBlocks(fragment).at(-1)).toEqual({ kind: 'heading', text: 'Kop', neverExport: true });
  });

  it('round-trip blocks written with appendBlocks', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('plan');
    const blocks: RichBlock[] = [
      { kind: 'heading', text: 'Afspraken' },
      { kind: 'paragraph', runs: [{ text: 'Slachtoffer belt ' }, { text: '112', bold: true, italic: true }, { text: ' bij contact.' }] },
      { kind: 'list', ordered: true, items: [[{ text: 'Een' }], [{ text: 'Twee', italic: true }]] },
    ];
    doc.transact(() => appendBlocks(fragment, blocks));
    expect(fragmentToBlocks(fragment)).toEqual(blocks);
    const heading = fragment.get(0);
    expect(heading instanceof Y.XmlElement && heading.getAttribute('level')).toBe(3);
  });

  it('survive elements and text from a peer it does not know', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('plan');
    const odd = new Y.XmlElement('mysteryWidget');
    odd.insert(0, [new Y.XmlText('nog leesbaar')]);
    const loose = new Y.XmlText('losse tekst');
    doc.transact(() => fragment.insert(0, [odd, loose]));
    expect(blocksToPlainText(fragmentToBlocks(fragment))).toBe('nog leesbaar\nlosse tekst');
  });
});
