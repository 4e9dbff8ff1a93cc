/**
 * "Casus afsluiten" and "Casus heropenen" on the case board (docs/privacy.md, "How long"):
 * the process director who manages the case closes it with a reason; the server writes status
 * `afgesloten` into the case and answers from when its retention rule deletes it. The board
 * shows the closing date and that deletion date to everyone who may open the case.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../domain/ids';
import { formatDate, useLanguage } from '../../i18n';
import { Button, Dialog } from '../../ui';
import { Notice } from '../session';
import { caseCloseReasons, PrivacyApiError, type CaseClosure, type CaseCloseReason } from './privacyApi';
import { usePrivacyApi } from './usePrivacyApi';
import './privacy.css';

/** Why closing or reopening failed, as a key of `privacy.closure.errors`. */
export type ClosureErrorKey = 'unreachable' | 'unauthorized' | 'forbidden' | 'notFound' | 'other';

/** The Dutch (or English) message key for a failed closure call. */
export function closureErrorKey(error: unknown): ClosureErrorKey {
  const code = error instanceof PrivacyApiError ? error.code : 'server';
  if (code === 'unreachable' || code === 'unauthorized' || code === 'forbidden') return code;
  if (code === 'not-found') return 'notFound';
  return 'other';
}

/** What the board knows of the closure. */
export type ClosureState =
  | { state: 'open' }
  | { state: 'loading' }
  | { state: 'ready'; closure: CaseClosure | null }
  | { state: 'failed'; error: ClosureErrorKey };

/**
 * The closure of a case whose document says `afgesloten`, asked from the server whenever the
 * status becomes that; `known` sets it directly (the answer of "Casus afsluiten").
 */
export function useCaseClosure(caseId: Room, closed: boolean): { closure: ClosureState; known(closure: CaseClosure | null): void } {
  const api = usePrivacyApi();
  const [closure, setClosure] = useState<ClosureState>({ state: closed ? 'loading' : 'open' });
  useEffect(() => {
    if (!closed) {
      setClosure({ state: 'open' });
      return;
    }
    let live = true;
    setClosure((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    api.caseClosure(caseId).then(
      (answer) => live && setClosure({ state: 'ready', closure: answer }),
      (error: unknown) => live && setClosure({ state: 'failed', error: closureErrorKey(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, closed]);
  const known = useCallback((answer: CaseClosure | null) => setClosure({ state: 'ready', closure: answer }), []);
  return { closure, known };
}

/** The closing date and the deletion date, as two more facts of the board header's list. */
export function ClosureFacts({ closure }: { closure: ClosureState }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (closure.state !== 'ready' || closure.closure === null) return null;
  const { closedAt, deleteFrom } = closure.closure;
  return (
    <>
      <div><dt>{t('privacy.closure.closedAt')}</dt><dd><time dateTime={closedAt}>{formatDate(Date.parse(closedAt), { language })}</time></dd></div>
      <div><dt>{t('privacy.closure.deleteFrom')}</dt><dd><time dateTime={deleteFrom}>{formatDate(Date.parse(deleteFrom), { language })}</time></dd></div>
    </>
  );
}

/** A line under the header saying why and under which rule, or why the dates are missing. */
export function ClosureNotice({ closure }: { closure: ClosureState }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (closure.state === 'open' || closure.state === 'loading') return null;
  if (closure.state === 'failed') {
    return <Notice tone="info" role="status"><p>{t(`privacy.closure.unknown.${closure.error}`)}</p></Notice>;
  }
  if (closure.closure === null) return <Notice tone="warning" role="status"><p>{t('privacy.closure.notRecorded')}</p></Notice>;
  const { reason, months, deleteFrom } = closure.closure;
  return (
    <Notice tone="info" role="status">
      <p>{t('privacy.closure.summary', {
        reason: t(`privacy.closure.reasons.${reason}`), count: months, date: formatDate(Date.parse(deleteFrom), { language }),
      })}</p>
    </Notice>
  );
}

/** The "Casus afsluiten" dialog: a reason (required), then the server closes the case. */
export function CloseCaseDialog({ caseId, open, onClose, onClosed }: {
  caseId: Room;
  open: boolean;
  onClose(): void;
  onClosed(closure: CaseClosure | null): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('privacy.closure.title')} closeLabel={t('common.close')}>
      {open ? <CloseCaseForm caseId={caseId} onClose={onClose} onClosed={onClosed} /> : null}
    </Dialog>
  );
}

function CloseCaseForm({ caseId, onClose, onClosed }: { caseId: Room; onClose(): void; onClosed(closure: CaseClosure | null): void }) {
  const { t } = useTranslation();
  const api = usePrivacyApi();
  const [reason, setReason] = useState<CaseCloseReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClosureErrorKey | 'noReason' | null>(null);
  const errorId = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    if (reason === null) {
      setError('noReason');
      return;
    }
    setBusy(true);
    setError(null);
    api.closeCase(caseId, reason).then(
      (closure) => {
        setBusy(false);
        onClosed(closure);
        onClose();
      },
      (caught: unknown) => {
        setBusy(false);
        setError(closureErrorKey(caught));
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <div className="dialog__intro"><p>{t('privacy.closure.intro')}</p></div>
      <fieldset className="closure-reasons" aria-describedby={error === 'noReason' ? errorId : undefined}>
        <legend>{t('privacy.closure.reasonLegend')}</legend>
        {caseCloseReasons.map((code) => (
          <label key={code} className="closure-reasons__choice">
            <input type="radio" name="close-reason" value={code} checked={reason === code} disabled={busy}
              onChange={() => {
                setReason(code);
                if (error === 'noReason') setError(null);
              }} />
            {t(`privacy.closure.reasons.${code}`)}
          </label>
        ))}
      </fieldset>
      <div role="alert" id={errorId}>{error ? <p className="text-danger">{t(`privacy.closure.errors.${error}`)}</p> : null}</div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>{busy ? t('privacy.closure.closing') : t('privacy.closure.confirm')}</Button>
        <Button onClick={onClose}>{t('board.cancel')}</Button>
      </div>
    </form>
  );
}
