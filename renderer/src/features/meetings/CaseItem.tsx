import { ExternalLink } from 'lucide-react';
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { hrefOf } from '../../app/routes';
import { scoped } from '../../collab/docSelection';
import { ensureMeetingNotes, meetingNotesFragment, readMeetingRecords } from '../../collab/meetingNotes';
import { useDocSelector } from '../../collab/useDocSelector';
import type { CaseId, MeetingId } from '../../domain/ids';
import { useCaseDoc } from '../session';
import { DecisionsSection } from './DecisionsSection';
import { ItemActions } from './ItemActions';
import { MeetingNotesEditor } from './MeetingNotesEditor';
import { WithheldSection } from './WithheldSection';

/** Props of {@link CaseItem}. */
export interface CaseItemProps {
  caseId: CaseId;
  meetingId: MeetingId;
  meetingStart: string | null;
  /** On screen now (a prepared or earlier item is mounted but hidden). */
  shown: boolean;
}

/** A case on the agenda: its notes, decisions, actions and withheld notes in this meeting (all in the case document). */
export const CaseItem = memo(function CaseItem({ caseId, meetingId, meetingStart, shown }: CaseItemProps) {
  const { t } = useTranslation();
  const room = useCaseDoc(caseId);
  if (room.status === 'checking') return <p className="mt-muted" role="status">{t('meetings.item.loading')}</p>;
  if (room.status === 'no-access') return <p className="mt-restricted">{t('meetings.item.restrictedBody')}</p>;
  return (
    <CaseItemContent
      caseId={caseId}
      meetingId={meetingId}
      meetingStart={meetingStart}
      doc={room.doc}
      awareness={room.awareness}
      editable={room.access === 'edit'}
      loaded={room.loaded}
      shown={shown}
    />
  );
});

interface CaseItemContentProps extends CaseItemProps {
  doc: Y.Doc;
  awareness: Awareness;
  editable: boolean;
  loaded: boolean;
}

const sameRef = (a: unknown, b: unknown): boolean => a === b;

// Their props keep their identity while the item's content is unchanged: showing or hiding
// a prepared item re-renders none of them.
const Notes = memo(MeetingNotesEditor);
const Decisions = memo(DecisionsSection);
const Actions = memo(ItemActions);
const Withheld = memo(WithheldSection);

function CaseItemContent({ caseId, meetingId, meetingStart, doc, awareness, editable, loaded, shown }: CaseItemContentProps) {
  const { t } = useTranslation();
  const selectFragment = useMemo(() => scoped(['meetingNotes'], (current: Y.Doc) => meetingNotesFragment(current, meetingId)), [meetingId]);
  const fragment = useDocSelector(doc, selectFragment, sameRef);
  const selectRecords = useMemo(() => scoped(['meetingNotes'], (current: Y.Doc) => readMeetingRecords(current, meetingId)), [meetingId]);
  const records = useDocSelector(doc, selectRecords);

  useEffect(() => {
    // Set up once the vault copy is in (creating it earlier could shadow a synced entry),
    // and only once the item is on screen: a prepared item is not discussed yet.
    if (shown && loaded && editable && fragment === null) ensureMeetingNotes(doc, meetingId);
  }, [shown, loaded, editable, fragment, doc, meetingId]);

  return (
    <div className="mt-case-item">
      <p>
        <a className="mt-link" href={hrefOf({ name: 'case', caseId })}>
          <ExternalLink size={16} aria-hidden="true" /> {t('meetings.item.openBoard')}
        </a>
      </p>
      {fragment ? (
        <Notes fragment={fragment} awareness={awareness} editable={editable} />
      ) : <p className="mt-muted">{editable ? t('meetings.item.loading') : t('meetings.item.noNotes')}</p>}
      <Decisions doc={doc} meetingId={meetingId} decisions={records.decisions} editable={editable && fragment !== null} />
      <Actions doc={doc} meetingId={meetingId} meetingStart={meetingStart} editable={editable} />
      <Withheld doc={doc} meetingId={meetingId} notes={records.withheld} editable={editable && fragment !== null} />
    </div>
  );
}
