import { Building2, KeyRound } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../platform';
import { Button, PageHeading, Select, TextInput } from '../../ui';
import { isFieldError, SignInErrorNotice } from './SignInErrorNotice';
import { Notice } from './Notice';
import { consumeOidcReturn, exchangeOidcCodeOnce, fetchOidcOrgs, oidcErrorReason, startOidcSignIn, type OidcLogin, type OidcOrg, type OidcReturn } from './oidcSignIn';
import { parseServerUrl } from './serverUrl';
import { useSessionController } from './useSession';
import { useSignInError } from './useSignInError';
import './session.css';

/** The organisations bound to an identity provider on `server` (none while it does not answer). */
function useOidcOrgs(server: string): OidcOrg[] {
  const [orgs, setOrgs] = useState<OidcOrg[]>([]);
  useEffect(() => {
    const serverUrl = parseServerUrl(server);
    setOrgs([]);
    if (serverUrl === null) return undefined;
    let current = true;
    void fetchOidcOrgs(serverUrl).then((found) => {
      if (current) setOrgs(found);
    });
    return () => {
      current = false;
    };
  }, [server]);
  return orgs;
}

/**
 * "Inloggen via uw organisatie" next to the password form. In the web build the page goes to
 * the organisation's own sign-in page and comes back with `#oidc=`; on desktop the system
 * browser signs in while this card waits (with a cancel button), and the one-time code comes
 * back through `window.api` to `onReturn`. Nothing shows when no organisation is bound.
 */
export function OidcSignInSection({ server, error, onReturn }: { server: string; error: string | null; onReturn(result: OidcReturn): void }) {
  const { t } = useTranslation();
  const orgs = useOidcOrgs(server);
  const [org, setOrg] = useState('');
  const [waiting, setWaiting] = useState(false);
  const serverUrl = parseServerUrl(server);
  if (serverUrl === null || (orgs.length === 0 && error === null)) return null;
  const chosen = org || orgs[0]?.id || '';
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!chosen || waiting) return;
    consumeOidcReturn();
    const api = getApi();
    if (api.signInWithOrganisation) setWaiting(true);
    void startOidcSignIn(api, serverUrl, chosen, (url) => window.location.assign(url)).then((result) => {
      setWaiting(false);
      if (result) onReturn(result);
    });
  };
  return (
    <section className="session-card__oidc" aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">{t('session.oidc.heading')}</h2>
      <div role="alert" aria-live="assertive">
        {error ? <Notice tone="danger"><p>{t(`session.oidc.errors.${oidcErrorReason(error)}`)}</p></Notice> : null}
      </div>
      {orgs.length > 0 ? (
        <form onSubmit={onSubmit}>
          <p className="session-card__intro">{t('session.oidc.intro')}</p>
          <Select label={t('session.oidc.org')} value={chosen} onChange={(event) => setOrg(event.target.value)} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <div className="session-card__actions">
            <Button type="submit" icon={<Building2 size={18} />} disabled={waiting}>{t('session.oidc.submit')}</Button>
            {waiting ? <Button variant="quiet" onClick={() => void getApi().cancelOrganisationSignIn?.()}>{t('session.oidc.cancel')}</Button> : null}
          </div>
          <p role="status" aria-live="polite">{waiting ? t('session.oidc.waiting') : ''}</p>
        </form>
      ) : null}
    </section>
  );
}

/**
 * Back from the organisation's sign-in page with a one-time code: the code is redeemed, then
 * the vault on this device is opened with its own password (chosen here the first time).
 */
export function OidcReturnScreen({ code, onFailed }: { code: string; onFailed(): void }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [login, setLogin] = useState<OidcLogin | null>(null);
  const [exists, setExists] = useState<boolean | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { error, busy, run } = useSignInError();

  useEffect(() => {
    let current = true;
    void (async () => {
      const info = await getApi().getAppInfo();
      const url = info.serverUrl ?? window.location.origin;
      try {
        const result = await exchangeOidcCodeOnce(url, code);
        const found = await controller.hasVault(url, result.user.username);
        if (!current) return;
        setServerUrl(url);
        setLogin(result);
        setExists(found);
      } catch {
        if (current) onFailed();
      }
    })();
    return () => {
      current = false;
    };
  }, [code, controller, onFailed]);

  const submit = (resetVault: boolean): void => {
    if (!serverUrl || !login) return;
    void run(async () => {
      await controller.signInWithOidc(serverUrl, login, password, exists ? null : repeat, { resetVault });
      consumeOidcReturn();
    }).then((ok) => {
      if (!ok) {
        setPassword('');
        setRepeat('');
      }
    });
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    submit(false);
  };

  if (!login || exists === null) {
    return (
      <div className="session-screen">
        <section className="session-card">
          <PageHeading>{t('session.oidc.heading')}</PageHeading>
          <p role="status">{t('session.oidc.returning')}</p>
        </section>
      </div>
    );
  }
  const fieldError = (field: 'password' | 'repeat'): string | null => {
    if (field === 'password' && (error === 'password-missing' || error === 'vault-password-short')) return t(`session.errors.${error}`);
    if (field === 'repeat' && error === 'vault-password-repeat') return t('session.errors.vault-password-repeat');
    return null;
  };
  const inField = isFieldError(error) || error === 'vault-password-short' || error === 'vault-password-repeat';
  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{t('session.oidc.vaultTitle')}</PageHeading>
        <p className="session-card__intro">{t(exists ? 'session.oidc.vaultIntroExisting' : 'session.oidc.vaultIntroNew', { name: login.user.name })}</p>
        <SignInErrorNotice code={inField ? null : error} busy={busy} onReset={() => submit(true)} />
        <form onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextInput
            label={t('session.oidc.vaultPassword')}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete={exists ? 'current-password' : 'new-password'}
            autoFocus
            error={fieldError('password')}
          />
          {exists ? null : (
            <TextInput
              label={t('session.oidc.vaultRepeat')}
              type="password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              autoComplete="new-password"
              error={fieldError('repeat')}
            />
          )}
          <div className="session-card__actions">
            <Button type="submit" variant="primary" icon={<KeyRound size={18} />} disabled={busy}>{t('session.oidc.vaultSubmit')}</Button>
            <span role="status" aria-live="polite">{busy ? t('session.signIn.busy') : ''}</span>
          </div>
        </form>
      </section>
    </div>
  );
}
