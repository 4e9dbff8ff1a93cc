import { CheckCircle2, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import type { Meeting } from '../../domain/meeting';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { Button, Dialog, StatusPill } from '../../ui';
import { MinutesExportButton } from '../minutes';
import { useDirectory, useSession } from '../session';
import { ApprovedVersion } from './ApprovedVersion';
import { MeetingApiError, type MeetingApiErrorCode } from './meetingApi';
import { useMeetingApi } from './useMeetingApi';

/** Props of {@link MinutesPanel}. */
export interface MinutesPanelProps {
  meeting: Meeting;
  meta: MeetingMeta;
  isChair: boolean;
  /** Past the confidentiality gate: the approved version may show case content. */
  showContent: boolean;
}

type Busy = 'approve' | 'reopen' | null;

const errorKey = (code: MeetingApiErrorCode | 'other') => {
  switch (code) {
    case 'already-approved': return 'alreadyApproved';
    case 'not-chair':
    case 'forbidden': return 'notChair';
    case 'unreachable': return 'unreachable';
    case 'unauthorized': return 'unauthorized';
    default: return 'other';
  }
};

/**
 * The minutes' status: concept → vastgesteld by the chair only ("Verslag vaststellen",
 * with a confirmation), reopening as a new concept, the approved version with what changed
 * since, and the export for the secretary.
 */
export function MinutesPanel({ meeting, meta, isChair, showContent }: MinutesPanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const { displayName } = useDirectory();
  const api = useMeetingApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [showApproved, setShowApproved] = useState(false);
  const approved = meta.status === 'vastgesteld';
  const exporter = meta.secretary ? meta.secretary === user.username : isChair;

  const run = async (kind: Exclude<Busy, null>): Promise<void> => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'approve') {
        const result = await api.approve(meeting.id);
        useAppStore.getState().announce(t('meetings.minutes.approvedNotice', { version: result.version }));
      } else {
        await api.reopen(meeting.id);
        useAppStore.getState().announce(t('meetings.minutes.reopenedNotice'));
      }
      setConfirming(false);
    } catch (caught) {
      setError(t(`meetings.minutes.errors.${errorKey(caught instanceof MeetingApiError ? caught.code : 'other')}`));
    } finally {
      setBusy(null);
    }
  };

  const approvedLine = meta.approvedAt ? t('meetings.minutes.approvedOn', {
    date: formatDate(Date.parse(meta.approvedAt), { language }),
    time: formatTime(Date.parse(meta.approvedAt), { language }),
    name: meta.approvedBy ? displayName(meta.approvedBy) : '–',
    version: meta.version,
  }) : null;

  return (
    <section className="mt-card mt-card--below" aria-labelledby="mt-minutes-title">
      <h2 id="mt-minutes-title" className="mt-heading">{t('meetings.minutes.title')}</h2>
      <p>
        <StatusPill tone={approved ? 'positive' : 'neutral'} icon={approved ? <CheckCircle2 size={14} /> : undefined}>
          {approved ? t('meetings.status.approved') : t('meetings.status.concept')}
        </StatusPill>
        {' '}
        {approved ? approvedLine : (meta.version > 0 ? t('meetings.minutes.reopened', { line: approvedLine ?? '' }) : t('meetings.minutes.conceptBody'))}
      </p>
      <div className="mt-minutes__buttons">
        {isChair && !approved ? (
          <Button variant="primary" icon={<CheckCircle2 size={16} />} onClick={() => { setError(null); setConfirming(true); }}>{t('meetings.minutes.approve')}</Button>
        ) : null}
        {isChair && approved ? (
          <Button icon={<RotateCcw size={16} />} disabled={busy !== null} onClick={() => void run('reopen')}>{t('meetings.minutes.reopen')}</Button>
        ) : null}
        {showContent && meta.version > 0 ? (
          <Button aria-expanded={showApproved} onClick={() => setShowApproved((open) => !open)}>
            {showApproved ? t('meetings.minutes.hideApproved') : t('meetings.minutes.showApproved', { version: meta.version })}
          </Button>
        ) : null}
        {exporter ? <MinutesExportButton meetingId={meeting.id} status={meta.status} /> : null}
      </div>
      <div role="alert">{error && !confirming ? <p className="mt-error">{error}</p> : null}</div>
      {showContent && showApproved && meta.version > 0 ? <ApprovedVersion meeting={meeting} version={meta.version} /> : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('meetings.minutes.confirmTitle')} closeLabel={t('common.close')}>
        <p>{t('meetings.minutes.confirmBody')}</p>
        <div role="alert">{error ? <p className="mt-error">{error}</p> : null}</div>
        <div className="mt-form__buttons">
          <Button variant="primary" disabled={busy !== null} onClick={() => void run('approve')}>
            {busy === 'approve' ? t('meetings.minutes.approving') : t('meetings.minutes.confirm')}
          </Button>
          <Button variant="quiet" onClick={() => setConfirming(false)}>{t('meetings.minutes.cancel')}</Button>
        </div>
      </Dialog>
    </section>
  );
}
