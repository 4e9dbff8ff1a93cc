/**
 * "Verslag exporteren": the full minutes or the version for one organisation, as PDF,
 * optionally signed with the secretary's PKCS#12 certificate. Approved minutes come from
 * the server's frozen copies; concept minutes can be exported but never signed. Progress
 * and results are announced in live regions; errors are Dutch and say what to do next.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../i18n';
import type { MinutesData } from '../../pdf/model';
import { signErrorMessage } from '../../pdf/signErrors';
import { getApi, type Api } from '../../platform';
import { Button, Dialog, Select, TextInput } from '../../ui';
import type { Signer } from './exportMinutes';
import { useExportMinutes, type MinutesOrigin, type RunState } from './useExportMinutes';
import './minutes.css';

/** Props of {@link ExportMinutesDialog}. */
export interface ExportMinutesDialogProps extends MinutesOrigin {
  open: boolean;
  onClose(): void;
  /** The signed-in user as the signature block names them (name, role label, organisation name). */
  signer: Signer;
  /** Prefills "Plaats van ondertekening". */
  defaultPlace?: string;
  /** The platform Api; defaults to `getApi()` (desktop: main process; web: in the page). */
  api?: Pick<Api, 'signPdf' | 'saveFile'>;
}

type FieldErrors = Partial<Record<'file' | 'passphrase' | 'place', string>>;

