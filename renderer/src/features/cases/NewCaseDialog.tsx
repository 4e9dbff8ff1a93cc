import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../app/store';
import { caseStatuses, caseTypes, type CaseStatus, type CaseType } from '../../domain/caseVocabulary';
import { DomainError } from '../../domain/errors';
import { useLanguage } from '../../i18n';
import { Button, Dialog, Select, TextInput } from '../../ui';
import { isApiError, useDirectory, useLiveSession } from '../session';
import { createCase } from './createCase';

type FormError = 'labelMissing' | 'labelTooLong' | 'unreachable' | 'forbidden' | 'unauthorized' | 'other';

function errorOf(caught: unknown): FormError {
  if (isApiError(caught, 'unreachable')) return 'unreachable';
  if (isApiError(caught, 'forbidden')) return 'forbidden';
  if (isApiError(caught, 'unauthorized')) return 'unauthorized';
  if (caught instanceof DomainError && caught.field === 'label') return caught.code === 'text-too-long' ? 'labelTooLong' : 'labelMissing';
  return 'other';
}

/** "Nieuwe casus": label (suggested), case number, type, status and procesregisseur; opens the new board. */
export function NewCaseDialog({ open, onClose, suggestion }: { open: boolean; onClose(): void; suggestion: { label: string; caseNumber: string } }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('cases.create.title')} closeLabel={t('common.close')}>
      {open ? <NewCaseForm onClose={onClose} suggestion={suggestion} /> : null}
    </Dialog>
  );
}

function NewCaseForm({ onClose, suggestion }: { onClose(): void; suggestion: { label: string; caseNumber: string } }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const live = useLiveSession();
  const { users } = useDirectory();
  const me = live.user;
  const [label, setLabel] = useState(suggestion.label);
  const [caseNumber, setCaseNumber] = useState(suggestion.caseNumber);
  const [type, setType] = useState<CaseType>('ex-partnerstalking');
  const [status, setStatus] = useState<CaseStatus>('aangemeld');
  const [procesregisseur, setProcesregisseur] = useState(me.role === 'procesregisseur' ? me.username : '');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const directors = useMemo(
    () => users.filter((user) => user.role === 'procesregisseur').map((user) => ({ value: user.username, label: user.name })),
    [users],
  );

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (label.trim() === '') {
      setError('labelMissing');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const caseId = await createCase(live, {
        label: label.trim(),
        type,
        status,
        ...(caseNumber.trim() ? { caseNumber: caseNumber.trim() } : {}),
        ...(procesregisseur ? { procesregisseur } : {}),
      });
      useAppStore.getState().announce(t('cases.create.created', { label: label.trim() }));
      onClose();
      window.location.hash = hrefOf({ name: 'case', caseId });
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = error === 'labelMissing' || error === 'labelTooLong' ? t(`cases.create.errors.${error}`) : null;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy}>
      <p className="dialog__intro">{t('cases.create.intro')}</p>
      <div className="form-grid">
        <TextInput
          className="form-grid__wide"
          label={t('cases.create.label')}
          hint={t('cases.create.labelHint')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={fieldError}
          maxLength={200}
        />
        <TextInput label={t('cases.create.caseNumber')} value={caseNumber} onChange={(event) => setCaseNumber(event.target.value)} maxLength={200} />
        <Select
          label={t('cases.create.procesregisseur')}
          value={procesregisseur}
          onChange={(event) => setProcesregisseur(event.target.value)}
          options={[{ value: '', label: t('cases.create.noProcesregisseur') }, ...directors]}
        />
        <Select
          label={t('cases.create.type')}
          value={type}
          onChange={(event) => caseTypes.is(event.target.value) && setType(event.target.value)}
          options={caseTypes.values.map((value) => ({ value, label: caseTypes.label(value, language) }))}
        />
        <Select
          label={t('cases.create.status')}
          value={status}
          onChange={(event) => caseStatuses.is(event.target.value) && setStatus(event.target.value)}
          options={caseStatuses.values.map((value) => ({ value, label: caseStatuses.label(value, language) }))}
        />
      </div>
      <div role="alert">{error && !fieldError ? <p className="text-danger">{t(`cases.create.errors.${error}`)}</p> : null}</div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>{t('cases.create.submit')}</Button>
        <Button onClick={onClose} disabled={busy}>{t('cases.create.cancel')}</Button>
        <span role="status" aria-live="polite">{busy ? t('cases.create.busy') : ''}</span>
      </div>
    </form>
  );
}
