import { ArrowLeft, ShieldCheck } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, PageHeading, TextInput } from '../../ui';
import { QrCode } from './QrCode';
import type { SecondFactorStep } from './signIn';
import { SignInErrorNotice } from './SignInErrorNotice';
import { useSessionController } from './useSession';
import { useSignInError } from './useSignInError';

/** The secret in groups of four, as authenticator apps show and accept it. */
const grouped = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * The second step of signing in: the code from the authenticator app (or a recovery code),
 * or, at the first sign-in, setting the app up from a QR code or the key in text.
 */
export function TwoFactorStep({ step, onBack }: { step: SecondFactorStep; onBack(): void }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  const [code, setCode] = useState('');
  const { error, busy, run } = useSignInError();
  const form = useRef<HTMLFormElement>(null);
  const enrol = step.challenge.secondFactor === 'enrol' ? step.challenge : null;

  useEffect(() => {
    if (error === 'code-missing' || error === 'invalid-code') form.current?.querySelector<HTMLElement>('input')?.focus();
  }, [error]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void run(() => controller.completeSignIn(step, code)).then((ok) => {
      if (!ok) setCode('');
    });
  };

  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{enrol ? t('session.secondFactor.enrolTitle') : t('session.secondFactor.codeTitle')}</PageHeading>
        <p className="session-card__intro">{enrol ? t('session.secondFactor.enrolIntro') : t('session.secondFactor.codeIntro')}</p>
        {enrol ? (
          <div className="two-factor__setup">
            <QrCode value={enrol.otpauthUri} label={t('session.secondFactor.qr')} />
            <div>
              <p id="two-factor-secret-intro">{t('session.secondFactor.secretIntro')}</p>
              <p>
                <span className="visually-hidden">{t('session.secondFactor.secret')}: </span>
                <code className="two-factor__secret" aria-describedby="two-factor-secret-intro" data-secret={enrol.secret}>{grouped(enrol.secret)}</code>
              </p>
            </div>
          </div>
        ) : null}
        <SignInErrorNotice code={error === 'code-missing' ? null : error} busy={busy} />
        <form ref={form} onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextInput
            label={enrol ? t('session.secondFactor.enrolCode') : t('session.secondFactor.code')}
            hint={enrol ? undefined : t('session.secondFactor.codeHint')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            error={error === 'code-missing' ? t('session.errors.code-missing') : null}
          />
          <div className="session-card__actions">
            <Button type="submit" variant="primary" icon={<ShieldCheck size={18} />} disabled={busy}>
              {enrol ? t('session.secondFactor.enrolSubmit') : t('session.secondFactor.submit')}
            </Button>
            <Button variant="quiet" icon={<ArrowLeft size={18} />} onClick={onBack} disabled={busy}>
              {t('session.secondFactor.back')}
            </Button>
            <span role="status" aria-live="polite">{busy ? t('session.secondFactor.busy') : ''}</span>
          </div>
        </form>
      </section>
    </div>
  );
}
