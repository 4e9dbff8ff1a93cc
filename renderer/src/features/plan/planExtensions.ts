/**
 * The editor of one plan section: the small schema the rest of the app can read back
 * (collab/richText.ts: paragraphs, bold, italic, lists, hard breaks, headings), bound
 * to the section's Y.XmlFragment. Undo/redo is Collaboration's Yjs undo manager, which
 * tracks only this editor's own transactions: a user never undoes a colleague's text.
 */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../../collab/awareness';
import { renderCaret, renderSelection } from './caret';
import { caretAwareness } from './caretAwareness';
import { NeverExport } from './neverExport';

/** What one section editor binds to. */
export interface PlanEditorBinding {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** The local user as the room already publishes it; null leaves remote carets out. */
  user: AwarenessUser | null;
}

/** The Tiptap extensions of a plan section editor. */
export function planExtensions({ fragment, awareness, user }: PlanEditorBinding): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      // Yjs undo (own edits only) replaces ProseMirror's history, which would undo remote text.
      undoRedo: false,
      // Headings only as demo data and appendBlocks write them; inside a section they sit under its h3.
      heading: { levels: [4] },
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      strike: false,
      underline: false,
    }),
    Collaboration.configure({ fragment }),
    NeverExport,
  ];
  if (user) {
    extensions.push(CollaborationCaret.configure({
      // The extension reads `provider.awareness` only; it gets a view that wakes this
      // editor only for carets entering, moving in or leaving its own fragment.
      provider: { awareness: caretAwareness(awareness, fragment) },
      user,
      render: renderCaret,
      selectionRender: renderSelection,
    }));
  }
  return extensions;
}
