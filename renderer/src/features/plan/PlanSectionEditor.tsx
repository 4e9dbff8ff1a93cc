import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../../collab/awareness';
import type { SafetyPlanSectionKey } from '../../domain/safetyPlanSections';
import { RichTextSection } from './RichTextSection';
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
 * to the section's fragment, publishing "typing here" while it has focus.
 */
export function PlanSectionEditor({ section, label, fragment, awareness, user, editable, typing, live = true, onWake, focusOnMount = false }: PlanSectionEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const presence = useSectionPresence(awareness, section);
  return (
    <RichTextSection
      headingId={headingId}
      title={label}
      editorLabel={t('plan.editorLabel', { section: label })}
      section={section}
      fragment={fragment}
      awareness={awareness}
      user={user}
      editable={editable}
      live={live}
      onWake={() => onWake?.(section)}
      focusOnMount={focusOnMount}
      onFocus={presence.onFocus}
      onBlur={presence.onBlur}
      footer={typing.length > 0 ? <p className="plan-section__typing">{t('plan.typing', { names: typing.join(', ') })}</p> : null}
    />
  );
}
