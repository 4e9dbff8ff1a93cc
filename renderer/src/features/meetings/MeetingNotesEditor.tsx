import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { localAwarenessUser } from '../plan/localUser';
import { afterNextPaint } from '../plan/nextTask';
import { planExtensions } from '../plan/planExtensions';
import { PlanSectionPreview } from '../plan/PlanSectionPreview';
import { PlanToolbar } from '../plan/PlanToolbar';
import '../plan/plan.css';

interface MeetingNotesEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  editable: boolean;
}

/**
 * The co-edited notes of a case in this meeting: the safety plan's editor (same schema,
 * toolbar, remote carets and own-edit undo) bound to the meeting's notes fragment in the
 * case document. Never re-renders React on a keystroke.
 *
 * When the chair moves to an item, every screen first paints the item with its notes as a
 * preview and mounts the editor after that frame: creating an editor costs more than the
 * rest of the item, and the new item should show without waiting for it.
 */
export function MeetingNotesEditor(props: MeetingNotesEditorProps) {
  const { t } = useTranslation();
  const [liveFor, setLiveFor] = useState<{ fragment: Y.XmlFragment; focus: boolean } | null>(null);
  const live = liveFor?.fragment === props.fragment;
  useEffect(() => {
    if (live) return undefined;
    return afterNextPaint(() => setLiveFor((current) => (current?.fragment === props.fragment ? current : { fragment: props.fragment, focus: false })));
  }, [live, props.fragment]);
  if (live) return <LiveNotes {...props} focusOnMount={liveFor.focus} />;
  const label = t('meetings.item.notes');
  return (
    <section className="plan-section mt-notes" aria-labelledby="mt-notes-title">
      <div className="plan-section__header">
        <h3 id="mt-notes-title" className="plan-section__title">{label}</h3>
        {props.editable ? <div className="plan-toolbar plan-toolbar--pending" aria-hidden="true" /> : null}
      </div>
      <PlanSectionPreview fragment={props.fragment} onWake={() => setLiveFor({ fragment: props.fragment, focus: true })} />
    </section>
  );
}

function LiveNotes({ fragment, awareness, editable, focusOnMount }: MeetingNotesEditorProps & { focusOnMount: boolean }) {
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
    if (focusOnMount) editor.commands.focus('end');
    // Only on mount: a later change of the prop must not steal focus.
  }, [editor]); // eslint-disable-line react-hooks/exhaustive-deps

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
