import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { localAwarenessUser } from '../plan/localUser';
import { planExtensions } from '../plan/planExtensions';
import { PlanToolbar } from '../plan/PlanToolbar';
import '../plan/plan.css';

/**
 * The co-edited notes of a case in this meeting: the safety plan's editor (same schema,
 * toolbar, remote carets and own-edit undo) bound to the meeting's notes fragment in the
 * case document. Never re-renders React on a keystroke.
 */
export function MeetingNotesEditor({ fragment, awareness, editable }: { fragment: Y.XmlFragment; awareness: Awareness; editable: boolean }) {
  const { t } = useTranslation();
  const label = t('meetings.item.notes');
  const user = useMemo(() => localAwarenessUser(awareness), [awareness]);
  const extensions = useMemo(() => planExtensions({ fragment, awareness, user }), [fragment, awareness, user]);
  const attributes = useMemo(() => ({
    class: 'plan-section__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    ...(editable ? {} : { 'aria-readonly': 'true' }),
  }), [label, editable]);
  const editor = useEditor({ extensions, editable, shouldRerenderOnTransaction: false, editorProps: { attributes } }, [extensions]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    if (editor.options.editorProps.attributes !== attributes) editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes } });
  }, [editor, editable, attributes]);

  return (
    <section className="plan-section mt-notes" aria-labelledby="mt-notes-title">
      <div className="plan-section__header">
        <h3 id="mt-notes-title" className="plan-section__title">{label}</h3>
        {editable ? <PlanToolbar editor={editor} sectionLabel={label} /> : null}
      </div>
      <EditorContent editor={editor} className="plan-section__editor" />
    </section>
  );
}
