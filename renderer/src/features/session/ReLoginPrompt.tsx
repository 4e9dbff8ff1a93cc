import { Building2, KeyRound } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from '../../ui';
import { Notice } from './Notice';
import { isSignInError, type SignInErrorCode } from './signInError';
import { fetchOidcOrgs, oidcStartUrl } from './oidcSignIn';
import { useConnection, useSession } from './useSession';

/** True when the user's organisation signs in at its own identity provider (asked when the prompt is needed). */
function useSignsInViaOrganisation(needed: boolean): boolean {
  const { user, serverUrl } = useSession();
  const [via, setVia] = useState(false);
  useEffect(() => {
    if (!needed) return undefined;
    let current = true;
    void fetchOidcOrgs(serverUrl).then((orgs) => {
      if (current) setVia(orgs.some((org) => org.id === user.org));
    });
    return () => {
      current = false;
    };
  }, [needed, serverUrl, user.org]);
  return via;
}

/**
 * The non-blocking "Log opnieuw in om te synchroniseren" prompt: shown while the server
 * refuses the token. Open documents stay open; a new login resumes syncing in place.
 */
export function ReLoginPrompt() {
  const { t } = useTranslation();
  const { needsLogin, reauthenticate, reauthenticateCode } = useConnection();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  /** The password was right and the server asks for the second factor. */
  const [askCode, setAskCode] = useState(false);
  const [error, setError] = useState<SignInErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [later, setLater] = useState(false);
  const { user, serverUrl } = useSession();
  const viaOrganisation = useSignsInViaOrganisation(needsLogin);

  useEffect(() => {
    if (!needsLogin) {
      setLater(false);
      setAskCode(false);
    }
  }, [needsLogin]);

  if (!needsLogin || later) return null;

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (askCode) {
        await reauthenticateCode(code);
      } else if ((await reauthenticate(password)) === 'code-needed') {
        setAskCode(true);
      }
      setPassword('');
      setCode('');
    } catch (caught) {
      const failed = isSignInError(caught) ? caught.code : 'server-error';
      setError(failed);
      // An expired ticket starts again from the password.
      if (failed === 'ticket-expired') setAskCode(false);
      setPassword('');
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (viaOrganisation) {
    // No Themakamer password: a new session comes from the organisation's sign-in page. What was
    // typed is in the vault; the page comes back and the device password opens it again.
    return (
      <section aria-label={t('session.relogin.title')}>
        <Notice tone="warning">
          <div className="relogin">
            <div className="relogin__text">
              <h2 className="relogin__title">{t('session.relogin.title')}</h2>
              <p>{t('session.relogin.bodyOrganisation')}</p>
            </div>
            <Button variant="primary" icon={<Building2 size={18} />} onClick={() => window.location.assign(oidcStartUrl(serverUrl, user.org))}>
              {t('session.oidc.submit')}
            </Button>
            <Button variant="quiet" onClick={() => setLater(true)}>{t('session.relogin.later')}</Button>
          </div>
        </Notice>
      </section>
    );
  }

  const message = error === null ? null : error === 'offline-no-vault' ? t('session.relogin.unreachable') : t(`session.errors.${error}`);
  return (
    <section aria-label={t('session.relogin.title')}>
      <Notice tone="warning">
        <form className="relogin" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="relogin__text">
            <h2 className="relogin__title">{t('session.relogin.title')}</h2>
            <p>{askCode ? t('session.relogin.codeIntro') : t('session.relogin.body')}</p>
          </div>
          {askCode ? (
            <TextInput
              key="code"
              label={t('session.relogin.code')}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={message}
            />
          ) : (
            <TextInput
              key="password"
              label={t('session.relogin.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={message}
            />
          )}
          <Button type="submit" variant="primary" icon={<KeyRound size={18} />} disabled={busy}>
            {t('session.relogin.submit')}
          </Button>
          <Button variant="quiet" onClick={() => setLater(true)}>{t('session.relogin.later')}</Button>
        </form>
      </Notice>
    </section>
  );
}
