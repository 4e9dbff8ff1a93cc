import { KeyRound } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from '../../ui';
import { Notice } from './Notice';
import { isSignInError, type SignInErrorCode } from './signInError';
import { useConnection } from './useSession';

/**
 * The non-blocking "Log opnieuw in om te synchroniseren" prompt: shown while the server
 * refuses the token. Open documents stay open; a new login resumes syncing in place.
 */
export function ReLoginPrompt() {
  const { t } = useTranslation();
  const { needsLogin, reauthenticate } = useConnection();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SignInErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [later, setLater] = useState(false);

  useEffect(() => {
    if (!needsLogin) setLater(false);
  }, [needsLogin]);

  if (!needsLogin || later) return null;

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await reauthenticate(password);
      setPassword('');
    } catch (caught) {
      setError(isSignInError(caught) ? caught.code : 'server-error');
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const message = error === null ? null : error === 'offline-no-vault' ? t('session.relogin.unreachable') : t(`session.errors.${error}`);
  return (
    <section aria-label={t('session.relogin.title')}>
      <Notice tone="warning">
        <form className="relogin" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="relogin__text">
            <h2 className="relogin__title">{t('session.relogin.title')}</h2>
            <p>{t('session.relogin.body')}</p>
          </div>
          <TextInput
            label={t('session.relogin.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={message}
          />
          <Button type="submit" variant="primary" icon={<KeyRound size={18} />} disabled={busy}>
            {t('session.relogin.submit')}
          </Button>
          <Button variant="quiet" onClick={() => setLater(true)}>{t('session.relogin.later')}</Button>
        </form>
      </Notice>
    </section>
  );
}
