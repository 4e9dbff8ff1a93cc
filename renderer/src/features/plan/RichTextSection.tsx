import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../../collab/awareness';
import { planExtensions } from './planExtensions';
import { PlanSectionPreview } from './PlanSectionPreview';
import { PlanToolbar } from './PlanToolbar';

/** Props of {@link RichTextSection}. */
export interface RichTextSectionProps {
  /** Classes of the section element besides `plan-section`. */
  className?: string;
  /** Id of the heading, which labels the section. */
  headingId: string;
  title: string;
  /** The editor's accessible name. */
  editorLabel: string;
  /** Plan sections: `data-section` on the section and its content. */
  section?: string;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** The local user as the room publishes it; null leaves remote carets out. */
  user: AwarenessUser | null;
  editable: boolean;
  /** False: the text shows as a preview until the owner mounts the editor. */
  live: boolean;
  /** The user pressed the preview: the owner should mount the editor now. */
  onWake(): void;
  /** Focus the editor once it is mounted (it was woken by the user). */
  focusOnMount: boolean;
  onFocus?(): void;
  onBlur?(): void;
  /** Shown under the text (e.g. who is typing here). */
  footer?: ReactNode;
}

/**
 * A heading with the formatting toolbar and a rich-text editor bound live to `fragment`
 * (the safety plan's sections and a meeting item's notes). Before its editor is mounted the
 * same layout shows the text as a preview, so a screen paints at once and creates its
 * editors afterwards. The editor never re-renders React on a keystroke (only the toolbar's
 * selected state does), which keeps typing fast with many peers in the room.
 */
export function RichTextSection(props: RichTextSectionProps) {
  return props.live ? <LiveSection {...props} /> : <PreviewSection {...props} />;
}

function Frame({ className, headingId, title, section, toolbar, children, footer }: Pick<RichTextSectionProps, 'className' | 'headingId' | 'title' | 'section' | 'footer'> & { toolbar: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  // The label a never-export passage shows on screen (plan.css), in the user's language.
  const style = { '--never-export-label': JSON.stringify(t('plan.neverExportLabel')) } as CSSProperties;
  return (
    <section className={className ? `plan-section ${className}` : 'plan-section'} aria-labelledby={headingId} data-section={section} style={style}>
      <div className="plan-section__header">
        <h3 id={headingId} className="plan-section__title">{title}</h3>
        {toolbar}
      </div>
      {children}
      {footer}
    </section>
  );
}

function PreviewSection({ fragment, section, editable, onWake, ...frame }: RichTextSectionProps) {
  return (
    <Frame {...frame} section={section} toolbar={editable ? <div className="plan-toolbar plan-toolbar--pending" aria-hidden="true" /> : null}>
      <PlanSectionPreview fragment={fragment} section={section} onWake={onWake} />
    </Frame>
  );
}

function LiveSection({ fragment, awareness, user, editable, editorLabel, section, focusOnMount, onFocus, onBlur, ...frame }: RichTextSectionProps) {
  const extensions = useMemo(() => planExtensions({ fragment, awareness, user }), [fragment, awareness, user]);
  const attributes = useMemo(() => ({
    class: 'plan-section__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': editorLabel,
    ...(editable ? {} : { 'aria-readonly': 'true' }),
    ...(section ? { 'data-section': section } : {}),
  }), [editorLabel, editable, section]);
  // Recreated only when the binding changes; editability and labels are updated in place.
  const editor = useEditor({
    extensions,
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes },
    ...(onFocus ? { onFocus } : {}),
    ...(onBlur ? { onBlur } : {}),
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
    <Frame {...frame} section={section} toolbar={editable ? <PlanToolbar editor={editor} sectionLabel={frame.title} /> : null}>
      <EditorContent editor={editor} className="plan-section__editor" />
    </Frame>
  );
}
