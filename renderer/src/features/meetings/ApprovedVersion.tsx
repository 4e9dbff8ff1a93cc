import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { readCaseBoard } from '../../collab/readCaseBoard';
import type { CaseBoard } from '../../domain/caseBoard';
import { isId, type CaseId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { attendanceStatuses } from '../../domain/meetingVocabulary';
import { blocksToPlainText } from '../../domain/richText';
import { useLanguage } from '../../i18n';
import { useDirectory, useRoomDocs } from '../session';
import { caseChangesSinceApproval } from './approvalDiff';
import { ChangesView } from './ChangesView';
import { createDocsStore, type DocSource } from '../../collab/docsStore';
import { useApprovedCopies } from './useApprovedCopies';
import { useCaseAccess } from './useMeetingData';
import { useMeetingApi } from './useMeetingApi';

const readBoard = (room: CaseId, doc: Parameters<typeof readCaseBoard>[0]) => readCaseBoard(doc, room);

/**
 * The approved version of the minutes, from the frozen copies (never from the live
 * documents): attendance and, per case, notes, decisions and actions as approved — with
 * what changed on the live board since. Cases without access show as restricted.
 */
export function ApprovedVersion({ meeting, version }: { meeting: Meeting; version: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  const api = useMeetingApi();
  const { canOpen } = useCaseAccess();
  const copies = useApprovedCopies(api, meeting.id, version, canOpen);
  const rooms = useMemo(() => (copies.status === 'ready' ? [...copies.cases.keys()] : []), [copies]);
  const { handles } = useRoomDocs(rooms);
  const store = useMemo(() => createDocsStore(
    handles.flatMap((handle): DocSource<CaseId>[] => (isId('case', handle.room) ? [{ room: handle.room, doc: handle.doc }] : [])),
    readBoard,
  ), [handles]);
  const liveBoards = useSyncExternalStore(store.subscribe, store.getSnapshot);

  if (copies.status === 'loading') return <p className="mt-muted" role="status">{t('meetings.approved.loading')}</p>;
  if (copies.status === 'error') return <p className="mt-error" role="alert">{t(`meetings.approved.errors.${copies.code === 'unreachable' ? 'unreachable' : copies.code === 'missing' ? 'missing' : 'other'}`)}</p>;

  const frozen = copies.meeting;
  return (
    <section className="mt-approved" aria-labelledby="mt-approved-title">
      <h3 id="mt-approved-title" className="mt-subheading">{t('meetings.approved.title', { version })}</h3>
      <p className="mt-muted">{t('meetings.approved.intro')}</p>
      <h4 className="mt-approved__part">{t('meetings.approved.attendance')}</h4>
      <ul className="mt-approved__attendance">
        {frozen.invitees.map((invitee) => {
          const status = frozen.attendance[invitee.username];
          return <li key={invitee.username}>{displayName(invitee.username)}: {status ? attendanceStatuses.label(status, language) : t('meetings.attendance.unknown')}</li>;
        })}
      </ul>
      {frozen.agenda.map((caseId, index) => {
        const approved = copies.cases.get(caseId);
        if (!approved) {
          return (
            <article key={`restricted-${index}`} className="mt-approved__case">
              <h4 className="mt-approved__part">{t('meetings.agenda.restricted')}</h4>
            </article>
          );
        }
        return <ApprovedCase key={caseId} meeting={meeting} approved={approved} live={liveBoards.get(caseId) ?? null} />;
      })}
    </section>
  );
}

function ApprovedCase({ meeting, approved, live }: { meeting: Meeting; approved: CaseBoard; live: CaseBoard | null }) {
  const { t } = useTranslation();
  const notes = approved.meetingNotes.find((entry) => entry.meetingId === meeting.id);
  const actions = approved.actions.filter((action) => action.source?.kind === 'meeting' && action.source.ref === meeting.id);
  const text = notes ? blocksToPlainText(notes.notes) : '';
  return (
    <article className="mt-approved__case" aria-label={approved.meta?.label ?? t('meetings.agenda.loadingLabel')}>
      <h4 className="mt-approved__part">{approved.meta?.label ?? t('meetings.agenda.loadingLabel')}</h4>
      <div className="mt-approved__grid">
        <div>
          <h5 className="mt-changes__title">{t('meetings.item.notes')}</h5>
          {text.trim() === '' ? <p className="mt-muted">{t('meetings.item.noNotes')}</p> : <p className="mt-prewrap">{text}</p>}
          <h5 className="mt-changes__title">{t('meetings.item.decisions')}</h5>
          {(notes?.decisions.length ?? 0) === 0 ? <p className="mt-muted">{t('meetings.item.noDecisions')}</p> : (
            <ol className="mt-approved__decisions">{notes?.decisions.map((decision) => <li key={decision.id}>{decision.text}</li>)}</ol>
          )}
          <h5 className="mt-changes__title">{t('meetings.item.actions')}</h5>
          {actions.length === 0 ? <p className="mt-muted">{t('meetings.item.noActions')}</p> : (
            <ul>{actions.map((action) => <li key={action.id}>{action.description}</li>)}</ul>
          )}
        </div>
        <div className="mt-approved__since">
          <h5 className="mt-changes__title">{t('meetings.changes.title')}</h5>
          {live ? <ChangesView changes={caseChangesSinceApproval(approved, live, meeting.id)} /> : <p className="mt-muted">{t('meetings.approved.liveLoading')}</p>}
        </div>
      </div>
    </article>
  );
}