function RunMessage({ run, onRetry }: { run: RunState; onRetry(): void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  switch (run.kind) {
    case 'idle':
      return null;
    case 'running':
      return <p className="minutes-export__progress">{t(`minutes.export.stage.${run.stage === 'preparing' ? 'rendering' : run.stage}`)}</p>;
    case 'done':
      return <p className="minutes-export__done">{t(run.signed ? 'minutes.export.doneSigned' : 'minutes.export.done', { fileName: run.fileName })}</p>;
    case 'cancelled':
      return <p>{t('minutes.export.cancelled')}</p>;
    case 'not-reported':
      return run.reported ? <p className="minutes-export__done">{t('minutes.export.reported')}</p> : (
        <div className="minutes-export__warning">
          <p>{t('minutes.export.notReported')}</p>
          <Button onClick={onRetry} disabled={run.retrying}>{t('minutes.export.retryReport')}</Button>
        </div>
      );
    case 'failed': {
      const text = run.code === 'bad-data' ? t('minutes.export.badData')
        : run.code === 'unknown-org' ? t('minutes.export.unknownOrg')
          : run.code === 'unreadable-file' ? t('minutes.export.unreadableFile')
            : run.code === 'unexpected' ? t('minutes.export.failed')
              : signErrorMessage(run.code, language === 'en' ? 'en' : 'nl');
      return <p className="minutes-export__error">{text}</p>;
    }
  }
}

/** A radio button or checkbox with its label and an optional hint read with it. */
function Choice({ type, name, checked, disabled, label, hint, onChange }: {
  type: 'radio' | 'checkbox'; name: string; checked: boolean; disabled: boolean; label: string; hint?: { id: string; text: string; note?: boolean }; onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <div className="minutes-export__choice">
      <input type={type} id={id} name={name} checked={checked} disabled={disabled} aria-describedby={hint?.id} onChange={(event) => onChange(event.target.checked)} />
      <div>
        <label className="minutes-export__choice-label" htmlFor={id}>{label}</label>
        {hint ? <p className={hint.note ? 'minutes-export__note' : 'minutes-export__hint'} id={hint.id}>{hint.text}</p> : null}
      </div>
    </div>
  );
}

/** The export dialog for one meeting's minutes. */
export function ExportMinutesDialog({ open, onClose, signer, defaultPlace = '', api, ...origin }: ExportMinutesDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const platform = useMemo(() => api ?? getApi(), [api]);
  const { load, run, start, retryReport } = useExportMinutes(origin, open, platform);
  const [version, setVersion] = useState<'full' | 'org'>('full');
  const [org, setOrg] = useState('');
  const [sign, setSign] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [place, setPlace] = useState(defaultPlace);
  const [errors, setErrors] = useState<FieldErrors>({});
  const ids = { format: useId(), fullHint: useId(), orgHint: useId(), signHint: useId(), file: useId(), fileError: useId() };

  const data: MinutesData | null = load.kind === 'ready' ? load.data : null;
  const concept = data?.status === 'concept';
  const running = run.kind === 'running';
  const orgOptions = (data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }));
  const chosenOrg = org || orgOptions[0]?.value || '';
  const signing = sign && !concept;

  const close = (): void => {
    // The passphrase and the certificate never outlive the dialog.
    setPassphrase('');
    setFile(null);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!data || running) return;
    const found: FieldErrors = {};
    if (signing && !file) found.file = t('minutes.export.missingCertificate');
    if (signing && passphrase === '') found.passphrase = t('minutes.export.missingPassphrase');
    if (signing && place.trim() === '') found.place = t('minutes.export.missingPlace');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void start({
      org: version === 'org' ? chosenOrg : null,
      sign: signing && file ? { file, passphrase, signer, location: place.trim() } : null,
    });
  };

  return (
    <Dialog open={open} onClose={close} title={t('minutes.export.title')} closeLabel={t('minutes.export.close')}>
      {load.kind === 'loading' ? <p role="status">{t('minutes.export.loading')}</p> : null}
      {load.kind === 'error' ? <p role="alert" className="minutes-export__error">{t(`minutes.errors.${load.code}`)}</p> : null}
      {data ? (
        <form className="minutes-export" onSubmit={submit} noValidate>
          <p className="minutes-export__status">
            {concept
              ? t('minutes.export.statusConcept')
              : t('minutes.export.statusApproved', { version: data.version, date: data.approvedAt ? formatDate(new Date(data.approvedAt), { language }) : '' })}
          </p>

          <fieldset className="minutes-export__group" aria-describedby={ids.format}>
            <legend>{t('minutes.export.versionLegend')}</legend>
            <Choice type="radio" name="minutes-version" checked={version === 'full'} disabled={running} label={t('minutes.export.full')}
              hint={{ id: ids.fullHint, text: t('minutes.export.fullHint') }} onChange={() => setVersion('full')} />
            <Choice type="radio" name="minutes-version" checked={version === 'org'} disabled={running} label={t('minutes.export.perOrg')}
              hint={{ id: ids.orgHint, text: t('minutes.export.perOrgHint') }} onChange={() => setVersion('org')} />
            {version === 'org' ? (
              <Select label={t('minutes.export.organisation')} options={orgOptions} value={chosenOrg} onChange={(event) => setOrg(event.target.value)} disabled={running} />
            ) : null}
            <p className="minutes-export__hint" id={ids.format}>{t('minutes.export.format')}</p>
          </fieldset>

          <div className="minutes-export__group">
            <Choice type="checkbox" name="minutes-sign" checked={signing} disabled={concept || running} label={t('minutes.export.sign')}
              hint={concept
                ? { id: ids.signHint, text: signErrorMessage('not-approved', language === 'en' ? 'en' : 'nl'), note: true }
                : { id: ids.signHint, text: t('minutes.export.signHint') }}
              onChange={setSign} />
            {signing ? (
              <div className="minutes-export__signing">
                <div className={['field', errors.file ? 'field--invalid' : null].filter(Boolean).join(' ')}>
                  <label className="field__label" htmlFor={ids.file}>{t('minutes.export.certificate')}</label>
                  <input
                    id={ids.file}
                    type="file"
                    className="input minutes-export__file"
                    accept=".p12,.pfx,application/x-pkcs12"
                    onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                    disabled={running}
                    aria-invalid={errors.file ? true : undefined}
                    aria-describedby={errors.file ? ids.fileError : undefined}
                  />
                  {errors.file ? <p className="field__error" id={ids.fileError}>{errors.file}</p> : null}
                </div>
                <TextInput label={t('minutes.export.passphrase')} type="password" autoComplete="off" value={passphrase}
                  onChange={(event) => setPassphrase(event.target.value)} error={errors.passphrase ?? null} disabled={running} />
                <TextInput label={t('minutes.export.place')} value={place} onChange={(event) => setPlace(event.target.value)}
                  error={errors.place ?? null} disabled={running} />
              </div>
            ) : null}
          </div>

          {/* Two fixed live regions: progress and results are polite, failures assertive. */}
          <div className="minutes-export__results">
            <div role="status">{run.kind !== 'failed' ? <RunMessage run={run} onRetry={() => void retryReport()} /> : null}</div>
            <div role="alert">{run.kind === 'failed' ? <RunMessage run={run} onRetry={() => void retryReport()} /> : null}</div>
          </div>

          <div className="minutes-export__buttons">
            <Button variant="primary" type="submit" disabled={running}>{t('minutes.export.submit')}</Button>
            <Button onClick={close}>{t('minutes.export.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
