import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { origins } from '../../collab/origins';
import { confirmConfidentiality, setAttendance } from '../../collab/participants';
import { Button } from '../../ui';
import { useSession } from '../session';
import type { ContentGate } from './contentGate';

/**
 * The confidentiality statement of this meeting. Confirming records the time in the
 * meeting document and marks the participant present; until then no case content shows.
 */
export function ConfidentialityCard({ doc, gate, canEdit }: { doc: Y.Doc; gate: Exclude<ContentGate, { open: true }>; canEdit: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [failed, setFailed] = useState(false);
  const confirm = (): void => {
    try {
      doc.transact(() => {
        confirmConfidentiality(doc, { username: user.username });
        setAttendance(doc, user.username, 'aanwezig');
      }, origins.userEdit);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="mt-card mt-gate" aria-labelledby="mt-gate-title">
      <h2 id="mt-gate-title" className="mt-heading">
        <ShieldCheck size={20} aria-hidden="true" /> {t('meetings.gate.title')}
      </h2>
      {gate.reason === 'confirm' ? (
        <>
          <p>{t('meetings.gate.statement')}</p>
          <p className="mt-muted">{t('meetings.gate.why')}</p>
        </>
      ) : (
        <p>{t(gate.status === 'afwezig' ? 'meetings.gate.markedAbsent' : 'meetings.gate.markedExcused')}</p>
      )}
      {canEdit ? (
        <Button variant="primary" onClick={confirm}>
          {gate.reason === 'confirm' ? t('meetings.gate.confirm') : t('meetings.gate.present')}
        </Button>
      ) : <p>{t('meetings.gate.viewOnly')}</p>}
      <div role="alert">{failed ? <p className="mt-error">{t('meetings.gate.failed')}</p> : null}</div>
    </section>
  );
}
