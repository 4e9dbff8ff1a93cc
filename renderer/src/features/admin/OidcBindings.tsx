import { Link2, Unlink } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, Notice, useSession, type OidcBinding } from '../session';
import { Button, Select, TextInput } from '../../ui';

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; key: 'invalid_issuer' | 'invalid_client' | 'invalid_request' | 'other' };
const errorKeys: readonly string[] = ['invalid_issuer', 'invalid_client', 'invalid_request'];

/**
 * "Inloggen via de eigen organisatie" in Beheer: bind an organisation to its identity provider
 * (issuer, client id, the client secret entered once and never shown again, the claim) or
 * unbind it. The same server code as `npm run admin -- org oidc`; audited.
 */
export function OidcBindings({ orgs }: { orgs: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const [bindings, setBindings] = useState<readonly OidcBinding[] | null>(null);
  const [available, setAvailable] = useState(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ org: '', issuer: '', clientId: '', clientSecret: '', claim: 'preferred_username' as OidcBinding['claim'] });

  const reload = useCallback(async () => {
    const answer = await api.adminOidcBindings();
    setBindings(answer.bindings);
    setAvailable(answer.available);
  }, [api]);
  useEffect(() => {
    reload().catch(() => setOutcome({ kind: 'error', key: 'other' }));
  }, [reload]);

  const change = async (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      const text = await work();
      await reload();
      setOutcome({ kind: 'done', text });
      return true;
    } catch (error) {
      const code = isApiError(error) ? error.serverCode : null;
      setOutcome({ kind: 'error', key: code !== null && errorKeys.includes(code) ? (code as 'invalid_issuer') : 'other' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const org = form.org || orgs[0]?.id || '';
  const orgName = (id: string): string => orgs.find((o) => o.id === id)?.name ?? id;
  const bind = (event: FormEvent): void => {
    event.preventDefault();
    const input = { issuer: form.issuer.trim(), clientId: form.clientId.trim(), clientSecret: form.clientSecret, claim: form.claim };
    void change(async () => {
      await api.adminBindOidc(org, input);
      return t('admin.oidc.bound', { name: orgName(org) });
    }).then(() => setForm((before) => ({ ...before, clientSecret: '' })));
  };

  return (
    <section aria-labelledby="admin-oidc">
      <h2 id="admin-oidc">{t('admin.oidc.title')}</h2>
      <p>{t('admin.oidc.intro')}</p>
      {available ? null : <Notice tone="warning"><p>{t('admin.oidc.unavailable')}</p></Notice>}
      <div role="status" aria-live="polite">
        {outcome?.kind === 'done' ? <Notice tone="info"><p>{outcome.text}</p></Notice> : null}
      </div>
      <div role="alert" aria-live="assertive">
        {outcome?.kind === 'error' ? <Notice tone="danger"><p>{t(`admin.oidc.errors.${outcome.key}`)}</p></Notice> : null}
      </div>
      {bindings && bindings.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.org')}</th>
              <th scope="col">{t('admin.oidc.issuer')}</th>
              <th scope="col">{t('admin.oidc.clientId')}</th>
              <th scope="col">{t('admin.oidc.claim')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {bindings.map((binding) => (
              <tr key={binding.org}>
                <th scope="row">{binding.orgName}</th>
                <td>{binding.issuer}</td>
                <td>{binding.clientId}</td>
                <td>{binding.claim}</td>
                <td>
                  <Button variant="quiet" icon={<Unlink size={16} />} disabled={busy} aria-label={t('admin.oidc.unbindLabel', { name: binding.orgName })}
                    onClick={() => void change(async () => {
                      await api.adminUnbindOidc(binding.org);
                      return t('admin.oidc.unbound', { name: binding.orgName });
                    })}>
                    {t('admin.oidc.unbind')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>{t('admin.oidc.none')}</p>}
      <form className="admin-page__form" onSubmit={bind} aria-busy={busy}>
        <Select label={t('admin.users.org')} value={org} onChange={(event) => setForm({ ...form, org: event.target.value })} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        <TextInput label={t('admin.oidc.issuer')} hint={t('admin.oidc.issuerHint')} value={form.issuer} onChange={(event) => setForm({ ...form, issuer: event.target.value })} inputMode="url" spellCheck={false} required />
        <TextInput label={t('admin.oidc.clientId')} value={form.clientId} onChange={(event) => setForm({ ...form, clientId: event.target.value })} spellCheck={false} required />
        <TextInput label={t('admin.oidc.clientSecret')} hint={t('admin.oidc.clientSecretHint')} type="password" autoComplete="off" value={form.clientSecret} onChange={(event) => setForm({ ...form, clientSecret: event.target.value })} required />
        <Select label={t('admin.oidc.claim')} hint={t('admin.oidc.claimHint')} value={form.claim} onChange={(event) => setForm({ ...form, claim: event.target.value as OidcBinding['claim'] })}
          options={[{ value: 'preferred_username', label: t('admin.oidc.claimUsername') }, { value: 'email', label: t('admin.oidc.claimEmail') }]} />
        <Button type="submit" variant="primary" icon={<Link2 size={18} />} disabled={busy}>{t('admin.oidc.submit')}</Button>
      </form>
    </section>
  );
}
