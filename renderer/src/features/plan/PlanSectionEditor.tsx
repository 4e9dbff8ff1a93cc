import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../../collab/awareness';
import type { SafetyPlanSectionKey } from '../../domain/safetyPlanSections';
import { planExtensions } from './planExtensions';
import { PlanSectionPreview } from './PlanSectionPreview';
import { PlanToolbar } from './PlanToolbar';
import { useSectionPresence } from './useSectionPresence';

/** Props of {@link PlanSectionEditor}. */
export interface PlanSectionEditorProps {
  section: SafetyPlanSectionKey;
  label: string;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  user: AwarenessUser | null;
  editable: boolean;
  /** Names of the other users typing in this section now. */
  typing: readonly string[];
  /** False: the text shows as a preview until the panel mounts the editor (see SafetyPlanPanel). */
  live?: boolean;
  /** The user pressed the preview: mount this editor now. */
  onWake?(section: SafetyPlanSectionKey): void;
  /** Focus the editor once it is mounted (it was woken by the user). */
  focusOnMount?: boolean;
}

/**
 * One section of the safety plan: its heading, toolbar and a rich-text editor bound live
 * to the section's fragment. The editor never re-renders React on a keystroke (only the
 * toolbar's selected state does), which keeps typing fast with many peers in the room.
 */
export function PlanSectionEditor(props: PlanSectionEditorProps) {
  return props.live === false ? <PreviewSection {...props} /> : <LiveSection {...props} />;
}

/** The section before its editor is mounted: same heading and layout, the text as a preview. */
function PreviewSection({ section, label, fragment, editable, typing, onWake }: PlanSectionEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="plan-section" aria-labelledby={headingId} data-section={section}>
      <div className="plan-section__header">
        <h3 id={headingId} className="plan-section__title">{label}</h3>
        {editable ? <div className="plan-toolbar plan-toolbar--pending" aria-hidden="true" /> : null}
      </div>
      <PlanSectionPreview fragment={fragment} section={section} onWake={() => onWake?.(section)} />
      {typing.length > 0 ? (
        <p className="plan-section__typing">{t('plan.typing', { names: typing.join(', ') })}</p>
      ) : null}
    </section>
  );
}

function LiveSection({ section, label, fragment, awareness, user, editable, typing, focusOnMount }: PlanSectionEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const presence = useSectionPresence(awareness, section);
  const extensions = useMemo(() => planExtensions({ fragment, awareness, user }), [fragment, awareness, user]);
  const editorLabel = t('plan.editorLabel', { section: label });
  const attributes = useMemo(() => ({
    class: 'plan-section__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': editorLabel,
    ...(editable ? {} : { 'aria-readonly': 'true' }),
    'data-section': section,
  }), [editorLabel, editable, section]);
  // Recreated only when the binding changes; editability and labels are updated in place.
  const editor = useEditor({
    extensions,
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes },
    onFocus: presence.onFocus,
    onBlur: presence.onBlur,
  }, [extensions]);

  useEffect(() => {
    if (focusOnMount) editor.commands.focus('end');
    // Only on mount: a later change of the prop must not steal focus.
  }, [editor]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    if (editor.options.editorProps.attributes !== attributes) editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes } });
  }, [editor, editable, attributes]);

  return (
    <section className="plan-section" aria-labelledby={headingId} data-section={section}>
      <div className="plan-section__header">
        <h3 id={headingId} className="plan-section__title">{label}</h3>
        {editable ? <PlanToolbar editor={editor} sectionLabel={label} /> : null}
      </div>
      <EditorContent editor={editor} className="plan-section__editor" />
      {typing.length > 0 ? (
        <p className="plan-section__typing">{t('plan.typing', { names: typing.join(', ') })}</p>
      ) : null}
    </section>
  );
}
