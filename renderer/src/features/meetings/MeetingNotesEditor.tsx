import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { localAwarenessUser } from '../plan/localUser';
import { afterNextPaint } from '../plan/nextTask';
import { RichTextSection } from '../plan/RichTextSection';
import '../plan/plan.css';

/**
 * The co-edited notes of a case in this meeting: the safety plan's editor (same schema,
 * toolbar, remote carets and own-edit undo) bound to the meeting's notes fragment in the
 * case document.
 *
 * When the chair moves to an item, every screen first paints the item with its notes as a
 * preview and mounts the editor after that frame: creating an editor costs more than the
 * rest of the item, and the new item should show without waiting for it.
 */
export function MeetingNotesEditor({ fragment, awareness, editable }: { fragment: Y.XmlFragment; awareness: Awareness; editable: boolean }) {
  const { t } = useTranslation();
  const label = t('meetings.item.notes');
  const headingId = useId();
  const user = useMemo(() => localAwarenessUser(awareness), [awareness]);
  const [liveFor, setLiveFor] = useState<{ fragment: Y.XmlFragment; focus: boolean } | null>(null);
  const live = liveFor?.fragment === fragment;
  useEffect(() => {
    if (live) return undefined;
    return afterNextPaint(() => setLiveFor((current) => (current?.fragment === fragment ? current : { fragment, focus: false })));
  }, [live, fragment]);
  return (
    <RichTextSection
      className="mt-notes"
      headingId={headingId}
      title={label}
      editorLabel={label}
      fragment={fragment}
      awareness={awareness}
      user={user}
      editable={editable}
      live={live}
      onWake={() => setLiveFor({ fragment, focus: true })}
      focusOnMount={live && liveFor.focus}
    />
  );
}
