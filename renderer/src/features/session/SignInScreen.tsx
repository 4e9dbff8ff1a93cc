import { LogIn } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../platform';
import { Button, PageHeading, TextInput } from '../../ui';
import type { RememberedLogin } from './rememberedLogin';
import { isFieldError, SignInErrorNotice } from './SignInErrorNotice';
import { useSessionController } from './useSession';
import { Notice } from './Notice';
import { parseServerUrl } from './serverUrl';
import { isSetupPending } from './setupApi';
import type { SecondFactorStep } from './signIn';
import { TwoFactorStep } from './TwoFactorStep';
import { OidcReturnScreen, OidcSignInSection } from './OidcSignIn';
import { consumeOidcReturn, type OidcReturn } from './oidcSignIn';
import { useSignInError } from './useSignInError';
import './session.css';

/** Where the server address comes from: the page itself in the web build, the user's choice on desktop. */
function useServerDefault(remembered: RememberedLogin | null): { server: string; setServer(value: string): void; editable: boolean } {
  const [server, setServer] = useState(remembered?.serverUrl ?? '');
  const [editable, setEditable] = useState(true);
  useEffect(() => {
    let current = true;
    void getApi().getAppInfo().then((info) => {
      if (!current) return;
      // The web build talks only to the server that served it (same origin, CSP).
      if (info.shell === 'web' && info.serverUrl) {
        setServer(info.serverUrl);
        setEditable(false);
      } else if (info.serverUrl) {
        setServer((typed) => typed || info.serverUrl || '');
      }
    });
    return () => {
      current = false;
    };
  }, []);
  return { server, setServer, editable };
}

/** Whether the server still waits for its first-run setup (no users yet): then the card says where the link is. */
function useSetupPending(server: string): boolean {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const serverUrl = parseServerUrl(server);
    setPending(false);
    if (serverUrl === null) return undefined;
    let current = true;
    void isSetupPending(serverUrl).then((answer) => {
      if (current) setPending(answer);
    });
    return () => {
      current = false;
    };
  }, [server]);
  return pending;
}

/**
 * "Inloggen": server, username and password; online login, or offline with this device's vault.
 * Also "Inloggen via uw organisatie" when organisations are bound to their own identity
 * provider (web build; and desktop, where the system browser signs in and the code comes back
 * here); `oidcError` is the reason the web page came back without a sign-in.
 */
export function SignInScreen({ remembered, oidcError = null, accountDisabled = false }: { remembered: RememberedLogin | null; oidcError?: string | null; accountDisabled?: boolean }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  const { server, setServer, editable } = useServerDefault(remembered);
  const [username, setUsername] = useState(remembered?.username ?? '');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSignInError();
  const [step, setStep] = useState<SecondFactorStep | null>(null);
  const setupPending = useSetupPending(server);
  // Desktop: the way back from the system browser (the web build's comes in the address).
  const [desktopOidc, setDesktopOidc] = useState<OidcReturn | null>(null);

  const form = useRef<HTMLFormElement>(null);
  const submit = (resetVault: boolean): void => {
    consumeOidcReturn();
    void run(async () => {
      setStep(await controller.signIn({ server, username, password, resetVault }));
    }).then((ok) => {
      if (!ok) setPassword('');
    });
  };
  // A field error is said by the field itself: focus moves there, so it is read with its label.
  useEffect(() => {
    if (isFieldError(error)) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    submit(false);
  };

  if (desktopOidc?.kind === 'code') return <OidcReturnScreen code={desktopOidc.code} onFailed={() => setDesktopOidc({ kind: 'error', reason: 'failed' })} />;
  if (step) {
    return (
      <TwoFactorStep
        step={step}
        onBack={() => {
          setStep(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{t('session.signIn.title')}</PageHeading>
        <p className="session-card__intro">{t('session.signIn.intro')}</p>
        {setupPending ? <Notice tone="info"><p>{t('session.setup.pending')}</p></Notice> : null}
        <SignInErrorNotice code={isFieldError(error) ? null : (error ?? (accountDisabled ? 'account-disabled' : null))} busy={busy} onReset={() => submit(true)} />
        <form ref={form} onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextInput
            label={t('session.signIn.server')}
            hint={editable ? t('session.signIn.serverHintDesktop') : t('session.signIn.serverHintWeb')}
            value={server}
            readOnly={!editable}
            onChange={(event) => setServer(event.target.value)}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            error={error === 'server-url-invalid' ? t('session.errors.server-url-invalid') : null}
          />
          <TextInput
            label={t('session.signIn.username')}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={error === 'username-missing' ? t('session.errors.username-missing') : null}
          />
          <TextInput
            label={t('session.signIn.password')}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
            error={error === 'password-missing' ? t('session.errors.password-missing') : null}
          />
          <div className="session-card__actions">
            <Button type="submit" variant="primary" icon={<LogIn size={18} />} disabled={busy}>
              {t('session.signIn.submit')}
            </Button>
            <span role="status" aria-live="polite">{busy ? t('session.signIn.busy') : ''}</span>
          </div>
        </form>
        {editable && !getApi().signInWithOrganisation ? null : (
          <OidcSignInSection server={server} error={desktopOidc?.kind === 'error' ? desktopOidc.reason : oidcError} onReturn={setDesktopOidc} />
        )}
      </section>
    </div>
  );
}
