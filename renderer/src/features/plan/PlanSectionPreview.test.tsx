import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../collab/richText';
import { PlanSectionPreview } from './PlanSectionPreview';

const inner = (markup: string): string => markup.replace(/^<div[^>]*><div[^>]*>/u, '').replace(/<\/div><\/div>$/u, '');

describe('PlanSectionPreview', () => {
  it('shows a section as the editor does: paragraphs with marks, lists of paragraphs, headings, empty lines', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('plan');
    appendBlocks(fragment, [
      { kind: 'heading', text: 'Afspraken (fictief)' },
      { kind: 'paragraph', runs: [{ text: 'Bij een signaal ' }, { text: 'direct', bold: true }, { text: ' bellen, ' }, { text: 'ook', italic: true }, { text: ' ’s nachts.' }] },
      { kind: 'list', ordered: true, items: [[{ text: 'Politie' }], [{ text: 'Veilig Thuis' }]] },
      { kind: 'paragraph', runs: [] },
    ]);
    const markup = renderToStaticMarkup(<PlanSectionPreview fragment={fragment} section="situatie-en-risico" onWake={() => undefined} />);
    expect(markup).toMatch(/^<div class="plan-section__editor plan-section__editor--preview"><div class="tiptap ProseMirror plan-section__content" data-section="situatie-en-risico">/u);
    expect(inner(markup)).toBe(
      '<h4>Afspraken (fictief)</h4>'
      + '<p>Bij een signaal <strong>direct</strong> bellen, <em>ook</em> ’s nachts.</p>'
      + '<ol start="1"><li><p>Politie</p></li><li><p>Veilig Thuis</p></li></ol>'
      + '<p><br/></p>',
    );
  });

  it('is not an editable text box (the editor replaces it) and shows markup-looking text as text', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('plan');
    appendBlocks(fragment, [{ kind: 'paragraph', runs: [{ text: '<script>alert(1)</script> & meer' }] }]);
    const markup = renderToStaticMarkup(<PlanSectionPreview fragment={fragment} section="situatie-en-risico" onWake={() => undefined} />);
    expect(markup).not.toContain('role="textbox"');
    expect(markup).not.toContain('contenteditable');
    expect(inner(markup)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer</p>');
  });
});
