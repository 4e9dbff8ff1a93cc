import { LockOpen } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, PageHeading, TextInput } from '../../ui';
import type { RememberedLogin } from './rememberedLogin';
import { isFieldError, SignInErrorNotice } from './SignInErrorNotice';
import { useSessionController } from './useSession';
import { useSignInError } from './useSignInError';
import './session.css';

/** "Ontgrendelen" after a reload or the idle lock: the remembered server and username, password only. */
export function UnlockScreen({ remembered, idle = false }: { remembered: RememberedLogin; idle?: boolean }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSignInError();
  const field = useRef<HTMLFormElement>(null);

  const unlock = (resetVault: boolean): void => {
    void run(() => controller.unlock(password, { resetVault })).then((ok) => {
      if (!ok) setPassword('');
    });
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    unlock(false);
  };
  useEffect(() => {
    if (isFieldError(error)) field.current?.querySelector<HTMLElement>('input')?.focus();
  }, [error]);

  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{t('session.unlock.title')}</PageHeading>
        <p className="session-card__intro">{t(idle ? 'session.unlock.idleIntro' : 'session.unlock.intro')}</p>
        <p className="session-card__who">
          {t('session.unlock.who', { username: remembered.username, server: new URL(remembered.serverUrl).host })}
        </p>
        <SignInErrorNotice code={isFieldError(error) ? null : error} busy={busy} onReset={() => unlock(true)} />
        <form ref={field} onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextInput
            label={t('session.signIn.password')}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
            autoFocus
            error={error === 'password-missing' ? t('session.errors.password-missing') : null}
          />
          <div className="session-card__actions">
            <Button type="submit" variant="primary" icon={<LockOpen size={18} />} disabled={busy}>
              {t('session.unlock.submit')}
            </Button>
            <Button variant="quiet" onClick={() => controller.switchUser()} disabled={busy}>
              {t('session.unlock.switchUser')}
            </Button>
            <span role="status" aria-live="polite">{busy ? t('session.unlock.busy') : ''}</span>
          </div>
        </form>
      </section>
    </div>
  );
}
