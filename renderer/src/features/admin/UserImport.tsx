import { Copy, Download, FileCheck, Upload } from 'lucide-react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, Notice, useSession, type ImportPlan, type ImportPlanLine, type ImportResult, type UserRole } from '../session';
import { Button, Field, TextInput } from '../../ui';

const roleNames: readonly string[] = ['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris'] satisfies UserRole[];

/** A spreadsheet cell that cannot start a formula (names come from a file someone else made). */
const cell = (value: string): string => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

/** The one-time passwords as a CSV for Excel (UTF-8 with BOM, `;`). */
function passwordsCsv(result: ImportResult, headers: readonly string[]): string {
  const rows = [headers, ...result.created.map((user) => [user.username, user.name, user.initialPassword])];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/**
 * "Gebruikers importeren (CSV)": a file or pasted text, a dry run that shows per line what
 * would happen (the server's Dutch message per error), then Importeren, which applies exactly
 * that plan and shows the new accounts' one-time passwords once, to copy or download.
 */
export function UserImport({ orgName, onImported }: { orgName: (id: string) => string; onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const [source, setSource] = useState<Uint8Array<ArrayBuffer> | null>(null);
  const [pasted, setPasted] = useState('');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  const newSource = (bytes: Uint8Array<ArrayBuffer> | null): void => {
    setSource(bytes);
    setPlan(null);
    setError(null);
  };
  const chooseFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    setPasted('');
    if (!file) return newSource(null);
    void file.arrayBuffer().then((buffer) => newSource(new Uint8Array(buffer)));
  };
  const paste = (event: ChangeEvent<HTMLTextAreaElement>): void => {
    setPasted(event.target.value);
    newSource(event.target.value.trim() === '' ? null : new TextEncoder().encode(event.target.value));
  };

  const failure = (caught: unknown): string => {
    if (isApiError(caught) && caught.serverMessage) return caught.serverMessage;
    const code = isApiError(caught) ? caught.serverCode : null;
    return code === 'plan_changed' || code === 'too_large' ? t(`admin.import.errors.${code}`) : t('admin.import.errors.other');
  };
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(failure(caught));
      if (isApiError(caught) && caught.serverCode === 'plan_changed') setPlan(null);
    } finally {
      setBusy(false);
    }
  };

  const preview = (): void => {
    if (!source) return setError(t('admin.import.noSource'));
    setResult(null);
    void run(async () => setPlan(await api.adminImportPreview(source)));
  };
  const apply = (): void => {
    if (!source || !plan) return;
    void run(async () => {
      const done = await api.adminImport(source, plan.hash);
      setPlan(null);
      setResult(done);
      setCopied(false);
      await onImported();
    });
  };

  const headers = [t('admin.import.username'), t('admin.users.name'), t('admin.import.password')];
  const copy = (): void => {
    if (!result) return;
    const text = result.created.map((user) => `${user.username}\t${user.name}\t${user.initialPassword}`).join('\n');
    void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false));
  };
  const download = (): void => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([passwordsCsv(result, headers)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'eenmalige-wachtwoorden.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const roleLabel = (value: string): string => (roleNames.includes(value) ? t(`admin.roles.${value as UserRole}`) : value);
  const detail = (line: ImportPlanLine): string => {
    switch (line.status) {
      case 'add': return t('admin.import.addDetail', { name: line.name, org: orgName(line.org), role: t(`admin.roles.${line.role}`) });
      case 'change': return line.changes.map((change) => t('admin.import.changeDetail', {
        field: t(`admin.import.fields.${change.field}`),
        from: change.field === 'org' ? orgName(change.from) : change.field === 'role' ? roleLabel(change.from) : change.from,
        to: change.field === 'org' ? orgName(change.to) : change.field === 'role' ? roleLabel(change.to) : change.to,
      })).join('; ');
      case 'unchanged': return '';
      case 'error': return line.message;
    }
  };
  const applicable = plan !== null && plan.counts.add + plan.counts.change > 0;

  return (
    <section aria-labelledby="admin-import" className="admin-import">
      <h2 id="admin-import">{t('admin.import.title')}</h2>
      <p>{t('admin.import.intro')}</p>
      <div className="admin-page__form">
        <TextInput type="file" accept=".csv,text/csv,text/plain" label={t('admin.import.file')} onChange={chooseFile} />
        <Field label={t('admin.import.paste')}>
          {(ids) => <textarea id={ids.id} className="input admin-import__paste" rows={4} value={pasted} onChange={paste} spellCheck={false} placeholder="gebruikersnaam;naam;organisatie;rol" />}
        </Field>
      </div>
      <div className="admin-page__actions">
        <Button variant="secondary" icon={<FileCheck size={18} />} disabled={busy} onClick={preview}>{t('admin.import.preview')}</Button>
        <Button variant="primary" icon={<Upload size={18} />} disabled={busy || !applicable} onClick={apply}>{t('admin.import.apply')}</Button>
      </div>
      <div role="alert" aria-live="assertive">
        {error ? <Notice tone="danger"><p>{error}</p></Notice> : null}
      </div>
      <div role="status" aria-live="polite">
        {plan ? <p>{t('admin.import.summary', plan.counts)} {plan.counts.error > 0 ? t('admin.import.errorsSkipped') : null}</p> : null}
        {result ? <p>{t('admin.import.done', { added: result.created.length, changed: result.counts.change })}</p> : null}
      </div>
      {plan ? (
        <table className="data-table admin-import__plan" aria-label={t('admin.import.planTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.line')}</th>
              <th scope="col">{t('admin.import.username')}</th>
              <th scope="col">{t('admin.import.outcome')}</th>
              <th scope="col">{t('admin.import.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.lines.map((line) => (
              <tr key={line.line} className={`admin-import__line admin-import__line--${line.status}`}>
                <th scope="row">{line.line}</th>
                <td>{line.username}</td>
                <td>{t(`admin.import.${line.status}`)}</td>
                <td>{detail(line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result && result.created.length > 0 ? (
        <Notice tone="warning">
          <h3>{t('admin.import.passwordsTitle')}</h3>
          <p>{t('admin.import.passwordsNote')}</p>
          <table className="data-table" aria-label={t('admin.import.passwordsTitle')}>
            <thead>
              <tr>{headers.map((header) => <th scope="col" key={header}>{header}</th>)}</tr>
            </thead>
            <tbody>
              {result.created.map((user) => (
                <tr key={user.username}>
                  <th scope="row">{user.username}</th>
                  <td>{user.name}</td>
                  <td><code className="admin-page__password">{user.initialPassword}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="admin-page__actions">
            <Button variant="secondary" icon={<Copy size={18} />} onClick={copy}>{t('admin.import.copy')}</Button>
            <Button variant="secondary" icon={<Download size={18} />} onClick={download}>{t('admin.import.download')}</Button>
            <Button variant="quiet" onClick={() => setResult(null)}>{t('admin.import.hide')}</Button>
          </div>
          <p role="status">{copied ? t('admin.import.copied') : ''}</p>
        </Notice>
      ) : null}
    </section>
  );
}
